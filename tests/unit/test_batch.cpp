// The batch run people leave alone: unchanged zones skipped, a SIGKILL mid-run leaves no partial
// PDF and the rerun completes, SIGTERM stops cleanly with the manifest written, and shards
// 0..N-1 together build each zone exactly once.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

using Dir = test::TempDir;

using test::many_zones;

std::string cmd(const fs::path& in, const fs::path& out, const std::string& extra) {
  return "cd '" + test::source_dir().string() + "' && exec " + ZB_BINARY + " -q build --inputs '" + in.string() +
         "' --out '" + out.string() + "' " + extra;
}

/// Starts a build in the background and signals it after `ms`; returns its exit status.
int build_and_signal(const std::string& command, int sig, int ms) {
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", (command + " 2>/dev/null").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

bool complete_pdf(const fs::path& p) {
  std::string s = test::read_text_file(p);
  return s.rfind("%PDF-", 0) == 0 && s.find("%%EOF") != std::string::npos;
}

}  // namespace

TEST_CASE("batch: a second run with nothing changed skips every zone", "[batch][cli]") {
  Dir in("zonebrief-batch-in"), out("zonebrief-batch-out");
  many_zones(in.path, 3);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  for (const auto& z : m["zones"]) CHECK(z["status"] == "unchanged");
  // A changed facts file is rebuilt; the others still skip.
  std::ofstream(in.path / "zone-001.yaml", std::ios::app) << "x-touched: true\n";
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  std::map<std::string, std::string> status;
  for (const auto& z : m["zones"]) status[z["id"]] = z["status"];
  CHECK(status["zone-000"] == "unchanged");
  CHECK(status["zone-001"] == "built");
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--force")).code == 0);
  m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  for (const auto& z : m["zones"]) CHECK(z["status"] == "built");
}

TEST_CASE("batch: a run killed with SIGKILL leaves no partial PDF, and the rerun completes", "[batch][cli]") {
  Dir in("zonebrief-kill-in"), out("zonebrief-kill-out");
  many_zones(in.path, 120);
  build_and_signal(cmd(in.path, out.path, "--jobs 2"), SIGKILL, 700);
  int pdfs = 0;
  for (const auto& e : fs::directory_iterator(out.path)) {
    if (e.path().extension() != ".pdf") continue;
    ++pdfs;
    INFO(e.path());
    CHECK(complete_pdf(e.path()));
  }
  INFO(pdfs << " PDFs before the kill");
  CHECK(pdfs < 120);  // the kill came mid-run
  auto rerun = test::run_tool(cmd(in.path, out.path, "--jobs 2"));
  CHECK(rerun.code == 0);
  int after = 0;
  for (const auto& e : fs::directory_iterator(out.path)) {
    after += e.path().extension() == ".pdf";
    // Stale temporary files were removed (the folder's lock file stays).
    CHECK((e.path().filename().string()[0] != '.' || e.path().filename() == ".zonebrief.lock"));
  }
  CHECK(after == 120);
}

TEST_CASE("batch: SIGTERM stops cleanly with the manifest written", "[batch][cli]") {
  Dir in("zonebrief-term-in"), out("zonebrief-term-out");
  many_zones(in.path, 120);
  int status = build_and_signal(cmd(in.path, out.path, "--jobs 2"), SIGTERM, 700);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  auto m = nlohmann::json::parse(test::read_text_file(out.path / "manifest.json"));
  REQUIRE(m["zones"].size() == 120);
  int built = 0, interrupted = 0;
  for (const auto& z : m["zones"]) {
    built += z["status"] == "built";
    interrupted += z["status"] == "interrupted";
    if (z["status"] == "built") CHECK(complete_pdf(z["output"].get<std::string>()));
  }
  CHECK(built > 0);
  CHECK(interrupted > 0);
  CHECK(built + interrupted == 120);
}

TEST_CASE("batch: shards 0..N-1 together build each zone exactly once", "[batch][cli]") {
  Dir in("zonebrief-shard-in"), out("zonebrief-shard-out");
  many_zones(in.path, 7);
  std::map<std::string, int> seen;
  for (int k = 0; k < 3; ++k) {
    REQUIRE(test::run_tool(cmd(in.path, out.path, "--shard " + std::to_string(k) + "/3")).code == 0);
    auto m =
        nlohmann::json::parse(test::read_text_file(out.path / ("manifest-shard-" + std::to_string(k) + "-of-3.json")));
    for (const auto& z : m["zones"]) ++seen[z["id"]];
  }
  CHECK(seen.size() == 7);
  for (const auto& [id, n] : seen) CHECK(n == 1);
  // K from the Indexed Job's index.
  auto r = test::run_tool("export JOB_COMPLETION_INDEX=2; " + cmd(in.path, out.path, "--shard 3"));
  CHECK(fs::exists(out.path / "manifest-shard-2-of-3.json"));
  CHECK(r.code == 0);
}

