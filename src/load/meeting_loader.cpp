// Meeting loader: raw bytes → guarded YAML tree → model::Meeting, with the facts files' rules
// (bilingual texts, ids, dates, unknown keys, file:line:col errors, all of them at once).
#include "load/meeting_loader.h"

#include <map>

#include "load/schema.h"

namespace zb::load {
namespace {

/// Walks the YAML tree against the meeting schema, collecting diagnostics.
class MeetingReader {
 public:
  MeetingReader(Schema& s, const FactsOptions& opt, std::string stem) : s_(s), opt_(opt), stem_(std::move(stem)) {}

  std::optional<model::Meeting> read(const YNode& root) {
    model::Meeting m;
    Fields top = s_.fields(root, "", "a map with the keys meeting, zones, compare, points");
    if (!top.ok()) return std::nullopt;
    if (const YNode* v = top.required("meeting")) read_meeting(*v, m);
    if (const YNode* v = top.required("zones")) read_zones(*v, m);
    if (const YNode* v = top.optional("compare")) read_compare(*v, m);
    if (const YNode* v = top.optional("points")) read_points(*v, m);
    top.finish();
    if (!s_.diags().empty()) return std::nullopt;
    return m;
  }

 private:
  void read_meeting(const YNode& n, model::Meeting& m) {
    Fields fs = s_.fields(n, "meeting", "a map with the meeting's id, title and date");
    if (!fs.ok()) return;
    if (const YNode* v = fs.required("id")) {
      m.id = s_.id(*v, "meeting.id");
      if (!m.id.empty() && m.id != stem_)
        s_.error(*v, "meeting.id", "expected the file name stem " + base::quote_excerpt(stem_, 64),
                 base::quote_excerpt(m.id, 64));
    }
    if (const YNode* v = fs.required("title")) m.title = s_.text(*v, "meeting.title");
    if (const YNode* v = fs.required("date")) m.date = s_.date(*v, "meeting.date").value_or(model::Date{});
    if (const YNode* v = fs.optional("audience")) m.audience = s_.text(*v, "meeting.audience");
    if (const YNode* v = fs.optional("prepared_by")) m.prepared_by = s_.text(*v, "meeting.prepared_by");
    if (const YNode* v = fs.optional("marking")) m.marking = s_.text(*v, "meeting.marking");
    if (const YNode* v = fs.optional("lang")) read_lang(*v, m);
    fs.finish();
  }

  void read_lang(const YNode& n, model::Meeting& m) {
    const std::string expected = "expected a language mode: zh+en, en+zh, zh, en or side-by-side";
    const std::string w = s_.plain_text(n, "meeting.lang", expected);
    if (w.empty()) return;
    if (auto mode = model::parse_lang_mode(w)) {
      m.lang = *mode;
      return;
    }
    std::string found = describe(n);
    if (auto sug = suggest(w, {"zh+en", "en+zh", "zh", "en", "side-by-side"}))
      found += "; did you mean '" + *sug + "'?";
    s_.error(n, "meeting.lang", expected, found);
  }

  void read_zones(const YNode& n, model::Meeting& m) {
    if (!n.is_seq()) {
      s_.error(n, "zones", "expected a list of zone ids (\"- ...\" items)", describe(n));
      return;
    }
    if (n.items.empty() || n.items.size() > kMaxMeetingZones)
      s_.error(n, "zones", "expected 1 to " + std::to_string(kMaxMeetingZones) + " zones",
               std::to_string(n.items.size()) + " zones");
    std::map<std::string, int> seen;  // id → line of its first entry
    for (std::size_t i = 0; i < n.items.size() && !s_.diags().full(); ++i) {
      const YNode& item = *n.items[i];
      const std::string p = "zones[" + std::to_string(i) + "]";
      model::MeetingZone z;
      z.at = {item.line, item.col};
      const YNode* id_node = &item;
      if (item.is_map()) {
        Fields fs = s_.fields(item, p, "a zone id, or a map with id and layout");
        id_node = fs.required("id");
        if (const YNode* v = fs.optional("layout")) read_layout(*v, p + ".layout", z);
        fs.finish();
        if (!id_node) continue;
        z.id = s_.id(*id_node, p + ".id", "a zone id");
      } else {
        z.id = s_.id(item, p, "a zone id");
      }
      if (z.id.empty()) continue;
      auto [it, fresh] = seen.emplace(z.id, id_node->line);
      if (!fresh) {
        s_.error(*id_node, p, "expected a zone not already in the list",
                 base::quote_excerpt(z.id, 64) + " again; first at line " + std::to_string(it->second));
        continue;
      }
      m.zones.push_back(std::move(z));
    }
  }

