// What changed: records compared as printed, in both languages; the build shows and lists them.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/changes.h"
#include "load/facts_loader.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

model::Facts example() {
  auto r = load::load_facts_text(test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml"),
                                 "xiaoshan-etdz.yaml");
  REQUIRE(r.ok());
  return *r.facts;
}

}  // namespace

TEST_CASE("changes: figures old → new, new and removed items, as printed in each language", "[changes][cli]") {
  auto before = example();
  auto after = before;
  after.metrics[0].value = {600, "600"};
  after.series[0].points[3].y = {5, "5"};
  after.highlights.push_back({{"新的要点。", "A new highlight."}, "xsdaily-2025-reform"});
  model::Metric added = before.metrics[0];
  added.id = "new-metric";
  added.label = {"新指标", "New metric"};
  added.value = {10800000000, "10800000000"};
  added.unit = {model::UnitCode::cny, {}};
  added.qualifier = model::Qualifier::none;
  after.metrics.push_back(added);
  const std::vector<app::EditionChange> changes = app::diff_records(app::make_record(before), app::make_record(after));
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].kind == "changed");
  CHECK(changes[0].zh == "国家高新技术企业：超542家 → 超600家");
  CHECK(changes[0].en == "National high-tech enterprises: over 542 firms → over 600 firms");
  CHECK(changes[1].zh == "新增：新指标 108亿元");
  CHECK(changes[1].en == "New: New metric CNY 10.8 billion");
  CHECK(changes[2].zh == "国家级经开区综合发展水平考核排名（2024）：第6位 → 第5位");
  CHECK(changes[2].en == "National ETDZ composite ranking (2024): 6th → 5th");
  CHECK(changes[3].zh == "新增要点：新的要点。");
  auto none = app::diff_records(app::make_record(before), app::make_record(before));
  CHECK(none.empty());
  auto removed = app::diff_records(app::make_record(after), app::make_record(before));
  CHECK(removed.back().kind == "removed");
}

TEST_CASE("changes: the next edition shows what changed and the manifest lists it", "[changes][build][cli]") {
  auto dir = fs::temp_directory_path() / ("zonebrief-changes-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  std::string text = test::read_text_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml");
  std::ofstream(dir / "in/xianghu-xiaobin.yaml") << text;
  auto build = [&] {
    return test::run_tool("cd '" + test::source_dir().string() + "' && " + ZB_BINARY +
                          " -q build --no-previews --inputs '" + (dir / "in").string() + "' --out '" +
                          (dir / "out").string() + "'");
  };
  REQUIRE(build().code == 0);
  auto first = test::run_tool("pdftotext '" + (dir / "out/xianghu-xiaobin.pdf").string() + "' -");
  CHECK(first.out.find("本期变化") == std::string::npos);  // no last edition yet
  text.replace(text.find("value: 50"), 9, "value: 55");
  std::ofstream(dir / "in/xianghu-xiaobin.yaml") << text;
  REQUIRE(build().code == 0);
  auto second = test::run_tool("pdftotext '" + (dir / "out/xianghu-xiaobin.pdf").string() + "' -");
  CHECK(second.out.find("本期变化") != std::string::npos);
  CHECK(second.out.find("Changes since last edition") != std::string::npos);
  CHECK(second.out.find("50% → 55%") != std::string::npos);
  auto manifest = nlohmann::json::parse(test::read_text_file(dir / "out/manifest.json"));
  REQUIRE(manifest["zones"][0]["changes"].size() == 1);
  CHECK(manifest["zones"][0]["changes"][0]["kind"] == "changed");
  // A rerun skips the zone (unchanged); its entry still lists the changes its PDF shows.
  REQUIRE(build().code == 0);
  manifest = nlohmann::json::parse(test::read_text_file(dir / "out/manifest.json"));
  CHECK(manifest["zones"][0]["status"] == "unchanged");
  REQUIRE(manifest["zones"][0]["changes"].size() == 1);
  CHECK(manifest["zones"][0]["changes"][0]["en"].get<std::string>().find("50% → 55%") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("changes: a rebuild of the same edition compares with the previous different edition again", "[changes]") {
  auto before = example();
  auto after = before;
  after.metrics[0].value = {600, "600"};
  const app::Record r1 = app::make_record(before), r2 = app::make_record(after);
  // First edition: nothing to compare with.
  auto first = app::next_edition(std::nullopt, r1);
  CHECK_FALSE(first.changes);
  CHECK_FALSE(first.file.previous);
  // A new edition keeps the last one as its previous.
  auto second = app::next_edition(first.file, r2);
  REQUIRE(second.changes);
  REQUIRE(second.changes->size() == 1);
  REQUIRE(second.file.previous);
  CHECK(*second.file.previous == r1);
  // Rebuilt (--force, a rerun after a crash), read back from its file: the same changes.
  const auto reread = nlohmann::json(second.file).get<app::RecordFile>();
  auto again = app::next_edition(reread, r2);
  REQUIRE(again.changes);
  REQUIRE(again.changes->size() == 1);
  CHECK(again.changes->at(0).zh == second.changes->at(0).zh);
  CHECK(*again.file.previous == r1);
  // A first edition rebuilt still has nothing to compare with; a record without "previous" reads.
  CHECK_FALSE(app::next_edition(nlohmann::json(r1).get<app::RecordFile>(), r1).changes);
}

TEST_CASE("changes: --force rebuilds the same edition with the same changes on the page and in the manifest",
          "[changes][build][cli]") {
  test::TempDir dir("zonebrief-changes-force");
  fs::create_directories(dir.path / "in");
  std::string text = test::read_text_file(test::source_dir() / "inputs/xianghu-xiaobin.yaml");
  std::ofstream(dir.path / "in/xianghu-xiaobin.yaml") << text;
  auto build = [&](const std::string& extra) {
    return test::run_tool("cd '" + test::source_dir().string() + "' && " + ZB_BINARY +
                          " -q build --no-previews --inputs '" + (dir.path / "in").string() + "' --out '" +
                          (dir.path / "out").string() + "' " + extra);
  };
  REQUIRE(build("").code == 0);
  text.replace(text.find("value: 50"), 9, "value: 55");
  std::ofstream(dir.path / "in/xianghu-xiaobin.yaml") << text;
  REQUIRE(build("").code == 0);
  for (int i = 0; i < 2; ++i) {
    INFO("--force rebuild " << i + 1);
    REQUIRE(build("--force").code == 0);
    auto pdf = test::run_tool("pdftotext '" + (dir.path / "out/xianghu-xiaobin.pdf").string() + "' -");
    CHECK(pdf.out.find("50% → 55%") != std::string::npos);
    auto manifest = nlohmann::json::parse(test::read_text_file(dir.path / "out/manifest.json"));
    CHECK(manifest["zones"][0]["status"] == "built");
    REQUIRE(manifest["zones"][0]["changes"].size() == 1);
    CHECK(manifest["zones"][0]["changes"][0]["en"].get<std::string>().find("50% → 55%") != std::string::npos);
  }
}
