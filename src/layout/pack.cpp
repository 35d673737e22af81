// Meeting packs: the pack's own pages (cover, contents, talking points, comparison, sources) set
// with the briefing's type and arrangements, each zone composed in its layout citing the pack's
// one list of sources, then every page stamped with the marking and the pack's page numbers.
#include "layout/pack.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "chart/format.h"
#include "layout/arrangement.h"
#include "layout/compose.h"
#include "layout/flow.h"

namespace zb::layout {
namespace {

using chart::Lang;
using text::Span;

/// At most this many zones side by side in one comparison table (more make further tables).
constexpr std::size_t kCompareColumns = 4;

std::vector<Lang> langs_of(model::LangMode m) {
  switch (m) {
    case model::LangMode::en_zh:
      return {Lang::en, Lang::zh};
    case model::LangMode::zh:
      return {Lang::zh};
    case model::LangMode::en:
      return {Lang::en};
    case model::LangMode::zh_en:
    case model::LangMode::side_by_side:
      break;
  }
  return {Lang::zh, Lang::en};
}

/// "2026年12月3日 星期四" / "Thursday, 3 December 2026".
Bilingual date_with_weekday(const model::Date& d) {
  static const char* kZh[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  const std::chrono::weekday w{std::chrono::sys_days{d.ymd()}};
  std::tm tm{};
  tm.tm_wday = static_cast<int>(w.c_encoding());
  return {chart::format_date(d, Lang::zh) + " " + kZh[w.c_encoding()],
          fmt::format(std::locale::classic(), "{:%A}", tm) + ", " + chart::format_date(d, Lang::en)};
}

/// What identifies a source across zones: its URL, else its publisher, title and date.
std::string source_key(const model::Source& s) {
  if (!s.url.empty()) return "url\x1f" + s.url;
  return s.publisher.zh + "\x1f" + s.title.zh + "\x1f" + (s.date ? s.date->iso() : "");
}

const model::Metric* metric_of(const model::Facts& f, const std::string& id) {
  for (const auto& m : f.metrics)
    if (m.id == id) return &m;
  return nullptr;
}

/// Sets the pack: its own pages, its zones, its sources, then stamps and joins them.
class PackBuilder {
 public:
  PackBuilder(const text::FontBook& fonts, const model::Meeting& m, const std::vector<PackZone>& zones,
              const model::Layout& style, const PackOptions& o)
      : fonts_(fonts), m_(m), zones_(zones), l_(style), o_(o), v_(voices(fonts, style)), langs_(langs_of(o.lang)) {
    const Marks marks{style.accent, style.type.marker_scale, style.type.marker_rise};
    if (o.lang == model::LangMode::side_by_side)
      arrange_ = side_by_side(marks, v_.heading);
    else
      arrange_ = stacked(langs_, marks, v_.heading, std::nullopt);
  }

  frame::Document build(std::vector<PackSection>* sections_out) {
    std::vector<Part> parts;
    parts.push_back({cover(), {{{"封面", "Cover"}, 0}}});
    parts.push_back({frame::Document{}, {{{"目录", "Contents"}, 0}}});  // set once pages are known
    if (auto brief = points_and_comparison()) parts.push_back(std::move(*brief));
    for (auto& z : zone_sections()) parts.push_back(std::move(z));
    parts.push_back({sources(), {{{"来源", "Sources"}, 0}}});

    std::vector<PackSection> sections;
    int page = 2;  // the cover and the contents come first, one page each
    for (std::size_t i = 2; i < parts.size(); ++i) {
      for (const auto& s : parts[i].sections) sections.push_back({s.title.zh, s.title.en, page + s.page});
      page += static_cast<int>(parts[i].doc.pages.size());
    }
    parts[1].doc = contents(sections);
    if (sections_out) *sections_out = sections;
    return join(parts, page);
  }

 private:
  /// A stretch of the pack: its pages, its title (for contents and bookmarks) and its page setup.
  /// A section of a part: its title and the page of the part it starts on.
  struct Section {
    Bilingual title;
    int page = 0;
  };
  struct Part {
    frame::Document doc;
    std::vector<Section> sections;  ///< for the bookmarks, and the contents (but the cover's and its own)
  };

  Flow flow(const std::string& field) const { return Flow(fonts_, page_setup(l_), {m_.file, field}); }
  frame::Document finish(const Flow& f) const { return f.finish({}, Running{}); }
  const std::string& in(const model::Text& t, Lang l) const { return l == Lang::zh ? t.zh : t.en; }
  Bilingual both(const model::Text& t) const { return {t.zh, t.en}; }
  /// "zh · en" in the pack's language order (once when there is one language).
  std::string joined(const Bilingual& b) const {
    std::string out;
    for (Lang l : langs_) out += (out.empty() ? "" : " · ") + (l == Lang::zh ? b.zh : b.en);
    return out;
  }

  frame::Document cover() const {
    Flow f = flow("meeting");
    const text::RoleId heading = fonts_.require_role("heading"), body = fonts_.require_role("body");
    text::ParagraphStyle st;
    st.zh = langs_.front() == Lang::zh;
    st.balance = true;
    st.line_height = 14;
    double kicker_before = 150;
    if (m_.marking) {  // the marking stands out on the cover, not only in the running head
      f.paragraph({Span{joined(both(*m_.marking)), heading, 11, l_.ink.warning}}, st, 0, 0);
      kicker_before -= st.line_height;
    }
    f.paragraph({Span{joined({"会议材料", "Meeting pack"}), body, 10, l_.accent}}, st, kicker_before, 10);
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      text::ParagraphStyle t = st;
      t.zh = langs_[i] == Lang::zh;
      const double size = i == 0 ? 26 : 16;
      t.line_height = size * 1.4;
      f.paragraph({Span{in(m_.title, langs_[i]), heading, size, i == 0 ? l_.ink.text : l_.ink.muted}}, t,
                  i == 0 ? 0 : 4, 0);
    }
    f.rule(l_.accent, 1.2, 18, 18);
    cover_line(f, date_with_weekday(m_.date), 12, l_.ink.text);
    if (m_.audience) cover_line(f, {"参会：" + m_.audience->zh, "Audience: " + m_.audience->en}, 10.5, l_.ink.text);
    if (m_.prepared_by)
      cover_line(f, {"编制：" + m_.prepared_by->zh, "Prepared by: " + m_.prepared_by->en}, 10.5, l_.ink.text);
    text::ParagraphStyle z = st;
    z.line_height = 16;
    f.paragraph({Span{joined({"涉及开发区", "Zones"}), heading, 10.5, l_.ink.text}}, z, 22, 4);
    for (const auto& zone : zones_) cover_line(f, both(zone.facts->zone.name), 10, l_.ink.muted);
    return finish(f);
  }

  void cover_line(Flow& f, const Bilingual& b, double size, frame::Color ink) const {
    const text::RoleId body = fonts_.require_role("body");
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      text::ParagraphStyle st;
      st.zh = langs_[i] == Lang::zh;
      st.line_height = size * 1.5;
      f.paragraph(
          {Span{langs_[i] == Lang::zh ? b.zh : b.en, body, i == 0 ? size : size - 1, i == 0 ? ink : l_.ink.muted}}, st,
          i == 0 ? 4 : 0, 0, i + 1 < langs_.size());
    }
  }

