// Chart drawing: axes with nice ticks and a zero baseline, bars (vertical and horizontal),
// lines, rank paths, donuts and key-figure cards; labels never overlap or leave the chart.
#include "chart/charts.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "chart/geometry.h"
#include "model/layout.h"
#include "text/script.h"

namespace zb::chart {
namespace {

using text::Align;

bool overlaps(const frame::Rect& a, const frame::Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool inside(const frame::Rect& r, double w, double h) {
  return r.x >= -0.01 && r.y >= -0.01 && r.x + r.w <= w + 0.01 && r.y + r.h <= h + 0.01;
}

/// Places text into a chart and records its box.
class Painter {
 public:
  Painter(const text::FontBook& fonts, const text::TextContext& ctx, Chart& chart)
      : fonts_(fonts), ctx_(ctx), chart_(chart) {}

  text::RoleId role(const std::string& name) const { return fonts_.require_role(name); }
  /// FontBook::em_top(): label boxes start this far (× size) above their baseline.
  double em_top() const { return fonts_.em_top(); }

  double width(const std::string& s, const std::string& role_name, double size, bool zh) const {
    return text::measure(fonts_, text::Span{s, role(role_name), size}, zh, ctx_);
  }

  /// One line of text; x is its left, centre or right per `align`. Returns its box.
  frame::Rect text(const std::string& s, const std::string& role_name, double size, frame::Color color, double x,
                   double baseline, Align align, bool zh, bool record = true) {
    double w = width(s, role_name, size, zh);
    double left = align == Align::center ? x - w / 2 : align == Align::right ? x - w : x;
    text::ParagraphStyle st;
    st.width = w + 1;
    st.zh = zh;
    auto p = text::layout_paragraph(fonts_, {text::Span{s, role(role_name), size, color}}, st, ctx_);
    std::vector<frame::Link> links;
    for (std::size_t i = 0; i < p.lines.size(); ++i) text::emit_line(p, i, left, baseline, chart_.items, links);
    frame::Rect box{left, baseline - size * fonts_.em_top(), w, size};
    if (record) chart_.labels.push_back(box);
    return box;
  }

  /// Text wrapped to `max_width`; returns the height used (lines × line height). A `mark`
  /// (a source marker, a note's letter) follows the text raised, in its own ink. `balance`: a
  /// title, its lines of similar length.
  double wrapped(const std::string& s, const std::string& role_name, double size, frame::Color color, double x,
                 double top, double max_width, Align align, bool zh, double line_height, const Mark& mark = {},
                 bool balance = false) {
    std::vector<text::Span> spans{text::Span{s, role(role_name), size, color}};
    if (!mark.text.empty())
      spans.push_back(text::Span{mark.text, role(role_name), std::max(model::kSmallestType, size * mark.scale), mark.ink,
                                 size * mark.rise});
    return wrapped(std::move(spans), size, x, top, max_width, align, zh, line_height, balance);
  }

  /// Spans wrapped to `max_width` (each may set its own language: an English text in a Chinese
  /// line keeps Latin quotes); returns the height used. `size`: the line's type size.
  double wrapped(std::vector<text::Span> spans, double size, double x, double top, double max_width, Align align,
                 bool zh, double line_height, bool balance = false) {
    text::ParagraphStyle st;
    st.width = std::max(max_width, size);
    st.zh = zh;
    st.balance = balance;
    st.align = align;
    st.line_height = line_height;
    auto p = text::layout_paragraph(fonts_, std::move(spans), st, ctx_);
    std::vector<frame::Link> links;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      double baseline = top + static_cast<double>(i) * line_height + (line_height - size) / 2 + size * fonts_.em_top();
      text::emit_line(p, i, x, baseline, chart_.items, links);
      double lw = p.lines[i].width;
      double left = align == Align::center ? x + (st.width - lw) / 2 : align == Align::right ? x + st.width - lw : x;
      chart_.labels.push_back(frame::Rect{left, baseline - size * fonts_.em_top(), lw, size});
    }
    return static_cast<double>(p.lines.size()) * line_height;
  }

  /// How many lines `s` takes at `max_width`.
  std::size_t line_count(const std::string& s, const std::string& role_name, double size, double max_width,
                         bool zh) const {
    text::ParagraphStyle st;
    st.width = std::max(max_width, size);
    st.zh = zh;
    return text::layout_paragraph(fonts_, {text::Span{s, role(role_name), size}}, st, ctx_).lines.size();
  }

 private:
  const text::FontBook& fonts_;
  const text::TextContext& ctx_;
  Chart& chart_;
};

std::string tick_label(double v, double step, Lang lang) {
  int decimals = 0;
  while (decimals < 6 && std::fabs(step * std::pow(10, decimals) - std::round(step * std::pow(10, decimals))) > 1e-9)
    ++decimals;
  const std::string s = fmt::format("{:.{}f}", std::fabs(v) < 1e-12 ? 0.0 : v, decimals);
  return lang == Lang::en ? group_thousands(s) : s;
}

/// Title (primary language, then the other), unit line; returns the y below them. The title is
/// the series' takeaway when it has one, and then its label follows as a subtitle.
double draw_header(Painter& paint, const model::Series& s, const Style& style, const Languages& langs, double width,
                   const std::string& unit_line) {
  double y = 0;
  const bool zh_first = langs.primary == Lang::zh;
  const model::Text& title = s.takeaway ? *s.takeaway : s.label;
  const std::string& first = zh_first ? title.zh : title.en;
  const std::string& second = zh_first ? title.en : title.zh;
  y += paint.wrapped(first, style.title_role, style.title_size, style.ink, 0, y, width, Align::left, zh_first,
                     style.title_size * 1.35, {}, true);
  if (langs.bilingual)
    y += paint.wrapped(second, style.label_role, style.subtitle_size, style.muted, 0, y, width, Align::left, !zh_first,
                       style.subtitle_size * 1.35, {}, true);
  if (s.takeaway) {  // the label as subtitle, "标签 / Label", each language by its own rules
    const text::RoleId role = paint.role(style.label_role);
    std::vector<text::Span> label{text::Span{zh_first ? s.label.zh : s.label.en, role, style.label_size, style.muted}};
    label.back().zh = zh_first;
    if (langs.bilingual) {
      label.push_back(text::Span{" / ", role, style.label_size, style.muted});
      label.push_back(text::Span{zh_first ? s.label.en : s.label.zh, role, style.label_size, style.muted});
      label.back().zh = !zh_first;
    }
    y += paint.wrapped(std::move(label), style.label_size, 0, y + 2, width, Align::left, zh_first,
                       style.label_size * 1.4) + 2;
  }
  if (!unit_line.empty())
    y += paint.wrapped(unit_line, style.label_role, style.label_size, style.muted, 0, y + 2, width, Align::left, true,
                       style.label_size * 1.4) + 2;
  return y + 4;
}

/// The source note under a chart: one paragraph per language ('\n' separates them), each set by
/// its own language's rules, so "来源" and "Source" each start a line.
double draw_source(Painter& paint, const std::string& source, const Style& style, double width, double top) {
  if (source.empty()) return top;
  double y = top + 4;
  std::size_t from = 0;
  while (from <= source.size()) {
    std::size_t to = source.find('\n', from);
    if (to == std::string::npos) to = source.size();
    std::string part = source.substr(from, to - from);
    if (!part.empty()) {
      const bool zh = text::starts_chinese(part);
      y += paint.wrapped(part, style.label_role, style.source_size, style.muted, 0, y, width, Align::left, zh,
                         style.source_size * 1.4);
    }
    from = to + 1;
  }
  return y;
}

/// "单位：亿元 · Unit: CNY 100 million": the one scale of the chart's numbers, in each language shown.
std::string unit_line(const model::Series& s, const Languages& langs, int shift) {
  std::string zh = scale_unit(s.unit, Lang::zh, shift), en = scale_unit(s.unit, Lang::en, shift);
  std::string zh_part = zh.empty() ? "" : "单位：" + zh;
  std::string en_part = en.empty() ? "" : "Unit: " + en;
  if (!langs.bilingual) return langs.primary == Lang::zh ? zh_part : en_part;
  if (zh_part.empty()) return "";
  return langs.primary == Lang::zh ? zh_part + " · " + en_part : en_part + " · " + zh_part;
}

const model::Number& largest(const model::Series& s) {
  const model::Number* best = &s.points.front().y;
  for (const auto& p : s.points)
    if (std::fabs(p.y.value) > std::fabs(best->value)) best = &p.y;
  return *best;
}

/// Label candidates placed in priority order, skipping any that would overlap a placed label
/// or leave the chart.
struct LabelPlan {
  std::size_t index;
  std::string text;
  double x, baseline;
  Align align;
  std::optional<double> alt_baseline;  ///< tried when the first position is taken or crossed by the line
};

/// True when the segment a–b passes through `r` (sampled every half point).
bool crosses(const frame::Point& a, const frame::Point& b, const frame::Rect& r) {
  double len = std::hypot(b.x - a.x, b.y - a.y);
  int steps = std::max(1, static_cast<int>(len * 2));
  for (int i = 0; i <= steps; ++i) {
    double t = static_cast<double>(i) / steps;
    double x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
    if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
  }
  return false;
}

void place_labels(Painter& paint, const std::vector<LabelPlan>& plans, const Style& style, bool zh,
                  const std::vector<frame::Rect>& obstacles, double chart_w, double chart_h,
                  const std::vector<frame::Point>& line = {}) {
  std::vector<frame::Rect> placed = obstacles;
  for (const auto& p : plans) {
    double w = paint.width(p.text, style.value_role, style.value_size, zh);
    double left = p.align == Align::center ? p.x - w / 2 : p.align == Align::right ? p.x - w : p.x;
    for (std::optional<double> baseline : {std::optional<double>(p.baseline), p.alt_baseline}) {
      if (!baseline) continue;
      frame::Rect box{left - 1, *baseline - style.value_size * paint.em_top() - 0.5, w + 2, style.value_size + 1};
      if (!inside(box, chart_w, chart_h)) continue;
      if (std::any_of(placed.begin(), placed.end(), [&](const frame::Rect& r) { return overlaps(r, box); })) continue;
      bool crossed = false;
      for (std::size_t k = 0; k + 1 < line.size() && !crossed; ++k) crossed = crosses(line[k], line[k + 1], box);
      if (crossed) continue;
      paint.text(p.text, style.value_role, style.value_size, style.ink, p.x, *baseline, p.align, zh);
      placed.push_back(box);
      break;
    }
  }
}

/// Priority of value labels: last, max, min, first, then the rest left to right.
std::vector<std::size_t> label_order(const model::Series& s, bool lower_is_better = false) {
  const std::size_t n = s.points.size();
  std::vector<std::size_t> order;
  auto push = [&](std::size_t i) {
    if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
  };
  push(n - 1);
  std::size_t imax = 0, imin = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (s.points[i].y.value > s.points[imax].y.value) imax = i;
    if (s.points[i].y.value < s.points[imin].y.value) imin = i;
  }
  push(lower_is_better ? imin : imax);
  push(lower_is_better ? imax : imin);
  push(0);
  for (std::size_t i = 0; i < n; ++i) push(i);
  return order;
}

// ---- vertical charts: bar, line, rank ----------------------------------------------------------

/// The series' values in the chart's one scale (divided by 10^-shift).
std::vector<double> scaled_values(const model::Series& s, int shift) {
  const double scale = std::pow(10.0, shift);
  std::vector<double> ys;
  for (const auto& p : s.points) ys.push_back(p.y.value * scale);
  return ys;
}

/// The plot area of a vertical chart: its ticks and where values and points land (points, from
/// the chart's top-left).
struct VerticalPlot {
  bool rank = false;  ///< a rank axis: 1 at the top
  std::vector<double> ticks;
  std::vector<std::string> tick_texts;
  double t0 = 0, t1 = 0, step = 1;    ///< first and last tick, tick step (chart scale)
  double x = 0, w = 0, band = 0;      ///< left edge, width, width per point
  double top = 0, h = 0, bottom = 0;  ///< top gridline, gridline span, bottom with the footroom

