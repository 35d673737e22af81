// Chart geometry through Cairo: rectangles, rounded corners, arcs and lines are built with
// Cairo's path calls and copied out as display-list paths (arcs become Béziers), so charts stay
// vector in the PDF and the PNG backend draws the very same shapes.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "frame/document.h"

namespace zb::chart {

/// Builds paths with Cairo. Not thread-safe per instance; cheap to create.
class PathBuilder {
 public:
  PathBuilder();
  ~PathBuilder();
  PathBuilder(const PathBuilder&) = delete;
  PathBuilder& operator=(const PathBuilder&) = delete;

  /// Adds a rectangle; `radius` rounds the corners named by `round_top` / `round_bottom`.
  PathBuilder& rect(double x, double y, double w, double h, double radius = 0, bool round_top = true,
                    bool round_bottom = true);
  /// Adds a ring sector between radii r0 < r1 from angle a0 to a1 (radians, clockwise from 3 o'clock
  /// in page coordinates, y down).
  PathBuilder& ring_sector(double cx, double cy, double r0, double r1, double a0, double a1);
  PathBuilder& circle(double cx, double cy, double r);
  /// An open polyline through `pts`.
  PathBuilder& polyline(const std::vector<frame::Point>& pts);
  /// A straight segment.
  PathBuilder& line(double x0, double y0, double x1, double y1);

  /// The path built so far (then cleared), filled and/or stroked. Throws base::Error if Cairo fails.
  frame::Path take(std::optional<frame::Color> fill, std::optional<frame::Stroke> stroke = std::nullopt);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zb::chart
