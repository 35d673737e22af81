// The lock on an output folder: one run at a time writes into it (flock on <out>/.zonebrief.lock).
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace zb::app {

/// The name of the lock file in an output folder.
inline constexpr const char* kLockFileName = ".zonebrief.lock";

/// An exclusive flock(2) on `<out>/.zonebrief.lock`, held while this lives (the kernel releases it
/// when the process dies, however it dies). The holder's pid is written into the file so that a
/// waiting run can name it.
class OutLock {
 public:
  /// Takes the lock on `out`. When another process holds it: with `wait`, logs (warning) "waiting
  /// for the lock on OUT held by process PID" and waits until it is free or `*stop` turns true;
  /// without, fails at once. On failure `error` is set (a configuration error naming the file or
  /// the holder) and nothing is held.
  OutLock(const std::filesystem::path& out, bool wait, const std::atomic<bool>* stop,
          std::optional<base::Diagnostic>& error);
  ~OutLock();
  OutLock(const OutLock&) = delete;
  OutLock& operator=(const OutLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace zb::app
