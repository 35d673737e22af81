// The incremental build: what a zone's PDF depends on, as one key, and whether the last run's PDF still stands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "app/zone_result.h"
#include "base/env.h"
#include "model/lang_mode.h"
#include "text/font_book.h"

namespace zb::app {

/// The SHA-256 of `bytes` in lower-case hex.
std::string sha256_hex(const std::string& bytes);

/// "<file name>:<SHA-256 of its bytes>", or "<file name>:unreadable" when it cannot be read
/// whole within `max_bytes`.
std::string file_key(const base::Env& env, const std::filesystem::path& path, std::uintmax_t max_bytes = 1u << 20);

/// "|<name>:<SHA-256 of its table directory>" for every face the font book loaded: the tags,
/// lengths and checksums of every table, which the font book verified against the bytes when it
/// loaded (a changed table changes its checksum), so a few hundred bytes are hashed per face
/// instead of the whole file.
std::string fonts_key(const text::FontBook& book);

/// What every zone's PDF depends on besides its facts and layout: the tool's version, the
/// language mode, --layout, fonts.yaml and the font files.
std::string common_key(const base::Env& env, model::LangMode lang, const std::optional<std::string>& layout,
                       const std::filesystem::path& fonts_dir, const text::FontBook& fonts);

/// The keys of a run and the last run's manifest entries: decides which zones need no rebuild.
class BuildCache {
 public:
  /// `common`: common_key; `layout_keys`: file_key of each layout by name; `previous`: the last
  /// manifest's zones by id (none to rebuild everything); `previews`: whether PNGs are made.
  BuildCache(std::string common, std::map<std::string, std::string> layout_keys,
             std::map<std::string, ZoneResult> previous, bool previews);

  /// The key of a zone built with layout `layout` from `facts_file`: a hash of the common key,
  /// the layout's, the facts file's, what its age shows on the page (`age`: say "fresh", or
  /// "stale 3 | old 2" — a zone is rebuilt when it turns stale, when its tag's years change,
  /// when one more figure turns old) and previews.
  std::string zone_key(const base::Env& env, const std::string& layout, const std::filesystem::path& facts_file,
                       const std::string& age) const;

  /// When the last run's entry for `r.id` has the key `r.key`, was built or unchanged, the PDF
  /// at `pdf` still has its SHA-256, and the zone's record (and, with previews, its preview)
  /// beside it is still there: fills `r` from that entry as unchanged (with the PDF's
  /// size) and returns true. Otherwise leaves `r` alone and returns false.
  bool reuse(const base::Env& env, const std::filesystem::path& pdf, ZoneResult& r) const;

 private:
  std::string common_;
  std::map<std::string, std::string> layout_keys_;
  std::map<std::string, ZoneResult> previous_;
  bool previews_;
};

}  // namespace zb::app
