// Manifest JSON through nlohmann's typed hooks: ZoneResult and Manifest to and from ordered JSON.
#include "app/manifest.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"

namespace zb::app {
namespace {

using nlohmann::ordered_json;

/// A name or path as JSON can hold it: invalid UTF-8 (a file name of other bytes) escaped.
std::string safe(const std::string& s) { return base::utf8_escape_invalid(s); }

bool has(const ordered_json& j, const char* key) { return j.is_object() && j.contains(key); }

std::string text(const ordered_json& j, const char* key) {
  return has(j, key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::size_t count(const ordered_json& j, const char* key) {
  return has(j, key) && j[key].is_number_unsigned() ? j[key].get<std::size_t>() : 0;
}

template <class T>
std::vector<T> list(const ordered_json& j, const char* key) {
  std::vector<T> out;
  if (!has(j, key) || !j[key].is_array()) return out;
  for (const auto& x : j[key]) {
    if constexpr (std::is_same_v<T, std::string>)
      out.push_back(x.is_string() ? x.get<std::string>() : "");
    else
      out.push_back(x.get<T>());
  }
  return out;
}

}  // namespace

void to_json(ordered_json& j, const ZoneResult& r) {
  j = ordered_json::object();
  j["id"] = safe(r.id);
  if (!r.name_zh.empty() || !r.name_en.empty()) {
    j["name"] = r.name_zh + " / " + r.name_en;  // for readers of earlier manifests
    j["name_zh"] = r.name_zh;
    j["name_en"] = r.name_en;
  }
  j["input"] = safe(r.input.string());
  j["status"] = std::string(name_of(r.status));
  if (!r.key.empty()) j["key"] = r.key;
  if (has_output(r.status)) {
    j["output"] = safe(r.output);
    j["sha256"] = r.sha256;
    j["pages"] = r.pages;
    j["bytes"] = r.bytes;
  }
  if (!r.as_of.empty()) j["as_of"] = r.as_of;
  if (r.stale) j["stale"] = true;
  if (!r.preview.empty()) j["preview"] = safe(r.preview);
  if (!r.changes.empty()) j["changes"] = r.changes;
  j["ms"] = std::round(r.ms * 10) / 10;
  j["errors"] = ordered_json::array();
  for (const auto& e : r.errors) j["errors"].push_back(safe(e));
}

void from_json(const ordered_json& j, ZoneResult& r) {
  r = ZoneResult{};
  r.id = text(j, "id");
  r.name_zh = text(j, "name_zh");
  r.name_en = text(j, "name_en");
  if (!has(j, "name_zh") && !has(j, "name_en")) {  // an earlier manifest: "<zh> / <en>" only
    const std::string name = text(j, "name");
    const auto slash = name.rfind(" / ");
    r.name_zh = slash == std::string::npos ? name : name.substr(0, slash);
    r.name_en = slash == std::string::npos ? "" : name.substr(slash + 3);
  }
  r.input = text(j, "input");
  r.status = parse_zone_status(text(j, "status")).value_or(ZoneStatus::failed);
  r.key = text(j, "key");
  r.output = text(j, "output");
  r.sha256 = text(j, "sha256");
  r.pages = count(j, "pages");
  r.bytes = count(j, "bytes");
  r.as_of = text(j, "as_of");
  r.stale = has(j, "stale") && j["stale"].is_boolean() && j["stale"].get<bool>();
  r.preview = text(j, "preview");
  r.changes = list<EditionChange>(j, "changes");
  r.ms = has(j, "ms") && j["ms"].is_number() ? j["ms"].get<double>() : 0;
  r.errors = list<std::string>(j, "errors");
}

void to_json(ordered_json& j, const Manifest& m) {
  j = ordered_json::object();
  j["tool"] = m.tool;
  j["lang"] = std::string(model::name_of(m.lang));
  if (m.layout) j["layout"] = *m.layout;
  j["zones"] = m.zones;
  if (!m.errors.empty()) j["errors"] = m.errors;
}

void from_json(const ordered_json& j, Manifest& m) {
  m = Manifest{};
  m.tool = text(j, "tool");
  m.lang = model::parse_lang_mode(text(j, "lang")).value_or(model::LangMode::zh_en);
  if (has(j, "layout") && j["layout"].is_string()) m.layout = j["layout"].get<std::string>();
  if (has(j, "zones") && j["zones"].is_array())
    for (const auto& z : j["zones"])
      if (has(z, "id") && z["id"].is_string()) m.zones.push_back(z.get<ZoneResult>());
  if (has(j, "errors") && j["errors"].is_array())
    for (const auto& e : j["errors"])
      if (e.is_string()) m.errors.push_back(e.get<std::string>());
}

std::string manifest_text(const Manifest& m) { return ordered_json(m).dump(2) + "\n"; }

std::map<std::string, ZoneResult> manifest_zones(const std::string& text) {
  std::map<std::string, ZoneResult> zones;
  auto j = ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return zones;
  for (auto& z : j.get<Manifest>().zones) zones[z.id] = std::move(z);
  return zones;
}

std::vector<ZoneResult> merge_zones(std::map<std::string, ZoneResult> kept, std::vector<ZoneResult> run) {
  for (auto& r : run) kept[r.id] = std::move(r);
  std::vector<ZoneResult> zones;
  zones.reserve(kept.size());
  for (auto& [_, z] : kept) zones.push_back(std::move(z));
  std::stable_sort(zones.begin(), zones.end(), [](const ZoneResult& a, const ZoneResult& b) {
    const std::string fa = a.input.filename().string(), fb = b.input.filename().string();
    return fa != fb ? fa < fb : a.id < b.id;
  });
  return zones;
}

}  // namespace zb::app
