// A meeting pack: a cover, contents with page numbers and links, the talking points, the zones
// compared, a section per zone in its layout and one merged list of sources, the meeting's
// marking and the pack's page numbers on every page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frame/document.h"
#include "model/facts.h"
#include "model/layout.h"
#include "model/meeting.h"
#include "text/font_book.h"

namespace zb::layout {

/// A zone of the pack: its facts and the layout its section is set in.
struct PackZone {
  const model::Facts* facts = nullptr;
  const model::Layout* layout = nullptr;
};

struct PackOptions {
  model::LangMode lang = model::LangMode::zh_en;
  std::optional<std::int64_t> date;  ///< PDF creation date (SOURCE_DATE_EPOCH)
  /// Today (days since 1970-01-01): each zone's section flags stale facts and old figures as
  /// its briefing does, older than max_age_days. Unset: nothing is flagged.
  std::optional<long> today;
  int max_age_days = 365;
};

/// The metric ids the comparison shows: the meeting's `compare`, else every metric id that two or
/// more of the zones have with different figures (one figure repeated by every zone that has it —
/// a target shared by all — compares nothing), in the order the zones first list them. Empty:
/// the pack has no comparison.
std::vector<std::string> compared_metrics(const model::Meeting& m, const std::vector<PackZone>& zones);

/// A section of the pack and the page (0-based) it starts on: the contents list these.
struct PackSection {
  std::string zh, en;
  int page = 0;
};

/// The pack of `m`'s zones. `style` (the briefing layout) gives the pack's own pages their page,
/// type and inks. Throws base::Error when a text has a character no font has.
frame::Document compose_pack(const text::FontBook& fonts, const model::Meeting& m, const std::vector<PackZone>& zones,
                             const model::Layout& style, const PackOptions& options,
                             std::vector<PackSection>* sections = nullptr);

}  // namespace zb::layout
