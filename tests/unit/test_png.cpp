// PNG backend: pixels of paths, text and images; PNG encode/decode; errors; one golden image.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "base/diagnostics.h"
#include "base/env.h"
#include "export/png/png_writer.h"
#include "frame/document.h"
#include "image_compare.h"

using namespace zb;
using export_png::Raster;
using Kind = frame::PathOp::Kind;

namespace {

frame::PathOp op(Kind kind, frame::Point a = {}, frame::Point b = {}, frame::Point c = {}) {
  frame::PathOp o;
  o.kind = kind;
  o.p[0] = a;
  o.p[1] = b;
  o.p[2] = c;
  return o;
}

/// A closed rectangle, drawn clockwise on the page (y down).
std::vector<frame::PathOp> rect_ops(double x, double y, double w, double h) {
  return {op(Kind::move, {x, y}), op(Kind::line, {x + w, y}), op(Kind::line, {x + w, y + h}),
          op(Kind::line, {x, y + h}), op(Kind::close)};
}

frame::Path filled(std::vector<frame::PathOp> ops, frame::Color c, bool even_odd = false) {
  frame::Path p;
  p.ops = std::move(ops);
  p.fill = c;
  p.even_odd = even_odd;
  return p;
}

frame::Path stroked(std::vector<frame::PathOp> ops, frame::Color c, double width) {
  frame::Path p;
  p.ops = std::move(ops);
  p.stroke = frame::Stroke{c, width};
  return p;
}

frame::Document one_page(double w, double h, std::vector<frame::Item> items) {
  frame::Document doc;
  frame::Page page;
  page.width = w;
  page.height = h;
  page.items = std::move(items);
  doc.pages.push_back(std::move(page));
  return doc;
}

const frame::Color kRed{1, 0, 0}, kBlue{0, 0, 1}, kBlack{0, 0, 0};

/// "#rrggbbaa" of one pixel, so a failed CHECK shows the colour.
std::string hex(const Raster& r, int x, int y) {
  REQUIRE(x >= 0);
  REQUIRE(y >= 0);
  REQUIRE(x < r.width);
  REQUIRE(y < r.height);
  const std::uint8_t* p = &r.rgba[(std::size_t(y) * std::size_t(r.width) + std::size_t(x)) * 4];
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", p[0], p[1], p[2], p[3]);
  return buf;
}

bool is_white(const Raster& r, int x, int y) {
  const std::uint8_t* p = &r.rgba[(std::size_t(y) * std::size_t(r.width) + std::size_t(x)) * 4];
  return p[0] == 255 && p[1] == 255 && p[2] == 255 && p[3] == 255;
}

/// Darkness of a pixel: 255 minus its lightest colour channel (0 = white).
int ink(const Raster& r, int x, int y) {
  const std::uint8_t* p = &r.rgba[(std::size_t(y) * std::size_t(r.width) + std::size_t(x)) * 4];
  return 255 - std::max({p[0], p[1], p[2]});
}

std::filesystem::path golden_dir() {
#ifdef ZB_SOURCE_DIR
  return std::filesystem::path(ZB_SOURCE_DIR) / "tests" / "golden";
#else
  return std::filesystem::path("tests") / "golden";  // tests run from the repository root
#endif
}

}  // namespace

