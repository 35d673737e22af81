// Atomic file output (temporary file, fsync, rename).
#include "app/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace zb::app {
namespace {

/// Closes a descriptor on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }

 private:
  int fd_;
};

}  // namespace

std::string write_atomically(const std::filesystem::path& path, const std::string& bytes, bool sync_folder) {
  auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / (kTempPrefix + path.filename().string() + ".XXXXXX")).string();
  Fd fd(::mkstemp(tmpl.data()));
  if (fd.get() < 0)
    return std::string("cannot create a temporary file in ") + dir.string() + ": " + std::strerror(errno);
  auto fail = [&](const char* what) {
    std::string reason = std::string(what) + " " + tmpl + ": " + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return reason;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd.get(), 0644) != 0 || ::fsync(fd.get()) != 0) return fail("cannot sync");
  if (::close(fd.release()) != 0) return fail("cannot close");
  if (::rename(tmpl.c_str(), path.c_str()) != 0) return fail("cannot rename");
  if (!sync_folder) return {};
  Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() >= 0) ::fsync(dfd.get());
  return {};
}

std::string probe_writable(const std::filesystem::path& dir) {
  std::string tmpl = (dir / (std::string(kTempPrefix) + "probe.XXXXXX")).string();
  Fd fd(::mkstemp(tmpl.data()));
  if (fd.get() < 0) return std::strerror(errno);
  ::unlink(tmpl.c_str());
  return {};
}

int open_own_file(const std::filesystem::path& path, int flags, const std::string& what,
                  std::optional<base::Diagnostic>& error) {
  int fd = ::open(path.c_str(), flags | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0644);
  struct stat st {};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) return fd;
  if (fd < 0 && errno == ELOOP)
    error = base::Diagnostic::whole_file(path.string(), "expected a " + what + " that is not a symbolic link",
                                         "a symbolic link");
  else
    error = base::Diagnostic::whole_file(path.string(), "expected a " + what + " that can be opened",
                                         fd < 0 ? std::strerror(errno) : "not a regular file");
  if (fd >= 0) ::close(fd);
  return -1;
}

/// Creates the output folder and checks it can be written.
std::optional<base::Diagnostic> prepare_out(const std::filesystem::path& out) {
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec)
    return base::Diagnostic::whole_file(out.string(), "expected an output folder that can be created", ec.message());
  // A folder nothing can be written to (read-only, say) fails here, once, before any zone.
  if (auto why = probe_writable(out); !why.empty())
    return base::Diagnostic::whole_file(out.string(), "expected a writable output folder", why);
  return std::nullopt;
}

/// Removes the temporary files a dead run left (killed by SIGKILL, say): with the folder's lock
/// held, every `.zonebrief-tmp-*` file in it is one (never a PDF; never another file).
void remove_dead_temporaries(const base::Env& env, const std::filesystem::path& out) {
  std::string error;
  std::error_code ec;
  for (const auto& f : env.list_files(out, "", error))
    if (f.filename().string().rfind(kTempPrefix, 0) == 0) std::filesystem::remove(f, ec);
}

}  // namespace zb::app