  /// The y of value `v` (chart scale).
  double y_of(double v) const {
    if (rank) return top + (v - t0) / (t1 - t0) * h;  // 1 at the top
    return top + h - (v - t0) / (t1 - t0) * h;
  }
  /// The centre x of point `i`.
  double x_of(std::size_t i) const { return x + band * (static_cast<double>(i) + 0.5); }
};

/// Ticks for the scaled values `ys`: ranks from 1 down; otherwise nice ticks with zero, one more
/// step above a largest value that would sit on (or just under) the top gridline, as if the axis
/// had been cut to the data.
std::vector<double> vertical_ticks(const std::vector<double>& ys, bool rank) {
  const double lo = *std::min_element(ys.begin(), ys.end()), hi = *std::max_element(ys.begin(), ys.end());
  std::vector<double> ticks;
  if (rank) {
    ticks = nice_ticks(1, std::max(hi, 2.0), 4);
    ticks.erase(std::remove_if(ticks.begin(), ticks.end(), [](double t) { return t < 1; }), ticks.end());
    if (ticks.empty() || ticks.front() != 1) ticks.insert(ticks.begin(), 1);
  } else {
    ticks = nice_ticks(lo, hi, 5);
    const double span = ticks.back() - ticks.front(), st = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    if (hi > 0 && hi > ticks.back() - 0.06 * span) ticks.push_back(std::round((ticks.back() + st) * 1e9) / 1e9);
  }
  return ticks;
}

/// Lays out the plot: ticks and their texts, a left gutter for the widest of them, bands per
/// point (a few bars make a compact chart: bands of at most 84 pt and a lower plot, so two values
/// do not fill a page width), headroom for value labels above and, when a bar hangs below zero,
/// footroom for its label.
VerticalPlot vertical_plot(const Painter& paint, const std::vector<double>& ys, model::ChartKind kind, const Style& style,
                           Lang lang, double width, double top) {
  VerticalPlot plot;
  plot.rank = kind == model::ChartKind::rank;
  plot.ticks = vertical_ticks(ys, plot.rank);
  plot.t0 = plot.ticks.front();
  plot.t1 = plot.ticks.back();
  plot.step = plot.ticks.size() > 1 ? plot.ticks[1] - plot.ticks[0] : 1;
  const bool zh = lang == Lang::zh;
  double gutter = 0;
  for (double t : plot.ticks) {
    std::string label = plot.rank ? (zh ? "第" + tick_label(t, plot.step, Lang::zh) + "位" : ordinal(tick_label(t, 1, Lang::zh)))
                                  : tick_label(t, plot.step, lang);
    gutter = std::max(gutter, paint.width(label, style.label_role, style.label_size, zh));
    plot.tick_texts.push_back(std::move(label));
  }
  gutter += 5;
  const std::size_t n = ys.size();
  const bool few = kind == model::ChartKind::bar && n <= 4;
  plot.x = gutter;
  plot.w = few ? std::min(width - gutter - 2, 84.0 * static_cast<double>(n)) : width - gutter - 2;
  plot.band = plot.w / static_cast<double>(n);
  const double headroom = style.value_size + 6;
  plot.h = few ? std::clamp(width * 0.22, 80.0, 105.0) : std::clamp(width * 0.34, 90.0, 170.0);
  plot.h *= style.plot_scale;
  plot.top = top + headroom;
  const double lo = *std::min_element(ys.begin(), ys.end());
  const double footroom = (!plot.rank && lo < 0) ? style.value_size + 6 : 0;
  plot.bottom = plot.top + plot.h + footroom;
  return plot;
}

/// How a vertical chart's x labels are set: bilingual categories take a line per language; they
/// wrap to the band and are thinned out when crowded.
struct XLabels {
  bool two_line = false;   ///< a line (or lines) per language
  std::size_t every = 1;   ///< a label at every `every`-th point
  double width = 0;        ///< of each label, points
  double line_height = 0;  ///< points
  double area = 0;         ///< the height under the plot they take, points
};

XLabels plan_x_labels(const Painter& paint, const model::Series& s, const Style& style, const Languages& langs,
                      double band) {
  const bool zh = langs.primary == Lang::zh;
  XLabels xl;
  xl.two_line = langs.bilingual && std::any_of(s.points.begin(), s.points.end(), [](const auto& p) { return p.x_bilingual; });
  double widest = 0;
  for (const auto& p : s.points)
    widest = std::max(widest, paint.width(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, zh));
  xl.every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((std::min(widest, band * 3) + 6) / band)));
  xl.width = std::max(band * static_cast<double>(xl.every) - 4, style.label_size * 2);
  std::size_t lines = 1;
  for (const auto& p : s.points)
    lines = std::max(lines, paint.line_count(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, xl.width, zh));
  lines = std::min<std::size_t>(lines, 3);
  xl.line_height = style.label_size * 1.3;
  xl.area = xl.line_height * static_cast<double>(lines) * (xl.two_line ? 2 : 1) + 4;
  return xl;
}

