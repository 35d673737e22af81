// Paragraph layout: measuring with the font book, break opportunities tailored for numbers and
// markers, line filling (line_filler), and run emission with Chinese inter-character justification.
#include "text/paragraph.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/diagnostics.h"
#include "base/utf8.h"
#include "text/line_break.h"
#include "text/line_filler.h"
#include "text/script.h"
#include "text/typography.h"

namespace zb::text {
namespace {

[[noreturn]] void missing_glyph(const FontBook& fonts, RoleId role, char32_t cp, const TextContext& ctx) {
  std::string ch;
  base::utf8_append(ch, cp);
  throw base::Error(ctx.diagnostic("expected characters that the fonts of role '" + fonts.role_name(role) + "' have",
                                   base::codepoint_name(cp) + " '" + ch + "', which no font of that role has"));
}

/// The characters of `span`, each in the first face of its role that has it, with its nominal
/// glyph and advance (shaping refines them).
void measure_into(const FontBook& fonts, const Span& span, std::uint32_t index, bool zh, const TextContext& ctx,
                  std::vector<Char>& out) {
  for (char32_t cp : base::utf8_decode(typographic(span.text, zh))) {
    if (cp == '\n' || cp == '\r' || cp == '\t') cp = ' ';
    auto pick = fonts.pick(span.role, cp, zh);
    if (!pick) missing_glyph(fonts, span.role, cp, ctx);
    Char c;
    c.cp = cp;
    c.face = pick->face;
    c.glyph = pick->glyph;
    c.advance = pick->advance_em * span.size;
    c.span = index;
    out.push_back(c);
  }
}

/// Takes glyphs, advances and kerning for characters [a, b) (one face, one span) from their
/// shaped `glyphs`. A glyph's offset and the difference between its shaped and own advance
/// become fixed gaps; a ligature's glyph sits on its first character, the others get none. A
/// cluster of several glyphs (never in the project's fonts) keeps the nominal glyphs.
void apply_shaping(const FontBook& fonts, const std::vector<ShapedGlyph>& glyphs, double size, std::vector<Char>& chars,
                   std::size_t a, std::size_t b) {
  if (glyphs.empty() || glyphs.front().cluster != 0) return;
  for (std::size_t i = 1; i < glyphs.size(); ++i)
    if (glyphs[i].cluster <= glyphs[i - 1].cluster || glyphs[i].cluster >= b - a) return;
  double carry = 0;  // pen adjustment after the previous glyph
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const ShapedGlyph& g = glyphs[i];
    const std::size_t k0 = a + g.cluster, k1 = i + 1 < glyphs.size() ? a + glyphs[i + 1].cluster : b;
    Char& c = chars[k0];
    c.glyph = g.glyph;
    c.advance = fonts.advance_em(c.face, g.glyph) * size;
    c.glyph_chars = static_cast<std::uint8_t>(std::min<std::size_t>(k1 - k0, 255));
    if (i > 0) c.gap_before += carry + g.offset_em * size;
    carry = (g.advance_em - g.offset_em) * size - c.advance;
    for (std::size_t k = k0 + 1; k < k1; ++k) {
      chars[k].glyph = g.glyph;
      chars[k].advance = 0;
      chars[k].glyph_chars = 0;
    }
  }
}

/// Shapes each stretch of characters that share a span and a face (HarfBuzz: kerning,
/// ligatures, localized forms).
void shape_chars(const FontBook& fonts, const std::vector<Span>& spans, bool paragraph_zh, std::vector<Char>& chars) {
  std::vector<ShapedGlyph> glyphs;
  std::u32string text;
  for (std::size_t a = 0; a < chars.size();) {
    std::size_t b = a + 1;
    while (b < chars.size() && chars[b].span == chars[a].span && chars[b].face == chars[a].face) ++b;
    text.clear();
    for (std::size_t k = a; k < b; ++k) text.push_back(chars[k].cp);
    const Span& span = spans[chars[a].span];
    fonts.shape(chars[a].face, text, span.zh.value_or(paragraph_zh), glyphs);
    apply_shaping(fonts, glyphs, span.size, chars, a, b);
    a = b;
  }
}

/// The blanks full-width punctuation may give up, in Chinese text, from the font book.
void add_punctuation_blanks(const FontBook& fonts, const std::vector<Span>& spans, bool paragraph_zh,
                            std::vector<Char>& chars) {
  for (Char& c : chars) {
    const Span& span = spans[c.span];
    if (!span.zh.value_or(paragraph_zh) || c.glyph_chars != 1) continue;
    const PunctBlank b = fonts.punct_blank(c.face, c.cp);
    c.blank_before = b.before * span.size;
    c.blank_after = b.after * span.size;
  }
}

/// Adjacent punctuation set tight (clreq 3.1.6, JIS X 4051): a closing mark, comma or stop
/// followed by another mark gives up its blank after (”。 ，“ 。」), an opening mark after
/// another opening one its blank before (（“); and a source marker sits tight after the
/// punctuation it follows (。[1]). Two marks then take one and a half ems, not two.
void squeeze_punctuation(const std::vector<Span>& spans, std::vector<Char>& chars) {
  for (std::size_t k = 1; k < chars.size(); ++k) {
    Char& a = chars[k - 1];
    Char& b = chars[k];
    const bool b_punct = b.blank_before > 0 || b.blank_after > 0;
    const bool b_marker = spans[b.span].rise > 0 && b.span != a.span;
    if (a.blank_after > 0 && (b_punct || b_marker)) {
      b.gap_before -= a.blank_after;
      a.blank_after = 0;
    } else if (b.blank_before > 0 && (a.blank_before > 0 || a.blank_after > 0)) {
      b.gap_before -= b.blank_before;
      b.blank_before = 0;
    }
  }
}

void add_autospace(std::vector<Char>& chars, const std::vector<Span>& spans) {
  for (std::size_t i = 1; i < chars.size(); ++i) {
    char32_t a = chars[i - 1].cp, b = chars[i].cp;
    if ((is_han(a) && is_autospace_partner(b)) || (is_autospace_partner(a) && is_han(b))) {
      chars[i].gap_before += kAutospaceEm * spans[chars[i].span].size;
      chars[i].autospace = true;
    }
  }
}

/// Chinese units written after a number that must not be split (longest first).
constexpr std::u32string_view kChineseUnits[] = {
    U"万平方米", U"平方公里", U"个百分点", U"万亿元", U"亿美元", U"万美元", U"亿人次", U"万人次", U"平方米", U"百分点",
    U"亿元",     U"万元",     U"千元",     U"万人",   U"万家",   U"万亩",   U"万吨",   U"公里",   U"千米",   U"人次"};
/// Words that bind to the number after them.
constexpr std::u32string_view kNumberPrefixes = U"第前约超近逾共";

/// Measures every span (each in its own language) into characters, shapes them, then adds the
/// punctuation blanks and squeezes, and the autospace.
std::vector<Char> measure_spans(const FontBook& fonts, const std::vector<Span>& spans, bool paragraph_zh,
                                const TextContext& ctx) {
  std::vector<Char> chars;
  for (std::size_t s = 0; s < spans.size(); ++s)
    measure_into(fonts, spans[s], static_cast<std::uint32_t>(s), spans[s].zh.value_or(paragraph_zh), ctx, chars);
  shape_chars(fonts, spans, paragraph_zh, chars);
  add_punctuation_blanks(fonts, spans, paragraph_zh, chars);
  squeeze_punctuation(spans, chars);
  add_autospace(chars, spans);
  return chars;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

/// A raised source marker ([1]) never starts a line away from what it marks.
void keep_markers_with_text(const std::vector<Char>& chars, const std::vector<Span>& spans, std::vector<bool>& brk) {
  for (std::size_t i = 1; i < chars.size(); ++i)
    if (chars[i].span != chars[i - 1].span && spans[chars[i].span].rise > 0) brk[i] = false;
}

/// A number stays with the Chinese unit after it (1.5倍, 542家, 300亿元, 3.54平方公里), an
/// approximate one too (500多家, 200余人).
void keep_numbers_with_units(const std::u32string& text, std::vector<bool>& brk) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!is_digit(text[i - 1]) || !is_han(text[i])) continue;
    brk[i] = false;
    if ((text[i] == U'多' || text[i] == U'余') && i + 1 < text.size() && is_han(text[i + 1])) {
      brk[i + 1] = false;
      ++i;
    }
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

/// No break inside a ligature (its later characters have no glyph of their own).
void keep_ligatures(const std::vector<Char>& chars, BreakMap& breaks) {
  for (std::size_t i = 1; i < chars.size(); ++i)
    if (chars[i].glyph_chars == 0) breaks.allowed[i] = breaks.relaxed[i] = false;
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
  keep_ligatures(chars, breaks);
  return breaks;
}

/// Sets one line's characters into text runs and link areas: a run per face and span, each
/// glyph at its own position (kerning, autospace, squeezed punctuation, justification); its
/// character spacing is the run's first gap, which most of its gaps share (the CJK stretch), so
/// backends correct few positions. A line set with gaps a reader must not take for spaces is
/// marked so that text extraction gives it back as one text.
class RunBuilder {
 public:
  RunBuilder(const LaidParagraph& p, const Line& line, LineFit fit, double x, double baseline,
             std::vector<frame::Item>& items, std::vector<frame::Link>& links)
      : p_(p), line_(line), fit_(std::move(fit)), x_(x), baseline_(baseline), items_(items), links_(links) {}

