// Helpers shared by the unit tests: paths into the source tree, file reading, joining errors.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "base/diagnostics.h"
#include "base/env.h"
#include "text/font_book.h"

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

/// The project's font book (fonts/), loaded once per test run.
inline const text::FontBook& fonts() {
  static std::shared_ptr<const text::FontBook> book = [] {
    base::SystemEnv env;
    return text::FontBook::load(env, source_dir() / "fonts");
  }();
  return *book;
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

}  // namespace zb::test
