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
      spans.push_back(text::Span{mark.text, role(role_name), std::max(model::kSmallestType, size * mark.scale),
                                 mark.ink, size * mark.rise});
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

  /// The chart drawn into.
  Chart& chart() { return chart_; }

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

/// Title (primary language, then the other in its own size), the label as subtitle when the
/// title states the point (a line per language), the unit line; returns the y below them.
double draw_header(Painter& paint, Chart& chart, const Plan& plan, const Style& style, const Languages& langs,
                   double width, const std::string& unit_line) {
  double y = 0;
  const bool zh_first = langs.primary == Lang::zh;
  const auto first = [&](const model::Text& t) -> const std::string& { return zh_first ? t.zh : t.en; };
  const auto second = [&](const model::Text& t) -> const std::string& { return zh_first ? t.en : t.zh; };
  chart.title = first(plan.title);
  y += paint.wrapped(first(plan.title), style.title_role, style.title_size, style.ink, 0, y, width, Align::left,
                     zh_first, style.title_size * 1.35, {}, true);
  if (langs.bilingual)
    y += paint.wrapped(second(plan.title), style.title_role, style.subtitle_size, style.ink, 0, y, width, Align::left,
                       !zh_first, style.subtitle_size * 1.35, {}, true);
  if (plan.subtitle) {
    y += 2;
    y += paint.wrapped(first(*plan.subtitle), style.label_role, style.label_size, style.muted, 0, y, width, Align::left,
                       zh_first, style.label_size * 1.4);
    if (langs.bilingual)
      y += paint.wrapped(second(*plan.subtitle), style.label_role, style.label_size, style.muted, 0, y, width,
                         Align::left, !zh_first, style.label_size * 1.4);
  }
  chart.unit_line = unit_line;
  if (!unit_line.empty())
    y += paint.wrapped(unit_line, style.label_role, style.label_size, style.muted, 0, y + 2, width, Align::left,
                       zh_first, style.label_size * 1.4) +
         2;
  chart.header_height = std::max(y + 4, style.header_min);
  return chart.header_height;
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

/// "单位：亿元 · Unit: CNY 100 million": the one scale of the chart's numbers, in each language
/// shown; an axis that does not start at zero says so ("纵轴不从零开始" / "axis does not start at zero").
std::string unit_line(const model::Series& s, const Languages& langs, int shift, bool zero_based = true) {
  const std::string zh = scale_unit(s.unit, Lang::zh, shift), en = scale_unit(s.unit, Lang::en, shift);
  std::string zh_part = zh.empty() ? "" : "单位：" + zh;
  std::string en_part = en.empty() ? "" : "Unit: " + en;
  if (!zero_based) {
    zh_part += zh_part.empty() ? "纵轴不从零开始" : "，纵轴不从零开始";
    en_part += en_part.empty() ? "Axis does not start at zero" : "; axis does not start at zero";
  }
  if (!langs.bilingual) return langs.primary == Lang::zh ? zh_part : en_part;
  if (zh_part.empty() || en_part.empty()) return zh_part + en_part;
  return langs.primary == Lang::zh ? zh_part + " · " + en_part : en_part + " · " + zh_part;
}

/// The number of `v` as a chart labels it: at `shift`, with as many decimals as the most precise
/// value of the chart (`decimals`), so 100 stands as 100.0 next to 102.5.
std::string value_text(const model::Number& v, int shift, Lang lang, int decimals) {
  return with_decimals(format_number(v, shift, lang), decimals);
}

/// The most decimals any value of `s` shows at `shift`.
int chart_decimals(const model::Series& s, int shift, Lang lang) {
  int d = 0;
  for (const auto& p : s.points) d = std::max(d, decimals_of(format_number(p.y, shift, lang)));
  return d;
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
  std::optional<double> beside;        ///< a point's y: then also tried left of it, right of it, further off
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
    const double w = paint.width(p.text, style.value_role, style.value_size, zh);
    struct Spot {
      double x, baseline;
      Align align;
    };
    std::vector<Spot> spots{{p.x, p.baseline, p.align}};
    if (p.alt_baseline) spots.push_back({p.x, *p.alt_baseline, p.align});
    if (p.beside) {
      const double mid = *p.beside + style.value_size * 0.35;
      spots.push_back({p.x - 5, mid, Align::right});
      spots.push_back({p.x + 5, mid, Align::left});
      spots.push_back({p.x, p.baseline - 6, p.align});  // further off, clear of a steep line
      if (p.alt_baseline) spots.push_back({p.x, *p.alt_baseline + 6, p.align});
    }
    for (const Spot& spot : spots) {
      const double left = spot.align == Align::center  ? spot.x - w / 2
                          : spot.align == Align::right ? spot.x - w
                                                       : spot.x;
      const std::optional<double> baseline = spot.baseline;
      frame::Rect box{left - 1, *baseline - style.value_size * paint.em_top() - 0.5, w + 2, style.value_size + 1};
      if (!inside(box, chart_w, chart_h)) continue;
      if (std::any_of(placed.begin(), placed.end(), [&](const frame::Rect& r) { return overlaps(r, box); })) continue;
      bool crossed = false;
      for (std::size_t k = 0; k + 1 < line.size() && !crossed; ++k) crossed = crosses(line[k], line[k + 1], box);
      if (crossed) continue;
      paint.text(p.text, style.value_role, style.value_size, style.ink, spot.x, *baseline, spot.align, zh);
      paint.chart().values.push_back(p.text);
      placed.push_back(box);
      break;
    }
  }
}

