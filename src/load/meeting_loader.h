// Loads a meeting file (a one-off pack of several zones) into model::Meeting, reporting every
// rule broken in the one error format. Whether its zones exist is checked by app/meeting.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/env.h"
#include "load/facts_loader.h"
#include "model/meeting.h"

namespace zb::load {

/// At most this many zones in one meeting.
inline constexpr std::size_t kMaxMeetingZones = 20;

struct MeetingResult {
  std::optional<model::Meeting> meeting;
  base::Diagnostics errors;
  bool ok() const { return meeting.has_value(); }
};

/// Loads a meeting from `text` (the same limits as facts files; `options.known_layouts`, when
/// set, are the layouts a zone may name). `file` names it in messages; meeting.id must equal
/// its stem.
MeetingResult load_meeting_text(std::string_view text, const std::string& file, const FactsOptions& options = {});

/// Reads `path` through `env` and loads it.
MeetingResult load_meeting_file(const base::Env& env, const std::filesystem::path& path,
                                const FactsOptions& options = {});

/// True when `text` is one YAML document whose top-level map has the key `meeting`, in block or
/// flow style (how `check` tells a meeting file from a zone file before loading it).
bool looks_like_meeting(std::string_view text);

}  // namespace zb::load
