// Flow: boxes (one per line, row or figure) and a pagination pass over them.
#include "layout/flow.h"

#include <algorithm>

#include "base/diagnostics.h"
#include "text/script.h"

namespace zb::layout {
namespace {

frame::Path hline(double x0, double x1, double y, frame::Color c, double w) {
  frame::Path p;
  p.ops.push_back({frame::PathOp::Kind::move, {{x0, y}}});
  p.ops.push_back({frame::PathOp::Kind::line, {{x1, y}}});
  p.stroke = frame::Stroke{c, w};
  return p;
}

frame::Path rect(double x, double y, double w, double h, frame::Color fill) {
  frame::Path p;
  p.ops.push_back({frame::PathOp::Kind::move, {{x, y}}});
  p.ops.push_back({frame::PathOp::Kind::line, {{x + w, y}}});
  p.ops.push_back({frame::PathOp::Kind::line, {{x + w, y + h}}});
  p.ops.push_back({frame::PathOp::Kind::line, {{x, y + h}}});
  p.ops.push_back({frame::PathOp::Kind::close, {}});
  p.fill = fill;
  return p;
}

}  // namespace

Flow::Flow(const text::FontBook& fonts, PageSetup page, text::TextContext ctx)
    : fonts_(fonts), page_(page), ctx_(std::move(ctx)) {}

void Flow::push(Box b) {
  b.ctx = ctx_;
  boxes_.push_back(std::move(b));
}

void Flow::add_lines(const text::LaidParagraph& p, double left, double space_before, double space_after,
                     bool keep_first_with_next, const std::optional<text::Span>& bullet) {
  const std::size_t n = p.lines.size();
  double size = p.spans.empty() ? 10 : p.spans.front().size;
  for (std::size_t i = 0; i < n; ++i) {
    Box b;
    b.height = p.style.line_height + (i + 1 == n ? space_after : 0);
    b.space_before = i == 0 ? space_before : 0;
    // Orphan control (first line stays with the second), widow control (last two together).
    b.keep_with_next = (i == 0 && (n > 1 || keep_first_with_next)) || (n >= 3 && i + 2 == n);
    double baseline = text::baseline_in_line(fonts_, p.style.line_height, size);
    text::emit_line(p, i, left, baseline, b.items, b.links);
    if (i == 0 && bullet) hang_bullet(*bullet, p.style, left, baseline, b.items, b.links);
    push(std::move(b));
  }
}

text::LaidParagraph Flow::lay_out(std::vector<text::Span> spans, text::ParagraphStyle style) const {
  style.width = style.width > 0 ? std::min(style.width, measure()) : measure();
  return text::layout_paragraph(fonts_, std::move(spans), style, ctx_);
}

void Flow::keep_with_next_from(std::size_t first) {
  for (std::size_t i = first; i < boxes_.size(); ++i) boxes_[i].keep_with_next = true;
}

void Flow::hang_bullet(const text::Span& bullet, const text::ParagraphStyle& style, double left, double baseline,
                       std::vector<frame::Item>& items, std::vector<frame::Link>& links) const {
  // It is never wrapped or cut: one line exactly as wide as the bullet.
  double w = text::measure(fonts_, bullet, style.zh, ctx_);
  text::ParagraphStyle bs;
  bs.width = w + 1;
  auto lp = text::layout_paragraph(fonts_, {bullet}, bs, ctx_);
  text::emit_line(lp, 0, left + std::max(0.0, style.indent - 4 - w), baseline, items, links);
}

void Flow::heading(std::vector<text::Span> spans, text::ParagraphStyle style, std::string bookmark, int level,
                   double space_before, double space_after) {
  style.balance = true;  // a title over several lines: lines of similar length, no lone word
  auto p = lay_out(std::move(spans), style);
  std::size_t first = boxes_.size();
  add_lines(p, page_.margin_left, space_before, space_after, /*keep_first_with_next=*/true, std::nullopt);
  keep_with_next_from(first);
  if (!bookmark.empty()) boxes_[first].bookmark = frame::Bookmark{std::move(bookmark), level, 0, 0};
}

void Flow::paragraph(std::vector<text::Span> spans, text::ParagraphStyle style, double space_before, double space_after,
                     bool keep_with_next) {
  auto p = lay_out(std::move(spans), style);
  std::size_t first = boxes_.size();
  add_lines(p, page_.margin_left, space_before, space_after, false, std::nullopt);
  if (keep_with_next) keep_with_next_from(first);
}

void Flow::bullet(std::vector<text::Span> spans, text::ParagraphStyle style, text::Span bullet, double space_before,
                  bool keep_with_next) {
  auto p = lay_out(std::move(spans), style);
  std::size_t first = boxes_.size();
  add_lines(p, page_.margin_left, space_before, 0, false, bullet);
  if (keep_with_next) keep_with_next_from(first);
}

namespace {

/// A table cell's spans as paragraphs: a span that is exactly "\n" ends one (empty ones dropped).
std::vector<std::vector<text::Span>> split_paragraphs(const std::vector<text::Span>& cell) {
  std::vector<std::vector<text::Span>> out(1);
  for (const auto& s : cell) {
    if (s.text == "\n")
      out.emplace_back();
    else
      out.back().push_back(s);
  }
  std::erase_if(out, [](const auto& p) { return p.empty(); });
  return out;
}

}  // namespace

Flow::Box Flow::table_row(const Table& t, const std::vector<std::vector<text::Span>>& row, std::size_t r, bool header,
                          bool spanning, bool top) const {
  const double x0 = page_.margin_left, total = measure();
  std::vector<double> widths, lefts;
  double acc = 0;
  for (double f : t.column_fractions) {
    lefts.push_back(x0 + acc);
    widths.push_back(f * total);
    acc += f * total;
  }
  if (row.size() > widths.size() || (spanning && row.size() > 1))
    throw base::Error(
        ctx_.diagnostic("expected at most " + std::to_string(spanning ? 1 : widths.size()) + " cells in a table row",
                        std::to_string(row.size()) + " cells in row " + std::to_string(r + 1)));
  // Each cell: its paragraphs (split at "\n" spans), stacked.
  std::vector<std::vector<text::LaidParagraph>> cells;
  std::size_t lines = 1;
  for (std::size_t c = 0; c < row.size(); ++c) {
    text::ParagraphStyle st;
    st.width = (spanning ? acc : widths[c]) - 2 * t.padding;
    st.line_height = t.line_height;
    st.align = !spanning && c < t.align.size() ? t.align[c] : text::Align::left;
    cells.emplace_back();
    std::size_t cell_lines = 0;
    for (auto& spans : split_paragraphs(row[c])) {
      st.zh = spans.front().zh.value_or(t.zh);
      cells.back().push_back(text::layout_paragraph(fonts_, std::move(spans), st, ctx_));
      cell_lines += cells.back().back().lines.size();
    }
    lines = std::max(lines, cell_lines);
  }
  Box b;
  b.height = static_cast<double>(lines) * t.line_height + 2 * t.padding;
  if (header && t.header_fill) b.items.push_back(rect(x0, 0, acc, b.height, *t.header_fill));
  for (std::size_t c = 0; c < cells.size(); ++c) {
    double line = 0;
    for (const auto& p : cells[c]) {
      const double size = p.spans.empty() ? 10 : p.spans.front().size;
      for (std::size_t i = 0; i < p.lines.size(); ++i, ++line)
        text::emit_line(p, i, lefts[c] + t.padding,
                        t.padding + line * t.line_height + text::baseline_in_line(fonts_, t.line_height, size), b.items,
                        b.links);
    }
  }
  const bool strong = header || spanning;
  b.items.push_back(hline(x0, x0 + acc, b.height, t.rule, strong ? 2 * t.rule_width : t.rule_width));
  if (top) b.items.push_back(hline(x0, x0 + acc, 0, t.rule, 2 * t.rule_width));
  b.ctx = ctx_;
  return b;
}

void Flow::table(const Table& t, double space_before, double space_after) {
  std::shared_ptr<const Box> continued;
  if (!t.continued_header.empty()) {
    Box heads = table_row(t, t.continued_header, 0, true, false, true);
    if (!t.continued_topic.empty()) {  // the topic's row under the heads, as one box
      Box topic = table_row(t, {t.continued_topic}, 1, false, true, false);
      heads.items.push_back(frame::Group{{0, heads.height}, std::move(topic.items), std::move(topic.links)});
      heads.height += topic.height;
    }
    continued = std::make_shared<const Box>(std::move(heads));
  }
  auto is_spanning = [&](std::size_t r) {
    return std::find(t.spanning.begin(), t.spanning.end(), r) != t.spanning.end();
  };
  std::size_t first_body = t.header ? 1 : 0;
  while (first_body < t.rows.size() && is_spanning(first_body)) ++first_body;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool header = t.header && r == 0;
    const bool spanning = is_spanning(r);
    Box b = table_row(t, t.rows[r], r, header, spanning, r == 0);
    b.space_before = r == 0 ? space_before : 0;
    // A header or a topic stays with the row after it, the first body row with the second (a
    // table never starts with one row at a page foot), the last but one with the last (nor ends
    // with one alone), and the last, if asked, with what follows.
    const std::size_t n = t.rows.size();
    b.keep_with_next =
        header || spanning || (r == first_body && r + 1 < n) || r + 2 == n || (t.keep_with_next && r + 1 == n);
    if (!header) b.continued = continued;
    if (r + 1 == t.rows.size()) b.height += space_after;
    push(std::move(b));
  }
}

