// `zonebrief check`: validates every zone file of an inputs folder.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "base/env.h"

namespace zb::app {

struct CheckOptions {
  std::filesystem::path inputs = "inputs";
  std::vector<std::filesystem::path> files;  ///< when non-empty: check these instead of inputs/
  std::filesystem::path layouts = "layouts";
  bool layouts_given = false;  ///< true when --layouts was passed: then it must exist
  bool json = false;           ///< --json: the results as one JSON document on stdout, errors in it
  /// --typeset: also set each valid zone as build would (its layout, zh+en) with the fonts of
  /// `fonts`, finding what only typesetting finds: a character no font has, a block too tall
  /// for a page. The layouts folder must then exist.
  bool typeset = false;
  std::filesystem::path fonts = "fonts";
};

/// Lists every zone of options.inputs on `out`, one line each: id, layout, as-of date, counts of
/// metrics/series/highlights and the zone's names; invalid files get their errors on `err`. With
/// options.json, one JSON document: {"zones": [{"id", "file", "name", "layout", "as_of",
/// "metrics", "series", "highlights"}], "invalid": [files as check --json gives them]}.
/// Exit codes as for check (2 for an inputs folder without zone files, too).
int run_list(const base::Env& env, const CheckOptions& options, std::ostream& out, std::ostream& err);

/// Validates each `*.yaml` in options.inputs (or options.files, which may be meeting files);
/// writes every error to `err`, one per line, or with options.json one JSON document to `out`:
/// {"checked", "valid", "invalid", "files": [{"file", "kind", "valid", "errors", "errors_not_shown"}]}.
/// With options.typeset, each valid zone is also composed in its layout (nothing is written).
/// Returns 0 when all files are valid, 1 when any is not, 2 when the folders (or, with typeset,
/// the fonts) cannot be read.
int run_check(const base::Env& env, const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace zb::app
