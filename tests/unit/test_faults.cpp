// Faults: a full disk, a read-only output folder, missing and damaged fonts, an invalid layout, a zone
// that throws and a run that crashes: exact errors, exit codes, and earlier editions left intact.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <new>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "app/build.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

using Dir = test::TempDir;

/// Printed when a test cannot run here; CTest reports the test as skipped (SKIP_REGULAR_EXPRESSION).
void skip(const std::string& why) { std::cout << "zonebrief-skip: " << why << std::endl; }

/// A tmpfs mounted on `dir` for the scope, in a private mount namespace when the process can make
/// one (then nothing outlives the test, even a crashed one). Needs root (CAP_SYS_ADMIN).
class Tmpfs {
 public:
  Tmpfs(const fs::path& dir, const std::string& options) : dir_(dir) {
    static const bool private_ns =
        ::unshare(CLONE_NEWNS) == 0 && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    (void)private_ns;
    if (::mount("zonebrief-test", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0)
      error_ = std::string("cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): ") + std::strerror(errno);
  }
  ~Tmpfs() {
    if (error_.empty()) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  /// "" when mounted, else why not.
  const std::string& error() const { return error_; }
  /// Makes the file system read-only, keeping its files; "" on success.
  std::string remount_read_only() const {
    if (::mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) != 0)
      return std::strerror(errno);
    return "";
  }

 private:
  fs::path dir_;
  std::string error_;
};

/// Every regular file of `dir` (not recursive): name → bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().filename().string()] = test::read_text_file(e.path());
  return out;
}

std::vector<std::string> names_of(const std::map<std::string, std::string>& files) {
  std::vector<std::string> out;
  for (const auto& [name, _] : files) out.push_back(name);
  return out;
}

/// Temporary-file suffixes (mkstemp's XXXXXX) made stable for comparison.
std::string stable(const std::string& s) {
  return std::regex_replace(s, std::regex(R"(\.[A-Za-z0-9]{6}:)"), ".XXXXXX:");
}

/// Copies real zones into `dir`.
void copy_zones(const fs::path& dir, std::initializer_list<const char*> ids) {
  for (const char* id : ids)
    fs::copy_file(test::source_dir() / "inputs" / (std::string(id) + ".yaml"), dir / (std::string(id) + ".yaml"));
}

test::ToolRun build(const std::string& args) {
  return test::run_tool("cd '" + test::source_dir().string() + "' && SOURCE_DATE_EPOCH=1735689600 " + ZB_BINARY +
                        " -q build --jobs 1 " + args);
}

std::string io(const fs::path& in, const fs::path& out) {
  return "--inputs '" + in.string() + "' --out '" + out.string() + "'";
}

bool complete_pdf(const std::string& bytes) {
  return bytes.rfind("%PDF-", 0) == 0 && bytes.find("%%EOF") != std::string::npos;
}

/// A fonts folder: fonts.yaml copied, every face a link to the real one (each test replaces the
/// links it damages with files of its own, never writing through a link).
void font_folder(const fs::path& dir) {
  fs::copy_file(test::source_dir() / "fonts/fonts.yaml", dir / "fonts.yaml");
  for (const auto& e : fs::directory_iterator(test::source_dir() / "fonts"))
    if (e.path().extension() == ".ttf") fs::create_symlink(e.path(), dir / e.path().filename());
}

struct Table {
  std::string tag;
  std::size_t offset = 0, length = 0;
};

/// The table records of a TrueType file.
std::vector<Table> tables_of(const std::string& font) {
  auto u = [&](std::size_t at, int n) {
    std::size_t v = 0;
    for (int i = 0; i < n; ++i) v = v << 8 | static_cast<unsigned char>(font[at + static_cast<std::size_t>(i)]);
    return v;
  };
  std::vector<Table> out;
  for (std::size_t i = 0, n = u(4, 2); i < n; ++i)
    out.push_back({font.substr(12 + 16 * i, 4), u(12 + 16 * i + 8, 4), u(12 + 16 * i + 12, 4)});
  return out;
}

}  // namespace

