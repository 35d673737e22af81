// Flow: stacks headings, paragraphs, lists, tables and rules into pages (keep-with-next,
// orphan/widow control, no heading at a page foot), then adds running headers and footers.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frame/document.h"
#include "text/paragraph.h"

namespace zb::layout {

/// Page size and margins in points.
struct PageSetup {
  double width = 595.276, height = 841.89;  // A4
  double margin_top = 62, margin_bottom = 62, margin_left = 58, margin_right = 58;
};

/// A simple table: a header row and body rows of cells, each cell a paragraph's spans (a span
/// that is exactly "\n" starts another paragraph: a label over its translation, say). Each row stays whole
/// on a page; the header and spanning rows stay with the row after them.
struct Table {
  std::vector<double> column_fractions;                    ///< widths as fractions of the measure
  std::vector<std::vector<std::vector<text::Span>>> rows;  ///< rows[0] is the header if `header`
  std::vector<text::Align> align;                          ///< per column
  bool zh = false;
  bool header = true;  ///< rows[0] is a header row
  /// Rows whose one cell runs across the whole table (a topic's heading), by index.
  std::vector<std::size_t> spanning;
  double line_height = 14;
  double padding = 4;
  frame::Color rule{0.55, 0.58, 0.62};
  std::optional<frame::Color> header_fill = frame::Color{0.93, 0.95, 0.97};
  double rule_width = 0.4;      ///< between body rows (the header's and a spanning row's: twice that)
  bool keep_with_next = false;  ///< the last row stays on the page of what follows (its notes)
  /// Set at the top of a page the table continues on (its body rows, not the first): the
  /// header again, "指标（续）/ Figure (cont.)" say. Empty: nothing is repeated.
  std::vector<std::vector<text::Span>> continued_header;
  /// Under the repeated header, the topic continued ("人才（续）/ Talent (cont.)"), if any.
  std::vector<text::Span> continued_topic;
};

/// Running header and footer, drawn on every page after pagination.
struct Running {
  std::vector<text::Span> header_left;   ///< e.g. the zone name
  std::vector<text::Span> header_right;  ///< e.g. "简报 · Briefing"
  /// Makes the footer for page n of m (1-based), e.g. "第 2 页，共 4 页 · Page 2 of 4".
  std::function<std::vector<text::Span>(int n, int m)> footer;
  frame::Color rule{0.75, 0.78, 0.82};
};

/// How Flow::finish paginates: `gap_scale` scales the space before every block; a page also
/// starts at box `break_before` (moving a short last page's lines back onto it).
struct Pagination {
  double gap_scale = 1.0;
  std::size_t break_before = static_cast<std::size_t>(-1);
};

class Flow {
 public:
  Flow(const text::FontBook& fonts, PageSetup page, text::TextContext ctx);

  /// Width of the text measure (page width less margins).
  double measure() const { return page_.width - page_.margin_left - page_.margin_right; }
  const text::FontBook& fonts() const { return fonts_; }

  /// The context used in missing-glyph errors for what is added next (e.g. the field path).
  void set_context(text::TextContext ctx) { ctx_ = std::move(ctx); }

  /// A heading: kept with the next two lines; registers a bookmark when `bookmark` is non-empty.
  void heading(std::vector<text::Span> spans, text::ParagraphStyle style, std::string bookmark, int level,
               double space_before, double space_after);
  /// A paragraph, split across pages by lines with orphan and widow control.
  void paragraph(std::vector<text::Span> spans, text::ParagraphStyle style, double space_before, double space_after,
                 bool keep_with_next = false);
  /// A bulleted list item: the bullet hangs in the indent.
  /// `keep_with_next`: the whole item stays on the page of what follows (a translation, say).
  void bullet(std::vector<text::Span> spans, text::ParagraphStyle style, text::Span bullet, double space_before,
              bool keep_with_next = false);
  void table(const Table& t, double space_before, double space_after);
  /// A horizontal rule across the measure.
  void rule(frame::Color color, double width, double space_before, double space_after);
  /// Items drawn in a fixed-height box (e.g. a chart), kept whole on one page.
  void box(double height, std::vector<frame::Item> items, double space_before, double space_after, bool keep_with_next);
  /// Two paragraphs side by side (Chinese left, English right, say), top-aligned in one block
  /// that stays whole on a page; each column is (measure - gap) / 2 wide. A non-empty `bookmark`
  /// is registered at the block. `keep_with_next` for headings.
  void columns(std::vector<text::Span> left, text::ParagraphStyle left_style, std::vector<text::Span> right,
               text::ParagraphStyle right_style, double space_before, double space_after, bool keep_with_next = false,
               std::string bookmark = "", int level = 0, std::optional<text::Span> bullet = std::nullopt);
  /// Starts a new page unless the current one is empty.
  void page_break();

  /// Paginates everything added so far and returns the document (fonts from the font book),
  /// and when asked the index of the first box on each page. The flow is left as it was, so it
  /// can be paginated again otherwise (copyfitting a short last page).
  frame::Document finish(frame::Info info, const Running& running, const Pagination& how = {},
                         std::vector<std::size_t>* page_starts = nullptr) const;
  /// Whether a page may start at box k (what comes before it is not kept with it).
  bool breakable_before(std::size_t k) const;
  /// Adds the running header and footer to every page of `doc`, in this flow's page setup (a
  /// meeting pack stamps its pages, its zones' included, once they are all together).
  void draw_running(frame::Document& doc, const Running& running) const;

 private:
  struct Box {
    double height = 0;
    double space_before = 0;
    bool keep_with_next = false;
    bool page_break = false;
    std::vector<frame::Item> items;  // y relative to the box top
    std::vector<frame::Link> links;
    std::optional<frame::Bookmark> bookmark;
    text::TextContext ctx;                 // what it shows, for errors found while paginating
    std::shared_ptr<const Box> continued;  // set first when this box starts a page (a table's header)
  };
  /// A table row as a box: its cells' paragraphs stacked, rules under it (and over it when `top`).
  Box table_row(const Table& t, const std::vector<std::vector<text::Span>>& row, std::size_t r, bool header,
                bool spanning, bool top) const;
  /// Appends `b`, remembering the current context with it.
  void push(Box b);
  class Paginator;  // finish()'s pagination pass (flow.cpp)

  /// Lays out a paragraph at `style.width` clamped to the measure (the measure when 0).
  text::LaidParagraph lay_out(std::vector<text::Span> spans, text::ParagraphStyle style) const;
  void add_lines(const text::LaidParagraph& p, double left, double space_before, double space_after,
                 bool keep_first_with_next, const std::optional<text::Span>& bullet);
  /// Boxes from `first` on stay on the page of what follows them.
  void keep_with_next_from(std::size_t first);
  /// Draws `bullet` hanging in `style.indent` left of a first line at `left`, ending 4 pt before
  /// the text, on the line's baseline (points).
  void hang_bullet(const text::Span& bullet, const text::ParagraphStyle& style, double left, double baseline,
                   std::vector<frame::Item>& items, std::vector<frame::Link>& links) const;
  /// One running line (header or footer part) with its baseline at `baseline`; further lines
  /// stack away from the text area.
  void draw_running_line(const std::vector<text::Span>& spans, text::Align align, double baseline,
                         std::vector<frame::Item>& items, std::vector<frame::Link>& links) const;

  const text::FontBook& fonts_;
  PageSetup page_;
  text::TextContext ctx_;
  std::vector<Box> boxes_;
};

}  // namespace zb::layout
