// `zonebrief check`: load each zone file, print its errors, summarise.
#include "app/check.h"

#include <ostream>
#include <set>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/layouts.h"
#include "app/pack.h"
#include "load/facts_loader.h"
#include "load/meeting_loader.h"

namespace zb::app {
namespace {

/// The error of an inputs folder without zone files (check, list; build says the same): exit 2.
int no_zone_files(const std::filesystem::path& inputs, std::ostream& err) {
  err << base::Diagnostic::whole_file(inputs.string(), "expected at least one *.yaml zone file", "none").str() << '\n';
  return kExitUsage;
}

/// True when `path` reads as a meeting file (a top-level "meeting:" key).
bool is_meeting_file(const base::Env& env, const std::filesystem::path& path) {
  auto bytes = env.read_file(path, load::FactsLimits{}.max_file_bytes);
  return bytes.error.empty() && !bytes.too_large && load::looks_like_meeting(bytes.data);
}

}  // namespace

int run_list(const base::Env& env, const CheckOptions& options, std::ostream& out, std::ostream& err) {
  load::FactsOptions facts_options;
  if (!find_layout_names(env, options.layouts, options.layouts_given, facts_options.known_layouts, err))
    return kExitUsage;
  auto listed = zone_files(env, options.inputs, options.files, err);
  if (!listed) return kExitUsage;
  const auto& files = *listed;
  if (files.empty()) return no_zone_files(options.inputs, err);
  int status = kExitOk;
  for (const auto& path : files) {
    auto r = load::load_facts_file(env, path, facts_options);
    if (!r.ok()) {
      for (const auto& d : r.errors.items()) err << d.str() << '\n';
      status = kExitFailed;
      continue;
    }
    const auto& z = r.facts->zone;
    out << z.id << '\t' << z.layout << '\t' << z.as_of.iso() << '\t' << r.facts->metrics.size() << " metrics, "
        << r.facts->series.size() << " series, " << r.facts->highlights.size() << " highlights\t" << z.name.zh << " / "
        << z.name.en << '\n';
  }
  return status;
}

int run_check(const base::Env& env, const CheckOptions& options, std::ostream& err) {
  load::FactsOptions facts_options;
  if (!find_layout_names(env, options.layouts, options.layouts_given, facts_options.known_layouts, err))
    return kExitUsage;

  auto listed = zone_files(env, options.inputs, options.files, err);
  if (!listed) return kExitUsage;
  const auto& files = *listed;
  if (files.empty()) return no_zone_files(options.inputs, err);

  std::size_t bad = 0;
  for (const auto& path : files) {
    if (!options.files.empty() && is_meeting_file(env, path)) {  // a meeting file named on the command line
      base::Diagnostics errors;
      if (load_meeting_with_zones(env, path, options.inputs, facts_options.known_layouts, errors)) continue;
      ++bad;
      for (const auto& d : errors.items()) err << d.str() << '\n';
      continue;
    }
    auto result = load::load_facts_file(env, path, facts_options);
    if (result.ok()) {
      spdlog::debug("{}: valid ({} metrics, {} series, {} highlights)", path.string(),
                    result.facts->metrics.size(), result.facts->series.size(),
                    result.facts->highlights.size());
      continue;
    }
    ++bad;
    for (const auto& d : result.errors.items()) err << d.str() << '\n';
    if (result.errors.dropped() > 0)
      err << path.string() << ": note: " << result.errors.dropped() << " more errors not shown\n";
  }
  if (bad == 0) {
    spdlog::info("checked {} zone files: all valid", files.size());
    return kExitOk;
  }
  spdlog::error("checked {} zone files: {} invalid", files.size(), bad);
  return kExitFailed;
}

}  // namespace zb::app
