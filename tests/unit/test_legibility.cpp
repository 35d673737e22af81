// Legibility: the contrast formula, the checker on hand-built pages, and every real briefing against the rules.
#include <catch2/catch.hpp>

#include "layout/compose.h"
#include "legibility.h"
#include "load/facts_loader.h"
#include "load/layout_loader.h"
#include "test_support.h"

using namespace zb;
using test::contrast_ratio;
using test::legibility_problems;

namespace {

frame::TextRun run(double size, frame::Color ink, frame::Point origin = {100, 100}) {
  frame::TextRun r;
  r.origin = origin;
  r.size = size;
  r.color = ink;
  r.text = "Sample text";
  return r;
}

frame::Path filled_rect(frame::Rect b, frame::Color fill) {
  frame::Path p;
  using K = frame::PathOp::Kind;
  p.ops = {{K::move, {{b.x, b.y}}},
           {K::line, {{b.x + b.w, b.y}}},
           {K::line, {{b.x + b.w, b.y + b.h}}},
           {K::line, {{b.x, b.y + b.h}}},
           {K::close, {}}};
  p.fill = fill;
  return p;
}

frame::Document one_page(std::vector<frame::Item> items) {
  frame::Document doc;
  doc.pages.emplace_back().items = std::move(items);
  return doc;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

const frame::Color kWhite{1, 1, 1}, kBlack{0, 0, 0}, kGrey{0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0},
    kNavy{0x10 / 255.0, 0x20 / 255.0, 0x40 / 255.0};

}  // namespace

TEST_CASE("legibility: contrast ratio follows WCAG 2", "[legibility]") {
  CHECK(contrast_ratio(kBlack, kWhite) == Approx(21.0));
  CHECK(contrast_ratio(kWhite, kBlack) == Approx(21.0));
  CHECK(contrast_ratio(kGrey, kWhite) == Approx(4.48).epsilon(0.005));
  CHECK(contrast_ratio(kGrey, kGrey) == Approx(1.0));
}

TEST_CASE("legibility: the checker flags small text and low contrast against the right background", "[legibility]") {
  SECTION("black text on white at 7 pt and more passes") {
    CHECK(legibility_problems(one_page({run(7, kBlack), run(10, kBlack)})).empty());
  }
  SECTION("a 6 pt run is flagged, whatever its ink") {
    const auto p = legibility_problems(one_page({run(6, kBlack)}));
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "page 1: \"Sample text\" 6 pt #000000: under 7 pt");
  }
  SECTION("a 10 pt grey run on white is flagged; 8 pt grey is not body text") {
    const auto p = legibility_problems(one_page({run(10, kGrey), run(8, kGrey)}));
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "page 1: \"Sample text\" 10 pt #777777 on #FFFFFF: contrast 4.48:1, under 7:1");
  }
  SECTION("a run on a dark fill is measured against that fill") {
    const auto dark = filled_rect({50, 50, 200, 100}, kNavy);
    CHECK(legibility_problems(one_page({dark, run(10, kWhite)})).empty());
    const auto p = legibility_problems(one_page({dark, run(10, kBlack)}));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("#000000 on #102040") != std::string::npos);
  }
  SECTION("the last fill under the origin counts; one painted after the run does not") {
    const auto light = filled_rect({0, 0, 300, 300}, kWhite);
    const auto dark = filled_rect({50, 50, 200, 100}, kNavy);
    CHECK(legibility_problems(one_page({light, dark, run(10, kWhite)})).empty());
    CHECK(legibility_problems(one_page({dark, light, run(10, kWhite)})).size() == 1);
    CHECK(legibility_problems(one_page({run(10, kWhite), dark})).size() == 1);
  }
  SECTION("a run outside a filled rect is on white") {
    const auto dark = filled_rect({50, 50, 200, 100}, kNavy);
    const auto p = legibility_problems(one_page({dark, run(10, kGrey, {400, 400})}));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("on #FFFFFF") != std::string::npos);
  }
  SECTION("a fill inside a group is placed by the group's origin; pages are numbered from 1") {
    frame::Group g;
    g.origin = {300, 300};
    g.items = {filled_rect({0, 0, 100, 100}, kNavy), run(10, kWhite, {10, 50})};
    auto doc = one_page({});
    doc.pages.emplace_back().items = {g, run(10, kGrey)};
    const auto p = legibility_problems(doc);
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("page 2: ", 0) == 0);
  }
}

// Every role is exercised: the stale tag, a change since the last edition, old figures' dates.
TEST_CASE("legibility: every briefing and one-pager of inputs/ meets the rules in every mode",
          "[compose][legibility]") {
  base::SystemEnv env;
  for (const char* layout_name : {"briefing", "onepager"}) {
    auto layout = load::load_layout_file(env, test::source_dir() / "layouts" / (std::string(layout_name) + ".yaml"));
    REQUIRE(layout.ok());
    for (const auto& f : test::seed_zones()) {
      for (const auto& [mode, name] : model::kLangModes) {
        layout::ComposeOptions o;
        o.lang = mode;
        o.stale_days = 365;
        o.today = f.zone.as_of.days_since_epoch() + 3 * 365;
        o.changes = {{{"国家高新技术企业：542家 → 560家", "National high-tech enterprises: 542 → 560 firms"}}};
        const auto problems = legibility_problems(layout::compose_briefing(test::fonts(), f, *layout.layout, o));
        INFO(f.zone.id << " " << layout_name << " " << name << ":\n" << joined(problems));
        CHECK(problems.empty());
      }
    }
  }
}