  /// Places every character of the line, then closes the last run and link area.
  void build() {
    first_run_ = items_.size();
    for (std::size_t k = line_.begin; k < line_.end; ++k) place(k);
    flush_run();
    flush_link();
    if (spaced_ && items_.size() > first_run_)
      std::get<frame::TextRun>(items_[first_run_]).joined = static_cast<std::uint16_t>(items_.size() - first_run_);
  }

 private:
  /// Space before character k as set: its fixed gap plus the line's adjustment.
  double gap(std::size_t k) const { return p_.chars[k].gap_before + fit_.extra[k - line_.begin]; }

  /// The next character after k that has a glyph of its own, or line end.
  std::size_t next_glyph(std::size_t k) const {
    ++k;
    while (k < line_.end && p_.chars[k].glyph_chars == 0) ++k;
    return k;
  }

  void place(std::size_t k) {
    const Char& c = p_.chars[k];
    const Span& span = p_.spans[c.span];
    if (c.glyph_chars == 0) {  // a ligature's later character: text only
      base::utf8_append(run_.text, c.cp);
      return;
    }
    if (k > line_.begin) {
      const double g = gap(k);
      x_ += g - run_.char_spacing * run_open_;
      note_spacing(k, g);
    }
    if (starts_run(k)) start_run(k, span);
    const double glyph_x = x_;
    run_.glyphs.push_back(frame::Glyph{c.glyph, c.cp, x_ - run_.origin.x, c.glyph_chars});
    base::utf8_append(run_.text, c.cp);
    const double step = c.advance + run_.char_spacing;
    x_ += step;
    run_.width = x_ - run_.origin.x;
    if (!span.link.empty())
      extend_link(c.span, span, glyph_x, step);
    else
      flush_link();
  }