/// Priority of value labels: last, the one before (a derived title compares the two), best,
/// worst, first, then the rest left to right.
std::vector<std::size_t> label_order(const model::Series& s, bool lower_is_better = false) {
  const std::size_t n = s.points.size();
  std::vector<std::size_t> order;
  auto push = [&](std::size_t i) {
    if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
  };
  push(n - 1);
  if (n >= 2) push(n - 2);
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

/// What every chart kind starts with: the chart, its painter, the one scale of its numbers
/// (`shift`), its header, and the decimals its value labels share.
struct Drawing {
  Chart chart;
  Painter paint;
  const model::Series& s;
  const bool zh;
  const int shift;
  double top = 0;  ///< below the header
  int decimals = 0;

  Drawing(const text::FontBook& fonts, const Plan& plan, double width, const Style& style, const Languages& langs,
          const text::TextContext& ctx, bool zero_based = true)
      : paint(fonts, ctx, chart),
        s(plan.shown),
        zh(langs.primary == Lang::zh),
        shift(axis_shift(plan.shown.unit, langs.primary, largest(plan.shown))) {
    chart.width = width;
    chart.kind = plan.kind;
    top = draw_header(paint, chart, plan, style, langs, width, unit_line(s, langs, shift, zero_based));
    decimals = chart_decimals(s, shift, langs.primary);
  }
  Drawing(const Drawing&) = delete;
  Drawing& operator=(const Drawing&) = delete;
};

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
  bool rank = false;       ///< a rank axis: 1 at the top
  bool zero_based = true;  ///< false: a line's axis cut to its data (the unit line says so)
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

/// Ticks for the scaled values `ys`: ranks from 1 down; a line far from zero on ticks around its
/// data; otherwise nice ticks with zero, one more step above a largest value that would sit on
/// (or just under) the top gridline, as if the axis had been cut to the data.
std::vector<double> vertical_ticks(const std::vector<double>& ys, bool rank, bool zero_based) {
  const double lo = *std::min_element(ys.begin(), ys.end()), hi = *std::max_element(ys.begin(), ys.end());
  std::vector<double> ticks;
  if (rank) {
    ticks = nice_ticks(1, std::max(hi, 2.0), 4);
    ticks.erase(std::remove_if(ticks.begin(), ticks.end(), [](double t) { return t < 1; }), ticks.end());
    if (ticks.empty() || ticks.front() != 1) ticks.insert(ticks.begin(), 1);
  } else {
    ticks = nice_ticks(lo, hi, zero_based ? 5 : 4, zero_based);
    if (!zero_based) return ticks;
    const double span = ticks.back() - ticks.front(), st = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    if (hi > 0 && hi > ticks.back() - 0.06 * span) ticks.push_back(std::round((ticks.back() + st) * 1e9) / 1e9);
  }
  return ticks;
}

/// Lays out the plot: ticks and their texts, a left gutter for the widest of them, bands per
/// point (a few bars make a compact chart: bands of at most 84 pt and a lower plot, so two values
/// do not fill a page width), headroom for value labels above and, when a bar hangs below zero,
/// footroom for its label.
VerticalPlot vertical_plot(const Painter& paint, const std::vector<double>& ys, model::ChartKind kind, bool zero_based,
                           const Style& style, Lang lang, double width, double top) {
  VerticalPlot plot;
  plot.rank = kind == model::ChartKind::rank;
  plot.zero_based = zero_based;
  plot.ticks = vertical_ticks(ys, plot.rank, zero_based);
  plot.t0 = plot.ticks.front();
  plot.t1 = plot.ticks.back();
  plot.step = plot.ticks.size() > 1 ? plot.ticks[1] - plot.ticks[0] : 1;
  const bool zh = lang == Lang::zh;
  double gutter = 0;
  for (double t : plot.ticks) {
    std::string label =
        plot.rank ? (zh ? "第" + tick_label(t, plot.step, Lang::zh) + "位" : ordinal(tick_label(t, 1, Lang::zh)))
                  : tick_label(t, plot.step, lang);
    gutter = std::max(gutter, paint.width(label, style.label_role, style.label_size, zh));
    plot.tick_texts.push_back(std::move(label));
  }
  gutter += 5;
  const std::size_t n = ys.size();
  // (At half the measure, a row shared with another chart, the bars take the chart's width.)
  const bool few = kind == model::ChartKind::bar && n <= 4 && width > 300;
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
  std::size_t every = 1;   ///< a label at every `every`-th point, counted back from the last
  double widest = 0;       ///< the widest label's first line, points
  double width = 0;        ///< of each label, points
  double line_height = 0;  ///< points
  double area = 0;         ///< the height under the plot they take, points
};

XLabels plan_x_labels(const Painter& paint, const model::Series& s, const Style& style, const Languages& langs,
                      double band) {
  const bool zh = langs.primary == Lang::zh;
  XLabels xl;
  xl.two_line =
      langs.bilingual && std::any_of(s.points.begin(), s.points.end(), [](const auto& p) { return p.x_bilingual; });
  double widest = 0;
  for (const auto& p : s.points) {
    widest = std::max(widest, paint.width(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, zh));
    if (xl.two_line && p.x_bilingual)
      widest = std::max(widest, paint.width(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, !zh));
  }
  xl.every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((std::min(widest, band * 3) + 6) / band)));
  xl.widest = widest;
  xl.width = std::max(band * static_cast<double>(xl.every) - 4, style.label_size * 2);
  std::size_t lines = 1, other = 0;  // the most lines of a label in the primary language, in the other
  for (const auto& p : s.points) {
    lines = std::max(lines, paint.line_count(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, xl.width, zh));
    if (xl.two_line && p.x_bilingual)
      other =
          std::max(other, paint.line_count(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, xl.width, !zh));
  }
  xl.line_height = style.label_size * 1.3;
  xl.area = xl.line_height * static_cast<double>(lines + other) + 4;
  return xl;
}

