// Charts set into a flow on a two-column grid: a small chart shares its row with the next small
// one, the others take the measure; each chart, with its source and note, stays on one page.
#pragma once

#include <string>
#include <vector>

#include "chart/charts.h"
#include "layout/flow.h"

namespace zb::layout {

/// One chart to set: its series, its source note (in the languages shown, one paragraph per
/// language separated by '\n') and the context its errors name.
struct ChartItem {
  const model::Series* series = nullptr;
  std::string source;
  text::TextContext ctx;
};

/// The rows charts are set in, as indices in the order set: a half-width chart (`half[i]`) shares
/// a row with the next half-width chart of the list, and the full-width charts between them follow
/// that row; a half-width chart left without a partner takes the measure alone.
std::vector<std::vector<std::size_t>> chart_rows(const std::vector<bool>& half);

/// The order `series` are set in by chart_rows (for numbering their sources in reading order).
std::vector<std::size_t> chart_order(const std::vector<const model::Series*>& series);

/// Where and how far apart charts go.
struct ChartGrid {
  double left = 0;         ///< the measure's left edge on the page, points
  double first_space = 0;  ///< before the first row
  double space = 0;        ///< between rows
  double gap = 18;         ///< between the two charts of a row
};

/// Sets `items` into `flow` by chart_rows (chart::half_width decides): each row is one box, so a
/// chart and its notes and source are never split across pages.
void set_charts(Flow& flow, const text::FontBook& fonts, const std::vector<ChartItem>& items, const chart::Style& style,
                const chart::Languages& langs, const ChartGrid& grid);

}  // namespace zb::layout
