// The data search order: the working directory, the user's data folder, the installation's, the system's.
#include "app/data_dirs.h"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace zb::app {

std::vector<std::filesystem::path> data_candidates(const base::Env& env, const std::string& name) {
  std::vector<std::filesystem::path> out{name};
  std::filesystem::path user;
  if (auto xdg = env.get_var("XDG_DATA_HOME"); xdg && std::filesystem::path(*xdg).is_absolute())
    user = *xdg;
  else if (auto home = env.get_var("HOME"); home && std::filesystem::path(*home).is_absolute())
    user = std::filesystem::path(*home) / ".local" / "share";
  if (!user.empty()) out.push_back(user / "zonebrief" / name);
  if (auto exe = env.executable_path(); exe && exe->has_parent_path())
    out.push_back(exe->parent_path().parent_path() / "share" / "zonebrief" / name);
  // The system data folders of the XDG Base Directory rules: XDG_DATA_DIRS (absolute entries;
  // default /usr/local/share:/usr/share), e.g. a package's data when the binary was copied away.
  std::string dirs = env.get_var("XDG_DATA_DIRS").value_or("");
  if (dirs.empty()) dirs = "/usr/local/share:/usr/share";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path dir = dirs.substr(start, end - start);
    const auto candidate = dir / "zonebrief" / name;
    if (dir.is_absolute() && std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
    start = end + 1;
  }
  return out;
}

namespace {

/// The first of `candidates` that holds the data `name`.
std::optional<std::filesystem::path> first_holding(const base::Env& env, const std::string& name,
                                                   const std::vector<std::filesystem::path>& candidates) {
  for (const auto& dir : candidates) {
    const bool holds = name == "fonts" ? env.is_regular_file(dir / "fonts.yaml") : env.is_directory(dir);
    if (holds) {
      spdlog::debug("{}: using {}", name, dir.string());
      return dir;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::filesystem::path> locate_data_dir(const base::Env& env, const std::string& name) {
  return first_holding(env, name, data_candidates(env, name));
}

std::filesystem::path find_data_dir(const base::Env& env, const std::string& name) {
  const auto candidates = data_candidates(env, name);
  if (auto found = first_holding(env, name, candidates)) return *found;
  std::string searched;
  for (const auto& dir : candidates) searched += (searched.empty() ? "" : ", ") + dir.string();
  spdlog::warn("no {} folder found (searched {}); give one with --{}", name, searched, name);
  return candidates.front();
}

}  // namespace zb::app