/// Gridlines (the zero line darker) and their tick labels right-aligned in the gutter; an axis cut
/// to its data gets a break mark (two slashes) across its bottom gridline.
void draw_grid(Painter& paint, Chart& chart, const VerticalPlot& plot, const Style& style, bool zh) {
  PathBuilder pb;
  chart.zero_based = plot.zero_based;
  chart.axis_lo = plot.t0;
  chart.axis_hi = plot.t1;
  if (!plot.zero_based) {
    const double y = plot.y_of(plot.t0), x = plot.x + 1.5;
    chart.items.push_back(pb.rect(x - 1, y - 2.5, 5.5, 5).take(frame::Color{1, 1, 1}));
    for (double dx : {0.0, 2.5})
      chart.items.push_back(
          pb.line(x + dx - 1.2, y + 2.5, x + dx + 1.2, y - 2.5).take(std::nullopt, frame::Stroke{style.axis, 0.8}));
  }
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

/// A line with more points than this is drawn without markers.
constexpr std::size_t kMarkedPoints = 12;

/// The line and, up to kMarkedPoints points, the same filled marker on every point (a marker
/// means "a value", nothing more); returns the markers' boxes, which value labels must not cover.
std::vector<frame::Rect> draw_line(Chart& chart, const VerticalPlot& plot, const std::vector<double>& ys,
                                   const Style& style) {
  PathBuilder pb;
  std::vector<frame::Rect> obstacles;
  const frame::Color main = style.palette.front();
  const std::vector<frame::Point> pts = line_points(plot, ys);
  chart.items.push_back(pb.polyline(pts).take(std::nullopt, frame::Stroke{main, 1.6}));
  if (pts.size() > kMarkedPoints) return obstacles;
  for (const auto& pt : pts) {
    const double r = 2.6;
    chart.items.push_back(pb.circle(pt.x, pt.y, r).take(main, frame::Stroke{{1, 1, 1}, 0.8}));
    obstacles.push_back(frame::Rect{pt.x - r, pt.y - r, 2 * r, 2 * r});
  }
  return obstacles;
}

/// Value labels above the points (below negative bars; under rank points, which go up), in
/// label_order's priority, without overlaps and above the x labels (placed after them).
void draw_value_labels(Painter& paint, const model::Series& s, const VerticalPlot& plot, const std::vector<double>& ys,
                       model::ChartKind kind, int shift, int decimals, const Style& style, const Languages& langs,
                       double width, const std::vector<frame::Rect>& obstacles) {
  const bool bar = kind == model::ChartKind::bar;
  std::vector<std::size_t> order = label_order(s, plot.rank);
  // A line of more than 6 points labels only its last two, high, low and first: its shape says
  // the rest.
  if (!bar && !plot.rank && s.points.size() > 6) order.resize(std::min<std::size_t>(order.size(), 5));
  std::vector<LabelPlan> plans;
  for (std::size_t i : order) {
    std::string label = plot.rank ? format_value(s.points[i].y, s.unit, langs.primary).text
                                  : value_text(s.points[i].y, shift, langs.primary, decimals);
    double y = plot.y_of(ys[i]);
    double below = y + style.value_size + 4;
    double above = y - 4;
    if (bar)
      plans.push_back({i, label, plot.x_of(i), ys[i] < 0 ? below : above, Align::center, std::nullopt, std::nullopt});
    else if (plot.rank)
      plans.push_back({i, label, plot.x_of(i), below + 1, Align::center, above - 1, y});
    else
      plans.push_back({i, label, plot.x_of(i), above - 1, Align::center, below + 1, y});
  }
  const double chart_h_so_far = plot.bottom + 1;
  const std::vector<frame::Point> line = bar ? std::vector<frame::Point>{} : line_points(plot, ys);
  place_labels(paint, plans, style, langs.primary == Lang::zh, obstacles, width, chart_h_so_far, line);
}

/// X labels centred under their points, at regular steps ending on the latest point, placed from
/// the latest back; one that would touch the next is left out.
void draw_x_labels(Painter& paint, const model::Series& s, const VerticalPlot& plot, const XLabels& xl,
                   const Style& style, bool zh, double width) {
  double next_left = 1e9;  // labels are placed from the latest back: it always gets its label
  const std::size_t n = s.points.size();
  // Thinned labels (every > 1) fit one line: each takes only its own width, so the first one
  // pushed in from the chart's edge does not crowd out the next.
  const double w = xl.every > 1 ? std::min(xl.width, xl.widest + 2) : xl.width;
  // The latest label, pushed in from the chart's right edge, must not crowd out the one before
  // it: a longer step keeps the steps regular instead of leaving a gap.
  std::size_t every = xl.every;
  auto left_of = [&](std::size_t i) { return std::clamp(plot.x_of(i) - w / 2, 0.0, width - w); };
  while (every > 1 && every < n && left_of(n - 1 - every) + w > left_of(n - 1) - 2) ++every;
  for (std::size_t i = n; i-- > 0;) {
    if ((n - 1 - i) % every != 0) continue;  // regular steps ending on the latest point
    const auto& p = s.points[i];
    double left = left_of(i);
    if (left + w > next_left - 2) continue;
    next_left = left;
    double y = plot.bottom + 3;
    const std::string& first = zh ? p.x.zh : p.x.en;
    y += paint.wrapped(first, style.label_role, style.label_size, style.ink, left, y, w, Align::center, zh,
                       xl.line_height);
    if (xl.two_line && p.x_bilingual)
      paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, left, y, w, Align::center,
                    !zh, xl.line_height);
  }
}

