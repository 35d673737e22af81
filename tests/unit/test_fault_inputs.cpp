// Faults in the inputs folder: FIFOs, devices and dangling links among the zone files; control
// characters written as escapes; many plain nodes. Each fails alone, with its reason, never hangs.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "layout/compose.h"
#include "load/facts_loader.h"
#include "load/layout_loader.h"
#include "load/yaml_tree.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

/// An inputs folder with one real zone and, beside it, a FIFO, a dangling link and a link to a
/// character device (/dev/zero: endless if read), each named like a zone file.
void hostile_entries(const fs::path& dir) {
  fs::copy_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml", dir / "xianghu-xiaobin.yaml");
  REQUIRE(::mkfifo((dir / "pipe.yaml").c_str(), 0644) == 0);
  fs::create_symlink(dir / "no-such-file", dir / "gone.yaml");
  fs::create_symlink("/dev/zero", dir / "zero.yaml");
}

}  // namespace

TEST_CASE("faults: a FIFO, a device and a dangling link among the zone files fail alone with their reason",
          "[faults]") {
  test::TempDir in("zonebrief-fault-entries-in"), out("zonebrief-fault-entries-out");
  hostile_entries(in.path);
  const std::string d = in.path.string() + "/";
  // `timeout` turns a reader blocked on the FIFO or reading /dev/zero into a failure, not a hang.
  auto check = test::run_tool("timeout 20 " + std::string(ZB_BINARY) + " check --inputs '" + in.path.string() + "'");
  CHECK(check.code == 1);
  CHECK(check.err ==
        d + "gone.yaml:1:1: error: expected a readable file (found a symbolic link to a missing file)\n" + d +
            "pipe.yaml:1:1: error: expected a readable file (found a FIFO (named pipe), not a regular file)\n" + d +
            "zero.yaml:1:1: error: expected a readable file (found a character device, not a regular file)\n" +
            "[error] checked 4 files: 3 invalid\n");
  auto build =
      test::run_tool("cd '" + test::source_dir().string() + "' && timeout 60 " + ZB_BINARY +
                     " -q build --no-previews --inputs '" + in.path.string() + "' --out '" + out.path.string() + "'");
  CHECK(build.code == 1);  // some zones failed; the real one is built
  CHECK(fs::is_regular_file(out.path / "xianghu-xiaobin.pdf"));
  const std::string manifest = test::read_text_file(out.path / "manifest.json");
  for (const char* name : {"gone", "pipe", "zero"}) {
    INFO(name);
    CHECK(manifest.find("\"id\": \"" + std::string(name) + "\"") != std::string::npos);
  }
  CHECK(manifest.find("FIFO (named pipe), not a regular file") != std::string::npos);
}

TEST_CASE("faults: control characters written as YAML escapes are refused at their own line", "[faults]") {
  // Raw control bytes are refused by the encoding check; escapes in quoted strings ("\e[31m",
  // "\a", "\x85", "\u009b", "\b") decode to the same characters and must be refused too, in
  // check and build alike, at the line and column of the text that holds them (not at 1:1).
  const fs::path file = test::source_dir() / "tests/facts/bad/control-escape.yaml";
  base::SystemEnv env;
  auto r = load::load_facts_file(env, file, {});
  REQUIRE_FALSE(r.ok());
  const std::string f = file.string();
  CHECK(test::joined(r.errors) == f +
                                      ":3:25: error: zone.name.en: expected printable text (found control character "
                                      "U+001B written as an escape)\n" +
                                      f +
                                      ":7:17: error: sources[0].title.zh: expected printable text (found control "
                                      "character U+0007 written as an escape)\n" +
                                      f +
                                      ":8:31: error: sources[0].publisher.en: expected printable text (found control "
                                      "character U+0085 written as an escape)\n" +
                                      f +
                                      ":13:31: error: metrics[0].label.en: expected printable text (found control "
                                      "character U+009B written as an escape)\n" +
                                      f +
                                      ":18:33: error: highlights[0].text.en: expected printable text (found control "
                                      "character U+0008 written as an escape)\n");
}