TEST_CASE("png: a filled rectangle lands on the right pixels", "[png][render]") {
  auto doc = one_page(100, 60, {filled(rect_ops(10, 10, 40, 20), kRed)});

  SECTION("72 dpi: one pixel per point") {
    Raster r = export_png::render_page(doc, 0, 72);
    REQUIRE(r.width == 100);
    REQUIRE(r.height == 60);
    REQUIRE(r.rgba.size() == 100u * 60 * 4);
    CHECK(hex(r, 30, 20) == "#ff0000ff");
    CHECK(hex(r, 12, 12) == "#ff0000ff");
    CHECK(hex(r, 47, 27) == "#ff0000ff");
    CHECK(hex(r, 5, 5) == "#ffffffff");
    CHECK(hex(r, 7, 20) == "#ffffffff");
    CHECK(hex(r, 53, 20) == "#ffffffff");
    CHECK(hex(r, 30, 7) == "#ffffffff");
    CHECK(hex(r, 30, 33) == "#ffffffff");
    CHECK(hex(r, 99, 59) == "#ffffffff");
    // The edges fall on pixel boundaries, so even the border pixels are exact.
    CHECK(hex(r, 10, 10) == "#ff0000ff");
    CHECK(hex(r, 49, 29) == "#ff0000ff");
    CHECK(hex(r, 9, 10) == "#ffffffff");
    CHECK(hex(r, 50, 29) == "#ffffffff");
    CHECK(hex(r, 49, 30) == "#ffffffff");
  }
  SECTION("144 dpi: two pixels per point") {
    Raster r = export_png::render_page(doc, 0, 144);
    REQUIRE(r.width == 200);
    REQUIRE(r.height == 120);
    CHECK(hex(r, 60, 40) == "#ff0000ff");
    CHECK(hex(r, 24, 24) == "#ff0000ff");
    CHECK(hex(r, 95, 55) == "#ff0000ff");
    CHECK(hex(r, 15, 40) == "#ffffffff");
    CHECK(hex(r, 105, 40) == "#ffffffff");
    CHECK(hex(r, 60, 15) == "#ffffffff");
    CHECK(hex(r, 60, 65) == "#ffffffff");
    CHECK(hex(r, 20, 20) == "#ff0000ff");
    CHECK(hex(r, 99, 59) == "#ff0000ff");
    CHECK(hex(r, 19, 20) == "#ffffffff");
    CHECK(hex(r, 100, 59) == "#ffffffff");
  }
  SECTION("fractional page sizes round to whole pixels") {
    auto a4 = one_page(595.276, 841.89, {});
    Raster r = export_png::render_page(a4, 0, 72);
    CHECK(r.width == 595);
    CHECK(r.height == 842);
  }
}

TEST_CASE("png: stroked line and curve", "[png][render]") {
  SECTION("a horizontal line 4 pt wide with butt caps") {
    auto doc = one_page(100, 60, {stroked({op(Kind::move, {10, 30}), op(Kind::line, {90, 30})}, kBlue, 4)});
    Raster r = export_png::render_page(doc, 0, 72);
    for (int y = 28; y <= 31; ++y) {
      CHECK(hex(r, 50, y) == "#0000ffff");
      CHECK(hex(r, 11, y) == "#0000ffff");
      CHECK(hex(r, 88, y) == "#0000ffff");
    }
    CHECK(hex(r, 50, 26) == "#ffffffff");
    CHECK(hex(r, 50, 33) == "#ffffffff");
    CHECK(hex(r, 8, 30) == "#ffffffff");  // butt cap: nothing before the start
    CHECK(hex(r, 91, 30) == "#ffffffff");
  }
  SECTION("a cubic arch 3 pt wide") {
    // From (10,50) up to its apex (50,20) at t = 0.5 and down to (90,50).
    auto doc = one_page(
        100, 60, {stroked({op(Kind::move, {10, 50}), op(Kind::curve, {10, 10}, {90, 10}, {90, 50})}, kBlack, 3)});
    Raster r = export_png::render_page(doc, 0, 72);
    CHECK(ink(r, 50, 19) > 200);  // the apex: the stroke covers y 18.5..21.5
    CHECK(ink(r, 50, 20) > 200);
    CHECK(ink(r, 10, 45) > 200);  // near the start the curve runs vertically at x = 10
    CHECK(ink(r, 89, 45) > 200);
    CHECK(is_white(r, 50, 15));  // above the apex
    CHECK(is_white(r, 50, 35));  // under the arch
    CHECK(is_white(r, 5, 45));
    CHECK(is_white(r, 95, 45));
  }
  SECTION("fill and stroke together: stroke painted over the fill") {
    frame::Path p = filled(rect_ops(20, 20, 40, 20), kRed);
    p.stroke = frame::Stroke{kBlue, 4};
    Raster r = export_png::render_page(one_page(100, 60, {p}), 0, 72);
    CHECK(hex(r, 40, 30) == "#ff0000ff");
    CHECK(hex(r, 40, 19) == "#0000ffff");  // the stroke straddles the edge at y = 20
    CHECK(hex(r, 40, 20) == "#0000ffff");
    CHECK(hex(r, 40, 22) == "#ff0000ff");
    CHECK(hex(r, 40, 17) == "#ffffffff");
  }
  SECTION("width 0 is the thinnest visible line, as in PDF") {
    auto doc = one_page(100, 60, {stroked({op(Kind::move, {10, 30.5}), op(Kind::line, {90, 30.5})}, kBlack, 0)});
    Raster r = export_png::render_page(doc, 0, 72);
    CHECK(hex(r, 50, 30) == "#000000ff");
    CHECK(is_white(r, 50, 29));
    CHECK(is_white(r, 50, 31));
  }
}

