// The operator's gallery (<out>/index.html): every zone's thumbnail, status, as-of date and PDF link.
#pragma once

#include <string>
#include <vector>

#include "app/zone_result.h"
#include "model/lang_mode.h"

namespace zb::app {

/// `s` with & < > " ' as HTML character references and bytes that are not UTF-8 as "\xHH".
std::string html_escape(const std::string& s);

/// "2025 年 12 月 31 日 · 31 December 2025" from "2025-12-31" (as the manifest writes it);
/// any other text (another shape, a day that does not exist) unchanged.
std::string gallery_date(const std::string& iso);

/// The page: a summary line (counts, language mode, tool version), then per zone its thumbnail
/// (linking to the PDF), name, status, pages, as-of date, stale flag, what changed since the
/// last edition (the first five) and its errors.
std::string gallery_html(const std::vector<ZoneResult>& results, model::LangMode mode);

}  // namespace zb::app
