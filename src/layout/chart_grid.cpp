// The chart grid: rows of one full-width chart or two half-width charts, each row one flow box.
#include "layout/chart_grid.h"

#include <algorithm>

namespace zb::layout {

std::vector<std::vector<std::size_t>> chart_rows(const std::vector<bool>& half) {
  std::vector<std::vector<std::size_t>> rows;
  std::vector<bool> done(half.size(), false);
  for (std::size_t i = 0; i < half.size(); ++i) {
    if (done[i]) continue;
    done[i] = true;
    if (!half[i]) {
      rows.push_back({i});
      continue;
    }
    std::size_t j = i + 1;
    while (j < half.size() && (done[j] || !half[j])) ++j;
    if (j == half.size()) {
      rows.push_back({i});
      continue;
    }
    done[j] = true;
    rows.push_back({i, j});
  }
  return rows;
}

namespace {

std::vector<bool> half_widths(const std::vector<const model::Series*>& series) {
  std::vector<bool> half;
  half.reserve(series.size());
  for (const auto* s : series) half.push_back(chart::half_width(chart::plan_chart(*s)));
  return half;
}

}  // namespace

std::vector<std::size_t> chart_order(const std::vector<const model::Series*>& series) {
  std::vector<std::size_t> order;
  for (const auto& row : chart_rows(half_widths(series))) order.insert(order.end(), row.begin(), row.end());
  return order;
}

void set_charts(Flow& flow, const text::FontBook& fonts, const std::vector<ChartItem>& items, const chart::Style& style,
                const chart::Languages& langs, const ChartGrid& grid) {
  std::vector<const model::Series*> series;
  series.reserve(items.size());
  for (const auto& it : items) series.push_back(it.series);
  const double full = flow.measure(), w2 = (full - grid.gap) / 2;
  bool first = true;
  for (const auto& row : chart_rows(half_widths(series))) {
    const double w = row.size() == 2 ? w2 : full;
    std::vector<chart::Chart> charts;
    double header = 0;
    for (std::size_t k : row) {
      const ChartItem& it = items[k];
      charts.push_back(chart::draw_series(fonts, *it.series, it.source, w, style, langs, it.ctx));
      header = std::max(header, charts.back().header_height);
    }
    // The plots of a row start level: a chart with the shorter header is drawn again below a
    // header as tall as its neighbour's.
    chart::Style level = style;
    level.header_min = header;
    for (std::size_t k = 0; k < row.size(); ++k)
      if (charts[k].header_height < header - 0.01)
        charts[k] =
            chart::draw_series(fonts, *items[row[k]].series, items[row[k]].source, w, level, langs, items[row[k]].ctx);
    std::vector<frame::Item> groups;
    double height = 0;
    for (std::size_t k = 0; k < charts.size(); ++k) {
      height = std::max(height, charts[k].height);
      groups.push_back(
          frame::Group{{grid.left + static_cast<double>(k) * (w2 + grid.gap), 0}, std::move(charts[k].items), {}});
    }
    flow.set_context(items[row.front()].ctx);  // a row too tall for a page names its (first) series
    flow.box(height, std::move(groups), first ? grid.first_space : grid.space, 0, false);
    first = false;
  }
}

}  // namespace zb::layout