void Flow::rule(frame::Color color, double width, double space_before, double space_after) {
  Box b;
  b.space_before = space_before;
  b.height = width + space_after;
  b.items.push_back(hline(page_.margin_left, page_.margin_left + measure(), width / 2, color, width));
  push(std::move(b));
}

void Flow::box(double height, std::vector<frame::Item> items, double space_before, double space_after,
               bool keep_with_next) {
  Box b;
  b.height = height + space_after;
  b.space_before = space_before;
  b.keep_with_next = keep_with_next;
  b.items = std::move(items);
  push(std::move(b));
}

void Flow::columns(std::vector<text::Span> left, text::ParagraphStyle ls, std::vector<text::Span> right,
                   text::ParagraphStyle rs, double space_before, double space_after, bool keep_with_next,
                   std::string bookmark, int level, std::optional<text::Span> bullet) {
  const double gap = 18, col = (measure() - gap) / 2;
  ls.width = col;
  rs.width = col;
  Box b;
  b.space_before = space_before;
  b.keep_with_next = keep_with_next;
  double height = 0;
  for (int side = 0; side < 2; ++side) {
    auto& spans = side == 0 ? left : right;
    auto& st = side == 0 ? ls : rs;
    if (spans.empty()) continue;
    auto p = text::layout_paragraph(fonts_, std::move(spans), st, ctx_);
    double x = page_.margin_left + (side == 0 ? 0 : col + gap);
    double size = p.spans.front().size;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      double baseline = static_cast<double>(i) * st.line_height + text::baseline_in_line(fonts_, st.line_height, size);
      text::emit_line(p, i, x, baseline, b.items, b.links);
      if (i == 0 && bullet) hang_bullet(*bullet, st, x, baseline, b.items, b.links);
    }
    height = std::max(height, static_cast<double>(p.lines.size()) * st.line_height);
  }
  b.height = height + space_after;
  if (!bookmark.empty()) b.bookmark = frame::Bookmark{std::move(bookmark), level, 0, 0};
  push(std::move(b));
}

