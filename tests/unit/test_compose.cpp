// Composition: only cited sources are numbered and listed; key-figure cards of a row line up.
#include <catch2/catch.hpp>

#include <optional>

#include <algorithm>
#include <set>

#include "chart/charts.h"
#include "layout/compose.h"
#include "load/facts_loader.h"
#include "load/layout_loader.h"
#include "test_support.h"

using namespace zb;
using test::fonts;

namespace {

const char* kFacts = R"(zone:
  id: cites
  name: {zh: 引用区, en: Citation Zone}
  as_of: 2025-06-30
sources:
  - id: first
    title: {zh: 第一篇, en: First}
    publisher: {zh: 甲报, en: Alpha Daily}
  - id: unused
    title: {zh: 未引用, en: Unused}
    publisher: {zh: 乙报, en: Beta Daily}
  - id: third
    title: {zh: 第三篇, en: Third}
    publisher: {zh: 丙报, en: Gamma Daily}
metrics:
  - id: a
    label: {zh: 甲, en: A}
    value: 5
    unit: firms
    source: third
  - id: b
    label: {zh: 一个很长很长的指标名称，占两行以上的位置才能放下, en: A very long label that takes more than one line of the card}
    value: 18
    unit: percent
    source: first
highlights:
  - text: {zh: 一条要点。, en: One highlight.}
    source: third
)";

std::string all_text(const frame::Document& doc) {
  std::string out;
  for (const auto& p : doc.pages)
    for (const auto& item : frame::flattened(p).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item)) out += t->text;
  return out;
}

/// The first text run containing `text`, in page coordinates (nullopt when none does).
std::optional<frame::TextRun> run_with(const frame::Document& doc, const std::string& text) {
  for (const auto& p : doc.pages)
    for (const auto& item : frame::flattened(p).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item); t && t->text.find(text) != std::string::npos) return *t;
  return std::nullopt;
}

bool same(const frame::Color& a, const frame::Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

model::Layout briefing() {
  base::SystemEnv env;
  auto l = load::load_layout_file(env, test::source_dir() / "layouts" / "briefing.yaml");
  REQUIRE(l.ok());
  return *l.layout;
}

}  // namespace

TEST_CASE("compose: only cited sources are listed, numbered in the order they are first cited", "[compose]") {
  auto facts = load::load_facts_text(kFacts, "cites.yaml");
  REQUIRE(facts.ok());
  auto text = all_text(layout::compose_briefing(fonts(), *facts.facts, briefing(), {}));
  CHECK(text.find("乙报") == std::string::npos);
  CHECK(text.find("Beta Daily") == std::string::npos);
  CHECK(text.find("[1] 丙报《第三篇》") != std::string::npos);  // cited by the first card
  CHECK(text.find("[2] 甲报《第一篇》") != std::string::npos);
  CHECK(text.find("[3]") == std::string::npos);
}

TEST_CASE("compose: cards of a row share the value line, the value size and the height", "[compose]") {
  auto facts = load::load_facts_text(kFacts, "cites.yaml");
  REQUIRE(facts.ok());
  chart::Style style;
  text::TextContext ctx{"cites.yaml", "metrics"};
  auto a = chart::draw_card(fonts(), facts.facts->metrics[0], 160, style, {}, ctx);
  auto b = chart::draw_card(fonts(), facts.facts->metrics[1], 160, style, {}, ctx);
  REQUIRE(b.value_top > a.value_top);  // the long label pushes the value down
  chart::CardRow row{b.value_top, std::min(a.value_size, b.value_size), 0};
  auto a2 = chart::draw_card(fonts(), facts.facts->metrics[0], 160, style, {}, ctx, row);
  CHECK(a2.value_top == b.value_top);
  CHECK(a2.value_size == b.value_size);
  row.height = std::max(a2.height, b.height);
  CHECK(chart::draw_card(fonts(), facts.facts->metrics[0], 160, style, {}, ctx, row).height == row.height);
  CHECK(chart::draw_card(fonts(), facts.facts->metrics[1], 160, style, {}, ctx, row).height == row.height);
  // "18%" reads the same in both languages and is shown once; "5家" / "5 firms" twice.
  auto count = [](const chart::Chart& c, const std::string& s) {
    std::string all;
    for (const auto& item : c.items)
      if (const auto* t = std::get_if<frame::TextRun>(&item)) all += t->text;
    int n = 0;
    for (auto p = all.find(s); p != std::string::npos; p = all.find(s, p + 1)) ++n;
    return n;
  };
  CHECK(count(b, "18%") == 1);
  CHECK(count(a, "5家") == 1);
  CHECK(count(a, "5 firms") == 1);
}