namespace {

/// The manifest's zones: id → status.
std::map<std::string, std::string> statuses(const fs::path& manifest) {
  std::map<std::string, std::string> out;
  const auto m = nlohmann::json::parse(test::read_text_file(manifest));
  for (const auto& z : m["zones"]) out[z["id"]] = z["status"];
  return out;
}

/// How many zone cards the gallery shows.
std::size_t cards(const fs::path& html) {
  const std::string s = test::read_text_file(html);
  std::size_t n = 0;
  for (auto at = s.find("<div class=\"zone\">"); at != std::string::npos; at = s.find("<div class=\"zone\">", at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("batch: a --zone run keeps every zone in the manifest and gallery, and the next full run skips them all",
          "[batch][cli]") {
  Dir in("zonebrief-partial-in"), out("zonebrief-partial-out");
  many_zones(in.path, 4);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  std::ofstream(in.path / "zone-002.yaml", std::ios::app) << "x-touched: true\n";
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--zone zone-002")).code == 0);
  auto s = statuses(out.path / "manifest.json");
  REQUIRE(s.size() == 4);
  CHECK(s["zone-002"] == "built");
  CHECK(s["zone-000"] == "built");  // kept from the full run
  CHECK(cards(out.path / "index.html") == 4);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  s = statuses(out.path / "manifest.json");
  REQUIRE(s.size() == 4);
  for (const auto& [id, status] : s) {
    INFO(id);
    CHECK(status == "unchanged");
  }
}

TEST_CASE("batch: shards into one empty folder give one manifest and one gallery of every zone", "[batch][cli]") {
  Dir in("zonebrief-shared-in"), out("zonebrief-shared-out");
  many_zones(in.path, 5);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--shard 0/2")).code == 0);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--shard 1/2")).code == 0);
  auto s = statuses(out.path / "manifest.json");
  CHECK(s.size() == 5);
  for (const auto& [id, status] : s) CHECK(status == "built");
  CHECK(cards(out.path / "index.html") == 5);
  CHECK(statuses(out.path / "manifest-shard-1-of-2.json").size() == 2);  // each shard's own list stays
  // Both shards at once, merging into the same manifest.
  Dir out2("zonebrief-shared-out2");
  pid_t pids[2];
  for (int k = 0; k < 2; ++k) {
    pids[k] = fork();
    if (pids[k] == 0) {
      execl("/bin/sh", "sh", "-c",
            (cmd(in.path, out2.path, "--jobs 1 --shard " + std::to_string(k) + "/2") + " 2>/dev/null").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  CHECK(statuses(out2.path / "manifest.json").size() == 5);
  CHECK(cards(out2.path / "index.html") == 5);
  // The next full run finds every zone built.
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  for (const auto& [id, status] : statuses(out.path / "manifest.json")) CHECK(status == "unchanged");
}

TEST_CASE("batch: a full run drops a zone whose input is gone, a damaged manifest reads as none", "[batch][cli]") {
  Dir in("zonebrief-drop-in"), out("zonebrief-drop-out");
  many_zones(in.path, 3);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  fs::remove(in.path / "zone-001.yaml");
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--zone zone-000")).code == 0);
  CHECK(statuses(out.path / "manifest.json").size() == 3);  // a partial run keeps the others
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  auto s = statuses(out.path / "manifest.json");
  CHECK(s.size() == 2);
  CHECK_FALSE(s.count("zone-001"));
  CHECK(cards(out.path / "index.html") == 2);
  std::ofstream(out.path / "manifest.json") << "{\"zones\": [1, {\"id\": 5}";  // cut short
  REQUIRE(test::run_tool(cmd(in.path, out.path, "--zone zone-002")).code == 0);
  s = statuses(out.path / "manifest.json");
  CHECK(s.size() == 1);
  CHECK(s["zone-002"] == "built");
}

TEST_CASE("batch: an unchanged zone whose preview or record was deleted is rebuilt", "[batch][cli]") {
  Dir in("zonebrief-remake-in"), out("zonebrief-remake-out");
  many_zones(in.path, 3);
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  fs::remove(out.path / "zone-000.png");
  fs::remove(out.path / "zone-001.record.json");
  REQUIRE(test::run_tool(cmd(in.path, out.path, "")).code == 0);
  auto s = statuses(out.path / "manifest.json");
  CHECK(s["zone-000"] == "built");
  CHECK(s["zone-001"] == "built");
  CHECK(s["zone-002"] == "unchanged");
  CHECK(fs::exists(out.path / "zone-000.png"));
  CHECK(fs::exists(out.path / "zone-001.record.json"));
}
