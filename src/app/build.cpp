// The batch run: load fonts and layouts once, choose the zones, then each zone on a worker
// (build_zone), one zone's failure recorded and never touching another's output; the manifest
// and the gallery last.
#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/build_cache.h"
#include "app/build_zone.h"
#include "app/cli.h"
#include "app/gallery.h"
#include "app/json_output.h"
#include "app/layouts.h"
#include "app/log_sink.h"
#include "app/manifest.h"
#include "app/out_lock.h"
#include "app/output.h"
#include "app/progress.h"
#include "app/version.h"
#include "base/diagnostics.h"

namespace zb::app {
namespace {

std::atomic<bool> g_stop{false};

int config_error(std::ostream& err, const base::Diagnostic& d) {
  err << d.str() << '\n';
  return kExitUsage;
}

/// What every zone needs, loaded once: the PDF date, the fonts and the layouts.
struct RunSetup {
  std::optional<std::int64_t> date;  ///< SOURCE_DATE_EPOCH
  std::shared_ptr<const text::FontBook> fonts;
  std::optional<std::set<std::string>> layout_names;
  std::map<std::string, model::Layout> layouts;
};

/// Loads the run's setup; false after writing the error.
bool load_setup(const base::Env& env, const BuildOptions& o, std::ostream& err, RunSetup& s) {
  if (!source_date(env, s.date, err)) return false;
  s.fonts = load_fonts(env, o.fonts, err);
  if (!s.fonts) return false;
  if (!find_layout_names(env, o.layouts, /*required=*/true, s.layout_names, err, &s.layouts)) return false;
  if (o.layout && !s.layouts.count(*o.layout)) {
    config_error(err,
                 base::Diagnostic::whole_file(o.layouts.string(), "expected --layout to name a layout in this folder",
                                              "'" + *o.layout + "'"));
    return false;
  }
  return true;
}

/// The zones of the shared manifest as the run found it (none when it is missing or damaged):
/// read once, with the folder's lock held, for the cache and for a partial run's merge.
std::map<std::string, ZoneResult> last_manifest(const base::Env& env, const std::filesystem::path& out) {
  auto last = env.read_file(out / "manifest.json", 64u << 20);
  if (!last.error.empty() || last.too_large) return {};
  return manifest_zones(last.data);
}

/// The run's keys and, unless --force, the last manifest's zones.
BuildCache open_cache(const base::Env& env, const BuildOptions& o, const RunSetup& s,
                      const std::map<std::string, ZoneResult>& last) {
  std::map<std::string, std::string> layout_keys;
  for (const auto& [name, _] : s.layouts) layout_keys[name] = file_key(env, o.layouts / (name + ".yaml"));
  return BuildCache(common_key(env, o.lang, o.layout, o.fonts, *s.fonts), std::move(layout_keys),
                    o.force ? std::map<std::string, ZoneResult>{} : last, o.previews);
}

/// Builds every zone on `jobs` threads (this one included); the results in the order of `files`.
std::vector<ZoneResult> build_zones(const ZoneContext& ctx, const std::vector<std::filesystem::path>& files,
                                    unsigned jobs, Progress& progress) {
  std::vector<ZoneResult> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      results[i] = build_zone(ctx, files[i]);
      // Skipped zones (unchanged, interrupted) are not reported.
      if (results[i].status == ZoneStatus::built || results[i].status == ZoneStatus::failed)
        progress.zone_done(results[i]);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  return results;
}

/// A run-level error: on the console (as it is) and in the log file.
void report(std::ostream& err, const RunLog& log, const std::string& error) {
  err << error << '\n';
  if (log.file()) log.file()->error("{}", error);
}

/// Writes the manifest (a partial run's merged into the shared one; a shard's also to its own
/// file) and the gallery of every zone in it. The folder's lock is held, so shards and one-off
/// runs sharing the folder merge one after the other. False after reporting the manifest's
/// error; `gallery_failed` when the gallery could not be written (reported too).
bool write_manifest_and_gallery(const BuildOptions& o, const ZoneSelection& zones,
                                std::map<std::string, ZoneResult> last, Manifest manifest, std::ostream& err,
                                const RunLog& log, bool& gallery_failed) {
  const auto manifest_path = o.out / "manifest.json";
  if (zones.sharded) {
    if (auto why = write_atomically(o.out / zones.manifest_name, manifest_text(manifest)); !why.empty()) {
      report(err, log,
             base::Diagnostic::whole_file((o.out / zones.manifest_name).string(), "expected a writable manifest", why)
                 .str());
      return false;
    }
  }
  // --zone and --shard runs replace their zones' entries and keep the others (a full run drops
  // zones whose input is gone).
  if (zones.sharded || !o.zones.empty()) manifest.zones = merge_zones(std::move(last), std::move(manifest.zones));
  // The gallery first, so that the manifest can say it was not written.
  if (o.previews) {
    if (auto why = write_atomically(o.out / "index.html", gallery_html(manifest.zones, o.lang)); !why.empty()) {
      const std::string error =
          base::Diagnostic::whole_file((o.out / "index.html").string(), "expected a writable gallery", why).str();
      report(err, log, error);
      manifest.errors.push_back(error);
      gallery_failed = true;
    }
  }
  if (auto why = write_atomically(manifest_path, manifest_text(manifest)); !why.empty()) {
    report(err, log, base::Diagnostic::whole_file(manifest_path.string(), "expected a writable manifest", why).str());
    return false;
  }
  return true;
}

/// How a run's zones ended: a count per status, and the built zones with an output (record,
/// preview) not written.
struct Tally {
  std::size_t by_status[4] = {};
  std::size_t incomplete = 0;
  std::size_t of(ZoneStatus s) const { return by_status[static_cast<int>(s)]; }
  std::size_t without_output() const { return of(ZoneStatus::failed) + of(ZoneStatus::interrupted); }
};

Tally tally(const std::vector<ZoneResult>& results) {
  Tally t;
  for (const auto& r : results) {
    ++t.by_status[static_cast<int>(r.status)];
    t.incomplete += has_output(r.status) && !r.errors.empty();
  }
  return t;
}

/// build --json: the run's counts and its zones' manifest entries; "exit_code" is set by the caller.
nlohmann::ordered_json summary_json(const BuildOptions& o, const std::filesystem::path& manifest_path,
                                    const std::vector<ZoneResult>& results, const Tally& t) {
  nlohmann::ordered_json j{{"tool", std::string("zonebrief ") + kVersion},
                           {"out", o.out.string()},
                           {"manifest", manifest_path.string()},
                           {"exit_code", 0},
                           {"zones", results.size()}};
  for (auto s : {ZoneStatus::built, ZoneStatus::unchanged, ZoneStatus::failed, ZoneStatus::interrupted})
    j[std::string(name_of(s))] = t.of(s);
  j["incomplete"] = t.incomplete;
  j["results"] = results;
  return j;
}

/// Writes the manifest and the gallery and logs the summary (and prints it with --json); the
/// exit code.
int finish(const BuildOptions& o, const ZoneSelection& zones, std::map<std::string, ZoneResult> last,
           std::vector<ZoneResult> results, std::ostream& out, std::ostream& err, const RunLog& log) {
  const Tally t = tally(results);
  const std::size_t total = results.size(), failed = t.without_output(), unchanged = t.of(ZoneStatus::unchanged);
  const auto manifest_path = o.out / zones.manifest_name;
  // The summary is made before the results move into the manifest.
  std::optional<nlohmann::ordered_json> summary;
  if (o.json) summary = summary_json(o, manifest_path, results, t);
  Manifest manifest{std::string("zonebrief ") + kVersion, o.lang, o.layout, std::move(results)};
  bool gallery_failed = false;
  const bool written =
      write_manifest_and_gallery(o, zones, std::move(last), std::move(manifest), err, log, gallery_failed);
  const int code = !written || failed || t.incomplete || gallery_failed ? kExitFailed : kExitOk;
  if (summary) {
    (*summary)["exit_code"] = code;
    print_json(out, *summary);
  }
  if (!written) return code;
  if (failed)
    spdlog::error("built {} of {} zones; {} failed (see {})", total - failed, total, failed, manifest_path.string());
  else
    spdlog::info("{} into {}: {} built, {} unchanged (skipped)", counted(total, "zone"), o.out.string(),
                 total - unchanged, unchanged);
  if (t.incomplete)
    spdlog::error("{} zones built with outputs not written (see {})", t.incomplete, manifest_path.string());
  return code;
}

}  // namespace

void request_stop() { g_stop = true; }

int run_build(const base::Env& env, const BuildOptions& o, std::ostream& out, std::ostream& err) {
  RunSetup setup;
  if (!load_setup(env, o, err, setup)) return kExitUsage;
  ZoneSelection zones = select_zones(env, o.inputs, o.zones, o.shard);
  if (zones.error) return config_error(err, *zones.error);
  if (auto error = prepare_out(o.out)) return config_error(err, *error);
  std::optional<base::Diagnostic> log_error;
  RunLog log(o.out / "zonebrief.log", log_error);
  if (log_error) return config_error(err, *log_error);
  // One run at a time in a folder (shards of one job included): then a temporary file in it is
  // a dead run's.
  std::optional<base::Diagnostic> lock_error;
  OutLock lock(o.out, o.wait, &g_stop, lock_error);
  if (lock_error) return config_error(err, *lock_error);
  remove_dead_temporaries(env, o.out);

  // The shared manifest: shards and --zone runs merge into it, so it knows every zone.
  std::map<std::string, ZoneResult> last = last_manifest(env, o.out);
  const BuildCache cache = open_cache(env, o, setup, last);
  Progress progress(zones.files.size(), err, Progress::on_terminal(), log.file());
  ZoneContext ctx{env, o, *setup.fonts, setup.layouts, cache};
  ctx.facts_options.known_layouts = setup.layout_names;
  ctx.compose_options.lang = o.lang;
  ctx.compose_options.date = setup.date;
  ctx.today = static_cast<long>((setup.date ? *setup.date : env.now()) / 86400);
  ctx.stop = &g_stop;
  ctx.warn = [&](const std::string& message) { progress.warn(message); };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(zones.files.size()));
  return finish(o, zones, std::move(last), build_zones(ctx, zones.files, jobs, progress), out, err, log);
}

}  // namespace zb::app
