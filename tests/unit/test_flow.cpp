// Pagination: no heading alone at a page foot, orphan and widow control, page breaks, bookmarks.
#include <catch2/catch.hpp>

#include "layout/flow.h"
#include "test_support.h"

using namespace zb;

namespace {

using test::fonts;

/// A small page: 100 pt of text area height, lines of 10 pt → ten lines a page.
layout::PageSetup small_page() {
  layout::PageSetup p;
  p.width = 200;
  p.height = 140;
  p.margin_top = 20;
  p.margin_bottom = 20;
  p.margin_left = p.margin_right = 20;
  return p;
}

text::ParagraphStyle lines10() {
  text::ParagraphStyle s;
  s.line_height = 10;
  s.zh = true;
  return s;
}

/// A paragraph of exactly n lines at the small page's measure (16 Han characters of 10 pt each).
std::string n_lines(int n) {
  std::string s;
  for (int i = 0; i < n * 16; ++i) s += "萧";
  return s;
}

/// Page index (0-based) of every text run whose text starts with `prefix`.
std::vector<int> pages_of(const frame::Document& doc, const std::string& prefix) {
  std::vector<int> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : frame::flattened(doc.pages[p]).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item))
        if (t->text.rfind(prefix, 0) == 0) out.push_back(static_cast<int>(p));
  return out;
}

/// All text of page p, runs joined in drawing order.
std::string page_text(const frame::Document& doc, std::size_t p) {
  std::string out;
  for (const auto& item : frame::flattened(doc.pages[p]).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) out += t->text;
  return out;
}

}  // namespace

