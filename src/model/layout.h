// A briefing layout (layouts/<name>.yaml) as plain structs: page, type, palette, ordered blocks.
#pragma once

#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "base/geometry.h"


namespace zb::model {


enum class BlockKind { title, key_figures, charts, highlights, sources, changes };

/// One block of a briefing, in reading order.
struct Block {
  BlockKind kind = BlockKind::title;
  int max = 0;       ///< at most this many items (0 = all)
  int columns = 3;   ///< key figures per row
};

struct Layout {
  std::string name;
  double page_width = 595.276, page_height = 841.89;  ///< points (A4)
  double margin_top = 56, margin_bottom = 56, margin_left = 56, margin_right = 56;
  bool one_page = false;               ///< everything must fit on one page (items are dropped, never clipped)
  double body_size = 10.5;             ///< points
  std::vector<base::Color> palette;            ///< chart colours, in order
  base::Color accent{0.0, 0.36, 0.6};
  std::vector<Block> blocks;
};

std::string_view name_of(BlockKind k);

}  // namespace zb::model
