// Paragraph layout: spans of styled text → measured characters → lines (UAX #14, kinsoku,
// autospace, long-word breaking) → positioned text runs, justified for Chinese.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "frame/document.h"
#include "text/font_book.h"

namespace zb::text {

/// A piece of text in one style. Sizes and lengths in points.
struct Span {
  std::string text;  ///< UTF-8
  RoleId role = 0;
  double size = 10;
  frame::Color color;
  double rise = 0;   ///< baseline shift upwards (superscript markers)
  std::string link;  ///< URI: the span becomes clickable
  /// Language of this span when it differs from the paragraph's (an English title inside a
  /// Chinese line gets Latin quotes); unset: the paragraph's.
  std::optional<bool> zh;
  /// No line break inside the span (after its leading spaces): a tag that moves as one piece.
  bool whole = false;
};

enum class Align { left, justify, center, right };

struct ParagraphStyle {
  double width = 0;         ///< measure in points; 0 in a Flow means the page's full measure
  double line_height = 16;  ///< baseline to baseline
  Align align = Align::left;
  bool zh = false;    ///< Chinese rules: strict breaking, CJK punctuation, justification
  double indent = 0;  ///< extra left indent of every line
  /// Lines of similar length (titles, headings): the last line counts like the others when the
  /// breaks are chosen, so none is left with a lone word or a bracketed suffix.
  bool balance = false;
};

/// One measured character of a paragraph, shaped: lengths in points.
struct Char {
  char32_t cp = 0;
  std::uint16_t face = 0;
  std::uint32_t glyph = 0;  ///< the glyph shaping chose (for a ligature: on its first character)
  double advance = 0;       ///< the glyph's own advance (0 for a ligature's later characters)
  /// Fixed space between the previous glyph and this one: kerning, the Han–Latin autospace,
  /// adjacent punctuation squeezed (negative). Not set at a line start.
  double gap_before = 0;
  /// Blank a full-width punctuation mark may still give up before / after its ink (clreq).
  double blank_before = 0, blank_after = 0;
  std::uint32_t span = 0;        ///< index of its span
  std::uint8_t glyph_chars = 1;  ///< characters its glyph shows: 1; more for a ligature; 0 inside one
  bool autospace = false;        ///< gap_before holds the quarter-em autospace (it may stretch and shrink)
};

/// A line: characters [begin, end) of the paragraph, without trailing spaces.
struct Line {
  std::size_t begin = 0, end = 0;
  double width = 0;   ///< width as set, points (justified, squeezed; opening punctuation trimmed)
  bool last = false;  ///< the paragraph's last line (or before a forced break)
};

/// How one set line meets its measure (text::LineFiller::fit).
struct LineFit {
  std::vector<double> extra;  ///< points added to the gap before character line.begin + i ([0] unused)
  double end_shrink = 0;      ///< blank given up by the punctuation mark that ends the line
  double short_by = 0;        ///< points the line stays short of the measure (ragged or out of room)
  double width = 0;           ///< the line's width as set, points
};

/// Where missing glyphs are reported: e.g. file "inputs/x.yaml", field "metrics[2].label.zh".
struct TextContext {
  std::string file;
  std::string field;
  int line = 0, col = 0;  ///< where the field starts in `file` (0: the file as a whole)

  /// A diagnostic about this field: at its position, its path before `expected`.
  base::Diagnostic diagnostic(const std::string& expected, const std::string& found) const;
};

/// A laid-out paragraph, ready to be placed.
struct LaidParagraph {
  std::vector<Char> chars;
  std::vector<Line> lines;
  std::vector<LineFit> fits;  ///< one per line: how it is justified or shrunk
  std::vector<Span> spans;
  ParagraphStyle style;
  double em_top = 0;  ///< FontBook::em_top() of the fonts it was set in (link areas start there)
};

/// Measures and breaks `spans` into lines. Throws base::Error naming ctx.file, ctx.field and the
/// character (U+ code) when no face of its role has it.
LaidParagraph layout_paragraph(const FontBook& fonts, std::vector<Span> spans, const ParagraphStyle& style,
                               const TextContext& ctx);

/// Forgets the paragraphs and shaped pieces this thread has cached (layout_paragraph and
/// FontBook::shape keep them so that a briefing laying out the same text again while it fits
/// its pages pays once). For benchmarks that time layout from scratch; results never change.
void clear_thread_caches();

/// Text runs (and link areas) of line `i`, with its baseline at `baseline` and its left edge at
/// `left` (page coordinates).
void emit_line(const LaidParagraph& p, std::size_t i, double left, double baseline, std::vector<frame::Item>& items,
               std::vector<frame::Link>& links);

/// Sees every line emit_line sets on its thread while installed (ScopedLineObserver): for
/// measurements by tests and tools; the tool itself installs none.
class LineObserver {
 public:
  virtual ~LineObserver() = default;
  /// Line `line` of `p` was just set.
  virtual void on_line(const LaidParagraph& p, std::size_t line) = 0;
};

/// Installs `observer` for the calling thread while it lives (the previous one after).
class ScopedLineObserver {
 public:
  explicit ScopedLineObserver(LineObserver& observer);
  ~ScopedLineObserver();
  ScopedLineObserver(const ScopedLineObserver&) = delete;
  ScopedLineObserver& operator=(const ScopedLineObserver&) = delete;

 private:
  LineObserver* previous_;
};

/// Baseline offset from the top of a line box of `line_height` for text of `size`: the em box
/// (FontBook::em_top above the baseline, the rest below) centred in the line.
double baseline_in_line(const FontBook& fonts, double line_height, double size);

/// Natural width of a single-line text in one style (for labels, headers, table columns).
double measure(const FontBook& fonts, const Span& span, bool zh, const TextContext& ctx);

}  // namespace zb::text
