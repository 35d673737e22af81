// The composer's rules (issue 13): shaping and kerning, ligatures that extract exactly,
// punctuation squeezed per clreq / JIS X 4051, total-fit breaking with the stretch order and
// the ⅛ em cap, balanced titles, typographic conventions, text extraction without spaces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"
#include "layout/flow.h"
#include "run_tool.h"
#include "test_support.h"
#include "text/paragraph.h"
#include "text/script.h"

using namespace zb;
using test::fonts;

namespace {

text::LaidParagraph laid(const std::string& s, double width, bool zh, text::Align align = text::Align::justify,
                         double size = 10, bool balance = false) {
  text::ParagraphStyle st;
  st.width = width;
  st.zh = zh;
  st.align = align;
  st.balance = balance;
  return text::layout_paragraph(fonts(), {text::Span{s, fonts().require_role("body"), size}}, st, {"t.yaml", "f"});
}

std::vector<std::string> lines(const text::LaidParagraph& p) { return test::line_texts(p); }

double width_of(const std::string& s, bool zh, double size = 10) {
  return text::measure(fonts(), text::Span{s, fonts().require_role("body"), size}, zh, {"t.yaml", "f"});
}

/// The runs emit_line makes for every line of `p`, from x = 0.
std::vector<frame::TextRun> runs(const text::LaidParagraph& p) {
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  for (std::size_t i = 0; i < p.lines.size(); ++i) text::emit_line(p, i, 0, 20 + 20 * double(i), items, links);
  std::vector<frame::TextRun> out;
  for (auto& item : items) out.push_back(std::get<frame::TextRun>(item));
  return out;
}

/// The extra space set in the gap before each character of line `i`, in em, where both
/// neighbours are Han.
double widest_han_extra(const text::LaidParagraph& p, std::size_t i) {
  double widest = 0;
  const text::Line& l = p.lines[i];
  for (std::size_t k = l.begin + 1; k < l.end; ++k)
    if (text::is_han(p.chars[k - 1].cp) && text::is_han(p.chars[k].cp))
      widest = std::max(widest, (p.chars[k].gap_before + p.fits[i].extra[k - l.begin]) / 10);
  return widest;
}

/// pdftotext of a one-page document holding `spans` in one paragraph of `style`.
std::string extracted(std::vector<text::Span> spans, text::ParagraphStyle style) {
  layout::PageSetup page;
  page.width = 400;
  page.height = 300;
  page.margin_left = page.margin_right = 20;
  page.margin_top = page.margin_bottom = 20;
  layout::Flow flow(fonts(), page, {"t", ""});
  flow.paragraph(std::move(spans), style, 0, 0);
  const std::string pdf = export_pdf::write_pdf(flow.finish({}, {}), "t.pdf");
  test::TempDir dir("zonebrief-composer");
  const auto path = dir.path / "t.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  auto r = test::run_tool("pdftotext -enc UTF-8 -nopgbrk '" + path.string() + "' -");
  REQUIRE(r.code == 0);
  std::string out = r.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\f')) out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("composer: Latin text is shaped, kerned and set with ligatures", "[text][composer]") {
  // Noto Sans kerns A–V, T–o, y–.: the shaped word is narrower than its advances.
  auto p = laid("AVATAR Today.", 500, false, text::Align::left);
  double nominal = 0;
  for (const auto& c : p.chars) nominal += c.advance;
  CHECK(p.lines[0].width < nominal - 1);
  CHECK(p.chars[1].gap_before < 0);  // V after A
  // "fi" and "ffi" are one glyph each; the text keeps every character.
  auto lig = laid("office fine", 500, false, text::Align::left);
  REQUIRE(lig.chars.size() == 11);
  CHECK(lig.chars[1].glyph_chars == 3);  // ffi
  CHECK(lig.chars[2].glyph_chars == 0);
  CHECK(lig.chars[2].advance == 0);
  CHECK(lig.chars[7].glyph_chars == 2);  // fi
  const auto r = runs(lig);
  REQUIRE(r.size() == 1);
  CHECK(r[0].text == "office fine");
  CHECK(r[0].glyphs.size() == 8);
  std::size_t shown = 0;
  for (const auto& g : r[0].glyphs) shown += g.chars;
  CHECK(shown == 11);
}

TEST_CASE("composer: ligatures and kerning come back exactly from the PDF", "[text][composer][render]") {
  text::ParagraphStyle st;
  st.line_height = 14;
  CHECK(extracted({text::Span{"The office offers five fine AVATAR Today.", fonts().require_role("body"), 10}}, st) ==
        "The office offers five fine AVATAR Today.");
}

TEST_CASE("composer: Chinese comes back from the PDF without spaces at the autospace, stretch or squeeze",
          "[text][composer][render]") {
  text::ParagraphStyle st;
  st.zh = true;
  st.align = text::Align::justify;
  st.line_height = 16;
  st.width = 200;
  const std::string s = "据2024年初报道，示范区加快推进以杭州大会展中心为主的重大项目建设（一期）“全面封顶”。";
  const std::string out = extracted({text::Span{s, fonts().require_role("body"), 10}}, st);
  std::string joined;
  for (char c : out)
    if (c != '\n') joined += c;
  CHECK(joined == s);
}

TEST_CASE("composer: adjacent punctuation is squeezed to one and a half ems (clreq, JIS X 4051)", "[text][composer]") {
  // “ at the start gives up its blank half; ”； take one and a half ems, not two.
  CHECK(width_of("“四足机器人”；", true) == Approx(70));
  CHECK(width_of("一链一园区”。", true) == Approx(65));
  CHECK(width_of("园区，“十四五”", true) == Approx(75));  // ，“ : the comma gives up its half
  CHECK(width_of("（“双招双引”）", true) == Approx(65));  // （“ : the quote; ”） : the quote
  // A source marker sits tight after the punctuation it follows.
  text::ParagraphStyle st;
  st.width = 500;
  st.zh = true;
  auto p = text::layout_paragraph(fonts(),
                                  {text::Span{"全国第一。", fonts().require_role("body"), 10},
                                   text::Span{"[1]", fonts().require_role("body"), 6, {}, 3.5}},
                                  st, {"t.yaml", "f"});
  CHECK(p.chars[5].gap_before == Approx(-5));
}

TEST_CASE("composer: closing punctuation at a line end gives up its blank when the line needs it", "[text][composer]") {
  // Nine characters and a comma are ten ems; at 9.5 em the comma's half makes room.
  auto p = laid("一二三四五六七八九，十一二", 95, true);
  CHECK(lines(p) == std::vector<std::string>{"一二三四五六七八九，", "十一二"});
  CHECK(p.fits[0].end_shrink == Approx(5));
  CHECK(p.fits[0].short_by == Approx(0));
}

TEST_CASE("composer: a justified line stretches the autospace first, Han gaps last and at most 1/8 em",
          "[text][composer]") {
  // One autospace pair: 2.5 pt of slack go to the space around 5G first.
  auto a = laid("新建5G基站一二三四五六七八九十一二三", 100, true);
  REQUIRE(a.lines.size() >= 2);
  CHECK(widest_han_extra(a, 0) <= 0.125 + 1e-9);
  // Narrow measures with numbers and English: no Han gap past 1/8 em in any line.
  for (double w = 60; w <= 240; w += 7) {
    auto p = laid(
        "据2024年初报道，萧山区有542家国家高新技术企业，Hangzhou Grand Convention and Exhibition "
        "Center一期主体结构全面封顶，"
        "实际使用外资全国第一。",
        w, true);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      INFO(w << ": " << lines(p)[i]);
      CHECK(widest_han_extra(p, i) <= 0.125 + 1e-9);
    }
  }
}

