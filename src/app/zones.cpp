// Zone selection: the inputs folder's facts files, narrowed by --zone and --shard.
#include "app/zones.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace zb::app {
namespace {

/// A whole number of 1 to 6 digits.
std::optional<std::size_t> whole(std::string_view s) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::size_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

/// The files named by `ids`, sorted, each once; sets `error` at the first id with no file.
std::vector<std::filesystem::path> pick(const std::vector<std::filesystem::path>& files,
                                        const std::vector<std::string>& ids, const std::filesystem::path& inputs,
                                        std::optional<base::Diagnostic>& error) {
  std::vector<std::filesystem::path> chosen;
  for (const auto& id : ids) {
    auto it = std::find_if(files.begin(), files.end(), [&](const auto& p) { return p.stem().string() == id; });
    if (it == files.end()) {
      error = base::Diagnostic::whole_file(inputs.string(), "expected --zone to name a zone file in this folder",
                                           "'" + id + "'");
      return {};
    }
    chosen.push_back(*it);
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  return chosen;
}

}  // namespace

std::optional<ShardSpec> parse_shard_spec(std::string_view text) {
  const auto slash = text.find('/');
  auto n = whole(slash == std::string_view::npos ? text : text.substr(slash + 1));
  if (!n || *n == 0) return std::nullopt;
  if (slash == std::string_view::npos || slash == 0) return ShardSpec{std::nullopt, *n};  // "N" or "/N"
  auto k = whole(text.substr(0, slash));
  if (!k || *k >= *n) return std::nullopt;
  return ShardSpec{k, *n};
}

std::optional<Shard> resolve_shard(const base::Env& env, const ShardSpec& spec,
                                   std::optional<base::Diagnostic>& error) {
  auto fail = [&](const std::string& found) {
    error = base::Diagnostic::whole_file("--shard", std::string(kShardExpected), found);
    return std::nullopt;
  };
  if (spec.k) {
    if (spec.n == 0 || *spec.k >= spec.n) return fail(fmt::format("'{}/{}'", *spec.k, spec.n));
    return Shard{*spec.k, spec.n};
  }
  std::optional<std::string> index = env.get_var("JOB_COMPLETION_INDEX");
  if (!index) index = env.get_var("SLURM_ARRAY_TASK_ID");
  if (!index) return fail("no K given and neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set");
  auto k = whole(*index);
  if (!k || spec.n == 0 || *k >= spec.n) return fail(fmt::format("'{}/{}'", *index, spec.n));
  return Shard{*k, spec.n};
}

std::vector<std::filesystem::path> shard_of(const std::vector<std::filesystem::path>& files, Shard shard) {
  std::vector<std::filesystem::path> mine;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (i % shard.n == shard.k) mine.push_back(files[i]);
  return mine;
}

std::string manifest_name(const std::optional<Shard>& shard) {
  return shard ? fmt::format("manifest-shard-{}-of-{}.json", shard->k, shard->n) : "manifest.json";
}

ZoneSelection select_zones(const base::Env& env, const std::filesystem::path& inputs,
                           const std::vector<std::string>& ids, const std::optional<ShardSpec>& spec) {
  ZoneSelection s;
  std::string list_error;
  s.files = env.list_files(inputs, ".yaml", list_error);
  if (!list_error.empty()) {
    s.error = base::Diagnostic::whole_file(inputs.string(), "expected a readable folder of zone files", list_error);
    return s;
  }
  if (!ids.empty()) s.files = pick(s.files, ids, inputs, s.error);
  if (s.error) return s;
  if (spec) {
    auto shard = resolve_shard(env, *spec, s.error);
    if (!shard) return s;
    s.files = shard_of(s.files, *shard);
    s.manifest_name = manifest_name(shard);
    s.sharded = true;
  } else if (s.files.empty()) {
    s.error = base::Diagnostic::whole_file(inputs.string(), "expected at least one *.yaml zone file", "none");
  }
  return s;
}

}  // namespace zb::app
