// Runs an external command (qpdf, pdffonts, pdftotext, ...) and captures its output and status.
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <string>

namespace zb::test {

struct ToolRun {
  int code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs `cmd` through the shell; stdout and stderr are captured separately.
inline ToolRun run_tool(const std::string& cmd) {
  static int counter = 0;
  std::string err_file = "/tmp/zonebrief-tool-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err";
  ToolRun r;
  FILE* p = popen((cmd + " 2>" + err_file).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (FILE* e = fopen(err_file.c_str(), "r")) {
    while (std::size_t n = fread(buf, 1, sizeof buf, e)) r.err.append(buf, n);
    fclose(e);
  }
  std::remove(err_file.c_str());
  return r;
}

}  // namespace zb::test
