// The guarded YAML tree: positions, quoting, aliases, documents.
#include <catch2/catch.hpp>

#include "load/yaml_tree.h"
#include "test_support.h"

using namespace zb;
using load::YNode;

namespace {
std::optional<load::YamlDoc> parse(const std::string& text, base::Diagnostics& d) {
  return load::parse_yaml(text, "t.yaml", load::YamlLimits{}, d);
}
}  // namespace

TEST_CASE("nodes carry 1-based lines and character columns", "[yaml]") {
  base::Diagnostics d;
  auto doc = parse("a: 1\nb: {zh: 萧山区, en: x}\n", d);
  REQUIRE(doc);
  const YNode& root = doc->root();
  REQUIRE(root.is_map());
  REQUIRE(root.map_size() == 2);
  CHECK(root.key(0).line == 1);
  CHECK(root.key(0).col == 1);
  CHECK(root.val(0).col == 4);
  const YNode& b = root.val(1);
  CHECK(b.line == 2);
  CHECK(b.col == 4);
  CHECK(b.key(1).value == "en");
  CHECK(b.key(1).col == 14);  // after three Han characters, each one column
}

TEST_CASE("quoted scalars are told apart from plain ones", "[yaml]") {
  base::Diagnostics d;
  auto doc = parse("a: 5\nb: \"5\"\nc: '5'\nd: !!str 5\ne: |\n  5\n", d);
  REQUIRE(doc);
  const YNode& r = doc->root();
  CHECK_FALSE(r.val(0).quoted);
  CHECK(r.val(1).quoted);
  CHECK(r.val(2).quoted);
  CHECK(r.val(3).quoted);
  CHECK(r.val(4).quoted);
  CHECK(r.val(4).value == "5\n");
}

TEST_CASE("aliases share their target and count towards the expansion limit", "[yaml]") {
  base::Diagnostics d;
  auto doc = parse("a: &x [1, 2, 3]\nb: *x\n", d);
  REQUIRE(doc);
  CHECK(&doc->root().val(0) == &doc->root().val(1));
  CHECK(doc->root().expanded == 1 + 2 * (1 + 4));

  base::Diagnostics d2;
  load::YamlLimits small;
  small.max_nodes = 10;
  CHECK_FALSE(load::parse_yaml("a: &x [1, 2, 3]\nb: [*x, *x]\n", "t.yaml", small, d2));
  CHECK(test::joined(d2) ==
        "t.yaml:1:1: error: expected at most 10 nodes with aliases expanded (found a node that expands to more)\n");
}

TEST_CASE("an empty document gives a null root, two documents are refused", "[yaml]") {
  base::Diagnostics d;
  auto doc = parse("", d);
  REQUIRE(doc);
  CHECK(doc->root().is_null());
  base::Diagnostics d2;
  CHECK_FALSE(parse("a: 1\n---\nb: 2\n", d2));
  CHECK(test::joined(d2) == "t.yaml:2:1: error: expected a single YAML document (found a second document)\n");
}

TEST_CASE("syntax errors carry yaml-cpp's reason and position", "[yaml]") {
  base::Diagnostics d;
  CHECK_FALSE(parse("a: [1, 2\nb: 3\n", d));
  CHECK(test::joined(d) ==
        "t.yaml:2:2: error: expected valid YAML syntax (found a syntax error: end of sequence flow not found)\n");
  base::Diagnostics d2;
  CHECK_FALSE(parse("a: *nowhere\n", d2));
  CHECK(test::joined(d2) ==
        "t.yaml:1:4: error: expected valid YAML syntax (found a syntax error: the referenced anchor is not "
        "defined)\n");
}
