// Typesetting: line breaking (UAX #14 + Chinese rules), autospace, justification, long words,
// missing glyphs, and exact display-list dumps, with the real fonts from fonts/.
#include <catch2/catch.hpp>

#include "base/utf8.h"
#include "frame/dump.h"
#include "layout/flow.h"
#include "test_support.h"
#include "text/line_break.h"
#include "text/line_filler.h"
#include "text/paragraph.h"
#include "text/script.h"

using namespace zb;

namespace {

using test::fonts;

std::u32string u32(std::string_view s) { return base::utf8_decode(s); }

/// The text with '|' at every break opportunity.
std::string marked(std::string_view s, bool zh) {
  auto t = u32(s);
  auto brk = text::break_opportunities(t, zh);
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (brk[i]) out += '|';
    base::utf8_append(out, t[i]);
  }
  return out;
}

/// Lays out `spans` and returns its lines as strings.
std::vector<std::string> lines_of(std::vector<text::Span> spans, const text::ParagraphStyle& st) {
  return test::line_texts(text::layout_paragraph(fonts(), std::move(spans), st, {"t.yaml", "f"}));
}

/// Lays out `s` in one style and returns its lines as strings.
std::vector<std::string> lines_of(const std::string& s, double width, bool zh, double size = 10.5,
                                  text::Align align = text::Align::justify) {
  text::ParagraphStyle st;
  st.width = width;
  st.zh = zh;
  st.align = align;
  return lines_of({text::Span{s, fonts().require_role("body"), size}}, st);
}

}  // namespace

TEST_CASE("break opportunities follow UAX #14 with Chinese punctuation rules", "[text][linebreak]") {
  CHECK(marked("萧山经济，技术开发区。", true) == "萧|山|经|济，|技|术|开|发|区。");
  CHECK(marked("（括号）“引号”《书名》", true) == "（括号）|“引号”|《书名》");
  CHECK(marked("湘湖·萧滨合作区", true) == "湘|湖·萧|滨|合|作|区");
  CHECK(marked("第6位……完成", true) == "第|6|位……|完|成");
  CHECK(marked("Hello world, 13.5% growth", false) == "Hello |world, |13.5% |growth");
  CHECK(marked("萧山区 has 542 firms", true) == "萧|山|区 |has |542 |firms");
}

TEST_CASE("no line starts with closing punctuation or ends with opening punctuation", "[text][linebreak]") {
  const std::string s =
      "2024年国家级经济技术开发区综合考核排名公布，萧山经济技术开发区进入全国经开区排名榜单十强，位列第六，"
      "创下历史最好成绩。（括号里的话）“引号里的话”、《书名》；问号？感叹号！";
  for (double width : {60.0, 73.0, 88.0, 101.0, 117.0, 150.0}) {
    INFO(width);
    auto lines = lines_of(s, width, true);
    REQUIRE(lines.size() > 2);
    for (const auto& l : lines) {
      auto t = u32(l);
      INFO(l);
      CHECK_FALSE(text::is_no_line_start(t.front()));
      CHECK_FALSE(text::is_no_line_end(t.back()));
    }
  }
}

TEST_CASE("Chinese lines break exactly as expected at a given measure", "[text][linebreak]") {
  // 10.5 pt Han characters are 10.5 pt wide: a 105 pt measure holds ten.
  CHECK(lines_of("萧山经济技术开发区进入全国经开区排名榜单十强，位列第六。", 105, true) ==
        std::vector<std::string>{"萧山经济技术开发区进", "入全国经开区排名榜单", "十强，位列第六。"});
  // A comma that would start a line pulls the character before it down with it.
  CHECK(lines_of("一二三四五六七八九十，十一", 105, true) ==
        std::vector<std::string>{"一二三四五六七八九", "十，十一"});
  // The middle dot keeps its neighbours together: 湖·萧 moves down whole (the break before 湖
  // is allowed; the ones on either side of · are not).
  CHECK(lines_of("一二三四五六七八湘湖·萧滨合作区", 105, true) ==
        std::vector<std::string>{"一二三四五六七八湘", "湖·萧滨合作区"});
  // Ten characters fit; the tenth, 湖, would leave · to start the next line, so it moves down.
  CHECK(lines_of("一二三四五六七八九湖·萧滨", 105, true) == std::vector<std::string>{"一二三四五六七八九", "湖·萧滨"});
}

