// Every rule of FACTS.md: a fixture that breaks it gives its exact error; valid files load.
#include <catch2/catch.hpp>

#include <set>

#include "load/facts_loader.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

load::FactsOptions with_layouts() {
  load::FactsOptions o;
  o.known_layouts = std::set<std::string>{"briefing", "onepager"};
  return o;
}

/// Loads a fixture by its path relative to the repository root, as messages show it.
load::FactsResult load_fixture(const std::string& rel, const load::FactsOptions& o = with_layouts()) {
  return load::load_facts_text(test::read_text_file(test::source_dir() / rel), rel, o);
}

}  // namespace

TEST_CASE("each bad fixture gives exactly the errors in its .errors file", "[facts][rules]") {
  std::vector<fs::path> fixtures;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests/facts/bad"))
    if (e.path().extension() == ".yaml") fixtures.push_back(e.path());
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(fixtures.size() >= 50);
  for (const auto& f : fixtures) {
    std::string rel = "tests/facts/bad/" + f.filename().string();
    auto expected_path = f;
    expected_path.replace_extension(".errors");
    INFO(rel);
    REQUIRE(fs::exists(expected_path));
    auto r = load_fixture(rel);
    CHECK_FALSE(r.ok());
    CHECK(test::joined(r.errors) == test::read_text_file(expected_path));
  }
}

TEST_CASE("the FACTS.md example loads into the typed model", "[facts][rules]") {
  auto r = load_fixture("tests/facts/good/xiaoshan-etdz.yaml");
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  const auto& f = *r.facts;
  CHECK(f.zone.id == "xiaoshan-etdz");
  CHECK(f.zone.name.zh == "萧山经济技术开发区");
  CHECK(f.zone.short_name->en == "Xiaoshan ETDZ");
  CHECK(f.zone.as_of.iso() == "2025-06-30");
  CHECK(f.zone.layout == "briefing");
  REQUIRE(f.sources.size() == 2);
  CHECK(f.sources[0].title.en.empty());
  CHECK(f.sources[0].date->iso() == "2025-03-10");
  CHECK(f.sources[0].url == "https://example.org/article");
  REQUIRE(f.metrics.size() == 1);
  const auto& m = f.metrics[0];
  CHECK(m.value.literal == "542");
  CHECK_FALSE(m.unit.code.has_value());
  CHECK(m.unit.label.en == "firms");
  CHECK(m.qualifier == model::Qualifier::over);
  CHECK(m.change->value.value == 99);
  CHECK(m.change->unit.code == model::UnitCode::count);
  CHECK(m.change->period->zh == "2023年新增");
  CHECK(m.note->zh == "...");
  REQUIRE(f.series.size() == 1);
  const auto& s = f.series[0];
  CHECK(s.better == model::Better::lower);
  CHECK(s.chart == model::ChartKind::rank);
  REQUIRE(s.points.size() == 4);
  CHECK(s.points[3].x.zh == "2024");
  CHECK_FALSE(s.points[3].x_bilingual);
  CHECK(s.points[3].y.value == 6);
  REQUIRE(f.highlights.size() == 1);
  CHECK(f.highlights[0].source == "xsdaily-2025-reform");
}

