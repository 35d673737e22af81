// Loads a briefing layout (layouts/<name>.yaml) into model::Layout, with the facts' error format.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/env.h"
#include "model/layout.h"

namespace zb::load {

struct LayoutResult {
  std::optional<model::Layout> layout;
  base::Diagnostics errors;
  bool ok() const { return layout.has_value(); }
};

/// Parses a layout from `text`; `file` names it in messages and its stem is the layout's name.
LayoutResult load_layout_text(std::string_view text, const std::string& file);
/// Reads and parses `path` (at most 256 KiB).
LayoutResult load_layout_file(const base::Env& env, const std::filesystem::path& path);

}  // namespace zb::load
