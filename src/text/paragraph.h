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
  std::string text;          ///< UTF-8
  RoleId role = 0;
  double size = 10;
  frame::Color color;
  double rise = 0;           ///< baseline shift upwards (superscript markers)
  std::string link;          ///< URI: the span becomes clickable
  /// Language of this span when it differs from the paragraph's (an English title inside a
  /// Chinese line gets Latin quotes); unset: the paragraph's.
  std::optional<bool> zh;
  /// No line break inside the span (after its leading spaces): a tag that moves as one piece.
  bool whole = false;
};

enum class Align { left, justify, center, right };

struct ParagraphStyle {
  double width = 0;          ///< measure in points; 0 in a Flow means the page's full measure
  double line_height = 16;   ///< baseline to baseline
  Align align = Align::left;
  bool zh = false;           ///< Chinese rules: strict breaking, CJK punctuation, justification
  double indent = 0;         ///< extra left indent of every line
};

/// One measured character of a paragraph.
struct Char {
  char32_t cp = 0;
  std::uint16_t face = 0;
  std::uint32_t glyph = 0;
  double advance = 0;       ///< points
  double gap_before = 0;    ///< autospace before this character, points
  std::uint32_t span = 0;   ///< index of its span
};

/// A line: characters [begin, end) of the paragraph, without trailing spaces.
struct Line {
  std::size_t begin = 0, end = 0;
  double width = 0;         ///< natural width, points
  bool last = false;        ///< the paragraph's last line (or before a forced break)
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
  std::vector<Span> spans;
  ParagraphStyle style;
  double em_top = 0;  ///< FontBook::em_top() of the fonts it was set in (link areas start there)
};

/// Measures and breaks `spans` into lines. Throws base::Error naming ctx.file, ctx.field and the
/// character (U+ code) when no face of its role has it.
LaidParagraph layout_paragraph(const FontBook& fonts, std::vector<Span> spans, const ParagraphStyle& style,
                               const TextContext& ctx);

/// Text runs (and link areas) of line `i`, with its baseline at `baseline` and its left edge at
/// `left` (page coordinates).
void emit_line(const LaidParagraph& p, std::size_t i, double left, double baseline,
               std::vector<frame::Item>& items, std::vector<frame::Link>& links);

/// Baseline offset from the top of a line box of `line_height` for text of `size`: the em box
/// (FontBook::em_top above the baseline, the rest below) centred in the line.
double baseline_in_line(const FontBook& fonts, double line_height, double size);

/// Natural width of a single-line text in one style (for labels, headers, table columns).
double measure(const FontBook& fonts, const Span& span, bool zh, const TextContext& ctx);

}  // namespace zb::text
