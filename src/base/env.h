// The one interface to the world outside the process: files, directories, environment, clock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zb::base {

/// Result of reading a file: either its bytes or a one-line reason it could not be read.
struct FileBytes {
  std::string data;
  std::string error;        ///< empty on success
  bool too_large = false;   ///< true when the file exceeds the limit (data then empty)
  std::uintmax_t size = 0;  ///< size on disk, when known
};

/// Everything zonebrief reads from outside goes through an Env, so tests can fix it and output
/// stays reproducible. Implementations must be safe to call from several threads.
class Env {
 public:
  virtual ~Env() = default;
  /// Reads at most max_bytes of `path`; a larger file is refused without reading it, and so is
  /// anything but a regular file (opened without blocking: a FIFO never hangs the reader).
  virtual FileBytes read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) const = 0;
  /// Every entry directly in `dir` whose name ends with `suffix` (files, and also FIFOs, devices,
  /// folders and dangling links, which read_file then refuses with the reason), sorted by name
  /// (byte order).
  /// Sets `error` and returns {} when the directory cannot be listed.
  virtual std::vector<std::filesystem::path> list_files(const std::filesystem::path& dir, const std::string& suffix,
                                                        std::string& error) const = 0;
  /// An environment variable, or nullopt when unset.
  virtual std::optional<std::string> get_var(const std::string& name) const = 0;
  /// The current time, seconds since the epoch (the only calendar clock zonebrief reads).
  virtual std::int64_t now() const = 0;
  /// Milliseconds on a monotonic clock from an arbitrary start, for timings (the manifest's
  /// per-zone ms); never part of any output a reader sees.
  virtual double monotonic_ms() const;
  /// Whether `path` is a folder (following symbolic links); false when it cannot be examined.
  /// These three default to knowing nothing (false, nullopt); SystemEnv asks the machine.
  virtual bool is_directory(const std::filesystem::path& path) const;
  /// Whether `path` is a regular file (following symbolic links).
  virtual bool is_regular_file(const std::filesystem::path& path) const;
  /// The running executable's absolute path (/proc/self/exe), or nullopt when unknown.
  virtual std::optional<std::filesystem::path> executable_path() const;
};

/// SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since the epoch, read through `env`.
/// nullopt when unset; when set but not a whole number from 0 to 253402300799 (9999-12-31, the
/// last date a PDF can hold), returns nullopt with `error` quoting the value as found.
std::optional<std::int64_t> source_date_epoch(const Env& env, std::string& error);

/// The real machine.
class SystemEnv final : public Env {
 public:
  FileBytes read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) const override;
  std::vector<std::filesystem::path> list_files(const std::filesystem::path& dir, const std::string& suffix,
                                                std::string& error) const override;
  std::optional<std::string> get_var(const std::string& name) const override;
  std::int64_t now() const override;
  bool is_directory(const std::filesystem::path& path) const override;
  bool is_regular_file(const std::filesystem::path& path) const override;
  std::optional<std::filesystem::path> executable_path() const override;
};

}  // namespace zb::base
