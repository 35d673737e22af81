// Edition records and their differences: figures compared as printed, so "old → new" shows
// exactly what each edition said.
#include "app/changes.h"

#include "chart/format.h"

namespace zb::app {
namespace {

using nlohmann::json;

/// The string at `key`, or "" when `j` is no object or the value is missing or no string.
template <class Json>
std::string text(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].template get<std::string>() : "";
}

/// The items of the array at `key` (none when it is missing or no array).
template <class T>
std::vector<T> items(const json& j, const char* key) {
  std::vector<T> out;
  if (j.is_object() && j.contains(key) && j[key].is_array())
    for (const auto& x : j[key]) out.push_back(x.get<T>());
  return out;
}

template <class T>
const T* find_id(const std::vector<T>& list, const std::string& id) {
  for (const auto& x : list)
    if (x.id == id) return &x;
  return nullptr;
}

bool has_highlight(const std::vector<RecordHighlight>& list, const std::string& zh) {
  for (const auto& h : list)
    if (h.zh == zh) return true;
  return false;
}

void diff_metrics(const std::vector<RecordMetric>& prev, const std::vector<RecordMetric>& cur,
                  std::vector<EditionChange>& out) {
  for (const auto& m : cur) {
    const RecordMetric* old = find_id(prev, m.id);
    if (!old)
      out.push_back(
          {"added", "metrics/" + m.id, "新增：" + m.label_zh + " " + m.zh, "New: " + m.label_en + " " + m.en});
    else if (old->zh != m.zh || old->en != m.en)
      out.push_back({"changed", "metrics/" + m.id, m.label_zh + "：" + old->zh + " → " + m.zh,
                     m.label_en + ": " + old->en + " → " + m.en});
  }
}

void diff_points(const RecordSeries& old, const RecordSeries& s, std::vector<EditionChange>& out) {
  for (const auto& p : s.points) {
    const RecordPoint* op = nullptr;
    for (const auto& q : old.points)
      if (q.x_zh == p.x_zh) op = &q;  // the last point with this label
    if (!op)
      out.push_back({"added", "series/" + s.id, s.label_zh + "（" + p.x_zh + "）：新增 " + p.zh,
                     s.label_en + " (" + p.x_en + "): new, " + p.en});
    else if (op->zh != p.zh)
      out.push_back({"changed", "series/" + s.id, s.label_zh + "（" + p.x_zh + "）：" + op->zh + " → " + p.zh,
                     s.label_en + " (" + p.x_en + "): " + op->en + " → " + p.en});
  }
}

void diff_series(const std::vector<RecordSeries>& prev, const std::vector<RecordSeries>& cur,
                 std::vector<EditionChange>& out) {
  for (const auto& s : cur) {
    if (const RecordSeries* old = find_id(prev, s.id))
      diff_points(*old, s, out);
    else
      out.push_back({"added", "series/" + s.id, "新增图表：" + s.label_zh, "New chart: " + s.label_en});
  }
}

void removals(const Record& prev, const Record& cur, std::vector<EditionChange>& out) {
  for (const auto& m : prev.metrics)
    if (!find_id(cur.metrics, m.id))
      out.push_back({"removed", "metrics/" + m.id, "不再列出：" + m.label_zh + " " + m.zh,
                     "No longer listed: " + m.label_en + " " + m.en});
  for (const auto& s : prev.series)
    if (!find_id(cur.series, s.id))
      out.push_back(
          {"removed", "series/" + s.id, "不再列出图表：" + s.label_zh, "Chart no longer listed: " + s.label_en});
  for (const auto& h : prev.highlights)
    if (!has_highlight(cur.highlights, h.zh))
      out.push_back({"removed", "highlights", "不再列出要点：" + h.zh, "Highlight no longer listed: " + h.en});
}

}  // namespace

void to_json(json& j, const Record& r) {
  j = json{{"as_of", r.as_of}, {"metrics", r.metrics}, {"series", r.series}, {"highlights", r.highlights}};
}

void from_json(const json& j, Record& r) {
  r.as_of = text(j, "as_of");
  r.metrics = items<RecordMetric>(j, "metrics");
  r.series = items<RecordSeries>(j, "series");
  r.highlights = items<RecordHighlight>(j, "highlights");
}

