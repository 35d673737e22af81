// Helpers shared by the unit tests: paths into the source tree, file reading, joining errors.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/diagnostics.h"

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

}  // namespace zb::test
