// `zonebrief sample`: writes the typesetting sample, to check fonts and typesetting on a machine.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "base/env.h"
#include "model/lang_mode.h"

namespace zb::app {

struct SampleOptions {
  std::filesystem::path fonts = "fonts";
  std::filesystem::path out = "out/sample.pdf";
  std::optional<std::filesystem::path> png;  ///< also render page 1 as PNG here
  double dpi = 96;
};

struct ChartsOptions {
  std::filesystem::path fonts = "fonts";
  std::filesystem::path inputs = "inputs";
  std::vector<std::filesystem::path> files;  ///< when non-empty: these zone files instead of inputs/
  std::filesystem::path out = "out/charts.pdf";
  model::LangMode lang = model::LangMode::zh_en;  ///< zh, en, zh+en, en+zh (side-by-side: as zh+en)
  std::optional<std::filesystem::path> png_dir;   ///< also every page as PNG here
  double dpi = 72;
  bool cards = false;  ///< the key-figure cards too
};

/// Writes every chart (and with `cards` every key-figure card) of the zones as one PDF (and PNG pages).
int run_charts(const base::Env& env, const ChartsOptions& options, std::ostream& err);

/// Writes the sample PDF (and PNG). The PDF's date comes from SOURCE_DATE_EPOCH when set.
/// Returns 0 on success, 1 when writing failed, 2 on a configuration error (fonts, environment).
int run_sample(const base::Env& env, const SampleOptions& options, std::ostream& err);

}  // namespace zb::app
