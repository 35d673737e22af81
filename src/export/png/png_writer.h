// PNG backend: renders a display-list page with Cairo into an RGBA raster; PNG bytes to and from
// it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "frame/document.h"

namespace zb::export_png {

/// An 8-bit RGBA image, not premultiplied, row-major from the top-left pixel, no row padding:
/// rgba.size() == width * height * 4.
struct Raster {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
};

/// Renders page `page` (0-based index into doc.pages) at `dpi` pixels per inch: a page of
/// W x H points becomes round(W * dpi / 72) x round(H * dpi / 72) pixels on a white background,
/// with every item painted in order (links and bookmarks are not drawn). Fonts are read from
/// Font::data. Deterministic: the same document gives the same pixels. Safe to call from several
/// threads at once (each call has its own FreeType library).
/// Throws base::Error on a page index out of range, a dpi or page size that is not positive and
/// finite or gives more than 2^27 pixels, an unreadable font, a glyph id not in its font, an
/// image whose rgba size disagrees with its pixel size, or any Cairo failure.
Raster render_page(const frame::Document& doc, std::size_t page, double dpi);

/// The PNG file bytes of `raster` (8-bit RGBA). Lossless for opaque pixels (all that render_page
/// makes); other pixels pass through Cairo's premultiplied format, so translucent ones may lose
/// colour precision and fully transparent ones come back as 0,0,0,0. Throws base::Error when
/// rgba.size() disagrees with the size or Cairo fails.
std::string encode_png(const Raster& raster);

/// render_page followed by encode_png.
std::string render_png(const frame::Document& doc, std::size_t page, double dpi);

/// Decodes PNG file bytes. `name` (a path or label) names the input in error messages.
/// Throws base::Error naming `name` when the bytes are not a readable PNG or exceed 2^27 pixels.
Raster decode_png(const std::string& bytes, const std::string& name);

}  // namespace zb::export_png
