// The display list's groups: flattening places nested items and links in page coordinates, in order.
#include <catch2/catch.hpp>

#include "frame/document.h"
#include "frame/dump.h"

using namespace zb;

namespace {

frame::TextRun run(const std::string& text, double x, double y) {
  frame::TextRun t;
  t.origin = {x, y};
  t.text = text;
  return t;
}

}  // namespace

TEST_CASE("a group places its items and links relative to its origin, nested groups inner first", "[frame]") {
  // Built with push_back: GCC 12 warns falsely (maybe-uninitialized) on variant initializer lists.
  frame::Group inner;
  inner.origin = {10, 0};
  inner.items.push_back(run("b", 1, 2));
  inner.links.push_back(frame::Link{{1, 1, 5, 5}, "https://b.example"});
  frame::Path line;
  line.ops.push_back({frame::PathOp::Kind::move, {{0, 0}}});
  line.ops.push_back({frame::PathOp::Kind::line, {{4, 0}}});
  frame::Group outer;
  outer.origin = {0, 100};
  outer.items.push_back(run("a", 3, 4));
  outer.items.push_back(std::move(inner));
  outer.items.push_back(std::move(line));
  frame::Page page;
  page.items.push_back(std::move(outer));
  page.items.push_back(run("c", 5, 6));
  page.links.push_back(frame::Link{{0, 0, 1, 1}, "https://page.example"});

  const frame::Page flat = frame::flattened(page);
  REQUIRE(flat.items.size() == 4);
  for (const auto& item : flat.items) CHECK_FALSE(std::holds_alternative<frame::Group>(item));
  const auto& a = std::get<frame::TextRun>(flat.items[0]);
  const auto& b = std::get<frame::TextRun>(flat.items[1]);
  const auto& p = std::get<frame::Path>(flat.items[2]);
  const auto& c = std::get<frame::TextRun>(flat.items[3]);
  CHECK((a.text == "a" && a.origin.x == 3 && a.origin.y == 104));
  CHECK((b.text == "b" && b.origin.x == 11 && b.origin.y == 102));
  CHECK((p.ops[1].p[0].x == 4 && p.ops[1].p[0].y == 100));
  CHECK((c.text == "c" && c.origin.x == 5 && c.origin.y == 6));
  REQUIRE(flat.links.size() == 2);  // the group's links where the group lands, then the page's own
  CHECK((flat.links[0].uri == "https://b.example" && flat.links[0].area.x == 11 && flat.links[0].area.y == 101));
  CHECK(flat.links[1].uri == "https://page.example");
}

TEST_CASE("the dump shows groups with their contents indented under them", "[frame]") {
  frame::Document doc;
  doc.pages.resize(1);
  doc.pages[0].width = 100;
  doc.pages[0].height = 50;
  frame::Group g;
  g.origin = {0, 20};
  g.items.push_back(run("x", 2, 3));
  g.links.push_back(frame::Link{{0, 0, 2, 2}, "https://x.example"});
  doc.pages[0].items.push_back(std::move(g));
  CHECK(frame::dump(doc) ==
        "page 1 100x50\n"
        "  group at 0,20\n"
        "    text f0 10 at 2,3 w=0 \"x\"\n"
        "    link 0,0 2x2 https://x.example\n");
}
