// Loads the font configuration (fonts/fonts.yaml) into model::FontConfig, with the facts' error format.
#pragma once

#include <filesystem>
#include <optional>

#include "base/diagnostics.h"
#include "base/env.h"
#include "model/font_config.h"

namespace zb::load {

struct FontConfigResult {
  /// Unset when the file is unreadable or not the expected shape; set, with `errors`, when only
  /// some entries are wrong (the faces and roles that are right are kept).
  std::optional<model::FontConfig> config;
  base::Diagnostics errors;
};

/// Reads and checks `dir/fonts.yaml` (at most 64 KiB): a map `faces` of {file, cjk?} and a map
/// `roles` of non-empty lists of face names. The font files themselves are read by the font book.
FontConfigResult load_font_config(const base::Env& env, const std::filesystem::path& dir);

}  // namespace zb::load
