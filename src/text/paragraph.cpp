// Paragraph layout: measuring with the font book, break opportunities tailored for numbers and
// markers, line filling (line_filler), and run emission with Chinese inter-character justification.
#include "text/paragraph.h"

#include <cstdint>
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "base/utf8.h"
#include "text/line_break.h"
#include "text/line_filler.h"
#include "text/script.h"

namespace zb::text {
namespace {

constexpr double kAutospaceEm = 0.25;

[[noreturn]] void missing_glyph(const FontBook& fonts, RoleId role, char32_t cp, const TextContext& ctx) {
  std::string ch;
  base::utf8_append(ch, cp);
  throw base::Error(ctx.diagnostic("expected characters that the fonts of role '" + fonts.role_name(role) + "' have",
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

/// Chinese units written after a number that must not be split (longest first).
constexpr std::u32string_view kChineseUnits[] = {U"万平方米", U"平方公里", U"个百分点", U"万亿元", U"亿美元", U"万美元",
                                                 U"亿人次", U"万人次", U"平方米", U"百分点", U"亿元", U"万元", U"千元",
                                                 U"万人", U"万家", U"万亩", U"万吨", U"公里", U"千米", U"人次"};
/// Words that bind to the number after them.
constexpr std::u32string_view kNumberPrefixes = U"第前约超近逾共";

/// Measures every span (each in its own language) into characters, then adds the autospace.
std::vector<Char> measure_spans(const FontBook& fonts, const std::vector<Span>& spans, bool paragraph_zh,
                                const TextContext& ctx) {
  std::vector<Char> chars;
  for (std::size_t s = 0; s < spans.size(); ++s)
    measure_into(fonts, spans[s], static_cast<std::uint32_t>(s), spans[s].zh.value_or(paragraph_zh), ctx, chars);
  add_autospace(chars, spans);
  return chars;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

/// A raised source marker ([1]) never starts a line away from what it marks.
void keep_markers_with_text(const std::vector<Char>& chars, const std::vector<Span>& spans, std::vector<bool>& brk) {
  for (std::size_t i = 1; i < chars.size(); ++i)
    if (chars[i].span != chars[i - 1].span && spans[chars[i].span].rise > 0) brk[i] = false;
}

/// A number stays with the Chinese unit after it (1.5倍, 542家, 300亿元, 3.54平方公里).
void keep_numbers_with_units(const std::u32string& text, std::vector<bool>& brk) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!is_digit(text[i - 1]) || !is_han(text[i])) continue;
    brk[i] = false;
    for (std::u32string_view unit : kChineseUnits)
      if (text.compare(i, unit.size(), unit) == 0) {
        for (std::size_t k = i + 1; k < i + unit.size(); ++k) brk[k] = false;
        break;
      }
  }
}

/// A number stays with a prefix before it (第6位, 前10强, 约3.54, 超500), unless only breaking
/// there avoids a loose line; elsewhere a line may break before a number, or Chinese lines
/// with many numbers could only be set loose.
void bind_prefixes_to_numbers(const std::u32string& text, BreakMap& breaks) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    char32_t a = text[i - 1];
    if (!is_han(a) || !is_digit(text[i]) || kNumberPrefixes.find(a) == std::u32string_view::npos) continue;
    breaks.relaxed[i] = breaks.relaxed[i] || breaks.allowed[i];
    breaks.allowed[i] = false;
  }
}

/// No break inside a span marked `whole` (a tag such as "（旧）" or the stale-facts note), except
/// after its leading spaces: the tag moves to the next line as one piece.
void keep_whole_spans(const std::vector<Char>& chars, const std::vector<Span>& spans, BreakMap& breaks) {
  for (std::size_t i = 1; i < chars.size(); ++i) {
    const std::uint32_t s = chars[i].span;
    if (!spans[s].whole || chars[i - 1].span != s) continue;
    std::size_t first = i - 1;  // the span's first character
    while (first > 0 && chars[first - 1].span == s) --first;
    bool leading_spaces_only = true;
    for (std::size_t k = first; k < i; ++k) leading_spaces_only = leading_spaces_only && is_break_space(chars[k].cp);
    if (leading_spaces_only) continue;  // a break after the leading spaces starts the tag's line
    breaks.allowed[i] = false;
    breaks.relaxed[i] = false;
  }
}

/// UAX #14 opportunities (line_break) tailored for source markers, numbers and whole spans.
BreakMap break_map(const std::vector<Char>& chars, const std::vector<Span>& spans, bool zh) {
  std::u32string text;
  text.reserve(chars.size());
  for (const auto& c : chars) text.push_back(c.cp);
  BreakMap breaks;
  breaks.allowed = break_opportunities(text, zh, &breaks.relaxed);
  keep_markers_with_text(chars, spans, breaks.allowed);
  keep_numbers_with_units(text, breaks.allowed);
  bind_prefixes_to_numbers(text, breaks);
  keep_whole_spans(chars, spans, breaks);
  return breaks;
}

/// Whether the gap after character k of a justified line may stretch: between two characters
/// at least one of which is CJK, and after spaces; never inside a doubled dash or ellipsis
/// (—— ……): they read as one sign.
bool gap_stretches(const std::vector<Char>& chars, std::size_t k) {
  const char32_t a = chars[k].cp, b = chars[k + 1].cp;
  const bool pair = a == b && (a == 0x2014 || a == 0x2026 || a == 0x2015);
  return !pair && (is_cjk_stretchable(a) || is_cjk_stretchable(b) || is_break_space(a));
}

/// How a line is justified.
struct Justification {
  bool on = false;
  double extra = 0;           // points added at each stretchable gap
  std::vector<bool> stretch;  // stretch[k]: the gap after character line.begin + k stretches
};

/// Justification of `line`, `slack` points short of the measure. Only lines with enough
/// opportunities are justified; a Latin line with none stays ragged.
Justification justification(const LaidParagraph& p, const Line& line, double slack) {
  Justification j;
  j.stretch.assign(line.end - line.begin, false);
  if (p.style.align != Align::justify || line.last || !(slack > 0)) return j;
  std::size_t count = 0;
  for (std::size_t k = line.begin; k + 1 < line.end; ++k) {
    const bool s = gap_stretches(p.chars, k);
    j.stretch[k - line.begin] = s;
    count += s;
  }
  if (count == 0 || slack / static_cast<double>(count) > 0.5 * p.spans[p.chars[line.begin].span].size) return j;
  j.on = true;
  j.extra = slack / static_cast<double>(count);
  return j;
}

/// Left edge of a line's first glyph: indent, alignment, and the trimmed opening punctuation.
double line_start(const LaidParagraph& p, const Line& line, double left, double slack) {
  double x0 = left + p.style.indent;
  if (p.style.align == Align::center) x0 += slack / 2;
  if (p.style.align == Align::right) x0 += slack;
  x0 -= lead_trim(p.chars, p.spans, line.begin, p.style.zh);
  return x0;
}

/// Sets one line's characters into text runs and link areas. Runs break where the face, span
/// or stretch behaviour changes, at autospace gaps, and after stretchable spaces (Tc applies to
/// every glyph of a run, so a run stretches all or none).
class RunBuilder {
 public:
  RunBuilder(const LaidParagraph& p, const Line& line, Justification j, double x, double baseline,
             std::vector<frame::Item>& items, std::vector<frame::Link>& links)
      : p_(p), line_(line), j_(std::move(j)), x_(x), baseline_(baseline), items_(items), links_(links) {}

