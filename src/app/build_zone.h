// One zone of a build: load its facts, skip it when unchanged, else compose, write the PDF, record and preview.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "app/build.h"
#include "app/build_cache.h"
#include "app/zone_result.h"
#include "base/env.h"
#include "layout/compose.h"
#include "load/facts_loader.h"
#include "model/layout.h"
#include "text/font_book.h"

namespace zb::app {

/// What every zone of a run shares (read-only while the workers run).
struct ZoneContext {
  const base::Env& env;
  const BuildOptions& options;
  const text::FontBook& fonts;
  const std::map<std::string, model::Layout>& layouts;  ///< by name
  const BuildCache& cache;
  load::FactsOptions facts_options;              ///< with the known layout names
  layout::ComposeOptions compose_options;        ///< language mode and PDF date
  long today = 0;                                ///< days since the epoch, for staleness
  const std::atomic<bool>* stop = nullptr;       ///< when set and true: build nothing more
  std::function<void(const std::string&)> warn;  ///< a warning for the log (stale facts)
};

/// Builds the zone of `facts_file` into `<out>/<id>.pdf` (with `<id>.record.json` and, with
/// previews, `<id>.png`), all written atomically. Never throws: whatever goes wrong is the
/// zone's error (failed), in the one error format. Unchanged when the cache says so (time 0),
/// interrupted (time 0) when the run was asked to stop before it began.
ZoneResult build_zone(const ZoneContext& ctx, const std::filesystem::path& facts_file);

}  // namespace zb::app
