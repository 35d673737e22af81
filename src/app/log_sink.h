// The run's log file (<out>/zonebrief.log): opened without following links, appended line by line.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "base/diagnostics.h"

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
}  // namespace spdlog

namespace zb::app {

/// `<out>/zonebrief.log` for the length of a run: its sink joins the default logger (so
/// everything logged goes to the console and the file), and `file()` logs to the file only
/// (what the console shows in its own format, e.g. a zone's errors). Each line is written to the
/// file with one write(2) as it is logged (O_APPEND: runs' lines never tear), stamped in UTC ISO
/// 8601 ("2026-12-02T01:02:03Z [error] ...").
class RunLog {
 public:
  /// Opens `path` (O_APPEND, created if missing, never through a symbolic link, a regular file);
  /// sets `error` when it cannot.
  RunLog(const std::filesystem::path& path, std::optional<base::Diagnostic>& error);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  /// A logger writing to the file only (null when the file could not be opened).
  const std::shared_ptr<spdlog::logger>& file() const { return file_; }

 private:
  std::shared_ptr<spdlog::sinks::sink> sink_;
  std::shared_ptr<spdlog::logger> file_;
};

}  // namespace zb::app