  /// A gap a text extractor would read as a space (poppler: over 0.1 em), or an overlap, where
  /// the text has none.
  void note_spacing(std::size_t k, double g) {
    const double em = p_.spans[p_.chars[k].span].size;
    if (!is_break_space(p_.chars[k - 1].cp) && (g > 0.09 * em || g < -0.15 * em)) spaced_ = true;
  }

  bool starts_run(std::size_t k) const {
    if (!run_open_) return true;
    const Char& c = p_.chars[k];
    const Char& prev = p_.chars[k - 1];
    return run_.font != c.face || prev.span != c.span;
  }

  /// A run starting at character k, its spacing the gap most of its glyphs follow at (the CJK
  /// stretch of a justified line; 0 in Latin text).
  void start_run(std::size_t k, const Span& span) {
    flush_run();
    const Char& c = p_.chars[k];
    run_.origin = {x_, baseline_ - span.rise};
    run_.font = c.face;
    run_.size = span.size;
    run_.color = span.color;
    run_.char_spacing = common_gap(k);
    run_open_ = true;
  }

  /// The most frequent gap between the glyphs of the run starting at k (ties: the first seen).
  double common_gap(std::size_t k) const {
    std::vector<std::pair<double, int>> seen;
    for (std::size_t i = next_glyph(k);
         i < line_.end && p_.chars[i].face == p_.chars[k].face && p_.chars[i].span == p_.chars[k].span;
         i = next_glyph(i)) {
      const double g = gap(i);
      auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& e) { return std::abs(e.first - g) < 1e-9; });
      if (it == seen.end())
        seen.emplace_back(g, 1);
      else
        ++it->second;
    }
    auto best =
        std::max_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == seen.end() ? 0 : best->first;
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
  const LineFit fit_;
  double x_;
  const double baseline_;
  std::vector<frame::Item>& items_;
  std::vector<frame::Link>& links_;
  frame::TextRun run_;
  bool run_open_ = false;
  bool spaced_ = false;
  std::size_t first_run_ = 0;
  std::uint32_t link_span_ = kNoLink;
  frame::Rect link_box_;
};

thread_local LineObserver* current_observer = nullptr;

}  // namespace

ScopedLineObserver::ScopedLineObserver(LineObserver& observer) : previous_(current_observer) {
  current_observer = &observer;
}
ScopedLineObserver::~ScopedLineObserver() { current_observer = previous_; }