/// Bar, line and rank charts: header, grid, bars or line, value labels, x labels, the source.
Chart draw_vertical(const text::FontBook& fonts, const Plan& plan, const std::string& source, double width,
                    const Style& style, const Languages& langs, const text::TextContext& ctx) {
  const model::ChartKind kind = plan.kind;
  const bool zero_based = !(kind == model::ChartKind::line && far_from_zero(plan.shown));
  Drawing d(fonts, plan, width, style, langs, ctx, zero_based);
  auto& [chart, paint, s, zh, shift, top, decimals] = d;
  const std::vector<double> ys = scaled_values(s, shift);
  const VerticalPlot plot = vertical_plot(paint, ys, kind, zero_based, style, langs.primary, width, top);
  const XLabels xl = plan_x_labels(paint, s, style, langs, plot.band);

  draw_grid(paint, chart, plot, style, zh);
  const std::vector<frame::Rect> obstacles =
      kind == model::ChartKind::bar ? draw_bars(chart, plot, ys, style) : draw_line(chart, plot, ys, style);
  draw_value_labels(paint, s, plot, ys, kind, shift, decimals, style, langs, width, obstacles);
  draw_x_labels(paint, s, plot, xl, style, zh, width);
  const double bottom = plot.bottom + xl.area;
  chart.height = draw_source(paint, source, style, width, bottom) + 2;
  return std::move(chart);  // a binding to d.chart: moved out, not copied
}

