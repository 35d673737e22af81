// libFuzzer target: arbitrary UTF-8 through line breaking, paragraph layout, the flow and the PDF writer, with the real
// fonts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/fonts.h"
#include "base/diagnostics.h"
#include "base/env.h"
#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"
#include "layout/flow.h"
#include "text/font_book.h"
#include "text/line_break.h"
#include "text/paragraph.h"
#include "text/script.h"

using namespace zb;

// Input: TEXT [0xFF TEXT]... [0xFF CONTROL]. 0xFF never occurs in UTF-8, so it separates the
// texts; with two or more pieces the last one is control bytes (language, alignment, width, size,
// line height, role, indent, page size, marker and link), missing bytes taking defaults. The
// texts fill, in turn, a free paragraph at the fuzzed width, a heading (also the bookmark and the
// title), a paragraph, a bullet, a two-by-two table, two columns, the running header and footer.

namespace {

std::shared_ptr<const text::FontBook> g_fonts;
std::vector<text::RoleId> g_roles;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_text: %s: %s\n", what, detail.c_str());
  std::abort();
}

std::u32string decode(std::string_view s) { return zb::base::utf8_decode(s); }

bool has_han(std::string_view s) {
  for (char32_t c : decode(s))
    if (text::is_han(c)) return true;
  return false;
}

