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
  REQUIRE(briefing.layout->blocks.size() == 8);
  // The point first: title, summary, the headline cards.
  CHECK(briefing.layout->blocks[1].kind == model::BlockKind::summary);
  CHECK(briefing.layout->blocks[2].kind == model::BlockKind::key_figures);
  CHECK(briefing.layout->blocks[5].kind == model::BlockKind::figures);
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts/onepager.yaml");
  REQUIRE(onepager.ok());
  CHECK(onepager.layout->one_page);
  CHECK(onepager.layout->blocks[2].max == 6);
  CHECK(onepager.layout->blocks[3].max == 1);
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

TEST_CASE("the type scale, spacing and inks are read from the layout file", "[layout-file]") {
  base::SystemEnv env;
  auto onepager = load::load_layout_file(env, test::source_dir() / "layouts/onepager.yaml");
  REQUIRE(onepager.ok());
  const model::TypeScale& t = onepager.layout->type;
  CHECK(t.body_size == 10);
  CHECK(t.body_leading == 1.7);
  CHECK(t.translation_leading == 1.55);
  CHECK(t.title.size == 21);
  CHECK(t.title.leading == 30);
  CHECK(t.heading.space_before == 16);
  CHECK(t.compact_heading.size == 11.5);
  CHECK(t.compact_heading.space_after == 4);
  CHECK(t.note_translation.leading == 11);
  CHECK(t.lede.size == 10.5);
  CHECK(t.table.leading == 12.5);
  CHECK(t.caption_size == 7.5);
  CHECK(t.marker_scale == 0.62);
  CHECK(t.columns.subtitle.size == 13);
  CHECK(t.columns.translation_leading == 1.5);
  CHECK(t.figure_size == 20);
  CHECK(onepager.layout->space.cards == 8);
  CHECK(onepager.layout->space.highlights == 5);
  CHECK(onepager.layout->space.indent == 12);

  auto custom = load::load_layout_text(R"(type:
  body_size: 11
  meta: {size: 9}
  columns: {title: {leading: 28}}
  marker: {rise: 0.4}
ink: {muted: "#808080"}
blocks: [title]
)",
                                       "custom.yaml");
  INFO(test::joined(custom.errors));
  REQUIRE(custom.ok());
  CHECK(custom.layout->type.body_size == 11);
  CHECK(custom.layout->type.meta.size == 9);
  CHECK(custom.layout->type.meta.leading == 13);  // omitted keys keep their default
  CHECK(custom.layout->type.columns.title.size == 18);
  CHECK(custom.layout->type.columns.title.leading == 28);
  CHECK(custom.layout->type.marker_rise == 0.4);
  CHECK(custom.layout->ink.muted.r == 128 / 255.0);
}

TEST_CASE("a layout without type, space or ink gets the default type scale, spacing and inks", "[layout-file]") {
  auto r = load::load_layout_text("blocks: [title, highlights]\n", "plain.yaml");
  INFO(test::joined(r.errors));
  REQUIRE(r.ok());
  const model::TypeScale& t = r.layout->type;
  const model::TypeScale d;
  CHECK(t.body_size == 10.5);
  CHECK(t.body_leading == 1.7);
  CHECK(t.heading.size == 13);
  CHECK(t.heading.leading == 20);
  CHECK(t.heading.space_before == 16);
  CHECK(t.heading.space_after == 6);
  CHECK(t.sources.size == d.sources.size);
  CHECK(t.columns.note_translation.size == 8.5);
  CHECK(t.figure_size == 17);
  CHECK(r.layout->space.charts == 14);
  CHECK(r.layout->space.notes == 3);
  CHECK(r.layout->ink.text.r == model::Inks{}.text.r);
  CHECK(r.layout->ink.warning.g == model::Inks{}.warning.g);
}
