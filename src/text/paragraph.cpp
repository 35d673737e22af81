// Paragraph layout: measuring with the font book, greedy line filling over UAX #14
// opportunities, and run emission with Chinese inter-character justification.
#include "text/paragraph.h"

#include <algorithm>
#include <cmath>

#include "base/diagnostics.h"
#include "base/utf8.h"
#include "text/line_break.h"
#include "text/script.h"

namespace zb::text {
namespace {

constexpr double kAutospaceEm = 0.25;

[[noreturn]] void missing_glyph(const FontBook& fonts, RoleId role, char32_t cp, const TextContext& ctx) {
  std::string ch;
  base::utf8_append(ch, cp);
  throw base::Error(base::Diagnostic::whole_file(
      ctx.file, (ctx.field.empty() ? "" : ctx.field + ": ") + "expected characters that the fonts of role '" +
                    fonts.role_name(role) + "' have",
      base::codepoint_name(cp) + " '" + ch + "', which no font of that role has"));
}

void measure_into(const FontBook& fonts, const Span& span, std::uint32_t index, bool zh, const TextContext& ctx,
                  std::vector<Char>& out) {
  for (char32_t cp : base::utf8_decode(span.text)) {
    if (cp == '\n' || cp == '\r' || cp == '\t') cp = ' ';
    auto pick = fonts.pick(span.role, cp, zh);
    if (!pick) missing_glyph(fonts, span.role, cp, ctx);
    out.push_back(Char{cp, pick->face, pick->glyph, pick->advance_em * span.size, 0, index});
  }
}

void add_autospace(std::vector<Char>& chars, const std::vector<Span>& spans) {
  for (std::size_t i = 1; i < chars.size(); ++i) {
    char32_t a = chars[i - 1].cp, b = chars[i].cp;
    if ((is_han(a) && is_autospace_partner(b)) || (is_autospace_partner(a) && is_han(b)))
      chars[i].gap_before = kAutospaceEm * spans[chars[i].span].size;
  }
}

/// At a line start, a full-width opening bracket or quote (“《（「) gives up its blank left
/// half, so the line's ink starts at the margin like every other line.
double lead_trim(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t i, bool paragraph_zh) {
  if (i >= chars.size()) return 0;
  const Char& c = chars[i];
  static constexpr std::u32string_view kOpening = U"“‘《〈「『（【〔〖";
  if (kOpening.find(c.cp) == std::u32string_view::npos || !spans[c.span].zh.value_or(paragraph_zh)) return 0;
  return c.advance >= 0.9 * spans[c.span].size ? c.advance / 2 : 0;
}

/// Natural width of characters [from, to) set as one line: advances, autospace inside, and the
/// opening punctuation trimmed at its start.
double line_width(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t from, std::size_t to,
                  bool paragraph_zh) {
  if (to <= from) return 0;
  double w = 0;
  for (std::size_t k = from; k < to; ++k) w += chars[k].advance + (k > from ? chars[k].gap_before : 0);
  return w - lead_trim(chars, spans, from, paragraph_zh);
}

/// Moves characters from `cut` on of the second-to-last line down to the last line, if the
/// last line still fits the measure then.
void pull_down(LaidParagraph& p, std::size_t cut, double measure_width) {
  Line& prev = p.lines[p.lines.size() - 2];
  Line& last = p.lines.back();
  const double new_last = line_width(p.chars, p.spans, cut, last.end, p.style.zh);
  if (new_last > measure_width + 1e-6) return;
  prev.end = cut;
  while (prev.end > prev.begin && is_break_space(p.chars[prev.end - 1].cp)) --prev.end;
  prev.width = line_width(p.chars, p.spans, prev.begin, prev.end, p.style.zh);
  last.begin = cut;
  last.width = new_last;
}

/// Chinese units written after a number that must not be split (longest first).
constexpr std::u32string_view kChineseUnits[] = {U"万平方米", U"平方公里", U"个百分点", U"万亿元", U"亿美元", U"万美元",
                                                 U"亿人次", U"万人次", U"平方米", U"百分点", U"亿元", U"万元", U"千元",
                                                 U"万人", U"万家", U"万亩", U"万吨", U"公里", U"千米", U"人次"};
/// Words that bind to the number after them.
constexpr std::u32string_view kNumberPrefixes = U"第前约超近逾共";

}  // namespace

double baseline_in_line(const FontBook& fonts, double line_height, double size) {
  return (line_height - size) / 2 + size * fonts.em_top();
}

double measure(const FontBook& fonts, const Span& span, bool zh, const TextContext& ctx) {
  std::vector<Char> chars;
  measure_into(fonts, span, 0, zh, ctx, chars);
  add_autospace(chars, {span});
  double w = 0;
  for (const auto& c : chars) w += c.advance + c.gap_before;
  return w;
}

LaidParagraph layout_paragraph(const FontBook& fonts, std::vector<Span> spans, const ParagraphStyle& style,
                               const TextContext& ctx) {
  LaidParagraph p;
  p.em_top = fonts.em_top();
  p.style = style;
  for (std::size_t s = 0; s < spans.size(); ++s)
    measure_into(fonts, spans[s], static_cast<std::uint32_t>(s), spans[s].zh.value_or(style.zh), ctx, p.chars);
  p.spans = std::move(spans);
  add_autospace(p.chars, p.spans);
  auto& chars = p.chars;
  const std::size_t n = chars.size();
  std::u32string text;
  text.reserve(n);
  for (const auto& c : chars) text.push_back(c.cp);
  std::vector<bool> relaxed;  // opportunities kept closed for looks, opened to avoid a loose line
  std::vector<bool> brk = break_opportunities(text, style.zh, &relaxed);
  for (std::size_t i = 1; i < n; ++i) {
    // A raised source marker ([1]) never starts a line away from what it marks.
    if (chars[i].span != chars[i - 1].span && p.spans[chars[i].span].rise > 0) brk[i] = false;
    // A number stays with the Chinese unit after it (1.5倍, 542家, 300亿元, 3.54平方公里) and
    // with a prefix before it (第6位, 前10强, 约3.54, 超500); elsewhere a line may break before
    // a number, or Chinese lines with many numbers could only be set loose.
    char32_t a = chars[i - 1].cp, b = chars[i].cp;
    const bool digit_a = a >= '0' && a <= '9', digit_b = b >= '0' && b <= '9';
    if (digit_a && is_han(b)) {
      brk[i] = false;
      for (std::u32string_view unit : kChineseUnits)
        if (text.compare(i, unit.size(), unit) == 0) {
          for (std::size_t k = i + 1; k < i + unit.size(); ++k) brk[k] = false;
          break;
        }
    }
    if (is_han(a) && digit_b && kNumberPrefixes.find(a) != std::u32string_view::npos) {
      relaxed[i] = relaxed[i] || brk[i];
      brk[i] = false;
    }
  }

  const double measure_width = style.width - style.indent;
  std::size_t start = 0;
  while (start < n) {
    while (start < n && is_break_space(chars[start].cp)) ++start;  // no spaces at a line start
    if (start >= n) break;
    double w = 0;
    std::size_t best = 0;        // last opportunity that fits, 0 = none yet
    std::size_t best_relaxed = 0;  // last relaxed opportunity that fits
    double width_at_best = 0;
    std::size_t i = start;
    for (; i < n; ++i) {
      double add = chars[i].advance + (i > start ? chars[i].gap_before : -lead_trim(chars, p.spans, i, style.zh));
      if (i > start && brk[i]) {
        best = i;
        width_at_best = w;
      }
      if (i > start && relaxed[i]) best_relaxed = i;
      // Trailing spaces may hang past the measure.
      if (w + add > measure_width + 1e-6 && !is_break_space(chars[i].cp) && i > start) break;
      w += add;
    }
    std::size_t end;
    if (i >= n) {
      end = n;
    } else if (best > start) {
      end = best;
      // A Chinese line that would be left more than one and a half characters short, when a
      // relaxed opportunity further on fits, breaks there instead (第 | 48位 rather than a loose
      // line).
      const double em = p.spans[chars[start].span].size;
      if (style.zh && best_relaxed > best && measure_width - width_at_best > 1.5 * em) end = best_relaxed;
    } else if (best_relaxed > start) {
      end = best_relaxed;
    } else {
      // No opportunity fits: break inside the word, but keep kinsoku characters off the line
      // start and end, and never next to the middle dot.
      end = i;
      while (end > start + 1 && (is_no_line_start(chars[end].cp) || is_no_line_end(chars[end - 1].cp) ||
                                  is_no_break_around(chars[end].cp) || is_no_break_around(chars[end - 1].cp)))
        --end;
    }
    Line line{start, end, 0, end >= n};
    std::size_t last = end;
    while (last > start && is_break_space(chars[last - 1].cp)) --last;
    line.end = last;
    line.width = line_width(chars, p.spans, start, last, style.zh);
    p.lines.push_back(line);
    start = end;
  }
  if (p.lines.empty()) p.lines.push_back(Line{0, 0, 0, true});
  // No single word alone on the last line of an English paragraph or title ("Zone"): the line
  // before gives up its last word, when it keeps at least two and the last line still fits.
  if (!style.zh && p.lines.size() >= 2) {
    Line& prev = p.lines[p.lines.size() - 2];
    Line& last = p.lines.back();
    bool one_word = true;
    for (std::size_t k = last.begin + 1; k < last.end; ++k) one_word = one_word && !brk[k];
    std::size_t cut = prev.end;
    while (cut > prev.begin && !brk[cut]) --cut;  // the start of prev's last word
    std::size_t words_before = 0;
    for (std::size_t k = prev.begin + 1; k < cut; ++k) words_before += brk[k];
    if (one_word && cut > prev.begin && words_before >= 1) pull_down(p, cut, measure_width);
  }
  // No lone character on a Chinese paragraph's last line (级。): the line before gives up its
  // last breakable character, when it keeps at least four.
  if (style.zh && p.lines.size() >= 2) {
    Line& prev = p.lines[p.lines.size() - 2];
    Line& last = p.lines.back();
    std::size_t solid = 0;
    // Characters that count: not closing punctuation, spaces or a source marker ([1], raised
    // or not).
    std::size_t end_text = last.end;
    if (end_text > last.begin && chars[end_text - 1].cp == ']') {
      std::size_t k = end_text - 1;
      while (k > last.begin && chars[k - 1].cp >= '0' && chars[k - 1].cp <= '9') --k;
      if (k > last.begin && chars[k - 1].cp == '[' && k < end_text - 1) end_text = k - 1;
    }
    for (std::size_t k = last.begin; k < end_text; ++k)
      solid += !is_no_line_start(chars[k].cp) && !is_break_space(chars[k].cp) && p.spans[chars[k].span].rise <= 0;
    if (solid <= 1) {
      std::size_t b = prev.end;
      while (b > prev.begin + 4 && !brk[b - 1]) --b;
      if (b > prev.begin + 4 && brk[b - 1] && b - 1 < prev.end) pull_down(p, b - 1, measure_width);
    }
  }
  return p;
}

void emit_line(const LaidParagraph& p, std::size_t li, double left, double baseline, std::vector<frame::Item>& items,
               std::vector<frame::Link>& links) {
  const Line& line = p.lines[li];
  const auto& chars = p.chars;
  if (line.begin >= line.end) return;
  const double measure_width = p.style.width - p.style.indent;
  double x0 = left + p.style.indent;
  double slack = measure_width - line.width;
  bool justify = p.style.align == Align::justify && !line.last && slack > 0;
  // Gaps that may stretch: between two characters at least one of which is CJK, and after spaces.
  std::vector<bool> stretch(line.end - line.begin, false);  // stretch[k]: gap after char begin+k
  std::size_t stretch_count = 0;
  if (justify) {
    for (std::size_t k = line.begin; k + 1 < line.end; ++k) {
      // Never inside a doubled dash or ellipsis (—— ……): they read as one sign.
      bool pair = chars[k].cp == chars[k + 1].cp && (chars[k].cp == 0x2014 || chars[k].cp == 0x2026 || chars[k].cp == 0x2015);
      bool s = !pair && (is_cjk_stretchable(chars[k].cp) || is_cjk_stretchable(chars[k + 1].cp) || is_break_space(chars[k].cp));
      stretch[k - line.begin] = s;
      stretch_count += s;
    }
    // Only justify lines with enough opportunities; a Latin line with none stays ragged.
    if (stretch_count == 0 || slack / static_cast<double>(stretch_count) > 0.5 * p.spans[chars[line.begin].span].size)
      justify = false;
  }
  double e = justify ? slack / static_cast<double>(stretch_count) : 0;
  if (p.style.align == Align::center) x0 += slack / 2;
  if (p.style.align == Align::right) x0 += slack;
  x0 -= lead_trim(chars, p.spans, line.begin, p.style.zh);

  // Runs break where the face, span, or stretch behaviour changes, at autospace gaps, and after
  // stretchable spaces (Tc applies to every glyph of a run, so a run stretches all or none).
  double x = x0;
  frame::TextRun run;
  bool run_open = false;
  bool run_stretch = false;
  auto flush = [&] {
    if (!run_open) return;
    items.emplace_back(std::move(run));
    run = frame::TextRun{};
    run_open = false;
  };
  std::uint32_t link_span = UINT32_MAX;
  frame::Rect link_box;
  auto flush_link = [&] {
    if (link_span != UINT32_MAX) links.push_back(frame::Link{link_box, p.spans[link_span].link});
    link_span = UINT32_MAX;
  };
  for (std::size_t k = line.begin; k < line.end; ++k) {
    const Char& c = chars[k];
    const Span& span = p.spans[c.span];
    if (k > line.begin) x += c.gap_before;
    bool s = justify && k + 1 < line.end && stretch[k - line.begin];
    // CJK characters stretch through the run's character spacing (the line's last one too, where
    // it is invisible, so it stays in its run); others widen the gap after them explicitly.
    bool interior_stretch = justify && is_cjk_stretchable(c.cp) && (s || k + 1 == line.end);
    bool new_run = !run_open || run.font != c.face || chars[k - 1].span != c.span || c.gap_before > 0 ||
                   run_stretch != interior_stretch || (k > line.begin && is_break_space(chars[k - 1].cp) && justify);
    if (new_run) {
      flush();
      run.origin = {x, baseline - span.rise};
      run.font = c.face;
      run.size = span.size;
      run.color = span.color;
      run.char_spacing = interior_stretch ? e : 0;
      run_open = true;
      run_stretch = interior_stretch;
    }
    const double glyph_x = x;
    run.glyphs.push_back(frame::Glyph{c.glyph, c.cp, x - run.origin.x});
    base::utf8_append(run.text, c.cp);
    double step = c.advance + run.char_spacing;
    run.width += step;
    x += step;
    if (s && !interior_stretch) x += e;  // a space or a Latin character before CJK
    if (!span.link.empty()) {
      double top = baseline - span.rise - span.size * p.em_top, h = span.size * 1.1;
      if (link_span == c.span) {
        link_box.w = glyph_x + step - link_box.x;
      } else {
        flush_link();
        link_span = c.span;
        link_box = frame::Rect{glyph_x, top, x - glyph_x, h};
      }
    } else {
      flush_link();
    }
  }
  flush();
  flush_link();
}

}  // namespace zb::text
