// Editorial plan: which figures are headlines, how the figures table merges and groups them,
// which highlights make the summary — each rule on small facts files.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/editorial.h"
#include "load/facts_loader.h"

using namespace zb;

namespace {

/// A zone file with `metrics` and `highlights` (YAML list items, indented by two) and, when
/// given, a summary.
model::Facts facts(const std::string& metrics, const std::string& highlights = "", const std::string& summary = "") {
  std::string text = "zone:\n  id: z\n  name: {zh: 区, en: Zone}\n  as_of: 2025-06-30\n" + summary +
                     "sources:\n  - id: s\n    title: {zh: 文, en: Article}\n    publisher: {zh: 报, en: Daily}\n"
                     "metrics:\n" +
                     metrics;
  if (!highlights.empty()) text += "highlights:\n" + highlights;
  auto r = load::load_facts_text(text, "z.yaml");
  INFO((r.errors.items().empty() ? std::string() : r.errors.items().front().str()));
  REQUIRE(r.ok());
  return *r.facts;
}

/// A metric item: id, label (zh = en = label), value, and extra lines (e.g. "headline: 1").
std::string metric(const std::string& id, const std::string& label, int value, const std::string& extra = "") {
  std::string m = "  - id: " + id + "\n    label: {zh: " + label + ", en: " + label +
                  "}\n    value: " + std::to_string(value) + "\n    unit: firms\n    source: s\n";
  if (!extra.empty()) m += "    " + extra + "\n";
  return m;
}

std::string highlight(const std::string& text, bool key = false) {
  return "  - text: {zh: " + text + "。, en: " + text + ".}\n    source: s\n" + (key ? "    key: true\n" : "");
}

std::vector<std::string> ids(const model::Facts& f, const std::vector<std::size_t>& idx) {
  std::vector<std::string> out;
  for (std::size_t i : idx) out.push_back(f.metrics[i].id);
  return out;
}

}  // namespace

TEST_CASE("editorial: headlines follow their numbers, at most the cap, one card per measure", "[editorial]") {
  const auto f = facts(metric("a", "甲", 1) + metric("b", "乙", 2, "headline: 3") +
                       metric("c", "丙", 3, "headline: 1") + metric("d", "丙", 4, "date: 2024-06-30") +
                       metric("e", "丁", 5, "headline: 2") + metric("g", "戊", 6, "headline: 4"));
  CHECK(ids(f, layout::plan_briefing(f, 6).headlines) == std::vector<std::string>{"c", "e", "b", "g"});
  CHECK(ids(f, layout::plan_briefing(f, 2).headlines) == std::vector<std::string>{"c", "e"});
}

TEST_CASE("editorial: without headline numbers, the latest figure of each measure in file order", "[editorial]") {
  const auto f = facts(metric("a", "甲", 1, "date: 2025-01-31") + metric("b", "乙", 2) +
                       metric("c", "甲", 3, "date: 2024-01-31") + metric("d", "丙", 4) + metric("e", "丁", 5));
  // 甲 twice: the 2025 figure (a) is its card, not the 2024 one; three cards at most.
  CHECK(ids(f, layout::plan_briefing(f, 3).headlines) == std::vector<std::string>{"a", "b", "d"});
}

TEST_CASE("editorial: one table row per measure, oldest first, and none for a measure fully on cards", "[editorial]") {
  const auto f = facts(metric("new", "小巨人", 25, "date: 2025-05-31") + metric("top", "排名", 6, "headline: 1") +
                       metric("old", "小巨人", 15, "date: 2023-12-31") + metric("lone", "面积", 3));
  const auto plan = layout::plan_briefing(f, 6);
  CHECK(ids(f, plan.headlines) == std::vector<std::string>{"top"});
  REQUIRE(plan.table.size() == 1);
  CHECK_FALSE(plan.table[0].topic);  // no topics at all: one group without a heading
  REQUIRE(plan.table[0].rows.size() == 2);
  CHECK(ids(f, plan.table[0].rows[0].metrics) == std::vector<std::string>{"old", "new"});
  CHECK(ids(f, plan.table[0].rows[1].metrics) == std::vector<std::string>{"lone"});
}

