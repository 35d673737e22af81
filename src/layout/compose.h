// Compose: one zone's facts + a layout + a language mode → the briefing's display list.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chart/charts.h"
#include "frame/document.h"
#include "layout/flow.h"
#include "model/facts.h"
#include "model/lang_mode.h"
#include "model/layout.h"
#include "text/font_book.h"

namespace zb::layout {

/// The language mode (model/lang_mode.h), by its old names here.
using model::LangMode;
using model::name_of;
using model::parse_lang_mode;

struct ComposeOptions {
  LangMode lang = LangMode::zh_en;
  std::optional<std::int64_t> date;  ///< PDF creation date (SOURCE_DATE_EPOCH)
  /// When set: the facts are older than allowed by this many days, and the title block says so.
  std::optional<int> stale_days;
  /// With stale_days: the facts' age in whole years when it is two or more, which the tag then
  /// states ("数据已逾3年" / "over 3 years old") instead of the limit.
  int stale_years = 0;
  /// Today (days since 1970-01-01) and the age after which a figure is old: a figure whose own
  /// `date` is older gets a quiet tag by its date. Unset: no figure is tagged.
  std::optional<long> today;
  int max_age_days = 365;
  /// What changed since the last edition (zh, en lines); unset when there is no last edition.
  std::optional<std::vector<std::pair<std::string, std::string>>> changes;
  /// In a meeting pack: the number each source id of this zone has in the pack's one list of
  /// sources. Set, the briefing cites by these numbers and leaves its own Sources block out.
  std::optional<std::map<std::string, int>> source_numbers;
  /// False: no running header and footer (a pack adds its own to every page).
  bool running = true;
  /// When set, receives the ids of the sources the briefing cites, in the order a reader meets
  /// them (the list its Sources block numbers).
  std::vector<std::string>* cited = nullptr;
};

/// The layout's page size and margins.
PageSetup page_setup(const model::Layout& l);

/// Sets what the facts' age shows, as of `today` (days since 1970-01-01): figures older than
/// `max_age_days` get their quiet tag, and when the zone's as-of date is older the title block
/// says so (stale_days, stale_years). Returns the zone's age in days.
long set_age(ComposeOptions& o, const model::Zone& zone, long today, int max_age_days);

/// How far down its text area the last page's content reaches (0 = empty, 1 = full): the
/// lowest baseline or path point between the margins.
double last_page_fill(const frame::Document& doc, const model::Layout& layout);

/// Lays out the briefing of `facts` with `layout`: the point first (title, summary, headline
/// figures), then highlights, charts, the figures table by topic with its notes, changes and
/// sources. Every figure carries a source marker [n] pointing into the numbered Sources block.
/// Throws base::Error (file, field, character) when a text has a character no font has.
frame::Document compose_briefing(const text::FontBook& fonts, const model::Facts& facts, const model::Layout& layout,
                                 const ComposeOptions& options);

}  // namespace zb::layout