TEST_CASE("every optional feature loads, with precision and rare characters kept", "[facts][rules]") {
  auto r = load_fixture("tests/facts/good/every-feature.yaml");
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  const auto& f = *r.facts;
  CHECK(f.zone.as_of.iso() == "2024-02-29");
  CHECK(f.zone.layout == "onepager");
  CHECK(f.sources[0].title.zh == "𠮷野家与𠀾的报道");
  CHECK(f.sources[1].title == f.sources[0].title);  // an alias
  CHECK(f.sources[0].url == "HTTPS://example.org/path?q=1#frag");
  CHECK(f.metrics[0].value.literal == "10.17");
  CHECK(f.metrics[0].value.decimals() == 2);
  CHECK(f.metrics[0].change->value.literal == "-22.54");
  CHECK(f.metrics[0].qualifier == model::Qualifier::nearly);
  CHECK(f.metrics[1].value.value == 1.08e10);
  CHECK(f.metrics[1].qualifier == model::Qualifier::at_least);
  CHECK(f.metrics[2].value.literal == "56");
  CHECK(f.series[0].order == model::Order::given);
  CHECK_FALSE(f.series[1].order);  // unset: by value for categories, as written otherwise
  CHECK(f.series[0].points[0].x_bilingual);
  CHECK(f.series[0].points[0].x.en == "High-tech industries");
  CHECK(f.series[0].points[2].x.zh == "2023");
  CHECK(f.series[0].points[2].y.literal == "-0.5");
  CHECK(f.series[1].points[0].x.en == "2021");
  CHECK(f.series[1].points[1].y.literal == "2");
  CHECK(f.highlights[0].text.zh == "中国视谷核心启动区 正式启用。");
  CHECK(f.highlights[0].text.en == "The core start-up area of China Vision Valley opened.");
}

TEST_CASE("a byte-order mark and CRLF line endings are accepted", "[facts][rules]") {
  std::string text = test::read_text_file(test::source_dir() / "tests/facts/good/every-feature.yaml");
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto r = load::load_facts_text(crlf, "every-feature.yaml", with_layouts());
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  CHECK(r.facts->zone.name.zh == "湘湖·萧滨合作区");

  // Positions are still right after a BOM: the first line's columns start at 1.
  std::string bad = "\xEF\xBB\xBFzone: [\n";
  auto e = load::load_facts_text(bad, "bom.yaml");
  REQUIRE(e.errors.size() == 1);
  CHECK(e.errors.items()[0].where.line == 2);
}

TEST_CASE("the layout name is checked only against the layouts that exist", "[facts][rules]") {
  load::FactsOptions none;  // no layouts folder known: any well-formed name passes
  CHECK(load_fixture("tests/facts/bad/layout-unknown.yaml", none).ok());
  load::FactsOptions only_briefing;
  only_briefing.known_layouts = std::set<std::string>{"briefing"};
  auto r = load_fixture("tests/facts/good/every-feature.yaml", only_briefing);
  CHECK(test::joined(r.errors) ==
        "tests/facts/good/every-feature.yaml:10:11: error: zone.layout: expected the name of a layout in "
        "the layouts folder (briefing) (found 'onepager')\n");
  // Without zone.layout the zone takes "briefing": a folder without it is an error at the zone.
  load::FactsOptions only_onepager;
  only_onepager.known_layouts = std::set<std::string>{"onepager"};
  auto d = load_fixture("inputs/hangzhou-airport-zone.yaml", only_onepager);
  CHECK(test::joined(d.errors) ==
        "inputs/hangzhou-airport-zone.yaml:2:3: error: zone.layout: expected zone.layout naming a layout of the "
        "layouts folder (onepager): the default, briefing, is not there (found no zone.layout)\n");
}

TEST_CASE("line breaks in multi-line texts fold as CSS segment breaks", "[facts][rules]") {
  std::string text = test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml");
  text.replace(
      text.find(
          "  - text: {zh: 实际使用外资全国第一。, en: First nationally in actually utilised foreign investment.}"),
      std::string(
          "  - text: {zh: 实际使用外资全国第一。, en: First nationally in actually utilised foreign investment.}")
          .size(),
      "  - text:\r\n      zh: |\r\n        临空经济示范区加快推进\r\n        以杭州大会展中心为主的项目。\r\n"
      "      en: >\n        First nationally\n\n        in foreign investment.\n");
  auto r = load::load_facts_text(text, "xiaoshan-etdz.yaml");
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  CHECK(r.facts->highlights[0].text.zh == "临空经济示范区加快推进以杭州大会展中心为主的项目。");
  CHECK(r.facts->highlights[0].text.en == "First nationally in foreign investment.");
}

