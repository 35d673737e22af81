// The two backends agree: the sample page rendered by the PNG backend matches a small golden
// image, and matches poppler's rendering of the PDF backend's output of the same display list.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <fstream>

#include "app/sample_document.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "image_compare.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kSampleDate = 1735689600;  // 2025-01-01T00:00:00Z

using test::fonts;

}  // namespace

TEST_CASE("the sample page matches its golden image", "[png][golden][render]") {
  auto doc = app::sample_document(fonts(), kSampleDate);
  auto raster = export_png::render_page(doc, 0, 36);
  test::check_against_reference(raster, test::source_dir() / "tests/golden/sample-page1-36dpi.png", 2.0, 0.01);
}

TEST_CASE("PNG and PDF backends draw the same page (widths agree)", "[png][pdf][render]") {
  auto doc = app::sample_document(fonts(), kSampleDate);
  auto dir = fs::temp_directory_path() / ("zonebrief-agree-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "s.pdf", std::ios::binary) << export_pdf::write_pdf(doc, "s.pdf");
  auto run =
      test::run_tool("pdftoppm -r 72 -f 1 -l 1 -png '" + (dir / "s.pdf").string() + "' '" + (dir / "p").string() + "'");
  REQUIRE(run.code == 0);
  fs::path poppler_png;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".png") poppler_png = e.path();
  REQUIRE(!poppler_png.empty());
  auto poppler = export_png::decode_png(test::read_text_file(poppler_png), poppler_png.string());
  auto ours = export_png::render_page(doc, 0, 72);
  // poppler rounds the page size up, Cairo to nearest: compare the common area.
  // Hinting and anti-aliasing differ between poppler and Cairo glyph by glyph, so compare 4x4
  // block averages: a word placed differently still changes whole blocks, anti-aliasing does not.
  auto blocks = [](const export_png::Raster& img, int w, int h) {
    export_png::Raster out{w / 4, h / 4, {}};
    for (int by = 0; by < out.height; ++by)
      for (int bx = 0; bx < out.width; ++bx)
        for (int c = 0; c < 4; ++c) {
          int sum = 0;
          for (int y = by * 4; y < by * 4 + 4; ++y)
            for (int x = bx * 4; x < bx * 4 + 4; ++x)
              sum += img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4 + c];
          out.rgba.push_back(static_cast<std::uint8_t>(sum / 16));
        }
    return out;
  };
  int w = std::min(ours.width, poppler.width), h = std::min(ours.height, poppler.height);
  CHECK(std::abs(ours.width - poppler.width) <= 1);
  CHECK(std::abs(ours.height - poppler.height) <= 1);
  auto diff = test::compare(blocks(ours, w, h), blocks(poppler, w, h));
  fs::remove_all(dir);
  INFO("mean abs " << diff.mean_abs << ", differing " << diff.differing_fraction);
  REQUIRE(diff.size_matches);
  // Only anti-aliasing differs: a misplaced word would move whole glyphs' worth of pixels.
  // Measured: 1.80 and 0.16% as drawn; 3.46 and 1.7% with text shifted by 2 pt (below).
  const double max_mean = 2.6, max_fraction = 0.006;
  CHECK(diff.mean_abs < max_mean);
  CHECK(diff.differing_fraction < max_fraction);

  // The comparison can fail: text drawn 2 pt to the right (what a 0.5% width drift does to the
  // end of a line) is far outside these bounds.
  doc.pages[0] = frame::flattened(doc.pages[0]);
  for (auto& item : doc.pages[0].items)
    if (auto* t = std::get_if<frame::TextRun>(&item)) t->origin.x += 2;
  auto shifted = export_png::render_page(doc, 0, 72);
  auto bad = test::compare(blocks(shifted, w, h), blocks(poppler, w, h));
  INFO("shifted: mean abs " << bad.mean_abs << ", differing " << bad.differing_fraction);
  CHECK(bad.mean_abs > max_mean);
  CHECK(bad.differing_fraction > 2 * max_fraction);
}
