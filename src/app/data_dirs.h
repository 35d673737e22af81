// Where zonebrief finds its data (layouts, fonts) when no option names the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/env.h"

namespace zb::app {

/// The folders searched for the data folder `name` ("layouts" or "fonts"), in order: the
/// working directory's `name`, `$XDG_DATA_HOME/zonebrief/name` (`~/.local/share` when
/// XDG_DATA_HOME is unset or not absolute), and `<prefix>/share/zonebrief/name`, where <prefix>
/// is the folder above the executable's (`/usr` for `/usr/bin/zonebrief`), so an installed or
/// unpacked tree finds its own data; then `<dir>/zonebrief/name` for each absolute folder of
/// `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`), leaving out repeats.
std::vector<std::filesystem::path> data_candidates(const base::Env& env, const std::string& name);

/// The first candidate that holds the data (for "fonts" a folder with fonts.yaml, for "layouts"
/// a folder), or nullopt.
std::optional<std::filesystem::path> locate_data_dir(const base::Env& env, const std::string& name);

/// The first candidate that holds the data: for "fonts" a folder with fonts.yaml, for "layouts" a
/// folder. When none does, the working directory's `name` (whose error then names it), after a
/// warning listing every folder searched.
std::filesystem::path find_data_dir(const base::Env& env, const std::string& name);

}  // namespace zb::app
