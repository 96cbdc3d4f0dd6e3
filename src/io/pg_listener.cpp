// LISTEN/NOTIFY with libpq: one connection per listened layer, watched with poll() so stopping never waits long.
#include "io/pg_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <sstream>
#include <vector>

#include "core/text.hpp"

namespace sitmap {

struct PgListener::Connection {
  PGconn* conn = nullptr;
  ~Connection() {
    if (conn) PQfinish(conn);
  }
};

std::string libpqConnInfo(const std::string& gdalConnection) {
  std::string text = gdalConnection.rfind("PG:", 0) == 0 ? gdalConnection.substr(3) : gdalConnection;
  // GDAL's keys for its PostgreSQL driver, which libpq would reject.
  static const char* const kGdalKeys[] = {"tables=", "schemas=", "active_schema=", "list_all_tables="};
  std::istringstream words(text);
  std::string word, out;
  while (words >> word) {
    bool gdalKey = false;
    for (const char* key : kGdalKeys) gdalKey = gdalKey || word.rfind(key, 0) == 0;
    if (!gdalKey) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

Result<std::unique_ptr<PgListener>> PgListener::start(const std::string& gdalConnection, const std::string& channel) {
  std::unique_ptr<PgListener> listener(new PgListener());
  listener->m_connection = std::make_unique<Connection>();
  PGconn* conn = PQconnectdb(libpqConnInfo(gdalConnection).c_str());
  listener->m_connection->conn = conn;
  if (PQstatus(conn) != CONNECTION_OK)
    return Error{maskCredentials(gdalConnection) + ": cannot listen for changes: " + maskCredentials(oneLine(PQerrorMessage(conn)))};
  // The channel was checked to be an identifier (letters, digits, _), so it can be quoted as one.
  listener->m_listen = "LISTEN \"" + channel + "\"";
  PGresult* result = PQexec(conn, listener->m_listen.c_str());
  const bool listening = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  if (!listening) return Error{maskCredentials(gdalConnection) + ": LISTEN failed: " + oneLine(PQerrorMessage(conn))};
  listener->m_thread = std::thread([raw = listener.get()] { raw->run(); });
  return listener;
}

PgListener::~PgListener() {
  m_stop = true;
  if (m_thread.joinable()) m_thread.join();
}

void PgListener::run() {
  PGconn* conn = m_connection->conn;
  while (!m_stop) {
    if (PQstatus(conn) != CONNECTION_OK) {
      // The server went away: try again now and then, listening anew once back (and reload, to catch up).
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      PQreset(conn);
      if (PQstatus(conn) == CONNECTION_OK) {
        PQclear(PQexec(conn, m_listen.c_str()));
        m_notified = true;
      }
      continue;
    }
    pollfd watched{PQsocket(conn), POLLIN, 0};
    if (poll(&watched, 1, 200) <= 0) continue;  // 200 ms: a stop request is seen quickly
    if (!PQconsumeInput(conn)) continue;        // the connection broke: reset above
    while (PGnotify* notice = PQnotifies(conn)) {
      m_notified = true;
      PQfreemem(notice);
    }
  }
}

}  // namespace sitmap