  /// Places every character of the line, then closes the last run and link area.
  void build() {
    for (std::size_t k = line_.begin; k < line_.end; ++k) place(k);
    flush_run();
    flush_link();
  }

 private:
  void place(std::size_t k) {
    const Char& c = p_.chars[k];
    const Span& span = p_.spans[c.span];
    if (k > line_.begin) x_ += c.gap_before;
    const bool s = j_.on && k + 1 < line_.end && j_.stretch[k - line_.begin];
    // CJK characters stretch through the run's character spacing (the line's last one too, where
    // it is invisible, so it stays in its run); others widen the gap after them explicitly.
    const bool interior_stretch = j_.on && is_cjk_stretchable(c.cp) && (s || k + 1 == line_.end);
    if (starts_run(k, interior_stretch)) start_run(c, span, interior_stretch);
    const double glyph_x = x_;
    run_.glyphs.push_back(frame::Glyph{c.glyph, c.cp, x_ - run_.origin.x});
    base::utf8_append(run_.text, c.cp);
    const double step = c.advance + run_.char_spacing;
    run_.width += step;
    x_ += step;
    if (s && !interior_stretch) x_ += j_.extra;  // a space or a Latin character before CJK
    if (!span.link.empty())
      extend_link(c.span, span, glyph_x, step);
    else
      flush_link();
  }