/// Gridlines (the zero line darker) and their tick labels right-aligned in the gutter.
void draw_grid(Painter& paint, Chart& chart, const VerticalPlot& plot, const Style& style, bool zh) {
  PathBuilder pb;
  for (std::size_t k = 0; k < plot.ticks.size(); ++k) {
    double y = plot.y_of(plot.ticks[k]);
    bool zero = !plot.rank && std::fabs(plot.ticks[k]) < 1e-12;
    chart.items.push_back(pb.line(plot.x, y, plot.x + plot.w, y)
                              .take(std::nullopt, frame::Stroke{zero ? style.axis : style.grid, zero ? 0.8 : 0.4}));
    paint.text(plot.tick_texts[k], style.label_role, style.label_size, style.muted, plot.x - 4,
               y + style.label_size * 0.35, Align::right, zh);
  }
}

/// Bars from the zero line (rounded at their outer end); returns their boxes, which value labels
/// must not cover.
std::vector<frame::Rect> draw_bars(Chart& chart, const VerticalPlot& plot, const std::vector<double>& ys,
                                   const Style& style) {
  PathBuilder pb;
  std::vector<frame::Rect> obstacles;
  const double bw = std::max(2.0, std::min(plot.band * 0.62, 36.0));
  const double zero_y = plot.y_of(std::clamp(0.0, plot.t0, plot.t1));
  for (std::size_t i = 0; i < ys.size(); ++i) {
    double y = plot.y_of(ys[i]);
    bool neg = ys[i] < 0;
    double x = plot.x_of(i) - bw / 2;
    chart.items.push_back(pb.rect(x, std::min(y, zero_y), bw, std::fabs(zero_y - y), std::min(2.0, bw / 4), !neg, neg)
                              .take(neg ? style.negative : style.palette.front()));
    obstacles.push_back(frame::Rect{x, std::min(y, zero_y) + 0.6, bw, std::max(0.0, std::fabs(zero_y - y) - 1.2)});
  }
  return obstacles;
}

