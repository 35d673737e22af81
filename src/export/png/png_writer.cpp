// PNG backend: display list → Cairo image surface → RGBA raster → PNG, C handles in RAII owners.
#include "export/png/png_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <variant>

#include <cairo-ft.h>
#include <cairo.h>
#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "base/diagnostics.h"

namespace zb::export_png {
namespace {

/// Largest raster (in pixels) rendered or decoded: 512 MiB of RGBA, A4 at about 1150 dpi.
constexpr double kMaxPixels = double(1 << 27);
/// Cairo's limit on either side of an image surface.
constexpr int kMaxSide = 32767;
/// Names the display list in diagnostics (it is not a file).
constexpr const char* kDisplayList = "display list";

[[noreturn]] void fail(std::string where, std::string expected, std::string found) {
  throw base::Error(base::Diagnostic::whole_file(std::move(where), std::move(expected), std::move(found)));
}

std::string num(double v) { return fmt::format("{:g}", v); }

// ---- RAII owners for Cairo handles -------------------------------------------------------------

template <auto kDestroy>
struct CairoDeleter {
  template <class T>
  void operator()(T* p) const {
    if (p) kDestroy(p);
  }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter<cairo_surface_destroy>>;
using ContextPtr = std::unique_ptr<cairo_t, CairoDeleter<cairo_destroy>>;
using FontFacePtr = std::unique_ptr<cairo_font_face_t, CairoDeleter<cairo_font_face_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDeleter<cairo_font_options_destroy>>;

// ---- FreeType ----------------------------------------------------------------------------------

/// One FT_Library per render call. Cairo may keep a font face (and so its FT_Face) alive in its
/// global scaled-font cache after the call returns and destroy it later from any thread, so the
/// library is shared by the faces made from it and freed with the last one; FreeType requires
/// FT_New_Face / FT_Done_Face on one library to be serialized, hence the mutex.
class FtLibrary {
 public:
  FtLibrary() {
    if (FT_Error err = FT_Init_FreeType(&handle_))
      fail("FreeType", "expected FreeType to initialise", "error " + std::to_string(err));
  }
  ~FtLibrary() { FT_Done_FreeType(handle_); }
  FtLibrary(const FtLibrary&) = delete;
  FtLibrary& operator=(const FtLibrary&) = delete;

  FT_Library handle() const { return handle_; }
  std::mutex& mutex() { return mutex_; }

 private:
  FT_Library handle_ = nullptr;
  std::mutex mutex_;
};

/// Owns one FT_Face, the font bytes it reads from (FT_New_Memory_Face does not copy them) and
/// a share of its library. Once the Cairo font face is made, Cairo owns this through the face's
/// user data and deletes it when the font face is finally destroyed.
struct FaceHolder {
  std::shared_ptr<FtLibrary> library_;
  std::shared_ptr<const std::string> bytes_;
  FT_Face face_ = nullptr;

