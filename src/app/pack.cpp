// The meeting pack command: load and check the meeting and its zones, compose, write atomically.
#include "app/pack.h"

#include <atomic>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/layouts.h"
#include "app/out_lock.h"
#include "app/output.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "layout/pack.h"
#include "load/meeting_loader.h"
#include "load/schema.h"

namespace zb::app {
namespace {

base::Diagnostic at(const model::Meeting& m, model::Position p, std::string expected, std::string found) {
  return base::Diagnostic{{m.file, p.line, p.col}, std::move(expected), std::move(found)};
}

/// The ids of the zone files in `inputs` (for did-you-mean).
std::set<std::string> zone_ids(const base::Env& env, const std::filesystem::path& inputs) {
  std::set<std::string> ids;
  std::string error;
  for (const auto& p : env.list_files(inputs, ".yaml", error)) ids.insert(p.stem().string());
  return ids;
}

/// Loads each zone of `m`; reports a missing or invalid one at its line.
void load_zones(const base::Env& env, const model::Meeting& m, const std::filesystem::path& inputs,
                const std::optional<std::set<std::string>>& known_layouts, LoadedMeeting& out,
                base::Diagnostics& errors) {
  const std::set<std::string> ids = zone_ids(env, inputs);
  load::FactsOptions fo;
  fo.known_layouts = known_layouts;
  for (std::size_t i = 0; i < m.zones.size(); ++i) {
    const auto& z = m.zones[i];
    const std::string path = "zones[" + std::to_string(i) + "]";
    if (!ids.count(z.id)) {
      std::string found = base::quote_excerpt(z.id, 64);
      if (auto sug = load::suggest(z.id, ids)) found += "; did you mean '" + *sug + "'?";
      errors.add(at(m, z.at, path + ": expected the id of a zone with a file in " + inputs.string(), found));
      continue;
    }
    auto r = load::load_facts_file(env, inputs / (z.id + ".yaml"), fo);
    if (!r.ok()) {
      const std::size_t n = r.errors.items().size();
      errors.add(at(m, z.at, path + ": expected a zone whose facts file is valid",
                    std::to_string(n) + (n == 1 ? " error" : " errors") + " in " +
                        (inputs / (z.id + ".yaml")).string() + ", first: " + r.errors.items().front().str()));
      for (const auto& d : r.errors.items()) errors.add(d);
      continue;
    }
    out.zones.push_back(std::move(*r.facts));
  }
}

/// Every `compare` id must be a metric of at least one zone.
void check_compare(const model::Meeting& m, const std::vector<model::Facts>& zones, base::Diagnostics& errors) {
  if (!m.compare) return;
  std::set<std::string> metrics;
  for (const auto& z : zones)
    for (const auto& metric : z.metrics) metrics.insert(metric.id);
  for (std::size_t i = 0; i < m.compare->size(); ++i) {
    const auto& c = (*m.compare)[i];
    if (metrics.count(c.id)) continue;
    std::string found = base::quote_excerpt(c.id, 64);
    if (auto sug = load::suggest(c.id, metrics)) found += "; did you mean '" + *sug + "'?";
    errors.add(
        at(m, c.at, "compare[" + std::to_string(i) + "]: expected the id of a metric of one of the zones", found));
  }
}

}  // namespace

std::optional<LoadedMeeting> load_meeting_with_zones(const base::Env& env, const std::filesystem::path& file,
                                                     const std::filesystem::path& inputs,
                                                     const std::optional<std::set<std::string>>& known_layouts,
                                                     base::Diagnostics& errors) {
  load::FactsOptions fo;
  fo.known_layouts = known_layouts;
  auto r = load::load_meeting_file(env, file, fo);
  if (!r.ok()) {
    for (const auto& d : r.errors.items()) errors.add(d);
    return std::nullopt;
  }
  LoadedMeeting out{std::move(*r.meeting), {}};
  load_zones(env, out.meeting, inputs, known_layouts, out, errors);
  if (!errors.empty()) return std::nullopt;
  check_compare(out.meeting, out.zones, errors);
  if (!errors.empty()) return std::nullopt;
  return out;
}

int run_pack(const base::Env& env, const PackCommandOptions& o, std::ostream& err) {
  std::optional<std::int64_t> date;
  if (!source_date(env, date, err)) return kExitUsage;
  std::optional<std::set<std::string>> names;
  std::map<std::string, model::Layout> layouts;
  if (!find_layout_names(env, o.layouts, /*required=*/true, names, err, &layouts)) return kExitUsage;
  if (!layouts.count("briefing")) {
    err << base::Diagnostic::whole_file(o.layouts.string(), "expected a layout named briefing (the pack's own pages)",
                                        "none")
               .str()
        << '\n';
    return kExitUsage;
  }
  auto fonts = load_fonts(env, o.fonts, err);
  if (!fonts) return kExitUsage;
  base::Diagnostics errors;
  auto loaded = load_meeting_with_zones(env, o.meeting, o.inputs, names, errors);
  if (!loaded) {
    for (const auto& d : errors.items()) err << d.str() << '\n';
    return kExitFailed;
  }
  std::vector<layout::PackZone> zones;
  for (std::size_t i = 0; i < loaded->zones.size(); ++i)
    zones.push_back({&loaded->zones[i], &layouts.at(loaded->meeting.zones[i].layout)});
  layout::PackOptions po;
  po.lang = o.lang.value_or(loaded->meeting.lang);
  po.date = date;
  po.today = static_cast<long>((date ? *date : env.now()) / 86400);  // as build counts a zone's age
  if (auto error = prepare_out(o.out)) {
    err << error->str() << '\n';
    return kExitUsage;
  }
  std::optional<base::Diagnostic> lock_error;
  static const std::atomic<bool> never{false};
  OutLock lock(o.out, o.wait, &never, lock_error);
  if (lock_error) {
    err << lock_error->str() << '\n';
    return kExitUsage;
  }
  remove_dead_temporaries(env, o.out);  // a killed pack's, with the lock held
  try {
    const frame::Document doc = layout::compose_pack(*fonts, loaded->meeting, zones, layouts.at("briefing"), po);
    const auto pdf = o.out / (loaded->meeting.id + ".pdf"), png = o.out / (loaded->meeting.id + ".png");
    for (const auto& [path, bytes] : {std::pair{pdf, export_pdf::write_pdf(doc, pdf.string())},
                                      std::pair{png, export_png::render_png(doc, 0, 60)}}) {
      if (auto why = write_atomically(path, bytes); !why.empty()) {
        err << base::Diagnostic::whole_file(path.string(), "expected a writable output file", why).str() << '\n';
        return kExitFailed;
      }
    }
    spdlog::info("wrote {} ({}, {}) and its cover {}", pdf.string(), counted(zones.size(), "zone"),
                 counted(doc.pages.size(), "page"), png.string());
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace zb::app
