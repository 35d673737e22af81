// Compose: title block, key-figure cards, charts, highlights and numbered sources, in the
// layout's order and the chosen languages; one-page layouts drop trailing items until they fit.
#include "layout/compose.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "layout/arrangement.h"
#include "layout/flow.h"

namespace zb::layout {
namespace {

using chart::Lang;
using text::Span;

const std::string& in(const model::Text& t, Lang l) { return l == Lang::zh || t.en.empty() ? t.zh : t.en; }

// Spacing, in points.
constexpr double kMetaAround = 4, kStaleAround = 2;             // around the title's meta lines, the stale note
constexpr double kRuleWidth = 1.2, kRuleBefore = 2, kRuleAfter = 4;  // the accent rule under the title
constexpr double kFirstChartBefore = 2;                         // between the Charts heading and the first chart
constexpr double kCompactChart = 0.62;                          // a one-page chart's width, × the measure

/// The roles of the layout's type scale, each as every arrangement sets it.
struct Voices {
  Voice title, heading, compact, meta, stale, body, note, sources;
};

/// Binds each role of the layout's type scale to its font role and inks, for every arrangement.
Voices voices(const text::FontBook& fonts, const model::Layout& l) {
  const model::TypeScale& t = l.type;
  const model::Inks& ink = l.ink;
  const text::RoleId heading = fonts.require_role("heading"), body = fonts.require_role("body");
  auto same = [](text::RoleId font, const model::TypeStyle& s, frame::Color first, frame::Color rest) {
    return Voice{font, s, s, s, s, first, rest};
  };
  Voices v;
  v.title = Voice{heading, t.title, t.subtitle, t.columns.title, t.columns.subtitle, l.accent, ink.muted};
  v.heading = Voice{heading, t.heading, t.heading_translation, t.heading, t.heading, ink.text, ink.muted};
  v.compact = same(heading, t.compact_heading, ink.text, ink.muted);
  v.meta = same(body, t.meta, ink.text, ink.muted);
  v.stale = same(fonts.require_role("strong"), t.meta, ink.warning, ink.warning);
  // A highlight's translation is 1 pt smaller than the body.
  const model::TypeStyle first{t.body_size, t.body_size * t.body_leading};
  const model::TypeStyle translation{t.body_size - 1, (t.body_size - 1) * t.translation_leading};
  const model::TypeStyle column{t.body_size - 1, (t.body_size - 1) * t.columns.translation_leading};
  v.body = Voice{body, first, translation, first, column, ink.text, ink.muted};
  v.note = Voice{body, t.note, t.note_translation, t.note, t.columns.note_translation, ink.text, ink.muted};
  v.sources = same(body, t.sources, ink.text, ink.text);
  return v;
}

/// Per-block limits, lowered step by step when a one-page layout overflows.
struct Limits {
  int metrics = -1, charts = -1, highlights = -1;
};

class Composer {
 public:
  Composer(const text::FontBook& fonts, const model::Facts& f, const model::Layout& l, const ComposeOptions& o)
      : fonts_(fonts), f_(f), l_(l), o_(o), v_(voices(fonts, l)) {
    switch (o.lang) {
      case LangMode::zh_en: langs_ = {Lang::zh, Lang::en}; break;
      case LangMode::en_zh: langs_ = {Lang::en, Lang::zh}; break;
      case LangMode::zh: langs_ = {Lang::zh}; break;
      case LangMode::en: langs_ = {Lang::en}; break;
      case LangMode::side_by_side: langs_ = {Lang::zh, Lang::en}; break;
    }
    const Marks marks{l.accent, l.type.marker_scale, l.type.marker_rise};
    if (o.lang == LangMode::side_by_side) arrange_ = side_by_side(marks, v_.heading);
    else arrange_ = stacked(langs_, marks, v_.heading, l.one_page ? std::optional(v_.compact) : std::nullopt);
    if (!l.palette.empty()) style_.palette = l.palette;
    style_.ink = l.ink.text;  // the charts' words in the layout's inks too
    style_.muted = l.ink.muted;
  }

  /// The blocks of the briefing with these limits, ready to paginate.
  Flow blocks(const Limits& lim) {
    PageSetup page;
    page.width = l_.page_width;
    page.height = l_.page_height;
    page.margin_top = l_.margin_top;
    page.margin_bottom = l_.margin_bottom;
    page.margin_left = l_.margin_left;
    page.margin_right = l_.margin_right;
    Flow flow(fonts_, page, {f_.file, "zone"});
    number_sources(lim);
    for (const auto& b : l_.blocks) {
      switch (b.kind) {
        case model::BlockKind::title: title(flow); break;
        case model::BlockKind::key_figures: key_figures(flow, b, lim.metrics); break;
        case model::BlockKind::charts: charts(flow, b, lim.charts); break;
        case model::BlockKind::highlights: highlights(flow, b, lim.highlights); break;
        case model::BlockKind::sources: sources(flow); break;
        case model::BlockKind::changes: changes(flow); break;
      }
    }
    return flow;
  }

