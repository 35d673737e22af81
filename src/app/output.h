// Writing output files atomically: temporary file in the same folder, fsync, rename.
#pragma once

#include <filesystem>
#include <string>

namespace zb::app {

/// Writes `bytes` to `path` so that readers see either the old file or the whole new one, never
/// a part: a temporary file beside it, fsync, rename, then (unless `sync_folder` is false) fsync
/// of the folder, which makes the rename itself durable. A batch passes false for each zone's
/// files and syncs the folder once with its last file (the manifest): a crash before that can
/// only lose renames, leaving the previous edition whole. Returns "" on success, else the reason.
std::string write_atomically(const std::filesystem::path& path, const std::string& bytes, bool sync_folder = true);

/// Checks that files can be created in `dir` (creates and removes a temporary file named like
/// write_atomically's). Returns "" when they can, else the reason (e.g. "Read-only file system").
std::string probe_writable(const std::filesystem::path& dir);

}  // namespace zb::app
