// Progress of a build: a bar on a terminal, a log line per zone otherwise, errors as they come.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>

#include "app/zone_result.h"

namespace spdlog {
class logger;
}

namespace zb::app {

/// Reports finished zones from any worker thread, one at a time.
class Progress {
 public:
  /// `total` zones; their errors go to `err` and, when given, to `file_log` (the run's log file,
  /// at error level). With `tty`, a bar on stderr replaces the "built" log lines (they go to debug).
  Progress(std::size_t total, std::ostream& err, bool tty, std::shared_ptr<spdlog::logger> file_log = nullptr);

  /// True when stderr is a terminal and info messages are shown: then a bar is drawn.
  static bool on_terminal();

  /// A zone is done: logs it when built (and, as errors, the outputs it could not write), writes
  /// a failed zone's errors (to `err` and the log file), advances the bar.
  void zone_done(const ZoneResult& r);

  /// Logs a warning without mixing it into another thread's report.
  void warn(const std::string& message);

 private:
  void draw_bar();

  std::mutex mutex_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::ostream& err_;
  bool tty_;
  std::shared_ptr<spdlog::logger> file_log_;
};

}  // namespace zb::app