TEST_CASE("a quarter em of space between Han and Latin letters or digits, never doubled", "[text][autospace]") {
  text::ParagraphStyle st;
  st.width = 1000;
  st.zh = true;
  auto body = fonts().require_role("body");
  auto p = text::layout_paragraph(fonts(), {text::Span{"培育542家企业", body, 12}}, st, {"t", ""});
  REQUIRE(p.chars.size() == 8);
  CHECK(p.chars[2].gap_before == Approx(3.0));  // 育 → 5
  CHECK(p.chars[3].gap_before == 0);
  CHECK(p.chars[5].gap_before == Approx(3.0));  // 2 → 家
  CHECK(p.chars[6].gap_before == 0);
  auto q = text::layout_paragraph(fonts(), {text::Span{"培育 542 家", body, 12}}, st, {"t", ""});
  for (const auto& c : q.chars) CHECK(c.gap_before == 0);  // the text already has spaces
  auto r = text::layout_paragraph(fonts(), {text::Span{"增长13.5%，", body, 12}}, st, {"t", ""});
  CHECK(r.chars[2].gap_before == Approx(3.0));
  CHECK(r.chars[6].gap_before == 0);  // % → ，: no autospace around punctuation
}

TEST_CASE("justified Chinese lines fill the measure exactly, the last line does not", "[text][justify]") {
  text::ParagraphStyle st;
  st.width = 200;
  st.zh = true;
  st.align = text::Align::justify;
  auto p = text::layout_paragraph(
      fonts(),
      {text::Span{"从第48位跃升至第21位，再攀升至第17位，“十四五”时期累计进位42位，国家高新技术企业542家。",
                  fonts().require_role("body"), 10.5}},
      st, {"t", ""});
  REQUIRE(p.lines.size() >= 3);
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    std::vector<frame::Item> items;
    std::vector<frame::Link> links;
    text::emit_line(p, i, 0, 0, items, links);
    const auto& last = std::get<frame::TextRun>(items.back());
    const auto& c = p.chars[p.lines[i].end - 1];
    double right = last.origin.x + last.glyphs.back().x + c.advance;
    INFO("line " << i);
    if (i + 1 < p.lines.size())
      CHECK(right == Approx(200).margin(0.01));
    else
      CHECK(right < 199);
  }
}

TEST_CASE("a word longer than the measure is broken instead of overflowing", "[text][linebreak]") {
  auto lines = lines_of("An identifier Supercalifragilisticexpialidociousprojectcodename2025 follows.", 80, false, 10,
                        text::Align::left);
  REQUIRE(lines.size() >= 4);
  text::ParagraphStyle st;
  st.width = 80;
  auto p =
      text::layout_paragraph(fonts(),
                             {text::Span{"An identifier Supercalifragilisticexpialidociousprojectcodename2025 follows.",
                                         fonts().require_role("body"), 10}},
                             st, {"t", ""});
  for (const auto& l : p.lines) CHECK(l.width <= 80.0 + 1e-6);
  CHECK(lines.front() == "An identifier");
  std::string joined;
  for (std::size_t i = 1; i < lines.size(); ++i) joined += lines[i];
  CHECK(joined == "Supercalifragilisticexpialidociousprojectcodename2025 follows.");
}

TEST_CASE("a character no font has is an error naming the file, field and code point", "[text][fonts]") {
  text::ParagraphStyle st;
  REQUIRE_THROWS_WITH(
      text::layout_paragraph(fonts(), {text::Span{"泰文ก", fonts().require_role("body"), 10}}, st,
                             {"inputs/x.yaml", "metrics[2].label.zh"}),
      "inputs/x.yaml:1:1: error: metrics[2].label.zh: expected characters that the fonts of role 'body' have "
      "(found U+0E01 'ก', which no font of that role has)");
}

TEST_CASE("characters take the first face of the chain that has them, CJK quotes in Chinese", "[text][fonts]") {
  const auto& book = fonts();
  auto body = book.require_role("body");
  auto face_name = [&](char32_t cp, bool zh) { return book.fonts()[book.pick(body, cp, zh)->face].name; };
  CHECK(face_name(U'A', true) == "NotoSans-Regular");
  CHECK(face_name(U'萧', true) == "NotoSansCJKsc-Regular");
  CHECK(face_name(U'\U00020BB7', true) == "NotoSansCJKsc-Regular");  // 𠮷, above U+FFFF
  CHECK(face_name(U'“', true) == "NotoSansCJKsc-Regular");
  CHECK(face_name(U'“', false) == "NotoSans-Regular");
  CHECK(book.fonts()[book.pick(book.require_role("heading"), U'萧', true)->face].name == "NotoSansCJKsc-Bold");
}