TEST_CASE("faults: a full disk fails the zones and the manifest with the cause, the last edition stays", "[faults]") {
  Dir in("zonebrief-full-in"), disk("zonebrief-full-disk");
  Tmpfs fs_(disk.path, "size=1m");
  if (!fs_.error().empty()) return skip(fs_.error());
  copy_zones(in.path, {"xianghu-xiaobin", "qianjiang-century-city"});
  const fs::path out = disk.path / "out";
  REQUIRE(build(io(in.path, out)).code == 0);
  const auto before = snapshot(out);
  REQUIRE(before.count("manifest.json"));
  REQUIRE(before.count("xianghu-xiaobin.pdf"));

  {  // Fill the file system.
    int fd = ::open((disk.path / "filler").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    std::string chunk(64 << 10, 'x');
    while (::write(fd, chunk.data(), chunk.size()) > 0) {
    }
    CHECK(errno == ENOSPC);
    ::close(fd);
  }
  auto r = build("--force " + io(in.path, out));
  CHECK(r.code == 1);
  const std::string o = out.string();
  CHECK(stable(r.err) ==
        o + "/qianjiang-century-city.pdf:1:1: error: expected a writable output file (found cannot write " + o +
            "/.zonebrief-tmp-qianjiang-century-city.pdf.XXXXXX: No space left on device)\n" + o +
            "/xianghu-xiaobin.pdf:1:1: error: expected a writable output file (found cannot write " + o +
            "/.zonebrief-tmp-xianghu-xiaobin.pdf.XXXXXX: No space left on device)\n" + o +
            "/index.html:1:1: error: expected a writable gallery (found cannot write " + o +
            "/.zonebrief-tmp-index.html.XXXXXX: No space left on device)\n" + o +
            "/manifest.json:1:1: error: expected a writable manifest (found cannot write " + o +
            "/.zonebrief-tmp-manifest.json.XXXXXX: No space left on device)\n");
  // Every file of the last edition is byte-identical, and no temporary file is left.
  const auto after = snapshot(out);
  CHECK(names_of(after) == names_of(before));
  CHECK(after == before);
}

TEST_CASE("faults: a read-only output folder is a configuration error, nothing is touched", "[faults]") {
  Dir in("zonebrief-ro-in"), disk("zonebrief-ro-disk");
  Tmpfs fs_(disk.path, "size=2m");
  if (!fs_.error().empty()) return skip(fs_.error());
  copy_zones(in.path, {"xianghu-xiaobin"});
  const fs::path out = disk.path / "out";
  REQUIRE(build(io(in.path, out)).code == 0);
  const auto before = snapshot(out);
  if (auto why = fs_.remount_read_only(); !why.empty()) return skip("cannot remount the tmpfs read-only: " + why);
  auto r = build("--force " + io(in.path, out));
  CHECK(r.code == 2);
  CHECK(r.err == out.string() + ":1:1: error: expected a writable output folder (found Read-only file system)\n");
  CHECK(snapshot(out) == before);
}

namespace {

/// An earlier edition built with a fonts folder of links to the real faces; then one face
/// (NotoSans-Bold, faces.latin-bold at fonts.yaml:11:25) goes missing or is damaged.
struct FontFault {
  Dir in{"zonebrief-font-in"}, out{"zonebrief-font-out"}, fonts{"zonebrief-font-dir"};
  std::map<std::string, std::string> before;
  const fs::path face = fonts.path / "NotoSans-Bold.ttf";
  const std::string real = test::read_text_file(test::source_dir() / "fonts/NotoSans-Bold.ttf");
  const std::string prefix = fonts.path.string() + "/fonts.yaml:11:25: error: faces.latin-bold.file: ";

  FontFault() {
    copy_zones(in.path, {"xianghu-xiaobin"});
    font_folder(fonts.path);
    REQUIRE(build(io(in.path, out.path) + " --no-previews --fonts '" + fonts.path.string() + "'").code == 0);
    before = snapshot(out.path);
  }
  void replace_face(const std::string& bytes) const {
    fs::remove(face);  // the link, never its target
    std::ofstream(face, std::ios::binary) << bytes;
  }
  /// Rebuilds: a configuration error (exit 2) with exactly `error`, and nothing overwritten.
  void expect(const std::string& error) const {
    auto r = build("--force --no-previews " + io(in.path, out.path) + " --fonts '" + fonts.path.string() + "'");
    CHECK(r.code == 2);
    CHECK(r.err == prefix + error + "\n");
    CHECK(snapshot(out.path) == before);
  }
};

}  // namespace

TEST_CASE("faults: a missing font file is a configuration error naming it, nothing is overwritten", "[faults]") {
  FontFault f;
  fs::remove(f.face);
  // One error: the roles naming the face are not reported again.
  f.expect("expected a readable font file (run .ci/setup to prepare fonts/) (found " + f.face.string() +
           ": No such file or directory)");
}

TEST_CASE("faults: a font file cut short by one byte is refused naming its incomplete table", "[faults]") {
  FontFault f;
  Table last;
  for (const auto& t : tables_of(f.real))
    if (t.offset + t.length > last.offset + last.length) last = t;
  f.replace_face(f.real.substr(0, last.offset + last.length - 1));
  f.expect("expected an undamaged font file (run .ci/setup to prepare fonts/ again) (found " + f.face.string() +
           ": table '" + last.tag + "' extends past the end of the file)");
}

TEST_CASE("faults: a font file with four bytes of its outlines overwritten fails its checksum", "[faults]") {
  FontFault f;
  std::string damaged = f.real;
  for (const auto& t : tables_of(f.real))
    if (t.tag == "glyf") damaged.replace(t.offset + t.length / 2, 4, "XXXX");
  REQUIRE(damaged != f.real);
  f.replace_face(damaged);
  f.expect("expected an undamaged font file (run .ci/setup to prepare fonts/ again) (found " + f.face.string() +
           ": table 'glyf' does not match its checksum)");
}

TEST_CASE("faults: a font file that is no font at all is a configuration error naming it", "[faults]") {
  FontFault f;
  f.replace_face(std::string(4096, '\x5a'));
  f.expect("expected a TrueType-outline (glyf) font (found " + f.face.string() + ": not a font)");
}

TEST_CASE("faults: a layout with an unknown block stops the build with its errors in the one format", "[faults]") {
  Dir in("zonebrief-layout-in"), out("zonebrief-layout-out"), layouts("zonebrief-layout-dir");
  copy_zones(in.path, {"xianghu-xiaobin"});
  for (const char* l : {"briefing.yaml", "onepager.yaml"})
    fs::copy_file(test::source_dir() / "layouts" / l, layouts.path / l);
  REQUIRE(build(io(in.path, out.path) + " --layouts '" + layouts.path.string() + "'").code == 0);
  const auto before = snapshot(out.path);
  fs::copy_file(test::source_dir() / "tests/layouts/bad/unknown-block.yaml", layouts.path / "unknown-block.yaml");
  auto r = build("--force " + io(in.path, out.path) + " --layouts '" + layouts.path.string() + "'");
  CHECK(r.code == 2);
  // Exactly the fixture's errors, at the copy's path.
  std::string expected = test::read_text_file(test::source_dir() / "tests/layouts/bad/unknown-block.errors");
  expected = std::regex_replace(expected, std::regex("tests/layouts/bad/"), layouts.path.string() + "/");
  CHECK(r.err == expected);
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);)
    CHECK(std::regex_match(line, std::regex(R"([^:]+:[0-9]+:[0-9]+: error: .+)")));
  CHECK(snapshot(out.path) == before);
}

