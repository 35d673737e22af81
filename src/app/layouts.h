// Finding the layouts that exist, so zone files can be checked against them.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>

#include "base/env.h"

namespace zb::app {

/// Fills `names` with the stems of `dir/*.yaml`. A missing folder leaves `names` unset (no
/// check) unless `required`, in which case an error is written to `err` and false returned.
bool find_layout_names(const base::Env& env, const std::filesystem::path& dir, bool required,
                       std::optional<std::set<std::string>>& names, std::ostream& err);

}  // namespace zb::app