TEST_CASE("the display list of a small document dumps exactly", "[frame][dump]") {
  layout::PageSetup page;
  page.width = 300;
  page.height = 200;
  page.margin_top = page.margin_bottom = page.margin_left = page.margin_right = 20;
  layout::Flow flow(fonts(), page, {"t", ""});
  text::ParagraphStyle h;
  h.line_height = 20;
  h.zh = true;
  flow.heading({text::Span{"概况 Overview", fonts().require_role("heading"), 14}}, h, "概况 / Overview", 0, 0, 4);
  text::ParagraphStyle b;
  b.line_height = 16;
  b.zh = true;
  b.align = text::Align::justify;
  flow.paragraph(
      {text::Span{"萧经开位列第6，国家高新技术企业542家，实际使用外资全国第一。", fonts().require_role("body"), 10}}, b,
      0, 0);
  layout::Running running;
  running.footer = [](int n, int m) {
    return std::vector<text::Span>{text::Span{std::to_string(n) + "/" + std::to_string(m), 0, 8}};
  };
  auto doc = flow.finish({}, running);
  auto golden = test::source_dir() / "tests/golden/dump-small.txt";
  if (base::SystemEnv().get_var("ZB_UPDATE_REFERENCES") == "1") std::ofstream(golden) << frame::dump(doc);
  CHECK(frame::dump(doc) == test::read_text_file(golden));
}

TEST_CASE("justification never opens a doubled dash or ellipsis", "[text][justify]") {
  text::ParagraphStyle st;
  st.width = 120;
  st.zh = true;
  st.align = text::Align::justify;
  auto p = text::layout_paragraph(
      fonts(), {text::Span{"一二三——四五六……七八九十一二三四五六七八九十", fonts().require_role("body"), 10}}, st,
      {"t", ""});
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  text::emit_line(p, 0, 0, 0, items, links);
  std::vector<std::pair<char32_t, double>> xs;  // (character, absolute x)
  for (const auto& item : items)
    for (const auto& g : std::get<frame::TextRun>(item).glyphs)
      xs.push_back({g.cp, std::get<frame::TextRun>(item).origin.x + g.x});
  for (std::size_t i = 0; i + 1 < xs.size(); ++i)
    if (xs[i].first == xs[i + 1].first && (xs[i].first == U'—' || xs[i].first == U'…')) {
      auto pick = fonts().pick(fonts().require_role("body"), xs[i].first, true);
      CHECK(xs[i + 1].second - xs[i].second == Approx(pick->advance_em * 10).margin(0.01));
    }
}

TEST_CASE("a forced break inside a word keeps opening brackets off the line end", "[text][linebreak]") {
  auto lines = lines_of("ab(cdefghijkl", 17, false, 10, text::Align::left);
  for (const auto& l : lines) CHECK(l.back() != '(');
}

TEST_CASE("a link's area starts at its first character in a justified line", "[text][justify]") {
  text::ParagraphStyle st;
  st.width = 200;
  st.zh = true;
  st.align = text::Align::justify;
  auto body = fonts().require_role("body");
  auto p = text::layout_paragraph(
      fonts(),
      {text::Span{"开发区的网站是", body, 10}, text::Span{"A站点", body, 10, {}, 0, "https://a.example"},
       text::Span{"，详见来源列表中的第一条记录和第二条记录以及更多内容。", body, 10}},
      st, {"t", ""});
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  text::emit_line(p, 0, 0, 0, items, links);
  REQUIRE(links.size() == 1);
  int found = 0;
  for (const auto& item : items) {
    const auto& t = std::get<frame::TextRun>(item);
    if (t.text.rfind("A", 0) == 0) {
      ++found;
      CHECK(links[0].area.x == Approx(t.origin.x).margin(0.01));
    }
  }
  CHECK(found == 1);
}

