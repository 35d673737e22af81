// What changed since the last edition: a zone's record (figures as printed, series points,
// highlights) and the differences between two records, in both languages.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
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
  bool operator==(const RecordMetric&) const = default;
};

/// One point of a series: its x label and its value as printed, in each language.
struct RecordPoint {
  std::string x_zh, x_en, zh, en;
  bool operator==(const RecordPoint&) const = default;
};

/// A series and its points.
struct RecordSeries {
  std::string id, label_zh, label_en;
  std::vector<RecordPoint> points;
  bool operator==(const RecordSeries&) const = default;
};

/// A highlight's text in each language.
struct RecordHighlight {
  std::string zh, en;
  bool operator==(const RecordHighlight&) const = default;
};

/// The record of an edition, stored as <out>/<zone-id>.record.json beside its PDF.
struct Record {
  std::string as_of;
  std::vector<RecordMetric> metrics;
  std::vector<RecordSeries> series;
  std::vector<RecordHighlight> highlights;
  /// The edition's identity: two records are the same edition when as_of and every figure agree.
  bool operator==(const Record&) const = default;
};

/// What <out>/<zone-id>.record.json holds: the current edition's record (its fields at the top
/// level, as before) and, under "previous", the record of the last *different* edition, which a
/// rebuild of the same edition diffs against again (so --force or a rerun after a crash shows
/// the same changes).
struct RecordFile {
  Record current;
  std::optional<Record> previous;
};

/// The record file to write for `current` and the changes its briefing shows, given the record
/// file found beside the last PDF (`found`, unset when there is none).
struct NextEdition {
  RecordFile file;
  std::optional<std::vector<EditionChange>> changes;  ///< unset: no earlier edition to compare with
};

/// A different edition than `found->current` is compared with it (and keeps it as previous); the
/// same edition is compared with `found->previous` again (kept), or with nothing when there is none.
NextEdition next_edition(const std::optional<RecordFile>& found, const Record& current);

/// JSON of records (nlohmann's ADL hooks). Reading is lenient: a missing or mistyped field
/// reads as empty, so a damaged record gives changes, never an error.
void to_json(nlohmann::json& j, const Record& r);
void from_json(const nlohmann::json& j, Record& r);
void to_json(nlohmann::json& j, const RecordFile& f);
void from_json(const nlohmann::json& j, RecordFile& f);
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