  /// The contents: a line per section with its page number, the whole line a link to it.
  frame::Document contents(const std::vector<PackSection>& sections) const {
    Flow f = flow("meeting");
    arrange_->heading(f, {"目录", "Contents"}, v_.heading, "", 0);
    frame::Document doc = finish(f);
    frame::Page& page = doc.pages.front();
    const PageSetup ps = page_setup(l_);
    const double measure = ps.width - ps.margin_left - ps.margin_right;
    double y = ps.margin_top + 70;
    const text::RoleId body = fonts_.require_role("body");
    for (const auto& s : sections) {
      std::vector<Span> spans;
      for (std::size_t i = 0; i < langs_.size(); ++i)
        spans.push_back(Span{(i ? "  " : "") + (langs_[i] == Lang::zh ? s.zh : s.en), body, i == 0 ? 11.0 : 10.0,
                             i == 0 ? l_.ink.text : l_.ink.muted});
      text::ParagraphStyle st;
      st.zh = langs_.front() == Lang::zh;
      st.width = measure - 40;
      st.line_height = 18;
      const auto p = text::layout_paragraph(fonts_, spans, st, {m_.file, "contents"});
      for (std::size_t i = 0; i < p.lines.size(); ++i)
        text::emit_line(p, i, ps.margin_left, y + 13 + 18.0 * static_cast<double>(i), page.items, page.links);
      text::ParagraphStyle num;
      num.width = 40;
      num.align = text::Align::right;
      const auto n = text::layout_paragraph(fonts_, {Span{std::to_string(s.page + 1), body, 11, l_.ink.text}}, num,
                                            {m_.file, "contents"});
      text::emit_line(n, 0, ps.margin_left + measure - 40, y + 13, page.items, page.links);
      const double h = 18.0 * static_cast<double>(std::max<std::size_t>(1, p.lines.size())) + 6;
      page.items.push_back(rule_path(ps.margin_left, y + h, measure));
      page.links.push_back(frame::Link{{ps.margin_left, y, measure, h}, "", s.page, 0});
      y += h + 4;
    }
    return doc;
  }