TEST_CASE("composer: total fit chooses the breaks of the whole paragraph", "[text][composer]") {
  // Every ordinal stays whole (第48位, 第21位, 第17位) and every line is set full.
  auto p = laid("萧经开从第48位跃升至第21位，再攀升至第17位，“十四五”时期累计进位42位。", 105, true);
  CHECK(lines(p) ==
        std::vector<std::string>{"萧经开从第48位跃升", "至第21位，再攀升至", "第17位，“十四五”时", "期累计进位42位。"});
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) CHECK(p.fits[i].short_by == Approx(0).margin(1e-6));
  // English, ragged: the fewest lines, then lines of even length and no lone last word.
  auto e =
      laid("The zone ranked sixth in the national assessment, its best result ever.", 150, false, text::Align::left);
  CHECK(lines(e) ==
        std::vector<std::string>{"The zone ranked sixth in the", "national assessment, its best", "result ever."});
}

TEST_CASE("composer: titles are balanced, with no lone word or bracketed suffix on the last line", "[text][composer]") {
  // 25 characters and （试行） at a measure of 25 ems: filled, the suffix would stand alone.
  const std::string title = "关于促进萧山经济技术开发区高质量发展的若干政策意见（试行）";
  auto unbalanced = laid(title, 400, true, text::Align::left, 16);
  CHECK(lines(unbalanced) ==
        std::vector<std::string>{"关于促进萧山经济技术开发区高质量发展的若干政策意见", "（试行）"});
  auto zh = laid(title, 400, true, text::Align::left, 16, true);
  CHECK(lines(zh) == std::vector<std::string>{"关于促进萧山经济技术开发区高", "质量发展的若干政策意见（试行）"});
  const std::string name = "Xiaoshan Economic and Technological Development Zone";
  CHECK(lines(laid(name, 330, false, text::Align::left, 18)) ==
        std::vector<std::string>{"Xiaoshan Economic and Technological", "Development Zone"});
  CHECK(lines(laid(name, 330, false, text::Align::left, 18, true)) ==
        std::vector<std::string>{"Xiaoshan Economic and", "Technological Development Zone"});
}