TEST_CASE("editorial: the table groups by topic in the file's order, figures without one last", "[editorial]") {
  const auto f = facts(metric("h", "头条", 1, "headline: 1") + metric("a", "甲", 1, "topic: {zh: 人才, en: Talent}") +
                       metric("b", "乙", 2) + metric("c", "丙", 3, "topic: {zh: 经济, en: Economy}") +
                       metric("d", "丁", 4, "topic: {zh: 人才, en: Talent}"));
  const auto plan = layout::plan_briefing(f, 6);
  REQUIRE(plan.table.size() == 3);
  CHECK(plan.table[0].topic->en == "Talent");
  CHECK(plan.table[0].rows.size() == 2);
  CHECK(plan.table[1].topic->en == "Economy");
  CHECK(plan.table[2].topic->zh == "其他");
  CHECK(plan.table[2].topic->en == "Other");
  CHECK(ids(f, plan.table[2].rows[0].metrics) == std::vector<std::string>{"b"});
}

TEST_CASE("editorial: the summary is the zone's, else the key highlights, else the first two", "[editorial]") {
  const std::string m = metric("a", "甲", 1);
  SECTION("a zone summary: every highlight in the highlights block, key ones first") {
    const auto f =
        facts(m, highlight("一") + highlight("二", true) + highlight("三"), "  summary: {zh: 摘要。, en: Summary.}\n");
    const auto plan = layout::plan_briefing(f, 6);
    CHECK(plan.summary_highlights.empty());
    CHECK(plan.highlights == std::vector<std::size_t>{1, 0, 2});
  }
  SECTION("key highlights make the summary; the rest follow") {
    const auto f = facts(m, highlight("一") + highlight("二", true) + highlight("三", true) + highlight("四"));
    const auto plan = layout::plan_briefing(f, 6);
    CHECK(plan.summary_highlights == std::vector<std::size_t>{1, 2});
    CHECK(plan.highlights == std::vector<std::size_t>{0, 3});
  }
  SECTION("at most three key highlights make the summary; the others lead the highlights") {
    const auto f = facts(m, highlight("一", true) + highlight("二") + highlight("三", true) + highlight("四", true) +
                                highlight("五", true) + highlight("六", true));
    const auto plan = layout::plan_briefing(f, 6);
    CHECK(plan.summary_highlights == std::vector<std::size_t>{0, 2, 3});
    CHECK(plan.highlights == std::vector<std::size_t>{4, 5, 1});
  }
  SECTION("no summary and no key: the first two") {
    const auto f = facts(m, highlight("一") + highlight("二") + highlight("三"));
    const auto plan = layout::plan_briefing(f, 6);
    CHECK(plan.summary_highlights == std::vector<std::size_t>{0, 1});
    CHECK(plan.highlights == std::vector<std::size_t>{2});
  }
}

TEST_CASE("editorial: a figure is old when its date, its own or the zone's, is past the limit", "[editorial]") {
  const auto f = facts(metric("a", "甲", 1, "date: 2024-01-31") + metric("b", "乙", 2));  // the zone: 2025-06-30
  const long today = model::Date{2025, 6, 30}.days_since_epoch();
  CHECK(layout::is_old_figure(f, f.metrics[0], today, 365));
  CHECK_FALSE(layout::is_old_figure(f, f.metrics[0], today, 600));
  CHECK_FALSE(layout::is_old_figure(f, f.metrics[1], today, 1));
  CHECK(layout::is_old_figure(f, f.metrics[1], today + 2, 1));  // the zone's date
  CHECK(layout::old_figures(f, today, 365) == 1);
  CHECK(layout::old_figures(f, today + 2, 1) == 2);
}
