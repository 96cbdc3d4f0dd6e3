// sitmap-generate-events N OUT.csv: a SYNTHETIC ACLED-layout file for benchmarks and load tests.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "synthetic_events.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sitmap-generate-events COUNT OUT.csv   (writes synthetic, fixed-seed events)\n");
    return 1;
  }
  const long count = std::atol(argv[1]);
  if (count <= 0) {
    std::fprintf(stderr, "sitmap-generate-events: COUNT must be a positive number\n");
    return 1;
  }
  if (std::filesystem::exists(argv[2])) {
    std::fprintf(stderr, "sitmap-generate-events: %s already exists (not overwritten)\n", argv[2]);
    return 1;
  }
  sitmap::bench::writeSyntheticEvents(argv[2], size_t(count));
  return 0;
}
