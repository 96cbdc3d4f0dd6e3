// Reading the servers' .info files written by tools/test-servers (the CTest fixture), and running SQL.
#include "support/test_servers.hpp"

#include <array>
#include <cstdio>
#include <fstream>

namespace sitmap::test {

namespace {

TestServer readInfo(const std::string& name) {
  TestServer server;
  const std::string path = std::string(SITMAP_BINARY_DIR) + "/test-servers/" + name + ".info";
  std::ifstream in(path);
  if (!in) {
    server.unavailable = "no " + path + " (run the tests through ctest, whose fixture starts the servers)";
    return server;
  }
  std::string line;
  while (std::getline(in, line))
    if (const size_t eq = line.find('='); eq != std::string::npos) server.info[line.substr(0, eq)] = line.substr(eq + 1);
  server.unavailable = server["unavailable"];
  return server;
}

}  // namespace

std::string TestServer::operator[](const std::string& key) const {
  auto it = info.find(key);
  return it == info.end() ? "" : it->second;
}

TestServer postgresServer() { return readInfo("pg"); }
TestServer httpServer() { return readInfo("http"); }

std::string postgresConnection(const TestServer& pg, const std::string& extra) {
  return "PG:host=" + pg["host"] + " port=" + pg["port"] + " dbname=" + pg["dbname"] + " user=" + pg["user"] +
         (extra.empty() ? "" : " " + extra);
}

bool runSql(const TestServer& pg, const std::string& sql, std::string* error) {
  // Over TCP with the password in the environment, so it works for any user running the tests.
  const std::string command = "PGPASSWORD='" + pg["password"] + "' psql -X -q -v ON_ERROR_STOP=1 -h " + pg["host"] +
                              " -p " + pg["port"] + " -U " + pg["user"] + " -d " + pg["dbname"] + " 2>&1 <<'SITMAP_SQL'\n" +
                              sql + "\nSITMAP_SQL";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return false;
  std::string output;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (status != 0 && error) *error = output;
  return status == 0;
}

}  // namespace sitmap::test
