// Build keys (SHA-256 over tool, language, layout, fonts, facts) and the "unchanged" decision.
#include "app/build_cache.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>

#include <vector>

#include <fmt/format.h>

#include "app/version.h"

namespace zb::app {

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1) return "";
  std::string hex;
  for (unsigned i = 0; i < len; ++i) fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
  return hex;
}

std::string file_key(const base::Env& env, const std::filesystem::path& path, std::uintmax_t max_bytes) {
  auto bytes = env.read_file(path, max_bytes);
  return path.filename().string() + ":" +
         (bytes.error.empty() && !bytes.too_large ? sha256_hex(bytes.data) : "unreadable");
}

namespace {

/// A font file's table directory: each table's tag, checksum, offset and length (of a
/// collection's first face). The font book refused any face whose tables do not match these
/// checksums when it loaded, so the directory stands for the whole file at a few hundred bytes
/// (hashing the ~40 MB of faces instead was most of a small run's time).
std::string table_directory(const std::string& font) {
  auto u32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4 && at + i < font.size(); ++i) v = v << 8 | static_cast<unsigned char>(font[at + i]);
    return v;
  };
  const std::size_t dir = font.compare(0, 4, "ttcf") == 0 ? u32(12) : 0;
  const std::size_t tables = u32(dir + 4) >> 16;
  return font.substr(std::min(dir, font.size()), 12 + 16 * tables);
}

}  // namespace

std::string fonts_key(const text::FontBook& book) {
  std::string key;
  for (const auto& face : book.fonts()) key += "|" + face.name + ":" + sha256_hex(table_directory(*face.data));
  return key;
}

std::string common_key(const base::Env& env, model::LangMode lang, const std::optional<std::string>& layout,
                       const std::filesystem::path& fonts_dir, const text::FontBook& fonts) {
  return fmt::format("zonebrief {}|{}|{}|{}{}", kVersion, model::name_of(lang), layout.value_or(""),
                     file_key(env, fonts_dir / "fonts.yaml"), fonts_key(fonts));
}

BuildCache::BuildCache(std::string common, std::map<std::string, std::string> layout_keys,
                       std::map<std::string, ZoneResult> previous, bool previews)
    : common_(std::move(common)),
      layout_keys_(std::move(layout_keys)),
      previous_(std::move(previous)),
      previews_(previews) {}

std::string BuildCache::zone_key(const base::Env& env, const std::string& layout,
                                 const std::filesystem::path& facts_file, const std::string& age) const {
  auto it = layout_keys_.find(layout);
  const std::string& layout_key = it == layout_keys_.end() ? std::string() : it->second;
  return sha256_hex(common_ + "|" + layout_key + "|" + file_key(env, facts_file) + "|" + age +
                    (previews_ ? "|previews" : ""));
}

bool BuildCache::reuse(const base::Env& env, const std::filesystem::path& pdf, ZoneResult& r) const {
  auto prev = previous_.find(r.id);
  if (prev == previous_.end() || prev->second.key != r.key || !has_output(prev->second.status)) return false;
  const ZoneResult& last = prev->second;
  // The record (the next edition compares with it) and the preview (the gallery shows it) must
  // still be there too, or the zone is rebuilt to remake them.
  auto there = [&](const std::filesystem::path& p) { return env.read_file(p, 0).error.empty(); };
  if (!there(pdf.parent_path() / (r.id + ".record.json"))) return false;
  if (previews_ && (last.preview.empty() || !there(pdf.parent_path() / last.preview))) return false;
  auto existing = env.read_file(pdf, 256u << 20);
  if (!existing.error.empty() || existing.too_large || sha256_hex(existing.data) != last.sha256) return false;
  r.status = ZoneStatus::unchanged;
  r.output = pdf.string();
  r.name_zh = last.name_zh;
  r.name_en = last.name_en;
  r.as_of = last.as_of;
  r.stale = last.stale;
  r.preview = last.preview;
  r.changes = last.changes;  // what its PDF's "changes since last edition" block shows
  r.sha256 = last.sha256;
  r.pages = last.pages;
  r.bytes = existing.data.size();
  return true;
}

}  // namespace zb::app
