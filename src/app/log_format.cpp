// Console logging: text or JSON lines, and error lines turned into log records.
#include "app/log_format.h"

#include <atomic>
#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace zb::app {
namespace {

std::atomic<bool> g_json{false};

/// The name of the logger that writes to the console only (LogLineBuf's).
constexpr const char* kConsoleOnly = "zonebrief-console";

}  // namespace

void setup_logging(LogFormat format, int verbosity) {
  auto logger = spdlog::stderr_color_mt("zonebrief");
  if (format == LogFormat::json) {
    logger->set_formatter(std::make_unique<JsonLogFormatter>());
    g_json = true;
  } else {
    logger->set_pattern("%^[%l]%$ %v");
  }
  logger->set_level(verbosity > 0 ? spdlog::level::debug : verbosity < 0 ? spdlog::level::warn : spdlog::level::info);
  spdlog::set_default_logger(logger);
  // The commands write their error lines to the log file themselves: LogLineBuf's records go to
  // the console sink alone (the run's log file joins the default logger only).
  auto console = std::make_shared<spdlog::logger>(kConsoleOnly, logger->sinks().front());
  console->set_level(logger->level());
  spdlog::register_logger(console);
}

bool logs_are_json() { return g_json; }

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  const auto since_epoch = msg.time.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
  const std::string time =
      fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(static_cast<std::time_t>(seconds.count())), millis);
  const auto level = spdlog::level::to_string_view(msg.level);
  nlohmann::ordered_json j{{"time", time},
                           {"level", std::string(level.data(), level.size())},
                           {"message", std::string(msg.payload.data(), msg.payload.size())}};
  const std::string text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  dest.append(text.data(), text.data() + text.size());
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const { return std::make_unique<JsonLogFormatter>(); }

LogLineBuf::~LogLineBuf() {
  if (!line_.empty()) flush_line();
}

LogLineBuf::int_type LogLineBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  if (traits_type::to_char_type(ch) == '\n')
    flush_line();
  else
    line_.push_back(traits_type::to_char_type(ch));
  return ch;
}

std::streamsize LogLineBuf::xsputn(const char* s, std::streamsize n) {
  for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
  return n;
}

void LogLineBuf::flush_line() {
  if (auto console = spdlog::get(kConsoleOnly)) console->error("{}", line_);
  line_.clear();
}

}  // namespace zb::app