namespace {

/// The real machine, except that reading one file throws what `raise` throws: a failure inside a
/// worker, injected through the one interface zonebrief reaches the world by.
class ThrowingEnv final : public base::Env {
 public:
  ThrowingEnv(std::string victim, std::function<void()> raise) : victim_(std::move(victim)), raise_(std::move(raise)) {}
  base::FileBytes read_file(const fs::path& path, std::uintmax_t max_bytes) const override {
    if (path.filename() == victim_) raise_();
    return real_.read_file(path, max_bytes);
  }
  std::vector<fs::path> list_files(const fs::path& dir, const std::string& suffix, std::string& error) const override {
    return real_.list_files(dir, suffix, error);
  }
  std::optional<std::string> get_var(const std::string& name) const override {
    return name == "SOURCE_DATE_EPOCH" ? std::optional<std::string>("1735689600") : std::nullopt;
  }
  std::int64_t now() const override { return 1735689600; }

 private:
  base::SystemEnv real_;
  std::string victim_;
  std::function<void()> raise_;
};

using test::many_zones;

}  // namespace

TEST_CASE("faults: a zone whose build throws fails alone, the others and the manifest are written", "[faults]") {
  struct Case {
    const char* what;
    std::function<void()> raise;
    const char* found;
  };
  const Case cases[] = {
      {"std::bad_alloc", [] { throw std::bad_alloc(); }, "out of memory"},
      {"an exception of no standard type", [] { throw 42; }, "an unknown exception"},
      {"a std::runtime_error", [] { throw std::runtime_error("disk on fire"); }, "disk on fire"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Dir in("zonebrief-throw-in"), out("zonebrief-throw-out");
    many_zones(in.path, 3);
    ThrowingEnv env("zone-001.yaml", c.raise);
    app::BuildOptions o;
    o.inputs = in.path;
    o.out = out.path;
    o.fonts = test::source_dir() / "fonts";
    o.layouts = test::source_dir() / "layouts";
    o.jobs = 2;
    o.previews = false;
    std::ostringstream summary, err;
    CHECK(app::run_build(env, o, summary, err) == 1);
    const std::string error =
        (in.path / "zone-001.yaml").string() + ":1:1: error: expected the zone to build (found " + c.found + ")";
    CHECK(err.str() == error + "\n");
    auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
    REQUIRE(m["zones"].size() == 3);
    for (const auto& z : m["zones"]) {
      INFO(z.dump());
      if (z["id"] == "zone-001") {
        CHECK(z["status"] == "failed");
        CHECK(z["errors"] == nlohmann::json::array({error}));
      } else {
        CHECK(z["status"] == "built");
        CHECK(complete_pdf(test::read_text_file(z["output"].get<std::string>())));
      }
    }
    CHECK_FALSE(fs::exists(out.path / "zone-001.pdf"));
  }
}

// A crash (SIGSEGV) in one zone cannot be survived in-process: zones are threads of one process.
// What the design guarantees is tested instead: every PDF is the last edition or a complete new
// one, never a part; the last manifest stays; the rerun removes the temporary files and
// completes the new edition.
TEST_CASE("faults: a run that crashes leaves each PDF old or new and whole, the rerun completes", "[faults]") {
  Dir in("zonebrief-crash-in"), out("zonebrief-crash-out");
  const int n = 16;
  many_zones(in.path, n);
  const std::string command = "cd '" + test::source_dir().string() + "' && SOURCE_DATE_EPOCH=1735689600 exec " +
                              ZB_BINARY + " -q build --jobs 2 --no-previews --inputs '" + in.path.string() +
                              "' --out '" + out.path.string() + "'";
  REQUIRE(test::run_tool(command).code == 0);
  const auto first = snapshot(out.path);
  // The next edition: one figure changed in every zone.
  many_zones(in.path, n, [](std::string& t) { t.replace(t.find("value: 30"), 9, "value: 31"); });

  pid_t pid = fork();
  if (pid == 0) {
    rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    execl("/bin/sh", "sh", "-c", (command + " 2>/dev/null").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Crash it as soon as the first new PDF has replaced an old one (renamed over it: a new inode).
  auto inode = [](const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
  };
  std::map<std::string, ino_t> inodes;
  for (const auto& [name, _] : first) inodes[name] = inode(out.path / name);
  int status = 0;
  bool exited = false;
  for (bool replaced = false; !replaced && !exited;) {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    for (const auto& [name, ino] : inodes)
      replaced = replaced || (fs::path(name).extension() == ".pdf" && inode(out.path / name) != ino);
    exited = waitpid(pid, &status, WNOHANG) == pid;
  }
  REQUIRE_FALSE(exited);
  kill(pid, SIGSEGV);
  waitpid(pid, &status, 0);
  // Killed by the signal; under AddressSanitizer (which handles SIGSEGV itself) a failed exit.
  INFO("wait status " << status);
  REQUIRE(((WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)));
  const auto crashed = snapshot(out.path);
  CHECK(crashed.at("manifest.json") == first.at("manifest.json"));

  auto rerun = test::run_tool(command);
  CHECK(rerun.code == 0);
  const auto second = snapshot(out.path);
  int old_pdfs = 0, new_pdfs = 0;
  for (const auto& [name, bytes] : second) {
    CHECK((name[0] != '.' || name == ".zonebrief.lock"));  // the crashed run's temporary files are gone
    if (fs::path(name).extension() != ".pdf") continue;
    INFO(name);
    REQUIRE(first.count(name));
    CHECK(complete_pdf(bytes));
    CHECK(bytes != first.at(name));  // the new edition differs
    // At the crash: the last edition's bytes, or a whole new PDF. (Not always the rerun's bytes: a
    // zone rebuilt before the crash left its new record, so the rerun lists no changes for it.)
    REQUIRE(crashed.count(name));
    const std::string& at_crash = crashed.at(name);
    CHECK((at_crash == first.at(name) || complete_pdf(at_crash)));
    old_pdfs += at_crash == first.at(name);
    new_pdfs += at_crash != first.at(name) && complete_pdf(at_crash);
  }
  INFO(old_pdfs << " PDFs of the last edition and " << new_pdfs << " of the new one at the crash");
  CHECK(old_pdfs + new_pdfs == n);
  auto m = nlohmann::json::parse(second.at("manifest.json"));
  REQUIRE(m["zones"].size() == static_cast<std::size_t>(n));
  for (const auto& z : m["zones"]) CHECK(z["status"] == "built");
}

// ---- The output folder is a shared, durable store ------------------------------------------

namespace {

const char* const kEpoch = "1735689600";

/// The build command line (from the repository root, -q) without running it.
std::string build_command(const std::string& args, const std::string& verbosity = "-q") {
  return "cd '" + test::source_dir().string() + "' && SOURCE_DATE_EPOCH=" + kEpoch + " exec " + ZB_BINARY + " " +
         verbosity + " build " + args;
}

/// Starts `command` through the shell in the background with its stderr in `err_file`; its pid
/// (the command's own when it starts with exec).
pid_t spawn(const std::string& command, const fs::path& err_file) {
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", (command + " 2>'" + err_file.string() + "'").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

/// The exit code of a child, -1 when it did not exit normally.
int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Waits (up to a minute) until `ready` is true or the child `pid` has exited; false when it exited.
bool wait_until(pid_t pid, const std::function<bool()>& ready) {
  for (int i = 0; i < 60000; ++i) {
    if (ready()) return true;
    if (waitpid(pid, nullptr, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

bool has_pdf(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".pdf") return true;
  return false;
}

/// Holds the lock of an output folder the way a run does (flock on <out>/.zonebrief.lock, this
/// process's pid in it).
class HeldLock {
 public:
  explicit HeldLock(const fs::path& out)
      : fd_(::open((out / ".zonebrief.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::flock(fd_, LOCK_EX | LOCK_NB) == 0);
    std::string pid = std::to_string(::getpid()) + "\n";
    REQUIRE(::ftruncate(fd_, 0) == 0);
    REQUIRE(::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()));
  }
  ~HeldLock() { release(); }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

}  // namespace

TEST_CASE("faults: start-up removes only zonebrief's temporaries, never other hidden files", "[faults]") {
  Dir in("zonebrief-clean-in"), out("zonebrief-clean-out");
  copy_zones(in.path, {"xianghu-xiaobin"});
  // A user's hidden files, some with a dot seven characters from the end like mkstemp's names.
  const std::map<std::string, std::string> users = {
      {".env.sample", "A=1\n"}, {".profile.backup", "PATH=/bin\n"}, {".x.tar.gz", "gz"}, {".notes.abcdef", "n\n"}};
  for (const auto& [name, bytes] : users) std::ofstream(out.path / name) << bytes;
  // What a dead run left: a PDF's and a probe's temporaries.
  const std::vector<std::string> dead = {".zonebrief-tmp-xianghu-xiaobin.pdf.a1B2c3", ".zonebrief-tmp-probe.Zz9yY8"};
  auto leave_temporaries = [&] {
    for (const auto& name : dead) std::ofstream(out.path / name) << "%PDF-1.7 half";
  };
  leave_temporaries();
  REQUIRE(build(io(in.path, out.path)).code == 0);
  auto after = snapshot(out.path);
  for (const auto& [name, bytes] : users) {
    INFO(name);
    REQUIRE(after.count(name));
    CHECK(after.at(name) == bytes);
  }
  for (const auto& name : dead) CHECK_FALSE(after.count(name));
  // One shard of several removes them too: it holds the folder's lock, so they are a dead run's.
  leave_temporaries();
  REQUIRE(build("--shard 0/2 " + io(in.path, out.path)).code == 0);
  after = snapshot(out.path);
  for (const auto& name : dead) CHECK_FALSE(after.count(name));
  for (const auto& [name, bytes] : users) CHECK(after.count(name));
}

TEST_CASE("faults: a log file that is a symbolic link is refused, its target untouched", "[faults]") {
  Dir in("zonebrief-loglink-in"), out("zonebrief-loglink-out"), elsewhere("zonebrief-loglink-else");
  copy_zones(in.path, {"xianghu-xiaobin"});
  const fs::path target = elsewhere.path / "precious.txt";
  std::ofstream(target) << "keep me\n";
  fs::create_symlink(target, out.path / "zonebrief.log");
  auto r = build(io(in.path, out.path));
  CHECK(r.code == 2);
  CHECK(r.err == (out.path / "zonebrief.log").string() +
                     ":1:1: error: expected a log file that is not a symbolic link (found a symbolic link)\n");
  CHECK(test::read_text_file(target) == "keep me\n");
  CHECK_FALSE(fs::exists(out.path / "xianghu-xiaobin.pdf"));
}

TEST_CASE("faults: a lock file that is a symbolic link is refused, its target untouched", "[faults]") {
  Dir in("zonebrief-locklink-in"), out("zonebrief-locklink-out"), elsewhere("zonebrief-locklink-else");
  copy_zones(in.path, {"xianghu-xiaobin"});
  const fs::path target = elsewhere.path / "precious.txt";
  std::ofstream(target) << "keep me\n";
  fs::create_symlink(target, out.path / ".zonebrief.lock");
  auto r = build(io(in.path, out.path));
  CHECK(r.code == 2);
  CHECK(r.err == (out.path / ".zonebrief.lock").string() +
                     ":1:1: error: expected a lock file that is not a symbolic link (found a symbolic link)\n");
  CHECK(test::read_text_file(target) == "keep me\n");
  CHECK_FALSE(fs::exists(out.path / "xianghu-xiaobin.pdf"));
}

TEST_CASE("faults: outputs that are symbolic links are replaced by files, their targets untouched", "[faults]") {
  Dir in("zonebrief-outlink-in"), out("zonebrief-outlink-out"), elsewhere("zonebrief-outlink-else");
  copy_zones(in.path, {"xianghu-xiaobin"});
  const std::vector<std::string> names = {"xianghu-xiaobin.pdf", "xianghu-xiaobin.png", "xianghu-xiaobin.record.json",
                                          "manifest.json", "index.html"};
  for (const auto& name : names) {
    std::ofstream(elsewhere.path / name) << "keep me\n";
    fs::create_symlink(elsewhere.path / name, out.path / name);
  }
  REQUIRE(build(io(in.path, out.path)).code == 0);
  for (const auto& name : names) {
    INFO(name);
    CHECK(test::read_text_file(elsewhere.path / name) == "keep me\n");
    CHECK_FALSE(fs::is_symlink(out.path / name));
    CHECK(fs::is_regular_file(out.path / name));
  }
  CHECK(complete_pdf(test::read_text_file(out.path / "xianghu-xiaobin.pdf")));
}

TEST_CASE("faults: two runs into one output folder at once take turns, both complete", "[faults]") {
  Dir in("zonebrief-twice-in"), out("zonebrief-twice-out"), logs("zonebrief-twice-logs");
  const int n = 200;
  many_zones(in.path, n);
  const std::string command = build_command("--jobs 2 --no-previews " + io(in.path, out.path));
  const pid_t first = spawn(command, logs.path / "first.err");
  // The second starts while the first is writing its PDFs.
  const bool writing = wait_until(first, [&] { return has_pdf(out.path); });
  auto second = test::run_tool(command);
  const int first_code = wait_exit(first);
  REQUIRE(writing);
  const std::string first_err = test::read_text_file(logs.path / "first.err");
  INFO("first: " << first_err << "\nsecond: " << second.err);
  CHECK(first_code == 0);
  CHECK(second.code == 0);
  CHECK(first_err.find("cannot rename") == std::string::npos);
  CHECK(second.err.find("cannot rename") == std::string::npos);
  CHECK(second.err.find("waiting for the lock on " + out.path.string() + " held by process " + std::to_string(first)) !=
        std::string::npos);
  // Every zone is in the manifest, every PDF whole, no temporary left.
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(m["zones"].size() == static_cast<std::size_t>(n));
  for (const auto& z : m["zones"]) {
    INFO(z.dump());
    CHECK((z["status"] == "built" || z["status"] == "unchanged"));
  }
  for (const auto& [name, bytes] : snapshot(out.path)) {
    INFO(name);
    CHECK(name.rfind(".zonebrief-tmp-", 0) != 0);
    if (fs::path(name).extension() == ".pdf") CHECK(complete_pdf(bytes));
  }
  for (const char* id : {"zone-000", "zone-057", "zone-123", "zone-199"}) {
    auto check = test::run_tool("qpdf --check '" + (out.path / (std::string(id) + ".pdf")).string() + "'");
    INFO(id << ": " << check.out << check.err);
    CHECK(check.code == 0);
  }
  // Both runs' lines are whole in the shared log.
  std::istringstream lines(test::read_text_file(out.path / "zonebrief.log"));
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(std::regex_match(line, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \[[a-z]+\] .+)")));
  }
}

TEST_CASE("faults: a run waits for the lock of its output folder, or with --no-wait exits 2 naming the holder",
          "[faults]") {
  Dir in("zonebrief-lock-in"), out("zonebrief-lock-out"), logs("zonebrief-lock-logs");
  copy_zones(in.path, {"xianghu-xiaobin"});
  const std::string pid = std::to_string(::getpid());
  HeldLock lock(out.path);
  auto r = build("--no-wait " + io(in.path, out.path));
  CHECK(r.code == 2);
  CHECK(r.err == out.path.string() +
                     ":1:1: error: expected an output folder no other run is writing to (found one locked by process " +
                     pid + ", and --no-wait was given)\n");
  CHECK_FALSE(fs::exists(out.path / "xianghu-xiaobin.pdf"));
  // Without --no-wait it says so, waits, and builds once the lock is released.
  const fs::path err_file = logs.path / "waiting.err";
  const pid_t waiting = spawn(build_command("--jobs 1 " + io(in.path, out.path)), err_file);
  const std::string message =
      "[warning] waiting for the lock on " + out.path.string() + " held by process " + pid + "\n";
  const bool said = wait_until(waiting, [&] { return test::read_text_file(err_file) == message; });
  CHECK_FALSE(fs::exists(out.path / "xianghu-xiaobin.pdf"));
  lock.release();
  CHECK(wait_exit(waiting) == 0);
  CHECK(said);
  CHECK(test::read_text_file(err_file) == message);
  CHECK(complete_pdf(test::read_text_file(out.path / "xianghu-xiaobin.pdf")));
  CHECK(test::read_text_file(out.path / "zonebrief.log").find(message.substr(std::string("[warning] ").size())) !=
        std::string::npos);
}

TEST_CASE("faults: a preview, a record or the gallery that cannot be written is an error, exit 1", "[faults]") {
  Dir in("zonebrief-unwritable-in"), out("zonebrief-unwritable-out");
  copy_zones(in.path, {"xianghu-xiaobin", "qianjiang-century-city"});
  // A folder where each output goes: rename cannot replace it.
  for (const char* name : {"xianghu-xiaobin.png", "qianjiang-century-city.record.json", "index.html"})
    fs::create_directories(out.path / name / "keep");
  auto r = build(io(in.path, out.path));
  CHECK(r.code == 1);
  const std::string o = out.path.string();
  const std::string record_error = o +
                                   "/qianjiang-century-city.record.json:1:1: error: expected a writable edition record "
                                   "(found cannot rename " +
                                   o + "/.zonebrief-tmp-qianjiang-century-city.record.json.XXXXXX: Is a directory)";
  const std::string preview_error =
      o + "/xianghu-xiaobin.png:1:1: error: expected a writable preview (found cannot rename " + o +
      "/.zonebrief-tmp-xianghu-xiaobin.png.XXXXXX: Is a directory)";
  const std::string gallery_error = o + "/index.html:1:1: error: expected a writable gallery (found cannot rename " +
                                    o + "/.zonebrief-tmp-index.html.XXXXXX: Is a directory)";
  const std::string err = stable(r.err);
  INFO(err);
  CHECK(err.find("[error] " + record_error + "\n") != std::string::npos);
  CHECK(err.find("[error] " + preview_error + "\n") != std::string::npos);
  CHECK(err.find(gallery_error + "\n") != std::string::npos);
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(m["zones"].size() == 2);
  for (const auto& z : m["zones"]) {
    INFO(z.dump());
    CHECK(z["status"] == "built");  // the PDF is written
    REQUIRE(z["errors"].size() == 1);
    CHECK(stable(z["errors"][0].get<std::string>()) == (z["id"] == "xianghu-xiaobin" ? preview_error : record_error));
  }
  CHECK_FALSE(m["zones"][1].contains("preview"));
  // The gallery is the run's own output: the manifest's run-level errors name it.
  REQUIRE(m["errors"].size() == 1);
  CHECK(stable(m["errors"][0].get<std::string>()) == gallery_error);
  const std::string log = stable(test::read_text_file(out.path / "zonebrief.log"));
  for (const auto& e : {record_error, preview_error, gallery_error})
    CHECK(log.find("[error] " + e + "\n") != std::string::npos);
}

TEST_CASE("faults: a build whose output pipe closes early completes and writes its manifest", "[faults]") {
  Dir in("zonebrief-pipe-in"), out("zonebrief-pipe-out");
  many_zones(in.path, 3);
  // `head -1` exits after the first line; the next line written would raise SIGPIPE.
  auto r = test::run_tool("bash -c \"" + build_command("--jobs 1 --no-previews " + io(in.path, out.path), "") +
                          " 2>&1 | head -1 >/dev/null; exit \\${PIPESTATUS[0]}\"");
  CHECK(r.code == 0);
  REQUIRE(fs::exists(out.path / "manifest.json"));
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(m["zones"].size() == 3);
  for (const auto& z : m["zones"]) CHECK(z["status"] == "built");
}

TEST_CASE("faults: a failing zone's errors are in zonebrief.log, one line each, with a UTC timestamp", "[faults]") {
  Dir in("zonebrief-log-in"), out("zonebrief-log-out");
  many_zones(in.path, 2);
  std::string text = test::read_text_file(in.path / "zone-001.yaml");
  text.replace(text.find("value: 30"), 9, "value: '30'");
  std::ofstream(in.path / "zone-001.yaml") << text;
  const std::time_t before = std::time(nullptr);
  auto r = test::run_tool("TZ=Asia/Shanghai " + build_command("--jobs 1 --no-previews " + io(in.path, out.path)));
  const std::time_t after = std::time(nullptr);
  CHECK(r.code == 1);
  REQUIRE_FALSE(r.err.empty());
  const std::string log = test::read_text_file(out.path / "zonebrief.log");
  INFO(log);
  std::istringstream errors(r.err);
  const std::regex line_shape(R"((\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z \[([a-z]+)\] (.+))");
  for (std::string e; std::getline(errors, e);) {
    if (e.rfind("[error] ", 0) == 0) continue;  // the summary, logged to both
    INFO(e);
    bool found = false;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_match(line, m, line_shape) || m[7] != "error" || m[8] != e) continue;
      std::tm t{};
      t.tm_year = std::stoi(m[1]) - 1900, t.tm_mon = std::stoi(m[2]) - 1, t.tm_mday = std::stoi(m[3]);
      t.tm_hour = std::stoi(m[4]), t.tm_min = std::stoi(m[5]), t.tm_sec = std::stoi(m[6]);
      const std::time_t at = ::timegm(&t);  // the time read as UTC is the time it was written
      CHECK(at >= before - 1);
      CHECK(at <= after + 1);
      found = true;
    }
    CHECK(found);
  }
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) CHECK(std::regex_match(line, line_shape));
}

// A crash mid-run leaves some zones rebuilt with their new record: the rerun rebuilds them as the
// same edition, so it must compare with the edition before it again, not with itself.
TEST_CASE("faults: after a SIGKILL mid-run, the rerun gives every zone its change list", "[faults]") {
  Dir in("zonebrief-crash-changes-in"), out("zonebrief-crash-changes-out");
  const int n = 200;
  many_zones(in.path, n);
  const std::string command = "cd '" + test::source_dir().string() + "' && SOURCE_DATE_EPOCH=1735689600 exec " +
                              ZB_BINARY + " -q build --jobs 2 --no-previews --inputs '" + in.path.string() +
                              "' --out '" + out.path.string() + "'";
  REQUIRE(test::run_tool(command).code == 0);
  auto inode = [](const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
  };
  std::map<std::string, ino_t> inodes;
  for (const auto& e : fs::directory_iterator(out.path))
    if (e.path().extension() == ".pdf") inodes[e.path().filename().string()] = inode(e.path());
  many_zones(in.path, n, [](std::string& t) { t.replace(t.find("value: 30"), 9, "value: 31"); });

  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", (command + " 2>/dev/null").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once a few new PDFs have replaced old ones.
  int status = 0;
  bool exited = false;
  std::vector<std::string> rebuilt;
  while (rebuilt.size() < 5 && !exited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    rebuilt.clear();
    for (const auto& [name, ino] : inodes)
      if (inode(out.path / name) != ino) rebuilt.push_back(name);
    exited = waitpid(pid, &status, WNOHANG) == pid;
  }
  REQUIRE_FALSE(exited);
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  INFO(rebuilt.size() << " zones rebuilt before the kill");

  REQUIRE(test::run_tool(command).code == 0);
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(m["zones"].size() == static_cast<std::size_t>(n));
  for (const auto& z : m["zones"]) {
    INFO(z["id"].get<std::string>());
    REQUIRE(z.contains("changes"));
    REQUIRE(z["changes"].size() == 1);
    CHECK(z["changes"][0]["en"].get<std::string>().find("30% → 31%") != std::string::npos);
  }
  for (const auto& name : rebuilt) {
    INFO(name << ", rebuilt before the kill");
    auto text = test::run_tool("pdftotext '" + (out.path / name).string() + "' -");
    CHECK(text.out.find("30% → 31%") != std::string::npos);
  }
}
