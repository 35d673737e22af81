// An exclusive lock on <out>/manifest.lock while a partial run merges its zones into the shared
// manifest and gallery: shards writing into one folder merge one after the other.
#pragma once

#include <filesystem>
#include <string>

namespace zb::app {

/// Holds flock(LOCK_EX) on a lock file for its lifetime (blocking until it is free).
class ManifestLock {
 public:
  /// Locks `path` (created when missing); error() says why when it could not.
  explicit ManifestLock(const std::filesystem::path& path);
  ~ManifestLock();
  ManifestLock(const ManifestLock&) = delete;
  ManifestLock& operator=(const ManifestLock&) = delete;
  /// "" when locked.
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  std::string error_;
};

}  // namespace zb::app