base::Diagnostic TextContext::diagnostic(const std::string& expected, const std::string& found) const {
  base::Diagnostic d = base::Diagnostic::whole_file(file, (field.empty() ? "" : field + ": ") + expected, found);
  if (line > 0) d.where = {file, line, col};
  return d;
}

double baseline_in_line(const FontBook& fonts, double line_height, double size) {
  return (line_height - size) / 2 + size * fonts.em_top();
}

double measure(const FontBook& fonts, const Span& span, bool zh, const TextContext& ctx) {
  const std::vector<Span> spans{span};
  const std::vector<Char> chars = measure_spans(fonts, spans, zh, ctx);
  return line_width(chars, 0, chars.size());
}

namespace {

/// The bytes of `v` appended to `key`.
template <typename T>
void put(std::string& key, const T& v) {
  key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

/// Everything a paragraph's layout depends on, as one string: the font book, the style, and each
/// span's text and settings.
std::string paragraph_key(const FontBook& fonts, const std::vector<Span>& spans, const ParagraphStyle& style) {
  std::string key;
  put(key, fonts.id());
  put(key, style.width);
  put(key, style.line_height);
  put(key, style.align);
  put(key, style.zh);
  put(key, style.indent);
  put(key, style.balance);
  for (const Span& s : spans) {
    put(key, s.text.size());
    key += s.text;
    put(key, s.role);
    put(key, s.size);
    put(key, s.color.r);
    put(key, s.color.g);
    put(key, s.color.b);
    put(key, s.rise);
    put(key, s.link.size());
    key += s.link;
    put(key, static_cast<int>(s.zh ? (*s.zh ? 1 : 0) : 2));
    put(key, s.whole);
  }
  return key;
}

/// Paragraphs this thread laid out, by paragraph_key: a briefing lays out the same paragraphs
/// again while it fits its pages, and zones share headings, labels and footers. Emptied when it
/// holds more than kCachedChars characters (about 7 MB).
struct ParagraphCache {
  std::unordered_map<std::string, LaidParagraph> laid;
  std::size_t chars = 0;
};
constexpr std::size_t kCachedChars = 100000;

LaidParagraph lay_out_uncached(const FontBook& fonts, std::vector<Span> spans, const ParagraphStyle& style,
                               const TextContext& ctx) {
  LaidParagraph p;
  p.em_top = fonts.em_top();
  p.style = style;
  p.chars = measure_spans(fonts, spans, style.zh, ctx);
  p.spans = std::move(spans);
  const BreakMap breaks = break_map(p.chars, p.spans, style.zh);
  const LineFiller filler(p.chars, p.spans, breaks, style.width - style.indent, style);
  p.lines = filler.fill();
  p.fits.reserve(p.lines.size());
  for (Line& line : p.lines) {
    p.fits.push_back(filler.fit(line, style.align == Align::justify));
    if (line.end > line.begin) line.width = p.fits.back().width;
  }
  return p;
}

thread_local ParagraphCache paragraph_cache;

}  // namespace

void clear_thread_caches() {
  paragraph_cache = ParagraphCache{};
  FontBook::clear_thread_cache();
}

LaidParagraph layout_paragraph(const FontBook& fonts, std::vector<Span> spans, const ParagraphStyle& style,
                               const TextContext& ctx) {
  ParagraphCache& cache = paragraph_cache;
  std::string key = paragraph_key(fonts, spans, style);
  if (auto it = cache.laid.find(key); it != cache.laid.end()) return it->second;
  LaidParagraph p = lay_out_uncached(fonts, std::move(spans), style, ctx);
  if (cache.chars + p.chars.size() > kCachedChars) {
    cache.laid.clear();
    cache.chars = 0;
  }
  cache.chars += p.chars.size();
  cache.laid.emplace(std::move(key), p);
  return p;
}

void emit_line(const LaidParagraph& p, std::size_t li, double left, double baseline, std::vector<frame::Item>& items,
               std::vector<frame::Link>& links) {
  const Line& line = p.lines[li];
  if (line.begin >= line.end) return;
  LineFit fit = p.fits[li];
  double x0 = left + p.style.indent - lead_trim(p.chars, line.begin);
  if (p.style.align == Align::center) x0 += fit.short_by / 2;
  if (p.style.align == Align::right) x0 += fit.short_by;
  RunBuilder(p, line, std::move(fit), x0, baseline, items, links).build();
  if (current_observer) current_observer->on_line(p, li);
}

}  // namespace zb::text