// ---- horizontal bars -----------------------------------------------------------------------------

Chart draw_hbar(const text::FontBook& fonts, const Plan& plan, const std::string& source, double width,
                const Style& style, const Languages& langs, const text::TextContext& ctx) {
  Drawing d(fonts, plan, width, style, langs, ctx);
  auto& [chart, paint, s, zh, shift, top, decimals] = d;
  const std::vector<double> ys = scaled_values(s, shift);
  auto ticks = nice_ticks(*std::min_element(ys.begin(), ys.end()), *std::max_element(ys.begin(), ys.end()), 5);
  const double t0 = ticks.front(), t1 = ticks.back(), step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  chart.axis_lo = t0;
  chart.axis_hi = t1;

  const double label_w = width * 0.36;
  double value_w = 0;
  for (const auto& p : s.points)
    value_w = std::max(
        value_w, paint.width(value_text(p.y, shift, langs.primary, decimals), style.value_role, style.value_size, zh));
  const double plot_x = label_w + 6 + (t0 < 0 ? value_w + 4 : 0), plot_w = width - plot_x - value_w - 6;
  auto X = [&](double v) { return plot_x + (v - t0) / (t1 - t0) * plot_w; };
  const double lh = style.label_size * 1.3;
  PathBuilder pb;
  double y = top;
  struct Row {
    double top, height, label_height;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    double h =
        static_cast<double>(paint.line_count(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, label_w, zh)) *
        lh;
    if (langs.bilingual && p.x_bilingual)
      h += static_cast<double>(
               paint.line_count(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, label_w, !zh)) *
           lh;
    const double row_h =
        (std::max(h, 14.0) + 6) * std::clamp(style.plot_scale, 1.0, 1.5);  // never shorter than its label
    rows.push_back({y, row_h, h});
    y += row_h;
  }
  const double plot_top = top, plot_bottom = y;
  for (double t : ticks) {
    double x = X(t);
    bool zero = std::fabs(t) < 1e-12;
    chart.items.push_back(pb.line(x, plot_top, x, plot_bottom)
                              .take(std::nullopt, frame::Stroke{zero ? style.axis : style.grid, zero ? 0.8 : 0.4}));
    paint.text(tick_label(t, step, langs.primary), style.label_role, style.label_size, style.muted, x,
               plot_bottom + 3 + style.label_size * fonts.em_top(), Align::center, zh);
  }
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    const auto [row_top, row_h, label_h] = rows[i];
    double ty = row_top + (row_h - label_h) / 2;  // the label centred on its bar
    ty += paint.wrapped(zh ? p.x.zh : p.x.en, style.label_role, style.label_size, style.ink, 0, ty, label_w,
                        Align::left, zh, lh);
    if (langs.bilingual && p.x_bilingual)
      paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, 0, ty, label_w, Align::left,
                    !zh, lh);
    double bh = std::min(12.0, row_h - 8);
    double by = row_top + (row_h - bh) / 2;
    double x0 = X(std::clamp(0.0, t0, t1)), x1 = X(ys[i]);
    bool neg = ys[i] < 0;
    chart.items.push_back(pb.rect(std::min(x0, x1), by, std::fabs(x1 - x0), bh, 0, true, true)
                              .take(neg ? style.negative : style.palette.front()));
    std::string label = value_text(p.y, shift, langs.primary, decimals);
    chart.values.push_back(label);
    paint.text(label, style.value_role, style.value_size, style.ink, neg ? x1 - 3 : x1 + 3,
               by + bh / 2 + style.value_size * 0.35, neg ? Align::right : Align::left, zh);
  }
  chart.height = draw_source(paint, source, style, width, plot_bottom + style.label_size + 6) + 2;
  return std::move(chart);  // a binding to d.chart: moved out, not copied
}