  FaceHolder(std::shared_ptr<FtLibrary> library, std::shared_ptr<const std::string> bytes)
      : library_(std::move(library)), bytes_(std::move(bytes)) {}
  ~FaceHolder() {
    if (!face_) return;
    std::lock_guard<std::mutex> lock(library_->mutex());
    FT_Done_Face(face_);
  }
  FaceHolder(const FaceHolder&) = delete;
  FaceHolder& operator=(const FaceHolder&) = delete;
};

const cairo_user_data_key_t kFaceHolderKey{};

void destroy_face_holder(void* p) { delete static_cast<FaceHolder*>(p); }

std::string ft_error_text(FT_Error err) {
  const char* s = FT_Error_String(err);  // NULL unless FreeType was built with error strings
  std::string out = "FreeType error " + std::to_string(err);
  if (s) out += std::string(": ") + s;
  return out;
}

/// A loaded font: the Cairo face to draw with and the glyph count to check ids against.
struct LoadedFont {
  FontFacePtr face;
  long num_glyphs = 0;
};

LoadedFont load_font(const std::shared_ptr<FtLibrary>& library, const frame::Font& font) {
  std::string where = font.path.empty() ? font.name : font.path;
  if (!font.data || font.data->empty()) fail(where, "expected the bytes of font " + font.name, "no font data");
  if (font.data->size() > std::size_t(std::numeric_limits<FT_Long>::max()))
    fail(where, "expected a font FreeType can open", "a file too large");

  auto holder = std::make_unique<FaceHolder>(library, font.data);
  {
    std::lock_guard<std::mutex> lock(library->mutex());
    FT_Error err = FT_New_Memory_Face(library->handle(), reinterpret_cast<const FT_Byte*>(holder->bytes_->data()),
                                      static_cast<FT_Long>(holder->bytes_->size()), 0, &holder->face_);
    if (err) {
      holder->face_ = nullptr;
      fail(where, "expected a font FreeType can open", ft_error_text(err));
    }
  }
  LoadedFont out;
  out.num_glyphs = holder->face_->num_glyphs;
  // No hinting and no embedded bitmaps: outlines scaled exactly, as the PDF shows them.
  out.face.reset(
      cairo_ft_font_face_create_for_ft_face(holder->face_, static_cast<int>(FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)));
  if (cairo_status_t st = cairo_font_face_status(out.face.get()))
    fail(where, "expected Cairo to accept font " + font.name, cairo_status_to_string(st));
  if (cairo_status_t st =
          cairo_font_face_set_user_data(out.face.get(), &kFaceHolderKey, holder.get(), destroy_face_holder)) {
    out.face.reset();  // the font face goes first; then `holder` closes the FT_Face
    fail(where, "expected Cairo to accept font " + font.name, cairo_status_to_string(st));
  }
  static_cast<void>(holder.release());  // now owned by the font face's user data
  return out;
}

/// Font faces made once per process for each font's bytes and shared by every render, so a
/// preview of each zone does not parse the fonts again (Cairo locks a face's FT_Face while it
/// uses it, so workers may share one). An entry keeps its bytes alive, so a key (the address
/// of the bytes) cannot be reused while it is in the cache.
LoadedFont shared_font(const frame::Font& font) {
  static std::mutex mutex;
  static std::shared_ptr<FtLibrary> library;
  static std::map<const std::string*, LoadedFont> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(font.data.get());
  if (it == cache.end()) {
    if (!library) library = std::make_shared<FtLibrary>();
    it = cache.emplace(font.data.get(), load_font(library, font)).first;
  }
  LoadedFont copy;
  copy.face.reset(cairo_font_face_reference(it->second.face.get()));
  copy.num_glyphs = it->second.num_glyphs;
  return copy;
}

// ---- pixels ------------------------------------------------------------------------------------

std::uint8_t premultiply(std::uint8_t c, std::uint8_t a) {
  return static_cast<std::uint8_t>((unsigned(c) * a + 127u) / 255u);
}

std::uint8_t unpremultiply(std::uint8_t c, std::uint8_t a) {
  if (a == 0) return 0;
  return static_cast<std::uint8_t>(std::min(255u, (unsigned(c) * 255u + a / 2u) / a));
}

/// Pixels of an image surface (any format) as a non-premultiplied Raster.
Raster raster_from_surface(cairo_surface_t* surface, const std::string& where) {
  cairo_surface_flush(surface);
  cairo_format_t format = cairo_image_surface_get_format(surface);
  SurfacePtr converted;
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) {
    converted.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(surface),
                                               cairo_image_surface_get_height(surface)));
    ContextPtr cr(cairo_create(converted.get()));
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr.get(), surface, 0, 0);
    cairo_paint(cr.get());
    if (cairo_status_t st = cairo_status(cr.get()))
      fail(where, "expected Cairo to convert the image to RGBA", cairo_status_to_string(st));
    cr.reset();
    cairo_surface_flush(converted.get());
    surface = converted.get();
    format = CAIRO_FORMAT_ARGB32;
  }
  Raster out;
  out.width = cairo_image_surface_get_width(surface);
  out.height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  if (!data) fail(where, "expected Cairo image data", "none");
  out.rgba.resize(std::size_t(out.width) * std::size_t(out.height) * 4);
  const bool has_alpha = format == CAIRO_FORMAT_ARGB32;
  std::uint8_t* dst = out.rgba.data();
  for (int y = 0; y < out.height; ++y) {
    const unsigned char* row = data + std::size_t(y) * std::size_t(stride);
    for (int x = 0; x < out.width; ++x) {
      std::uint32_t px;  // native-endian 0xAARRGGBB, premultiplied
      std::memcpy(&px, row + std::size_t(x) * 4, 4);
      auto a = has_alpha ? static_cast<std::uint8_t>(px >> 24) : std::uint8_t{255};
      dst[0] = unpremultiply(static_cast<std::uint8_t>(px >> 16), a);
      dst[1] = unpremultiply(static_cast<std::uint8_t>(px >> 8), a);
      dst[2] = unpremultiply(static_cast<std::uint8_t>(px), a);
      dst[3] = a;
      dst += 4;
    }
  }
  return out;
}