  bool starts_run(std::size_t k, bool interior_stretch) const {
    if (!run_open_) return true;
    const Char& c = p_.chars[k];
    const Char& prev = p_.chars[k - 1];
    return run_.font != c.face || prev.span != c.span || c.gap_before > 0 || run_stretch_ != interior_stretch ||
           (is_break_space(prev.cp) && j_.on);
  }

  void start_run(const Char& c, const Span& span, bool interior_stretch) {
    flush_run();
    run_.origin = {x_, baseline_ - span.rise};
    run_.font = c.face;
    run_.size = span.size;
    run_.color = span.color;
    run_.char_spacing = interior_stretch ? j_.extra : 0;
    run_open_ = true;
    run_stretch_ = interior_stretch;
  }

  void flush_run() {
    if (!run_open_) return;
    items_.emplace_back(std::move(run_));
    run_ = frame::TextRun{};
    run_open_ = false;
  }

  /// The glyph at `glyph_x`, `step` wide, belongs to the link of span `index`: its area grows,
  /// or a new one starts at the em box top.
  void extend_link(std::uint32_t index, const Span& span, double glyph_x, double step) {
    if (link_span_ == index) {
      link_box_.w = glyph_x + step - link_box_.x;
      return;
    }
    flush_link();
    link_span_ = index;
    link_box_ = frame::Rect{glyph_x, baseline_ - span.rise - span.size * p_.em_top, x_ - glyph_x, span.size * 1.1};
  }

  void flush_link() {
    if (link_span_ != kNoLink) links_.push_back(frame::Link{link_box_, p_.spans[link_span_].link});
    link_span_ = kNoLink;
  }

  static constexpr std::uint32_t kNoLink = UINT32_MAX;
  const LaidParagraph& p_;
  const Line& line_;
  const Justification j_;
  double x_;
  const double baseline_;
  std::vector<frame::Item>& items_;
  std::vector<frame::Link>& links_;
  frame::TextRun run_;
  bool run_open_ = false;
  bool run_stretch_ = false;
  std::uint32_t link_span_ = kNoLink;
  frame::Rect link_box_;
};

}  // namespace

base::Diagnostic TextContext::diagnostic(const std::string& expected, const std::string& found) const {
  base::Diagnostic d = base::Diagnostic::whole_file(file, (field.empty() ? "" : field + ": ") + expected, found);
  if (line > 0) d.where = {file, line, col};
  return d;
}

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
  p.chars = measure_spans(fonts, spans, style.zh, ctx);
  p.spans = std::move(spans);
  const BreakMap breaks = break_map(p.chars, p.spans, style.zh);
  p.lines = LineFiller(p.chars, p.spans, breaks, style.width - style.indent, style.zh).fill();
  return p;
}

void emit_line(const LaidParagraph& p, std::size_t li, double left, double baseline, std::vector<frame::Item>& items,
               std::vector<frame::Link>& links) {
  const Line& line = p.lines[li];
  if (line.begin >= line.end) return;
  const double measure_width = p.style.width - p.style.indent;
  const double slack = measure_width - line.width;
  RunBuilder(p, line, justification(p, line, slack), line_start(p, line, left, slack), baseline, items, links).build();
}

}  // namespace zb::text