TEST_CASE("a number stays with its Chinese unit, and a source marker with what it marks", "[text][linebreak]") {
  // 9 Han characters then "1.5倍": the break may not fall between 5 and 倍.
  auto lines = lines_of("一二三四五六七八九1.5倍", 105, true);
  for (const auto& l : lines) CHECK(l.rfind("倍", 0) != 0);
  text::ParagraphStyle st;
  st.width = 105;
  st.zh = true;
  auto body = fonts().require_role("body");
  auto p = text::layout_paragraph(
      fonts(), {text::Span{"一二三四五六七八九十", body, 10.5}, text::Span{"[1]", body, 6.5, {}, 3.5}}, st, {"t", ""});
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[1].end - p.lines[1].begin > 3);  // the marker did not move down alone
}

TEST_CASE("a Chinese paragraph does not end with one character alone on its last line", "[text][linebreak]") {
  // Eleven characters and a full stop at ten a line would leave "一。" alone.
  auto lines = lines_of("一二三四五六七八九十一。", 105, true);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九");
  CHECK(lines[1] == "十一。");
}

TEST_CASE("English amounts and dates are not split across lines", "[text][linebreak]") {
  CHECK(marked("commits no less than CNY 300 million a year", false) ==
        "commits |no |less |than |CNY 300 million |a |year");
  CHECK(marked("Facts as of 31 December 2025.", false) == "Facts |as |of |31 December 2025.");
  CHECK(marked("in May 2024, 1,200 mu and 13.5 percent", false) == "in |May 2024, |1,200 mu |and |13.5 percent");
  // Ordinary numbers and words still break.
  CHECK(marked("542 firms in 2023", false) == "542 |firms |in |2023");
  // At a measure that ends inside the amount, the whole amount moves down.
  auto lines = lines_of("The fund commits no less than CNY 300 million a year.", 150, false, 10, text::Align::left);
  for (const auto& l : lines) {
    bool whole = l.find("CNY ") == l.npos || l.find("CNY 300 million") != l.npos;
    CHECK(whole);
  }
}

TEST_CASE("Chinese numbers: units whole, prefixes bound, breaks allowed before other numbers", "[text][linebreak]") {
  auto lines_with = [](const std::string& s, double width) { return lines_of(s, width, true, 10); };
  // 300亿元 and 3.54平方公里 are never split, whatever the measure.
  for (double w = 90; w <= 200; w += 5) {  // (narrower, a whole unit cannot fit a line)
    for (const auto& l :
         lines_with("上半年高新产业投资超300亿元。规划面积约3.54平方公里，其中核心区1.85平方公里。", w)) {
      INFO(w << ": " << l);
      CHECK(l.rfind("元", 0) != 0);
      CHECK(l.rfind("方公里", 0) != 0);
      CHECK(l.rfind("公里", 0) != 0);
      CHECK(l.rfind("里", 0) != 0);
      CHECK(l.rfind("亿元", 0) != 0);
      CHECK(l.rfind("48", 0) != 0);  // 第48位 stays whole
    }
  }
  // 第48位 stays whole, unless that would leave a line more than 1.5 characters short: then
  // "第" may end the line (better than letter-spaced text).
  auto one_em_short = lines_with("一二三四五六七八九第48位好", 100);
  REQUIRE(one_em_short.size() == 2);
  CHECK(one_em_short[1].rfind("第48", 0) == 0);
  auto three_em_short = lines_with("一二三四五六七第48位好", 100);
  REQUIRE(three_em_short.size() == 2);
  CHECK(three_em_short[0] == "一二三四五六七第");
  // A break may fall before a number that follows an ordinary character.
  CHECK(marked("累计吸引500多家", true).find("引|5") != std::string::npos);
}

TEST_CASE("short quoted terms, links, citation markers and a closing + stay whole", "[text][linebreak]") {
  CHECK(marked("“十四五”时期", true) == "“十四五”|时|期");
  CHECK(marked("打造“人工智能+”", true).find("能|+") == std::string::npos);
  CHECK(marked("see https://www.qjnew.com/post/3391.html now", false) ==
        "see |https://www.qjnew.com/|post/|3391.html |now");
  CHECK(marked("new graduates [1]", false) == "new |graduates [1]");
}

