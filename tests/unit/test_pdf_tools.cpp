// Every seed zone's briefing in every layout × language mode, checked with qpdf, pdffonts and pdftotext.
#include <catch2/catch.hpp>

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
