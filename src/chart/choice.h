// What a series becomes before it is drawn: the chart kind, the order of its points and the
// title that states its point (the takeaway, else one derived from the data, else the label).
#pragma once

#include <optional>
#include <vector>

#include "model/facts.h"

namespace zb::chart {

/// A series ready to draw.
struct Plan {
  model::Series shown;  ///< the series with its points in the order drawn
  model::ChartKind kind = model::ChartKind::bar;
  model::Text title;                    ///< the point: takeaway, derived, or the label
  std::optional<model::Text> subtitle;  ///< the label, when the title is not the label
  bool derived_title = false;           ///< the title was derived from the data
};

/// The kind a series gets when its file gives no `chart:` hint: rank for the `rank` unit; hbar
/// for categories (bilingual x); a line for more than 12 points, or for values that sit far from
/// zero on one side (they would fill under a third of a zero-based plot: an index around 100);
/// bars otherwise.
model::ChartKind default_kind(const model::Series& s);

/// The kind actually drawn for `hint` (else default_kind): a donut only for parts of one whole
/// (percent, none negative, summing to 100 ± 1), else hbar; rank only for the rank unit, else a
/// line; a series of two periods drawn as bars or a line becomes a from→to figure.
model::ChartKind drawn_kind(const model::Series& s, std::optional<model::ChartKind> hint);

/// True when every value lies on one side of zero and so close to the others that a zero-based
/// plot would leave them in its outer third (an index around 100, a rate from 5.1 to 5.6): a
/// line of such values gets an axis around its data, flagged as not starting at zero.
bool far_from_zero(const model::Series& s);

/// True for percent shares with no negative value summing to 100 ± 1 (rounded parts).
bool parts_of_whole(const model::Series& s);

/// True when every x of `s` names a period (chart::is_period) and none is bilingual.
bool periods(const model::Series& s);

/// The indices of `s`'s points in the order drawn: with `order: value` (the default for
/// categories) largest first (smallest first when lower is better), ties as written; as written
/// for `order: given`, periods and other plain x.
std::vector<std::size_t> display_order(const model::Series& s);

/// A title stating what the data says, for the kinds where it says one thing:
/// a rank: "第48位 → 第6位，上升42位" / "48th → 6th, up 42 places";
/// periods (bars, a line, from→to): the latest value and its change on the period before,
/// "2024年：145亿元，比2023年增加37亿元" / "2024: CNY 14.5 billion, up CNY 3.7 billion on 2023"
/// (a change of percentages in points). Differences are exact decimal arithmetic on the literals.
std::optional<model::Text> derived_title(const model::Series& s, model::ChartKind kind);

/// The words of a change of `diff` (later − earlier) in `unit`: "增加37亿元" / "up CNY 3.7 billion",
/// "下降22.54个百分点" / "down 22.54 pp" (a change of percentages is in percentage points).
model::Text change_words(const model::Number& diff, const model::Unit& unit);

/// The whole plan for `s` (hint: as for drawn_kind).
Plan plan_chart(const model::Series& s, std::optional<model::ChartKind> hint = std::nullopt);

/// True for charts that read well at half the measure, so two share a row: a from→to figure, a
/// donut, at most 3 horizontal bars, at most 6 columns or points.
bool half_width(const Plan& p);

}  // namespace zb::chart
