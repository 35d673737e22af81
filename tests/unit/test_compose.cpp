// Composition: only cited sources are numbered and listed; key-figure cards of a row line up.
#include <catch2/catch.hpp>

#include <optional>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "base/utf8.h"
#include "chart/charts.h"
#include "layout/compose.h"
#include "layout/editorial.h"
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
  const auto layout = briefing();
  for (const auto& f : test::seed_zones()) {
    for (const auto& [mode, name] : model::kLangModes) {
      layout::ComposeOptions o;
      o.lang = mode;
      auto doc = layout::compose_briefing(fonts(), f, layout, o);
      INFO(f.zone.id << " " << name << ": " << doc.pages.size() << " pages");
      if (doc.pages.size() > 1) CHECK(layout::last_page_fill(doc, layout) >= 1.0 / 3);
    }
  }
}

TEST_CASE("compose: a one-pager shows the same items in every language mode, on one page", "[compose]") {
  base::SystemEnv env;
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts" / "onepager.yaml");
  REQUIRE(onepager.ok());
  for (const auto& f : test::seed_zones()) {
    std::set<std::tuple<int, bool, std::vector<bool>>> seen;  // (highlights, first chart shown, each metric shown)
    for (auto mode : {layout::LangMode::zh_en, layout::LangMode::en_zh, layout::LangMode::zh, layout::LangMode::en,
                      layout::LangMode::side_by_side}) {
      layout::ComposeOptions o;
      o.lang = mode;
      auto doc = layout::compose_briefing(fonts(), f, *onepager.layout, o);
      INFO(f.zone.id << " " << layout::name_of(mode));
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
      bool chart = !f.series.empty() && (text.find(squeeze(f.series[0].label.zh)) != std::string::npos ||
                                         text.find(squeeze(f.series[0].label.en)) != std::string::npos);
      // The chart's title is its takeaway, when the series has one.
      if (chart && f.series[0].takeaway)
        CHECK((text.find(squeeze(f.series[0].takeaway->zh)) != std::string::npos ||
               text.find(squeeze(f.series[0].takeaway->en)) != std::string::npos));
      // Which figures the page shows (a card or a table row), by their English labels (a
      // Chinese label also turns up in Chinese prose and chart categories); the Chinese-only
      // page is compared by its highlights and chart.
      std::vector<bool> figures;
      if (mode != layout::LangMode::zh)
        for (const auto& m : f.metrics) figures.push_back(text.find(squeeze(m.label.en)) != std::string::npos);
      else
        figures = std::get<2>(*seen.begin());
      seen.insert({bullets, chart, figures});
    }
    INFO(f.zone.id);
    CHECK(seen.size() == 1);
    if (!f.series.empty()) CHECK(std::get<1>(*seen.begin()));  // the most telling chart is kept
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

namespace {

/// Text without spaces (lines are joined without the space they broke at).
std::string squeezed(std::string t) {
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t;
}

std::string page_text(const frame::Document& doc, std::size_t page) {
  std::string out;
  for (const auto& item : frame::flattened(doc.pages.at(page)).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) out += t->text;
  return squeezed(out);
}

}  // namespace

TEST_CASE("compose: page 1 carries the point: the summary and every headline card, highlights by page 2", "[compose]") {
  const auto layout = briefing();
  for (const auto& f : test::seed_zones()) {
    const auto plan = layout::plan_briefing(f, 6);
    REQUIRE_FALSE(plan.headlines.empty());
    for (const auto& [mode, name] : model::kLangModes) {
      layout::ComposeOptions o;
      o.lang = mode;
      const auto doc = layout::compose_briefing(fonts(), f, layout, o);
      INFO(f.zone.id << " " << name);
      const std::string first = page_text(doc, 0);
      const bool zh = mode != model::LangMode::en;
      CHECK(first.find(zh ? "摘要" : "Inbrief") != std::string::npos);
      if (f.zone.summary)
        CHECK(first.find(squeezed((zh ? f.zone.summary->zh : f.zone.summary->en).substr(0, 24))) != std::string::npos);
      for (std::size_t i : plan.headlines) {
        const auto& m = f.metrics[i];
        CHECK(first.find(squeezed(
                  chart::format_value(m.value, m.unit, zh ? chart::Lang::zh : chart::Lang::en, m.qualifier).text)) !=
              std::string::npos);
      }
      // The narrative (the highlights block, or the summary's highlights) starts by page 2.
      std::string two = first + (doc.pages.size() > 1 ? page_text(doc, 1) : "");
      CHECK((two.find("要点") != std::string::npos || two.find("Highlights") != std::string::npos ||
             plan.highlights.empty()));
    }
  }
}

TEST_CASE("compose: every note of a metric or a series is printed in the briefing, in each language of the mode",
          "[compose]") {
  const auto layout = briefing();
  for (const auto& f : test::seed_zones()) {
    for (auto mode : {model::LangMode::zh_en, model::LangMode::en}) {
      layout::ComposeOptions o;
      o.lang = mode;
      const auto doc = layout::compose_briefing(fonts(), f, layout, o);
      std::string all;
      for (std::size_t p = 0; p < doc.pages.size(); ++p) all += page_text(doc, p);
      // Notes are long: their first 18 bytes or so (whole characters) stand for them.
      auto has = [&](const model::Text& t, bool zh) {
        std::string s = squeezed(zh ? t.zh : t.en);
        return all.find(s.substr(0, base::utf8_floor(s, 18))) != std::string::npos;
      };
      for (const auto& m : f.metrics)
        if (m.note) {
          INFO(f.zone.id << " " << model::name_of(mode) << " metric " << m.id);
          if (mode == model::LangMode::zh_en) CHECK(has(*m.note, true));
          CHECK(has(*m.note, false));
        }
      for (const auto& s : f.series)
        if (s.note) {
          INFO(f.zone.id << " " << model::name_of(mode) << " series " << s.id);
          if (mode == model::LangMode::zh_en) CHECK(has(*s.note, true));
          CHECK(has(*s.note, false));
        }
    }
  }
}

TEST_CASE("compose: one measure at two dates is one table row, oldest first, with the sources of its values",
          "[compose]") {
  const std::string text = std::string(kFacts) + R"(  - text: {zh: 第二条。, en: Second.}
    source: first
  - text: {zh: 第三条。, en: Third.}
    source: first
)";
  std::string facts_text = text;
  const std::string more = R"(  - id: giants-2025
    label: {zh: 小巨人企业, en: Little giants}
    value: 25
    unit: firms
    date: 2025-05-31
    source: first
  - id: giants-2023
    label: {zh: 小巨人企业, en: Little giants}
    value: 15
    unit: firms
    date: 2023-12-31
    source: third
    note: {zh: 2023年底的累计数。, en: Cumulative at the end of 2023.}
highlights:
)";
  facts_text.replace(facts_text.find("highlights:\n"), std::string("highlights:\n").size(), more);
  auto facts = load::load_facts_text(facts_text, "cites.yaml");
  INFO(test::joined(facts.errors));
  REQUIRE(facts.ok());
  model::Layout l = briefing();
  l.blocks = {model::Block{model::BlockKind::figures}, model::Block{model::BlockKind::sources}};
  const auto doc = layout::compose_briefing(fonts(), *facts.facts, l, {});
  // One line of the table: the label once, 15 then 25 with their markers, the dates in order.
  std::map<double, std::string> lines;  // baseline → text of the line (raised markers aside)
  for (const auto& item : frame::flattened(doc.pages[0]).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) lines[std::round(t->origin.y)] += t->text;
  std::string row;
  for (const auto& [y, s] : lines)
    if (s.find("15家") != std::string::npos) row = squeezed(s);
  CHECK(row == "小巨人企业15家→25家2023年12月→2025年5月[1][2]");  // the sources in their own column
  // The note's letter after the label, raised.
  const auto giants = run_with(doc, "小巨人企业");
  REQUIRE(giants);
  std::optional<frame::TextRun> letter;
  for (const auto& item : frame::flattened(doc.pages[0]).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item); t && t->text == "a" && !letter) letter = *t;
  REQUIRE(letter);
  CHECK(letter->origin.y < giants->origin.y);  // raised, after the label
  CHECK(letter->origin.y > giants->origin.y - giants->size);
  CHECK(letter->origin.x > giants->origin.x);
  CHECK(letter->size >= 7);
  const std::string all = page_text(doc, 0);
  CHECK(all.find("Littlegiants") != std::string::npos);
  CHECK(all.find("15firms→25firms") != std::string::npos);
  CHECK(all.find("2023年底的累计数。") != std::string::npos);  // the note, printed
  CHECK(all.find("Dec2023→May2025") == std::string::npos);
  CHECK(all.find("December2023→May2025") != std::string::npos);
}

