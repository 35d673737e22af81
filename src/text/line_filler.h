// Line breaking over the whole paragraph (total fit, as TeX and Typst do) and the fitting of a
// set line to its measure: what each gap may give and take, in the order a typesetter uses.
// Internal to text/ (used by paragraph).
#pragma once

#include <cstddef>
#include <vector>

#include "text/paragraph.h"

namespace zb::text {

/// The space between Han and Latin letters or digits, in em (CSS text-autospace, clreq 3.2.2).
constexpr double kAutospaceEm = 0.25;

/// Where a paragraph may break, one entry per character.
struct BreakMap {
  std::vector<bool> allowed;  ///< allowed[i]: a line may break before character i
  /// relaxed[i]: an opportunity kept closed for looks, opened rather than set a loose line
  std::vector<bool> relaxed;
};

/// Points opening punctuation gives up at a line start (its blank before, so the line's ink
/// starts at the margin); 0 for any other character.
double lead_trim(const std::vector<Char>& chars, std::size_t i);

/// Natural width in points of characters [from, to) set as one line: advances, fixed gaps
/// inside, and the opening punctuation trimmed at its start.
double line_width(const std::vector<Char>& chars, std::size_t from, std::size_t to);

/// What one gap may give or take, in points, by priority. Gap k lies between characters k−1
/// and k. Stretching takes the autospace (to 5/16 em) and word spaces (by half) first, then the
/// gaps between CJK characters (at most ⅛ em each); only then, rather than leave the line
/// short, the autospace to ½ em and word spaces by half again. Latin letters are never spaced
/// apart, and the space around numbers stays even (5/16 em at most) while there is other room.
/// Shrinking takes the blank of the punctuation mark that ends the line first, then (justified
/// lines) word spaces (by a third) and the autospace (to ⅛ em); punctuation inside a line keeps
/// its full width (the mainland style) unless the line would otherwise be short or overfull.
struct GapRoom {
  double stretch_first = 0;
  double stretch_cjk = 0;
  double stretch_loose = 0;  ///< last, rather than leave a line short: the autospace to ½ em, spaces by half again
  double shrink_punct = 0;
  double shrink_space = 0;
};

/// Breaks measured characters into lines of at most `measure_width` points, choosing the breaks
/// of the whole paragraph together.
class LineFiller {
 public:
  LineFiller(const std::vector<Char>& chars, const std::vector<Span>& spans, const BreakMap& breaks,
             double measure_width, const ParagraphStyle& style);

  /// The lines; one empty line for no text.
  std::vector<Line> fill() const;

  /// How `line` is fitted: justified (stretched) when `justify` and not the last line; shrunk
  /// whenever it is wider than the measure.
  LineFit fit(const Line& line, bool justify) const;

 private:
  struct Totals;
  Totals totals(std::size_t s, std::size_t e) const;
  double demerits(std::size_t s, const Totals& t, bool last, int penalty) const;
  std::vector<Line> best_lines(bool emergency) const;
  bool overfull(const Line& line) const;
  std::size_t skip_spaces(std::size_t start) const;
  std::size_t trim_spaces(std::size_t start, std::size_t end) const;
  bool emergency_break(std::size_t i) const;
  std::vector<std::size_t> solid_suffix() const;
  bool lone_last(std::size_t s) const;

  const std::vector<Char>& chars_;
  const std::vector<Span>& spans_;
  const BreakMap& breaks_;
  double measure_width_;
  ParagraphStyle style_;
  std::vector<GapRoom> room_;
  // Prefix sums over characters (advances, fixed gaps) and gaps (room), for O(1) line totals.
  std::vector<double> advance_sum_, gap_sum_, stretch_first_sum_, stretch_cjk_sum_, stretch_loose_sum_,
      shrink_punct_sum_, shrink_space_sum_;
  std::vector<std::size_t> solid_;  ///< solid_[s]: characters from s on that count as a lone last line's
  std::size_t last_break_ = 0;      ///< the last allowed opportunity (0: none)
};

}  // namespace zb::text