  /// `flow` paginated, with the running header and footer and the document information.
  frame::Document paginate(const Flow& flow, double gap_scale = 1.0) const {
    Running running;
    const model::Text& short_name = f_.zone.short_name ? *f_.zone.short_name : f_.zone.name;
    std::string left;
    for (std::size_t i = 0; i < langs_.size(); ++i) left += (i ? " · " : "") + in(short_name, langs_[i]);
    running.header_left = {Span{left, role("caption"), l_.type.caption_size, l_.ink.muted}};
    std::string right;
    for (std::size_t i = 0; i < langs_.size(); ++i)
      right += (i ? " · " : "") + std::string(langs_[i] == Lang::zh ? "截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                                                      : "As of " + chart::format_date(f_.zone.as_of, Lang::en));
    running.header_right = {Span{right, role("caption"), l_.type.caption_size, l_.ink.muted}};
    auto langs = langs_;
    running.footer = [this, langs](int n, int m) {
      std::string s;
      for (std::size_t i = 0; i < langs.size(); ++i)
        s += (i ? " · " : "") + (langs[i] == Lang::zh ? "第 " + std::to_string(n) + " 页，共 " + std::to_string(m) + " 页"
                                                       : "Page " + std::to_string(n) + " of " + std::to_string(m));
      return std::vector<Span>{Span{s, role("caption"), l_.type.caption_size, l_.ink.muted}};
    };
    frame::Info info;
    info.title = f_.zone.name.zh + " / " + f_.zone.name.en;
    info.subject = "开发区简报 / Development zone briefing, " + f_.zone.as_of.iso();
    info.keywords = f_.zone.name.zh + ", " + f_.zone.name.en + ", " + f_.zone.id;
    info.author = "zonebrief";
    info.creator = "zonebrief";
    info.date = o_.date;
    return flow.finish(info, running, gap_scale);
  }

 private:
  /// How many items of a block are shown: the block's `max`, then the one-page limit.
  std::size_t shown(std::size_t available, const model::Block& b, int limit) const {
    std::size_t n = available;
    if (b.max > 0) n = std::min<std::size_t>(n, static_cast<std::size_t>(b.max));
    if (limit >= 0) n = std::min<std::size_t>(n, static_cast<std::size_t>(limit));
    return n;
  }

  /// Numbers [1], [2], ... only the sources that something shown cites, in the order a reader
  /// meets them (blocks in the layout's order); the Sources block lists exactly those.
  void number_sources(const Limits& lim) {
    source_no_.clear();
    numbered_.clear();
    auto cite = [&](const std::string& id) {
      if (source_no_.count(id)) return;
      const auto* src = f_.find_source(id);
      if (!src) return;  // the loader reports a dangling source; nothing to number
      numbered_.push_back(src);
      source_no_[id] = static_cast<int>(numbered_.size());
    };
    for (const auto& b : l_.blocks) {
      if (b.kind == model::BlockKind::key_figures)
        for (std::size_t i = 0; i < shown(f_.metrics.size(), b, lim.metrics); ++i) cite(f_.metrics[i].source);
      if (b.kind == model::BlockKind::charts)
        for (std::size_t i = 0; i < shown(f_.series.size(), b, lim.charts); ++i) cite(f_.series[i].source);
      if (b.kind == model::BlockKind::highlights)
        for (std::size_t i = 0; i < shown(f_.highlights.size(), b, lim.highlights); ++i) cite(f_.highlights[i].source);
    }
  }

  text::RoleId role(const char* r) const { return fonts_.require_role(r); }
  bool bilingual() const { return langs_.size() > 1; }
  chart::Languages chart_langs() const { return {langs_.front(), bilingual()}; }
  std::string marker(const std::string& source_id) const {
    auto it = source_no_.find(source_id);
    return it == source_no_.end() ? "" : "[" + std::to_string(it->second) + "]";
  }

  void title(Flow& flow) {
    flow.set_context({f_.file, "zone.name", f_.zone.name_at.line, f_.zone.name_at.col});
    const model::Text& name = f_.zone.name;
    arrange_->heading(flow, {name.zh, name.en}, v_.title, name.zh + " / " + name.en, 0);
    // Region and as-of date, and the stale note.
    flow.set_context({f_.file, "zone.region", f_.zone.region_at.line, f_.zone.region_at.col});
    arrange_->lines(flow, {meta_line(Lang::zh), meta_line(Lang::en)}, v_.meta, kMetaAround);
    if (o_.stale_days) arrange_->lines(flow, {stale_line(Lang::zh), stale_line(Lang::en)}, v_.stale, kStaleAround);
    flow.rule(l_.accent, kRuleWidth, kRuleBefore, kRuleAfter);
  }

  /// The region and the as-of date in `l`: "<地区>　数据截至<日期>" / "<region> · Facts as of <date>".
  std::string meta_line(Lang l) const {
    std::string part;
    if (f_.zone.region) part = in(*f_.zone.region, l) + (l == Lang::zh ? "　" : " · ");
    return part + (l == Lang::zh ? "数据截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                 : "Facts as of " + chart::format_date(f_.zone.as_of, Lang::en));
  }

  /// The note that the facts are older than allowed (only when stale_days is set).
  std::string stale_line(Lang l) const {
    const std::string days = std::to_string(*o_.stale_days);
    return l == Lang::zh ? "注意：数据截至" + chart::format_date(f_.zone.as_of, Lang::zh) + "，已超过" + days + "天，可能已过时。"
                         : "Note: these facts date from " + chart::format_date(f_.zone.as_of, Lang::en) + ", more than " +
                               days + " days ago, and may be out of date.";
  }

  void key_figures(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.metrics.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"关键指标", "Key figures"}, /*across=*/true);
    const int cols = std::max(1, b.columns);
    const double gap = l_.space.cards, w = (flow.measure() - gap * (cols - 1)) / cols;
    // One size for every big value of the block, so figures read alike down the page.
    double block_size = l_.type.figure_size;
    for (std::size_t k = 0; k < n; ++k)
      block_size = std::min(block_size, chart::card_value_size(fonts_, f_.metrics[k], w, style_, chart_langs(),
                                                               {f_.file, "metrics[" + std::to_string(k) + "]", f_.metrics[k].at.line, f_.metrics[k].at.col}));
    for (std::size_t i = 0; i < n; i += static_cast<std::size_t>(cols)) {
      // Drawn once to learn where each card's value starts, then with what the row shares (the
      // value line; the block's value size), and once more with a common height if they differ.
      auto draw_row = [&](const chart::CardRow& shared) {
        std::vector<chart::Chart> row;
        for (std::size_t k = i; k < std::min(n, i + static_cast<std::size_t>(cols)); ++k) {
          model::Metric m = f_.metrics[k];
          // The source marker once per card, on the first language's label (no space in Chinese).
          if (langs_.front() == Lang::zh) m.label.zh += marker(m.source);
          else if (!m.label.en.empty()) m.label.en += " " + marker(m.source);
          text::TextContext ctx{f_.file, "metrics[" + std::to_string(k) + "]", f_.metrics[k].at.line, f_.metrics[k].at.col};
          row.push_back(chart::draw_card(fonts_, m, w, style_, chart_langs(), ctx, shared));
        }
        return row;
      };
      chart::CardRow shared;
      shared.value_size = block_size;
      for (const auto& c : draw_row(shared)) shared.value_top = std::max(shared.value_top, c.value_top);
      std::vector<chart::Chart> row = draw_row(shared);
      double h = 0;
      for (const auto& c : row) h = std::max(h, c.height);
      if (std::any_of(row.begin(), row.end(), [&](const auto& c) { return c.height != h; })) {
        shared.height = h;
        row = draw_row(shared);
      }
      std::vector<frame::Item> cards;  // each card a group at its place in the row
      for (std::size_t k = 0; k < row.size(); ++k)
        cards.push_back(frame::Group{{l_.margin_left + static_cast<double>(k) * (w + gap), 0}, std::move(row[k].items), {}});
      flow.set_context({f_.file, "metrics[" + std::to_string(i) + "]", f_.metrics[i].at.line, f_.metrics[i].at.col});
      flow.box(h, std::move(cards), i == 0 ? 0 : gap, 0, false);
    }
  }

