// A deterministic, line-per-item text dump of a display list, for exact test comparisons.
#pragma once

#include <string>

#include "frame/document.h"

namespace zb::frame {

/// One line per page, item, link and bookmark; numbers rounded to 0.01 pt. Paths print their
/// operators; text runs print font, size, origin, width, spacing and the text itself.
std::string dump(const Document& doc);

}  // namespace zb::frame
