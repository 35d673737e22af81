// Facts loader: raw bytes → guarded YAML tree → model::Facts, enforcing every rule of FACTS.md.
#include "load/facts_loader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "base/utf8.h"
#include "load/schema.h"

namespace zb::load {
namespace {

using model::Text;
using K = YNode::Kind;

/// Walks the YAML tree against the facts schema, collecting diagnostics.
class FactsReader {
 public:
  FactsReader(Schema& s, const FactsOptions& opt, std::string stem) : s_(s), opt_(opt), stem_(std::move(stem)) {}

  std::optional<model::Facts> read(const YNode& root) {
    model::Facts f;
    Fields top = s_.fields(root, "", "a map with the keys zone, sources, metrics, series, highlights");
    if (!top.ok()) return std::nullopt;
    if (const YNode* z = top.required("zone")) read_zone(*z, f.zone);
    if (const YNode* src = top.required("sources")) read_sources(*src, f);
    if (const YNode* m = top.optional("metrics"))
      read_list(*m, "metrics", "metric", f.metrics, &FactsReader::read_metric);
    if (const YNode* se = top.optional("series"))
      read_list(*se, "series", "series", f.series, &FactsReader::read_series);
    if (const YNode* h = top.optional("highlights"))
      read_list(*h, "highlights", "highlight", f.highlights, &FactsReader::read_highlight);
    top.finish();
    check_sources(f);
    check_dates(f);
    if (!s_.diags().empty()) return std::nullopt;
    return f;
  }

 private:
  void read_zone(const YNode& n, model::Zone& z) {
    Fields fs = s_.fields(n, "zone", "a map with the zone's id, name and as_of");
    if (!fs.ok()) return;
    if (const YNode* id = fs.required("id")) {
      z.id = s_.id(*id, "zone.id");
      if (!z.id.empty() && z.id != stem_)
        s_.error(*id, "zone.id", "expected the file name stem " + base::quote_excerpt(stem_, 64),
                 base::quote_excerpt(z.id, 64));
    }
    if (const YNode* v = fs.required("name")) {
      z.name = s_.text(*v, "zone.name");
      z.name_at = {v->line, v->col};
    }
    if (const YNode* v = fs.optional("short")) z.short_name = s_.text(*v, "zone.short");
    if (const YNode* v = fs.optional("region")) {
      z.region = s_.text(*v, "zone.region");
      z.region_at = {v->line, v->col};
    }
    if (const YNode* v = fs.required("as_of")) z.as_of = s_.date(*v, "zone.as_of").value_or(model::Date{});
    if (const YNode* v = fs.optional("summary")) z.summary = s_.text(*v, "zone.summary");
    if (const YNode* v = fs.optional("layout")) {
      std::string name = s_.id(*v, "zone.layout", "the name of a layout");
      if (!name.empty()) {
        z.layout = name;
        if (opt_.known_layouts && !opt_.known_layouts->count(name)) {
          std::string names;
          for (const auto& l : *opt_.known_layouts) names += (names.empty() ? "" : ", ") + l;
          std::string found = base::quote_excerpt(name);
          if (auto sug = suggest(name, *opt_.known_layouts)) found += "; did you mean '" + *sug + "'?";
          s_.error(*v, "zone.layout", "expected the name of a layout in the layouts folder (" + names + ")", found);
        }
      }
    } else if (opt_.known_layouts && !opt_.known_layouts->count(z.layout)) {
      // The default layout must exist too, or the zone could not be built.
      std::string names;
      for (const auto& l : *opt_.known_layouts) names += (names.empty() ? "" : ", ") + l;
      s_.error(n, "zone.layout",
               "expected zone.layout naming a layout of the layouts folder (" + names + "): the default, " + z.layout +
                   ", is not there",
               "no zone.layout");
    }
    fs.finish();
  }

  void read_sources(const YNode& n, model::Facts& f) {
    read_list(n, "sources", "source", f.sources, &FactsReader::read_source);
    if (n.is_seq() && n.items.empty())
      s_.error(n, "sources", "expected a list with at least one source", "an empty list");
  }