  frame::Path rule_path(double x, double y, double w) const {
    frame::Path p;
    p.ops.push_back({frame::PathOp::Kind::move, {{x, y}}});
    p.ops.push_back({frame::PathOp::Kind::line, {{x + w, y}}});
    p.stroke = frame::Stroke{{0.85, 0.87, 0.9}, 0.5};
    return p;
  }

  /// The talking points and the comparison, one after the other (a page each would leave both
  /// mostly empty); nullopt when the meeting has neither.
  std::optional<Part> points_and_comparison() {
    const auto compared = compared_metrics(m_, zones_);
    if (m_.points.empty() && compared.empty()) return std::nullopt;
    Flow f = flow("points");
    const Bilingual points_title{"谈话要点", "Talking points"}, compare_title{"开发区对比", "The zones compared"};
    if (!m_.points.empty()) points(f, points_title);
    if (!compared.empty()) comparison(f, compared, compare_title);
    Part part{finish(f), {}};
    // The headings' bookmarks say where each section landed; the pack makes its own.
    for (const auto& b : part.doc.bookmarks)
      for (const auto* t : {&points_title, &compare_title})
        if (b.title == t->zh + " / " + t->en) part.sections.push_back({*t, b.page});
    part.doc.bookmarks.clear();
    return part;
  }

  void points(Flow& f, const Bilingual& title) const {
    arrange_->heading(f, title, v_.heading, title.zh + " / " + title.en, 0);
    const ItemStyle item{l_.space.indent + 6, l_.space.highlights + 4, l_.space.highlights + 5, true, "•"};
    for (std::size_t i = 0; i < m_.points.size(); ++i) {
      f.set_context({m_.file, "points[" + std::to_string(i) + "]"});
      ItemStyle numbered = item;
      numbered.bullet = std::to_string(i + 1) + ".";
      arrange_->item(f, both(m_.points[i]), v_.body, numbered, std::nullopt, i == 0);
    }
  }

  /// A cell's lines: each language's value (once when they read the same), then its date.
  /// The number of `src` in the pack's list, given on first sight (the list is in reading order).
  int cite(const model::Source& src) {
    auto [it, fresh] = numbers_.emplace(source_key(src), static_cast<int>(list_.size()) + 1);
    if (fresh) list_.push_back(&src);
    return it->second;
  }

  /// A cell's lines: each language's value (once when they read the same), the first with its
  /// source marker into the pack's list, then the figure's period or date.
  std::vector<Span> value_cell(const model::Facts& z, const model::Metric* m, const model::TypeStyle& t) {
    const text::RoleId body = fonts_.require_role("body"), strong = fonts_.require_role("strong");
    if (!m) return {Span{"—", body, t.size, l_.ink.muted}};
    std::vector<std::string> values;
    for (Lang l : langs_) {
      std::string v = chart::format_value(m->value, m->unit, l, m->qualifier).text;
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
    const model::Date date = m->date.value_or(z.zone.as_of);
    std::string when;  // the figure's period ("2024年目标 · 2024 target"), else the month it is current to
    for (Lang l : langs_)
      when += (when.empty() ? "" : " · ") + (m->period ? in(*m->period, l) : chart::format_month(date, l));
    std::vector<Span> out;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out.push_back(Span{"\n", body, t.size, l_.ink.text});
      out.push_back(Span{values[i], i == 0 ? strong : body, t.size, i == 0 ? l_.ink.text : l_.ink.muted});
      if (const model::Source* src = i == 0 ? z.find_source(m->source) : nullptr)
        out.push_back(Span{"[" + std::to_string(cite(*src)) + "]", body,
                           std::max(model::kSmallestType, t.size * l_.type.marker_scale), l_.accent,
                           t.size * l_.type.marker_rise});
    }
    out.push_back(Span{"\n", body, t.size, l_.ink.text});
    out.push_back(Span{when, body, t.size - 1.5, l_.ink.muted});
    return out;
  }

