// Building one zone: facts → key → (unchanged | compose → PDF, record, preview), every failure kept with the zone.
#include "app/build_zone.h"

#include <new>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/changes.h"
#include "app/output.h"
#include "base/diagnostics.h"
#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "layout/editorial.h"

namespace zb::app {
namespace {

/// Size of a preview: page 1 at this resolution.
constexpr double kPreviewDpi = 40;

std::string error_text(const std::filesystem::path& file, const std::string& expected, const std::string& found) {
  return base::Diagnostic::whole_file(file.string(), expected, found).str();
}

/// The record file left beside the last PDF; unset when there is none (or it is no JSON object).
std::optional<RecordFile> last_record(const base::Env& env, const std::filesystem::path& record_path) {
  auto prev = env.read_file(record_path, 16u << 20);
  if (!prev.error.empty() || prev.too_large) return std::nullopt;
  auto j = nlohmann::json::parse(prev.data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  return j.get<RecordFile>();
}

/// Writes the PDF of `doc`, then the edition record and the preview; fills `r` (an output not
/// written is one of its errors: the zone is built, the run exits 1).
void write_outputs(const ZoneContext& ctx, const frame::Document& doc, const RecordFile& record, ZoneResult& r) {
  const auto& out = ctx.options.out;
  auto pdf_path = out / (r.id + ".pdf");
  std::string pdf = export_pdf::write_pdf(doc, pdf_path.string());
  if (auto why = write_atomically(pdf_path, pdf, /*sync_folder=*/false); !why.empty()) {
    r.errors.push_back(error_text(pdf_path, "expected a writable output file", why));
    return;
  }
  r.status = ZoneStatus::built;
  r.output = pdf_path.string();
  r.sha256 = sha256_hex(pdf);
  r.pages = doc.pages.size();
  r.bytes = pdf.size();
  auto record_path = out / (r.id + ".record.json");
  if (auto why = write_atomically(record_path, nlohmann::json(record).dump(1) + "\n", false); !why.empty())
    r.errors.push_back(error_text(record_path, "expected a writable edition record", why));
  if (ctx.options.previews) {
    auto png_path = out / (r.id + ".png");
    if (auto why = write_atomically(png_path, export_png::render_png(doc, 0, kPreviewDpi), false); why.empty())
      r.preview = png_path.filename().string();
    else
      r.errors.push_back(error_text(png_path, "expected a writable preview", why));
  }
}

/// Composes the briefing of loaded facts (stale flag, changes since the last edition) and writes it.
void compose_and_write(const ZoneContext& ctx, const model::Facts& facts, long age, ZoneResult& r) {
  const BuildOptions& o = ctx.options;
  const model::Layout& lay = ctx.layouts.at(o.layout.value_or(facts.zone.layout));
  layout::ComposeOptions zone_options = ctx.compose_options;
  layout::set_age(zone_options, facts.zone, ctx.today, o.max_age_days);
  r.as_of = facts.zone.as_of.iso();
  r.name_zh = facts.zone.name.zh;
  r.name_en = facts.zone.name.en;
  if (age > o.max_age_days) {
    r.stale = true;
    if (ctx.warn)
      ctx.warn(fmt::format("{}: facts as of {} are {} days old (more than {}): flagged as stale", r.id, r.as_of, age,
                           o.max_age_days));
  }
  NextEdition edition = next_edition(last_record(ctx.env, o.out / (r.id + ".record.json")), make_record(facts));
  if (edition.changes) {
    r.changes = std::move(*edition.changes);
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& c : r.changes) lines.push_back({c.zh, c.en});
    zone_options.changes = std::move(lines);
  }
  auto doc = layout::compose_briefing(ctx.fonts, facts, lay, zone_options);
  write_outputs(ctx, doc, edition.file, r);
}

/// Loads the facts and builds the zone unless the cache finds it unchanged. Returns false when
/// it was unchanged (nothing was built, no time is recorded).
bool load_and_build(const ZoneContext& ctx, const std::filesystem::path& facts_file, ZoneResult& r) {
  auto facts = load::load_facts_file(ctx.env, facts_file, ctx.facts_options);
  if (!facts.ok()) {
    for (const auto& d : facts.errors.items()) r.errors.push_back(d.str());
    return true;
  }
  const BuildOptions& o = ctx.options;
  const long age = ctx.today - facts.facts->zone.as_of.days_since_epoch();
  // The key changes when the zone turns stale, when its tag's count of years changes, and when
  // one more figure turns old.
  const std::string age_shown = (age > o.max_age_days ? "stale " + std::to_string(age / 365) : std::string("fresh")) +
                                " | old " +
                                std::to_string(layout::old_figures(*facts.facts, ctx.today, o.max_age_days));
  r.key = ctx.cache.zone_key(ctx.env, o.layout.value_or(facts.facts->zone.layout), facts_file, age_shown);
  if (ctx.cache.reuse(ctx.env, o.out / (r.id + ".pdf"), r)) return false;
  compose_and_write(ctx, *facts.facts, age, r);
  return true;
}

}  // namespace

ZoneResult build_zone(const ZoneContext& ctx, const std::filesystem::path& facts_file) {
  ZoneResult r;
  r.input = facts_file;
  r.id = facts_file.stem().string();
  if (const std::string name = facts_file.filename().string(); base::find_invalid_utf8(name)) {
    // Its id could go into no JSON, HTML or PDF: it fails alone, its bytes shown escaped.
    r.errors.push_back(error_text(base::utf8_escape_invalid(facts_file.string()), "expected a zone file name in UTF-8",
                                  "'" + base::utf8_escape_invalid(name) + "'"));
    return r;
  }
  if (ctx.stop && *ctx.stop) {
    r.status = ZoneStatus::interrupted;
    r.errors.push_back("not built: the run was stopped");
    return r;
  }
  const double t0 = ctx.env.monotonic_ms();
  try {
    if (!load_and_build(ctx, facts_file, r)) return r;
  } catch (const base::Error& e) {
    for (const auto& d : e.diagnostics()) r.errors.push_back(d.str());
  } catch (const std::bad_alloc&) {
    r.errors.push_back(error_text(facts_file, "expected the zone to build", "out of memory"));
  } catch (const std::exception& e) {
    r.errors.push_back(error_text(facts_file, "expected the zone to build", e.what()));
  } catch (...) {
    // Whatever a library throws stays with its zone: an exception escaping a worker thread
    // would end the process, and with it the other zones' records and the manifest.
    r.errors.push_back(error_text(facts_file, "expected the zone to build", "an unknown exception"));
  }
  r.ms = ctx.env.monotonic_ms() - t0;
  // Errors name the file: a folder name that is not UTF-8 is shown escaped, once.
  for (auto& e : r.errors) e = base::utf8_escape_invalid(e);
  return r;
}

}  // namespace zb::app
