// Total-fit line breaking (Knuth–Plass over the break opportunities, badness from the room each
// line's gaps have) and the fitting of each line: shrink the line-end punctuation first, stretch the
// autospace and word spaces first, CJK gaps last and never past ⅛ em.
#include "text/line_filler.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "text/script.h"

namespace zb::text {
namespace {

constexpr double kCjkStretchEm = 0.125;         // most a gap between CJK characters may grow
constexpr double kAutospaceStretchEm = 0.0625;  // the autospace (kAutospaceEm) may grow to 5/16 em
constexpr double kAutospaceLooseEm =
    0.25;  // ... and, rather than leave a line short, to ½ em  // the quarter-em autospace may grow to ½ em
constexpr double kAutospaceShrinkEm = 0.125;  // ... and shrink to ⅛ em
constexpr double kSpaceStretch = 0.5;         // a word space may grow by half
constexpr double kSpaceShrink = 1.0 / 3;      // ... and shrink by a third

constexpr double kLinePenalty = 10;        // TeX's \linepenalty: fewer lines when all else is equal
constexpr double kRaggedLine = 1e6;        // a ragged paragraph: the fewest lines first
constexpr double kRelaxedPenalty = 150;    // opening a relaxed opportunity (第 | 6位)
constexpr double kHyphenPenalty = 500;     // a break after a hyphen (kick- | off), as TeX's \exhyphenpenalty
constexpr double kEmergencyPenalty = 1e5;  // breaking inside a word that cannot fit otherwise
constexpr double kLonePenalty = 1e5;       // a lone character or word on the last line
constexpr double kOverfull = 1e12;         // a line wider than the measure
constexpr double kEps = 1e-6;

/// Whether the gap after character k of a justified line may stretch: between two characters
/// at least one of which is CJK; never inside a doubled dash or ellipsis (—— ……), which read
/// as one sign.
bool cjk_gap(const std::vector<Char>& chars, std::size_t k) {
  const char32_t a = chars[k].cp, b = chars[k + 1].cp;
  const bool pair = a == b && (a == 0x2014 || a == 0x2026 || a == 0x2015);
  return !pair && (is_cjk_stretchable(a) || is_cjk_stretchable(b));
}

std::vector<GapRoom> gap_room(const std::vector<Char>& chars, const std::vector<Span>& spans) {
  std::vector<GapRoom> room(chars.size());
  for (std::size_t k = 1; k < chars.size(); ++k) {
    const Char& a = chars[k - 1];
    const Char& b = chars[k];
    if (b.glyph_chars == 0) continue;  // inside a ligature
    const double em = spans[a.span].size;
    GapRoom& r = room[k];
    if (b.autospace) {
      r.stretch_first = kAutospaceStretchEm * em;
      r.stretch_loose = (kAutospaceLooseEm - kAutospaceStretchEm) * em;
      r.shrink_space = (kAutospaceEm - kAutospaceShrinkEm) * em;
    } else if (is_break_space(a.cp)) {
      r.stretch_first = kSpaceStretch * a.advance;
      r.stretch_loose = kSpaceStretch * a.advance;
      r.shrink_space = kSpaceShrink * a.advance;
    } else if (cjk_gap(chars, k - 1)) {
      r.stretch_cjk = kCjkStretchEm * em;
    }
    r.shrink_punct = a.blank_after + b.blank_before;
  }
  return room;
}

std::vector<double> prefix(const std::vector<GapRoom>& room, double GapRoom::*field) {
  std::vector<double> sum(room.size() + 1, 0);
  for (std::size_t k = 0; k < room.size(); ++k) sum[k + 1] = sum[k] + room[k].*field;
  return sum;
}

}  // namespace

double lead_trim(const std::vector<Char>& chars, std::size_t i) { return i < chars.size() ? chars[i].blank_before : 0; }

double line_width(const std::vector<Char>& chars, std::size_t from, std::size_t to) {
  if (to <= from) return 0;
  double w = 0;
  for (std::size_t k = from; k < to; ++k) w += chars[k].advance + (k > from ? chars[k].gap_before : 0);
  return w - lead_trim(chars, from);
}

/// Sums over a line [s, e): its natural width and the room of the gaps inside it. A ragged
/// line gives up only the blank of the punctuation that ends it: its word spaces stay as set.
struct LineFiller::Totals {
  double width = 0, stretch_first = 0, stretch_cjk = 0, stretch_loose = 0, shrink_punct = 0, shrink_space = 0,
         shrink_end = 0;
  bool justified = false;
  /// What the line gives up before its punctuation inside: the mark ending it, spaces.
  double shrink_first() const { return shrink_end + (justified ? shrink_space : 0); }
  double shrink() const { return shrink_first() + (justified ? shrink_punct : 0); }
};

LineFiller::LineFiller(const std::vector<Char>& chars, const std::vector<Span>& spans, const BreakMap& breaks,
                       double measure_width, const ParagraphStyle& style)
    : chars_(chars),
      spans_(spans),
      breaks_(breaks),
      measure_width_(measure_width),
      style_(style),
      room_(gap_room(chars, spans)) {
  const std::size_t n = chars.size();
  advance_sum_.assign(n + 1, 0);
  gap_sum_.assign(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    advance_sum_[k + 1] = advance_sum_[k] + chars[k].advance;
    gap_sum_[k + 1] = gap_sum_[k] + chars[k].gap_before;
  }
  stretch_first_sum_ = prefix(room_, &GapRoom::stretch_first);
  stretch_cjk_sum_ = prefix(room_, &GapRoom::stretch_cjk);
  stretch_loose_sum_ = prefix(room_, &GapRoom::stretch_loose);
  shrink_punct_sum_ = prefix(room_, &GapRoom::shrink_punct);
  shrink_space_sum_ = prefix(room_, &GapRoom::shrink_space);
  solid_ = solid_suffix();
  last_break_ = 0;
  for (std::size_t k = 1; k < n; ++k)
    if (breaks.allowed[k]) last_break_ = k;
}

LineFiller::Totals LineFiller::totals(std::size_t s, std::size_t e) const {
  Totals t;
  if (e <= s) return t;
  // Gaps s+1 .. e−1 lie inside the line.
  auto inside = [&](const std::vector<double>& sum) { return sum[e] - sum[s + 1]; };
  t.width = advance_sum_[e] - advance_sum_[s] + inside(gap_sum_) - lead_trim(chars_, s);
  t.stretch_first = inside(stretch_first_sum_);
  t.stretch_cjk = inside(stretch_cjk_sum_);
  t.stretch_loose = inside(stretch_loose_sum_);
  t.shrink_punct = inside(shrink_punct_sum_);
  t.shrink_space = inside(shrink_space_sum_);
  t.shrink_end = chars_[e - 1].blank_after;
  t.justified = style_.align == Align::justify;
  return t;
}

std::size_t LineFiller::skip_spaces(std::size_t start) const {
  while (start < chars_.size() && is_break_space(chars_[start].cp)) ++start;
  return start;
}

std::size_t LineFiller::trim_spaces(std::size_t start, std::size_t end) const {
  while (end > start && is_break_space(chars_[end - 1].cp)) --end;
  return end;
}

/// A break inside a word, allowed only when a word is wider than the measure: never next to a
/// space, inside a ligature, or against kinsoku and the middle dot.
bool LineFiller::emergency_break(std::size_t i) const {
  if (i == 0 || i >= chars_.size()) return false;
  const char32_t a = chars_[i - 1].cp, b = chars_[i].cp;
  return chars_[i].glyph_chars != 0 && !is_break_space(a) && !is_break_space(b) && !is_no_line_start(b) &&
         !is_no_line_end(a) && !is_no_break_around(a) && !is_no_break_around(b);
}

/// Characters of [s, n) that count for the lone-character rule, for every s: not closing
/// punctuation, spaces or a source marker ([1], raised or not, at the paragraph's end).
std::vector<std::size_t> LineFiller::solid_suffix() const {
  const std::size_t n = chars_.size();
  std::size_t end_text = n;
  if (end_text > 0 && chars_[end_text - 1].cp == ']') {
    std::size_t k = end_text - 1;
    while (k > 0 && chars_[k - 1].cp >= '0' && chars_[k - 1].cp <= '9') --k;
    if (k > 0 && chars_[k - 1].cp == '[' && k < end_text - 1) end_text = k - 1;
  }
  std::vector<std::size_t> solid(n + 1, 0);
  for (std::size_t k = n; k-- > 0;)
    solid[k] = solid[k + 1] + (k < end_text && !is_no_line_start(chars_[k].cp) && !is_break_space(chars_[k].cp) &&
                               spans_[chars_[k].span].rise <= 0);
  return solid;
}

/// A last line from s that is one Chinese character (级。) or one word ("Zone").
bool LineFiller::lone_last(std::size_t s) const {
  if (style_.zh) return solid_[s] <= 1;
  return last_break_ <= s;  // no opportunity inside the line
}

/// The cost of line [s, e) (spaces trimmed): TeX's demerits from its badness, the room its gaps
/// have; a ragged paragraph pays for each line first, then for its short lines.
double LineFiller::demerits(std::size_t s, const Totals& t, bool last, int penalty) const {
  const double em = spans_[chars_[s].span].size;
  const double slack = measure_width_ - t.width;
  // Relaxed opportunities exist for Chinese (第 | 6位); elsewhere a ragged line is better.
  const double relaxed = style_.zh ? kRelaxedPenalty : 10 * kRelaxedPenalty;
  const double p = penalty == 2 ? kEmergencyPenalty : penalty == 1 ? relaxed : penalty == 3 ? kHyphenPenalty : 0;
  if (slack < -kEps && -slack > t.shrink() + kEps) return kOverfull * (1 + (-slack - t.shrink()) / em);
  double badness = 0;
  if (slack < 0 && -slack <= t.shrink_first() + kEps) {
    const double r = -slack / std::max(t.shrink_first(), kEps);
    badness = 100 * r * r * r;
  } else if (slack < 0) {  // punctuation inside the line gives up its blank: only rather than worse
    badness = 100 + 300 * (-slack - t.shrink_first()) / em;
  } else if (!last && style_.align == Align::justify) {
    // Within the room: TeX's badness; then loose spaces around Latin (full but loose); then short.
    const double room = t.stretch_first + t.stretch_cjk, loose = std::min(slack - room, t.stretch_loose);
    const double r = slack / std::max(room, kEps);
    badness = slack <= room ? 100 * r * r * r
                            : 100 + 300 * std::max(0.0, loose) / em + 1000 * std::max(0.0, slack - room - loose) / em;
  } else if (!last || style_.balance) {
    badness = 2000 * (slack / em) * (slack / em);
  }
  const bool ragged = style_.align != Align::justify;
  double d = ragged ? kRaggedLine + badness : (kLinePenalty + badness) * (kLinePenalty + badness);
  if (last && lone_last(s)) d += kLonePenalty;
  return d + p * p;
}

std::vector<Line> LineFiller::best_lines(bool emergency) const {
  const std::size_t n = chars_.size();
  std::vector<std::size_t> cands;  // positions a line may end at (before character j), n last
  std::vector<int> penalty(n + 1, 0);
  for (std::size_t j = 1; j < n; ++j) {
    if (breaks_.allowed[j]) {
      cands.push_back(j);
      if (chars_[j - 1].cp == '-' || chars_[j - 1].cp == 0x2010) penalty[j] = 3;
    } else if (breaks_.relaxed[j]) {
      cands.push_back(j);
      penalty[j] = 1;
    } else if (emergency && emergency_break(j)) {
      cands.push_back(j);
      penalty[j] = 2;
    }
  }
  cands.push_back(n);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best(n + 1, kInf);
  std::vector<std::size_t> prev(n + 1, 0);
  best[0] = 0;
  // Lines much shorter than the measure are never the best choice when a fuller one fits (a
  // justified line under three quarters full cannot be stretched to the measure): candidates
  // start one before where the line's advances reach that share (the paragraph's end, when the
  // rest is shorter), and the shorter ones are tried only when none from there fits.
  const double least = style_.align == Align::justify ? measure_width_ * 0.75 : 0;
  auto relax = [&](std::size_t i, std::size_t s, std::vector<std::size_t>::const_iterator it,
                   std::vector<std::size_t>::const_iterator stop, bool first) {
    bool fitted = false;
    for (; it != stop; ++it, first = false) {
      const std::size_t j = *it, e = trim_spaces(s, j);
      if (e <= s) continue;
      const Totals t = totals(s, e);
      const bool over = t.width - t.shrink() > measure_width_ + kEps;
      if (!first && over) break;  // only wider from here
      fitted = fitted || !over;
      const double d = best[i] + demerits(s, t, j == n, penalty[j]);
      if (d < best[j]) {
        best[j] = d;
        prev[j] = i;
      }
    }
    return fitted;
  };
  auto relax_from = [&](std::size_t i) {
    const std::size_t s = skip_spaces(i);
    const auto begin = std::upper_bound(cands.begin(), cands.end(), s);
    auto from = std::lower_bound(begin, cands.end(), s,
                                 [&](std::size_t j, std::size_t) { return advance_sum_[j] - advance_sum_[s] < least; });
    if (from != begin) --from;  // the last line shorter than the share, too
    if (!relax(i, s, from, cands.end(), from == begin) && from != begin) relax(i, s, begin, from, true);
  };
  relax_from(0);
  for (std::size_t j : cands)
    if (j < n && best[j] < kInf) relax_from(j);
  std::vector<std::size_t> ends;
  for (std::size_t j = n; j > 0; j = prev[j]) ends.push_back(j);
  std::vector<Line> lines;
  std::size_t start = 0;
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    const std::size_t s = skip_spaces(start), e = trim_spaces(s, *it);
    lines.push_back(Line{s, e, line_width(chars_, s, e), *it == n});
    start = *it;
  }
  return lines;
}

