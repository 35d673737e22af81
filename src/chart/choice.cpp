// Chart choice: kind, point order and title of a series, decided as data before drawing.
#include "chart/choice.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "chart/format.h"

namespace zb::chart {
namespace {

bool categories(const model::Series& s) {
  return std::any_of(s.points.begin(), s.points.end(), [](const auto& p) { return p.x_bilingual; });
}

/// A period in a Chinese title: a year alone reads "2024年", a month "2024年3月".
std::string zh_period(const std::string& x) {
  return x.size() == 4 && is_period(x) ? x + "年" : period_label(x, Lang::zh);
}

model::Text rank_title(const model::Series& s) {
  const auto& a = s.points.front().y;
  const auto& b = s.points.back().y;
  const model::Number gained = difference(a, b);  // positions gained: 48 − 6
  const std::string zh_a = format_value(a, s.unit, Lang::zh).text, zh_b = format_value(b, s.unit, Lang::zh).text;
  const std::string en_a = format_value(a, s.unit, Lang::en).text, en_b = format_value(b, s.unit, Lang::en).text;
  if (gained.value == 0) return {"保持" + zh_b, "Unchanged at " + en_b};
  std::string n = gained.literal[0] == '-' ? gained.literal.substr(1) : gained.literal;
  const bool up = gained.value > 0;
  return {zh_a + " → " + zh_b + "，" + (up ? "上升" : "下降") + n + "位",
          en_a + " → " + en_b + ", " + (up ? "up " : "down ") + n + (n == "1" ? " place" : " places")};
}

model::Text latest_change_title(const model::Series& s) {
  const auto& last = s.points.back();
  const auto& prev = s.points[s.points.size() - 2];
  const model::Number diff = difference(last.y, prev.y);
  const std::string zh_v = format_value(last.y, s.unit, Lang::zh).text,
                    en_v = format_value(last.y, s.unit, Lang::en).text;
  const std::string zh_x = zh_period(last.x.zh), zh_p = zh_period(prev.x.zh);
  const std::string en_x = period_label(last.x.en, Lang::en), en_p = period_label(prev.x.en, Lang::en);
  if (diff.value == 0)
    return {zh_x + "：" + zh_v + "，与" + zh_p + "持平", en_x + ": " + en_v + ", unchanged on " + en_p};
  const model::Text words = change_words(diff, s.unit);
  return {zh_x + "：" + zh_v + "，比" + zh_p + words.zh, en_x + ": " + en_v + ", " + words.en + " on " + en_p};
}

}  // namespace

model::Text change_words(const model::Number& diff, const model::Unit& unit) {
  if (diff.value == 0) return {"持平", "unchanged"};
  model::Unit u = unit;
  const bool rate = unit.code == model::UnitCode::percent || unit.code == model::UnitCode::pp;
  if (unit.code == model::UnitCode::percent) u = model::Unit{model::UnitCode::pp, {}};
  model::Number size = diff;
  if (!size.literal.empty() && size.literal[0] == '-') size.literal.erase(0, 1);
  size.value = std::fabs(size.value);
  const bool up = diff.value > 0;
  return {std::string(rate ? (up ? "上升" : "下降") : (up ? "增加" : "减少")) + format_value(size, u, Lang::zh).text,
          std::string(up ? "up " : "down ") + format_value(size, u, Lang::en).text};
}

bool far_from_zero(const model::Series& s) {
  double lo = s.points.front().y.value, hi = lo;
  for (const auto& p : s.points) {
    lo = std::min(lo, p.y.value);
    hi = std::max(hi, p.y.value);
  }
  if (lo > 0) return hi - lo < hi / 3;
  if (hi < 0) return hi - lo < -lo / 3;
  return false;
}

bool parts_of_whole(const model::Series& s) {
  if (s.unit.code != model::UnitCode::percent) return false;
  double sum = 0;
  for (const auto& p : s.points) {
    if (p.y.value < 0) return false;
    sum += p.y.value;
  }
  return std::fabs(sum - 100) <= 1;
}

bool periods(const model::Series& s) {
  return std::all_of(s.points.begin(), s.points.end(),
                     [](const auto& p) { return !p.x_bilingual && is_period(p.x.en); });
}

model::ChartKind default_kind(const model::Series& s) {
  if (s.unit.code == model::UnitCode::rank) return model::ChartKind::rank;
  if (categories(s)) return model::ChartKind::hbar;
  if (s.points.size() > 12 || far_from_zero(s)) return model::ChartKind::line;
  return model::ChartKind::bar;
}

model::ChartKind drawn_kind(const model::Series& s, std::optional<model::ChartKind> hint) {
  model::ChartKind k = hint.value_or(default_kind(s));
  if (k == model::ChartKind::donut && !parts_of_whole(s)) k = model::ChartKind::hbar;
  if (k == model::ChartKind::rank && s.unit.code != model::UnitCode::rank) k = model::ChartKind::line;
  if ((k == model::ChartKind::bar || k == model::ChartKind::line) && s.points.size() == 2 && periods(s) &&
      s.order != model::Order::value)
    k = model::ChartKind::from_to;
  return k;
}

std::vector<std::size_t> display_order(const model::Series& s) {
  std::vector<std::size_t> order(s.points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (s.order.value_or(categories(s) ? model::Order::value : model::Order::given) == model::Order::given) return order;
  const bool ascending = s.better == model::Better::lower || s.unit.code == model::UnitCode::rank;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ascending ? s.points[a].y.value < s.points[b].y.value : s.points[a].y.value > s.points[b].y.value;
  });
  return order;
}

std::optional<model::Text> derived_title(const model::Series& s, model::ChartKind kind) {
  if (s.points.size() < 2 || categories(s) || s.order == model::Order::value) return std::nullopt;
  if (kind == model::ChartKind::rank) return rank_title(s);
  const bool over_time =
      kind == model::ChartKind::bar || kind == model::ChartKind::line || kind == model::ChartKind::from_to;
  if (over_time && periods(s)) return latest_change_title(s);
  return std::nullopt;
}

Plan plan_chart(const model::Series& s, std::optional<model::ChartKind> hint) {
  Plan p;
  p.kind = drawn_kind(s, hint ? hint : s.chart);
  p.shown = s;
  p.shown.points.clear();
  for (std::size_t i : display_order(s)) {
    p.shown.points.push_back(s.points[i]);
    auto& x = p.shown.points.back().x;
    if (!p.shown.points.back().x_bilingual) x = {period_label(x.zh, Lang::zh), period_label(x.en, Lang::en)};
  }
  if (s.takeaway) {
    p.title = *s.takeaway;
    p.subtitle = s.label;
  } else if (auto d = derived_title(s, p.kind)) {
    p.title = *d;
    p.subtitle = s.label;
    p.derived_title = true;
  } else {
    p.title = s.label;
  }
  return p;
}

bool half_width(const Plan& p) {
  const std::size_t n = p.shown.points.size();
  switch (p.kind) {
    case model::ChartKind::from_to:
    case model::ChartKind::donut:
      return true;
    case model::ChartKind::hbar:
      return n <= 3;
    case model::ChartKind::bar:
    case model::ChartKind::line:
    case model::ChartKind::rank:
      return n <= 6;
  }
  return false;
}

}  // namespace zb::chart
