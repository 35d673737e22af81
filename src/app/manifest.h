// The build's manifest (<out>/manifest.json): the run's tool, language and layout, and every zone's result.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/zone_result.h"
#include "model/lang_mode.h"

namespace zb::app {

/// What manifest.json holds.
struct Manifest {
  std::string tool;                               ///< "zonebrief <version>"
  model::LangMode lang = model::LangMode::zh_en;  ///< written by name ("zh+en", ...)
  std::optional<std::string> layout;              ///< --layout, when given
  std::vector<ZoneResult> zones;                  ///< in the order of the sorted zone list
  std::vector<std::string> errors;                ///< the run's own outputs not written (the gallery)
};

/// A zone's manifest entry (nlohmann's ADL hooks): id, name, input, status (by name), key, then
/// output, sha256, pages and bytes for built or unchanged zones, as_of, stale, preview, changes,
/// ms (to 0.1) and errors; empty optional fields are left out. Reading is lenient: a missing or
/// mistyped field reads as empty, an unknown status as failed.
void to_json(nlohmann::ordered_json& j, const ZoneResult& r);
void from_json(const nlohmann::ordered_json& j, ZoneResult& r);

/// The whole manifest: tool, lang, layout (when given), zones, then errors (when any). Reading
/// leaves out zones without a string id.
void to_json(nlohmann::ordered_json& j, const Manifest& m);
void from_json(const nlohmann::ordered_json& j, Manifest& m);

/// The bytes of manifest.json (two-space indent, a final newline).
std::string manifest_text(const Manifest& m);

/// The zones of a manifest's text by id (a later entry wins); none when `text` is no manifest.
std::map<std::string, ZoneResult> manifest_zones(const std::string& text);

/// A partial run's results (--zone, --shard) merged into the zones of the last manifest (`kept`,
/// by id): the run's entries replace those with the same id, the others stay. Sorted by input
/// file name, then id (the order of a full run's sorted zone list).
std::vector<ZoneResult> merge_zones(std::map<std::string, ZoneResult> kept, std::vector<ZoneResult> run);

}  // namespace zb::app
