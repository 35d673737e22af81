// Layouts: the shipped ones load; every bad fixture gives exactly its errors.
#include <catch2/catch.hpp>

#include "load/layout_loader.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

TEST_CASE("the shipped layouts load", "[layout-file]") {
  base::SystemEnv env;
  auto briefing = load::load_layout_file(env, test::source_dir() / "layouts/briefing.yaml");
  INFO(test::joined(briefing.errors));
  REQUIRE(briefing.ok());
  CHECK(briefing.layout->name == "briefing");
  CHECK(briefing.layout->palette.size() == 7);
  CHECK_FALSE(briefing.layout->one_page);
  REQUIRE(briefing.layout->blocks.size() == 6);
  CHECK(briefing.layout->blocks[2].kind == model::BlockKind::key_figures);
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts/onepager.yaml");
  REQUIRE(onepager.ok());
  CHECK(onepager.layout->one_page);
  CHECK(onepager.layout->blocks[2].max == 1);
}

TEST_CASE("each bad layout gives exactly the errors in its .errors file", "[layout-file]") {
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests/layouts/bad")) {
    if (e.path().extension() != ".yaml") continue;
    std::string rel = "tests/layouts/bad/" + e.path().filename().string();
    auto expected = e.path();
    expected.replace_extension(".errors");
    INFO(rel);
    auto r = load::load_layout_text(test::read_text_file(e.path()), rel);
    CHECK_FALSE(r.ok());
    CHECK(test::joined(r.errors) == test::read_text_file(expected));
  }
}
