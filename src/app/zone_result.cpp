// Zone status names, read and written from one table.
#include "app/zone_result.h"

#include <array>
#include <utility>

namespace zb::app {
namespace {

constexpr std::array<std::pair<ZoneStatus, std::string_view>, 4> kStatusNames{
    {{ZoneStatus::built, "built"},
     {ZoneStatus::unchanged, "unchanged"},
     {ZoneStatus::failed, "failed"},
     {ZoneStatus::interrupted, "interrupted"}}};

}  // namespace

std::string_view name_of(ZoneStatus s) {
  for (const auto& [status, name] : kStatusNames)
    if (status == s) return name;
  return "failed";
}

std::optional<ZoneStatus> parse_zone_status(std::string_view s) {
  for (const auto& [status, name] : kStatusNames)
    if (name == s) return status;
  return std::nullopt;
}

}  // namespace zb::app