TEST_CASE("png: even-odd and non-zero fill of two nested squares", "[png][render]") {
  // Both squares run clockwise: the inner one has winding number 2.
  std::vector<frame::PathOp> ops = rect_ops(10, 10, 40, 40);
  for (const auto& o : rect_ops(20, 20, 20, 20)) ops.push_back(o);

  Raster non_zero = export_png::render_page(one_page(60, 60, {filled(ops, kBlue, false)}), 0, 72);
  Raster even_odd = export_png::render_page(one_page(60, 60, {filled(ops, kBlue, true)}), 0, 72);

  CHECK(hex(non_zero, 30, 30) == "#0000ffff");  // inner square: filled
  CHECK(hex(even_odd, 30, 30) == "#ffffffff");  // inner square: a hole
  CHECK(hex(even_odd, 21, 21) == "#ffffffff");
  CHECK(hex(even_odd, 38, 38) == "#ffffffff");
  for (const Raster* r : {&non_zero, &even_odd}) {
    CHECK(hex(*r, 15, 30) == "#0000ffff");  // the ring: filled either way
    CHECK(hex(*r, 30, 15) == "#0000ffff");
    CHECK(hex(*r, 45, 45) == "#0000ffff");
    CHECK(hex(*r, 5, 30) == "#ffffffff");
    CHECK(hex(*r, 55, 55) == "#ffffffff");
  }
}

TEST_CASE("png: images are scaled into their box, transparency shows the page", "[png][render]") {
  frame::Image image;
  image.box = {10, 10, 40, 20};
  image.width_px = 2;
  image.height_px = 1;
  image.rgba = {255, 0, 0, 255, /* transparent: */ 0, 255, 0, 0};
  Raster r = export_png::render_page(one_page(60, 40, {image}), 0, 72);
  CHECK(hex(r, 11, 15) == "#ff0000ff");
  CHECK(hex(r, 15, 25) == "#ff0000ff");
  CHECK(hex(r, 45, 15) == "#ffffffff");
  CHECK(hex(r, 5, 15) == "#ffffffff");
  CHECK(hex(r, 15, 35) == "#ffffffff");

  SECTION("a wrong byte count is an error, not a read past the end") {
    image.rgba.pop_back();
    REQUIRE_THROWS_WITH(export_png::render_page(one_page(60, 40, {image}), 0, 72),
                        "display list:1:1: error: pages[0].items[0]: rgba: expected 8 bytes for "
                        "2x1 pixels (found 7 bytes)");
  }
}

TEST_CASE("png: encode then decode is lossless and deterministic", "[png][render]") {
  Raster r;
  r.width = 256;
  r.height = 3;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      auto v = static_cast<std::uint8_t>(x);
      r.rgba.insert(r.rgba.end(), {v, static_cast<std::uint8_t>(255 - x), static_cast<std::uint8_t>(x * 7 + y), 255});
    }
  std::string png = export_png::encode_png(r);
  REQUIRE(png.compare(1, 3, "PNG") == 0);
  Raster back = export_png::decode_png(png, "roundtrip.png");
  CHECK(back.width == r.width);
  CHECK(back.height == r.height);
  CHECK(back.rgba == r.rgba);
  CHECK(export_png::encode_png(back) == png);

  auto doc = one_page(100, 60,
                      {filled(rect_ops(10, 10, 33.3, 21.7), kRed),
                       stroked({op(Kind::move, {5, 55}), op(Kind::curve, {30, 0}, {60, 80}, {95, 5})}, kBlue, 1.5)});
  Raster page = export_png::render_page(doc, 0, 96);
  CHECK(export_png::decode_png(export_png::encode_png(page), "page.png").rgba == page.rgba);
  CHECK(export_png::render_png(doc, 0, 96) == export_png::render_png(doc, 0, 96));
}

