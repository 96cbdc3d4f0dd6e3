// A TCP server on 127.0.0.1 that accepts connections (the kernel completes them) and never answers: the hung
// database or imagery server the timeouts and the task system must survive.
#pragma once

namespace sitmap::test {

class SilentServer {
public:
  SilentServer();
  ~SilentServer();
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  int port() const { return m_port; }

private:
  int m_fd = -1;
  int m_port = 0;
};

}  // namespace sitmap::test
