// The one colour, point and rectangle types: plain values shared by the model, the display list and the backends.
#pragma once

namespace zb::base {

/// sRGB colour, each channel 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

/// A position in points (1/72 inch); on a page the origin is the top-left corner, y downwards.
struct Point {
  double x = 0, y = 0;
};

/// An axis-aligned rectangle in points: top-left corner, width and height.
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

}  // namespace zb::base