  void read_layout(const YNode& n, const std::string& p, model::MeetingZone& z) {
    const std::string name = s_.id(n, p, "the name of a layout");
    if (name.empty()) return;
    z.layout = name;
    if (!opt_.known_layouts || opt_.known_layouts->count(name)) return;
    std::string names;
    for (const auto& l : *opt_.known_layouts) names += (names.empty() ? "" : ", ") + l;
    std::string found = base::quote_excerpt(name);
    if (auto sug = suggest(name, *opt_.known_layouts)) found += "; did you mean '" + *sug + "'?";
    s_.error(n, p, "expected the name of a layout in the layouts folder (" + names + ")", found);
  }

  void read_compare(const YNode& n, model::Meeting& m) {
    if (!n.is_seq()) {
      s_.error(n, "compare", "expected a list of metric ids", describe(n));
      return;
    }
    m.compare.emplace();
    std::map<std::string, int> seen;  // id → the line it is first listed on
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      const std::string p = "compare[" + std::to_string(i) + "]";
      const std::string id = s_.id(*n.items[i], p, "a metric id");
      if (id.empty()) continue;
      if (auto [it, fresh] = seen.emplace(id, n.items[i]->line); !fresh) {
        s_.error(*n.items[i], p, "expected a metric not already in the list",
                 base::quote_excerpt(id, 64) + " again; first at line " + std::to_string(it->second));
        continue;
      }
      m.compare->push_back({id, {n.items[i]->line, n.items[i]->col}});
    }
  }

  void read_points(const YNode& n, model::Meeting& m) {
    if (!n.is_seq()) {
      s_.error(n, "points", "expected a list of talking points ({zh: ..., en: ...} items)", describe(n));
      return;
    }
    for (std::size_t i = 0; i < n.items.size(); ++i)
      m.points.push_back(s_.text(*n.items[i], "points[" + std::to_string(i) + "]"));
  }

  Schema& s_;
  const FactsOptions& opt_;
  std::string stem_;
};

}  // namespace

MeetingResult load_meeting_text(std::string_view text, const std::string& file, const FactsOptions& options) {
  MeetingResult r{std::nullopt, base::Diagnostics(options.limits.max_errors)};
  auto doc = parse_input(text, file, options.limits, r.errors);
  if (!doc) return r;
  Schema schema(file, options.limits.max_text_chars, r.errors);
  schema.check_duplicate_keys(*doc);
  MeetingReader reader(schema, options, std::filesystem::path(file).stem().string());
  auto meeting = reader.read(doc->root());
  r.errors.sort_by_position();
  if (meeting && r.errors.empty()) {
    meeting->file = file;
    r.meeting = std::move(meeting);
  }
  return r;
}

MeetingResult load_meeting_file(const base::Env& env, const std::filesystem::path& path, const FactsOptions& options) {
  MeetingResult r{std::nullopt, base::Diagnostics(options.limits.max_errors)};
  auto text = read_input(env, path, options.limits, r.errors);
  if (!text) return r;
  return load_meeting_text(*text, path.string(), options);
}

bool looks_like_meeting(std::string_view text) {
  // Parsed within the input limits; a file that does not parse is left to the zone loader,
  // which reports why.
  base::Diagnostics ignored;
  auto doc = parse_input(text, "", FactsLimits{}, ignored);
  if (!doc || !doc->root().is_map()) return false;
  const YNode& root = doc->root();
  for (std::size_t i = 0; i < root.map_size(); ++i)
    if (root.key(i).is_scalar() && root.key(i).value == "meeting") return true;
  return false;
}

}  // namespace zb::load