/// The points of a line or rank chart.
std::vector<frame::Point> line_points(const VerticalPlot& plot, const std::vector<double>& ys) {
  std::vector<frame::Point> pts;
  for (std::size_t i = 0; i < ys.size(); ++i) pts.push_back({plot.x_of(i), plot.y_of(ys[i])});
  return pts;
}

/// The line and a marker per point (larger at the ends; filled at the ends of a rank path);
/// returns the markers' boxes, which value labels must not cover.
std::vector<frame::Rect> draw_line(Chart& chart, const VerticalPlot& plot, const std::vector<double>& ys,
                                   const Style& style) {
  PathBuilder pb;
  std::vector<frame::Rect> obstacles;
  const frame::Color main = style.palette.front();
  const std::vector<frame::Point> pts = line_points(plot, ys);
  const std::size_t n = pts.size();
  chart.items.push_back(pb.polyline(pts).take(std::nullopt, frame::Stroke{main, 1.6}));
  for (std::size_t i = 0; i < n; ++i) {
    bool ends = i == 0 || i + 1 == n;
    double r = ends ? 3.0 : 2.2;
    chart.items.push_back(pb.circle(pts[i].x, pts[i].y, r).take(ends && plot.rank ? main : frame::Color{1, 1, 1},
                                                                frame::Stroke{main, 1.2}));
    obstacles.push_back(frame::Rect{pts[i].x - r, pts[i].y - r, 2 * r, 2 * r});
  }
  return obstacles;
}