/// A premultiplied ARGB32 surface holding `rgba` (width x height, not premultiplied).
SurfacePtr surface_from_rgba(const std::uint8_t* rgba, int width, int height, const std::string& where) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  if (cairo_status_t st = cairo_surface_status(surface.get()))
    fail(where, "expected Cairo to make a " + std::to_string(width) + "x" + std::to_string(height) + " image",
         cairo_status_to_string(st));
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < height; ++y) {
    unsigned char* row = data + std::size_t(y) * std::size_t(stride);
    for (int x = 0; x < width; ++x) {
      const std::uint8_t* s = rgba + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
      std::uint8_t a = s[3];
      std::uint32_t px = std::uint32_t(a) << 24 | std::uint32_t(premultiply(s[0], a)) << 16 |
                         std::uint32_t(premultiply(s[1], a)) << 8 | premultiply(s[2], a);
      std::memcpy(row + std::size_t(x) * 4, &px, 4);
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

// ---- drawing -----------------------------------------------------------------------------------

bool finite(const frame::Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

/// State of one render_page call.
class PageRenderer {
 public:
  PageRenderer(const frame::Document& doc, std::size_t page, double scale, cairo_t* cr)
      : doc_(doc), page_(page), scale_(scale), cr_(cr), fonts_(doc.fonts.size()) {}

  void draw(const frame::Item& item, std::size_t index) {
    path_ = "pages[" + std::to_string(page_) + "].items[" + std::to_string(index) + "]";
    const char* what = "";
    if (const auto* run = std::get_if<frame::TextRun>(&item)) {
      draw_text(*run);
      what = "text run";
    } else if (const auto* path = std::get_if<frame::Path>(&item)) {
      draw_path(*path);
      what = "path";
    } else if (const auto* image = std::get_if<frame::Image>(&item)) {
      draw_image(*image);
      what = "image";
    }
    if (cairo_status_t st = cairo_status(cr_))
      fail(kDisplayList, path_ + ": expected Cairo to draw the " + what, cairo_status_to_string(st));
  }

 private:
  [[noreturn]] void bad(const std::string& expected, const std::string& found) const {
    fail(kDisplayList, path_ + ": " + expected, found);
  }

  void set_color(const frame::Color& c) {
    if (!std::isfinite(c.r) || !std::isfinite(c.g) || !std::isfinite(c.b))
      bad("expected a finite colour", "NaN or infinity");
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);  // Cairo clamps to 0..1
  }

  void draw_path(const frame::Path& path) {
    cairo_new_path(cr_);
    for (std::size_t i = 0; i < path.ops.size(); ++i) {
      const frame::PathOp& op = path.ops[i];
      int points = op.kind == frame::PathOp::Kind::curve ? 3 : op.kind == frame::PathOp::Kind::close ? 0 : 1;
      for (int k = 0; k < points; ++k)
        if (!finite(op.p[k])) bad("ops[" + std::to_string(i) + "]: expected finite coordinates", "NaN or infinity");
      switch (op.kind) {
        case frame::PathOp::Kind::move:
          cairo_move_to(cr_, op.p[0].x, op.p[0].y);
          break;
        case frame::PathOp::Kind::line:
          cairo_line_to(cr_, op.p[0].x, op.p[0].y);
          break;
        case frame::PathOp::Kind::curve:
          cairo_curve_to(cr_, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
          break;
        case frame::PathOp::Kind::close:
          cairo_close_path(cr_);
          break;
      }
    }
    // Fill first, then stroke over it, as PDF's `B` operator does.
    if (path.fill) {
      set_color(*path.fill);
      cairo_set_fill_rule(cr_, path.even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
      cairo_fill_preserve(cr_);
    }
    if (path.stroke) {
      const double width = path.stroke->width;
      if (!std::isfinite(width) || width < 0) bad("expected a stroke width >= 0", num(width));
      set_color(path.stroke->color);
      // PDF draws width 0 as the thinnest line the device can show: one pixel here.
      cairo_set_line_width(cr_, width > 0 ? width : 1.0 / scale_);
      // Cairo's defaults are PDF's: butt caps, miter joins, miter limit 10, no dash.
      cairo_stroke_preserve(cr_);
    }
    cairo_new_path(cr_);
  }

  void draw_text(const frame::TextRun& run) {
    if (run.glyphs.empty()) return;
    if (run.font >= doc_.fonts.size())
      bad("font: expected an index below " + std::to_string(doc_.fonts.size()), std::to_string(run.font));
    if (!std::isfinite(run.size) || run.size <= 0) bad("size: expected a size above 0", num(run.size));
    if (!finite(run.origin)) bad("origin: expected finite coordinates", "NaN or infinity");
    LoadedFont& font = fonts_[run.font];
    if (!font.face) font = shared_font(doc_.fonts[run.font]);
    glyphs_.clear();
    glyphs_.reserve(run.glyphs.size());
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
      const frame::Glyph& g = run.glyphs[i];
      if (g.id >= static_cast<unsigned long>(font.num_glyphs))
        bad("glyphs[" + std::to_string(i) + "].id: expected a glyph id below " + std::to_string(font.num_glyphs) +
                " in font " + doc_.fonts[run.font].name,
            std::to_string(g.id));
      if (!std::isfinite(g.x))
        bad("glyphs[" + std::to_string(i) + "].x: expected a finite position", "NaN or infinity");
      glyphs_.push_back(cairo_glyph_t{g.id, run.origin.x + g.x, run.origin.y});
    }
    cairo_set_font_face(cr_, font.face.get());
    cairo_set_font_size(cr_, run.size);
    set_color(run.color);
    cairo_show_glyphs(cr_, glyphs_.data(), static_cast<int>(glyphs_.size()));
  }

  void draw_image(const frame::Image& image) {
    if (image.width_px < 0 || image.height_px < 0 || image.width_px > kMaxSide || image.height_px > kMaxSide)
      bad("expected an image size of 0..32767 pixels each way",
          std::to_string(image.width_px) + "x" + std::to_string(image.height_px));
    const std::size_t expected_bytes = std::size_t(image.width_px) * std::size_t(image.height_px) * 4;
    if (image.rgba.size() != expected_bytes)
      bad("rgba: expected " + std::to_string(expected_bytes) + " bytes for " + std::to_string(image.width_px) + "x" +
              std::to_string(image.height_px) + " pixels",
          std::to_string(image.rgba.size()) + " bytes");
    const frame::Rect& box = image.box;
    if (!std::isfinite(box.x) || !std::isfinite(box.y) || !std::isfinite(box.w) || !std::isfinite(box.h) || box.w < 0 ||
        box.h < 0)
      bad("box: expected finite coordinates and a size >= 0",
          num(box.x) + "," + num(box.y) + " " + num(box.w) + "x" + num(box.h));
    if (expected_bytes == 0 || box.w == 0 || box.h == 0) return;  // nothing to see

    SurfacePtr source = surface_from_rgba(image.rgba.data(), image.width_px, image.height_px, kDisplayList);
    cairo_save(cr_);
    cairo_translate(cr_, box.x, box.y);
    cairo_scale(cr_, box.w / image.width_px, box.h / image.height_px);
    cairo_set_source_surface(cr_, source.get(), 0, 0);
    cairo_pattern_t* pattern = cairo_get_source(cr_);  // borrowed from cr_
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);  // crisp edges: no fade to transparent
    cairo_rectangle(cr_, 0, 0, image.width_px, image.height_px);
    cairo_fill(cr_);
    cairo_restore(cr_);
  }

  const frame::Document& doc_;
  std::size_t page_;
  double scale_;
  cairo_t* cr_;
  std::string path_;
  std::vector<LoadedFont> fonts_;  // indexed like doc.fonts, taken from the cache on first use
  std::vector<cairo_glyph_t> glyphs_;
};

// ---- PNG streams -------------------------------------------------------------------------------

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_NO_MEMORY;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

struct ReadCursor {
  const std::string* bytes;
  std::size_t pos = 0;
};

cairo_status_t read_from_string(void* closure, unsigned char* data, unsigned int length) {
  auto* cursor = static_cast<ReadCursor*>(closure);
  if (cursor->bytes->size() - cursor->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, cursor->bytes->data() + cursor->pos, length);
  cursor->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

std::uint32_t read_be32(const std::string& s, std::size_t at) {
  return std::uint32_t(static_cast<unsigned char>(s[at])) << 24 |
         std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16 |
         std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8 |
         std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

}  // namespace

Raster render_page(const frame::Document& doc, std::size_t page, double dpi) {
  if (page >= doc.pages.size())
    fail(kDisplayList, "expected a page index below " + std::to_string(doc.pages.size()), std::to_string(page));
  const frame::Page p = frame::flattened(doc.pages[page]);
  const std::string where_page = "pages[" + std::to_string(page) + "]";
  if (!std::isfinite(dpi) || dpi <= 0) fail(kDisplayList, "expected a dpi above 0", num(dpi));
  if (!std::isfinite(p.width) || !std::isfinite(p.height) || p.width <= 0 || p.height <= 0)
    fail(kDisplayList, where_page + ": expected a page size above 0", num(p.width) + "x" + num(p.height));
  const double scale = dpi / 72.0;
  const double w = std::max(1.0, std::round(p.width * scale));
  const double h = std::max(1.0, std::round(p.height * scale));
  if (w > kMaxSide || h > kMaxSide || w * h > kMaxPixels)
    fail(kDisplayList, where_page + ": expected at most 32767 pixels each way and 2^27 in all",
         num(w) + "x" + num(h) + " pixels at " + num(dpi) + " dpi");

  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(w), static_cast<int>(h)));
  if (cairo_status_t st = cairo_surface_status(surface.get()))
    fail(kDisplayList, where_page + ": expected Cairo to make the page image", cairo_status_to_string(st));
  ContextPtr cr(cairo_create(surface.get()));
  if (cairo_status_t st = cairo_status(cr.get()))
    fail(kDisplayList, where_page + ": expected a Cairo context", cairo_status_to_string(st));

  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);  // user space = points, origin top-left, y down

  // Unhinted outlines and metrics, so glyphs sit where the PDF puts them.
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  if (cairo_status_t st = cairo_font_options_status(options.get()))
    fail(kDisplayList, "expected Cairo font options", cairo_status_to_string(st));
  cairo_set_font_options(cr.get(), options.get());

  {
    PageRenderer renderer(doc, page, scale, cr.get());
    for (std::size_t i = 0; i < p.items.size(); ++i) renderer.draw(p.items[i], i);
    cr.reset();  // drop the context's reference to the last font face before the fonts go
  }
  if (cairo_status_t st = cairo_surface_status(surface.get()))
    fail(kDisplayList, where_page + ": expected Cairo to render the page", cairo_status_to_string(st));
  return raster_from_surface(surface.get(), kDisplayList);
}

