// Charts for series (bar, hbar, line, rank, donut) and key-figure cards for metrics, as
// display-list items: Cairo geometry for shapes, real text in the embedded fonts for labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chart/choice.h"
#include "chart/format.h"
#include "frame/document.h"
#include "model/facts.h"
#include "text/paragraph.h"

namespace zb::chart {

/// Colours and type for charts; from the layout (issue: layouts), with these defaults.
struct Style {
  /// Okabe–Ito colours: distinguishable with colour-vision deficiencies, and of different
  /// lightness, so they still read in grayscale.
  std::vector<frame::Color> palette = {{0.0, 0.447, 0.698},  {0.902, 0.624, 0.0}, {0.0, 0.620, 0.451},
                                       {0.835, 0.369, 0.0},  {0.8, 0.475, 0.655}, {0.337, 0.706, 0.914},
                                       {0.941, 0.894, 0.259}};
  frame::Color negative{0.835, 0.369, 0.0};  ///< bars below zero
  frame::Color ink{0.11, 0.13, 0.16};
  frame::Color muted{0.42, 0.45, 0.5};
  frame::Color grid{0.88, 0.9, 0.92};
  frame::Color axis{0.45, 0.48, 0.52};
  frame::Color card_fill{0.95, 0.97, 0.99};
  frame::Color figure_ink{0.0, 0.298, 0.502};  ///< a card's big value (7:1 on the card fill)
  std::string label_role = "body", title_role = "heading", value_role = "strong", figure_role = "figure";
  double title_size = 9.5, subtitle_size = 8, label_size = 7, value_size = 7, source_size = 7;
  double plot_scale = 1;    ///< × the usual plot height (a one-pager's chart fills its page)
  double figure_size = 17;  ///< a card's big value, at most (less when it would not fit a line)
  /// A chart's header (titles, labels, unit line) takes at least this height, so the plots of
  /// two charts sharing a row start level.
  double header_min = 0;
};

/// Which languages the chart's words use: the primary one, and the other too when bilingual.
struct Languages {
  Lang primary = Lang::zh;
  bool bilingual = true;
};

/// A drawn chart or card. Items are relative to its top-left corner.
struct Chart {
  double width = 0, height = 0;
  std::vector<frame::Item> items;
  std::vector<frame::Rect> labels;  ///< the box of every text label, for overlap checks
  model::ChartKind kind = model::ChartKind::bar;
  double value_top = 0;             ///< cards: where the big value starts
  double value_size = 0;            ///< cards: the big value's type size
  std::string title;                ///< charts: the title in the primary language
  std::string unit_line;            ///< charts: "单位：亿元 · Unit: CNY 100 million" (with the baseline flag)
  double header_height = 0;         ///< charts: where the plot starts (below titles, labels, unit line)
  bool zero_based = true;           ///< charts: the value axis starts at zero (else the unit line says not)
  double axis_lo = 0, axis_hi = 0;  ///< charts: the value axis' first and last tick (the chart's scale)
  std::vector<std::string> values;  ///< charts: the value labels drawn, in the order placed
};

/// What the cards of one row share, so they line up: the big values start at the same height
/// in the same size, and every card is as tall as the tallest. Zero: the card's own.
struct CardRow {
  double value_top = 0, value_size = 0, height = 0;
};

/// Draws `s` in `width` points as chart::plan_chart decides (kind, order, title). `source` is the
/// source note under the chart, already in the languages shown, one paragraph per language
/// separated by '\n'. `kind` overrides the series' hint (drawn_kind's rules still apply).
Chart draw_series(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                  const Style& style, const Languages& langs, const text::TextContext& ctx,
                  std::optional<model::ChartKind> kind = std::nullopt);

/// The type size of `m`'s big value on a card `width` wide: style.figure_size, less (down to 13) when the
/// value would not fit one line. A block of cards uses the smallest of its cards.
double card_value_size(const text::FontBook& fonts, const model::Metric& m, double width, const Style& style,
                       const Languages& langs, const text::TextContext& ctx);

/// What follows a label raised and small ("[1]", "[1] a"), in its own ink; its size and rise
/// × the label's size (the layout's type.marker), never under model::kSmallestType.
struct Mark {
  std::string text;
  frame::Color ink;
  double scale = 0.62, rise = 0.35;
};

/// A key-figure card for `m`: value and unit in each language (once when both read the same),
/// qualifier, period, change; `mark` after the first language's label.
Chart draw_card(const text::FontBook& fonts, const model::Metric& m, double width, const Style& style,
                const Languages& langs, const text::TextContext& ctx, const CardRow& row = {}, const Mark& mark = {});

/// "Nice" axis ticks covering [lo, hi] and zero (unless `with_zero` is false), about `target` of
/// them, steps of 1, 2, 2.5 or 5 × 10^k.
std::vector<double> nice_ticks(double lo, double hi, int target, bool with_zero = true);

}  // namespace zb::chart
