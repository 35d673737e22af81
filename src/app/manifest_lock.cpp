// The manifest's merge lock: flock on a small file beside the manifest (never renamed over, unlike
// manifest.json itself, whose inode changes with every atomic write).
#include "app/manifest_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace zb::app {

ManifestLock::ManifestLock(const std::filesystem::path& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  int rc;
  while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    error_ = std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
  }
}

ManifestLock::~ManifestLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace zb::app
