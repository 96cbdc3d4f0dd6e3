// Input file checks with stat(2), which never blocks on a FIFO (open(2) would).
#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace sitmap {

bool isLocalFilePath(const std::string& path) {
  if (path.empty() || path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos) return false;
  // A connection string starts with a driver prefix and a colon (PG:, WFS:, MSSQL:); a local path has none
  // before its first slash.
  const size_t colon = path.find(':');
  return colon == std::string::npos || path.find('/') < colon;
}

std::string gdalPathOf(const std::string& path) {
  for (auto [scheme, prefix] : {std::pair{"http://", "/vsicurl/"}, std::pair{"https://", "/vsicurl/"}})
    if (path.rfind(scheme, 0) == 0) return prefix + path;
  for (auto [scheme, prefix] : {std::pair{"s3://", "/vsis3/"}, std::pair{"gs://", "/vsigs/"}})
    if (path.rfind(scheme, 0) == 0) return prefix + path.substr(std::string(scheme).size());
  return path;
}

bool isConnectionString(const std::string& path) {
  return !isLocalFilePath(path) && path.rfind("/vsi", 0) != 0 && path.find("://") == std::string::npos;
}

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

Status checkInputFile(const std::string& path) {
  if (!isLocalFilePath(path)) return success();
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return Error{path + ": file not found"};
    if (errno == ELOOP) return Error{path + ": too many levels of symbolic links (a link loop?)"};
    return Error{path + ": cannot read: " + std::strerror(errno)};
  }
  if (S_ISDIR(info.st_mode)) return Error{path + ": is a folder, not a file"};
  if (S_ISFIFO(info.st_mode)) return Error{path + ": is a FIFO (named pipe), not a file"};
  if (!S_ISREG(info.st_mode)) return Error{path + ": is a device or socket, not a regular file"};
  if (::access(path.c_str(), R_OK) != 0) return Error{path + ": cannot read: " + std::strerror(errno)};
  return success();
}

Result<std::string> readInputFile(const std::string& path, uint64_t maxBytes) {
  if (Status ok = checkInputFile(path); !ok) return Error{ok.error()};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return Error{path + ": read failed: " + reason};
    }
    if (n == 0) break;
    if (text.size() + size_t(n) > maxBytes) {
      ::close(fd);
      return Error{path + ": larger than " + std::to_string(maxBytes >> 20) + " MB, too large for this kind of file"};
    }
    text.append(buffer, size_t(n));
  }
  ::close(fd);
  return text;
}

}  // namespace sitmap