  void charts(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.series.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"图表", "Charts"}, /*across=*/true);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& s = f_.series[i];
      // Per language: "来源：[n] 出版方。注：……" then "Source: [n] Publisher. Note: ...".
      std::string source;
      const auto* src = f_.find_source(s.source);
      for (std::size_t k = 0; k < langs_.size() && src; ++k) {
        const bool zh = langs_[k] == Lang::zh;
        std::string part = std::string(zh ? "来源：" : "Source: ") + marker(s.source) + " " + in(src->publisher, langs_[k]);
        if (s.note && !l_.one_page) {  // a one-page layout has no room for notes
          std::string note = in(*s.note, langs_[k]);
          part += zh ? "。注：" + note : ". Note: " + note;
        }
        source += (k ? "\n" : "") + part;
      }
      text::TextContext ctx{f_.file, "series[" + std::to_string(i) + "]", s.at.line, s.at.col};
      // A one-page layout gets a compact chart (its plot height follows its width).
      double width = l_.one_page ? flow.measure() * kCompactChart : flow.measure();
      auto c = chart::draw_series(fonts_, s, source, width, style_, chart_langs(), ctx);
      flow.set_context(ctx);  // a chart too tall for a page names its series
      std::vector<frame::Item> chart;
      chart.push_back(frame::Group{{l_.margin_left, 0}, std::move(c.items), {}});
      flow.box(c.height, std::move(chart), i == 0 ? kFirstChartBefore : l_.space.charts, 0, false);
    }
  }

  void highlights(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.highlights.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"要点", "Highlights"}, /*across=*/false);
    // Chinese justified; side by side one point further apart.
    const ItemStyle highlight{l_.space.indent, l_.space.highlights, l_.space.highlights + 1, true};
    for (std::size_t i = 0; i < n; ++i) {
      const auto& h = f_.highlights[i];
      flow.set_context({f_.file, "highlights[" + std::to_string(i) + "].text", h.at.line, h.at.col});
      arrange_->item(flow, {h.text.zh, h.text.en}, v_.body, highlight, marker(h.source), i == 0);
    }
  }

  void changes(Flow& flow) {
    if (!o_.changes) return;  // no last edition to compare with
    arrange_->section(flow, {"本期变化", "Changes since last edition"}, /*across=*/false);
    flow.set_context({f_.file, "changes"});
    std::vector<std::pair<std::string, std::string>> lines = *o_.changes;
    if (lines.empty()) lines.push_back({"与上期相比，各项数据没有变化。", "No figure has changed since the last edition."});
    const ItemStyle change{l_.space.indent, l_.space.notes, l_.space.notes, false};
    for (std::size_t i = 0; i < lines.size(); ++i)
      arrange_->item(flow, {lines[i].first, lines[i].second}, v_.note, change, std::nullopt, i == 0);
  }

  void sources(Flow& flow) {
    if (numbered_.empty()) return;
    arrange_->section(flow, {"来源", "Sources"}, /*across=*/false);
    for (std::size_t i = 0; i < numbered_.size(); ++i) {
      const auto& src = *numbered_[i];
      flow.set_context({f_.file, "sources[" + std::to_string(&src - f_.sources.data()) + "]", src.at.line, src.at.col});
      SourceEntry e;
      e.number = "[" + std::to_string(i + 1) + "] ";
      e.zh = src.publisher.zh + "《" + src.title.zh + "》";
      if (src.date) e.zh += "，" + chart::format_date(*src.date, Lang::zh);
      e.en = src.publisher.en + (src.title.en.empty() ? "" : ", “" + src.title.en + "”");
      if (src.date) e.en += ", " + chart::format_date(*src.date, Lang::en);
      e.url = src.url;
      e.terminated = src.date || !src.url.empty();
      arrange_->source(flow, e, v_.sources, i == 0 ? 0 : l_.space.notes);
    }
  }

  const text::FontBook& fonts_;
  const model::Facts& f_;
  const model::Layout& l_;
  const ComposeOptions o_;  // a copy: one-pagers make a composer per language mode from a local
  const Voices v_;           // the layout's type scale and inks, role by role
  std::vector<Lang> langs_;
  std::unique_ptr<Arrangement> arrange_;  // how the languages are arranged, chosen once per mode
  std::map<std::string, int> source_no_;
  std::vector<const model::Source*> numbered_;  // the cited sources, in the order of their numbers
  chart::Style style_;
};

}  // namespace