/// Value labels above the points (below negative bars; under rank points, which go up), in
/// label_order's priority, without overlaps and above the x labels (placed after them).
void draw_value_labels(Painter& paint, const model::Series& s, const VerticalPlot& plot,
                       const std::vector<double>& ys, model::ChartKind kind, int shift, const Style& style,
                       const Languages& langs, double width, const std::vector<frame::Rect>& obstacles) {
  const bool bar = kind == model::ChartKind::bar;
  std::vector<LabelPlan> plans;
  for (std::size_t i : label_order(s, plot.rank)) {
    std::string label = plot.rank ? format_value(s.points[i].y, s.unit, langs.primary).text
                                  : format_number(s.points[i].y, shift, langs.primary);
    double y = plot.y_of(ys[i]);
    double below = y + style.value_size + 4;
    double above = y - 4;
    if (bar) plans.push_back({i, label, plot.x_of(i), ys[i] < 0 ? below : above, Align::center, std::nullopt});
    else if (plot.rank) plans.push_back({i, label, plot.x_of(i), below + 1, Align::center, above - 1});
    else plans.push_back({i, label, plot.x_of(i), above - 1, Align::center, below + 1});
  }
  const double chart_h_so_far = plot.bottom + 1;
  const std::vector<frame::Point> line = bar ? std::vector<frame::Point>{} : line_points(plot, ys);
  place_labels(paint, plans, style, langs.primary == Lang::zh, obstacles, width, chart_h_so_far, line);
}

/// X labels left to right, centred under their points; one that would touch the previous is
/// left out.
void draw_x_labels(Painter& paint, const model::Series& s, const VerticalPlot& plot, const XLabels& xl,
                   const Style& style, bool zh, double width) {
  double last_right = -1e9;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    if (i % xl.every != 0) continue;
    const auto& p = s.points[i];
    double left = std::clamp(plot.x_of(i) - xl.width / 2, 0.0, width - xl.width);
    if (left < last_right + 2) continue;
    last_right = left + xl.width;
    double y = plot.bottom + 3;
    const std::string& first = zh ? p.x.zh : p.x.en;
    y += paint.wrapped(first, style.label_role, style.label_size, style.ink, left, y, xl.width, Align::center, zh,
                       xl.line_height);
    if (xl.two_line && p.x_bilingual)
      paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, left, y, xl.width,
                    Align::center, !zh, xl.line_height);
  }
}

