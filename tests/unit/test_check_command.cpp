// `zonebrief check`: exit codes, messages, and the command line as a user runs it.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdio>
#include <sstream>

#include "app/check.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void copy_in(const fs::path& from, const std::string& as) { fs::copy_file(from, path / as); }
};

struct Run {
  int code;
  std::string output;
};

/// Runs the built zonebrief binary with `args`, capturing stdout and stderr together.
Run run_binary(const std::string& args) {
  std::string cmd = std::string(ZB_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST_CASE("check: all valid gives 0, one bad file gives 1 with its errors", "[check][cli]") {
  TempDir dir("zonebrief-check-test");
  auto good = test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml";
  dir.copy_in(good, "xiaoshan-etdz.yaml");
  base::SystemEnv env;
  app::CheckOptions o;
  o.inputs = dir.path;
  std::ostringstream out, err;
  CHECK(app::run_check(env, o, out, err) == 0);
  CHECK(err.str().empty());

  dir.copy_in(test::source_dir() / "tests/facts/bad/number-quoted.yaml", "number-quoted.yaml");
  std::ostringstream err2;
  CHECK(app::run_check(env, o, out, err2) == 1);
  CHECK(err2.str() == (dir.path / "number-quoted.yaml").string() +
                          ":14:12: error: metrics[0].value: expected a number, not a quoted string (found the "
                          "string '542')\n");
}

TEST_CASE("check: a missing or empty inputs folder is a configuration error", "[check][cli]") {
  base::SystemEnv env;
  app::CheckOptions o;
  o.inputs = "/nonexistent/zonebrief-inputs";
  std::ostringstream out, err;
  CHECK(app::run_check(env, o, out, err) == 2);
  CHECK(err.str() ==
        "/nonexistent/zonebrief-inputs:1:1: error: expected a readable folder of zone files (found No such file "
        "or directory)\n");
  TempDir empty("zonebrief-check-empty");
  o.inputs = empty.path;
  std::ostringstream err2;
  CHECK(app::run_check(env, o, out, err2) == 2);
  CHECK(err2.str() == empty.path.string() + ":1:1: error: expected at least one *.yaml zone file (found none)\n");
}

TEST_CASE("check: zone.layout is checked against the layouts folder when there is one", "[check][cli]") {
  TempDir dir("zonebrief-check-layouts");
  fs::create_directories(dir.path / "in");
  fs::create_directories(dir.path / "layouts");
  std::ofstream(dir.path / "layouts" / "onepager.yaml") << "blocks: [title]\n";
  dir.copy_in(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml", "in/xiaoshan-etdz.yaml");
  base::SystemEnv env;
  app::CheckOptions o;
  o.inputs = dir.path / "in";
  o.layouts = dir.path / "layouts";
  std::ostringstream out, err;
  CHECK(app::run_check(env, o, out, err) == 1);
  CHECK(err.str() == (dir.path / "in/xiaoshan-etdz.yaml").string() +
                         ":9:11: error: zone.layout: expected the name of a layout in the layouts folder "
                         "(onepager) (found 'briefing')\n");
  o.layouts = dir.path / "missing";
  o.layouts_given = true;
  std::ostringstream err2;
  CHECK(app::run_check(env, o, out, err2) == 2);
}

TEST_CASE("the command line: --help, --version, usage errors and the real inputs", "[check][cli]") {
  auto help = run_binary("--help");
  CHECK(help.code == 0);
  CHECK(help.output.find("check") != std::string::npos);
  CHECK(help.output.find("Exit codes") != std::string::npos);
  auto version = run_binary("--version");
  CHECK(version.code == 0);
  CHECK(version.output.rfind("zonebrief 0.", 0) == 0);
  CHECK(run_binary("").code == 2);
  CHECK(run_binary("frobnicate").code == 2);
  CHECK(run_binary("check --no-such-flag").code == 2);
  auto check = run_binary("check --inputs " + (test::source_dir() / "inputs").string());
  INFO(check.output);
  CHECK(check.code == 0);
  auto bad = run_binary("check " + (test::source_dir() / "tests/facts/bad/key-duplicate.yaml").string());
  CHECK(bad.code == 1);
  CHECK(bad.output.find("key-duplicate.yaml:5:3: error: expected each key once in a map (found 'as_of' again; "
                        "first at line 4)") != std::string::npos);
}

TEST_CASE("check: an invalid layout is a configuration error with its errors", "[check][cli]") {
  base::SystemEnv env;
  app::CheckOptions o;
  o.inputs = test::source_dir() / "inputs";
  o.layouts = test::source_dir() / "tests/layouts/bad";
  o.layouts_given = true;
  std::ostringstream out, err;
  CHECK(app::run_check(env, o, out, err) == 2);
  CHECK(
      err.str().find("unknown-block.yaml:5:5: error: blocks[1]: expected a block: title, summary, changes, "
                     "key-figures, figures, charts, highlights or sources (found 'sumary'; did you mean 'summary'?)") !=
      std::string::npos);
}

TEST_CASE("list: one line per zone, invalid files reported", "[check][cli]") {
  auto all = run_binary("list --inputs " + (test::source_dir() / "inputs").string());
  CHECK(all.code == 0);
  CHECK(all.output.find("xiaoshan-etdz\tbriefing\t2025-05-31\t") != std::string::npos);
  CHECK(std::count(all.output.begin(), all.output.end(), '\n') >= 6);
  auto bad = run_binary("list --inputs " + (test::source_dir() / "tests/facts/bad").string());
  CHECK(bad.code == 1);
  CHECK(bad.output.find("number-quoted.yaml:14:12: error:") != std::string::npos);
  // A layouts folder given but missing is a configuration error, as for check.
  auto missing = run_binary("list --inputs " + (test::source_dir() / "inputs").string() + " --layouts /nonexistent");
  CHECK(missing.code == 2);
  CHECK(missing.output ==
        "/nonexistent:1:1: error: expected a readable folder of layouts (found No such file or directory)\n");
}

TEST_CASE("list: an empty inputs folder is a configuration error, as for check and build", "[check][cli]") {
  TempDir empty("zonebrief-list-empty");
  auto listed = run_binary("list --inputs " + empty.path.string());
  CHECK(listed.code == 2);
  CHECK(listed.output == empty.path.string() + ":1:1: error: expected at least one *.yaml zone file (found none)\n");
  auto checked = run_binary("check --inputs " + empty.path.string());
  CHECK(checked.code == 2);
  CHECK(checked.output == listed.output);
}
