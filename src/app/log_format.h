// The console log's format: text lines, or JSON lines for log shippers (--log-format json).
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include <spdlog/formatter.h>

namespace zb::app {

enum class LogFormat { text, json };

/// Sets up the default logger on stderr: text ("[level] message", coloured on a terminal) or
/// JSON lines ({"time", "level", "message"}); `verbosity` > 0 is debug, < 0 warnings and up.
void setup_logging(LogFormat format, int verbosity);

/// True once setup_logging chose JSON: then nothing else may write plain text to stderr (no
/// progress bar).
bool logs_are_json();

/// An spdlog formatter writing one JSON object per line: {"time": UTC ISO 8601 with
/// milliseconds, "level", "message"}.
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

/// A stream buffer that logs each complete line written to it as an error on the console only
/// (the commands' error lines, `file:line:col: error: ...`, become JSON log records; the
/// commands write them to the run's log file themselves); a last line without a newline is
/// logged when the buffer is destroyed.
class LogLineBuf final : public std::streambuf {
 public:
  ~LogLineBuf() override;

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  void flush_line();
  std::string line_;
};

}  // namespace zb::app
