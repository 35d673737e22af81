// `zonebrief build`: good zones built when one is bad, identical bytes whatever --jobs, every
// zone's PDF checked with real tools, one-pagers on one page.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "chart/format.h"
#include "load/facts_loader.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

using Dir = test::TempDir;

test::ToolRun build(const std::string& args) {
  const auto root = test::source_dir();
  return test::run_tool("cd '" + root.string() + "' && SOURCE_DATE_EPOCH=1735689600 " + ZB_BINARY + " -q build " +
                        args);
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  return out;
}

}  // namespace

TEST_CASE("build: a bad zone among good ones fails alone", "[build][cli]") {
  Dir in("zonebrief-build-in"), out("zonebrief-build-out");
  for (const char* z : {"xianghu-xiaobin", "qianjiang-century-city"})
    fs::copy_file(test::source_dir() / "inputs" / (std::string(z) + ".yaml"), in.path / (std::string(z) + ".yaml"));
  fs::copy_file(test::source_dir() / "tests/facts/bad/number-quoted.yaml", in.path / "number-quoted.yaml");
  auto r = build("--inputs '" + in.path.string() + "' --out '" + out.path.string() + "'");
  CHECK(r.code == 1);
  CHECK(r.err.find("number-quoted.yaml:14:12: error: metrics[0].value: expected a number, not a quoted string") !=
        std::string::npos);
  CHECK(fs::exists(out.path / "xianghu-xiaobin.pdf"));
  CHECK(fs::exists(out.path / "qianjiang-century-city.pdf"));
  CHECK_FALSE(fs::exists(out.path / "number-quoted.pdf"));
  auto manifest = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(manifest["zones"].size() == 3);
  for (const auto& z : manifest["zones"]) {
    if (z["id"] == "number-quoted") {
      CHECK(z["status"] == "failed");
      CHECK(z["errors"][0].get<std::string>().find(":14:12: error:") != std::string::npos);
    } else {
      CHECK(z["status"] == "built");
      CHECK(z["sha256"].get<std::string>().size() == 64);
      CHECK(z["pages"].get<int>() >= 1);
    }
  }
  // No temporary files are left behind (the folder's lock file stays).
  for (const auto& e : fs::directory_iterator(out.path))
    CHECK((e.path().filename().string()[0] != '.' || e.path().filename() == ".zonebrief.lock"));
}

TEST_CASE("build: the same inputs give byte-identical PDFs with --jobs 1 and --jobs 2", "[build][cli]") {
  Dir a("zonebrief-build-j1"), b("zonebrief-build-j2");
  REQUIRE(build("--jobs 1 --out '" + a.path.string() + "'").code == 0);
  REQUIRE(build("--jobs 2 --out '" + b.path.string() + "'").code == 0);
  int pdfs = 0;
  for (const auto& e : fs::directory_iterator(a.path)) {
    if (e.path().extension() != ".pdf") continue;
    ++pdfs;
    INFO(e.path().filename());
    CHECK(test::read_text_file(e.path()) == test::read_text_file(b.path / e.path().filename()));
  }
  CHECK(pdfs == 6);
}

