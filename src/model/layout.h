// A briefing layout (layouts/<name>.yaml) as plain structs: page, type, space, inks, palette, blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/geometry.h"

namespace zb::model {

/// title: name, meta line; summary: 摘要 / In brief; key-figures: the headline cards; figures: every
/// other figure in a table by topic; charts; highlights; changes: since the last edition; sources.
enum class BlockKind { title, summary, key_figures, figures, charts, highlights, sources, changes };

/// One block of a briefing, in reading order.
struct Block {
  BlockKind kind = BlockKind::title;
  int max = 0;      ///< at most this many items (0 = all)
  int columns = 3;  ///< key figures per row
};

/// The smallest type anything is set in, points: source markers, note letters, chart labels.
inline constexpr double kSmallestType = 7;

/// One role of the type scale, in points.
struct TypeStyle {
  double size = 10;                          ///< font size
  double leading = 14;                       ///< baseline to baseline
  double space_before = 0, space_after = 0;  ///< around a heading (read for headings only)
};

/// Where side by side sets a role otherwise than stacked. The English column is a peer of the
/// Chinese one (in ink, not muted); the Chinese column takes the stacked first-language type.
struct ColumnType {
  TypeStyle title{18, 26};                ///< the zone's name in the Chinese column
  TypeStyle subtitle{15, 26};             ///< the zone's name in the English column
  TypeStyle note_translation{8.5, 12.5};  ///< a change in the English column
  double translation_leading = 1.6;       ///< a highlight in the English column: × its size
};

/// The type scale: each role's size and leading. A translation (the second language of a
/// stacked mode, or the English column side by side) of body text is 1 pt smaller than the body.
struct TypeScale {
  double body_size = 10.5;            ///< highlights
  double body_leading = 1.7;          ///< × body_size
  double translation_leading = 1.55;  ///< a highlight's translation: × its size (body_size − 1)
  TypeStyle title{21, 30};            ///< the zone's name
  TypeStyle subtitle{12.5, 18};       ///< the zone's name in the second language
  TypeStyle heading{13, 20, 16, 6};   ///< a block's heading (side by side, both columns)
  TypeStyle heading_translation{9.5, 14};
  TypeStyle compact_heading{11.5, 18, 10, 4};  ///< one-page layouts: one line, "要点 · Highlights"
  TypeStyle meta{8.5, 13};                     ///< region and as-of date, the stale-facts tag
  TypeStyle lede{12, 20};                      ///< the summary that opens the briefing
  TypeStyle table{9, 13};                      ///< the figures table (a translation in the same size, muted)
  TypeStyle note{9, 14};                       ///< a change since the last edition
  TypeStyle note_translation{8, 12.5};
  TypeStyle sources{8, 12.5};  ///< the numbered source list
  double figure_size = 17;     ///< a key-figure card's value, at most (smaller if it must)
  double caption_size = 7.5;   ///< running header and footer
  double marker_scale = 0.62;  ///< a source marker [n]: × its text's size
  double marker_rise = 0.35;   ///< its baseline shift: × its text's size
  ColumnType columns;          ///< side by side
};

/// The space between the items of a block, in points.
struct Spacing {
  double cards = 8;       ///< between key-figure cards, across and down
  double charts = 14;     ///< between charts
  double highlights = 5;  ///< between highlights (side by side 1 pt more)
  double notes = 3;       ///< between changes, and between sources
  double indent = 12;     ///< a bulleted item's indent, the bullet hanging in it
};

/// The inks of text (the accent and the chart palette are the layout's own keys).
struct Inks {
  base::Color text{0x1C / 255.0, 0x21 / 255.0,
                   0x29 / 255.0};  ///< #1C2129: first language, headings, side-by-side columns
  base::Color muted{0x40 / 255.0, 0x48 / 255.0, 0x54 / 255.0};  ///< #404854: translations, running header and footer
  base::Color warning{0x7A / 255.0, 0x4A / 255.0, 0.0};         ///< #7A4A00: the stale-facts tag on the meta line
  base::Color figure{0.0, 0x4C / 255.0, 0x80 / 255.0};          ///< #004C80: a headline card's big value
};

struct Layout {
  std::string name;
  double page_width = 595.276, page_height = 841.89;  ///< points (A4)
  double margin_top = 56, margin_bottom = 56, margin_left = 56, margin_right = 56;
  bool one_page = false;  ///< everything must fit on one page (items are dropped, never clipped)
  TypeScale type;
  Spacing space;
  Inks ink;
  std::vector<base::Color> palette;  ///< chart colours, in order
  base::Color accent{0.0, 0.36, 0.6};
  std::vector<Block> blocks;
};

std::string_view name_of(BlockKind k);

}  // namespace zb::model
