// PostgreSQL LISTEN on a channel for a live layer: a thread of its own waits on libpq's socket and raises a flag
// when a NOTIFY arrives (a team's trigger sends one per insert), so the layer reloads without polling.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "core/result.hpp"

namespace sitmap {

// libpq's conninfo from a GDAL PG: string: the "PG:" prefix and GDAL's own keys (tables=, schemas=, ...) taken
// out, e.g. "PG:service=ops tables=incidents" -> "service=ops".
std::string libpqConnInfo(const std::string& gdalConnection);

class PgListener {
public:
  // Connects (within PGCONNECT_TIMEOUT) and listens on `channel`; an error says libpq's reason, password masked.
  static Result<std::unique_ptr<PgListener>> start(const std::string& gdalConnection, const std::string& channel);
  ~PgListener();
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

  // True once per burst of notifications since the last call.
  bool takeNotified() { return m_notified.exchange(false); }

private:
  PgListener() = default;
  void run();

  struct Connection;
  std::unique_ptr<Connection> m_connection;
  std::string m_listen;  // the LISTEN statement, re-issued after a reconnect
  std::atomic<bool> m_notified{false};
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace sitmap
