// Edition records and their differences: figures compared as printed, so "old → new" shows
// exactly what each edition said.
#include "app/changes.h"

#include "chart/format.h"

namespace zb::app {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

}  // namespace

json make_record(const model::Facts& f) {
  json r;
  r["as_of"] = f.zone.as_of.iso();
  json metrics = json::array();
  for (const auto& m : f.metrics)
    metrics.push_back({{"id", m.id},
                       {"label_zh", m.label.zh},
                       {"label_en", m.label.en},
                       {"zh", chart::format_value(m.value, m.unit, chart::Lang::zh, m.qualifier).text},
                       {"en", chart::format_value(m.value, m.unit, chart::Lang::en, m.qualifier).text}});
  r["metrics"] = metrics;
  json series = json::array();
  for (const auto& s : f.series) {
    json points = json::array();
    for (const auto& p : s.points)
      points.push_back({{"x_zh", p.x.zh}, {"x_en", p.x.en},
                        {"zh", chart::format_value(p.y, s.unit, chart::Lang::zh).text},
                        {"en", chart::format_value(p.y, s.unit, chart::Lang::en).text}});
    series.push_back({{"id", s.id}, {"label_zh", s.label.zh}, {"label_en", s.label.en}, {"points", points}});
  }
  r["series"] = series;
  json highlights = json::array();
  for (const auto& h : f.highlights) highlights.push_back({{"zh", h.text.zh}, {"en", h.text.en}});
  r["highlights"] = highlights;
  return r;
}

std::vector<Change> diff_records(const json& prev, const json& cur) {
  std::vector<Change> out;
  auto list = [](const json& j, const char* key) { return j.contains(key) && j[key].is_array() ? j[key] : json::array(); };
  auto find = [](const json& arr, const std::string& id) -> const json* {
    for (const auto& x : arr)
      if (x.is_object() && x.contains("id") && x["id"] == id) return &x;
    return nullptr;
  };
  // Figures.
  const json pm = list(prev, "metrics"), cm = list(cur, "metrics");
  for (const auto& m : cm) {
    const json* old = find(pm, str(m, "id"));
    if (!old) {
      out.push_back({"added", "metrics/" + str(m, "id"), "新增：" + str(m, "label_zh") + " " + str(m, "zh"),
                     "New: " + str(m, "label_en") + " " + str(m, "en")});
    } else if (str(*old, "zh") != str(m, "zh") || str(*old, "en") != str(m, "en")) {
      out.push_back({"changed", "metrics/" + str(m, "id"), str(m, "label_zh") + "：" + str(*old, "zh") + " → " + str(m, "zh"),
                     str(m, "label_en") + ": " + str(*old, "en") + " → " + str(m, "en")});
    }
  }
  // Series points.
  const json ps = list(prev, "series"), cs = list(cur, "series");
  for (const auto& s : cs) {
    const json* old = find(ps, str(s, "id"));
    if (!old) {
      out.push_back({"added", "series/" + str(s, "id"), "新增图表：" + str(s, "label_zh"), "New chart: " + str(s, "label_en")});
      continue;
    }
    const json old_points = list(*old, "points");  // a copy: keep it alive while pointing into it
    for (const auto& p : list(s, "points")) {
      const json* op = nullptr;
      for (const auto& q : old_points)
        if (str(q, "x_zh") == str(p, "x_zh")) op = &q;
      if (!op)
        out.push_back({"added", "series/" + str(s, "id"), str(s, "label_zh") + "（" + str(p, "x_zh") + "）：新增 " + str(p, "zh"),
                       str(s, "label_en") + " (" + str(p, "x_en") + "): new, " + str(p, "en")});
      else if (str(*op, "zh") != str(p, "zh"))
        out.push_back({"changed", "series/" + str(s, "id"),
                       str(s, "label_zh") + "（" + str(p, "x_zh") + "）：" + str(*op, "zh") + " → " + str(p, "zh"),
                       str(s, "label_en") + " (" + str(p, "x_en") + "): " + str(*op, "en") + " → " + str(p, "en")});
    }
  }
  // Highlights, by their Chinese text.
  const json ph = list(prev, "highlights"), ch = list(cur, "highlights");
  auto has = [](const json& arr, const std::string& zh) {
    for (const auto& h : arr)
      if (h.is_object() && h.value("zh", "") == zh) return true;
    return false;
  };
  for (std::size_t i = 0; i < ch.size(); ++i)
    if (!has(ph, str(ch[i], "zh")))
      out.push_back({"added", "highlights/" + std::to_string(i + 1), "新增要点：" + str(ch[i], "zh"), "New highlight: " + str(ch[i], "en")});
  // Removals last.
  for (const auto& m : pm)
    if (!find(cm, str(m, "id")))
      out.push_back({"removed", "metrics/" + str(m, "id"), "不再列出：" + str(m, "label_zh") + " " + str(m, "zh"),
                     "No longer listed: " + str(m, "label_en") + " " + str(m, "en")});
  for (const auto& s : ps)
    if (!find(cs, str(s, "id")))
      out.push_back({"removed", "series/" + str(s, "id"), "不再列出图表：" + str(s, "label_zh"),
                     "Chart no longer listed: " + str(s, "label_en")});
  for (const auto& h : ph)
    if (!has(ch, str(h, "zh")))
      out.push_back({"removed", "highlights", "不再列出要点：" + str(h, "zh"), "Highlight no longer listed: " + str(h, "en")});
  return out;
}

}  // namespace zb::app