TEST_CASE("faults: many plain nodes are not reported as alias expansion", "[faults]") {
  // 100 series × 200 points: about 100,000 nodes and no alias. Such a file is within the limits
  // (a file of at most 1 MiB cannot reach the node limit without aliases).
  std::string text = test::read_text_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml");
  text += "x-many:\n";
  for (int s = 0; s < 100; ++s) {
    text += "  - points:\n";
    for (int p = 0; p < 200; ++p)
      text += "      - {x: \"" + std::to_string(2000 + p) + "\", y: " + std::to_string(p) + "}\n";
  }
  REQUIRE(text.size() > 400'000);
  REQUIRE(text.size() < (1u << 20));
  auto r = load::load_facts_text(text, "xianghu-xiaobin.yaml", {});
  INFO(test::joined(r.errors));
  CHECK(r.ok());
  // When a plain file does exceed a node limit, the message names what was exceeded.
  base::Diagnostics diags;
  load::YamlLimits small;
  small.max_nodes = 10;
  CHECK_FALSE(load::parse_yaml("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n", "plain.yaml", small, diags));
  CHECK(test::joined(diags) == "plain.yaml:1:1: error: expected at most 10 nodes (found a node with more)\n");
}

TEST_CASE("faults: a character no font has and a block too tall for a page point at their field's line", "[faults]") {
  base::SystemEnv env;
  auto layout = load::load_layout_file(env, test::source_dir() / "layouts/briefing.yaml");
  REQUIRE(layout.ok());
  const std::string original = test::read_text_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml");
  auto compose_error = [&](const std::string& text) {
    auto facts = load::load_facts_text(text, "xianghu-xiaobin.yaml", {});
    INFO(test::joined(facts.errors));
    REQUIRE(facts.ok());
    try {
      layout::compose_briefing(test::fonts(), *facts.facts, *layout.layout, {});
    } catch (const base::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // U+E000 (private use) in the second highlight, which starts at line 67, column 11.
  std::string glyph = original;
  glyph.replace(glyph.find("湘湖未来产业社区3D"), 0, "\uE000");
  CHECK(compose_error(glyph) ==
        "xianghu-xiaobin.yaml:67:11: error: highlights[1].text: expected characters that the fonts of role 'body' "
        "have (found U+E000 '\uE000', which no font of that role has)");
  // A key figure whose label fills more than a page: the card row names its first metric (line 22).
  std::string tall = original;
  std::string label;
  for (int i = 0; i < 39; ++i)
    label +=
        "湘湖未来产业社区双核企业营收增速较低值湘湖未来产业社区双核企业营收增速较低值湘湖未来产业社区双核企业营收增速较"
        "低值湘湖未来产业社区双核企业营收增速较低值湘湖未来产业社区双核企业营收增速较低值";
  tall.replace(tall.find("湘湖未来产业社区“双核”企业营收增速（较低值）"),
               std::string("湘湖未来产业社区“双核”企业营收增速（较低值）").size(), label.substr(0, 1999 * 3));
  const std::string e = compose_error(tall);
  INFO(e);
  CHECK(e.rfind("xianghu-xiaobin.yaml:22:5: error: metrics[0]: expected content that fits on one page", 0) == 0);
}

TEST_CASE("faults: a zone file linked to an unrelated file quotes at most 40 characters of it", "[faults]") {
  test::TempDir in("zonebrief-fault-link-in");
  const std::string secret = "API_KEY=sk-0123456789abcdefghijklmnopqrstuvwxyz0123456789SECRETTAIL\nOTHER=1\n";
  std::ofstream(in.path / "env") << secret;
  fs::create_symlink(in.path / "env", in.path / "x.yaml");
  auto r = test::run_tool(std::string(ZB_BINARY) + " -q check --inputs '" + in.path.string() + "'");
  CHECK(r.code == 1);
  CHECK(r.err == in.path.string() +
                     "/x.yaml:1:1: error: expected a map with the keys zone, sources, metrics, series, highlights "
                     "(found 'API_KEY=sk-0123456789abcdefghijklmnopqrs…')\n[error] checked 1 file: 1 invalid\n");
  CHECK(r.err.find("SECRETTAIL") == std::string::npos);
}
