// The command line: parses arguments (CLI11), sets up logging and dispatches to commands.
#pragma once

namespace zb::app {

/// Exit codes shared by every command.
enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

/// Runs zonebrief with the given arguments; returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace zb::app
