// Every seed zone's briefing in every layout × language mode, checked with qpdf, pdffonts and pdftotext.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/utf8.h"
#include "load/facts_loader.h"
#include "model/lang_mode.h"
#include "run_tool.h"
#include "test_support.h"
#include "text/script.h"
#include "text/typography.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

/// Text without white space: extraction breaks lines and shows autospace gaps as spaces.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char32_t cp : base::utf8_decode(s))
    if (!text::is_break_space(cp) && cp != '\n' && cp != '\r' && cp != '\f') base::utf8_append(out, cp);
  return out;
}

/// Extracted text with its line and page breaks joined and nothing else changed: a Chinese
/// text that runs over several lines comes back whole (a break between two Latin characters was
/// a space: "Neura / Robotics"), and any space extraction inserted stays.
std::string without_breaks(std::string_view s) {
  const std::u32string in = base::utf8_decode(s);
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c != '\n' && c != '\r' && c != '\f') {
      base::utf8_append(out, c);
      continue;
    }
    const bool latin_before = i > 0 && in[i - 1] < 0x2E80 && !text::is_break_space(in[i - 1]);
    const bool latin_after = i + 1 < in.size() && in[i + 1] < 0x2E80 && !text::is_break_space(in[i + 1]);
    if (latin_before && latin_after && c == '\n') out += ' ';
  }
  return out;
}

/// Every Chinese highlight of `facts` comes back from `extracted` exactly as set: no space
/// inserted at the autospace, a justified gap or squeezed punctuation. One that does not come
/// back whole may only be cut by a page break (the running header between its halves), never
/// by a space. Returns how many came back whole.
std::size_t check_chinese_round_trip(const std::string& extracted, const model::Facts& facts) {
  const std::string joined = without_breaks(extracted), squeezed = squeeze(extracted);
  std::size_t whole = 0;
  for (const auto& h : facts.highlights) {
    const std::string set = text::typographic(h.text.zh, true);
    INFO(set);
    if (joined.find(set) != std::string::npos) {
      ++whole;
      continue;
    }
    // Not whole: then not whole without white space either (a space inserted would pass here).
    CHECK(squeezed.find(squeeze(set)) == std::string::npos);
  }
  return whole;
}

/// One PDF: qpdf finds nothing; every font embedded, subset, with a Unicode map; the zone's
/// name and the page footer come back in each language of the mode.
void check_pdf(const fs::path& pdf, const model::Facts& facts, model::LangMode mode) {
  INFO(pdf.string());
  auto q = test::run_tool("qpdf --check '" + pdf.string() + "'");
  INFO(q.out << q.err);
  CHECK(q.code == 0);
  CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);

  auto f = test::run_tool("pdffonts '" + pdf.string() + "'");
  INFO(f.out << f.err);
  REQUIRE(f.code == 0);
  CHECK(f.err.empty());
  std::istringstream lines(f.out);
  std::string line;
  int fonts_seen = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0) continue;
    ++fonts_seen;
    CHECK(line.find("yes yes yes") != std::string::npos);  // embedded, subset, Unicode map
    CHECK(line[6] == '+');                                 // a subset tag ABCDEF+
  }
  CHECK(fonts_seen >= 2);

  auto t = test::run_tool("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  REQUIRE(t.code == 0);
  CHECK(t.err.empty());
  const std::string text = squeeze(t.out);
  const bool zh = mode != model::LangMode::en, en = mode != model::LangMode::zh;
  if (zh) {
    CHECK(text.find(squeeze(facts.zone.name.zh)) != std::string::npos);
    CHECK(text.find("第1页") != std::string::npos);
    const std::size_t whole = check_chinese_round_trip(t.out, facts);
    // ZB_ROUNDTRIP_REPORT=FILE: one line per PDF, "<pdf> <whole>/<highlights>", appended.
    if (const auto report = base::SystemEnv().get_var("ZB_ROUNDTRIP_REPORT"); report && !report->empty())
      std::ofstream(*report, std::ios::app) << pdf.parent_path().filename().string() << "/" << pdf.filename().string()
                                            << " " << whole << "/" << facts.highlights.size() << "\n";
    // A stacked briefing prints every highlight in reading order: all come back whole, or all
    // but one cut by a page break. (Side by side, poppler's reading order may take a bullet's
    // first line as a block of its own.)
    if (pdf.parent_path().filename().string().find("briefing") != std::string::npos &&
        mode != model::LangMode::side_by_side)
      CHECK(whole + 1 >= facts.highlights.size());
  }
  if (en) {
    CHECK(text.find(squeeze(facts.zone.name.en)) != std::string::npos);
    CHECK(text.find("Page1of") != std::string::npos);
  }
}

/// Builds every seed zone with `layout` in every language mode and checks each PDF.
void check_layout(const std::string& layout) {
  base::SystemEnv env;
  std::string error;
  const auto inputs = env.list_files(test::source_dir() / "inputs", ".yaml", error);
  REQUIRE(error.empty());
  REQUIRE(inputs.size() >= 6);
  for (const auto& mode : model::kLangModes) {
    const std::string name(model::name_of(mode.mode));
    INFO(layout << " " << name);
    test::TempDir out("zonebrief-pdf-tools-" + layout + "-" + name);
    auto r = test::run_tool("cd '" + test::source_dir().string() + "' && SOURCE_DATE_EPOCH=1767139200 " + ZB_BINARY +
                            " -q build --no-previews --layout " + layout + " --lang " + name + " --out '" +
                            out.path.string() + "'");
    INFO(r.err);
    REQUIRE(r.code == 0);
    for (const auto& input : inputs) {
      auto facts = load::load_facts_file(env, input, {});
      REQUIRE(facts.ok());
      check_pdf(out.path / (input.stem().string() + ".pdf"), *facts.facts, mode.mode);
    }
  }
}

}  // namespace

TEST_CASE("pdf tools: every briefing in every language mode passes qpdf, pdffonts and pdftotext", "[pdf][render]") {
  check_layout("briefing");
}

TEST_CASE("pdf tools: every one-pager in every language mode passes qpdf, pdffonts and pdftotext", "[pdf][render]") {
  check_layout("onepager");
}
