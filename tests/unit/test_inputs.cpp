// The real zone files in inputs/: every one loads, and key facts from the articles are there.
#include <catch2/catch.hpp>

#include <map>

#include "load/facts_loader.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

std::map<std::string, model::Facts> load_all_inputs() {
  std::map<std::string, model::Facts> out;
  base::SystemEnv env;
  std::string error;
  for (const auto& p : env.list_files(test::source_dir() / "inputs", ".yaml", error)) {
    auto r = load::load_facts_file(env, p);
    INFO(test::joined(r.errors));
    REQUIRE(r.ok());
    out.emplace(r.facts->zone.id, std::move(*r.facts));
  }
  REQUIRE(error.empty());
  return out;
}

const model::Metric* metric(const model::Facts& f, const std::string& id) {
  for (const auto& m : f.metrics)
    if (m.id == id) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("every zone file in inputs/ loads", "[inputs]") {
  auto all = load_all_inputs();
  for (const char* id : {"xiaoshan-etdz", "hangzhou-hitech-binjiang", "qianjiang-century-city", "hangzhou-airport-zone",
                         "xianghu-xiaobin", "xiaoshan-district"}) {
    INFO(id);
    CHECK(all.count(id) == 1);
  }
  for (const auto& [id, f] : all) {
    INFO(id);
    CHECK_FALSE(f.sources.empty());
    CHECK_FALSE(f.highlights.empty());
    CHECK_FALSE(f.metrics.empty());
  }
}

TEST_CASE("the ETDZ file carries the articles' key series and figures", "[inputs]") {
  auto all = load_all_inputs();
  const model::Facts& f = all.at("xiaoshan-etdz");
  std::map<std::string, std::vector<double>> series;
  for (const auto& s : f.series)
    for (const auto& p : s.points) series[s.id].push_back(p.y.value);
  bool ranking = false, real_estate = false;
  for (const auto& [id, ys] : series) {
    ranking |= ys == std::vector<double>{48, 21, 17, 6};
    real_estate |= ys == std::vector<double>{32.71, 10.17};
  }
  CHECK(ranking);
  CHECK(real_estate);
  bool hightech = false;
  for (const auto& m : f.metrics) hightech |= m.value.literal == "542" && m.qualifier == model::Qualifier::none;
  CHECK(hightech);
  // The two articles disagree on the biotech share of Haigui Town: both figures are kept.
  int shares = 0;
  for (const auto& m : f.metrics)
    shares += (m.value.literal == "65" || m.value.literal == "70") && m.unit.code == model::UnitCode::percent;
  CHECK(shares >= 2);
  CHECK(metric(f, "no-such-metric") == nullptr);
}

TEST_CASE("Binjiang's file carries its headline figures", "[inputs]") {
  auto all = load_all_inputs();
  const model::Facts& f = all.at("hangzhou-hitech-binjiang");
  bool listed = false, area = false;
  for (const auto& m : f.metrics) {
    listed |= m.value.literal == "65";
    area |= m.value.literal == "72" && m.unit.code == model::UnitCode::km2;
  }
  CHECK(listed);
  CHECK(area);
}