bool LineFiller::overfull(const Line& line) const {
  const Totals t = totals(line.begin, line.end);
  return t.width - t.shrink() > measure_width_ + kEps;
}

std::vector<Line> LineFiller::fill() const {
  if (skip_spaces(0) >= chars_.size()) return {Line{0, 0, 0, true}};
  std::vector<Line> lines = best_lines(false);
  if (std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return overfull(l); })) lines = best_lines(true);
  return lines;
}

LineFit LineFiller::fit(const Line& line, bool justify) const {
  LineFit f;
  f.extra.assign(line.end - line.begin, 0);
  if (line.end <= line.begin) return f;
  const Totals t = totals(line.begin, line.end);
  double slack = measure_width_ - t.width;
  // Takes up to `want` points from gaps by `field`'s room, each in proportion; returns what it took.
  auto spread = [&](double want, double GapRoom::*field, double sign) {
    double total = 0;
    for (std::size_t k = line.begin + 1; k < line.end; ++k) total += room_[k].*field;
    if (total <= 0 || want <= 0) return 0.0;
    const double share = std::min(1.0, want / total);
    for (std::size_t k = line.begin + 1; k < line.end; ++k) f.extra[k - line.begin] += sign * share * (room_[k].*field);
    return share * total;
  };
  if (slack < 0) {
    f.end_shrink = std::min(-slack, t.shrink_end);
    slack += f.end_shrink;
    if (t.justified) {
      slack += spread(-slack, &GapRoom::shrink_space, -1);
      slack += spread(-slack, &GapRoom::shrink_punct, -1);
    }
  } else if (justify && !line.last && slack > 0) {
    slack -= spread(slack, &GapRoom::stretch_first, 1);
    slack -= spread(slack, &GapRoom::stretch_cjk, 1);
    slack -= spread(slack, &GapRoom::stretch_loose, 1);
  }
  f.short_by = std::max(0.0, slack);
  f.width = measure_width_ - slack;
  return f;
}

}  // namespace zb::text