TEST_CASE("compose: stale facts are a quiet tag on the meta line, in the warning ink at the meta size", "[compose]") {
  auto facts = load::load_facts_text(kFacts, "cites.yaml");
  REQUIRE(facts.ok());
  const auto l = briefing();
  layout::ComposeOptions o;
  o.stale_days = 365;
  const auto doc = layout::compose_briefing(fonts(), *facts.facts, l, o);
  const auto meta = run_with(doc, "数据截至");
  const auto tag = run_with(doc, "可能已过时");
  REQUIRE(meta);
  REQUIRE(tag);
  CHECK(tag->origin.y == meta->origin.y);  // on the meta line, after it
  CHECK(tag->origin.x > meta->origin.x);
  CHECK(tag->size == l.type.meta.size);
  CHECK(same(tag->color, l.ink.warning));
  CHECK(run_with(doc, "over 365 days old, may be out of date"));
  // The running head of every page says it too, after the as-of date, in the caption size.
  const auto head = run_with(doc, "（数据已逾");  // digits are a run of their own (the Latin face)
  REQUIRE(head);
  CHECK(head->size == l.type.caption_size);
  CHECK(head->origin.y < l.margin_top);
  // Nothing on the page is louder: no run in the warning ink is larger than the meta line.
  for (const auto& item : frame::flattened(doc.pages[0]).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item); t && same(t->color, l.ink.warning))
      CHECK(t->size <= l.type.meta.size);
}