void Flow::page_break() {
  Box b;
  b.page_break = true;
  push(std::move(b));
}

/// finish()'s pagination pass: places the boxes page by page, each as one frame::Group at
/// {0, y}, and records bookmarks where they land.
class Flow::Paginator {
 public:
  Paginator(const Flow& flow, frame::Document& doc, const Pagination& how)
      : flow_(flow),
        doc_(doc),
        gap_scale_(how.gap_scale),
        break_before_(how.break_before),
        top_(flow.page_.margin_top),
        bottom_(flow.page_.height - flow.page_.margin_bottom),
        y_(top_) {}

  void place_all() {
    new_page();
    const auto& boxes = flow_.boxes_;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].page_break) {
        if (!empty_) new_page();
        continue;
      }
      check_fits_a_page(boxes[i]);
      if (!empty_ && (i == break_before_ || moves_to_next_page(i))) new_page();
      if (empty_) {
        page_starts_.push_back(i);
        // A table continued from the page before repeats its header first (when both fit).
        const auto& header = boxes[i].continued;
        if (header && doc_.pages.size() > 1 && header->height + boxes[i].height <= bottom_ - top_) place(*header, 0);
      }
      place(boxes[i], before(i));
    }
  }

  std::vector<std::size_t> page_starts() const { return page_starts_; }

 private:
  /// Scaled space before box k, points.
  double before(std::size_t k) const { return flow_.boxes_[k].space_before * gap_scale_; }

  void new_page() {
    frame::Page p;
    p.width = flow_.page_.width;
    p.height = flow_.page_.height;
    doc_.pages.push_back(std::move(p));
    y_ = top_;
    empty_ = true;
  }

  void check_fits_a_page(const Box& b) const {
    if (b.height > bottom_ - top_ + 1e-6)
      throw base::Error(b.ctx.diagnostic(
          "expected content that fits on one page (" + std::to_string(static_cast<int>(bottom_ - top_)) + " pt)",
          "a block " + std::to_string(static_cast<int>(b.height)) + " pt tall"));
  }

  /// Space and height of box i and of the keep-with-next group it starts (points).
  double group_height(std::size_t i) const {
    const auto& boxes = flow_.boxes_;
    double need = before(i) + boxes[i].height;
    for (std::size_t j = i; j + 1 < boxes.size() && boxes[j].keep_with_next && !boxes[j + 1].page_break; ++j)
      need += before(j + 1) + boxes[j + 1].height;
    return need;
  }

  /// Space and height of box i and, when it is kept with the next, of that box too (points).
  double pair_height(std::size_t i) const {
    const auto& boxes = flow_.boxes_;
    double pair = before(i) + boxes[i].height;
    if (boxes[i].keep_with_next && i + 1 < boxes.size() && !boxes[i + 1].page_break)
      pair += before(i + 1) + boxes[i + 1].height;
    return pair;
  }

  /// A keep-with-next group starting at box i moves to a new page whole when it does not fit
  /// but would fit on an empty page; that is how a heading never ends a page. A group too tall
  /// for any page still never leaves a box alone before the next one: it moves when the two do
  /// not fit together. And a box that does not fit moves anyway.
  bool moves_to_next_page(std::size_t i) const {
    const double need = group_height(i), pair = pair_height(i);
    const bool group_fits_empty = need - before(i) <= bottom_ - top_;
    const bool pair_fits_empty = pair - before(i) <= bottom_ - top_;
    return (y_ + need > bottom_ && group_fits_empty) || (!group_fits_empty && y_ + pair > bottom_ && pair_fits_empty) ||
           y_ + before(i) + flow_.boxes_[i].height > bottom_;
  }

  /// The box lands as one group at its place on the page; its contents keep their coordinates.
  void place(const Box& b, double space_before) {
    if (!empty_) y_ += space_before;
    doc_.pages.back().items.push_back(frame::Group{frame::Point{0, y_}, b.items, b.links});
    if (b.bookmark) {
      frame::Bookmark mark = *b.bookmark;
      mark.page = static_cast<int>(doc_.pages.size() - 1);
      mark.y = y_;
      doc_.bookmarks.push_back(std::move(mark));
    }
    y_ += b.height;
    empty_ = false;
  }

  const Flow& flow_;
  frame::Document& doc_;
  const double gap_scale_;
  const std::size_t break_before_;
  std::vector<std::size_t> page_starts_;  // the first box of each page
  const double top_, bottom_;
  double y_;
  bool empty_ = true;
};

