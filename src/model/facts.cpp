// Small helpers on the typed facts: names of enum values, dates, source look-up.
#include "model/facts.h"

#include <fmt/format.h>

namespace zb::model {

int Number::decimals() const {
  auto dot = literal.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) ++n;
  return n;
}

std::chrono::year_month_day Date::ymd() const {
  // std::chrono::month and day hold an unsigned char: fields outside 0..255 would wrap into
  // range, so they map to 0, which is never ok().
  auto small = [](int v) { return v >= 0 && v <= 255 ? static_cast<unsigned>(v) : 0u; };
  return std::chrono::year{year} / std::chrono::month{small(month)} / std::chrono::day{small(day)};
}

bool Date::ok() const {
  const bool year_fits =
      year >= static_cast<int>(std::chrono::year::min()) && year <= static_cast<int>(std::chrono::year::max());
  return year_fits && ymd().ok();
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

long Date::days_since_epoch() const {
  return static_cast<long>(std::chrono::sys_days{ymd()}.time_since_epoch().count());
}

const Source* Facts::find_source(std::string_view id) const {
  for (const auto& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

std::string_view name_of(UnitCode u) {
  switch (u) {
    case UnitCode::cny:
      return "cny";
    case UnitCode::percent:
      return "percent";
    case UnitCode::pp:
      return "pp";
    case UnitCode::km2:
      return "km2";
    case UnitCode::mu:
      return "mu";
    case UnitCode::people:
      return "people";
    case UnitCode::firms:
      return "firms";
    case UnitCode::count:
      return "count";
    case UnitCode::rank:
      return "rank";
  }
  return "?";
}

std::string_view name_of(Qualifier q) {
  switch (q) {
    case Qualifier::none:
      return "none";
    case Qualifier::over:
      return "over";
    case Qualifier::nearly:
      return "nearly";
    case Qualifier::about:
      return "about";
    case Qualifier::at_least:
      return "at-least";
  }
  return "?";
}

std::string_view name_of(Better b) { return b == Better::lower ? "lower" : "higher"; }

std::string_view name_of(ChartKind c) {
  switch (c) {
    case ChartKind::bar:
      return "bar";
    case ChartKind::hbar:
      return "hbar";
    case ChartKind::line:
      return "line";
    case ChartKind::rank:
      return "rank";
    case ChartKind::donut:
      return "donut";
    case ChartKind::from_to:
      return "from-to";
  }
  return "?";
}

std::string_view name_of(Order o) { return o == Order::given ? "given" : "value"; }

}  // namespace zb::model