/// What a rank chart says changed, from its first to its last point: "48 → 6, up 42 places", in
/// green when it rose. Returns the y below it.
double draw_rank_change(Painter& paint, const model::Series& s, const Style& style, const Languages& langs,
                        double width, double bottom) {
  const bool zh = langs.primary == Lang::zh;
  const auto& a = s.points.front().y;
  const auto& b = s.points.back().y;
  long diff = std::lround(a.value - b.value);
  std::string zh_text = "第" + a.literal + "位 → 第" + b.literal + "位，" +
                        (diff >= 0 ? "提升" + std::to_string(diff) + "位" : "下降" + std::to_string(-diff) + "位");
  std::string en_text = format_value(a, s.unit, Lang::en).text + " → " + format_value(b, s.unit, Lang::en).text + ", " +
                        (diff >= 0 ? "up " : "down ") + std::to_string(std::labs(diff)) + (std::labs(diff) == 1 ? " place" : " places");
  std::string line = !langs.bilingual ? (zh ? zh_text : en_text) : (zh ? zh_text + " · " + en_text : en_text + " · " + zh_text);
  bottom += 2 + paint.wrapped(line, style.value_role, style.label_size + 0.5, diff >= 0 ? style.palette[2] : style.negative,
                              0, bottom + 2, width, Align::left, zh, (style.label_size + 0.5) * 1.4);
  return bottom;
}

/// Bar, line and rank charts: header, grid, bars or line, value labels, x labels, the change of a
/// rank, the source.
Chart draw_vertical(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                    const Style& style, const Languages& langs, const text::TextContext& ctx, model::ChartKind kind) {
  Chart chart;
  chart.width = width;
  chart.kind = kind;
  Painter paint(fonts, ctx, chart);
  const bool zh = langs.primary == Lang::zh;
  const int shift = axis_shift(s.unit, langs.primary, largest(s));
  const double top = draw_header(paint, s, style, langs, width, unit_line(s, langs, shift));
  const std::vector<double> ys = scaled_values(s, shift);
  const VerticalPlot plot = vertical_plot(paint, ys, kind, style, langs.primary, width, top);
  const XLabels xl = plan_x_labels(paint, s, style, langs, plot.band);

  draw_grid(paint, chart, plot, style, zh);
  const std::vector<frame::Rect> obstacles =
      kind == model::ChartKind::bar ? draw_bars(chart, plot, ys, style) : draw_line(chart, plot, ys, style);
  draw_value_labels(paint, s, plot, ys, kind, shift, style, langs, width, obstacles);
  draw_x_labels(paint, s, plot, xl, style, zh, width);
  double bottom = plot.bottom + xl.area;
  // The change in rank, unless the series' takeaway (its title) already states the point.
  if (plot.rank && s.points.size() >= 2 && !s.takeaway) bottom = draw_rank_change(paint, s, style, langs, width, bottom);
  chart.height = draw_source(paint, source, style, width, bottom) + 2;
  return chart;
}

// ---- horizontal bars -----------------------------------------------------------------------------

Chart draw_hbar(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                const Style& style, const Languages& langs, const text::TextContext& ctx) {
  Chart chart;
  chart.width = width;
  chart.kind = model::ChartKind::hbar;
  Painter paint(fonts, ctx, chart);
  const bool zh = langs.primary == Lang::zh;
  const int shift = axis_shift(s.unit, langs.primary, largest(s));
  double top = draw_header(paint, s, style, langs, width, unit_line(s, langs, shift));
  const std::vector<double> ys = scaled_values(s, shift);
  auto ticks = nice_ticks(*std::min_element(ys.begin(), ys.end()), *std::max_element(ys.begin(), ys.end()), 4);
  const double t0 = ticks.front(), t1 = ticks.back(), step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;

  const double label_w = width * 0.36;
  double value_w = 0;
  for (const auto& p : s.points)
    value_w = std::max(value_w, paint.width(format_number(p.y, shift, langs.primary), style.value_role, style.value_size, zh));
  const double plot_x = label_w + 6 + (t0 < 0 ? value_w + 4 : 0), plot_w = width - plot_x - value_w - 6;
  auto X = [&](double v) { return plot_x + (v - t0) / (t1 - t0) * plot_w; };
  const double lh = style.label_size * 1.3;
  PathBuilder pb;
  double y = top;
  std::vector<std::pair<double, double>> rows;  // top, height
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    double h = static_cast<double>(paint.line_count(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, label_w, zh)) * lh;
    if (langs.bilingual && p.x_bilingual)
      h += static_cast<double>(paint.line_count(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, label_w, !zh)) * lh;
    h = (std::max(h, 14.0) + 6) * std::clamp(style.plot_scale, 1.0, 1.5);  // rows never shorter than their labels
    rows.push_back({y, h});
    y += h;
  }
  const double plot_top = top, plot_bottom = y;
  for (double t : ticks) {
    double x = X(t);
    bool zero = std::fabs(t) < 1e-12;
    chart.items.push_back(pb.line(x, plot_top, x, plot_bottom).take(std::nullopt, frame::Stroke{zero ? style.axis : style.grid, zero ? 0.8 : 0.4}));
    paint.text(tick_label(t, step, langs.primary), style.label_role, style.label_size, style.muted, x,
               plot_bottom + 3 + style.label_size * fonts.em_top(), Align::center, zh);
  }
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    auto [row_top, row_h] = rows[i];
    double ty = row_top + 3;
    ty += paint.wrapped(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, style.ink, 0, ty, label_w, Align::left, zh, lh);
    if (langs.bilingual && p.x_bilingual)
      paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, 0, ty, label_w, Align::left, !zh, lh);
    double bh = std::min(12.0, row_h - 8);
    double by = row_top + (row_h - bh) / 2;
    double x0 = X(std::clamp(0.0, t0, t1)), x1 = X(ys[i]);
    bool neg = ys[i] < 0;
    chart.items.push_back(pb.rect(std::min(x0, x1), by, std::fabs(x1 - x0), bh, 0, true, true)
                              .take(neg ? style.negative : style.palette.front()));
    std::string label = format_number(p.y, shift, langs.primary);
    paint.text(label, style.value_role, style.value_size, style.ink, neg ? x1 - 3 : x1 + 3,
               by + bh / 2 + style.value_size * 0.35, neg ? Align::right : Align::left, zh);
  }
  chart.height = draw_source(paint, source, style, width, plot_bottom + style.label_size + 6) + 2;
  return chart;
}

