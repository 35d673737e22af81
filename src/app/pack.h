// `zonebrief pack`: a meeting file and the zones it names → one PDF for the meeting (and a PNG
// of its cover); and the checks of a meeting file that need the inputs folder.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/env.h"
#include "model/facts.h"
#include "model/lang_mode.h"
#include "model/layout.h"
#include "model/meeting.h"

namespace zb::app {

struct PackCommandOptions {
  std::filesystem::path meeting;
  std::filesystem::path inputs = "inputs";
  std::filesystem::path layouts = "layouts";
  std::filesystem::path fonts = "fonts";
  std::filesystem::path out = "out/meetings";
  std::optional<model::LangMode> lang;  ///< else the meeting's own
  bool wait = true;                     ///< for the output folder's lock
};

/// A meeting with its zones loaded (parallel to meeting.zones).
struct LoadedMeeting {
  model::Meeting meeting;
  std::vector<model::Facts> zones;
};

/// Loads the meeting file and every zone it names from `inputs`. Errors, all in the meeting
/// file's format: its own; a zone id with no file in `inputs` (at the zone's line, with a
/// did-you-mean); a zone whose facts are invalid (at the zone's line, counting them, followed by
/// the zone file's own errors); a `compare` id that none of the zones has. `known_layouts`, when
/// set, are the layouts a zone may name.
std::optional<LoadedMeeting> load_meeting_with_zones(const base::Env& env, const std::filesystem::path& file,
                                                     const std::filesystem::path& inputs,
                                                     const std::optional<std::set<std::string>>& known_layouts,
                                                     base::Diagnostics& errors);

/// Writes `<out>/<meeting-id>.pdf` and `<out>/<meeting-id>.png` (its cover) atomically, holding the
/// output folder's lock. Returns 0 when written, 1 when the meeting or a zone is invalid or a
/// file could not be written, 2 on a configuration error (fonts, layouts, the lock, the
/// environment).
int run_pack(const base::Env& env, const PackCommandOptions& options, std::ostream& err);

}  // namespace zb::app