TEST_CASE("compose: every last page of a briefing is at least a third full", "[compose]") {
  base::SystemEnv env;
  std::string error;
  const auto layout = briefing();
  for (const auto& path : env.list_files(test::source_dir() / "inputs", ".yaml", error)) {
    auto facts = load::load_facts_file(env, path);
    REQUIRE(facts.ok());
    for (const auto& [mode, name] : model::kLangModes) {
      layout::ComposeOptions o;
      o.lang = mode;
      auto doc = layout::compose_briefing(fonts(), *facts.facts, layout, o);
      INFO(path.filename().string() << " " << name << ": " << doc.pages.size() << " pages");
      if (doc.pages.size() > 1) CHECK(layout::last_page_fill(doc, layout) >= 1.0 / 3);
    }
  }
}

TEST_CASE("compose: a one-pager shows the same items in every language mode, on one page", "[compose]") {
  base::SystemEnv env;
  std::string error;
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts" / "onepager.yaml");
  REQUIRE(onepager.ok());
  for (const auto& path : env.list_files(test::source_dir() / "inputs", ".yaml", error)) {
    auto facts = load::load_facts_file(env, path);
    REQUIRE(facts.ok());
    std::set<std::pair<int, bool>> seen;  // (highlights, first chart shown)
    for (auto mode : {layout::LangMode::zh_en, layout::LangMode::en_zh, layout::LangMode::zh, layout::LangMode::en,
                      layout::LangMode::side_by_side}) {
      layout::ComposeOptions o;
      o.lang = mode;
      auto doc = layout::compose_briefing(fonts(), *facts.facts, *onepager.layout, o);
      INFO(path.filename().string() << " " << layout::name_of(mode));
      CHECK(doc.pages.size() == 1);
      CHECK(layout::last_page_fill(doc, *onepager.layout) >= 0.85);
      int bullets = 0;
      for (const auto& item : frame::flattened(doc.pages[0]).items)
        if (const auto* t = std::get_if<frame::TextRun>(&item)) bullets += t->text == "•";
      if (mode == layout::LangMode::side_by_side) bullets /= 2;
      auto squeeze = [](std::string t) {  // lines are joined without the space they broke at
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        return t;
      };
      const auto text = squeeze(all_text(doc));
      bool chart = !facts.facts->series.empty() && (text.find(squeeze(facts.facts->series[0].label.zh)) != std::string::npos ||
                                                    text.find(squeeze(facts.facts->series[0].label.en)) != std::string::npos);
      // The chart's title is its takeaway, when the series has one.
      if (chart && facts.facts->series[0].takeaway)
        CHECK((text.find(squeeze(facts.facts->series[0].takeaway->zh)) != std::string::npos ||
               text.find(squeeze(facts.facts->series[0].takeaway->en)) != std::string::npos));
      seen.insert({bullets, chart});
    }
    INFO(path.filename().string());
    CHECK(seen.size() == 1);
    if (!facts.facts->series.empty()) CHECK(seen.begin()->second);  // the most telling chart is kept
  }
}