// ---- donut -------------------------------------------------------------------------------------

Chart draw_donut(const text::FontBook& fonts, const Plan& plan, const std::string& source, double width,
                 const Style& style, const Languages& langs, const text::TextContext& ctx) {
  Drawing d(fonts, plan, width, style, langs, ctx);
  auto& [chart, paint, s, zh, shift, top, decimals] = d;
  // Parts in the palette's colours, except the one that means "negative" elsewhere.
  std::vector<frame::Color> colours;
  for (const auto& c : style.palette)
    if (!(c == style.negative)) colours.push_back(c);
  if (colours.empty()) colours = style.palette;
  double total = 0;
  for (const auto& p : s.points) total += p.y.value;
  const double r1 = std::min(width * 0.17, 62.0) * std::clamp(style.plot_scale, 0.8, 1.4), r0 = r1 * 0.58;
  const double cx = r1 + 4, cy = top + r1 + 4;
  PathBuilder pb;
  double a = -M_PI / 2;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    double sweep = total > 0 ? 2 * M_PI * s.points[i].y.value / total : 0;
    if (sweep <= 0) continue;
    chart.items.push_back(
        pb.ring_sector(cx, cy, r0, r1, a, a + sweep).take(colours[i % colours.size()], frame::Stroke{{1, 1, 1}, 1.0}));
    a += sweep;
  }
  // Legend: swatch, label (each language shown), share (a donut is only drawn for percentages
  // of one whole: chart::parts_of_whole).
  const double lx = 2 * r1 + 18, lw = width - lx;
  const double lh = style.label_size * 1.3;
  double y = top + 2;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    chart.items.push_back(pb.rect(lx, y + 2, 7, 7, 1.5).take(colours[i % colours.size()]));
    const std::string value = value_text(p.y, shift, langs.primary, decimals) + "%";
    chart.values.push_back(value);
    const std::string line = (zh ? p.x.zh : p.x.en) + "  " + value;
    y += paint.wrapped(line, style.label_role, style.label_size, style.ink, lx + 11, y, lw - 11, Align::left, zh, lh);
    if (langs.bilingual && p.x_bilingual)
      y += paint.wrapped(zh ? p.x.en : p.x.zh, style.label_role, style.label_size, style.muted, lx + 11, y, lw - 11,
                         Align::left, !zh, lh);
    y += 3;
  }
  double bottom = std::max(cy + r1 + 4, y);
  chart.height = draw_source(paint, source, style, width, bottom) + 2;
  return std::move(chart);  // a binding to d.chart: moved out, not copied
}

