// The typesetting sample: one document mixing every case the engine must handle (headings,
// justified Chinese, English, mixed lines with numbers, rare characters, punctuation at line
// ends, a bullet list, a table, a link, source markers), for tests and the benchmark.
#pragma once

#include "frame/document.h"
#include "text/font_book.h"

namespace zb::test {

/// Builds the sample. `repeat` > 1 appends more sections (the benchmark's 4-page document).
frame::Document sample_document(const text::FontBook& fonts, int repeat = 1);

/// Every character of visible text in the sample, in reading order, as given to the layout
/// (for pdftotext comparisons): one entry per paragraph, heading, list item and table cell.
std::vector<std::string> sample_texts(int repeat = 1);

}  // namespace zb::test