TEST_CASE("a full-width opening quote at a line start gives up its blank half", "[text][justify]") {
  text::ParagraphStyle st;
  st.width = 300;
  st.zh = true;
  auto body = fonts().require_role("body");
  auto p = text::layout_paragraph(fonts(), {text::Span{"“十四五”时期", body, 10}}, st, {"t", ""});
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  text::emit_line(p, 0, 50, 20, items, links);
  const auto& first = std::get<frame::TextRun>(items.front());
  CHECK(first.origin.x == Approx(45));  // 50 − half of a 10 pt em
  CHECK(p.lines[0].width == Approx(static_cast<double>(p.chars.size()) * 10.0 - 5).margin(0.5));
  // English text keeps its quote where it is.
  st.zh = false;
  auto q = text::layout_paragraph(fonts(), {text::Span{"“Yes”", body, 10}}, st, {"t", ""});
  items.clear();
  text::emit_line(q, 0, 50, 20, items, links);
  CHECK(std::get<frame::TextRun>(items.front()).origin.x == Approx(50));
}

TEST_CASE("English: no lone word on a last line, no break after a number's hyphen", "[text][linebreak]") {
  CHECK(marked("the CNY 10-billion level", false) == "the |CNY 10-billion |level");
  for (double w = 120; w <= 400; w += 10) {
    auto lines = lines_of("Hangzhou Airport Economic Demonstration Zone and its many neighbours", w, false, 10,
                          text::Align::left);
    INFO(w);
    if (lines.size() >= 2) CHECK(lines.back().find(' ') != std::string::npos);
  }
}

TEST_CASE("a quarter em between a percentage and Chinese, as between digits and Chinese", "[text][autospace]") {
  text::ParagraphStyle st;
  st.width = 300;
  st.zh = true;
  auto p =
      text::layout_paragraph(fonts(), {text::Span{"30%甚至50%的", fonts().require_role("body"), 10}}, st, {"t", ""});
  // 3 (%→甚), 至→5 and %→的 each get 2.5 pt.
  int spaced = 0;
  for (const auto& c : p.chars) spaced += c.gap_before > 0;
  CHECK(spaced == 3);
}

TEST_CASE("a source marker does not count as a character on a Chinese last line, curly quotes keep amounts whole",
          "[text][linebreak]") {
  text::ParagraphStyle st;
  st.width = 100;
  st.zh = true;
  auto body = fonts().require_role("body");
  // Ten characters fill the line; "列。" and the raised marker would be left alone on the last.
  auto p = text::layout_paragraph(
      fonts(), {text::Span{"一二三四五六七八九序列。", body, 10}, text::Span{"[1]", body, 6.5, {}, 3.5}}, st,
      {"t", ""});
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[1].end - p.lines[1].begin >= 6);  // 序列。[1], not 列。[1]
  CHECK(marked("to ‘double CNY 100 billion’ by", false) == "to |‘double |CNY 100 billion’ |by");
}

TEST_CASE("line metrics come from the fonts: the em box top is the CJK face's BASE 'idtp'", "[text][metrics]") {
  // Noto Sans CJK SC: ideographic em box from -120 to 880 units of 1000.
  CHECK(fonts().em_top() == 0.88);
  // A 10 pt line in a 16 pt line box: the em box centred, 3 pt above and below.
  CHECK(text::baseline_in_line(fonts(), 16, 10) == Approx(3 + 8.8));
}

TEST_CASE("Chinese text is recognised from ICU's script and block data", "[text][script]") {
  CHECK(text::is_chinese(U'萧'));
  CHECK(text::is_chinese(U'，'));          // full-width forms
  CHECK(text::is_chinese(U'。'));          // CJK punctuation
  CHECK(text::is_chinese(U'ㄅ'));          // Bopomofo
  CHECK(text::is_chinese(U'\U00020BB7'));  // 𠮷, Extension B
  CHECK_FALSE(text::is_chinese(U'·'));
  CHECK_FALSE(text::is_chinese(U'“'));       // shared with Latin text: its context decides
  CHECK_FALSE(text::is_chinese(U'\uE000'));  // private use, though its UTF-8 lead byte is 0xEE
  CHECK_FALSE(text::is_chinese(U'😀'));
  CHECK(text::has_chinese("Xiaoshan ETDZ · 萧山经开区"));
  CHECK_FALSE(text::has_chinese("Xiaoshan ETDZ · As of 31 December 2025"));
  CHECK(text::starts_chinese("来源：[1] 萧山区"));
  CHECK_FALSE(text::starts_chinese("Source: [1] Xiaoshan"));
  CHECK_FALSE(text::starts_chinese(""));
  CHECK(text::is_han(U'々'));
  CHECK(text::is_han(U'〇'));
  CHECK_FALSE(text::is_han(U'，'));
}