// ---- from → to ---------------------------------------------------------------------------------

/// The two values of a from→to figure, labelled above their dots: the period (muted) over the
/// value; the left one ends at its dot, the right one starts at its dot, so they never meet.
void draw_from_to_labels(Painter& paint, const model::Series& s, const std::vector<std::string>& values,
                         const std::vector<double>& xs, const Style& style, bool zh, double width, double top,
                         double value_size) {
  const std::size_t left = xs[0] <= xs[1] ? 0 : 1, right = 1 - left;
  auto label_width = [&](std::size_t i) {
    const auto& x = s.points[i].x;
    return std::max(paint.width(zh ? x.zh : x.en, style.label_role, style.label_size, zh),
                    paint.width(values[i], style.value_role, value_size, zh));
  };
  const double wl = label_width(left), wr = label_width(right);
  const double l_left = std::clamp(xs[left] + 3 - wl, 0.0, width - wl - wr - 8);
  const double r_left = std::clamp(std::max(xs[right] - 3, l_left + wl + 8), 0.0, width - wr);
  const double period_base = top + style.label_size * paint.em_top();
  const double value_base = top + style.label_size * 1.35 + value_size * paint.em_top();
  for (auto [i, x] : {std::pair{left, l_left}, std::pair{right, r_left}}) {
    const auto& px = s.points[i].x;
    paint.text(zh ? px.zh : px.en, style.label_role, style.label_size, style.muted, x, period_base, Align::left, zh);
    paint.text(values[i], style.value_role, value_size, style.ink, x, value_base, Align::left, zh);
  }
}

