// Atomic writes with link(2) for no-overwrite (fails if the name exists) and rename(2) for overwrite.
#include "io/file_write.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace sitmap {

namespace {

// Temporaries are named ".<file>.<pid>.<random>" and ".<stem>.<pid>.tmp<ext>": one whose writer is gone (killed
// mid-write) is removed at the next write to the same file, so kill -9 leaves nothing behind for long.
void removeStaleTemporaries(const std::filesystem::path& folder, const std::filesystem::path& target) {
  std::error_code ec;
  const std::string prefixes[] = {"." + target.filename().string() + ".", "." + target.stem().string() + "."};
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    for (const std::string& prefix : prefixes) {
      if (name.rfind(prefix, 0) != 0) continue;
      const size_t digitsEnd = name.find_first_not_of("0123456789", prefix.size());
      if (digitsEnd == prefix.size() || digitsEnd == std::string::npos || name[digitsEnd] != '.') continue;
      const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
      if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) std::filesystem::remove(entry.path(), ec);
      break;
    }
  }
}

}  // namespace

Status writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes, bool overwrite) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  removeStaleTemporaries(folder, target);
  std::string temp = (folder / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return Error{path + ": cannot write here: " + std::strerror(errno)};
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return Error{path + ": write failed: " + reason};
    }
    written += size_t(n);
  }
  // The data reaches the disk before the name does, so a crash never leaves a half-written file under `path`.
  ::fchmod(fd, 0644);  // mkstemp creates 0600; saved maps are ordinary readable files
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    return Error{path + ": write failed: " + reason};
  }
  return publishFile(temp, path, overwrite);
}

Status publishFile(const std::string& temporary, const std::string& path, bool overwrite) {
  if (overwrite) {
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      const std::string reason = std::strerror(errno);
      ::unlink(temporary.c_str());
      return Error{path + ": cannot save: " + reason};
    }
    return success();
  }
  // link(2) fails if the name exists: no window in which another file could be replaced.
  if (::link(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    if (error == EEXIST) return Error{path + ": already exists (not overwritten)"};
    return Error{path + ": cannot save: " + std::strerror(error)};
  }
  ::unlink(temporary.c_str());
  return success();
}

std::string temporaryNameFor(const std::string& path) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  removeStaleTemporaries(folder, target);
  return (folder / ("." + target.stem().string() + "." + std::to_string(::getpid()) + ".tmp" +
                    target.extension().string())).string();
}

}  // namespace sitmap