  template <typename T>
  void read_list(const YNode& n, const std::string& path, const std::string& what, std::vector<T>& out,
                 bool (FactsReader::*read_one)(const YNode&, const std::string&, T&)) {
    if (!n.is_seq()) {
      s_.error(n, path, "expected a list of " + what + (what == "series" ? "" : "s") + " (\"- ...\" items)",
               describe(n));
      return;
    }
    std::unordered_map<std::string, const YNode*> ids;
    for (std::size_t i = 0; i < n.items.size() && !s_.diags().full(); ++i) {
      std::string p = path + "[" + std::to_string(i) + "]";
      T item;
      if ((this->*read_one)(*n.items[i], p, item)) {
        if constexpr (requires { item.id; }) {
          if (!item.id.empty()) {
            auto [it, fresh] = ids.emplace(item.id, id_nodes_.back());
            if (!fresh)
              s_.error(*id_nodes_.back(), p + ".id", "expected an id unique among " + path,
                       base::quote_excerpt(item.id, 64) + " again; first at line " + std::to_string(it->second->line));
          }
        }
        out.push_back(std::move(item));
      }
    }
  }

  bool read_source(const YNode& n, const std::string& p, model::Source& s) {
    Fields fs = s_.fields(n, p, "a source: a map with id, title and publisher");
    if (!fs.ok()) return false;
    s.at = {n.line, n.col};
    read_id(fs, p, s.id);
    if (const YNode* v = fs.required("title")) s.title = s_.text(*v, p + ".title", /*en_required=*/false);
    if (const YNode* v = fs.required("publisher")) s.publisher = s_.text(*v, p + ".publisher");
    if (const YNode* v = fs.optional("date")) s.date = s_.date(*v, p + ".date");
    if (const YNode* v = fs.optional("url")) s.url = s_.url(*v, p + ".url");
    fs.finish();
    return true;
  }

  bool read_metric(const YNode& n, const std::string& p, model::Metric& m) {
    Fields fs = s_.fields(n, p, "a metric: a map with id, label, value, unit and source");
    if (!fs.ok()) return false;
    m.at = {n.line, n.col};
    read_id(fs, p, m.id);
    if (const YNode* v = fs.required("label")) m.label = s_.text(*v, p + ".label");
    const YNode* value = fs.required("value");
    if (const YNode* v = fs.required("unit")) m.unit = s_.unit(*v, p + ".unit");
    if (value) m.value = s_.value(*value, p + ".value", m.unit);
    if (const YNode* v = fs.optional("qualifier")) m.qualifier = s_.qualifier(*v, p + ".qualifier");
    if (const YNode* v = fs.optional("period")) m.period = s_.text(*v, p + ".period");
    if (const YNode* v = fs.optional("change")) m.change = read_change(*v, p + ".change");
    read_source_ref(fs, p, m.source);
    if (const YNode* v = fs.optional("note")) m.note = s_.text(*v, p + ".note");
    if (const YNode* v = fs.optional("headline")) read_headline(*v, p + ".headline", m);
    if (const YNode* v = fs.optional("topic")) m.topic = s_.text(*v, p + ".topic");
    if (const YNode* v = fs.optional("date")) {
      m.date = s_.date(*v, p + ".date");
      if (m.date) dates_.push_back({v, p + ".date", *m.date});
    }
    fs.finish();
    return true;
  }

  /// A headline number: a whole number from 1 to 9, each used once in a file.
  void read_headline(const YNode& n, const std::string& p, model::Metric& m) {
    const std::string expected = "expected a headline number, a whole number from 1 to 9";
    if (!n.is_scalar() || n.quoted || n.value.size() != 1 || n.value[0] < '1' || n.value[0] > '9') {
      s_.error(n, p, expected, describe(n));
      return;
    }
    m.headline = n.value[0] - '0';
    auto [it, fresh] = headlines_.emplace(*m.headline, &n);
    if (!fresh)
      s_.error(n, p, "expected each headline number once in a file",
               n.value + " again; first at line " + std::to_string(it->second->line));
  }

