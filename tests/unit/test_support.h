// Helpers shared by the unit tests: paths into the source tree, file reading, joining errors.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/fonts.h"
#include "base/diagnostics.h"
#include "base/env.h"
#include "base/utf8.h"
#include "load/facts_loader.h"
#include "text/font_book.h"
#include "text/paragraph.h"

namespace zb::test {

/// The repository root (tests run with it as the working directory too).
inline std::filesystem::path source_dir() { return ZB_SOURCE_DIR; }

inline std::string read_text_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every diagnostic's text, one per line (each line ends with '\n').
inline std::string joined(const base::Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += x.str() + "\n";
  return out;
}

/// Each line of a laid-out paragraph as its text (trailing spaces dropped, as set).
inline std::vector<std::string> line_texts(const text::LaidParagraph& p) {
  std::vector<std::string> out;
  for (const auto& l : p.lines) {
    std::string line;
    for (std::size_t k = l.begin; k < l.end; ++k) base::utf8_append(line, p.chars[k].cp);
    out.push_back(line);
  }
  return out;
}

/// The project's font book (fonts/), loaded once per test run.
inline const text::FontBook& fonts() {
  static std::shared_ptr<const text::FontBook> book = [] {
    base::SystemEnv env;
    return app::open_fonts(env, source_dir() / "fonts");
  }();
  return *book;
}

/// The facts file at `rel` (from the repository root), loaded; throws naming its errors when it
/// does not load.
inline model::Facts load_zone(const std::string& rel) {
  base::SystemEnv env;
  auto r = load::load_facts_file(env, source_dir() / rel);
  if (!r.ok()) throw std::runtime_error(joined(r.errors));
  return *r.facts;
}

/// Every zone of inputs/ (the six seed zones), loaded; throws naming the errors when one does
/// not load.
inline std::vector<model::Facts> seed_zones() {
  base::SystemEnv env;
  std::string error;
  std::vector<model::Facts> out;
  for (const auto& path : env.list_files(source_dir() / "inputs", ".yaml", error)) {
    auto facts = load::load_facts_file(env, path);
    if (!facts.ok()) throw std::runtime_error(joined(facts.errors));
    out.push_back(*facts.facts);
  }
  if (out.size() != 6)
    throw std::runtime_error("expected six zones in inputs/ (found " + std::to_string(out.size()) + ")");
  return out;
}

/// A fresh temporary folder, unique to this process, removed with its contents at scope end.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

/// `n` copies of a real zone (xianghu-xiaobin) in `dir`, as zone-000 … zone-NNN, with `edit`
/// applied to the text first.
inline void many_zones(const std::filesystem::path& dir, int n, const std::function<void(std::string&)>& edit = {}) {
  std::string text = read_text_file(source_dir() / "inputs/xianghu-xiaobin.yaml");
  if (edit) edit(text);
  for (int i = 0; i < n; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "zone-%03d", i);
    std::string t = text;
    t.replace(t.find("id: xianghu-xiaobin"), std::string("id: xianghu-xiaobin").size(), std::string("id: ") + id);
    std::ofstream(dir / (std::string(id) + ".yaml")) << t;
  }
}

}  // namespace zb::test
