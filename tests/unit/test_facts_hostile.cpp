// Hostile files: each gives one clear error at the right place, quickly, without a crash.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "load/facts_loader.h"
#include "test_support.h"

using namespace zb;

namespace {

/// Loads `text` and returns the joined errors. A hang or a blow-up fails through the test's CTest
/// TIMEOUT (CMakeLists.txt), not a wall-clock assertion here: timings depend on the machine.
std::string errors_of(const std::string& text, const std::string& name = "hostile.yaml",
                      const load::FactsOptions& o = {}) {
  auto r = load::load_facts_text(text, name, o);
  CHECK_FALSE(r.ok());
  return test::joined(r.errors);
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("20,000-deep flow nesting stops at the depth limit", "[facts][hostile]") {
  std::string text = "zone: " + repeat("[", 20000) + repeat("]", 20000) + "\n";
  CHECK(errors_of(text) ==
        "hostile.yaml:1:71: error: expected nesting at most 64 levels deep (found deeper nesting)\n");
}

TEST_CASE("20,000-deep block nesting stops at the depth limit", "[facts][hostile]") {
  std::string text = "x-deep:\n" + repeat("- ", 20000) + "x\n";
  CHECK(errors_of(text) ==
        "hostile.yaml:2:129: error: expected nesting at most 64 levels deep (found deeper nesting)\n");
}

TEST_CASE("20,000-deep nested maps stop at the depth limit", "[facts][hostile]") {
  std::string text = "zone: " + repeat("{a: ", 20000) + "1" + repeat("}", 20000) + "\n";
  CHECK(errors_of(text) ==
        "hostile.yaml:1:263: error: expected nesting at most 64 levels deep (found deeper nesting)\n");
}

TEST_CASE("a billion-laughs file is refused while parsing", "[facts][hostile]") {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = std::string("*a").append(std::to_string(i - 1));
    std::string name = std::string("a").append(std::to_string(i));
    text.append(name).append(": &").append(name).append(" [").append(repeat(prev + ", ", 9)).append(prev).append("]\n");
  }
  CHECK(errors_of(text) ==
        "hostile.yaml:6:5: error: expected at most 1000000 nodes with aliases expanded (found a node that "
        "expands to more)\n");
}

TEST_CASE("an alias inside the node it names is refused", "[facts][hostile]") {
  CHECK(errors_of("zone: &z {id: *z}\n") ==
        "hostile.yaml:1:15: error: expected an alias to a complete node (found an alias inside the node it "
        "refers to)\n");
}

TEST_CASE("a file over the size limit is refused before parsing", "[facts][hostile]") {
  std::string text = "x-pad: \"";
  text.append(2u << 20, 'a');
  text.append("\"\n");
  CHECK(errors_of(text) == "hostile.yaml:1:1: error: expected a file of at most 1048576 bytes (found 2097162 bytes)\n");

  // Through the file system too: the file is refused by its size, without reading it.
  auto path = std::filesystem::temp_directory_path() / "zonebrief-big.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  base::SystemEnv env;
  auto r = load::load_facts_file(env, path);
  std::filesystem::remove(path);
  CHECK(test::joined(r.errors) ==
        path.string() + ":1:1: error: expected a file of at most 1048576 bytes (found 2097162 bytes)\n");
}

TEST_CASE("invalid UTF-8 is reported at its position", "[facts][hostile]") {
  CHECK(errors_of("zone:\n  id: \xE8\x90x\n") ==
        "hostile.yaml:2:7: error: expected UTF-8 text (found invalid UTF-8 byte 0xE8)\n");
  CHECK(errors_of("zone: {name: 萧\xFF}\n") ==
        "hostile.yaml:1:15: error: expected UTF-8 text (found invalid UTF-8 byte 0xFF)\n");
  // UTF-16 (with its NUL bytes) is not UTF-8.
  CHECK(errors_of(std::string("\xFF\xFEz\0o\0", 6)) ==
        "hostile.yaml:1:1: error: expected UTF-8 text (found invalid UTF-8 byte 0xFF)\n"
        "hostile.yaml:1:4: error: expected text without NUL bytes (found a NUL byte)\n");
}

TEST_CASE("NUL bytes and control characters are refused", "[facts][hostile]") {
  CHECK(errors_of(std::string("zone:\n  id: a\0b\n", 15)) ==
        "hostile.yaml:2:8: error: expected text without NUL bytes (found a NUL byte)\n");
  CHECK(errors_of("zone:\n  id: a\x1b[31mb\n") ==
        "hostile.yaml:2:8: error: expected printable text (found control character 0x1B)\n");
}

TEST_CASE("non-finite and out-of-range numbers are refused", "[facts][hostile]") {
  std::string base = test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml");
  for (const char* v : {".inf", "-.Inf", ".NaN"}) {
    std::string text = base;
    text.replace(text.find("value: 542"), 10, std::string("value: ") + v);
    INFO(v);
    CHECK(errors_of(text, "xiaoshan-etdz.yaml") ==
          "xiaoshan-etdz.yaml:25:12: error: metrics[0].value: expected a finite number (found '" + std::string(v) +
              "')\n");
  }
}

TEST_CASE("huge exponents are refused: the literal is what gets printed", "[facts][hostile]") {
  std::string base = test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml");
  for (const char* v : {"1e400", "-1e309", "0e-99999999", "0e99999999", "5e+100"}) {
    std::string text = base;
    text.replace(text.find("value: 542"), 10, std::string("value: ") + v);
    INFO(v);
    CHECK(errors_of(text, "xiaoshan-etdz.yaml") ==
          "xiaoshan-etdz.yaml:25:12: error: metrics[0].value: expected a number with an exponent from -99 to 99 "
          "(found '" +
              std::string(v) + "')\n");
  }
}

TEST_CASE("aliases cannot multiply text past the byte limit", "[facts][hostile]") {
  // One 4,000-byte text and 20,000 aliases to it: few nodes, 80 MB once expanded.
  std::string text = "x-big: &t \"" + repeat("𠮷", 1000) + "\"\nx-many: [" + repeat("*t, ", 19999) + "*t]\n";
  CHECK(errors_of(text) ==
        "hostile.yaml:2:9: error: expected at most 4194304 bytes of text with aliases expanded (found a node that "
        "expands to more)\n");
}

TEST_CASE("a stray comma is a syntax error, not a second document", "[facts][hostile]") {
  CHECK(errors_of(",\n") ==
        "hostile.yaml:1:1: error: expected valid YAML syntax (found a syntax error: text that cannot "
        "start a document)\n");
}

TEST_CASE("a byte-order mark does not count as a column", "[facts][hostile]") {
  CHECK(errors_of("\xEF\xBB\xBFzone: 1\n").find("hostile.yaml:1:7: error: zone: expected a map") != std::string::npos);
}

TEST_CASE("an over-long text is refused", "[facts][hostile]") {
  std::string base = test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml");
  std::string text = base;
  text.replace(text.find("实际使用外资全国第一。"), std::string("实际使用外资全国第一。").size(), repeat("萧", 2001));
  CHECK(errors_of(text, "xiaoshan-etdz.yaml") ==
        "xiaoshan-etdz.yaml:52:16: error: highlights[0].text.zh: expected a text of at most 2000 characters "
        "(found 2001 characters)\n");
}

TEST_CASE("a flood of errors is capped per file", "[facts][hostile]") {
  std::string text = "zone: {}\nsources: []\nmetrics:\n" + repeat("  - {id: X}\n", 5000);
  auto r = load::load_facts_text(text, "flood.yaml");
  CHECK(r.errors.size() == 100);
  CHECK(r.errors.dropped() > 0);
}

TEST_CASE("random bytes never crash the loader", "[facts][hostile]") {
  // A fixed-seed xorshift generator: the same inputs on every run.
  std::uint32_t state = 2463534242u;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  std::string base = test::read_text_file(test::source_dir() / "tests/facts/good/every-feature.yaml");
  const std::string alphabet = "[]{}:,-&*!|>'\"#\n  ?%@`\t萧.0123456789e";
  for (int round = 0; round < 300; ++round) {
    std::string text = base;
    int edits = 1 + static_cast<int>(next() % 8);
    for (int i = 0; i < edits; ++i) {
      std::size_t at = next() % text.size();
      text.insert(at, 1, alphabet[next() % alphabet.size()]);
    }
    auto r = load::load_facts_text(text, "every-feature.yaml");
    CHECK((r.ok() || !r.errors.empty()));
  }
}
