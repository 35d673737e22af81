// Layout loader: page size and margins, the type scale, spacing and inks, palette, accent and the ordered blocks.
#include "load/layout_loader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "load/schema.h"
#include "load/yaml_tree.h"

namespace zb::load {
namespace {

constexpr std::uintmax_t kMaxLayoutBytes = 256 << 10;

std::optional<base::Color> hex_colour(Schema& s, const YNode& n, const std::string& path) {
  const std::string expected = "expected a colour written #RRGGBB";
  if (!n.is_scalar() || n.value.size() != 7 || n.value[0] != '#' ||
      n.value.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
    s.error(n, path, expected, describe(n));
    return std::nullopt;
  }
  auto channel = [&](std::size_t i) { return std::stoi(n.value.substr(i, 2), nullptr, 16) / 255.0; };
  return base::Color{channel(1), channel(3), channel(5)};
}

std::optional<double> length(Schema& s, const YNode& n, const std::string& path, double lo, double hi) {
  auto v = s.number(n, path);
  if (!v) return std::nullopt;
  if (v->value < lo || v->value > hi) {
    s.error(n, path, fmt::format("expected a number from {:g} to {:g}", lo, hi), describe(n));
    return std::nullopt;
  }
  return v->value;
}

/// A whole number from lo to hi (a count of items or columns).
std::optional<int> whole(Schema& s, const YNode& n, const std::string& path, int lo, int hi) {
  auto v = s.number(n, path);
  if (!v) return std::nullopt;
  if (v->value < lo || v->value > hi || v->value != std::floor(v->value)) {
    s.error(n, path, fmt::format("expected a whole number from {} to {}", lo, hi), describe(n));
    return std::nullopt;
  }
  return static_cast<int>(v->value);
}

std::optional<bool> boolean(Schema& s, const YNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted && (n.value == "true" || n.value == "false")) return n.value == "true";
  s.error(n, path, "expected true or false", describe(n));
  return std::nullopt;
}

void read_page(Schema& s, const YNode& n, model::Layout& l) {
  Fields f = s.fields(n, "page", "a map with size and margins");
  if (!f.ok()) return;
  if (const YNode* size = f.optional("size")) {
    static const std::map<std::string, std::pair<double, double>> kSizes = {
        {"A4", {595.276, 841.89}}, {"A5", {419.528, 595.276}}, {"letter", {612, 792}}};
    auto it = size->is_scalar() ? kSizes.find(size->value) : kSizes.end();
    if (it == kSizes.end())
      s.error(*size, "page.size", "expected A4, A5 or letter", describe(*size));
    else
      std::tie(l.page_width, l.page_height) = it->second;
  }
  if (const YNode* m = f.optional("margins")) {
    Fields mf = s.fields(*m, "page.margins", "a map with top, bottom, left and right");
    if (mf.ok()) {
      for (auto [key, target] : {std::pair{"top", &l.margin_top}, std::pair{"bottom", &l.margin_bottom},
                                 std::pair{"left", &l.margin_left}, std::pair{"right", &l.margin_right}})
        if (const YNode* v = mf.optional(key))
          if (auto x = length(s, *v, std::string("page.margins.") + key, 18, 144)) *target = *x;
      mf.finish();
    }
  }
  if (const YNode* v = f.optional("one_page"))
    if (auto b = boolean(s, *v, "page.one_page")) l.one_page = *b;
  f.finish();
}

void read_blocks(Schema& s, const YNode& n, model::Layout& l) {
  static const std::map<std::string, model::BlockKind> kKinds = {
      {"title", model::BlockKind::title},     {"key-figures", model::BlockKind::key_figures},
      {"charts", model::BlockKind::charts},   {"highlights", model::BlockKind::highlights},
      {"sources", model::BlockKind::sources}, {"changes", model::BlockKind::changes},
      {"summary", model::BlockKind::summary}, {"figures", model::BlockKind::figures}};
  std::set<std::string> names;
  for (const auto& [k, _] : kKinds) names.insert(k);
  std::map<std::string, int> seen;  ///< block name → the line it first appears on
  const std::string expected =
      "expected a block: title, summary, changes, key-figures, figures, charts, highlights or sources";
  if (!n.is_seq() || n.items.empty()) {
    s.error(n, "blocks", "expected a non-empty list of blocks", n.is_seq() ? "an empty list" : describe(n));
    return;
  }
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const YNode& item = *n.items[i];
    std::string path = "blocks[" + std::to_string(i) + "]";
    const YNode* name_node = &item;
    const YNode* options = nullptr;
    if (item.is_map() && item.map_size() == 1) {
      name_node = &item.key(0);
      options = &item.val(0);
    }
    if (!name_node->is_scalar()) {
      s.error(item, path, expected, describe(item));
      continue;
    }
    auto it = kKinds.find(name_node->value);
    if (it == kKinds.end()) {
      std::string found = describe(*name_node);
      if (auto sug = suggest(name_node->value, names)) found += "; did you mean '" + *sug + "'?";
      s.error(*name_node, path, expected, found);
      continue;
    }
    model::Block b;
    b.kind = it->second;
    if (auto first = seen.find(it->first); first != seen.end()) {
      s.error(*name_node, path, "expected each block once",
              "'" + it->first + "' again; the first is at line " + std::to_string(first->second));
      continue;
    }
    seen.emplace(it->first, name_node->line);
    // The title, the changes and the sources show everything: they take no options.
    const bool takes_max =
        b.kind != model::BlockKind::title && b.kind != model::BlockKind::changes && b.kind != model::BlockKind::sources;
    if (options && !options->is_null() && !takes_max) {
      s.error(*options, path + "." + it->first, "expected no options: the " + it->first + " block takes none",
              describe(*options));
    } else if (options && !options->is_null()) {
      Fields f = s.fields(*options, path + "." + it->first, "a map with max (and columns for key-figures)");
      if (f.ok()) {
        if (const YNode* v = f.optional("max"))
          if (auto x = whole(s, *v, path + "." + it->first + ".max", 1, 100)) b.max = *x;
        if (b.kind == model::BlockKind::key_figures)
          if (const YNode* v = f.optional("columns"))
            if (auto x = whole(s, *v, path + "." + it->first + ".columns", 1, 4)) b.columns = *x;
        f.finish();
      }
    }
    l.blocks.push_back(b);
  }
}