void to_json(json& j, const RecordFile& f) {
  j = f.current;
  if (f.previous) j["previous"] = *f.previous;
}

void from_json(const json& j, RecordFile& f) {
  f.current = j.get<Record>();
  f.previous.reset();
  if (j.is_object() && j.contains("previous") && j["previous"].is_object()) f.previous = j["previous"].get<Record>();
}

void to_json(json& j, const RecordMetric& m) {
  j = json{{"id", m.id}, {"label_zh", m.label_zh}, {"label_en", m.label_en}, {"zh", m.zh}, {"en", m.en}};
}

void from_json(const json& j, RecordMetric& m) {
  m = {text(j, "id"), text(j, "label_zh"), text(j, "label_en"), text(j, "zh"), text(j, "en")};
}

void to_json(json& j, const RecordSeries& s) {
  j = json{{"id", s.id}, {"label_zh", s.label_zh}, {"label_en", s.label_en}, {"points", s.points}};
}

void from_json(const json& j, RecordSeries& s) {
  s = {text(j, "id"), text(j, "label_zh"), text(j, "label_en"), items<RecordPoint>(j, "points")};
}

void to_json(json& j, const RecordPoint& p) {
  j = json{{"x_zh", p.x_zh}, {"x_en", p.x_en}, {"zh", p.zh}, {"en", p.en}};
}

void from_json(const json& j, RecordPoint& p) { p = {text(j, "x_zh"), text(j, "x_en"), text(j, "zh"), text(j, "en")}; }

void to_json(json& j, const RecordHighlight& h) { j = json{{"zh", h.zh}, {"en", h.en}}; }

void from_json(const json& j, RecordHighlight& h) { h = {text(j, "zh"), text(j, "en")}; }

void to_json(nlohmann::ordered_json& j, const EditionChange& c) {
  j = nlohmann::ordered_json{{"kind", c.kind}, {"id", c.id}, {"zh", c.zh}, {"en", c.en}};
}

void from_json(const nlohmann::ordered_json& j, EditionChange& c) {
  c = {text(j, "kind"), text(j, "id"), text(j, "zh"), text(j, "en")};
}

Record make_record(const model::Facts& f) {
  Record r;
  r.as_of = f.zone.as_of.iso();
  for (const auto& m : f.metrics)
    r.metrics.push_back({m.id, m.label.zh, m.label.en,
                         chart::format_value(m.value, m.unit, chart::Lang::zh, m.qualifier).text,
                         chart::format_value(m.value, m.unit, chart::Lang::en, m.qualifier).text});
  for (const auto& s : f.series) {
    RecordSeries rs{s.id, s.label.zh, s.label.en, {}};
    for (const auto& p : s.points)
      rs.points.push_back({p.x.zh, p.x.en, chart::format_value(p.y, s.unit, chart::Lang::zh).text,
                           chart::format_value(p.y, s.unit, chart::Lang::en).text});
    r.series.push_back(std::move(rs));
  }
  for (const auto& h : f.highlights) r.highlights.push_back({h.text.zh, h.text.en});
  return r;
}

std::vector<EditionChange> diff_records(const Record& prev, const Record& cur) {
  std::vector<EditionChange> out;
  diff_metrics(prev.metrics, cur.metrics, out);
  diff_series(prev.series, cur.series, out);
  for (std::size_t i = 0; i < cur.highlights.size(); ++i)
    if (!has_highlight(prev.highlights, cur.highlights[i].zh))
      out.push_back({"added", "highlights/" + std::to_string(i + 1), "新增要点：" + cur.highlights[i].zh,
                     "New highlight: " + cur.highlights[i].en});
  removals(prev, cur, out);
  return out;
}

NextEdition next_edition(const std::optional<RecordFile>& found, const Record& current) {
  NextEdition next{{current, std::nullopt}, std::nullopt};
  if (!found) return next;
  // The same edition rebuilt (--force, a rerun after a crash): keep what it was compared with.
  next.file.previous = found->current == current ? found->previous : std::optional<Record>(found->current);
  if (next.file.previous) next.changes = diff_records(*next.file.previous, current);
  return next;
}

}  // namespace zb::app