frame::Document Flow::finish(frame::Info info, const Running& running, const Pagination& how,
                             std::vector<std::size_t>* page_starts) const {
  frame::Document doc;
  doc.fonts = fonts_.fonts();
  doc.info = std::move(info);
  Paginator paginator(*this, doc, how);
  paginator.place_all();
  if (page_starts) *page_starts = paginator.page_starts();
  draw_running(doc, running);
  return doc;
}

bool Flow::breakable_before(std::size_t k) const {
  return k > 0 && k < boxes_.size() && !boxes_[k - 1].keep_with_next && !boxes_[k].page_break;
}

void Flow::draw_running(frame::Document& doc, const Running& running) const {
  const int m = static_cast<int>(doc.pages.size());
  for (int n = 1; n <= m; ++n) {
    frame::Page& page = doc.pages[static_cast<std::size_t>(n - 1)];
    std::vector<frame::Item> items;
    // Header and footer sit in the margins, scaled to them.
    double header_base = page_.margin_top * 0.55;
    draw_running_line(running.header_left, text::Align::left, header_base, items, page.links);
    draw_running_line(running.header_right, text::Align::right, header_base, items, page.links);
    if (!running.header_left.empty() || !running.header_right.empty())
      items.push_back(hline(page_.margin_left, page_.margin_left + measure(), header_base + 6, running.rule, 0.5));
    if (running.footer)
      draw_running_line(running.footer(n, m), text::Align::center, page_.height - page_.margin_bottom * 0.4, items,
                        page.links);
    for (auto& it : items) page.items.push_back(std::move(it));
  }
}

void Flow::draw_running_line(const std::vector<text::Span>& spans, text::Align align, double baseline,
                             std::vector<frame::Item>& items, std::vector<frame::Link>& links) const {
  if (spans.empty()) return;
  text::ParagraphStyle st;
  st.width = measure();
  st.align = align;
  // Chinese rules when the line has Chinese in it; an English-only line keeps Latin
  // punctuation (its "·" from the Latin face, not a full-width one).
  st.zh = std::any_of(spans.begin(), spans.end(), [](const text::Span& sp) { return text::has_chinese(sp.text); });
  auto p = text::layout_paragraph(fonts_, spans, st, ctx_);
  double lh = spans.front().size * 1.3;
  // Lines stack away from the text area: footers downwards, headers upwards.
  bool header = baseline < page_.margin_top;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    double k = header ? -static_cast<double>(p.lines.size() - 1 - i) : static_cast<double>(i);
    text::emit_line(p, i, page_.margin_left, baseline + k * lh, items, links);
  }
}

}  // namespace zb::layout
