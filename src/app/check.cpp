// `zonebrief check`: load each zone file, print its errors, summarise.
#include "app/check.h"

#include <map>
#include <memory>
#include <ostream>
#include <set>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/json_output.h"
#include "app/layouts.h"
#include "app/pack.h"
#include "layout/compose.h"
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

/// check --typeset: composes the zone in its layout as build does (zh+en, nothing written) and
/// adds what only typesetting finds (a character no font has, a block too tall for a page).
void typeset_zone(const text::FontBook& fonts, const model::Facts& facts,
                  const std::map<std::string, model::Layout>& layouts, base::Diagnostics& errors) {
  const auto layout = layouts.find(facts.zone.layout);
  if (layout == layouts.end()) return;  // reported by the loader
  try {
    layout::compose_briefing(fonts, facts, layout->second, layout::ComposeOptions{});
  } catch (const base::Error& e) {
    for (const auto& d : e.diagnostics()) errors.add(d);
  }
}

/// A checked file in --json output: its path, kind ("zone" or "meeting"), validity, errors and
/// the count of errors past the cap (not shown).
nlohmann::ordered_json file_json(const std::filesystem::path& path, const char* kind, const base::Diagnostics& errors) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : errors.items()) list.push_back(diagnostic_json(d));
  return {{"file", path.string()},
          {"kind", kind},
          {"valid", errors.empty()},
          {"errors", std::move(list)},
          {"errors_not_shown", errors.dropped()}};
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
  nlohmann::ordered_json zones = nlohmann::ordered_json::array(), invalid = nlohmann::ordered_json::array();
  for (const auto& path : files) {
    auto r = load::load_facts_file(env, path, facts_options);
    if (!r.ok()) {
      status = kExitFailed;
      if (options.json) {
        invalid.push_back(file_json(path, "zone", r.errors));
        continue;
      }
      for (const auto& d : r.errors.items()) err << d.str() << '\n';
      continue;
    }
    const auto& f = *r.facts;
    const auto& z = f.zone;
    if (options.json) {
      zones.push_back({{"id", z.id},
                       {"file", path.string()},
                       {"name", {{"zh", z.name.zh}, {"en", z.name.en}}},
                       {"layout", z.layout},
                       {"as_of", z.as_of.iso()},
                       {"metrics", f.metrics.size()},
                       {"series", f.series.size()},
                       {"highlights", f.highlights.size()}});
      continue;
    }
    out << z.id << '\t' << z.layout << '\t' << z.as_of.iso() << '\t' << f.metrics.size() << " metrics, "
        << f.series.size() << " series, " << f.highlights.size() << " highlights\t" << z.name.zh << " / " << z.name.en
        << '\n';
  }
  if (options.json) print_json(out, {{"zones", std::move(zones)}, {"invalid", std::move(invalid)}});
  return status;
}

int run_check(const base::Env& env, const CheckOptions& options, std::ostream& out, std::ostream& err) {
  load::FactsOptions facts_options;
  std::map<std::string, model::Layout> layouts;
  if (!find_layout_names(env, options.layouts, options.layouts_given || options.typeset, facts_options.known_layouts,
                         err, options.typeset ? &layouts : nullptr))
    return kExitUsage;
  std::shared_ptr<const text::FontBook> fonts;
  if (options.typeset && !(fonts = load_fonts(env, options.fonts, err))) return kExitUsage;

  auto listed = zone_files(env, options.inputs, options.files, err);
  if (!listed) return kExitUsage;
  const auto& files = *listed;
  if (files.empty()) return no_zone_files(options.inputs, err);

  std::size_t bad = 0;
  nlohmann::ordered_json checked = nlohmann::ordered_json::array();
  for (const auto& path : files) {
    const bool meeting = !options.files.empty() && is_meeting_file(env, path);  // named on the command line
    base::Diagnostics errors;
    if (meeting) {
      load_meeting_with_zones(env, path, options.inputs, facts_options.known_layouts, errors);
    } else {
      auto result = load::load_facts_file(env, path, facts_options);
      if (result.ok())
        spdlog::debug("{}: valid ({} metrics, {} series, {} highlights)", path.string(), result.facts->metrics.size(),
                      result.facts->series.size(), result.facts->highlights.size());
      errors = std::move(result.errors);
      if (result.ok() && fonts) typeset_zone(*fonts, *result.facts, layouts, errors);
    }
    bad += !errors.empty();
    if (options.json) {
      checked.push_back(file_json(path, meeting ? "meeting" : "zone", errors));
      continue;
    }
    for (const auto& d : errors.items()) err << d.str() << '\n';
    if (errors.dropped() > 0) err << path.string() << ": note: " << errors.dropped() << " more errors not shown\n";
  }
  if (options.json)
    print_json(
        out,
        {{"checked", files.size()}, {"valid", files.size() - bad}, {"invalid", bad}, {"files", std::move(checked)}});
  if (bad == 0) {
    spdlog::info("checked {}: all valid", counted(files.size(), "file"));
    return kExitOk;
  }
  spdlog::error("checked {}: {} invalid", counted(files.size(), "file"), bad);
  return kExitFailed;
}

}  // namespace zb::app
