// Line filling: the greedy choice of line ends (loose-line avoidance for Chinese, breaking
// inside a word that cannot fit) and the last-line fixes that pull a word or character down.
#include "text/line_filler.h"

#include <string_view>

#include "text/script.h"

namespace zb::text {

double lead_trim(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t i, bool paragraph_zh) {
  if (i >= chars.size()) return 0;
  const Char& c = chars[i];
  static constexpr std::u32string_view kOpening = U"“‘《〈「『（【〔〖";
  if (kOpening.find(c.cp) == std::u32string_view::npos || !spans[c.span].zh.value_or(paragraph_zh)) return 0;
  return c.advance >= 0.9 * spans[c.span].size ? c.advance / 2 : 0;
}

double line_width(const std::vector<Char>& chars, const std::vector<Span>& spans, std::size_t from, std::size_t to,
                  bool paragraph_zh) {
  if (to <= from) return 0;
  double w = 0;
  for (std::size_t k = from; k < to; ++k) w += chars[k].advance + (k > from ? chars[k].gap_before : 0);
  return w - lead_trim(chars, spans, from, paragraph_zh);
}

LineFiller::LineFiller(const std::vector<Char>& chars, const std::vector<Span>& spans, const BreakMap& breaks,
                       double measure_width, bool zh)
    : chars_(chars), spans_(spans), breaks_(breaks), measure_width_(measure_width), zh_(zh) {}

std::vector<Line> LineFiller::fill() const {
  std::vector<Line> lines;
  const std::size_t n = chars_.size();
  std::size_t start = skip_spaces(0);
  while (start < n) {
    const std::size_t end = choose_end(start, scan(start));
    lines.push_back(make_line(start, end));
    start = skip_spaces(end);
  }
  if (lines.empty()) lines.push_back(Line{0, 0, 0, true});
  if (!zh_) avoid_lone_word(lines);
  if (zh_) avoid_lone_character(lines);
  return lines;
}

/// No spaces at a line start.
std::size_t LineFiller::skip_spaces(std::size_t start) const {
  while (start < chars_.size() && is_break_space(chars_[start].cp)) ++start;
  return start;
}

/// Sets characters from `start` until one does not fit, noting the opportunities on the way.
LineFiller::Scan LineFiller::scan(std::size_t start) const {
  Scan s;
  double w = 0;
  std::size_t i = start;
  for (; i < chars_.size(); ++i) {
    double add = chars_[i].advance + (i > start ? chars_[i].gap_before : -lead_trim(chars_, spans_, i, zh_));
    if (i > start && breaks_.allowed[i]) {
      s.best = i;
      s.width_at_best = w;
    }
    if (i > start && breaks_.relaxed[i]) s.best_relaxed = i;
    // Trailing spaces may hang past the measure.
    if (w + add > measure_width_ + 1e-6 && !is_break_space(chars_[i].cp) && i > start) break;
    w += add;
  }
  s.overflow = i;
  return s;
}

/// Where the line starting at `start` ends (the start of the next one, spaces included).
std::size_t LineFiller::choose_end(std::size_t start, const Scan& s) const {
  if (s.overflow >= chars_.size()) return chars_.size();
  if (s.best > start) {
    // A Chinese line that would be left more than one and a half characters short, when a
    // relaxed opportunity further on fits, breaks there instead (第 | 48位 rather than a loose
    // line).
    const double em = spans_[chars_[start].span].size;
    if (zh_ && s.best_relaxed > s.best && measure_width_ - s.width_at_best > 1.5 * em) return s.best_relaxed;
    return s.best;
  }
  if (s.best_relaxed > start) return s.best_relaxed;
  return break_inside_word(start, s.overflow);
}

/// No opportunity fits: break inside the word, but keep kinsoku characters off the line start
/// and end, and never next to the middle dot.
std::size_t LineFiller::break_inside_word(std::size_t start, std::size_t overflow) const {
  std::size_t end = overflow;
  while (end > start + 1 && (is_no_line_start(chars_[end].cp) || is_no_line_end(chars_[end - 1].cp) ||
                              is_no_break_around(chars_[end].cp) || is_no_break_around(chars_[end - 1].cp)))
    --end;
  return end;
}

/// The line [start, end) without its trailing spaces, with its natural width.
Line LineFiller::make_line(std::size_t start, std::size_t end) const {
  Line line{start, end, 0, end >= chars_.size()};
  while (line.end > start && is_break_space(chars_[line.end - 1].cp)) --line.end;
  line.width = line_width(chars_, spans_, start, line.end, zh_);
  return line;
}

/// No single word alone on the last line of an English paragraph or title ("Zone"): the line
/// before gives up its last word, when it keeps at least two and the last line still fits.
void LineFiller::avoid_lone_word(std::vector<Line>& lines) const {
  if (lines.size() < 2) return;
  const auto& brk = breaks_.allowed;
  const Line& prev = lines[lines.size() - 2];
  const Line& last = lines.back();
  bool one_word = true;
  for (std::size_t k = last.begin + 1; k < last.end; ++k) one_word = one_word && !brk[k];
  std::size_t cut = prev.end;
  while (cut > prev.begin && !brk[cut]) --cut;  // the start of prev's last word
  std::size_t words_before = 0;
  for (std::size_t k = prev.begin + 1; k < cut; ++k) words_before += brk[k];
  if (one_word && cut > prev.begin && words_before >= 1) pull_down(lines, cut);
}

/// No lone character on a Chinese paragraph's last line (级。): the line before gives up its
/// last breakable character, when it keeps at least four.
void LineFiller::avoid_lone_character(std::vector<Line>& lines) const {
  if (lines.size() < 2 || counted_characters(lines.back()) > 1) return;
  const auto& brk = breaks_.allowed;
  const Line& prev = lines[lines.size() - 2];
  std::size_t b = prev.end;
  while (b > prev.begin + 4 && !brk[b - 1]) --b;
  if (b > prev.begin + 4 && brk[b - 1] && b - 1 < prev.end) pull_down(lines, b - 1);
}

/// Characters of `line` that count for the lone-character fix: not closing punctuation, spaces
/// or a source marker ([1], raised or not, at the line's end).
std::size_t LineFiller::counted_characters(const Line& line) const {
  std::size_t end_text = line.end;
  if (end_text > line.begin && chars_[end_text - 1].cp == ']') {
    std::size_t k = end_text - 1;
    while (k > line.begin && chars_[k - 1].cp >= '0' && chars_[k - 1].cp <= '9') --k;
    if (k > line.begin && chars_[k - 1].cp == '[' && k < end_text - 1) end_text = k - 1;
  }
  std::size_t solid = 0;
  for (std::size_t k = line.begin; k < end_text; ++k)
    solid += !is_no_line_start(chars_[k].cp) && !is_break_space(chars_[k].cp) && spans_[chars_[k].span].rise <= 0;
  return solid;
}

/// Moves characters from `cut` on of the second-to-last line down to the last line, if the
/// last line still fits the measure then.
void LineFiller::pull_down(std::vector<Line>& lines, std::size_t cut) const {
  Line& prev = lines[lines.size() - 2];
  Line& last = lines.back();
  const double new_last = line_width(chars_, spans_, cut, last.end, zh_);
  if (new_last > measure_width_ + 1e-6) return;
  prev.end = cut;
  while (prev.end > prev.begin && is_break_space(chars_[prev.end - 1].cp)) --prev.end;
  prev.width = line_width(chars_, spans_, prev.begin, prev.end, zh_);
  last.begin = cut;
  last.width = new_last;
}

}  // namespace zb::text
