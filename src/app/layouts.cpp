// Finding the layouts that exist (layouts/*.yaml).
#include "app/layouts.h"

#include "app/fonts.h"

#include <ostream>

#include <spdlog/spdlog.h>

#include "base/diagnostics.h"
#include "load/layout_loader.h"

namespace zb::app {

bool find_layout_names(const base::Env& env, const std::filesystem::path& dir, bool required,
                       std::optional<std::set<std::string>>& names, std::ostream& err,
                       std::map<std::string, model::Layout>* layouts) {
  std::string error;
  auto files = env.list_files(dir, ".yaml", error);
  if (!error.empty()) {
    if (required) {
      err << base::Diagnostic::whole_file(dir.string(), "expected a readable folder of layouts", error).str() << '\n';
      return false;
    }
    spdlog::debug("no layouts folder at {} ({}); zone.layout names are not checked", dir.string(), error);
    return true;
  }
  names.emplace();
  bool ok = true;
  for (const auto& f : files) {
    auto r = load::load_layout_file(env, f);
    if (!r.ok()) {
      for (const auto& d : r.errors.items()) err << d.str() << '\n';
      ok = false;
      continue;
    }
    names->insert(r.layout->name);
    if (layouts) layouts->emplace(r.layout->name, std::move(*r.layout));
  }
  return ok;
}

std::optional<std::vector<std::filesystem::path>> zone_files(const base::Env& env, const std::filesystem::path& inputs,
                                                             const std::vector<std::filesystem::path>& files,
                                                             std::ostream& err) {
  if (!files.empty()) return files;
  std::string error;
  auto found = env.list_files(inputs, ".yaml", error);
  if (!error.empty()) {
    err << base::Diagnostic::whole_file(inputs.string(), "expected a readable folder of zone files", error).str()
        << '\n';
    return std::nullopt;
  }
  return found;
}

std::shared_ptr<const text::FontBook> load_fonts(const base::Env& env, const std::filesystem::path& dir,
                                                 std::ostream& err) {
  try {
    return open_fonts(env, dir);
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return nullptr;
  }
}

bool source_date(const base::Env& env, std::optional<std::int64_t>& date, std::ostream& err) {
  std::string error;
  date = base::source_date_epoch(env, error);
  if (error.empty()) return true;
  err << base::Diagnostic::whole_file(
             "SOURCE_DATE_EPOCH", "expected a whole number of seconds since the epoch, from 0 to 253402300799", error)
             .str()
      << '\n';
  return false;
}

}  // namespace zb::app