/// Checks the line-breaking and paragraph invariants, then emits every line.
void free_paragraph(const std::vector<text::Span>& spans, const text::ParagraphStyle& st) {
  std::u32string all;
  for (const auto& s : spans) all += decode(s.text);
  auto brk = text::break_opportunities(all, st.zh);
  if (brk.size() != all.size() || (!brk.empty() && brk[0])) fail("break opportunities", std::to_string(brk.size()));

  auto p = text::layout_paragraph(*g_fonts, spans, st, {"fuzz", "free"});
  if (p.lines.empty()) fail("no lines", "");
  std::size_t prev_end = 0;
  const double measure = st.width - st.indent;
  for (const auto& l : p.lines) {
    if (l.begin > l.end || l.end > p.chars.size() || l.begin < prev_end)
      fail("line range",
           std::to_string(l.begin) + ".." + std::to_string(l.end) + " of " + std::to_string(p.chars.size()));
    // A line of two or more characters fits the measure (only a lone character may overflow).
    if (l.end - l.begin >= 2 && l.width > measure + 1e-6 && measure > 0)
      fail("line wider than the measure", std::to_string(l.width) + " > " + std::to_string(measure));
    prev_end = l.end;
  }
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  for (std::size_t i = 0; i < p.lines.size(); ++i)
    text::emit_line(p, i, 50, 50 + 14.0 * static_cast<double>(i), items, links);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  base::SystemEnv env;
  g_fonts = app::open_fonts(env, std::string(ZB_SOURCE_DIR) + "/fonts");
  for (const char* r : {"body", "strong", "heading", "figure", "caption"}) g_roles.push_back(g_fonts->require_role(r));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0;;) {
    auto ff = in.find('\xFF', start);
    pieces.push_back(in.substr(start, ff == std::string_view::npos ? std::string_view::npos : ff - start));
    if (ff == std::string_view::npos) break;
    start = ff + 1;
  }
  std::string_view control;
  if (pieces.size() >= 2) {
    control = pieces.back();
    pieces.pop_back();
  }
  for (auto p : pieces)
    if (base::find_invalid_utf8(p)) return -1;  // the loaders refuse invalid UTF-8 before any text gets here
  auto c = [&](std::size_t i) { return i < control.size() ? static_cast<unsigned char>(control[i]) : 0u; };
  std::size_t slot = 0;
  auto next_text = [&] { return std::string(pieces[slot++ % pieces.size()]); };

  const unsigned lang = c(0) & 3;  // 0: Chinese when the text has Han characters, 1 zh, 2 en, 3 alternate
  const text::Align align = static_cast<text::Align>((c(0) >> 2) & 3);
  const double font_size = 4 + c(2) % 40;
  const double line_height = font_size * (1.0 + (c(3) % 16) / 10.0);
  const text::RoleId role = g_roles[c(4) % g_roles.size()];
  const double indent = c(5) % 64;
  bool alternate = false;
  auto zh_for = [&](const std::string& s) {
    if (lang == 1) return true;
    if (lang == 2) return false;
    if (lang == 3) return alternate = !alternate;
    return has_han(s);
  };
  auto spans_of = [&](const std::string& s, double sz) {
    std::vector<text::Span> v{text::Span{s, role, sz}};
    if (c(7) & 1) v.push_back(text::Span{"[1]", role, sz * 0.6, {}, sz * 0.35});  // a raised source marker
    if (c(7) & 2) v.push_back(text::Span{" 链接 link", role, sz, {0, 0.3, 0.7}, 0, "https://example.org/a?b=c&d"});
    return v;
  };
  auto style = [&](const std::string& s, double width) {
    text::ParagraphStyle st;
    st.width = width;
    st.line_height = line_height;
    st.align = align;
    st.zh = zh_for(s);
    st.indent = indent;
    return st;
  };

  layout::PageSetup page;
  switch (c(6) % 3) {
    case 1:
      page = {419.53, 595.28, 40, 40, 36, 36};
      break;  // A5
    case 2:
      page = {200, 300, 20, 20, 20, 20};
      break;  // a small box
    default:
      break;  // A4
  }
  try {
    std::string t = next_text();
    free_paragraph(spans_of(t, font_size), style(t, c(1) * 3.0));

    layout::Flow flow(*g_fonts, page, {"fuzz", "flow"});
    std::string title = next_text();
    flow.heading(spans_of(title, font_size * 1.4), style(title, 0), title, 0, 0, 6);
    std::string body = next_text();
    flow.paragraph(spans_of(body, font_size), style(body, 0), 0, 4);
    std::string item = next_text();
    auto item_style = style(item, 0);
    item_style.indent = 14;
    flow.bullet(spans_of(item, font_size), item_style, text::Span{"•", role, font_size}, 2);
    layout::Table table;
    table.column_fractions = {0.4, 0.6};
    table.align = {text::Align::left, text::Align::right};
    table.zh = zh_for(t);
    table.line_height = line_height;
    for (int r = 0; r < 2; ++r)
      table.rows.push_back({spans_of(next_text(), font_size), spans_of(next_text(), font_size)});
    flow.table(table, 6, 6);
    flow.rule({0.5, 0.5, 0.5}, 0.5, 2, 2);
    std::string left = next_text(), right = next_text();
    flow.columns(spans_of(left, font_size), style(left, 0), spans_of(right, font_size), style(right, 0), 4, 4, false,
                 left, 1, text::Span{"•", role, font_size});
    flow.page_break();
    flow.paragraph(spans_of(body, font_size), style(body, 0), 0, 0);

    layout::Running running;
    running.header_left = {text::Span{next_text(), role, 8}};
    running.header_right = {text::Span{"简报 · Briefing", role, 8}};
    std::string foot = next_text();
    running.footer = [&](int n, int m) {
      return std::vector<text::Span>{
          text::Span{foot + " 第 " + std::to_string(n) + " 页，共 " + std::to_string(m) + " 页", role, 8}};
    };
    frame::Info info;
    info.title = title;
    info.subject = body;
    info.date = 1700000000;
    frame::Document doc = flow.finish(info, running);
    std::string pdf = export_pdf::write_pdf(doc, "fuzz.pdf");
    if (pdf.rfind("%PDF-", 0) != 0 || pdf.find("%%EOF") == std::string::npos)
      fail("not a complete PDF", std::to_string(pdf.size()));
  } catch (const base::Error&) {
    // Expected for characters no font has and blocks taller than a page: reported, not a crash.
  }
  return 0;
}