// ---- donut -------------------------------------------------------------------------------------

Chart draw_donut(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                 const Style& style, const Languages& langs, const text::TextContext& ctx) {
  Chart chart;
  chart.width = width;
  chart.kind = model::ChartKind::donut;
  Painter paint(fonts, ctx, chart);
  const bool zh = langs.primary == Lang::zh;
  const int shift = axis_shift(s.unit, langs.primary, largest(s));
  double top = draw_header(paint, s, style, langs, width, unit_line(s, langs, shift));
  double total = 0;
  for (const auto& p : s.points) total += p.y.value;
  const double r1 = std::min(width * 0.17, 62.0) * std::clamp(style.plot_scale, 0.8, 1.4), r0 = r1 * 0.58;
  const double cx = r1 + 4, cy = top + r1 + 4;
  PathBuilder pb;
  double a = -M_PI / 2;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    double sweep = total > 0 ? 2 * M_PI * s.points[i].y.value / total : 0;
    if (sweep <= 0) continue;
    chart.items.push_back(pb.ring_sector(cx, cy, r0, r1, a, a + sweep)
                              .take(style.palette[i % style.palette.size()], frame::Stroke{{1, 1, 1}, 1.0}));
    a += sweep;
  }
  // Legend: swatch, label (each language shown), value and share.
  const double lx = 2 * r1 + 18, lw = width - lx;
  const double lh = style.label_size * 1.3;
  double y = top + 2;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    chart.items.push_back(pb.rect(lx, y + 2, 7, 7, 1.5).take(style.palette[i % style.palette.size()]));
    const std::string share = fmt::format("{:.1f}%", total > 0 ? 100.0 * p.y.value / total : 0.0);
    std::string value = format_value(p.y, s.unit, langs.primary).text;
    std::string line = (zh ? p.x.zh : p.x.en) + "  " + value + (s.unit.code == model::UnitCode::percent ? "" : "（" + share + "）");
    if (!zh && s.unit.code != model::UnitCode::percent) line = (p.x.en) + "  " + value + " (" + share + ")";
    y += paint.wrapped(line, style.label_role, style.label_size, style.ink, lx + 11, y, lw - 11, Align::left, zh, lh);
    if (langs.bilingual && p.x_bilingual)
      y += paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, lx + 11, y, lw - 11,
                         Align::left, !zh, lh);
    y += 3;
  }
  double bottom = std::max(cy + r1 + 4, y);
  chart.height = draw_source(paint, source, style, width, bottom) + 2;
  return chart;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (lo > hi) std::swap(lo, hi);
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo < 1e-12) hi = lo + 1;
  double raw = (hi - lo) / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  // Integer multiples of the step, rounded to nine decimals: 3 × 0.2 is 0.6, not 0.6000000000000001.
  long k0 = static_cast<long>(std::floor(lo / step + 1e-9)), k1 = static_cast<long>(std::ceil(hi / step - 1e-9));
  std::vector<double> out;
  for (long k = k0; k <= k1 && out.size() < 50; ++k) {
    double t = std::round(static_cast<double>(k) * step * 1e9) / 1e9;
    out.push_back(t == 0 ? 0 : t);
  }
  return out;
}

model::ChartKind default_kind(const model::Series& s) {
  if (s.chart) return *s.chart;
  if (s.unit.code == model::UnitCode::rank || s.better == model::Better::lower) {
    if (s.unit.code == model::UnitCode::rank) return model::ChartKind::rank;
  }
  bool categories = std::any_of(s.points.begin(), s.points.end(), [](const auto& p) { return p.x_bilingual; });
  if (categories) return model::ChartKind::hbar;
  if (s.points.size() > 12) return model::ChartKind::line;
  return model::ChartKind::bar;
}

