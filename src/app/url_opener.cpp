// Starting the opener with posix_spawnp: the address is an argument, so nothing in it is ever interpreted.
#include "app/url_opener.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

extern char** environ;

namespace sitmap {

Status openUrl(const std::string& url, const std::string& opener) {
  const bool web = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  const bool clean = std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
  if (!web || !clean) return Error{"not a web address: " + url.substr(0, 200)};
  std::vector<char*> argv{const_cast<char*>(opener.c_str()), const_cast<char*>(url.c_str()), nullptr};
  pid_t child = 0;
  if (const int rc = posix_spawnp(&child, opener.c_str(), nullptr, nullptr, argv.data(), environ); rc != 0)
    return Error{"cannot open " + url + ": " + opener + (rc == ENOENT ? " is not installed" : std::string(": ") + std::strerror(rc))};
  // The browser outlives the call; its launcher is reaped in the background so it never lingers as a zombie.
  std::thread([child] {
    int status = 0;
    waitpid(child, &status, 0);
  }).detach();
  return success();
}

}  // namespace sitmap
