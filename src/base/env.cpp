// SystemEnv: the real file system and process environment.
#include "base/env.h"

#include "base/diagnostics.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zb::base {

namespace {

/// What a path that is not a regular file is, for messages ("a FIFO (named pipe)", ...).
std::string kind_of(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

/// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

FileBytes SystemEnv::read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) const {
  FileBytes out;
  // Opened without blocking (a FIFO without a writer would wait forever) and checked on the
  // descriptor itself, so what is read is what was checked.
  Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) {
    const int err = errno;
    struct stat link {};
    if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
      out.error = "a symbolic link to a missing file";
    else
      out.error = std::strerror(err);
    return out;
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) {
    out.error = std::strerror(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.error = kind_of(st) + ", not a regular file";
    return out;
  }
  out.size = static_cast<std::uintmax_t>(st.st_size);
  if (out.size > max_bytes) {
    out.too_large = true;
    return out;
  }
  // Read one byte past the known size (and never past the limit) so a file that grew since
  // fstat() is still refused; sizing by the file, not the limit, avoids zeroing a large buffer.
  out.data.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(out.size, max_bytes)) + 1);
  std::size_t got = 0;
  while (got < out.data.size()) {
    const ssize_t n = ::read(file.fd, out.data.data() + got, out.data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = std::strerror(errno);
      out.data.clear();
      return out;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out.data.resize(got);
  if (out.data.size() > max_bytes) {
    out.too_large = true;
    out.size = out.data.size();
    out.data.clear();
  }
  return out;
}

std::vector<std::filesystem::path> SystemEnv::list_files(const std::filesystem::path& dir, const std::string& suffix,
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
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    // Every entry is listed, FIFOs, devices and dangling links included: read_file refuses what
    // is not a regular file, so such an entry fails with its reason instead of vanishing.
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });
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
    error = quote_excerpt(*v);
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

bool Env::is_directory(const std::filesystem::path&) const { return false; }

bool Env::is_regular_file(const std::filesystem::path&) const { return false; }

std::optional<std::filesystem::path> Env::executable_path() const { return std::nullopt; }

bool SystemEnv::is_directory(const std::filesystem::path& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

bool SystemEnv::is_regular_file(const std::filesystem::path& path) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

std::optional<std::filesystem::path> SystemEnv::executable_path() const {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return std::nullopt;
  return exe;
}

}  // namespace zb::base
