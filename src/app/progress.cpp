// Build progress on stderr and in the log.
#include "app/progress.h"

#include "app/cli.h"
#include "app/log_format.h"

#include <unistd.h>
#include <cstdio>
#include <ostream>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace zb::app {

namespace {

/// Width of the bar in characters.
constexpr std::size_t kBarWidth = 30;

}  // namespace

Progress::Progress(std::size_t total, std::ostream& err, bool tty, std::shared_ptr<spdlog::logger> file_log)
    : total_(total), err_(err), tty_(tty), file_log_(std::move(file_log)) {}

bool Progress::on_terminal() {
  return ::isatty(STDERR_FILENO) && !logs_are_json() && spdlog::default_logger()->level() <= spdlog::level::info;
}

void Progress::zone_done(const ZoneResult& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (tty_) fmt::print(stderr, "\r\033[K");
  if (r.status == ZoneStatus::built) {
    constexpr auto kBuilt = "{}: built {} ({}, {} bytes, {:.0f} ms)";
    if (tty_)
      spdlog::debug(kBuilt, r.id, r.output, counted(r.pages, "page"), r.bytes, r.ms);
    else
      spdlog::info(kBuilt, r.id, r.output, counted(r.pages, "page"), r.bytes, r.ms);
  }
  if (r.status == ZoneStatus::built) {
    // Outputs a built zone could not write (record, preview): logged, to the console and the file.
    for (const auto& e : r.errors) spdlog::error("{}", e);
  } else {
    for (const auto& e : r.errors) {
      err_ << e << '\n';
      if (file_log_) file_log_->error("{}", e);
    }
  }
  if (tty_) draw_bar();
}

void Progress::warn(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  spdlog::warn("{}", message);
}

void Progress::draw_bar() {
  const std::size_t filled = kBarWidth * done_ / total_;
  fmt::print(stderr, "[{}{}] {}/{} zones", std::string(filled, '#'), std::string(kBarWidth - filled, ' '), done_,
             total_);
  if (done_ == total_) fmt::print(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace zb::app
