// Loads one zone's facts file (FACTS.md) into model::Facts, reporting every rule broken.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/env.h"
#include "load/yaml_tree.h"
#include "model/facts.h"

namespace zb::load {

/// Limits documented in README.md ("Input limits").
struct FactsLimits {
  std::uintmax_t max_file_bytes = 1 << 20;  ///< 1 MiB
  std::size_t max_text_chars = 2000;        ///< code points in one text value
  std::size_t max_errors = 100;             ///< diagnostics reported per file
  YamlLimits yaml;                          ///< nesting depth, alias expansion
};

struct FactsOptions {
  FactsLimits limits;
  /// Names of the layouts that exist; when set, zone.layout must be one of them.
  std::optional<std::set<std::string>> known_layouts;
};

/// The outcome of loading one file: facts when there were no errors, else the diagnostics
/// (sorted by position, at most limits.max_errors).
struct FactsResult {
  std::optional<model::Facts> facts;
  base::Diagnostics errors;
  bool ok() const { return facts.has_value(); }
};

/// The first steps of loading any input file (facts, meetings): its size, its encoding, YAML
/// parsed within the limits; nullopt after adding the errors.
std::optional<YamlDoc> parse_input(std::string_view text, const std::string& file, const FactsLimits& limits,
                                   base::Diagnostics& errors);

/// The bytes of `path` read through `env` for loading, or nullopt after adding the error (too
/// large, unreadable, not a regular file).
std::optional<std::string> read_input(const base::Env& env, const std::filesystem::path& path,
                                      const FactsLimits& limits, base::Diagnostics& errors);

/// Loads facts from `text`. `file` names it in messages; the zone id must equal `file`'s stem.
FactsResult load_facts_text(std::string_view text, const std::string& file, const FactsOptions& options = {});

/// Reads `path` through `env` (refusing files over the size limit) and loads it.
FactsResult load_facts_file(const base::Env& env, const std::filesystem::path& path, const FactsOptions& options = {});

}  // namespace zb::load