TEST_CASE("a heading that would end a page moves to the next with its text", "[layout][flow]") {
  layout::Flow flow(fonts(), small_page(), {"t", ""});
  auto body = fonts().require_role("body");
  flow.paragraph({text::Span{n_lines(9), body, 10}}, lines10(), 0, 0);  // 9 of 10 lines used
  flow.heading({text::Span{"标题", fonts().require_role("heading"), 10}}, lines10(), "标题", 0, 0, 0);
  flow.paragraph({text::Span{"正文" + n_lines(2), body, 10}}, lines10(), 0, 0);
  auto doc = flow.finish({}, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(pages_of(doc, "标题") == std::vector<int>{1});
  CHECK(pages_of(doc, "正文") == std::vector<int>{1});
  REQUIRE(doc.bookmarks.size() == 1);
  CHECK(doc.bookmarks[0].page == 1);
  CHECK(doc.bookmarks[0].y == Approx(20));
}

TEST_CASE("a paragraph never leaves one line alone at a page foot or head", "[layout][flow]") {
  auto body = fonts().require_role("body");
  SECTION("orphan: the first line moves down with the second") {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.paragraph({text::Span{n_lines(9), body, 10}}, lines10(), 0, 0);
    flow.paragraph({text::Span{"乙" + n_lines(3), body, 10}}, lines10(), 0, 0);
    auto doc = flow.finish({}, {});
    CHECK(pages_of(doc, "乙") == std::vector<int>{1});
  }
  SECTION("widow: the last line takes the one before it along") {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.paragraph({text::Span{n_lines(5), body, 10}}, lines10(), 0, 0);
    // 6 lines: 5 fit on page 1, but the 6th would be a widow, so lines 5 and 6 go to page 2.
    std::string s;
    for (int i = 0; i < 6; ++i) s += std::string(i == 4 ? "戊" : "萧") + n_lines(1).substr(3);
    flow.paragraph({text::Span{s, body, 10}}, lines10(), 0, 0);
    auto doc = flow.finish({}, {});
    REQUIRE(doc.pages.size() == 2);
    CHECK(pages_of(doc, "戊") == std::vector<int>{1});
    int lines_on_2 = 0;
    for (const auto& item : frame::flattened(doc.pages[1]).items)
      lines_on_2 += std::holds_alternative<frame::TextRun>(item);
    CHECK(lines_on_2 == 2);
  }
}

TEST_CASE("content taller than a page still flows, one page at a time", "[layout][flow]") {
  layout::Flow flow(fonts(), small_page(), {"t", ""});
  flow.paragraph({text::Span{n_lines(35), fonts().require_role("body"), 10}}, lines10(), 0, 0);
  auto doc = flow.finish({}, {});
  CHECK(doc.pages.size() == 4);
  std::size_t runs = 0;
  for (const auto& p : doc.pages) runs += frame::flattened(p).items.size();
  CHECK(runs == 35);
}

TEST_CASE("an explicit page break starts a new page, but never an empty one", "[layout][flow]") {
  layout::Flow flow(fonts(), small_page(), {"t", ""});
  flow.page_break();
  flow.paragraph({text::Span{"甲", fonts().require_role("body"), 10}}, lines10(), 0, 0);
  flow.page_break();
  flow.page_break();
  flow.paragraph({text::Span{"乙", fonts().require_role("body"), 10}}, lines10(), 0, 0);
  auto doc = flow.finish({}, {});
  CHECK(doc.pages.size() == 2);
  CHECK(pages_of(doc, "乙") == std::vector<int>{1});
}

TEST_CASE("footers carry both languages' page numbers", "[layout][flow]") {
  layout::Flow flow(fonts(), small_page(), {"t", ""});
  flow.paragraph({text::Span{n_lines(15), fonts().require_role("body"), 10}}, lines10(), 0, 0);
  layout::Running running;
  running.footer = [](int n, int m) {
    return std::vector<text::Span>{text::Span{"第 " + std::to_string(n) + " 页，共 " + std::to_string(m) +
                                                  " 页 · Page " + std::to_string(n) + " of " + std::to_string(m),
                                              fonts().require_role("caption"), 6}};
  };
  auto doc = flow.finish({}, running);
  REQUIRE(doc.pages.size() == 2);
  CHECK(page_text(doc, 0).find("第 1 页，共 2 页 · Page 1 of 2") != std::string::npos);
  CHECK(page_text(doc, 1).find("第 2 页，共 2 页 · Page 2 of 2") != std::string::npos);
}

TEST_CASE("review regressions: tables, tall boxes, headings before big boxes, wide bullets", "[layout][flow]") {
  auto body = fonts().require_role("body");
  SECTION("a row with more cells than columns is an error") {
    layout::Flow flow(fonts(), small_page(), {"t.yaml", "table"});
    layout::Table t;
    t.column_fractions = {0.5, 0.5};
    t.rows = {{{text::Span{"a", body, 8}}, {text::Span{"b", body, 8}}, {text::Span{"c", body, 8}}}};
    REQUIRE_THROWS_WITH(flow.table(t, 0, 0),
                        "t.yaml:1:1: error: table: expected at most 2 cells in a table row (found 3 cells in row 1)");
  }
  SECTION("a box taller than a page is an error, not text off the page") {
    layout::Flow flow(fonts(), small_page(), {"t.yaml", ""});
    flow.box(500, {}, 0, 0, false);
    REQUIRE_THROWS_WITH(
        flow.finish({}, {}),
        "t.yaml:1:1: error: expected content that fits on one page (100 pt) (found a block 500 pt tall)");
  }
  SECTION("a heading moves down with a box that does not fit after it") {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.paragraph({text::Span{n_lines(5), body, 10}}, lines10(), 0, 0);
    flow.heading({text::Span{"标题", fonts().require_role("heading"), 10}}, lines10(), "", 0, 0, 0);
    flow.box(80, {}, 0, 0, false);
    auto doc = flow.finish({}, {});
    CHECK(pages_of(doc, "标题") == std::vector<int>{1});
  }
  SECTION("a bullet wider than the indent hangs whole") {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    auto st = lines10();
    st.indent = 8;
    flow.bullet({text::Span{"甲乙", body, 10}}, st, text::Span{"10.", body, 10}, 0);
    auto doc = flow.finish({}, {});
    CHECK(page_text(doc, 0).find("10.") != std::string::npos);
  }
}

TEST_CASE("gap_scale tightens the space before blocks, not the lines", "[layout][flow]") {
  auto baselines = [](double scale) {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    auto body = fonts().require_role("body");
    flow.paragraph({text::Span{"甲" + n_lines(2), body, 10}}, lines10(), 0, 0);
    flow.paragraph({text::Span{"乙", body, 10}}, lines10(), 20, 0);
    auto doc = flow.finish({}, {}, layout::Pagination{scale});
    std::vector<double> ys;
    for (const auto& item : frame::flattened(doc.pages[0]).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item)) ys.push_back(t->origin.y);
    return ys;
  };
  auto loose = baselines(1.0), tight = baselines(0.5);
  REQUIRE(loose.size() == 4);
  REQUIRE(tight.size() == 4);
  CHECK(tight[1] - tight[0] == Approx(loose[1] - loose[0]));       // line spacing unchanged
  CHECK(loose[3] - loose[2] == Approx(tight[3] - tight[2] + 10));  // 20 pt before → 10 pt
}