  std::vector<Span> label_cell(const Bilingual& b, const model::TypeStyle& t, text::RoleId role) const {
    std::vector<Span> out;
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      if (i) out.push_back(Span{"\n", role, t.size, l_.ink.text});
      out.push_back(Span{langs_[i] == Lang::zh ? b.zh : b.en, role, i == 0 ? t.size : t.size - 1,
                         i == 0 ? l_.ink.text : l_.ink.muted});
      out.back().zh = langs_[i] == Lang::zh;
    }
    return out;
  }

  void comparison(Flow& f, const std::vector<std::string>& ids, const Bilingual& title) {
    f.set_context({m_.file, "compare"});
    arrange_->heading(f, title, v_.heading, title.zh + " / " + title.en, 0);
    const model::TypeStyle& t = l_.type.table;
    const text::RoleId heading = fonts_.require_role("heading"), body = fonts_.require_role("body");
    // Tables of at most kCompareColumns zones, as even as can be (six zones: 3 + 3, not 4 + 2).
    const std::size_t tables = (zones_.size() + kCompareColumns - 1) / kCompareColumns;
    const std::size_t per = (zones_.size() + tables - 1) / tables;
    for (std::size_t from = 0; from < zones_.size(); from += per) {
      const std::size_t to = std::min(zones_.size(), from + per);
      Table table;
      table.zh = langs_.front() == Lang::zh;
      table.line_height = t.leading;
      const double label = 0.28, rest = (1 - label) / static_cast<double>(to - from);
      table.column_fractions.push_back(label);
      table.align.push_back(text::Align::left);
      std::vector<std::vector<Span>> head{label_cell({"指标", "Figure"}, t, heading)};
      for (std::size_t z = from; z < to; ++z) {
        const auto& zone = zones_[z].facts->zone;
        head.push_back(label_cell(both(zone.short_name ? *zone.short_name : zone.name), t, heading));
        table.column_fractions.push_back(rest);
        table.align.push_back(text::Align::right);
      }
      table.rows.push_back(std::move(head));
      for (const auto& id : ids) {
        const model::Metric* any = nullptr;
        for (const auto& z : zones_)
          if (!any) any = metric_of(*z.facts, id);
        if (!any) continue;
        std::vector<std::vector<Span>> row{label_cell(both(any->label), t, body)};
        for (std::size_t z = from; z < to; ++z)
          row.push_back(value_cell(*zones_[z].facts, metric_of(*zones_[z].facts, id), t));
        table.rows.push_back(std::move(row));
      }
      f.table(table, from == 0 ? 6 : 18, 0);
    }
  }

  /// Each zone in its layout, citing the pack's numbers (its sources numbered on first sight,
  /// zones in the meeting's order, each in its own reading order).
  std::vector<Part> zone_sections() {
    std::vector<Part> out;
    for (std::size_t i = 0; i < zones_.size(); ++i) {
      const model::Facts& f = *zones_[i].facts;
      ComposeOptions o;
      o.lang = o_.lang;
      o.date = o_.date;
      if (o_.today) set_age(o, f.zone, *o_.today, o_.max_age_days);
      o.running = false;
      o.source_numbers.emplace();  // no Sources block; numbered as the zone alone would be
      std::vector<std::string> cited;
      o.cited = &cited;
      frame::Document doc = compose_briefing(fonts_, f, *zones_[i].layout, o);
      std::map<std::string, int> numbers;
      bool same = true;
      for (std::size_t k = 0; k < cited.size(); ++k) {
        const model::Source* src = f.find_source(cited[k]);
        if (!src) continue;
        numbers[cited[k]] = cite(*src);
        same = same && numbers[cited[k]] == static_cast<int>(k) + 1;
      }
      if (!same) {  // the pack's numbers differ from the zone's own: set it again with them
        o.source_numbers = numbers;
        o.cited = nullptr;
        doc = compose_briefing(fonts_, f, *zones_[i].layout, o);
      }
      out.push_back({std::move(doc), {{both(f.zone.name), 0}}});
    }
    return out;
  }

  frame::Document sources() const {
    Flow f = flow("sources");
    arrange_->heading(f, {"来源", "Sources"}, v_.heading, "", 0);
    for (std::size_t i = 0; i < list_.size(); ++i) {
      arrange_->source(f, source_entry(*list_[i], static_cast<int>(i) + 1), v_.sources, i == 0 ? 0 : l_.space.notes);
    }
    return finish(f);
  }

