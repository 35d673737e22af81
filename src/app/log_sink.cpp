// The log file: an spdlog sink over a descriptor opened with O_NOFOLLOW, one write per line.
#include "app/log_sink.h"

#include "app/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace zb::app {
namespace {

/// The file's line format: UTC ISO 8601 time, level, message.
constexpr const char* kFilePattern = "%Y-%m-%dT%H:%M:%SZ [%l] %v";

/// Writes each formatted line to a descriptor it owns, with one write(2) (a failed write — a full
/// disk — is dropped: the log never stops a run).
class FdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  ~FdSink() override { ::close(fd_); }
  FdSink(const FdSink&) = delete;
  FdSink& operator=(const FdSink&) = delete;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    const char* p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  void flush_() override {}

 private:
  int fd_;
};

/// Opens the log file for appending; -1 with `error` set when it cannot.
int open_log_file(const std::filesystem::path& path, std::optional<base::Diagnostic>& error) {
  return open_own_file(path, O_WRONLY | O_APPEND, "log file", error);
}

}  // namespace

RunLog::RunLog(const std::filesystem::path& path, std::optional<base::Diagnostic>& error) {
  int fd = open_log_file(path, error);
  if (fd < 0) return;
  sink_ = std::make_shared<FdSink>(fd);
  sink_->set_formatter(std::make_unique<spdlog::pattern_formatter>(kFilePattern, spdlog::pattern_time_type::utc));
  file_ = std::make_shared<spdlog::logger>("zonebrief-file", sink_);
  file_->set_level(spdlog::level::trace);
  spdlog::default_logger()->sinks().push_back(sink_);
}

RunLog::~RunLog() {
  if (!sink_) return;
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
}

}  // namespace zb::app
