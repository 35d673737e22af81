// The output folder's lock: flock(2) on <out>/.zonebrief.lock, opened without following links.
#include "app/out_lock.h"

#include "app/output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

namespace zb::app {
namespace {

/// How often a waiting run tries the lock again (and looks at the stop flag).
constexpr auto kPoll = std::chrono::milliseconds(50);

/// The pid the holder wrote into the lock file ("" when there is none yet).
std::string holder_pid(int fd) {
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pid += buf[i];
  return pid;
}

/// Tries the lock once; the holder's pid when another process holds it (waiting up to a second
/// for it to write it), "" when taken.
bool try_lock(int fd, std::string& holder) {
  for (int i = 0; i < 20; ++i) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    holder = holder_pid(fd);
    if (!holder.empty()) return false;
    std::this_thread::sleep_for(kPoll);
  }
  if (holder.empty()) holder = "(unknown)";
  return false;
}

/// Opens the lock file: created if missing, never through a symbolic link, a regular file.
int open_lock_file(const std::filesystem::path& path, std::optional<base::Diagnostic>& error) {
  return open_own_file(path, O_RDWR, "lock file", error);
}

}  // namespace

OutLock::OutLock(const std::filesystem::path& out, bool wait, const std::atomic<bool>* stop,
                 std::optional<base::Diagnostic>& error) {
  int fd = open_lock_file(out / kLockFileName, error);
  if (fd < 0) return;
  std::string holder;
  if (!try_lock(fd, holder)) {
    if (!wait) {
      error = base::Diagnostic::whole_file(out.string(), "expected an output folder no other run is writing to",
                                           "one locked by process " + holder + ", and --no-wait was given");
      ::close(fd);
      return;
    }
    spdlog::warn("waiting for the lock on {} held by process {}", out.string(), holder);
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (stop && *stop) {
        error = base::Diagnostic::whole_file(out.string(), "expected the lock on the output folder",
                                             "the run was stopped while waiting for process " + holder);
        ::close(fd);
        return;
      }
      std::this_thread::sleep_for(kPoll);
    }
  }
  // Best effort: the pid only names the holder to a waiting run.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
  }
  fd_ = fd;
}

OutLock::~OutLock() {
  if (fd_ < 0) return;
  // Emptied, so that a full disk finds it as the run found it; the kernel releases the lock on close.
  if (::ftruncate(fd_, 0) != 0) {
  }
  ::close(fd_);
}

}  // namespace zb::app
