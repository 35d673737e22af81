// Small helpers on the typed facts: names of enum values, dates, source look-up.
#include "model/facts.h"

#include <cstdio>

namespace zb::model {

int Number::decimals() const {
  auto dot = literal.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) ++n;
  return n;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

long Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil.
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

const Source* Facts::find_source(std::string_view id) const {
  for (const auto& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

std::string_view name_of(UnitCode u) {
  switch (u) {
    case UnitCode::cny: return "cny";
    case UnitCode::percent: return "percent";
    case UnitCode::pp: return "pp";
    case UnitCode::km2: return "km2";
    case UnitCode::mu: return "mu";
    case UnitCode::people: return "people";
    case UnitCode::firms: return "firms";
    case UnitCode::count: return "count";
    case UnitCode::rank: return "rank";
  }
  return "?";
}

std::string_view name_of(Qualifier q) {
  switch (q) {
    case Qualifier::none: return "none";
    case Qualifier::over: return "over";
    case Qualifier::nearly: return "nearly";
    case Qualifier::about: return "about";
    case Qualifier::at_least: return "at-least";
  }
  return "?";
}

std::string_view name_of(Better b) { return b == Better::lower ? "lower" : "higher"; }

std::string_view name_of(ChartKind c) {
  switch (c) {
    case ChartKind::bar: return "bar";
    case ChartKind::hbar: return "hbar";
    case ChartKind::line: return "line";
    case ChartKind::rank: return "rank";
    case ChartKind::donut: return "donut";
  }
  return "?";
}

}  // namespace zb::model