Chart draw_series(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                  const Style& style, const Languages& langs, const text::TextContext& ctx,
                  std::optional<model::ChartKind> kind) {
  model::ChartKind k = kind.value_or(default_kind(s));
  bool negative = std::any_of(s.points.begin(), s.points.end(), [](const auto& p) { return p.y.value < 0; });
  if (k == model::ChartKind::donut && negative) k = model::ChartKind::hbar;
  if (k == model::ChartKind::rank && s.unit.code != model::UnitCode::rank) k = model::ChartKind::line;
  switch (k) {
    case model::ChartKind::hbar: return draw_hbar(fonts, s, source, width, style, langs, ctx);
    case model::ChartKind::donut: return draw_donut(fonts, s, source, width, style, langs, ctx);
    default: return draw_vertical(fonts, s, source, width, style, langs, ctx, k);
  }
}

/// A card's inner padding, points.
constexpr double kCardPad = 7;

double card_value_size(const text::FontBook& fonts, const model::Metric& m, double width, const Style& style,
                       const Languages& langs, const text::TextContext& ctx) {
  // Shrinks to fit one line, down to 13 pt; a longer value ("at least 1.5 times the district
  // average") wraps at 13 pt rather than shrinking to body size.
  const bool zh = langs.primary == Lang::zh;
  const double inner = width - 2 * kCardPad;
  const std::string big = format_value(m.value, m.unit, langs.primary, m.qualifier).text;
  const text::RoleId role = fonts.require_role(style.figure_role);
  double size = style.figure_size;
  while (size > 13 && text::measure(fonts, text::Span{big, role, size}, zh, ctx) > inner) size -= 1;
  return size;
}

Chart draw_card(const text::FontBook& fonts, const model::Metric& m, double width, const Style& style,
                const Languages& langs, const text::TextContext& ctx, const CardRow& row, const Mark& mark) {
  Chart chart;
  chart.width = width;
  Painter paint(fonts, ctx, chart);
  const bool zh = langs.primary == Lang::zh;
  const Lang other = zh ? Lang::en : Lang::zh;
  const double pad = kCardPad;
  const double inner = width - 2 * pad;
  double y = pad;
  // Label.
  y += paint.wrapped(zh ? m.label.zh : m.label.en, style.label_role, 8.5, style.ink, pad, y, inner, Align::left, zh, 11.5,
                     mark);
  if (langs.bilingual) y += paint.wrapped(zh ? m.label.en : m.label.zh, style.label_role, 7.5, style.muted, pad, y, inner, Align::left, !zh, 10);
  y += 2;
  // Value in the primary language, large, at the row's common height; the other language
  // below unless it reads the same ("18%").
  y = std::max(y, row.value_top);
  chart.value_top = y;
  std::string big = format_value(m.value, m.unit, langs.primary, m.qualifier).text;
  const double size = row.value_size > 0 ? row.value_size : card_value_size(fonts, m, width, style, langs, ctx);
  chart.value_size = size;
  y += paint.wrapped(big, style.figure_role, size, style.figure_ink, pad, y, inner, Align::left, zh, size * 1.25);
  std::string second = format_value(m.value, m.unit, other, m.qualifier).text;
  if (langs.bilingual && second != big)
    y += paint.wrapped(second, style.value_role, 9, style.ink, pad, y, inner, Align::left, !zh, 11.5);
  // Period and change.
  if (m.period) {
    std::string line = zh ? m.period->zh : m.period->en;
    if (langs.bilingual) line += " · " + (zh ? m.period->en : m.period->zh);
    y += paint.wrapped(line, style.label_role, 7.5, style.muted, pad, y + 1, inner, Align::left, zh, 10) + 1;
  }
  if (m.change) {
    std::string c = format_change(m.change->value, m.change->unit, langs.primary).text;
    if (m.change->period) c += " " + (zh ? m.change->period->zh : m.change->period->en);
    if (langs.bilingual) {
      c += " · " + format_change(m.change->value, m.change->unit, other).text;
      if (m.change->period) c += " " + (zh ? m.change->period->en : m.change->period->zh);
    }
    y += paint.wrapped(c, style.value_role, 7.5, m.change->value.value < 0 ? style.negative : style.palette[2], pad, y + 1,
                       inner, Align::left, zh, 10) + 1;
  }
  chart.height = std::max(y + pad, row.height);
  PathBuilder pb;
  chart.items.insert(chart.items.begin(), pb.rect(0, 0, width, chart.height, 4).take(style.card_fill));
  return chart;
}

}  // namespace zb::chart
