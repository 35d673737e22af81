// SystemEnv: the real file system and process environment.
#include "base/env.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

namespace zb::base {

FileBytes SystemEnv::read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) const {
  FileBytes out;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) {
    out.error = ec.message();
    return out;
  }
  if (!std::filesystem::is_regular_file(status)) {
    out.error = "not a regular file";
    return out;
  }
  out.size = std::filesystem::file_size(path, ec);
  if (ec) {
    out.error = ec.message();
    return out;
  }
  if (out.size > max_bytes) {
    out.too_large = true;
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error = std::strerror(errno);
    return out;
  }
  // Read one byte past the known size (and never past the limit) so a file that grew since
  // stat() is still refused; sizing by the file, not the limit, avoids zeroing a large buffer.
  out.data.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(out.size, max_bytes)) + 1);
  in.read(out.data.data(), static_cast<std::streamsize>(out.data.size()));
  out.data.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    out.error = "read error";
    out.data.clear();
  } else if (out.data.size() > max_bytes) {
    out.too_large = true;
    out.size = out.data.size();
    out.data.clear();
  }
  return out;
}

std::vector<std::filesystem::path> SystemEnv::list_files(const std::filesystem::path& dir,
                                                         const std::string& suffix,
                                                         std::string& error) const {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  if (ec) {
    error = ec.message();
    return {};
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      error = ec.message();
      return {};
    }
    const auto& p = it->path();
    std::string name = p.filename().string();
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::error_code fec;
    if (!it->is_regular_file(fec)) continue;
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.filename().string() < b.filename().string();
  });
  return out;
}

std::optional<std::int64_t> source_date_epoch(const Env& env, std::string& error) {
  auto v = env.get_var("SOURCE_DATE_EPOCH");
  if (!v) return std::nullopt;
  std::int64_t out = 0;
  bool ok = !v->empty() && v->size() <= 12;
  for (char c : *v) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    out = out * 10 + (c - '0');
  }
  // PDF dates have four-digit years: at most 9999-12-31T23:59:59Z.
  if (!ok || out > 253402300799) {
    error = "SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799 (found '" + *v + "')";
    return std::nullopt;
  }
  return out;
}

std::int64_t SystemEnv::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<std::string> SystemEnv::get_var(const std::string& name) const {
  const char* v = std::getenv(name.c_str());  // the one place the environment is read
  if (!v) return std::nullopt;
  return std::string(v);
}

double Env::monotonic_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace zb::base
