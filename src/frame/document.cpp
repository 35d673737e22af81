// Resolving the display list's groups into page coordinates for the backends.
#include "frame/document.h"

namespace zb::frame {
namespace {

void shift(Item& item, double dx, double dy) {
  if (auto* t = std::get_if<TextRun>(&item)) {
    t->origin.x += dx;
    t->origin.y += dy;
  } else if (auto* p = std::get_if<Path>(&item)) {
    for (auto& op : p->ops)
      for (auto& pt : op.p) {
        pt.x += dx;
        pt.y += dy;
      }
  } else if (auto* img = std::get_if<Image>(&item)) {
    img->box.x += dx;
    img->box.y += dy;
  }
}

/// Appends `items` (and `links`) resolved into the coordinates of their container, which places
/// them at `origin`.
void resolve(const std::vector<Item>& items, const std::vector<Link>& links, Point origin, std::vector<Item>& out_items,
             std::vector<Link>& out_links) {
  for (const Item& item : items) {
    if (const auto* g = std::get_if<Group>(&item)) {
      const std::size_t first_item = out_items.size(), first_link = out_links.size();
      resolve(g->items, g->links, g->origin, out_items, out_links);
      for (std::size_t i = first_item; i < out_items.size(); ++i) shift(out_items[i], origin.x, origin.y);
      for (std::size_t i = first_link; i < out_links.size(); ++i) {
        out_links[i].area.x += origin.x;
        out_links[i].area.y += origin.y;
      }
      continue;
    }
    out_items.push_back(item);
    shift(out_items.back(), origin.x, origin.y);
  }
  for (const Link& l : links) {
    out_links.push_back(l);
    out_links.back().area.x += origin.x;
    out_links.back().area.y += origin.y;
  }
}

}  // namespace

Page flattened(const Page& page) {
  Page out;
  out.width = page.width;
  out.height = page.height;
  out.items.reserve(page.items.size());
  resolve(page.items, page.links, Point{}, out.items, out.links);
  return out;
}

}  // namespace zb::frame
