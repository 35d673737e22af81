// The font configuration (fonts/fonts.yaml) as plain data: the faces and the roles' fallback chains.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace zb::model {

/// One face: a TrueType file in the config's folder.
struct FontFaceSpec {
  std::string key;       ///< its name in the config, e.g. "cjk-regular"
  std::string file;      ///< file name, relative to the config's folder
  bool cjk = false;      ///< its punctuation is preferred in Chinese text
  base::Location where;  ///< of the `file` value, for errors about the file
};

/// One face named in a role's chain, with where it is named.
struct FontRoleEntry {
  std::string face;   ///< the name written (empty when the entry is not a plain name)
  std::string shown;  ///< the entry as messages quote it
  base::Location where;
};

/// A role (body, heading, ...) and its fallback chain, in order.
struct FontRoleSpec {
  std::string name;
  std::vector<FontRoleEntry> chain;
};

struct FontConfig {
  std::filesystem::path dir;  ///< the folder of fonts.yaml and the font files
  std::string file;           ///< path of fonts.yaml, for messages
  std::vector<FontFaceSpec> faces;
  std::vector<FontRoleSpec> roles;
};

}  // namespace zb::model