  /// Stamps every page (marking, title, "第n页，共m页 · Page n of m" in the pack's numbering) in
  /// the pack's page setup, so heads and feet stand still whatever a zone's layout; the cover,
  /// which states the marking itself, gets only the foot. Joins the parts, with a bookmark per
  /// section.
  frame::Document join(std::vector<Part>& parts, int total) const {
    frame::Document pack;
    pack.fonts = fonts_.fonts();
    const text::RoleId caption = fonts_.require_role("caption");
    const double size = l_.type.caption_size;
    for (auto& part : parts) {
      const int offset = static_cast<int>(pack.pages.size());
      Running running;
      if (m_.marking) running.header_left = {Span{joined(both(*m_.marking)), caption, size, l_.ink.warning}};
      running.header_right = {Span{joined(both(m_.title)), caption, size, l_.ink.muted}};
      running.footer = [&, offset](int n, int) {
        const int k = n + offset;
        return std::vector<Span>{Span{joined({"第" + std::to_string(k) + "页，共" + std::to_string(total) + "页",
                                              "Page " + std::to_string(k) + " of " + std::to_string(total)}),
                                      caption, size, l_.ink.muted}};
      };
      if (offset == 0) running.header_left.clear(), running.header_right.clear();  // the cover
      Flow(fonts_, page_setup(l_), {m_.file, "meeting"}).draw_running(part.doc, running);
      // A zone brings its own bookmarks (its name at the top level); the pack's parts get one.
      const bool own = std::any_of(part.doc.bookmarks.begin(), part.doc.bookmarks.end(),
                                   [](const frame::Bookmark& b) { return b.level == 0 && b.page == 0; });
      if (!own)
        for (const auto& s : part.sections)
          pack.bookmarks.push_back({s.title.zh + " / " + s.title.en, 0, offset + s.page, 0});
      for (auto b : part.doc.bookmarks) {
        b.page += offset;
        if (!own) b.level += 1;
        pack.bookmarks.push_back(std::move(b));
      }
      for (auto& p : part.doc.pages) pack.pages.push_back(std::move(p));
    }
    pack.info.title = m_.title.zh + " / " + m_.title.en;
    pack.info.subject = "会议材料 / Meeting pack, " + m_.date.iso();
    pack.info.author = m_.prepared_by ? m_.prepared_by->zh + " / " + m_.prepared_by->en : "zonebrief";
    std::string keywords = m_.id;
    for (const auto& z : zones_) keywords += ", " + z.facts->zone.id;
    pack.info.keywords = keywords;
    pack.info.creator = "zonebrief";
    pack.info.date = o_.date;
    return pack;
  }

  const text::FontBook& fonts_;
  const model::Meeting& m_;
  const std::vector<PackZone>& zones_;
  const model::Layout& l_;
  const PackOptions o_;
  const Voices v_;
  const std::vector<Lang> langs_;
  std::unique_ptr<Arrangement> arrange_;
  std::map<std::string, int> numbers_;      // source key → its number in the pack
  std::vector<const model::Source*> list_;  // the pack's sources, by number
};

}  // namespace

std::vector<std::string> compared_metrics(const model::Meeting& m, const std::vector<PackZone>& zones) {
  std::vector<std::string> out;
  if (m.compare) {
    for (const auto& c : *m.compare) out.push_back(c.id);
    return out;
  }
  // id → the distinct values the zones give it (value, unit, qualifier, period as written)
  std::map<std::string, std::set<std::string>> values;
  std::map<std::string, int> count;
  for (const auto& z : zones)
    for (const auto& metric : z.facts->metrics) {
      ++count[metric.id];
      values[metric.id].insert(
          metric.value.literal + "\x1f" + std::string(model::name_of(metric.qualifier)) + "\x1f" +
          (metric.unit.code ? std::string(model::name_of(*metric.unit.code)) : metric.unit.label.en) + "\x1f" +
          (metric.period ? metric.period->en : ""));
    }
  // Shared by two or more zones, and not one and the same figure in each (a target set for all
  // the platforms together compares nothing).
  for (const auto& z : zones)
    for (const auto& metric : z.facts->metrics)
      if (count[metric.id] >= 2 && values[metric.id].size() > 1 &&
          std::find(out.begin(), out.end(), metric.id) == out.end())
        out.push_back(metric.id);
  return out;
}

frame::Document compose_pack(const text::FontBook& fonts, const model::Meeting& m, const std::vector<PackZone>& zones,
                             const model::Layout& style, const PackOptions& options,
                             std::vector<PackSection>* sections) {
  PackBuilder b(fonts, m, zones, style, options);
  return b.build(sections);
}

}  // namespace zb::layout
