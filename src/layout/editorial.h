// Editorial plan: which figures are headlines, which rows the figures table has (one per
// measure, its values over time, grouped by topic) and which highlights open the briefing.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/facts.h"

namespace zb::layout {

/// One measure: the metrics that share a label (zh and en alike), oldest first (by their
/// `date`, else the zone's as-of date; equal dates in file order). Indices into Facts::metrics.
struct Measure {
  std::vector<std::size_t> metrics;
};

/// A section of the figures table: a topic (none: the figures have no topics at all, or these
/// are the ones without a topic when others have one) and its rows.
struct TopicGroup {
  std::optional<model::Text> topic;
  std::vector<Measure> rows;
};

/// What the briefing shows where (indices into the facts' lists).
struct EditorialPlan {
  /// The headline cards, at most `max_headlines`, never two of one measure: the metrics with a
  /// `headline` number in its order; when no metric has one, the latest figure of each measure
  /// in the file's order.
  std::vector<std::size_t> headlines;
  /// Every measure not fully shown by a card, grouped by topic: topics in the order the file
  /// first uses them, figures without a topic last; rows in file order.
  std::vector<TopicGroup> table;
  /// The highlights that make the summary when the zone has no `summary`: the first three `key`
  /// ones (any further key ones lead the highlights block), or when none is key the first two.
  /// Empty when the zone has a summary.
  std::vector<std::size_t> summary_highlights;
  /// The rest of the highlights, key ones first, each group in file order.
  std::vector<std::size_t> highlights;
};

/// How many highlights open the briefing when none is marked `key`.
inline constexpr std::size_t kDefaultSummaryHighlights = 2;
/// The most `key` highlights the summary takes.
inline constexpr std::size_t kMostSummaryHighlights = 3;

EditorialPlan plan_briefing(const model::Facts& facts, std::size_t max_headlines);

/// A metric's date: its own `date`, else the zone's as-of date.
model::Date figure_date(const model::Facts& facts, const model::Metric& m);

/// Whether `m`'s date (its own, else the zone's) is more than `max_age_days` before `today`
/// (days since 1970-01-01): its card and its table row say "（旧）/ (old)".
bool is_old_figure(const model::Facts& facts, const model::Metric& m, long today, int max_age_days);

/// How many of the file's figures are old (is_old_figure): part of a zone's build key, so a
/// briefing is rebuilt when one more of its figures ages past the limit.
std::size_t old_figures(const model::Facts& facts, long today, int max_age_days);

}  // namespace zb::layout
