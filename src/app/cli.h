// The command line: parses arguments (CLI11), sets up logging and dispatches to commands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zb::app {

/// Exit codes shared by every command.
enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

/// A count with its noun for log lines: counted(1, "page") is "1 page", counted(3, "page") "3 pages".
inline std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

/// Runs zonebrief with the given arguments; returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace zb::app
