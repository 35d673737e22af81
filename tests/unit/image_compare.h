// Test helper: compares rasters with a tolerance and checks them against reference PNG files.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "base/diagnostics.h"
#include "base/env.h"
#include "export/png/png_writer.h"

namespace zb::test {

/// How far two rasters are apart.
struct ImageDiff {
  double mean_abs = 0;            ///< mean absolute difference over all RGBA bytes, 0..255
  double differing_fraction = 0;  ///< share of pixels with a channel off by more than the threshold
  bool size_matches = true;       ///< false: the other figures are 255 and 1
};

/// Compares `a` and `b` byte by byte. A pixel differs when any of its four channels is off by
/// more than `channel_threshold` (0..255).
inline ImageDiff compare(const export_png::Raster& a, const export_png::Raster& b, int channel_threshold = 48) {
  ImageDiff d;
  const std::size_t bytes = std::size_t(std::max(a.width, 0)) * std::size_t(std::max(a.height, 0)) * 4;
  if (a.width != b.width || a.height != b.height || a.rgba.size() != bytes || b.rgba.size() != bytes) {
    d.size_matches = false;
    d.mean_abs = 255;
    d.differing_fraction = 1;
    return d;
  }
  if (bytes == 0) return d;
  std::uint64_t sum = 0, differing = 0;
  for (std::size_t i = 0; i < bytes; i += 4) {
    int worst = 0;
    for (std::size_t c = 0; c < 4; ++c) {
      int diff = std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]));
      sum += std::uint64_t(diff);
      worst = std::max(worst, diff);
    }
    if (worst > channel_threshold) ++differing;
  }
  d.mean_abs = double(sum) / double(bytes);
  d.differing_fraction = double(differing) / double(bytes / 4);
  return d;
}

/// Writes `raster` as a PNG file at `path`, creating its folder; false when that fails.
inline bool write_png_file(const export_png::Raster& raster, const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const std::string bytes = export_png::encode_png(raster);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bool(out.flush());
}

/// Checks `actual` against the reference PNG file `reference` (path relative to the working
/// directory, which is the repository root when tests run).
/// With ZB_UPDATE_REFERENCES=1 in the environment, (re)writes the reference instead and passes:
/// look at the new image before committing it. Otherwise a missing or unreadable reference
/// fails; a mismatch (mean absolute difference above `max_mean_abs`, or a larger share of
/// differing pixels than `max_differing_fraction`, or another size) saves the actual image
/// beside the reference as `<stem>.actual.png` and fails with the figures.
inline void check_against_reference(const export_png::Raster& actual, const std::filesystem::path& reference,
                                    double max_mean_abs, double max_differing_fraction) {
  base::SystemEnv env;
  const auto update = env.get_var("ZB_UPDATE_REFERENCES");
  if (update && *update == "1") {
    if (!write_png_file(actual, reference)) FAIL("could not write reference " << reference.string());
    WARN("wrote reference " << reference.string() << " (ZB_UPDATE_REFERENCES=1): look at it");
    SUCCEED();
    return;
  }

  constexpr std::uintmax_t kMaxReferenceBytes = 64u << 20;
  base::FileBytes file = env.read_file(reference, kMaxReferenceBytes);
  if (!file.error.empty() || file.too_large) {
    FAIL("cannot read reference image "
         << reference.string() << " (" << (file.too_large ? std::string("too large") : file.error)
         << "); create it by running the tests with ZB_UPDATE_REFERENCES=1 in the environment, "
            "then look at the image before committing it");
  }
  export_png::Raster expected;
  try {
    expected = export_png::decode_png(file.data, reference.string());
  } catch (const base::Error& e) {
    FAIL("reference image unreadable: " << e.what() << "; recreate it with ZB_UPDATE_REFERENCES=1");
  }

  const ImageDiff d = compare(actual, expected);
  std::filesystem::path actual_path = reference;
  actual_path.replace_filename(reference.stem().string() + ".actual.png");
  const bool ok = d.size_matches && d.mean_abs <= max_mean_abs && d.differing_fraction <= max_differing_fraction;
  if (ok) {
    std::error_code ec;
    std::filesystem::remove(actual_path, ec);  // a stale one from an earlier failure
    SUCCEED();
    return;
  }
  const bool saved = write_png_file(actual, actual_path);
  std::ostringstream msg;
  msg << "image differs from reference " << reference.string() << ": ";
  if (!d.size_matches)
    msg << "size " << actual.width << "x" << actual.height << ", reference " << expected.width << "x"
        << expected.height;
  else
    msg << "mean abs difference " << d.mean_abs << " (max " << max_mean_abs << "), differing pixels "
        << d.differing_fraction * 100 << "% (max " << max_differing_fraction * 100 << "%)";
  msg << "; actual image " << (saved ? "saved as " : "could not be saved as ") << actual_path.string()
      << "; if the change is intended, rerun with ZB_UPDATE_REFERENCES=1";
  FAIL(msg.str());
}

}  // namespace zb::test