std::string encode_png(const Raster& raster) {
  const std::string where = "PNG image";
  if (raster.width <= 0 || raster.height <= 0 || raster.width > kMaxSide || raster.height > kMaxSide)
    fail(where, "expected a raster of 1..32767 pixels each way",
         std::to_string(raster.width) + "x" + std::to_string(raster.height));
  const std::size_t expected_bytes = std::size_t(raster.width) * std::size_t(raster.height) * 4;
  if (raster.rgba.size() != expected_bytes)
    fail(where, "expected " + std::to_string(expected_bytes) + " RGBA bytes", std::to_string(raster.rgba.size()));
  SurfacePtr surface = surface_from_rgba(raster.rgba.data(), raster.width, raster.height, where);
  std::string out;
  if (cairo_status_t st = cairo_surface_write_to_png_stream(surface.get(), append_to_string, &out))
    fail(where, "expected Cairo to write the PNG", cairo_status_to_string(st));
  return out;
}

std::string render_png(const frame::Document& doc, std::size_t page, double dpi) {
  return encode_png(render_page(doc, page, dpi));
}

Raster decode_png(const std::string& bytes, const std::string& name) {
  static constexpr unsigned char kSignature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature, 8) != 0)
    fail(name, "expected a PNG image", bytes.empty() ? "an empty file" : "no PNG signature in the first bytes");
  // Check the header's size before Cairo allocates the whole image.
  if (bytes.size() >= 24 && bytes.compare(12, 4, "IHDR") == 0) {
    const double w = read_be32(bytes, 16), h = read_be32(bytes, 20);
    if (w > kMaxSide || h > kMaxSide || w * h > kMaxPixels)
      fail(name, "expected a PNG image of at most 32767 pixels each way and 2^27 in all",
           num(w) + "x" + num(h) + " pixels");
  }
  ReadCursor cursor{&bytes};
  SurfacePtr surface(cairo_image_surface_create_from_png_stream(read_from_string, &cursor));
  if (cairo_status_t st = cairo_surface_status(surface.get()))
    fail(name, "expected a readable PNG image", cairo_status_to_string(st));
  return raster_from_surface(surface.get(), name);
}

}  // namespace zb::export_png
