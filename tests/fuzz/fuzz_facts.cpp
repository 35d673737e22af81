// libFuzzer target: arbitrary bytes as a facts file → load_facts_text gives a model or diagnostics, never a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "load/facts_loader.h"

namespace {

/// The zone id written after the first "id:" (so seeds that follow the contract load into a model
/// instead of stopping at the file-name rule); "fuzz" when there is none.
std::string stem_guess(std::string_view text) {
  auto at = text.find("id:");
  if (at == std::string_view::npos) return "fuzz";
  std::size_t i = at + 3;
  while (i < text.size() && text[i] == ' ') ++i;
  std::size_t j = i;
  while (j < text.size() && j - i < 64 &&
         ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= '0' && text[j] <= '9') || text[j] == '-'))
    ++j;
  return j > i ? std::string(text.substr(i, j - i)) : std::string("fuzz");
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_facts: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string file = "fuzz/" + stem_guess(text) + ".yaml";
  zb::load::FactsOptions options;
  options.known_layouts = std::set<std::string>{"briefing", "onepager"};
  auto r = zb::load::load_facts_text(text, file, options);

  // The contract: a model, or at least one diagnostic in the one format at a real position.
  if (r.ok() != r.errors.empty()) fail("a model with errors, or neither", std::to_string(r.errors.size()) + " errors");
  if (r.errors.size() > options.limits.max_errors) fail("more errors than the cap", std::to_string(r.errors.size()));
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n';
  for (const auto& d : r.errors.items()) {
    std::string s = d.str();
    if (s.rfind(file + ":", 0) != 0 || s.find(": error: ") == std::string::npos) fail("message format", s);
    if (d.where.line < 0 || (d.where.line > 0 && d.where.col < 1) || static_cast<std::size_t>(d.where.line) > lines)
      fail("position outside the file", s);
  }
  if (r.ok() && r.facts->zone.id.empty()) fail("a model without a zone id", file);
  return 0;
}
