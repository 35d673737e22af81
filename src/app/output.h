// Writing output files atomically: temporary file in the same folder, fsync, rename.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/env.h"

namespace zb::app {

/// The name of every temporary file zonebrief makes in an output folder starts with this (and no
/// other file's does): what a dead run left is found by it.
inline constexpr const char* kTempPrefix = ".zonebrief-tmp-";

/// Writes `bytes` to `path` so that readers see either the old file or the whole new one, never
/// a part: a temporary file beside it (`.zonebrief-tmp-<name>.XXXXXX`, created with O_EXCL),
/// fsync, rename (which replaces a symbolic link at `path`, never writing through it), then
/// (unless `sync_folder` is false) fsync of the folder, which makes the rename itself durable. A
/// batch passes false for each zone's files and syncs the folder once with its last file (the
/// manifest): a crash before that can only lose renames, leaving the previous edition whole.
/// Returns "" on success, else the reason.
std::string write_atomically(const std::filesystem::path& path, const std::string& bytes, bool sync_folder = true);

/// Checks that files can be created in `dir` (creates and removes a temporary file
/// `.zonebrief-tmp-probe.XXXXXX`). Returns "" when they can, else the reason (e.g. "Read-only
/// file system").
std::string probe_writable(const std::filesystem::path& dir);

/// Opens a file zonebrief keeps open in an output folder (the log, the lock) with `flags` (plus
/// O_CREAT, O_NOFOLLOW, O_CLOEXEC and O_NONBLOCK): never through a symbolic link, and only a
/// regular file (a FIFO in its place fails instead of blocking). Returns the descriptor, which the
/// caller owns, or -1 with `error` naming the file: "expected a <what> that is not a symbolic link"
/// or "expected a <what> that can be opened".
int open_own_file(const std::filesystem::path& path, int flags, const std::string& what,
                  std::optional<base::Diagnostic>& error);

/// Creates `out` and checks that files can be written in it (once, before any work); the error
/// names the folder.
std::optional<base::Diagnostic> prepare_out(const std::filesystem::path& out);

/// Removes the temporary files a dead run left in `out` (killed by SIGKILL, say): with the
/// folder's lock held, every `.zonebrief-tmp-*` file in it is one (never a PDF; never another file).
void remove_dead_temporaries(const base::Env& env, const std::filesystem::path& out);

}  // namespace zb::app
