// Names of layout block kinds.
#include "model/layout.h"

namespace zb::model {

std::string_view name_of(BlockKind k) {
  switch (k) {
    case BlockKind::title:
      return "title";
    case BlockKind::summary:
      return "summary";
    case BlockKind::key_figures:
      return "key-figures";
    case BlockKind::figures:
      return "figures";
    case BlockKind::charts:
      return "charts";
    case BlockKind::highlights:
      return "highlights";
    case BlockKind::sources:
      return "sources";
    case BlockKind::changes:
      return "changes";
  }
  return "?";
}

}  // namespace zb::model
