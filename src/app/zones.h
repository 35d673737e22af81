// Choosing the zones of a build: every facts file of the inputs folder, the --zone ones, a --shard.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/env.h"

namespace zb::app {

/// --shard as written: "K/N", or "N" with K left to the job index (resolve_shard).
struct ShardSpec {
  std::optional<std::size_t> k;  ///< unset: from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID
  std::size_t n = 1;
};

/// Shard k of n: every n-th zone of the sorted list, starting at the k-th (0-based).
struct Shard {
  std::size_t k = 0;
  std::size_t n = 1;
};

/// What --shard expects, for its error messages.
inline constexpr std::string_view kShardExpected = "expected K/N with 0 <= K < N (or N, with K from the job index)";

/// Parses "K/N" (0 <= K < N) or "N" or "/N" (N >= 1), numbers of at most 6 digits; nullopt otherwise.
std::optional<ShardSpec> parse_shard_spec(std::string_view text);

/// The shard to build: K from `spec`, else from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID
/// through `env`. Sets `error` (about "--shard") and returns nullopt when there is no valid K.
std::optional<Shard> resolve_shard(const base::Env& env, const ShardSpec& spec, std::optional<base::Diagnostic>& error);

/// The files of `files` (sorted) that belong to `shard`.
std::vector<std::filesystem::path> shard_of(const std::vector<std::filesystem::path>& files, Shard shard);

/// "manifest.json", or "manifest-shard-K-of-N.json" for one shard of several.
std::string manifest_name(const std::optional<Shard>& shard);

/// The zones a build works on.
struct ZoneSelection {
  std::vector<std::filesystem::path> files;  ///< sorted, each once
  std::string manifest_name = "manifest.json";
  bool sharded = false;                   ///< one shard of several: other runs share the output folder
  std::optional<base::Diagnostic> error;  ///< a usage error: nothing is to be built
};

/// The *.yaml files of `inputs`: all of them, or those `ids` name (file name = id + ".yaml"), then
/// the shard's share when `shard` is set. An unreadable folder, an id with no file, a bad shard
/// or (unsharded) no zone at all is an error.
ZoneSelection select_zones(const base::Env& env, const std::filesystem::path& inputs,
                           const std::vector<std::string>& ids, const std::optional<ShardSpec>& shard);

}  // namespace zb::app
