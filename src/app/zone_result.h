// What building one zone gave: its status (built, unchanged, failed, interrupted) and its facts.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/changes.h"

namespace zb::app {

/// How a zone's build ended. Written to the manifest and the gallery by name (name_of).
enum class ZoneStatus { built, unchanged, failed, interrupted };

/// "built", "unchanged", "failed", "interrupted".
std::string_view name_of(ZoneStatus s);

/// The status named `s`; nullopt for any other text.
std::optional<ZoneStatus> parse_zone_status(std::string_view s);

/// True when the zone's PDF is there and current (built or unchanged).
inline bool has_output(ZoneStatus s) { return s == ZoneStatus::built || s == ZoneStatus::unchanged; }

/// One zone's entry in the manifest and the gallery.
struct ZoneResult {
  std::string id;                ///< the file name without .yaml
  std::string name_zh, name_en;  ///< the zone's names, when the facts loaded (kept apart: a name may hold " / ")
  std::filesystem::path input;   ///< the facts file
  ZoneStatus status = ZoneStatus::failed;
  std::string key;                     ///< hash of everything the PDF depends on
  std::string output;                  ///< the PDF (built, unchanged)
  std::string sha256;                  ///< of the PDF (built, unchanged)
  std::size_t pages = 0;               ///< of the PDF (built, unchanged)
  std::size_t bytes = 0;               ///< of the PDF (built, unchanged)
  std::string as_of;                   ///< YYYY-MM-DD of the facts
  bool stale = false;                  ///< the facts are older than --max-age
  std::string preview;                 ///< file name of the page-1 PNG, when made
  std::vector<EditionChange> changes;  ///< since the last edition
  double ms = 0;                       ///< time spent on the zone (0 when skipped)
  std::vector<std::string> errors;     ///< in the one error format
};

}  // namespace zb::app
