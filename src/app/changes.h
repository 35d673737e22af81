// What changed since the last edition: a zone's record (figures as printed, series points,
// highlights) and the differences between two records, in both languages.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/facts.h"

namespace zb::app {

struct Change {
  std::string kind;  ///< changed | added | removed
  std::string id;    ///< metrics/<id>, series/<id>, highlights/<n>
  std::string zh, en;
};

/// The record of an edition, stored as <out>/<zone-id>.record.json beside its PDF.
nlohmann::json make_record(const model::Facts& facts);

/// Changes from `previous` to `current`, in the order of the current facts (then removals).
std::vector<Change> diff_records(const nlohmann::json& previous, const nlohmann::json& current);

}  // namespace zb::app