  std::optional<model::Change> read_change(const YNode& n, const std::string& p) {
    Fields fs = s_.fields(n, p, "a change: a map with value and unit");
    if (!fs.ok()) return std::nullopt;
    model::Change c;
    const YNode* value = fs.required("value");
    if (const YNode* v = fs.required("unit")) c.unit = s_.unit(*v, p + ".unit");
    if (value) c.value = s_.value(*value, p + ".value", c.unit);
    if (const YNode* v = fs.optional("period")) c.period = s_.text(*v, p + ".period");
    fs.finish();
    return c;
  }

  bool read_series(const YNode& n, const std::string& p, model::Series& s) {
    Fields fs = s_.fields(n, p, "a series: a map with id, label, unit, points and source");
    if (!fs.ok()) return false;
    s.at = {n.line, n.col};
    read_id(fs, p, s.id);
    if (const YNode* v = fs.required("label")) s.label = s_.text(*v, p + ".label");
    if (const YNode* v = fs.required("unit")) s.unit = s_.unit(*v, p + ".unit");
    if (const YNode* v = fs.optional("better")) s.better = s_.better(*v, p + ".better");
    if (const YNode* v = fs.optional("chart")) s.chart = s_.chart(*v, p + ".chart");
    if (const YNode* v = fs.optional("order")) s.order = s_.order(*v, p + ".order");
    if (const YNode* v = fs.required("points")) read_points(*v, p + ".points", s);
    read_source_ref(fs, p, s.source);
    if (const YNode* v = fs.optional("note")) s.note = s_.text(*v, p + ".note");
    if (const YNode* v = fs.optional("takeaway")) s.takeaway = s_.text(*v, p + ".takeaway");
    fs.finish();
    return true;
  }

  void read_points(const YNode& n, const std::string& p, model::Series& s) {
    if (!n.is_seq()) {
      s_.error(n, p, "expected a list of points ({x: ..., y: ...} items)", describe(n));
      return;
    }
    if (n.items.size() < 2)
      s_.error(n, p, "expected at least 2 points",
               n.items.empty() ? std::string("an empty list") : std::string("1 point"));
    for (std::size_t i = 0; i < n.items.size() && !s_.diags().full(); ++i) {
      std::string pp = p + "[" + std::to_string(i) + "]";
      Fields fs = s_.fields(*n.items[i], pp, "a point: a map with x and y");
      if (!fs.ok()) continue;
      model::SeriesPoint pt;
      if (const YNode* x = fs.required("x")) {
        if (x->is_map()) {
          pt.x = s_.text(*x, pp + ".x");
          pt.x_bilingual = true;
        } else {
          std::string label = s_.plain_text(*x, pp + ".x", "expected a string or a {zh, en} map");
          pt.x = Text{label, label};
        }
      }
      if (const YNode* y = fs.required("y")) pt.y = s_.value(*y, pp + ".y", s.unit);
      fs.finish();
      s.points.push_back(std::move(pt));
    }
  }

  bool read_highlight(const YNode& n, const std::string& p, model::Highlight& h) {
    Fields fs = s_.fields(n, p, "a highlight: a map with text and source");
    if (!fs.ok()) return false;
    if (const YNode* v = fs.required("text")) {
      h.text = s_.text(*v, p + ".text");
      h.at = {v->line, v->col};
    }
    read_source_ref(fs, p, h.source);
    if (const YNode* v = fs.optional("key")) {
      if (v->is_scalar() && !v->quoted && (v->value == "true" || v->value == "false"))
        h.key = v->value == "true";
      else
        s_.error(*v, p + ".key", "expected true or false", describe(*v));
    }
    fs.finish();
    return true;
  }

  void read_id(Fields& fs, const std::string& p, std::string& out) {
    if (const YNode* v = fs.required("id")) {
      out = s_.id(*v, p + ".id");
      id_nodes_.push_back(v);
    } else {
      out.clear();
    }
  }

