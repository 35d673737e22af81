// The display list: pages of placed text runs, vector paths, images and links, plus bookmarks and
// document info. The only thing a backend receives; everything in it is already decided.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/geometry.h"

namespace zb::frame {

/// Lengths are PDF points (1/72 inch). Page coordinates have their origin at the top-left
/// corner, x to the right, y downwards (backends flip for PDF).
using base::Color;
using base::Point;
using base::Rect;

/// A font file the text runs refer to, loaded once per process by the font book.
struct Font {
  std::string name;                         ///< PostScript name, e.g. "NotoSansCJKsc-Bold"
  std::string path;                         ///< where the bytes came from (for messages)
  std::shared_ptr<const std::string> data;  ///< the whole TrueType (glyf) font file
  unsigned units_per_em = 1000;
};

/// One positioned glyph of a text run: its id in the full font (as shaping chose it) and its
/// pen position.
struct Glyph {
  std::uint32_t id = 0;  ///< glyph index in Document::fonts[font] (not a subset id)
  char32_t cp = 0;       ///< the (first) character it shows
  /// Where the glyph is drawn, relative to the run origin. Usually the previous glyph's x plus
  /// its advance plus the run's char_spacing; where not (kerning, autospace, squeezed
  /// punctuation, justification), backends place it here all the same.
  double x = 0;
  /// Code points of the run's `text` this glyph shows, from `cp` on: 1, or more for a ligature
  /// (ﬁ shows "fi"; text extraction gives them back through the font's ToUnicode map).
  std::uint8_t chars = 1;
};

/// Text on one baseline in one font and size. `text` is exactly what is shown (UTF-8) and
/// what text extraction must give back; `glyphs` places each of its characters.
struct TextRun {
  Point origin;            ///< left end of the baseline
  std::uint16_t font = 0;  ///< index into Document::fonts
  double size = 10;        ///< font size in points
  Color color;
  double char_spacing = 0;  ///< extra points after every character (justification)
  std::string text;
  std::vector<Glyph> glyphs;  ///< in order; their `chars` add up to the code points of `text`
  double width = 0;           ///< advance width of the whole run, char_spacing included
  /// Text extraction takes this run and the next `joined` − 1 runs (one line) as one text: their
  /// texts joined with nothing between them, however far apart they are set (the Han–Latin
  /// autospace, justification, squeezed punctuation). PDF: ActualText. 0: the run as set.
  std::uint16_t joined = 0;
};

/// One segment of a path. Curves are cubic Béziers (c1, c2, to).
struct PathOp {
  enum class Kind : std::uint8_t { move, line, curve, close };
  Kind kind = Kind::move;
  Point p[3];
};

struct Stroke {
  Color color;
  double width = 0.5;
};

/// A vector shape: filled, stroked, or both.
struct Path {
  std::vector<PathOp> ops;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  bool even_odd = false;  ///< fill rule; non-zero when false
};

/// A raster image (premultiplied-free RGBA, row-major, 8 bits per channel) placed in `box`.
struct Image {
  Rect box;
  int width_px = 0, height_px = 0;
  std::vector<std::uint8_t> rgba;
};

/// A clickable area that opens a URI, or (`page` set) goes to a page of the same document.
struct Link {
  Rect area;
  std::string uri;
  int page = -1;  ///< an index into Document::pages, or -1 for a URI
  double y = 0;   ///< with `page`: the top of the target, page coordinates
};

struct Group;
using Item = std::variant<TextRun, Path, Image, Group>;

/// Items placed together (a line, a card, a chart, a flow box), positioned as one: every
/// coordinate inside, links included, is relative to `origin`, which is itself relative to
/// whatever holds the group (a page or another group). Like Typst's FrameItem::Group.
struct Group {
  Point origin;
  std::vector<Item> items;  ///< painted in order
  std::vector<Link> links;
};

struct Page {
  double width = 595.276, height = 841.89;  ///< A4 by default
  std::vector<Item> items;                  ///< painted in order; may hold groups
  std::vector<Link> links;
};

/// `page` with every group resolved: its items and links in page coordinates, in painting
/// order, no group left. Backends draw this; an inner group's offset is added before an outer
/// one's, so coordinates equal those of items shifted into place box by box.
Page flattened(const Page& page);

struct Document;
/// `doc` with every page flattened().
Document flattened(const Document& doc);

/// An outline entry pointing at a position on a page.
struct Bookmark {
  std::string title;  ///< UTF-8
  int level = 0;      ///< 0 = top level
  int page = 0;       ///< index into Document::pages
  double y = 0;       ///< top of the target, page coordinates
};

/// Document information (UTF-8).
struct Info {
  std::string title, subject, author, keywords, creator;
  /// Creation and modification date, seconds since the epoch; unset writes no date.
  std::optional<std::int64_t> date;
};

struct Document {
  std::vector<Font> fonts;
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
  Info info;
};

inline Document flattened(const Document& doc) {
  Document out{doc.fonts, {}, doc.bookmarks, doc.info};
  out.pages.reserve(doc.pages.size());
  for (const Page& p : doc.pages) out.pages.push_back(flattened(p));
  return out;
}

}  // namespace zb::frame
