// The real servers tools/test-servers started for this build (a PostgreSQL cluster with PostGIS, an nginx
// serving files): where they listen, or why they are not there (the tests then skip with that reason).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace sitmap::test {

struct TestServer {
  std::map<std::string, std::string> info;  // the key=value lines of its .info file
  std::string unavailable;                  // non-empty: why it is not running
  std::string operator[](const std::string& key) const;
};

// PostgreSQL: host, port, dbname, user, password, socket.
TestServer postgresServer();
// HTTP: url (http://127.0.0.1:PORT), root (the folder it serves), log (its access log: request, status, bytes).
TestServer httpServer();

// "PG:host=127.0.0.1 port=N dbname=sitmap_test user=sitmap" plus `extra` (password= when given).
std::string postgresConnection(const TestServer& pg, const std::string& extra = "");
// Runs SQL in the test database (psql over its socket); false with the output in `error` when it fails.
bool runSql(const TestServer& pg, const std::string& sql, std::string* error = nullptr);

}  // namespace sitmap::test
