// A meeting file: a one-off pack of several zones' briefings for one meeting (title, date,
// audience, marking, the zones and their layouts, the figures to compare, the talking points).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/facts.h"
#include "model/lang_mode.h"

namespace zb::model {

/// A zone of the meeting, by id, with the layout its section is set in.
struct MeetingZone {
  std::string id;
  std::string layout = "onepager";  ///< default: the one-pager
  Position at;                      ///< of the zone's entry in the list
};

/// A metric id to compare across the zones, where it was written.
struct MeetingMetric {
  std::string id;
  Position at;
};

struct Meeting {
  std::string id;
  Text title;
  Date date;
  std::optional<Text> audience, prepared_by;
  std::optional<Text> marking;  ///< printed on every page
  LangMode lang = LangMode::zh_en;
  std::vector<MeetingZone> zones;                     ///< 1 to 20, in the order the pack sets them
  std::optional<std::vector<MeetingMetric>> compare;  ///< unset: every metric id two or more zones share
  std::vector<Text> points;                           ///< talking points, in order
  std::string file;                                   ///< the path it was loaded from, for messages
};

}  // namespace zb::model
