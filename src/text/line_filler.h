// Line filling: greedy line ends over break opportunities, then the last-line fixes (no lone
// word or character on a paragraph's last line). Internal to text/ (used by paragraph).
#pragma once

#include <cstddef>
#include <vector>

#include "text/paragraph.h"

namespace zb::text {

/// Where a paragraph may break, one entry per character.
struct BreakMap {
  std::vector<bool> allowed;  ///< allowed[i]: a line may break before character i
  /// relaxed[i]: an opportunity kept closed for looks, opened rather than set a loose line
  std::vector<bool> relaxed;
};

/// Points a full-width opening bracket or quote (“《（「) gives up at a line start (its blank
/// left half, so the line's ink starts at the margin); 0 for any other character.
double lead_trim(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t i, bool paragraph_zh);

/// Natural width in points of characters [from, to) set as one line: advances, autospace inside,
/// and the opening punctuation trimmed at its start.
double line_width(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t from, std::size_t to,
                  bool paragraph_zh);

/// Breaks measured characters into lines of at most `measure_width` points (trailing spaces may
/// hang past it).
class LineFiller {
 public:
  /// `zh`: the paragraph's Chinese rules (loose-line avoidance, the lone-character fix).
  LineFiller(const std::vector<Char>& chars, const std::vector<Span>& spans, const BreakMap& breaks,
             double measure_width, bool zh);

  /// The lines, filled greedily, with the last-line fixes applied; one empty line for no text.
  std::vector<Line> fill() const;

 private:
  /// What one pass along a line start found.
  struct Scan {
    std::size_t overflow = 0;      ///< first character that does not fit (n: the rest fits)
    std::size_t best = 0;          ///< last opportunity that fits, 0 = none
    std::size_t best_relaxed = 0;  ///< last relaxed opportunity that fits
    double width_at_best = 0;      ///< points set before `best`
  };

  std::size_t skip_spaces(std::size_t start) const;
  Scan scan(std::size_t start) const;
  std::size_t choose_end(std::size_t start, const Scan& s) const;
  std::size_t break_inside_word(std::size_t start, std::size_t overflow) const;
  Line make_line(std::size_t start, std::size_t end) const;

  void avoid_lone_word(std::vector<Line>& lines) const;
  void avoid_lone_character(std::vector<Line>& lines) const;
  std::size_t counted_characters(const Line& line) const;
  void pull_down(std::vector<Line>& lines, std::size_t cut) const;

  const std::vector<Char>& chars_;
  const std::vector<Span>& spans_;
  const BreakMap& breaks_;
  double measure_width_;
  bool zh_;
};

}  // namespace zb::text
