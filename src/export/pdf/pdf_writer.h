// PDF backend: writes a display list with libharu — real font subsets (HarfBuzz), a valid
// ToUnicode map, characters above U+FFFF, bookmarks, links, UTF-16 info, reproducible bytes.
#pragma once

#include <string>

#include "frame/document.h"

namespace zb::export_pdf {

/// Renders `doc` to PDF bytes. Throws base::Error (naming `name`) when libharu or HarfBuzz fails.
/// The same document gives the same bytes: dates come only from doc.info.date.
std::string write_pdf(const frame::Document& doc, const std::string& name);

}  // namespace zb::export_pdf