TEST_CASE("compose: a card's note is lettered: the letter on the card after its source, the note under the cards",
          "[compose]") {
  std::string text = kFacts;
  text.replace(text.find("    source: first\n"), std::string("    source: first\n").size(),
               "    source: first\n    note: {zh: 比重口径未说明。, en: The base of the share is not given.}\n");
  auto facts = load::load_facts_text(text, "cites.yaml");
  INFO(test::joined(facts.errors));
  REQUIRE(facts.ok());
  const auto doc = layout::compose_briefing(fonts(), *facts.facts, briefing(), {});
  const auto label = run_with(doc, "一个很长很长的指标名称");
  const auto mark = run_with(doc, "[2] a");  // "[1]" is the summary's highlight's source, "[2]" this card's
  REQUIRE(label);
  REQUIRE(mark);
  CHECK(mark->size >= 7);
  CHECK(mark->size < label->size);
  // Under the cards: the letter hanging, then the note in each language.
  std::optional<frame::TextRun> bullet;
  for (const auto& item : frame::flattened(doc.pages[0]).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item); t && t->text == "a") bullet = *t;
  const auto note = run_with(doc, "比重口径未说明。");
  REQUIRE(bullet);
  REQUIRE(note);
  CHECK(bullet->origin.y == note->origin.y);
  CHECK(bullet->origin.x < note->origin.x);
  CHECK(note->origin.y > mark->origin.y);
  CHECK(run_with(doc, "The base of the share is not given."));
}

TEST_CASE(
    "compose: every good fixture and the charts' stress file build in every layout and mode, a one-pager on one page",
    "[compose]") {
  base::SystemEnv env;
  std::string error;
  for (const char* name : {"briefing", "onepager"}) {
    auto layout = load::load_layout_file(env, test::source_dir() / "layouts" / (std::string(name) + ".yaml"));
    REQUIRE(layout.ok());
    auto files = env.list_files(test::source_dir() / "tests/facts/good", ".yaml", error);
    files.push_back(test::source_dir() / "tests/charts/chart-stress.yaml");  // the charts' stress fixture
    for (const auto& path : files) {
      auto facts = load::load_facts_file(env, path);
      INFO(path.filename().string() << "\n" << test::joined(facts.errors));
      REQUIRE(facts.ok());
      for (const auto& [mode, mode_name] : model::kLangModes) {
        layout::ComposeOptions o;
        o.lang = mode;
        INFO(name << " " << mode_name);
        frame::Document doc;
        REQUIRE_NOTHROW(doc = layout::compose_briefing(fonts(), *facts.facts, *layout.layout, o));
        if (layout.layout->one_page) CHECK(doc.pages.size() == 1);
        CHECK_FALSE(doc.pages.empty());
      }
    }
  }
}

TEST_CASE("compose: a one-pager of thirty long key highlights is still one page in every mode", "[compose]") {
  std::string text = R"(zone:
  id: many
  name: {zh: 多要点区, en: Many Highlights Zone}
  as_of: 2025-06-30
sources:
  - id: s
    title: {zh: 文, en: Article}
    publisher: {zh: 报, en: Daily}
metrics:
  - id: a
    label: {zh: 甲, en: A}
    value: 1
    unit: firms
    source: s
highlights:
)";
  for (int i = 0; i < 30; ++i)
    text += "  - text: {zh: 第" + std::to_string(i) +
            "条要点，内容较长以便占据多行的位置，测试一页简报在要点过多时的取舍。, en: \"Highlight " +
            std::to_string(i) +
            ", long enough to take more than one line, to test what a one-pager gives up.\"}\n    source: s\n    key: "
            "true\n";
  auto facts = load::load_facts_text(text, "many.yaml");
  INFO(test::joined(facts.errors));
  REQUIRE(facts.ok());
  base::SystemEnv env;
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts" / "onepager.yaml");
  REQUIRE(onepager.ok());
  for (const auto& [mode, name] : model::kLangModes) {
    layout::ComposeOptions o;
    o.lang = mode;
    INFO(name);
    CHECK(layout::compose_briefing(fonts(), *facts.facts, *onepager.layout, o).pages.size() == 1);
  }
}
