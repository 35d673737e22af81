// What changed since the last edition: a zone's record (figures as printed, series points,
// highlights) and the differences between two records, in both languages.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/facts.h"

namespace zb::app {

/// One change since the last edition (not to be confused with model::Change, a metric's change).
struct EditionChange {
  std::string kind;  ///< changed | added | removed
  std::string id;    ///< metrics/<id>, series/<id>, highlights/<n>
  std::string zh, en;
};

/// A key figure as the briefings print it.
struct RecordMetric {
  std::string id, label_zh, label_en, zh, en;
};

/// One point of a series: its x label and its value as printed, in each language.
struct RecordPoint {
  std::string x_zh, x_en, zh, en;
};

/// A series and its points.
struct RecordSeries {
  std::string id, label_zh, label_en;
  std::vector<RecordPoint> points;
};

/// A highlight's text in each language.
struct RecordHighlight {
  std::string zh, en;
};

/// The record of an edition, stored as <out>/<zone-id>.record.json beside its PDF.
struct Record {
  std::string as_of;
  std::vector<RecordMetric> metrics;
  std::vector<RecordSeries> series;
  std::vector<RecordHighlight> highlights;
};

/// JSON of records (nlohmann's ADL hooks). Reading is lenient: a missing or mistyped field
/// reads as empty, so a damaged record gives changes, never an error.
void to_json(nlohmann::json& j, const Record& r);
void from_json(const nlohmann::json& j, Record& r);
void to_json(nlohmann::json& j, const RecordMetric& m);
void from_json(const nlohmann::json& j, RecordMetric& m);
void to_json(nlohmann::json& j, const RecordSeries& s);
void from_json(const nlohmann::json& j, RecordSeries& s);
void to_json(nlohmann::json& j, const RecordPoint& p);
void from_json(const nlohmann::json& j, RecordPoint& p);
void to_json(nlohmann::json& j, const RecordHighlight& h);
void from_json(const nlohmann::json& j, RecordHighlight& h);

/// A change as the manifest lists it: {"kind", "id", "zh", "en"} in that order.
void to_json(nlohmann::ordered_json& j, const EditionChange& c);
void from_json(const nlohmann::ordered_json& j, EditionChange& c);

/// The record of an edition: every figure of `facts`, formatted as briefings print it.
Record make_record(const model::Facts& facts);

/// Changes from `previous` to `current`, in the order of the current facts (then removals).
std::vector<EditionChange> diff_records(const Record& previous, const Record& current);

}  // namespace zb::app
