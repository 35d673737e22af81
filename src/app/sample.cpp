// `zonebrief sample`: font book → sample document → PDF (and PNG), written atomically.
#include "app/sample.h"

#include <ostream>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/layouts.h"
#include "app/output.h"
#include "app/sample_document.h"
#include "base/diagnostics.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "load/facts_loader.h"
#include "text/font_book.h"

namespace zb::app {
namespace {

/// The charts' languages of a mode: the first language, and whether the other follows.
chart::Languages chart_languages(model::LangMode mode) {
  switch (mode) {
    case model::LangMode::zh:
      return {chart::Lang::zh, false};
    case model::LangMode::en:
      return {chart::Lang::en, false};
    case model::LangMode::en_zh:
      return {chart::Lang::en, true};
    case model::LangMode::zh_en:
    case model::LangMode::side_by_side:
      break;
  }
  return {chart::Lang::zh, true};
}

}  // namespace

int run_sample(const base::Env& env, const SampleOptions& options, std::ostream& err) {
  std::optional<std::int64_t> date;
  if (!source_date(env, date, err)) return kExitUsage;
  auto fonts = load_fonts(env, options.fonts, err);
  if (!fonts) return kExitUsage;
  try {
    auto doc = sample_document(*fonts, date);
    std::string pdf = export_pdf::write_pdf(doc, options.out.string());
    std::error_code ec;
    if (options.out.has_parent_path()) std::filesystem::create_directories(options.out.parent_path(), ec);
    if (auto why = write_atomically(options.out, pdf); !why.empty()) {
      err << base::Diagnostic::whole_file(options.out.string(), "expected a writable output file", why).str() << '\n';
      return kExitFailed;
    }
    spdlog::info("wrote {} ({}, {} bytes)", options.out.string(), counted(doc.pages.size(), "page"), pdf.size());
    if (options.png) {
      std::string png = export_png::render_png(doc, 0, options.dpi);
      if (auto why = write_atomically(*options.png, png); !why.empty()) {
        err << base::Diagnostic::whole_file(options.png->string(), "expected a writable output file", why).str()
            << '\n';
        return kExitFailed;
      }
      spdlog::info("wrote {} (page 1 at {} dpi)", options.png->string(), options.dpi);
    }
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitFailed;
  }
  return kExitOk;
}

int run_charts(const base::Env& env, const ChartsOptions& options, std::ostream& err) {
  std::optional<std::int64_t> date;
  if (!source_date(env, date, err)) return kExitUsage;
  const chart::Languages langs = chart_languages(options.lang);
  auto fonts = load_fonts(env, options.fonts, err);
  if (!fonts) return kExitUsage;
  auto listed = zone_files(env, options.inputs, options.files, err);
  if (!listed) return kExitUsage;
  const auto& files = *listed;
  std::vector<model::Facts> zones;
  int status = kExitOk;
  for (const auto& f : files) {
    auto r = load::load_facts_file(env, f);
    if (!r.ok()) {
      for (const auto& d : r.errors.items()) err << d.str() << '\n';
      status = kExitFailed;
      continue;
    }
    zones.push_back(std::move(*r.facts));
  }
  try {
    auto doc = chart_gallery(*fonts, zones, langs, date, options.cards);
    std::error_code ec;
    if (options.out.has_parent_path()) std::filesystem::create_directories(options.out.parent_path(), ec);
    if (auto why = write_atomically(options.out, export_pdf::write_pdf(doc, options.out.string())); !why.empty()) {
      err << base::Diagnostic::whole_file(options.out.string(), "expected a writable output file", why).str() << '\n';
      return kExitFailed;
    }
    spdlog::info("wrote {} ({}, {})", options.out.string(), counted(zones.size(), "zone"),
                 counted(doc.pages.size(), "page"));
    if (options.png_dir) {
      std::filesystem::create_directories(*options.png_dir, ec);
      for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        auto path = *options.png_dir / ("charts-" + std::to_string(p + 1) + ".png");
        if (auto why = write_atomically(path, export_png::render_png(doc, p, options.dpi)); !why.empty()) {
          err << base::Diagnostic::whole_file(path.string(), "expected a writable output file", why).str() << '\n';
          return kExitFailed;
        }
      }
    }
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitFailed;
  }
  return status;
}

}  // namespace zb::app
