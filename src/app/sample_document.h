// The typesetting sample (`zonebrief sample`): one document mixing every case the engine must handle (headings,
// justified Chinese, English, mixed lines with numbers, rare characters, punctuation at line
// ends, a bullet list, a table, a link, source markers), for tests and the benchmark.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frame/document.h"
#include "text/font_book.h"

namespace zb::app {

/// Builds the sample; `repeat` > 1 repeats its middle sections. `date`: the documents date (epoch s).
/// `date` (seconds since the epoch) becomes the PDF's creation date; unset writes none.
frame::Document sample_document(const text::FontBook& fonts, std::optional<std::int64_t> date, int repeat = 1);

/// Every character of visible text in the sample, in reading order, as given to the layout
/// (for pdftotext comparisons): one entry per paragraph, heading, list item and table cell.
std::vector<std::string> sample_texts(int repeat = 1);

}  // namespace zb::app

#include "chart/charts.h"
#include "model/facts.h"

namespace zb::app {

/// Every chart of the given zones, one section per zone, on the briefings' grid (two small charts
/// to a row), then, with `cards`, every key-figure card: what a chart editor reviews.
frame::Document chart_gallery(const text::FontBook& fonts, const std::vector<model::Facts>& zones,
                              const chart::Languages& langs, std::optional<std::int64_t> date, bool cards = false);

}  // namespace zb::app
