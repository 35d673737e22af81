// Finding the layouts that exist, so zone files can be checked against them.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <set>
#include <map>
#include <string>

#include "base/env.h"
#include "model/layout.h"

namespace zb::app {

/// Loads every `dir/*.yaml` layout, filling `names` with their names and `layouts` with them.
/// A missing folder leaves `names` unset (no check) unless `required`. Any error (an invalid
/// layout, or a required folder missing) is written to `err` and false returned.
bool find_layout_names(const base::Env& env, const std::filesystem::path& dir, bool required,
                       std::optional<std::set<std::string>>& names, std::ostream& err,
                       std::map<std::string, model::Layout>* layouts = nullptr);

}  // namespace zb::app
