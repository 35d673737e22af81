// `zonebrief build`: every zone's briefing PDF, in parallel, written atomically, with a manifest.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/zones.h"
#include "base/env.h"
#include "model/lang_mode.h"

namespace zb::app {

struct BuildOptions {
  std::filesystem::path inputs = "inputs";
  std::filesystem::path layouts = "layouts";
  std::filesystem::path fonts = "fonts";
  std::filesystem::path out = "out";
  std::vector<std::string> zones;                 ///< --zone ID (repeatable); empty = all
  std::optional<std::string> layout;              ///< --layout NAME overrides zone.layout
  model::LangMode lang = model::LangMode::zh_en;  ///< --lang
  unsigned jobs = 0;                              ///< 0 = the number of cores
  bool force = false;                             ///< rebuild zones whose inputs are unchanged
  int max_age_days = 365;                         ///< older facts are flagged as stale (page and log)
  bool previews = true;                           ///< <out>/<id>.png of page 1 and <out>/index.html
  std::optional<ShardSpec> shard;                 ///< --shard K/N or N; unset = all zones
  bool wait = true;                               ///< wait for another run's lock on `out` (else --no-wait: exit 2)
  bool json = false;                              ///< --json: the run's summary as JSON on stdout
};

/// Asks a running build to stop after the zones under way (safe from a signal handler).
void request_stop();

/// Builds `<out>/<zone-id>.pdf` for each zone and `<out>/manifest.json`, holding the lock on
/// `out` (waiting for another run's, unless `wait` is false). Returns 0 when every zone and every
/// output was written, 1 when some zone failed or some output (record, preview, gallery) could
/// not be written (the others are still built), 2 on a usage or configuration error (fonts,
/// layouts, folders, the log or lock file, another run's lock with --no-wait, unknown --zone or
/// --layout, SOURCE_DATE_EPOCH). With o.json, when the zones were built (exit 0 or 1), prints the
/// run's summary to `out` as one JSON document: {"tool", "out", "manifest", "exit_code",
/// "zones", "built", "unchanged", "failed", "interrupted", "incomplete", "results": [the
/// manifest's entries of this run's zones]}.
int run_build(const base::Env& env, const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace zb::app
