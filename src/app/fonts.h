// Opening the fonts of a folder: its fonts.yaml (load/) and the faces it names (text/), errors together.
#pragma once

#include <filesystem>
#include <memory>

#include "base/env.h"
#include "text/font_book.h"

namespace zb::app {

/// The font book of `dir` (dir/fonts.yaml and its faces). Throws base::Error with every problem
/// of the config and of the font files, in the order of their positions in fonts.yaml.
std::shared_ptr<const text::FontBook> open_fonts(const base::Env& env, const std::filesystem::path& dir);

}  // namespace zb::app