TEST_CASE(
    "build: every zone's briefing passes qpdf and pdffonts, and carries its name and every metric in both languages",
    "[build][pdf][cli]") {
  Dir out("zonebrief-build-all");
  REQUIRE(build("--out '" + out.path.string() + "'").code == 0);
  base::SystemEnv env;
  std::string error;
  for (const auto& input : env.list_files(test::source_dir() / "inputs", ".yaml", error)) {
    auto facts = load::load_facts_file(env, input);
    REQUIRE(facts.ok());
    const auto& f = *facts.facts;
    auto pdf = out.path / (f.zone.id + ".pdf");
    INFO(pdf);
    auto check = test::run_tool("qpdf --check '" + pdf.string() + "'");
    CHECK(check.code == 0);
    auto fonts = test::run_tool("pdffonts '" + pdf.string() + "'");
    CHECK(fonts.err.empty());
    CHECK(fonts.out.find(" no ") == std::string::npos);  // every font: emb, sub, uni all yes
    auto text = test::run_tool("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
    CHECK(text.err.empty());
    std::string all = squeeze(text.out);
    CHECK(all.find(squeeze(f.zone.name.zh)) != std::string::npos);
    CHECK(all.find(squeeze(f.zone.name.en)) != std::string::npos);
    for (const auto& m : f.metrics) {
      INFO(m.id);
      CHECK(all.find(squeeze(chart::format_value(m.value, m.unit, chart::Lang::zh, m.qualifier).text)) !=
            std::string::npos);
      CHECK(all.find(squeeze(chart::format_value(m.value, m.unit, chart::Lang::en, m.qualifier).text)) !=
            std::string::npos);
    }
  }
}

TEST_CASE("build: one-pagers fit one page in every language mode", "[build][cli]") {
  for (const char* lang : {"zh+en", "en+zh", "zh", "en", "side-by-side"}) {
    std::string tag = lang;
    std::replace(tag.begin(), tag.end(), '+', '_');
    Dir out("zonebrief-build-one-" + tag);
    auto r = build("--layout onepager --lang " + std::string(lang) + " --out '" + out.path.string() + "'");
    INFO(lang << " " << r.err);
    REQUIRE(r.code == 0);
    auto manifest = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
    for (const auto& z : manifest["zones"]) {
      INFO(z["id"]);
      CHECK(z["pages"] == 1);
    }
  }
}

TEST_CASE("build: side-by-side briefings carry every metric in both languages", "[build][pdf][cli]") {
  Dir out("zonebrief-build-sbs");
  REQUIRE(build("--lang side-by-side --no-previews --out '" + out.path.string() + "'").code == 0);
  base::SystemEnv env;
  std::string error;
  for (const auto& input : env.list_files(test::source_dir() / "inputs", ".yaml", error)) {
    auto facts = load::load_facts_file(env, input);
    REQUIRE(facts.ok());
    auto text =
        test::run_tool("pdftotext -enc UTF-8 '" + (out.path / (facts.facts->zone.id + ".pdf")).string() + "' -");
    std::string all = squeeze(text.out);
    INFO(facts.facts->zone.id);
    CHECK(all.find(squeeze(facts.facts->zone.name.en)) != std::string::npos);
    for (const auto& m : facts.facts->metrics) {
      CHECK(all.find(squeeze(chart::format_value(m.value, m.unit, chart::Lang::zh, m.qualifier).text)) !=
            std::string::npos);
      CHECK(all.find(squeeze(chart::format_value(m.value, m.unit, chart::Lang::en, m.qualifier).text)) !=
            std::string::npos);
    }
  }
}

TEST_CASE("build: unknown --zone or --layout is a usage error", "[build][cli]") {
  Dir out("zonebrief-build-usage");
  CHECK(build("--zone no-such-zone --out '" + out.path.string() + "'").code == 2);
  CHECK(build("--layout no-such-layout --out '" + out.path.string() + "'").code == 2);
  auto one = build("--zone xianghu-xiaobin --out '" + out.path.string() + "'");
  CHECK(one.code == 0);
  CHECK(fs::exists(out.path / "xianghu-xiaobin.pdf"));
  CHECK_FALSE(fs::exists(out.path / "xiaoshan-etdz.pdf"));
}

TEST_CASE("build: old facts are flagged stale on the page and in the manifest, previews and gallery", "[build][cli]") {
  Dir out("zonebrief-build-stale");
  const auto root = test::source_dir();
  // 2030-01-01: every zone's facts are more than a year old.
  auto r = test::run_tool("cd '" + root.string() + "' && SOURCE_DATE_EPOCH=1893456000 " + ZB_BINARY +
                          " -q build --zone xianghu-xiaobin --max-age 365 --out '" + out.path.string() + "'");
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto manifest = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  CHECK(manifest["zones"][0]["stale"] == true);
  CHECK(manifest["zones"][0]["preview"] == "xianghu-xiaobin.png");
  auto text = test::run_tool("pdftotext -enc UTF-8 '" + (out.path / "xianghu-xiaobin.pdf").string() + "' -");
  CHECK(squeeze(text.out).find("可能已过时") != std::string::npos);
  CHECK(squeeze(text.out).find("mayb"
                               "eoutofdate") != std::string::npos);
  CHECK(fs::file_size(out.path / "xianghu-xiaobin.png") > 1000);
  std::string html = test::read_text_file(out.path / "index.html");
  CHECK(html.find("<a href=\"xianghu-xiaobin.pdf\"><img src=\"xianghu-xiaobin.png\"") != std::string::npos);
  CHECK(html.find("facts may be out of date") != std::string::npos);
  CHECK(html.find("1 个开发区 · 1 zone: 1 built, 0 unchanged, 0 failed · zh+en · zonebrief ") != std::string::npos);
  CHECK(html.find("已生成 · built") != std::string::npos);
  CHECK(html.find("截至 · as of 2025 年 12 月 31 日 · 31 December 2025") != std::string::npos);
  CHECK(html.find("alt=\"湘湖·萧滨合作区 / ") != std::string::npos);
  // A second edition with one figure changed lists the change (singular) in the gallery.
  {
    Dir in("zonebrief-build-stale-in");
    std::string facts = test::read_text_file(root / "inputs" / "xianghu-xiaobin.yaml");
    auto at = facts.find("value: 30");
    REQUIRE(at != std::string::npos);
    facts.replace(at, 9, "value: 31");
    std::ofstream(in.path / "xianghu-xiaobin.yaml") << facts;
    auto again =
        test::run_tool("cd '" + root.string() + "' && SOURCE_DATE_EPOCH=1893456000 " + ZB_BINARY +
                       " -q build --inputs '" + in.path.string() + "' --max-age 365 --out '" + out.path.string() + "'");
    REQUIRE(again.code == 0);
    html = test::read_text_file(out.path / "index.html");
    CHECK(html.find("本期变化 1 项 · 1 change since the last edition") != std::string::npos);
  }
  // Without previews: no PNG, no gallery.
  Dir plain("zonebrief-build-nopreview");
  REQUIRE(build("--zone xianghu-xiaobin --no-previews --out '" + plain.path.string() + "'").code == 0);
  CHECK_FALSE(fs::exists(plain.path / "xianghu-xiaobin.png"));
  CHECK_FALSE(fs::exists(plain.path / "index.html"));
}

TEST_CASE("build: a zone file whose name is not UTF-8 fails alone with its bytes escaped, manifest and gallery valid",
          "[build][cli]") {
  Dir in("zonebrief-build-bytes-in"), out("zonebrief-build-bytes-out");
  fs::copy_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml", in.path / "xianghu-xiaobin.yaml");
  fs::copy_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml", in.path / "zone-\xFF.yaml");
  auto r = build("--inputs '" + in.path.string() + "' --out '" + out.path.string() + "'");
  CHECK(r.code == 1);  // not 134: nlohmann's type_error 316 aborted the run
  const std::string error = (in.path / "zone-\\xff.yaml").string() +
                            ":1:1: error: expected a zone file name in UTF-8 (found 'zone-\\xff.yaml')";
  CHECK(r.err.find(error) != std::string::npos);
  CHECK(fs::exists(out.path / "xianghu-xiaobin.pdf"));
  const std::string manifest_text = test::read_text_file(out.path / "manifest.json");
  CHECK_FALSE(base::find_invalid_utf8(manifest_text).has_value());
  auto manifest = nlohmann::json::parse(manifest_text);
  REQUIRE(manifest["zones"].size() == 2);
  for (const auto& z : manifest["zones"]) {
    INFO(z.dump());
    if (z["id"] == "xianghu-xiaobin") {
      CHECK(z["status"] == "built");
    } else {
      CHECK(z["id"] == "zone-\\xff");
      CHECK(z["status"] == "failed");
      CHECK(z["errors"] == nlohmann::json::array({error}));
    }
  }
  const std::string html = test::read_text_file(out.path / "index.html");
  CHECK_FALSE(base::find_invalid_utf8(html).has_value());
  CHECK(html.find("zone-\\xff") != std::string::npos);
  CHECK(html.find("1 failed") != std::string::npos);
}
