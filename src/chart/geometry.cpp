// Chart geometry: Cairo path calls copied into frame::Path (cairo_copy_path, arcs as Béziers).
#include "chart/geometry.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "base/diagnostics.h"

namespace zb::chart {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct PathDeleter {
  void operator()(cairo_path_t* p) const { cairo_path_destroy(p); }
};

}  // namespace

struct PathBuilder::Impl {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface{cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)};
  std::unique_ptr<cairo_t, ContextDeleter> cr{cairo_create(surface.get())};
};

PathBuilder::PathBuilder() : impl_(std::make_unique<Impl>()) {
  if (cairo_status(impl_->cr.get()) != CAIRO_STATUS_SUCCESS)
    throw base::Error(base::Diagnostic::whole_file("chart", "expected a Cairo context for chart geometry",
                                                   cairo_status_to_string(cairo_status(impl_->cr.get()))));
}

PathBuilder::~PathBuilder() = default;

PathBuilder& PathBuilder::rect(double x, double y, double w, double h, double radius, bool round_top,
                               bool round_bottom) {
  cairo_t* cr = impl_->cr.get();
  if (w < 0) x += w, w = -w;
  if (h < 0) y += h, h = -h;
  double r = std::min({radius, w / 2, h / 2});
  if (r <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return *this;
  }
  double rt = round_top ? r : 0, rb = round_bottom ? r : 0;
  cairo_new_sub_path(cr);
  if (rt > 0)
    cairo_arc(cr, x + w - rt, y + rt, rt, -M_PI / 2, 0);
  else
    cairo_move_to(cr, x + w, y);
  if (rb > 0)
    cairo_arc(cr, x + w - rb, y + h - rb, rb, 0, M_PI / 2);
  else
    cairo_line_to(cr, x + w, y + h);
  if (rb > 0)
    cairo_arc(cr, x + rb, y + h - rb, rb, M_PI / 2, M_PI);
  else
    cairo_line_to(cr, x, y + h);
  if (rt > 0)
    cairo_arc(cr, x + rt, y + rt, rt, M_PI, 3 * M_PI / 2);
  else
    cairo_line_to(cr, x, y);
  cairo_close_path(cr);
  return *this;
}

PathBuilder& PathBuilder::ring_sector(double cx, double cy, double r0, double r1, double a0, double a1) {
  cairo_t* cr = impl_->cr.get();
  cairo_new_sub_path(cr);
  cairo_arc(cr, cx, cy, r1, a0, a1);
  if (r0 > 0)
    cairo_arc_negative(cr, cx, cy, r0, a1, a0);
  else
    cairo_line_to(cr, cx, cy);
  cairo_close_path(cr);
  return *this;
}

PathBuilder& PathBuilder::circle(double cx, double cy, double r) {
  cairo_new_sub_path(impl_->cr.get());
  cairo_arc(impl_->cr.get(), cx, cy, r, 0, 2 * M_PI);
  cairo_close_path(impl_->cr.get());
  return *this;
}

PathBuilder& PathBuilder::polyline(const std::vector<frame::Point>& pts) {
  cairo_t* cr = impl_->cr.get();
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (i == 0)
      cairo_move_to(cr, pts[i].x, pts[i].y);
    else
      cairo_line_to(cr, pts[i].x, pts[i].y);
  }
  return *this;
}

PathBuilder& PathBuilder::line(double x0, double y0, double x1, double y1) {
  cairo_move_to(impl_->cr.get(), x0, y0);
  cairo_line_to(impl_->cr.get(), x1, y1);
  return *this;
}

frame::Path PathBuilder::take(std::optional<frame::Color> fill, std::optional<frame::Stroke> stroke) {
  cairo_t* cr = impl_->cr.get();
  std::unique_ptr<cairo_path_t, PathDeleter> path(cairo_copy_path(cr));
  cairo_new_path(cr);
  if (!path || path->status != CAIRO_STATUS_SUCCESS)
    throw base::Error(base::Diagnostic::whole_file("chart", "expected Cairo to copy a chart path",
                                                   path ? cairo_status_to_string(path->status) : "no path"));
  frame::Path out;
  out.fill = fill;
  out.stroke = stroke;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
    const cairo_path_data_t* d = &path->data[i];
    switch (d->header.type) {
      case CAIRO_PATH_MOVE_TO:
        out.ops.push_back({frame::PathOp::Kind::move, {{d[1].point.x, d[1].point.y}}});
        break;
      case CAIRO_PATH_LINE_TO:
        out.ops.push_back({frame::PathOp::Kind::line, {{d[1].point.x, d[1].point.y}}});
        break;
      case CAIRO_PATH_CURVE_TO:
        out.ops.push_back({frame::PathOp::Kind::curve,
                           {{d[1].point.x, d[1].point.y}, {d[2].point.x, d[2].point.y}, {d[3].point.x, d[3].point.y}}});
        break;
      case CAIRO_PATH_CLOSE_PATH:
        out.ops.push_back({frame::PathOp::Kind::close, {}});
        break;
    }
  }
  return out;
}

}  // namespace zb::chart