TEST_CASE("a list item's bullet hangs at the same place in a single column and in columns", "[layout][flow]") {
  auto body = fonts().require_role("body");
  auto st = lines10();
  st.indent = 12;
  const text::Span dot{"•", body, 10};
  auto bullet_x = [](const frame::Document& doc) {
    for (const auto& item : frame::flattened(doc.pages[0]).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item))
        if (t->text == "•") return t->origin.x;
    return -1.0;
  };
  layout::Flow single(fonts(), small_page(), {"t", ""});
  single.bullet({text::Span{"甲乙", body, 10}}, st, dot, 0);
  layout::Flow two(fonts(), small_page(), {"t", ""});
  two.columns({text::Span{"甲乙", body, 10}}, st, {text::Span{"ab", body, 10}}, st, 0, 0, false, "", 0, dot);
  const double x = bullet_x(single.finish({}, {}));
  CHECK(x >= small_page().margin_left);
  CHECK(x < small_page().margin_left + 8);  // ends 4 pt before the text at the 12 pt indent
  CHECK(bullet_x(two.finish({}, {})) == x);
}

TEST_CASE("a table cell splits into paragraphs at newline spans, and its last row can keep with its notes",
          "[layout][flow]") {
  auto body = fonts().require_role("body");
  layout::Table t;
  t.column_fractions = {0.5, 0.5};
  t.header = false;
  t.line_height = 10;
  t.padding = 0;
  for (const char* label : {"甲", "乙", "丙", "丁", "戊", "己", "庚"})
    t.rows.push_back(
        {{text::Span{label, body, 8}, text::Span{"\n", body, 8}, text::Span{"en", body, 8, {}, 0, "", false}},
         {text::Span{"1", body, 8}}});
  SECTION("two lines a row: the translation under the label") {
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.table(t, 0, 0);
    auto doc = flow.finish({}, {});
    REQUIRE(doc.pages.size() == 2);  // 7 rows of 20 pt on pages of 100 pt: 5 + 2
    CHECK(page_text(doc, 0).find("甲en1乙en1") != std::string::npos);
  }
  SECTION("a table continued on the next page repeats its header there, not on its first page") {
    t.continued_header = {{text::Span{"续", body, 8}}, {text::Span{"v", body, 8}}};
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.table(t, 0, 0);
    auto doc = flow.finish({}, {});
    REQUIRE(doc.pages.size() == 2);
    CHECK(page_text(doc, 0).find("续") == std::string::npos);
    CHECK(page_text(doc, 1).rfind("续v己en1", 0) == 0);  // the header first, then the row
  }
  SECTION("with the topic continued under the header") {
    t.continued_header = {{text::Span{"续", body, 8}}, {text::Span{"v", body, 8}}};
    t.continued_topic = {text::Span{"人才（续）", body, 8}};
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.table(t, 0, 0);
    auto doc = flow.finish({}, {});
    REQUIRE(doc.pages.size() == 2);
    CHECK(page_text(doc, 1).rfind("续v人才（续）己en1", 0) == 0);
  }
  SECTION("kept with what follows: the last rows move with the note that does not fit") {
    t.rows.resize(4);  // 80 pt, then a 30 pt note: the note goes over, and the last two rows with it
    t.keep_with_next = true;
    layout::Flow flow(fonts(), small_page(), {"t", ""});
    flow.table(t, 0, 0);
    flow.paragraph({text::Span{n_lines(3), body, 10}}, lines10(), 0, 0);
    auto doc = flow.finish({}, {});
    REQUIRE(doc.pages.size() == 2);
    // The last row goes with the note, and the row before it with the last (no row alone).
    CHECK(page_text(doc, 0).find("乙") != std::string::npos);
    CHECK(page_text(doc, 0).find("丙") == std::string::npos);
    CHECK(page_text(doc, 1).rfind("丙en1丁en1", 0) == 0);
  }
}