double last_page_fill(const frame::Document& doc, const model::Layout& layout) {
  if (doc.pages.empty()) return 0;
  const double top = layout.margin_top, bottom = layout.page_height - layout.margin_bottom;
  double lowest = top;
  for (const auto& item : frame::flattened(doc.pages.back()).items) {
    if (const auto* t = std::get_if<frame::TextRun>(&item)) {
      if (t->origin.y > top && t->origin.y < bottom) lowest = std::max(lowest, t->origin.y);
    } else if (const auto* p = std::get_if<frame::Path>(&item)) {
      for (const auto& op : p->ops)
        if (op.p[0].y > top && op.p[0].y < bottom) lowest = std::max(lowest, op.p[0].y);
    }
  }
  return (lowest - top) / (bottom - top);
}

namespace {

/// The tightest spacing between blocks copyfitting uses (a fraction of the layout's).
constexpr double kTightGaps = 0.45;

/// A briefing of any length. Copyfitting: a last page that would hold only a few lines (a
/// source or two) is avoided by tightening the space between blocks, never the type or the
/// line spacing.
frame::Document copyfit(Composer& c, const model::Layout& layout) {
  const Flow flow = c.blocks(Limits{});
  frame::Document doc = c.paginate(flow);
  if (doc.pages.size() > 1 && last_page_fill(doc, layout) < 0.25)
    for (double scale : {0.7, kTightGaps}) {
      frame::Document tight = c.paginate(flow, scale);
      if (tight.pages.size() < doc.pages.size()) return tight;
    }
  return doc;
}

/// A composer per language mode (the widest first), to find the limits that fit in all five.
class AllModes {
 public:
  AllModes(const text::FontBook& fonts, const model::Facts& facts, const model::Layout& layout,
           const ComposeOptions& options) {
    for (LangMode m : {LangMode::side_by_side, LangMode::zh_en, LangMode::en_zh, LangMode::zh, LangMode::en}) {
      ComposeOptions o = options;
      o.lang = m;
      modes_.push_back(std::make_unique<Composer>(fonts, facts, layout, o));
    }
  }