TEST_CASE("png: bad input gives an error naming it", "[png][render]") {
  SECTION("garbage bytes") {
    REQUIRE_THROWS_AS(export_png::decode_png("this is not a PNG file", "refs/garbage.png"), base::Error);
    REQUIRE_THROWS_WITH(export_png::decode_png("this is not a PNG file", "refs/garbage.png"),
                        "refs/garbage.png:1:1: error: expected a PNG image (found no PNG "
                        "signature in the first bytes)");
    REQUIRE_THROWS_WITH(export_png::decode_png("", "empty.png"),
                        "empty.png:1:1: error: expected a PNG image (found an empty file)");
  }
  SECTION("a PNG cut short or corrupted after its signature") {
    Raster r;
    r.width = r.height = 16;
    r.rgba.assign(16 * 16 * 4, 200);
    std::string png = export_png::encode_png(r);
    REQUIRE_THROWS_WITH(export_png::decode_png(png.substr(0, png.size() / 2), "cut.png"),
                        Catch::StartsWith("cut.png:1:1: error: expected a readable PNG image"));
    std::string bad = png;
    for (std::size_t i = 40; i < bad.size() - 12; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    REQUIRE_THROWS_WITH(export_png::decode_png(bad, "corrupt.png"),
                        Catch::StartsWith("corrupt.png:1:1: error: expected a readable PNG image"));
  }
  SECTION("a header promising a huge image is refused before allocating it") {
    Raster r;
    r.width = r.height = 1;
    r.rgba = {0, 0, 0, 255};
    std::string png = export_png::encode_png(r);
    png[16] = png[20] = 0;  // width and height 0x00ffxxxx: well over the limit
    png[17] = png[21] = static_cast<char>(0xff);
    REQUIRE_THROWS_WITH(export_png::decode_png(png, "bomb.png"),
                        Catch::StartsWith("bomb.png:1:1: error: expected a PNG image of at most"));
  }
  SECTION("display-list mistakes") {
    auto doc = one_page(100, 60, {});
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 1, 72),
                        "display list:1:1: error: expected a page index below 1 (found 1)");
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 0),
                        "display list:1:1: error: expected a dpi above 0 (found 0)");
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 1e6),
                        Catch::Contains("expected at most 32767 pixels each way"));
    frame::TextRun run;
    run.text = "A";
    run.glyphs = {frame::Glyph{36, U'A', 0}};
    doc.pages[0].items.push_back(run);
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 72),
                        "display list:1:1: error: pages[0].items[0]: font: expected an index "
                        "below 0 (found 0)");
    doc.fonts.push_back(frame::Font{"Missing-Regular", "fonts/missing.ttf", nullptr, 1000});
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 72),
                        "fonts/missing.ttf:1:1: error: expected the bytes of font Missing-Regular "
                        "(found no font data)");
    doc.fonts[0].data = std::make_shared<const std::string>("not a font");
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 72),
                        Catch::StartsWith("fonts/missing.ttf:1:1: error: expected a font FreeType "
                                          "can open (found FreeType error"));
  }
}