/// A role of the type scale, {size, leading} (and space_before, space_after for a heading);
/// omitted keys keep the defaults.
void read_style(Schema& s, const YNode& n, const std::string& path, model::TypeStyle& t, bool heading) {
  Fields f = s.fields(
      n, path, heading ? "a map with size, leading, space_before and space_after" : "a map with size and leading");
  if (!f.ok()) return;
  if (const YNode* v = f.optional("size"))
    if (auto x = length(s, *v, path + ".size", 4, 48)) t.size = *x;
  if (const YNode* v = f.optional("leading"))
    if (auto x = length(s, *v, path + ".leading", 4, 72)) t.leading = *x;
  if (heading)
    for (auto [key, target] : {std::pair{"space_before", &t.space_before}, std::pair{"space_after", &t.space_after}})
      if (const YNode* v = f.optional(key))
        if (auto x = length(s, *v, path + "." + key, 0, 72)) *target = *x;
  f.finish();
}

/// A leading written as a multiple of the size.
void read_ratio(Schema& s, Fields& f, const std::string& parent, const char* key, double& target) {
  if (const YNode* v = f.optional(key))
    if (auto x = length(s, *v, parent + "." + key, 1, 3)) target = *x;
}

void read_columns(Schema& s, const YNode& n, model::ColumnType& c) {
  Fields f = s.fields(n, "type.columns", "a map with title, subtitle, note_translation and translation_leading");
  if (!f.ok()) return;
  for (auto [key, target] : {std::pair{"title", &c.title}, std::pair{"subtitle", &c.subtitle},
                             std::pair{"note_translation", &c.note_translation}})
    if (const YNode* v = f.optional(key)) read_style(s, *v, std::string("type.columns.") + key, *target, false);
  read_ratio(s, f, "type.columns", "translation_leading", c.translation_leading);
  f.finish();
}

void read_type(Schema& s, const YNode& n, model::TypeScale& t) {
  Fields f = s.fields(n, "type", "a map with body_size and the roles of the type scale");
  if (!f.ok()) return;
  if (const YNode* b = f.optional("body_size"))
    if (auto x = length(s, *b, "type.body_size", 6, 16)) t.body_size = *x;
  read_ratio(s, f, "type", "body_leading", t.body_leading);
  read_ratio(s, f, "type", "translation_leading", t.translation_leading);
  for (auto [key, target, heading] :
       {std::tuple{"title", &t.title, false}, std::tuple{"subtitle", &t.subtitle, false},
        std::tuple{"heading", &t.heading, true}, std::tuple{"heading_translation", &t.heading_translation, false},
        std::tuple{"compact_heading", &t.compact_heading, true}, std::tuple{"meta", &t.meta, false},
        std::tuple{"lede", &t.lede, false}, std::tuple{"table", &t.table, false}, std::tuple{"note", &t.note, false},
        std::tuple{"note_translation", &t.note_translation, false}, std::tuple{"sources", &t.sources, false}})
    if (const YNode* v = f.optional(key)) read_style(s, *v, std::string("type.") + key, *target, heading);
  if (const YNode* v = f.optional("figure_size"))
    if (auto x = length(s, *v, "type.figure_size", 6, 48)) t.figure_size = *x;
  if (const YNode* v = f.optional("caption_size"))
    if (auto x = length(s, *v, "type.caption_size", 4, 16)) t.caption_size = *x;
  if (const YNode* v = f.optional("marker")) {
    Fields m = s.fields(*v, "type.marker", "a map with scale and rise");
    if (m.ok()) {
      for (auto [key, target] : {std::pair{"scale", &t.marker_scale}, std::pair{"rise", &t.marker_rise}})
        if (const YNode* x = m.optional(key))
          if (auto r = length(s, *x, std::string("type.marker.") + key, 0, 1)) *target = *r;
      m.finish();
    }
  }
  if (const YNode* v = f.optional("columns")) read_columns(s, *v, t.columns);
  f.finish();
}