  /// Whether every mode sets these limits on one page. A mode may tighten the space between
  /// blocks (as a briefing's last page does) to fit.
  bool fit(const Limits& l) {
    return std::all_of(modes_.begin(), modes_.end(), [&](const auto& m) {
      const Flow flow = m->blocks(l);
      return m->paginate(flow).pages.size() == 1 || m->paginate(flow, kTightGaps).pages.size() == 1;
    });
  }

 private:
  std::vector<std::unique_ptr<Composer>> modes_;
};

/// What the layout shows at most: every item, capped by each block's `max`.
Limits layout_limits(const model::Facts& facts, const model::Layout& layout) {
  Limits l{static_cast<int>(facts.metrics.size()), static_cast<int>(facts.series.size()),
           static_cast<int>(facts.highlights.size())};
  for (const auto& b : layout.blocks) {
    if (b.max <= 0) continue;
    if (b.kind == model::BlockKind::highlights) l.highlights = std::min(l.highlights, b.max);
    if (b.kind == model::BlockKind::charts) l.charts = std::min(l.charts, b.max);
    if (b.kind == model::BlockKind::key_figures) l.metrics = std::min(l.metrics, b.max);
  }
  return l;
}

/// Drops one step from the end of the blocks: highlights down to two, key figures down to one
/// row, the last highlight but one, the charts, the last highlight. False when nothing is left.
bool drop_one(Limits& l) {
  if (l.highlights <= 0 && l.charts <= 0 && l.metrics <= 3) return false;
  if (l.highlights > 2) --l.highlights;
  else if (l.metrics > 3) l.metrics = std::max(3, l.metrics - 3);
  else if (l.highlights > 1) --l.highlights;
  else if (l.charts > 0) --l.charts;
  else --l.highlights;
  return true;
}

/// The limits of a one-page layout: the same content in every language mode — the Chinese and
/// the English one-pager handed out at one meeting must agree. Drops until all modes fit, then
/// gives highlights back one at a time while every mode still holds them (dropping a whole row
/// of cards can free more room than needed).
Limits one_page_limits(AllModes& modes, const model::Facts& facts, const model::Layout& layout) {
  const Limits most = layout_limits(facts, layout);
  Limits lim = most;
  while (!modes.fit(lim) && drop_one(lim)) {
  }
  while (lim.highlights < most.highlights) {
    Limits more = lim;
    ++more.highlights;
    if (!modes.fit(more)) break;
    lim = more;
  }
  return lim;
}

}  // namespace

frame::Document compose_briefing(const text::FontBook& fonts, const model::Facts& facts, const model::Layout& layout,
                                 const ComposeOptions& options) {
  Composer c(fonts, facts, layout, options);
  if (!layout.one_page) return copyfit(c, layout);
  AllModes modes(fonts, facts, layout, options);
  const Flow flow = c.blocks(one_page_limits(modes, facts, layout));
  frame::Document doc = c.paginate(flow);
  if (doc.pages.size() > 1) doc = c.paginate(flow, kTightGaps);
  return doc;
}

}  // namespace zb::layout
