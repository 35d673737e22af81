// The JSON Schemas of zone files and meeting files (docs/schema/), compiled into the binary.
#pragma once

#include <string_view>

namespace zb::app {

/// The bytes of docs/schema/<kind>.schema.json for kind "facts" or "meeting"; empty otherwise.
std::string_view schema_text(std::string_view kind);

}  // namespace zb::app
