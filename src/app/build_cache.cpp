// Build keys (SHA-256 over tool, language, layout, fonts, facts) and the "unchanged" decision.
#include "app/build_cache.h"

#include <openssl/evp.h>

#include <thread>
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
  return path.filename().string() + ":" + (bytes.error.empty() && !bytes.too_large ? sha256_hex(bytes.data) : "unreadable");
}

std::string fonts_key(const text::FontBook& book) {
  const auto& faces = book.fonts();
  std::vector<std::string> digests(faces.size());
  {
    std::vector<std::jthread> workers;
    for (std::size_t i = 0; i < faces.size(); ++i) workers.emplace_back([&, i] { digests[i] = sha256_hex(*faces[i].data); });
  }
  std::string key;
  for (std::size_t i = 0; i < faces.size(); ++i) key += "|" + faces[i].name + ":" + digests[i];
  return key;
}

std::string common_key(const base::Env& env, model::LangMode lang, const std::optional<std::string>& layout,
                       const std::filesystem::path& fonts_dir, const text::FontBook& fonts) {
  return fmt::format("zonebrief {}|{}|{}|{}{}", kVersion, model::name_of(lang), layout.value_or(""),
                     file_key(env, fonts_dir / "fonts.yaml"), fonts_key(fonts));
}

BuildCache::BuildCache(std::string common, std::map<std::string, std::string> layout_keys,
                       std::map<std::string, ZoneResult> previous, bool previews)
    : common_(std::move(common)), layout_keys_(std::move(layout_keys)), previous_(std::move(previous)), previews_(previews) {}

std::string BuildCache::zone_key(const base::Env& env, const std::string& layout, const std::filesystem::path& facts_file,
                                 bool stale) const {
  auto it = layout_keys_.find(layout);
  const std::string& layout_key = it == layout_keys_.end() ? std::string() : it->second;
  return sha256_hex(common_ + "|" + layout_key + "|" + file_key(env, facts_file) + (stale ? "|stale" : "|fresh") +
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