TEST_CASE("composer: typographic conventions as text is set", "[text][composer]") {
  auto first_run_text = [](const std::string& s, bool zh) {
    std::string text;
    for (const auto& r : runs(laid(s, 500, zh, text::Align::left))) text += r.text;
    return text;
  };
  CHECK(first_run_text("the \"Top 10\" list, -5%", false) == "the “Top 10” list, −5%");
  CHECK(first_run_text("Xiaoshan's 2021-2025 plan", false) == "Xiaoshan’s 2021–2025 plan");
  // 5× in Chinese: the multiplication sign from the Latin face, no full-width hole.
  auto p = laid("增长5×以上", 500, true, text::Align::left);
  CHECK(fonts().fonts()[p.chars[3].face].name == "NotoSans-Regular");
  CHECK(p.chars[3].advance < 6);
}

TEST_CASE("composer: Han set without HarfBuzz's lookups shapes exactly as HarfBuzz does", "[text][composer]") {
  std::vector<std::string> texts = {
      "“四足机器人”；一链一园区”。（“双招双引”）——全角标点……「引号」『书名』《书名》〈篇名〉【方括号】〔〕〖〗、，。："
      "；！？·・",
      "萧山区 has 542 firms, CNY 10.8 billion (108亿元) of investment — office ﬁne AVATAR 𠮷𠀾䶮 豈 〇々",
      "全角ＡＢＣ１２３％＋－＝～　全角空格，半角 space and\u00A0no-break；×÷‰℃°№",
      "542 1,234.5 −3.2% ‘’“” – — …",
      "，。、",
      "12 345"};
  for (const auto& f : test::seed_zones()) {
    texts.push_back(f.zone.name.zh + f.zone.name.en);
    for (const auto& h : f.highlights) texts.push_back(h.text.zh + h.text.en);
    for (const auto& m : f.metrics) texts.push_back(m.label.zh + m.label.en);
  }
  std::size_t segments = 0;
  for (const char* role_name : {"body", "heading"}) {
    const text::RoleId role = fonts().require_role(role_name);
    for (bool zh : {true, false})
      for (const auto& s : texts) {
        const std::u32string t = base::utf8_decode(s);
        for (std::size_t a = 0; a < t.size();) {  // stretches of one face, as paragraphs shape them
          const auto face = fonts().pick(role, t[a], zh);
          REQUIRE(face);
          std::size_t b = a + 1;
          while (b < t.size() && fonts().pick(role, t[b], zh) && fonts().pick(role, t[b], zh)->face == face->face) ++b;
          std::vector<text::ShapedGlyph> fast, full;
          fonts().shape(face->face, std::u32string_view(t).substr(a, b - a), zh, fast);
          fonts().shape_with_harfbuzz(face->face, std::u32string_view(t).substr(a, b - a), zh, full);
          REQUIRE(fast.size() == full.size());
          for (std::size_t i = 0; i < fast.size(); ++i) {
            INFO(s << " at " << a << " glyph " << i);
            CHECK(fast[i].glyph == full[i].glyph);
            CHECK(fast[i].cluster == full[i].cluster);
            CHECK(fast[i].advance_em == full[i].advance_em);
            CHECK(fast[i].offset_em == full[i].offset_em);
          }
          ++segments;
          a = b;
        }
      }
  }
  CHECK(segments > 500);
}
