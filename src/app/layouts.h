// Finding the layouts that exist, so zone files can be checked against them.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/env.h"
#include "model/layout.h"
#include "text/font_book.h"

namespace zb::app {

/// Loads every `dir/*.yaml` layout, filling `names` with their names and `layouts` with them.
/// A missing folder leaves `names` unset (no check) unless `required`. Any error (an invalid
/// layout, or a required folder missing) is written to `err` and false returned.
bool find_layout_names(const base::Env& env, const std::filesystem::path& dir, bool required,
                       std::optional<std::set<std::string>>& names, std::ostream& err,
                       std::map<std::string, model::Layout>* layouts = nullptr);

/// The zone files to work on: `files` when any were named, else `inputs/*.yaml` (sorted).
/// Writes the error and returns nullopt when the folder cannot be read.
std::optional<std::vector<std::filesystem::path>> zone_files(const base::Env& env, const std::filesystem::path& inputs,
                                                             const std::vector<std::filesystem::path>& files,
                                                             std::ostream& err);

/// The font book of `dir`, or nullptr after writing its errors.
std::shared_ptr<const text::FontBook> load_fonts(const base::Env& env, const std::filesystem::path& dir,
                                                 std::ostream& err);

/// SOURCE_DATE_EPOCH through `env`; false after writing the error when it is set but invalid.
bool source_date(const base::Env& env, std::optional<std::int64_t>& date, std::ostream& err);

}  // namespace zb::app