void read_space(Schema& s, const YNode& n, model::Spacing& sp) {
  Fields f = s.fields(n, "space", "a map with cards, charts, highlights, notes and indent");
  if (!f.ok()) return;
  for (auto [key, target] :
       {std::pair{"cards", &sp.cards}, std::pair{"charts", &sp.charts}, std::pair{"highlights", &sp.highlights},
        std::pair{"notes", &sp.notes}, std::pair{"indent", &sp.indent}})
    if (const YNode* v = f.optional(key))
      if (auto x = length(s, *v, std::string("space.") + key, 0, 72)) *target = *x;
  f.finish();
}

void read_ink(Schema& s, const YNode& n, model::Inks& ink) {
  Fields f = s.fields(n, "ink", "a map with text, muted, warning and figure");
  if (!f.ok()) return;
  for (auto [key, target] : {std::pair{"text", &ink.text}, std::pair{"muted", &ink.muted},
                             std::pair{"warning", &ink.warning}, std::pair{"figure", &ink.figure}})
    if (const YNode* v = f.optional(key))
      if (auto c = hex_colour(s, *v, std::string("ink.") + key)) *target = *c;
  f.finish();
}

}  // namespace

LayoutResult load_layout_text(std::string_view text, const std::string& file) {
  LayoutResult r{std::nullopt, base::Diagnostics(100)};
  if (!check_encoding(text, file, r.errors)) return r;
  auto doc = parse_yaml(text, file, YamlLimits{}, r.errors);
  if (!doc) return r;
  Schema s(file, 200, r.errors);
  s.check_duplicate_keys(*doc);
  model::Layout l;
  l.name = std::filesystem::path(file).stem().string();
  // Zones and meetings name a layout by an id: a file named otherwise could never be chosen.
  const auto lower_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const bool id_name = !l.name.empty() && l.name.size() <= 64 && lower_alnum(l.name[0]) &&
                       std::all_of(l.name.begin(), l.name.end(), [&](char c) { return lower_alnum(c) || c == '-'; });
  if (!id_name)
    r.errors.add(base::Diagnostic::whole_file(
        file,
        "expected a layout file named <name>.yaml, the name of lowercase letters, digits and '-' starting with a "
        "letter or digit, at most 64 characters (the name zones and meetings give)",
        base::quote_excerpt(l.name, 64)));
  Fields top = s.fields(doc->root(), "", "a map with the keys page, type, space, ink, palette, accent and blocks");
  if (top.ok()) {
    if (const YNode* v = top.optional("page")) read_page(s, *v, l);
    if (const YNode* v = top.optional("type")) read_type(s, *v, l.type);
    if (const YNode* v = top.optional("space")) read_space(s, *v, l.space);
    if (const YNode* v = top.optional("ink")) read_ink(s, *v, l.ink);
    if (const YNode* v = top.optional("palette")) {
      if (!v->is_seq() || v->items.empty())
        s.error(*v, "palette", "expected a non-empty list of #RRGGBB colours", describe(*v));
      else
        for (std::size_t i = 0; i < v->items.size(); ++i)
          if (auto c = hex_colour(s, *v->items[i], "palette[" + std::to_string(i) + "]")) l.palette.push_back(*c);
    }
    if (const YNode* v = top.optional("accent"))
      if (auto c = hex_colour(s, *v, "accent")) l.accent = *c;
    if (const YNode* v = top.required("blocks")) read_blocks(s, *v, l);
    top.finish();
  }
  r.errors.sort_by_position();
  if (r.errors.empty()) r.layout = std::move(l);
  return r;
}

LayoutResult load_layout_file(const base::Env& env, const std::filesystem::path& path) {
  auto bytes = env.read_file(path, kMaxLayoutBytes);
  if (!bytes.error.empty() || bytes.too_large) {
    LayoutResult r{std::nullopt, base::Diagnostics(100)};
    r.errors.add(base::Diagnostic::whole_file(path.string(), "expected a readable layout file of at most 256 KiB",
                                              bytes.too_large ? "a larger file" : bytes.error));
    return r;
  }
  return load_layout_text(bytes.data, path.string());
}

}  // namespace zb::load
