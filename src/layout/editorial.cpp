// Editorial plan: headline figures, the figures table's measures and topics, the summary's highlights.
#include "layout/editorial.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace zb::layout {

model::Date figure_date(const model::Facts& facts, const model::Metric& m) { return m.date.value_or(facts.zone.as_of); }

bool is_old_figure(const model::Facts& facts, const model::Metric& m, long today, int max_age_days) {
  return today - figure_date(facts, m).days_since_epoch() > max_age_days;
}

std::size_t old_figures(const model::Facts& facts, long today, int max_age_days) {
  return static_cast<std::size_t>(
      std::count_if(facts.metrics.begin(), facts.metrics.end(),
                    [&](const model::Metric& m) { return is_old_figure(facts, m, today, max_age_days); }));
}

namespace {

/// The measures of the file, in the order their first metric appears.
std::vector<Measure> measures(const model::Facts& f) {
  std::vector<Measure> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (zh, en) label → measure
  for (std::size_t i = 0; i < f.metrics.size(); ++i) {
    const auto key = std::make_pair(f.metrics[i].label.zh, f.metrics[i].label.en);
    auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.emplace_back();
    out[it->second].metrics.push_back(i);
  }
  for (auto& m : out)
    std::stable_sort(m.metrics.begin(), m.metrics.end(), [&](std::size_t a, std::size_t b) {
      return figure_date(f, f.metrics[a]) < figure_date(f, f.metrics[b]);
    });
  return out;
}

/// The measure each metric belongs to.
std::vector<std::size_t> measure_of(const std::vector<Measure>& ms, std::size_t n) {
  std::vector<std::size_t> of(n);
  for (std::size_t k = 0; k < ms.size(); ++k)
    for (std::size_t i : ms[k].metrics) of[i] = k;
  return of;
}

std::vector<std::size_t> pick_headlines(const model::Facts& f, const std::vector<Measure>& ms,
                                        const std::vector<std::size_t>& of, std::size_t max) {
  std::vector<std::size_t> numbered;
  for (std::size_t i = 0; i < f.metrics.size(); ++i)
    if (f.metrics[i].headline) numbered.push_back(i);
  std::stable_sort(numbered.begin(), numbered.end(),
                   [&](std::size_t a, std::size_t b) { return *f.metrics[a].headline < *f.metrics[b].headline; });
  if (numbered.empty())
    for (const auto& m : ms) numbered.push_back(m.metrics.back());  // the latest of each measure
  std::vector<std::size_t> out;
  std::set<std::size_t> used;
  for (std::size_t i : numbered) {
    if (out.size() >= max) break;
    if (used.insert(of[i]).second) out.push_back(i);
  }
  return out;
}

/// Measures with a figure that no card shows, grouped by topic (a measure's topic is that of
/// its latest metric that has one).
std::vector<TopicGroup> group_table(const model::Facts& f, const std::vector<Measure>& ms,
                                    const std::vector<std::size_t>& headlines) {
  const std::set<std::size_t> carded(headlines.begin(), headlines.end());
  std::vector<TopicGroup> groups;
  TopicGroup untopical;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const auto& m : ms) {
    if (std::all_of(m.metrics.begin(), m.metrics.end(), [&](std::size_t i) { return carded.count(i) > 0; })) continue;
    std::optional<model::Text> topic;
    for (std::size_t i : m.metrics)
      if (f.metrics[i].topic) topic = f.metrics[i].topic;
    if (!topic) {
      untopical.rows.push_back(m);
      continue;
    }
    auto [it, fresh] = index.emplace(std::make_pair(topic->zh, topic->en), groups.size());
    if (fresh) groups.push_back(TopicGroup{topic, {}});
    groups[it->second].rows.push_back(m);
  }
  if (!untopical.rows.empty()) {
    if (!groups.empty()) untopical.topic = model::Text{"其他", "Other"};
    groups.push_back(std::move(untopical));
  }
  return groups;
}

}  // namespace

EditorialPlan plan_briefing(const model::Facts& f, std::size_t max_headlines) {
  EditorialPlan plan;
  const std::vector<Measure> ms = measures(f);
  plan.headlines = pick_headlines(f, ms, measure_of(ms, f.metrics.size()), max_headlines);
  plan.table = group_table(f, ms, plan.headlines);
  std::vector<std::size_t> key, rest;
  for (std::size_t i = 0; i < f.highlights.size(); ++i) (f.highlights[i].key ? key : rest).push_back(i);
  if (!f.zone.summary) {
    if (key.empty()) {
      const std::size_t n = std::min(kDefaultSummaryHighlights, rest.size());
      plan.summary_highlights.assign(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(n));
      rest.erase(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(n));
    } else {
      const std::size_t n = std::min(kMostSummaryHighlights, key.size());
      plan.summary_highlights.assign(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(n));
      key.erase(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(n));
    }
  }
  plan.highlights = std::move(key);
  plan.highlights.insert(plan.highlights.end(), rest.begin(), rest.end());
  return plan;
}

}  // namespace zb::layout