namespace {

/// Characters of `s` with given advances (spaces `space` points, others `advance`), one 10 pt span.
std::vector<text::Char> chars_of(std::u32string_view s, double advance, double space = 2.5) {
  std::vector<text::Char> out;
  for (char32_t cp : s) out.push_back(text::Char{cp, 0, 0, cp == ' ' ? space : advance, 0, 0});
  return out;
}

/// One entry per character: true at the given indices.
std::vector<bool> at(std::size_t n, std::initializer_list<std::size_t> indices) {
  std::vector<bool> v(n, false);
  for (auto i : indices) v[i] = true;
  return v;
}

/// [begin, end) of every line the filler chooses.
std::vector<std::pair<std::size_t, std::size_t>> filled(const std::vector<text::Char>& chars, const text::BreakMap& b,
                                                        double measure, bool zh) {
  const std::vector<text::Span> spans{text::Span{"", 0, 10}};
  std::vector<std::pair<std::size_t, std::size_t>> out;
  text::ParagraphStyle style;
  style.zh = zh;
  for (const auto& l : text::LineFiller(chars, spans, b, measure, style).fill()) out.emplace_back(l.begin, l.end);
  return out;
}

using Lines = std::vector<std::pair<std::size_t, std::size_t>>;

}  // namespace

TEST_CASE("the line filler's choices on given widths", "[text][linebreak][filler]") {
  SECTION("greedy: the last opportunity that fits, trailing spaces hang and are dropped") {
    auto chars = chars_of(U"ab cd ef gh", 5);  // words 10 pt, spaces 2.5 pt
    text::BreakMap b{at(11, {3, 6, 9}), at(11, {})};
    CHECK(filled(chars, b, 23, false) == Lines{{0, 5}, {6, 11}});
    const std::vector<text::Span> spans{text::Span{"", 0, 10}};
    auto lines = text::LineFiller(chars, spans, b, 23, text::ParagraphStyle{}).fill();
    CHECK(lines[0].width == 22.5);
    CHECK_FALSE(lines[0].last);
    CHECK(lines[1].last);
  }
  SECTION("English: the line before gives up its last word rather than leave one alone") {
    auto chars = chars_of(U"ab cd ef gh", 5);
    text::BreakMap b{at(11, {3, 6, 9}), at(11, {})};
    CHECK(filled(chars, b, 36, false) == Lines{{0, 5}, {6, 11}});  // greedy would give "ab cd ef" / "gh"
  }
  SECTION("Chinese: a relaxed opportunity further on rather than a line short by more than 1.5 em") {
    auto chars = chars_of(U"中中中中中中中中", 10);
    text::BreakMap b{at(8, {2}), at(8, {5})};
    CHECK(filled(chars, b, 60, true) == Lines{{0, 5}, {5, 8}});
    CHECK(filled(chars, b, 60, false) == Lines{{0, 2}, {2, 8}});  // no such rule outside Chinese
  }
  SECTION("no opportunity fits: the word breaks, keeping closing punctuation off the line start") {
    auto chars = chars_of(U"中中中。中中中中", 10);
    text::BreakMap b{at(8, {}), at(8, {})};
    CHECK(filled(chars, b, 35, true) == Lines{{0, 2}, {2, 5}, {5, 8}});
  }
  SECTION("no text: one empty last line") {
    auto lines = text::LineFiller({}, {}, text::BreakMap{}, 100, text::ParagraphStyle{}).fill();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].last);
  }
}

TEST_CASE("a whole span moves to the next line as one piece, after its leading spaces", "[text][linebreak]") {
  auto body = fonts().require_role("body");
  text::ParagraphStyle st;
  st.width = 105;  // ten characters of 10.5 pt
  st.zh = true;
  auto lines = [&](bool whole) {
    text::Span tag{"　数据已逾三年", body, 10.5};
    tag.whole = whole;
    return lines_of({text::Span{"截至八月", body, 10.5}, tag}, st);
  };
  // Without it the tag splits at the measure; with it the tag starts the next line whole.
  CHECK(lines(false).front().find("数") != std::string::npos);
  CHECK(lines(true) == std::vector<std::string>{"截至八月", "数据已逾三年"});
}
