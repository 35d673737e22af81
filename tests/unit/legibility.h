// Legibility rules over a display list: no text under 7 pt, body-sized text (9 pt+) at 7:1 contrast or better.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/utf8.h"
#include "frame/document.h"

namespace zb::test {

inline constexpr double kMinTextSize = 7;  ///< no run smaller than this, points
inline constexpr double kBodySize = 9;     ///< runs this size or larger must reach kMinBodyContrast
inline constexpr double kMinBodyContrast = 7;

/// WCAG 2 relative luminance of an sRGB colour (channels 0..1).
inline double relative_luminance(base::Color c) {
  auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/// WCAG 2 contrast ratio, 1..21, the same whichever colour is the ink.
inline double contrast_ratio(base::Color a, base::Color b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

namespace legibility_detail {

/// "#RRGGBB".
inline std::string hex(base::Color c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char s[8];
  std::snprintf(s, sizeof s, "#%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
  return s;
}

/// The first ~30 bytes of `s`, cut at a character boundary, "…" when shortened.
inline std::string head(const std::string& s) {
  if (s.size() <= 30) return s;
  return s.substr(0, base::utf8_floor(s, 30)) + "…";
}

/// Whether `p` lies inside the area `path` fills (curves flattened to 16 segments; every
/// subpath closed, as filling does), by the path's own fill rule.
inline bool fills(const frame::Path& path, base::Point p) {
  int winding = 0, crossings = 0;
  auto edge = [&](base::Point a, base::Point b) {
    if ((a.y <= p.y) == (b.y <= p.y)) return;  // does not cross the horizontal through p
    const double x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
    if (x <= p.x) return;  // count crossings to the right of p
    ++crossings;
    winding += b.y > a.y ? 1 : -1;
  };
  base::Point start, pen;
  for (const auto& op : path.ops) {
    switch (op.kind) {
      case frame::PathOp::Kind::move:
        edge(pen, start);
        start = pen = op.p[0];
        break;
      case frame::PathOp::Kind::line:
        edge(pen, op.p[0]);
        pen = op.p[0];
        break;
      case frame::PathOp::Kind::curve: {
        base::Point from = pen;
        for (int i = 1; i <= 16; ++i) {
          const double t = i / 16.0, u = 1 - t;
          const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
          const base::Point q{a * pen.x + b * op.p[0].x + c * op.p[1].x + d * op.p[2].x,
                              a * pen.y + b * op.p[0].y + c * op.p[1].y + d * op.p[2].y};
          edge(from, q);
          from = q;
        }
        pen = op.p[2];
        break;
      }
      case frame::PathOp::Kind::close:
        edge(pen, start);
        pen = start;
        break;
    }
  }
  edge(pen, start);
  return path.even_odd ? crossings % 2 == 1 : winding != 0;
}

}  // namespace legibility_detail

/// Every breach of the legibility rules in `doc`, one line each, pages numbered from 1:
/// a text run under kMinTextSize, or a run of kBodySize or more whose contrast against its
/// background is under kMinBodyContrast. A run's background is the fill of the last filled
/// path painted before it on its page whose area holds the run's origin, else white.
inline std::vector<std::string> legibility_problems(const frame::Document& doc) {
  using namespace legibility_detail;
  std::vector<std::string> out;
  char buf[160];
  for (std::size_t n = 0; n < doc.pages.size(); ++n) {
    std::vector<const frame::Path*> filled;  // painted so far, in order
    const frame::Page page = frame::flattened(doc.pages[n]);
    for (const auto& item : page.items) {
      if (const auto* path = std::get_if<frame::Path>(&item); path && path->fill) filled.push_back(path);
      const auto* run = std::get_if<frame::TextRun>(&item);
      if (!run) continue;
      const std::string what = "page " + std::to_string(n + 1) + ": \"" + head(run->text) + "\" ";
      if (run->size < kMinTextSize) {
        std::snprintf(buf, sizeof buf, "%g pt %s: under %g pt", run->size, hex(run->color).c_str(), kMinTextSize);
        out.push_back(what + buf);
      }
      if (run->size < kBodySize) continue;
      base::Color back{1, 1, 1};
      for (auto it = filled.rbegin(); it != filled.rend(); ++it)
        if (fills(**it, run->origin)) {
          back = *(*it)->fill;
          break;
        }
      const double ratio = contrast_ratio(run->color, back);
      if (ratio < kMinBodyContrast) {
        std::snprintf(buf, sizeof buf, "%g pt %s on %s: contrast %.2f:1, under %g:1", run->size,
                      hex(run->color).c_str(), hex(back).c_str(), ratio, kMinBodyContrast);
        out.push_back(what + buf);
      }
    }
  }
  return out;
}

}  // namespace zb::test