TEST_CASE("compose: each role is set in the size and ink of the layout's type scale", "[compose]") {
  auto facts = load::load_facts_text(kFacts, "cites.yaml");
  REQUIRE(facts.ok());
  model::Layout l = briefing();
  l.type.title.size = 24;
  l.type.heading.size = 14;
  l.type.heading_translation.size = 10;
  l.type.body_size = 11;
  l.type.marker_scale = 0.5;
  l.ink.muted = {0.5, 0.0, 0.0};
  SECTION("stacked: the translation muted, under the first language") {
    auto doc = layout::compose_briefing(fonts(), *facts.facts, l, {});
    const auto name = run_with(doc, "引用区");
    REQUIRE(name);
    CHECK(name->size == 24);
    CHECK(same(name->color, l.accent));
    const auto heading = run_with(doc, "摘要");  // the one highlight makes the summary
    REQUIRE(heading);
    CHECK(heading->size == 14);
    CHECK(same(heading->color, l.ink.text));
    const auto translation = run_with(doc, "In brief");
    REQUIRE(translation);
    CHECK(translation->size == 10);
    CHECK(same(translation->color, l.ink.muted));
    const auto body = run_with(doc, "一条要点");
    REQUIRE(body);
    CHECK(body->size == 11);
    const auto en = run_with(doc, "One highlight");
    REQUIRE(en);
    CHECK(en->size == 10);  // a translation is 1 pt smaller than the body
    CHECK(same(en->color, l.ink.muted));
  }
  SECTION("side by side: both columns in ink, headings alike") {
    layout::ComposeOptions o;
    o.lang = layout::LangMode::side_by_side;
    auto doc = layout::compose_briefing(fonts(), *facts.facts, l, o);
    const auto heading = run_with(doc, "In brief");
    REQUIRE(heading);
    CHECK(heading->size == 14);
    CHECK(same(heading->color, l.ink.text));
    const auto en = run_with(doc, "One highlight");
    REQUIRE(en);
    CHECK(en->size == 10);
    CHECK(same(en->color, l.ink.text));
    const auto name = run_with(doc, "Citation Zone");
    REQUIRE(name);
    CHECK(name->size == l.type.columns.subtitle.size);
  }
}

TEST_CASE("compose: how a block heading is arranged follows the mode and the layout", "[compose]") {
  auto facts = load::load_facts_text(kFacts, "cites.yaml");
  REQUIRE(facts.ok());
  base::SystemEnv env;
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts" / "onepager.yaml");
  REQUIRE(onepager.ok());
  SECTION("a one-pager, stacked: one line in the languages' order, the compact heading's size") {
    layout::ComposeOptions o;
    o.lang = layout::LangMode::en_zh;
    auto doc = layout::compose_briefing(fonts(), *facts.facts, *onepager.layout, o);
    const auto h = run_with(doc, "In brief");  // "·" and the Chinese are runs in the CJK face
    REQUIRE(h);
    CHECK(h->size >= onepager.layout->type.compact_heading.size);  // a sparse one-pager sets larger to fill its page
    const auto zh = run_with(doc, "摘要");
    REQUIRE(zh);
    CHECK(zh->origin.y == h->origin.y);
    CHECK(zh->origin.x > h->origin.x);
  }
  SECTION("side by side: a full-width block one line across, a block in columns a heading per column") {
    layout::ComposeOptions o;
    o.lang = layout::LangMode::side_by_side;
    auto doc = layout::compose_briefing(fonts(), *facts.facts, briefing(), o);
    const auto across = run_with(doc, "Key figures");
    REQUIRE(across);
    CHECK(across->text.find("·") != std::string::npos);
    const auto zh = run_with(doc, "摘要");
    const auto en = run_with(doc, "In brief");
    REQUIRE(zh);
    REQUIRE(en);
    CHECK(zh->origin.y == en->origin.y);
    CHECK(en->origin.x > zh->origin.x);
  }
}
