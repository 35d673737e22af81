// Text dump of a display list: stable formatting so tests can compare it exactly.
#include "frame/dump.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace zb::frame {
namespace {

std::string num(double v) {
  double r = std::round(v * 100) / 100;
  if (r == 0) r = 0;  // no "-0"
  std::string s = fmt::format("{:.2f}", r);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string color(const Color& c) {
  auto ch = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", ch(c.r), ch(c.g), ch(c.b));
}

/// Items at one level, then that level's links; a group's contents indented under it.
void dump_items(const std::vector<Item>& items, const std::vector<Link>& links, const std::string& indent,
                std::string& out) {
  for (const Item& item : items) {
    if (const auto* t = std::get_if<TextRun>(&item)) {
      out += indent + "text f" + std::to_string(t->font) + " " + num(t->size) + " at " + num(t->origin.x) + "," +
             num(t->origin.y) + " w=" + num(t->width);
      if (t->char_spacing != 0) out += " cs=" + num(t->char_spacing);
      if (!(t->color == Color{})) out += " " + color(t->color);
      out += " \"" + t->text + "\"\n";
    } else if (const auto* path = std::get_if<Path>(&item)) {
      out += indent + "path";
      if (path->fill) out += " fill=" + color(*path->fill);
      if (path->stroke) out += " stroke=" + color(path->stroke->color) + "/" + num(path->stroke->width);
      out += " ";
      for (const auto& op : path->ops) {
        switch (op.kind) {
          case PathOp::Kind::move:
            out += "M" + num(op.p[0].x) + "," + num(op.p[0].y) + " ";
            break;
          case PathOp::Kind::line:
            out += "L" + num(op.p[0].x) + "," + num(op.p[0].y) + " ";
            break;
          case PathOp::Kind::curve:
            out += "C" + num(op.p[0].x) + "," + num(op.p[0].y) + " " + num(op.p[1].x) + "," + num(op.p[1].y) + " " +
                   num(op.p[2].x) + "," + num(op.p[2].y) + " ";
            break;
          case PathOp::Kind::close:
            out += "Z ";
            break;
        }
      }
      out.back() = '\n';
    } else if (const auto* img = std::get_if<Image>(&item)) {
      out += indent + "image " + std::to_string(img->width_px) + "x" + std::to_string(img->height_px) + " at " +
             num(img->box.x) + "," + num(img->box.y) + " " + num(img->box.w) + "x" + num(img->box.h) + "\n";
    } else if (const auto* g = std::get_if<Group>(&item)) {
      out += indent + "group at " + num(g->origin.x) + "," + num(g->origin.y) + "\n";
      dump_items(g->items, g->links, indent + "  ", out);
    }
  }
  for (const auto& l : links)
    out += indent + "link " + num(l.area.x) + "," + num(l.area.y) + " " + num(l.area.w) + "x" + num(l.area.h) + " " +
           (l.page >= 0 ? "page " + std::to_string(l.page + 1) + " at " + num(l.y) : l.uri) + "\n";
}

}  // namespace

std::string dump(const Document& doc) {
  std::string out;
  for (std::size_t i = 0; i < doc.fonts.size(); ++i)
    out += "font " + std::to_string(i) + " " + doc.fonts[i].name + "\n";
  for (const auto& b : doc.bookmarks)
    out += "bookmark level=" + std::to_string(b.level) + " page=" + std::to_string(b.page + 1) + " y=" + num(b.y) +
           " \"" + b.title + "\"\n";
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) + "\n";
    dump_items(page.items, page.links, "  ", out);
  }
  return out;
}

}  // namespace zb::frame