namespace {

/// The CJK test font's bytes, or nullopt (with a WARN) when it is not on this machine.
/// ZB_TEST_CJK_FONT names another file; when set, it must exist.
std::optional<std::pair<std::string, std::shared_ptr<const std::string>>> load_cjk_font() {
  base::SystemEnv env;
  constexpr std::uintmax_t kMaxFont = 64u << 20;
  if (auto path = env.get_var("ZB_TEST_CJK_FONT")) {
    base::FileBytes f = env.read_file(*path, kMaxFont);
    if (!f.error.empty() || f.too_large)
      FAIL("ZB_TEST_CJK_FONT=" << *path << " cannot be read: " << (f.too_large ? std::string("too large") : f.error));
    return std::pair{*path, std::make_shared<const std::string>(std::move(f.data))};
  }
  const char* candidates[] = {"fonts/NotoSansCJKsc-Regular.ttf", "/tmp/NotoSansCJKsc-Regular.ttf"};
  for (const char* path : candidates) {
    base::FileBytes f = env.read_file(path, kMaxFont);
    if (f.error.empty() && !f.too_large)
      return std::pair{std::string(path), std::make_shared<const std::string>(std::move(f.data))};
  }
  WARN(
      "SKIPPED: no CJK test font (looked for fonts/NotoSansCJKsc-Regular.ttf and "
      "/tmp/NotoSansCJKsc-Regular.ttf); set ZB_TEST_CJK_FONT to a TrueType Noto Sans CJK SC");
  return std::nullopt;
}

struct FtLibraryCloser {
  void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FtFaceCloser {
  void operator()(FT_Face f) const { FT_Done_Face(f); }
};

/// A glyph of the test font: its id and advance in font units.
struct TestGlyph {
  std::uint32_t id = 0;
  double advance = 0;
};

}  // namespace

TEST_CASE("png: a text run puts its ink inside its box", "[png][text][render]") {
  auto font = load_cjk_font();
  if (!font) return;  // Catch2 v2 has no SKIP: the WARN above says why
  const auto& [path, bytes] = *font;

  // Glyph ids and advances straight from FreeType, as the font book will supply them.
  FT_Library raw_lib = nullptr;
  REQUIRE(FT_Init_FreeType(&raw_lib) == 0);
  std::unique_ptr<FT_LibraryRec_, FtLibraryCloser> lib(raw_lib);
  FT_Face raw_face = nullptr;
  REQUIRE(FT_New_Memory_Face(lib.get(), reinterpret_cast<const FT_Byte*>(bytes->data()),
                             static_cast<FT_Long>(bytes->size()), 0, &raw_face) == 0);
  std::unique_ptr<FT_FaceRec_, FtFaceCloser> face(raw_face);
  const double upem = face->units_per_EM;
  auto glyph = [&](char32_t cp) {
    TestGlyph g;
    g.id = FT_Get_Char_Index(face.get(), cp);
    REQUIRE(g.id != 0);
    REQUIRE(FT_Load_Glyph(face.get(), g.id, FT_LOAD_NO_SCALE) == 0);
    g.advance = double(face->glyph->advance.x);
    return g;
  };

  frame::Document doc;
  doc.fonts.push_back(frame::Font{"NotoSansCJKsc-Regular", path, bytes, unsigned(upem)});
  frame::Page page;
  page.width = 140;
  page.height = 60;
  frame::TextRun run;
  run.origin = {20, 40};
  run.size = 24;
  run.text = "萧山A";
  double pen = 0;
  std::vector<double> cell_start;
  for (char32_t cp : {U'萧', U'山', U'A'}) {
    TestGlyph g = glyph(cp);
    cell_start.push_back(pen);
    run.glyphs.push_back(frame::Glyph{g.id, cp, pen});
    pen += g.advance / upem * run.size;
  }
  cell_start.push_back(pen);
  run.width = pen;
  page.items.push_back(run);
  doc.pages.push_back(page);

  const double dpi = 144, s = dpi / 72;
  Raster r = export_png::render_page(doc, 0, dpi);
  REQUIRE(r.width == 280);
  REQUIRE(r.height == 120);

  // The em box of the run: ascent 0.88 em and descent 0.12 em for Noto CJK, one pixel of margin.
  const double x0 = run.origin.x * s - 1, x1 = (run.origin.x + run.width) * s + 1;
  const double y0 = (run.origin.y - 0.88 * run.size) * s - 1;
  const double y1 = (run.origin.y + 0.12 * run.size) * s + 1;
  int inside = 0, outside = 0, darkest = 0;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      if (is_white(r, x, y)) continue;
      if (x >= x0 && x < x1 && y >= y0 && y < y1) {
        ++inside;
        darkest = std::max(darkest, ink(r, x, y));
      } else {
        ++outside;
      }
    }
  CHECK(outside == 0);
  CHECK(inside > 400);
  CHECK(darkest > 240);  // black text, fully covered pixels in the stems

