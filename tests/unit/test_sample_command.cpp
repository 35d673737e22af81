// `zonebrief sample`: reproducible bytes from SOURCE_DATE_EPOCH, PNG output, clear errors.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

struct Dir {
  fs::path path = fs::temp_directory_path() / ("zonebrief-sample-cmd-" + std::to_string(::getpid()));
  Dir() { fs::create_directories(path); }
  ~Dir() { fs::remove_all(path); }
};

std::string zonebrief(const std::string& env, const std::string& args) {
  return env + " " + std::string(ZB_BINARY) + " " + args + " --fonts '" + (test::source_dir() / "fonts").string() + "'";
}

}  // namespace

TEST_CASE("sample: SOURCE_DATE_EPOCH gives byte-identical PDFs with that date", "[sample][cli]") {
  Dir dir;
  auto a =
      test::run_tool(zonebrief("SOURCE_DATE_EPOCH=1735689600", "-q sample --out '" + (dir.path / "a.pdf").string() +
                                                                   "' --png '" + (dir.path / "a.png").string() + "'"));
  INFO(a.err);
  REQUIRE(a.code == 0);
  auto b = test::run_tool(
      zonebrief("SOURCE_DATE_EPOCH=1735689600", "-q sample --out '" + (dir.path / "b.pdf").string() + "'"));
  REQUIRE(b.code == 0);
  CHECK(test::read_text_file(dir.path / "a.pdf") == test::read_text_file(dir.path / "b.pdf"));
  CHECK(fs::file_size(dir.path / "a.png") > 10000);
  auto info = test::run_tool("pdfinfo '" + (dir.path / "a.pdf").string() + "'");
  CHECK(info.out.find("CreationDate:    Wed Jan  1 00:00:00 2025 UTC") != std::string::npos);
  // No temporary files are left beside the outputs.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file();
  CHECK(files == 3);
}

TEST_CASE("sample: a bad SOURCE_DATE_EPOCH or fonts folder is a configuration error", "[sample][cli]") {
  Dir dir;
  auto bad = test::run_tool(
      zonebrief("SOURCE_DATE_EPOCH=yesterday", "-q sample --out '" + (dir.path / "x.pdf").string() + "'"));
  CHECK(bad.code == 2);
  CHECK(bad.err ==
        "SOURCE_DATE_EPOCH:1:1: error: expected a whole number of seconds since the epoch, from 0 to 253402300799 "
        "(found 'yesterday')\n");
  CHECK_FALSE(fs::exists(dir.path / "x.pdf"));
  auto nofonts = test::run_tool(std::string(ZB_BINARY) + " -q sample --fonts /nonexistent --out '" +
                                (dir.path / "y.pdf").string() + "'");
  CHECK(nofonts.code == 2);
  CHECK(nofonts.err.rfind("/nonexistent/fonts.yaml:1:1: error: expected a readable font config", 0) == 0);
}
