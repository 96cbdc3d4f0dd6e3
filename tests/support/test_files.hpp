// Test fixtures written by the tests themselves: temporary folders, GeoTIFFs with known squares, vector files.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/image.hpp"

namespace sitmap::test {

// A fresh folder under the build's temporary area, removed when the object goes away.
class TempDir {
public:
  TempDir();
  ~TempDir();
  std::string path(const std::string& name) const;
  const std::string& root() const { return m_root; }

private:
  std::string m_root;
};

struct ColouredSquare {
  LonLat centre;
  double halfSizeDegrees;
  std::array<uint8_t, 3> rgb;
};

// An RGB GeoTIFF in `epsg` covering `lonLatBox` (transformed) at about `pixels` per side, grey (128) everywhere
// except the squares, which are painted in lon/lat space (so they stay squares in degrees whatever the CRS).
void writeSquaresGeoTiff(const std::string& path, int epsg, const Bbox& lonLatBox, int pixels,
                         const std::vector<ColouredSquare>& squares);
// A single-band Float32 GeoTIFF in EPSG:4326 with the given values (row-major, north first) and nodata.
void writeFloatGeoTiff(const std::string& path, const Bbox& lonLatBox, int width, int height,
                       const std::vector<float>& values, double nodata);
// A tiled, sparse single-band GeoTIFF of side×side pixels on 0..4°E, 14..18°N with no overviews: only its
// first 256×256 block is written (200), so a huge one takes little disk.
void writeSparseGeoTiff(const std::string& path, int side);
// An ACLED CSV as a GeoPackage point layer `layerName` through GDAL (as ogr2ogr makes it): with `typedColumns`,
// dates and numbers become typed fields; without, every column stays text.
void writeCsvAsGeoPackage(const std::string& csv, const std::string& gpkg, const std::string& layerName, bool typedColumns);
void writeText(const std::string& path, const std::string& text);
std::string readText(const std::string& path);

// Pixel colour helpers.
std::array<int, 4> pixel(const RgbaImage& image, int x, int y);
bool near(const std::array<int, 4>& actual, std::array<int, 3> rgb, int tolerance = 12);

// A pixel differs when any channel is off by more than `threshold`. Images of different sizes differ
// wholly (fraction 1, no diff image); otherwise the diff shows differing pixels red over a pale copy.
struct ImageComparison {
  double differingFraction = 1;
  RgbaImage diff;
};
ImageComparison compareImages(const RgbaImage& actual, const RgbaImage& expected, int threshold);

// The sitmap executable run with `arguments` (a shell command line; `env` prefixes it, e.g. "TZ=UTC"):
// its exit code and what it wrote to stdout and stderr.
struct CommandRun {
  int code = -1;
  std::string out, err;
};
CommandRun run(const std::string& arguments, const std::string& env = "");
// `s` in single quotes, for a shell command line.
std::string quoted(const std::string& s);

// The folder with the repository's sources (for assets/ and tests/render/).
std::string sourceDir();
// The sitmap executable.
std::string sitmapBinary();

}  // namespace sitmap::test