  // Every glyph inks its own advance cell; the Latin A sits on the baseline at cap height.
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("glyph " << i);
    int cell_ink = 0, top = r.height, bottom = -1;
    const int cx0 = int((run.origin.x + cell_start[i]) * s);
    const int cx1 = int((run.origin.x + cell_start[i + 1]) * s);
    for (int y = 0; y < r.height; ++y)
      for (int x = cx0; x < cx1; ++x)
        if (ink(r, x, y) > 128) {
          ++cell_ink;
          top = std::min(top, y);
          bottom = std::max(bottom, y);
        }
    CHECK(cell_ink > 60);
    if (i == 2) {
      const double baseline = run.origin.y * s;
      CHECK(bottom <= baseline);  // rows y < baseline are above it
      CHECK(bottom >= baseline - 2);
      const double cap = (baseline - top) / s / run.size;  // Noto's cap height is 0.733 em
      CHECK(cap > 0.68);
      CHECK(cap < 0.78);
    }
  }

  SECTION("a glyph id outside the font is an error") {
    doc.pages[0].items.clear();
    frame::TextRun bad = run;
    bad.glyphs[1].id = 70000;
    doc.pages[0].items.push_back(bad);
    REQUIRE_THROWS_WITH(export_png::render_page(doc, 0, 72),
                        Catch::StartsWith("display list:1:1: error: pages[0].items[0]: "
                                          "glyphs[1].id: expected a glyph id below"));
  }
  SECTION("threads rendering different documents get the same bytes as one thread") {
    constexpr int kThreads = 4;
    std::vector<frame::Document> docs(kThreads, doc);  // each thread its own document
    const std::string expected = export_png::render_png(doc, 0, dpi);
    std::vector<std::string> got(kThreads);
    std::vector<std::exception_ptr> errors(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        try {
          for (int k = 0; k < 5; ++k) got[t] = export_png::render_png(docs[t], 0, dpi);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    for (auto& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t) {
      CHECK_FALSE(errors[t]);
      CHECK(got[t] == expected);
    }
  }
}

TEST_CASE("png: golden image of a few shapes", "[png][golden][render]") {
  std::vector<frame::Item> items;
  // A pale box with a dark border.
  frame::Path box = filled(rect_ops(6, 6, 30, 20), {0.8, 0.9, 1.0});
  box.stroke = frame::Stroke{{0.1, 0.2, 0.4}, 1.5};
  items.push_back(box);
  // A red disc (four Béziers) with a black outline.
  const double cx = 56, cy = 16, rr = 10, k = 0.5523 * rr;
  frame::Path disc =
      filled({op(Kind::move, {cx + rr, cy}), op(Kind::curve, {cx + rr, cy + k}, {cx + k, cy + rr}, {cx, cy + rr}),
              op(Kind::curve, {cx - k, cy + rr}, {cx - rr, cy + k}, {cx - rr, cy}),
              op(Kind::curve, {cx - rr, cy - k}, {cx - k, cy - rr}, {cx, cy - rr}),
              op(Kind::curve, {cx + k, cy - rr}, {cx + rr, cy - k}, {cx + rr, cy}), op(Kind::close)},
             {0.85, 0.1, 0.1});
  disc.stroke = frame::Stroke{kBlack, 1};
  items.push_back(disc);
  // A green five-pointed star, even-odd: its centre pentagon stays white.
  {
    const double sx = 20, sy = 43, sr = 14;
    std::vector<frame::PathOp> star;
    for (int i = 0; i < 5; ++i) {
      const double a = -3.14159265358979 / 2 + i * 4 * 3.14159265358979 / 5;
      star.push_back(op(i == 0 ? Kind::move : Kind::line, {sx + sr * std::cos(a), sy + sr * std::sin(a)}));
    }
    star.push_back(op(Kind::close));
    items.push_back(filled(star, {0.1, 0.6, 0.2}, true));
  }
  // An orange wave.
  items.push_back(
      stroked({op(Kind::move, {38, 50}), op(Kind::curve, {48, 34}, {58, 66}, {68, 44})}, {1.0, 0.55, 0.0}, 2));
  // A 2x2 checker image scaled into a 20 pt square (smoothed).
  frame::Image checker;
  checker.box = {74, 32, 20, 20};
  checker.width_px = checker.height_px = 2;
  checker.rgba = {0, 0, 0, 255, 255, 220, 0, 255, 255, 220, 0, 255, 0, 0, 0, 255};
  items.push_back(checker);

  Raster r = export_png::render_page(one_page(100, 60, std::move(items)), 0, 72);
  REQUIRE(r.width == 100);
  REQUIRE(r.height == 60);
  test::check_against_reference(r, golden_dir() / "png-shapes.png", 1.0, 0.005);
}