TEST_CASE("columns count characters, not bytes, after Chinese text", "[facts][rules]") {
  std::string text = "zone: {id: cols, name: {zh: 萧山经济技术开发区, en: x}, as_of: 2025-13-01}\n";
  auto r = load::load_facts_text(text, "cols.yaml");
  // 2025-13-01 starts at character 55 of the line (the nine Han characters count one each).
  CHECK(test::joined(r.errors).find("cols.yaml:1:55: error: zone.as_of: expected a calendar date") !=
        std::string::npos);
}

TEST_CASE("dates count days from 1970-01-01 across leap years, centuries and far years", "[facts][rules][date]") {
  CHECK(model::Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(model::Date{1969, 12, 31}.days_since_epoch() == -1);
  CHECK(model::Date{2000, 2, 29}.days_since_epoch() == 11016);
  CHECK(model::Date{2000, 3, 1}.days_since_epoch() == 11017);
  CHECK(model::Date{2100, 3, 1}.days_since_epoch() - model::Date{2100, 2, 28}.days_since_epoch() == 1);
  CHECK(model::Date{2025, 12, 31}.days_since_epoch() == 1767139200 / 86400);
  CHECK(model::Date{1, 1, 1}.days_since_epoch() == -719162);
  CHECK(model::Date{9999, 12, 31}.days_since_epoch() == 2932896);
  CHECK(model::Date{1, 1, 1}.iso() == "0001-01-01");
  CHECK(model::Date{2024, 2, 29}.iso() == "2024-02-29");
}

TEST_CASE("a date is a real day of the Gregorian calendar or refused with the one text", "[facts][rules][date]") {
  CHECK(model::Date{2024, 2, 29}.ok());
  CHECK(model::Date{2000, 2, 29}.ok());
  CHECK(model::Date{1600, 2, 29}.ok());
  CHECK_FALSE(model::Date{2023, 2, 29}.ok());
  CHECK_FALSE(model::Date{1900, 2, 29}.ok());
  CHECK_FALSE(model::Date{2100, 2, 29}.ok());
  CHECK_FALSE(model::Date{2025, 4, 31}.ok());
  CHECK_FALSE(model::Date{2025, 13, 1}.ok());
  CHECK_FALSE(model::Date{2025, 257, 1}.ok());  // not wrapped into January
  CHECK_FALSE(model::Date{}.ok());
  auto as_of = [](const std::string& date) {
    auto r = load::load_facts_text("zone: {id: d, name: {zh: 区, en: Zone}, as_of: " + date + "}\n", "d.yaml");
    return test::joined(r.errors);
  };
  for (std::string bad : {"2023-02-29", "1900-02-29", "2100-02-29", "0000-01-01", "2025-04-31", "2025-00-10",
                          "2025-01-00", "2025-1-01", "2025/01/01", "20250-1-01", "+025-01-01"}) {
    INFO(bad);
    CHECK(as_of(bad).find("d.yaml:1:47: error: zone.as_of: expected a calendar date YYYY-MM-DD (found '" + bad +
                          "')\n") != std::string::npos);
  }
  for (std::string good : {"2024-02-29", "2000-02-29", "1600-02-29", "0001-01-01", "9999-12-31"}) {
    INFO(good);
    CHECK(as_of(good).find("calendar date") == std::string::npos);
  }
}

TEST_CASE("the contract's example loads with its editorial fields", "[facts][rules]") {
  auto r = load_fixture("tests/facts/good/xiaoshan-etdz.yaml");
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  const auto& f = *r.facts;
  REQUIRE(f.metrics.size() == 1);
  CHECK(f.metrics[0].headline == 1);
  REQUIRE(f.metrics[0].topic);
  CHECK(f.metrics[0].topic->en == "Innovation");
  REQUIRE(f.metrics[0].date);
  CHECK(f.metrics[0].date->iso() == "2025-03-10");
  REQUIRE(f.series[0].takeaway);
  CHECK(f.series[0].takeaway->zh == "四年上升42位");
  CHECK(f.highlights[0].key);
  CHECK_FALSE(f.zone.summary);
}