  void read_source_ref(Fields& fs, const std::string& p, std::string& out) {
    if (const YNode* v = fs.required("source")) {
      out = s_.plain_text(*v, p + ".source", "expected the id of an entry in sources");
      if (!out.empty()) refs_.push_back({v, p + ".source", out});
    }
  }

  /// Every `source:` must name an entry of `sources` (checked once all sources are read).
  void check_sources(const model::Facts& f) {
    std::set<std::string> ids;
    for (const auto& s : f.sources) ids.insert(s.id);
    for (const auto& r : refs_) {
      if (ids.count(r.id)) continue;
      std::string found = base::quote_excerpt(r.id, 64);
      if (auto sug = suggest(r.id, ids)) found += "; did you mean '" + *sug + "'?";
      s_.error(*r.node, r.path, "expected the id of an entry in sources", found);
    }
  }

  /// A metric's own date may not be later than the date the whole file is current to.
  void check_dates(const model::Facts& f) {
    if (!f.zone.as_of.ok()) return;
    for (const auto& d : dates_)
      if (f.zone.as_of < d.date)
        s_.error(*d.node, d.path, "expected a date no later than zone.as_of (" + f.zone.as_of.iso() + ")",
                 d.date.iso());
  }

  struct Ref {
    const YNode* node;
    std::string path;
    std::string id;
  };
  struct DateRef {
    const YNode* node;
    std::string path;
    model::Date date;
  };

  Schema& s_;
  const FactsOptions& opt_;
  std::string stem_;
  std::vector<const YNode*> id_nodes_;
  std::vector<Ref> refs_;
  std::vector<DateRef> dates_;             // metric dates, checked against zone.as_of at the end
  std::map<int, const YNode*> headlines_;  // headline number → where it was first given
};

std::string stem_of(const std::string& file) { return std::filesystem::path(file).stem().string(); }

}  // namespace

std::optional<YamlDoc> parse_input(std::string_view text, const std::string& file, const FactsLimits& limits,
                                   base::Diagnostics& errors) {
  if (text.size() > limits.max_file_bytes) {
    errors.add(base::Diagnostic::whole_file(
        file, "expected a file of at most " + std::to_string(limits.max_file_bytes) + " bytes",
        std::to_string(text.size()) + " bytes"));
    return std::nullopt;
  }
  if (!check_encoding(text, file, errors)) return std::nullopt;
  return parse_yaml(text, file, limits.yaml, errors);
}

std::optional<std::string> read_input(const base::Env& env, const std::filesystem::path& path,
                                      const FactsLimits& limits, base::Diagnostics& errors) {
  auto bytes = env.read_file(path, limits.max_file_bytes);
  if (bytes.too_large) {
    errors.add(base::Diagnostic::whole_file(
        path.string(), "expected a file of at most " + std::to_string(limits.max_file_bytes) + " bytes",
        std::to_string(bytes.size) + " bytes"));
    return std::nullopt;
  }
  if (!bytes.error.empty()) {
    errors.add(base::Diagnostic::whole_file(path.string(), "expected a readable file", bytes.error));
    return std::nullopt;
  }
  return std::move(bytes.data);
}

FactsResult load_facts_text(std::string_view text, const std::string& file, const FactsOptions& options) {
  FactsResult r{std::nullopt, base::Diagnostics(options.limits.max_errors)};
  auto doc = parse_input(text, file, options.limits, r.errors);
  if (!doc) return r;
  Schema schema(file, options.limits.max_text_chars, r.errors);
  schema.check_duplicate_keys(*doc);
  FactsReader reader(schema, options, stem_of(file));
  auto facts = reader.read(doc->root());
  r.errors.sort_by_position();
  if (facts && r.errors.empty()) {
    facts->file = file;
    r.facts = std::move(facts);
  }
  return r;
}

FactsResult load_facts_file(const base::Env& env, const std::filesystem::path& path, const FactsOptions& options) {
  FactsResult r{std::nullopt, base::Diagnostics(options.limits.max_errors)};
  auto text = read_input(env, path, options.limits, r.errors);
  if (!text) return r;
  return load_facts_text(*text, path.string(), options);
}

}  // namespace zb::load
