// Opening the fonts of a folder: the config's errors and the font files' errors in one list.
#include "app/fonts.h"

#include "load/font_config_loader.h"

namespace zb::app {

std::shared_ptr<const text::FontBook> open_fonts(const base::Env& env, const std::filesystem::path& dir) {
  auto config = load::load_font_config(env, dir);
  if (!config.config) throw base::Error(config.errors.items());
  std::shared_ptr<const text::FontBook> book;
  std::vector<base::Diagnostic> font_errors;
  try {
    book = text::FontBook::load(env, *config.config);
  } catch (const base::Error& e) {
    font_errors = e.diagnostics();
  }
  if (config.errors.empty() && font_errors.empty()) return book;
  base::Diagnostics all = config.errors;
  for (const auto& d : font_errors) all.add(d);
  all.sort_by_position();
  throw base::Error(all.items());
}

}  // namespace zb::app