/// A series of two periods: both values on one zero-based scale, a hollow dot for the earlier, a
/// filled dot and an arrowhead for the later, each labelled with its period and value; under the
/// scale, the change in words unless the title already states it. Reads at a glance where two
/// bars would take a plot.
Chart draw_from_to(const text::FontBook& fonts, const Plan& plan, const std::string& source, double width,
                   const Style& style, const Languages& langs, const text::TextContext& ctx) {
  Drawing d(fonts, plan, width, style, langs, ctx);
  auto& [chart, paint, s, zh, shift, top, decimals] = d;
  const std::vector<double> ys = scaled_values(s, shift);
  const auto ticks = nice_ticks(std::min(ys[0], ys[1]), std::max(ys[0], ys[1]), 4);
  const double t0 = ticks.front(), t1 = ticks.back(), step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  chart.axis_lo = t0;
  chart.axis_hi = t1;
  const std::vector<std::string> values{value_text(s.points[0].y, shift, langs.primary, decimals),
                                        value_text(s.points[1].y, shift, langs.primary, decimals)};
  chart.values = values;
  const double value_size = style.value_size + 4;
  const double track = top + style.label_size * 1.35 + value_size * 1.2 + 7;
  const double px = 8, pw = width - 16;
  auto X = [&](double v) { return px + (v - t0) / (t1 - t0) * pw; };
  const std::vector<double> xs{X(ys[0]), X(ys[1])};
  draw_from_to_labels(paint, s, values, xs, style, zh, width, top, value_size);

  PathBuilder pb;
  chart.items.push_back(pb.line(X(t0), track, X(t1), track).take(std::nullopt, frame::Stroke{style.grid, 1.2}));
  for (double t : ticks) {
    const bool zero = std::fabs(t) < 1e-12;
    chart.items.push_back(pb.line(X(t), track - (zero ? 4 : 2), X(t), track + 3)
                              .take(std::nullopt, frame::Stroke{zero ? style.axis : style.grid, zero ? 0.8 : 0.6}));
    paint.text(tick_label(t, step, langs.primary), style.label_role, style.label_size, style.muted, X(t),
               track + 5 + style.label_size * paint.em_top(), Align::center, zh);
  }
  const frame::Color main = style.palette.front();
  const double r = 3.6, dir = xs[1] >= xs[0] ? 1 : -1;
  if (std::fabs(xs[1] - xs[0]) > 2 * r + 8) {  // the arrow: from the first dot to a head at the second
    const double tip = xs[1] - dir * r, base = tip - dir * 6;
    chart.items.push_back(pb.line(xs[0] + dir * r, track, base, track).take(std::nullopt, frame::Stroke{main, 1.8}));
    chart.items.push_back(pb.polyline({{tip, track}, {base, track - 3.2}, {base, track + 3.2}}).take(main));
  }
  chart.items.push_back(pb.circle(xs[0], track, r).take(frame::Color{1, 1, 1}, frame::Stroke{main, 1.4}));
  chart.items.push_back(pb.circle(xs[1], track, r).take(main));
  double bottom = track + 7 + style.label_size * 1.3;
  if (!plan.derived_title) {  // the change in words, unless the title states it
    const model::Text words = change_words(difference(s.points[1].y, s.points[0].y), s.unit);
    const std::string change = !langs.bilingual ? (zh ? words.zh : words.en)
                                                : (zh ? words.zh + " · " + words.en : words.en + " · " + words.zh);
    bottom += paint.wrapped(change, style.value_role, style.label_size + 0.5, style.ink, 0, bottom + 2, width,
                            Align::left, zh, (style.label_size + 0.5) * 1.4) +
              2;
  }
  chart.height = draw_source(paint, source, style, width, bottom) + 2;
  return std::move(chart);  // a binding to d.chart: moved out, not copied
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target, bool with_zero) {
  if (lo > hi) std::swap(lo, hi);
  if (with_zero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
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

Chart draw_series(const text::FontBook& fonts, const model::Series& s, const std::string& source, double width,
                  const Style& style, const Languages& langs, const text::TextContext& ctx,
                  std::optional<model::ChartKind> kind) {
  const Plan plan = plan_chart(s, kind);
  switch (plan.kind) {
    case model::ChartKind::hbar:
      return draw_hbar(fonts, plan, source, width, style, langs, ctx);
    case model::ChartKind::donut:
      return draw_donut(fonts, plan, source, width, style, langs, ctx);
    case model::ChartKind::from_to:
      return draw_from_to(fonts, plan, source, width, style, langs, ctx);
    default:
      return draw_vertical(fonts, plan, source, width, style, langs, ctx);
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
  y += paint.wrapped(zh ? m.label.zh : m.label.en, style.label_role, 8.5, style.ink, pad, y, inner, Align::left, zh,
                     11.5, mark);
  if (langs.bilingual)
    y += paint.wrapped(zh ? m.label.en : m.label.zh, style.label_role, 7.5, style.muted, pad, y, inner, Align::left,
                       !zh, 10);
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
    // A rise takes the palette's third colour (green in the shipped layouts), or its last when a
    // layout gives fewer.
    const frame::Color rise = style.palette[std::min<std::size_t>(2, style.palette.size() - 1)];
    y += paint.wrapped(c, style.value_role, 7.5, m.change->value.value < 0 ? style.negative : rise, pad, y + 1, inner,
                       Align::left, zh, 10) +
         1;
  }
  chart.height = std::max(y + pad, row.height);
  PathBuilder pb;
  chart.items.insert(chart.items.begin(), pb.rect(0, 0, width, chart.height, 4).take(style.card_fill));
  return chart;
}

}  // namespace zb::chart
