// Compose: title, summary, headline cards, highlights, charts, the figures table by topic,
// changes and numbered sources, in the layout's order and the chosen languages; one-page
// layouts drop trailing items until they fit in every mode, then let the chart fill the page.
#include "layout/compose.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "base/utf8.h"
#include "layout/arrangement.h"
#include "layout/chart_grid.h"
#include "layout/editorial.h"
#include "layout/flow.h"

namespace zb::layout {
namespace {

using chart::Lang;
using text::Span;

const std::string& in(const model::Text& t, Lang l) { return l == Lang::zh || t.en.empty() ? t.zh : t.en; }

// Spacing, in points.
constexpr double kMetaAround = 4;                                    // around the title's meta line
constexpr double kRuleWidth = 1.2, kRuleBefore = 2, kRuleAfter = 4;  // the accent rule under the title
constexpr double kChartGap = 18;                                     // between the two charts of a row
constexpr double kFirstChartBefore = 2;                              // between the Charts heading and the first chart
constexpr double kNotesBefore = 5;                                   // between cards or a table and their notes
constexpr std::size_t kMaxHeadlines = 6;                             // headline cards when the layout gives no max
/// A one-pager's chart starts this short (× the usual plot height) while the page decides what
/// fits, and grows to fill the page after that.
constexpr double kFirstChartScale = 0.6;

/// Per-block limits, lowered step by step when a one-page layout overflows (-1: no limit).
struct Limits {
  int metrics = -1, charts = -1, highlights = -1;
  int rows = -1;      ///< rows of the figures table (a one-pager fills its page with the first ones)
  int summary = -1;   ///< highlights in the summary (a one-pager with nothing else to give drops them)
  bool notes = true;  ///< the headline cards' and the charts' notes (a one-pager may drop them)
};

/// The largest number of headline cards the layout's key-figures block shows.
std::size_t headline_cap(const model::Layout& l) {
  for (const auto& b : l.blocks)
    if (b.kind == model::BlockKind::key_figures && b.max > 0) return static_cast<std::size_t>(b.max);
  return kMaxHeadlines;
}

class Composer {
 public:
  Composer(const text::FontBook& fonts, const model::Facts& f, const model::Layout& l, const ComposeOptions& o)
      : fonts_(fonts), f_(f), l_(l), o_(o), v_(voices(fonts, l)), plan_(plan_briefing(f, headline_cap(l))) {
    switch (o.lang) {
      case LangMode::zh_en:
        langs_ = {Lang::zh, Lang::en};
        break;
      case LangMode::en_zh:
        langs_ = {Lang::en, Lang::zh};
        break;
      case LangMode::zh:
        langs_ = {Lang::zh};
        break;
      case LangMode::en:
        langs_ = {Lang::en};
        break;
      case LangMode::side_by_side:
        langs_ = {Lang::zh, Lang::en};
        break;
    }
    const Marks marks{l.accent, l.type.marker_scale, l.type.marker_rise};
    if (o.lang == LangMode::side_by_side)
      arrange_ = side_by_side(marks, v_.heading);
    else
      arrange_ = stacked(langs_, marks, v_.heading, l.one_page ? std::optional(v_.compact) : std::nullopt);
    if (!l.palette.empty()) style_.palette = l.palette;
    style_.ink = l.ink.text;  // the charts' words in the layout's inks too
    style_.muted = l.ink.muted;
    style_.figure_size = l.type.figure_size;
    style_.figure_ink = l.ink.figure;
  }

  /// Scales the charts' plot height (a one-pager's chart grows to fill its page).
  void set_chart_scale(double scale) { style_.plot_scale = scale; }

  /// The blocks of the briefing with these limits, ready to paginate.
  Flow blocks(const Limits& lim) {
    Flow flow(fonts_, page_setup(l_), {f_.file, "zone"});
    number_sources(lim);
    if (o_.cited) {
      o_.cited->clear();
      for (const auto* src : numbered_) o_.cited->push_back(src->id);
    }
    lettered_ = 0;
    for (const auto& b : l_.blocks) {
      switch (b.kind) {
        case model::BlockKind::title:
          title(flow);
          break;
        case model::BlockKind::summary:
          summary(flow, b, lim.summary);
          break;
        case model::BlockKind::key_figures:
          key_figures(flow, b, lim.metrics, lim.notes);
          break;
        case model::BlockKind::figures:
          figures(flow, b, lim.rows, lim.notes);
          break;
        case model::BlockKind::charts:
          charts(flow, b, lim.charts, lim.notes);
          break;
        case model::BlockKind::highlights:
          highlights(flow, b, lim.highlights);
          break;
        case model::BlockKind::sources:
          if (!o_.source_numbers) sources(flow);  // a pack lists the sources of all its zones once
          break;
        case model::BlockKind::changes:
          changes(flow);
          break;
      }
    }
    return flow;
  }

  /// `flow` paginated, with the running header and footer and the document information.
  frame::Document paginate(const Flow& flow, double gap_scale = 1.0) const {
    return paginate(flow, Pagination{gap_scale});
  }
  frame::Document paginate(const Flow& flow, const Pagination& how,
                           std::vector<std::size_t>* page_starts = nullptr) const {
    Running running;
    if (!o_.running) return flow.finish(document_info(), running, how, page_starts);
    const model::Text& short_name = f_.zone.short_name ? *f_.zone.short_name : f_.zone.name;
    running.header_left = {Span{joined(short_name), role("caption"), l_.type.caption_size, l_.ink.muted}};
    // The as-of date in each language, and on every page the stale tag after it, quietly.
    const auto tag = stale_tag();
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      const bool zh = langs_[i] == Lang::zh;
      const std::string date = zh ? "截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                  : "As of " + chart::format_date(f_.zone.as_of, Lang::en);
      running.header_right.push_back(
          Span{(i ? " / " : "") + date, role("caption"), l_.type.caption_size, l_.ink.muted});
      if (tag)
        running.header_right.push_back(Span{zh ? "（" + tag->zh + "）" : " (" + tag->en + ")", role("caption"),
                                            l_.type.caption_size, l_.ink.warning});
    }
    running.footer = [this](int n, int m) {
      return std::vector<Span>{Span{joined(model::Text{"第" + std::to_string(n) + "页，共" + std::to_string(m) + "页",
                                                       "Page " + std::to_string(n) + " of " + std::to_string(m)}),
                                    role("caption"), l_.type.caption_size, l_.ink.muted}};
    };
    return flow.finish(document_info(), running, how, page_starts);
  }

  frame::Info document_info() const {
    frame::Info info;
    info.title = f_.zone.name.zh + " / " + f_.zone.name.en;
    info.subject = "开发区简报 / Development zone briefing, " + f_.zone.as_of.iso();
    info.keywords = f_.zone.name.zh + ", " + f_.zone.name.en + ", " + f_.zone.id;
    info.author = "zonebrief";
    info.creator = "zonebrief";
    info.date = o_.date;
    return info;
  }

  const EditorialPlan& plan() const { return plan_; }
  /// The rows of the figures table, all topics together.
  std::size_t table_rows() const {
    std::size_t n = 0;
    for (const auto& g : plan_.table) n += g.rows.size();
    return n;
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
      if (b.kind == model::BlockKind::summary)
        for (std::size_t k = 0; k < shown(plan_.summary_highlights.size(), b, lim.summary); ++k)
          cite(f_.highlights[plan_.summary_highlights[k]].source);
      if (b.kind == model::BlockKind::key_figures)
        for (std::size_t i = 0; i < shown(plan_.headlines.size(), b, lim.metrics); ++i)
          cite(f_.metrics[plan_.headlines[i]].source);
      if (b.kind == model::BlockKind::charts) {
        std::vector<const model::Series*> series;
        for (std::size_t i = 0; i < shown(f_.series.size(), b, lim.charts); ++i) series.push_back(&f_.series[i]);
        for (std::size_t i : chart_order(series)) cite(series[i]->source);
      }
      if (b.kind == model::BlockKind::highlights)
        for (std::size_t i = 0; i < shown(plan_.highlights.size(), b, lim.highlights); ++i)
          cite(f_.highlights[plan_.highlights[i]].source);
      if (b.kind == model::BlockKind::figures) {
        std::size_t left = shown(table_rows(), b, lim.rows);
        for (const auto& g : plan_.table)
          for (std::size_t r = 0; r < g.rows.size() && left > 0; ++r, --left)
            for (std::size_t i : g.rows[r].metrics) cite(f_.metrics[i].source);
      }
    }
  }

  text::RoleId role(const char* r) const { return fonts_.require_role(r); }
  bool bilingual() const { return langs_.size() > 1; }
  chart::Languages chart_langs() const { return {langs_.front(), bilingual()}; }
  std::string marker(const std::string& source_id) const {
    if (o_.source_numbers) {  // a pack's numbers
      auto it = o_.source_numbers->find(source_id);
      if (it != o_.source_numbers->end()) return "[" + std::to_string(it->second) + "]";
    }
    auto it = source_no_.find(source_id);
    return it == source_no_.end() ? "" : "[" + std::to_string(it->second) + "]";
  }
  /// The languages of the mode in order, joined by " / " (running header and footer: a name
  /// may hold the middle dot itself, 湘湖·萧滨).
  std::string joined(const model::Text& t) const {
    std::string s;
    for (std::size_t i = 0; i < langs_.size(); ++i) s += (i ? " / " : "") + in(t, langs_[i]);
    return s;
  }
  text::TextContext metric_context(std::size_t k) const {
    return {f_.file, "metrics[" + std::to_string(k) + "]", f_.metrics[k].at.line, f_.metrics[k].at.col};
  }
  /// Whether a figure is tagged old: its date is past the stale limit, and the zone's own tag
  /// (on the meta line) does not already say so for all of them.
  bool dated(const model::Metric& m) const {
    return o_.today && !o_.stale_days && is_old_figure(f_, m, *o_.today, o_.max_age_days);
  }

  void title(Flow& flow) {
    flow.set_context({f_.file, "zone.name", f_.zone.name_at.line, f_.zone.name_at.col});
    const model::Text& name = f_.zone.name;
    arrange_->heading(flow, {name.zh, name.en}, v_.title, name.zh + " / " + name.en, 0);
    // Region and as-of date, and a quiet tag when the facts are old.
    flow.set_context({f_.file, "zone.region", f_.zone.region_at.line, f_.zone.region_at.col});
    LineOptions meta;
    if (const auto tag = stale_tag()) {
      meta.tag = Bilingual{tag->zh + "，可能已过时", tag->en + ", may be out of date"};
      meta.tag_ink = l_.ink.warning;
    }
    arrange_->lines(flow, {meta_line(Lang::zh), meta_line(Lang::en)}, v_.meta, kMetaAround, meta);
    flow.rule(l_.accent, kRuleWidth, kRuleBefore, kRuleAfter);
  }

  /// How old the facts are, when the zone is flagged stale: "数据已逾365天" / "over 365 days old",
  /// from two years on in years.
  std::optional<model::Text> stale_tag() const {
    if (!o_.stale_days) return std::nullopt;
    const std::string days = std::to_string(*o_.stale_days), years = std::to_string(o_.stale_years);
    return o_.stale_years >= 2 ? model::Text{"数据已逾" + years + "年", "over " + years + " years old"}
                               : model::Text{"数据已逾" + days + "天", "over " + days + " days old"};
  }

  /// The region and the as-of date in `l`: "<地区>　数据截至<日期>" / "<region> · Facts as of <date>".
  std::string meta_line(Lang l) const {
    std::string part;
    if (f_.zone.region) part = in(*f_.zone.region, l) + (l == Lang::zh ? "　" : " · ");
    return part + (l == Lang::zh ? "数据截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                 : "Facts as of " + chart::format_date(f_.zone.as_of, Lang::en));
  }

  /// 摘要 / In brief: the zone's summary, else its key highlights (EditorialPlan).
  void summary(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(plan_.summary_highlights.size(), b, limit);
    if (!f_.zone.summary && n == 0) return;
    arrange_->section(flow, {"摘要", "In brief"}, /*across=*/false);
    if (f_.zone.summary) {
      flow.set_context({f_.file, "zone.summary", f_.zone.name_at.line, f_.zone.name_at.col});
      LineOptions o;
      o.justify_zh = true;
      arrange_->lines(flow, {f_.zone.summary->zh, f_.zone.summary->en}, v_.lede, 0, o);
      return;
    }
    highlight_items(flow, plan_.summary_highlights, n);
  }

  /// The first `n` of `which` (indices of highlights) as bulleted items, each with its source
  /// marker; Chinese justified, side by side one point further apart.
  void highlight_items(Flow& flow, const std::vector<std::size_t>& which, std::size_t n) {
    const ItemStyle item{l_.space.indent, l_.space.highlights, l_.space.highlights + 1, true};
    for (std::size_t k = 0; k < n; ++k) {
      const auto& h = f_.highlights[which[k]];
      flow.set_context({f_.file, "highlights[" + std::to_string(which[k]) + "].text", h.at.line, h.at.col});
      arrange_->item(flow, {h.text.zh, h.text.en}, v_.body, item, marker(h.source), k == 0);
    }
  }

  void key_figures(Flow& flow, const model::Block& b, int limit, bool notes) {
    const std::size_t n = shown(plan_.headlines.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"关键指标", "Key figures"}, /*across=*/true);
    const int cols = card_columns(n, b.columns);
    const double gap = l_.space.cards, w = (flow.measure() - gap * (cols - 1)) / cols;
    // The cards' notes are lettered a, b, c… (the figures table's letters run on from them).
    std::vector<std::string> letters(n);
    for (std::size_t k = 0; k < n && notes; ++k)
      if (f_.metrics[plan_.headlines[k]].note) letters[k] = letter(lettered_++);
    // One size for every big value of the block, so figures read alike down the page.
    double block_size = l_.type.figure_size;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = plan_.headlines[k];
      block_size = std::min(block_size,
                            chart::card_value_size(fonts_, f_.metrics[i], w, style_, chart_langs(), metric_context(i)));
    }
    for (std::size_t first = 0; first < n; first += static_cast<std::size_t>(cols)) {
      const std::size_t end = std::min(n, first + static_cast<std::size_t>(cols));
      // Drawn once to learn where each card's value starts, then with what the row shares (the
      // value line; the block's value size), and once more with a common height if they differ.
      auto draw_row = [&](const chart::CardRow& shared) {
        std::vector<chart::Chart> row;
        for (std::size_t k = first; k < end; ++k) row.push_back(card(plan_.headlines[k], w, shared, letters[k]));
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
        cards.push_back(
            frame::Group{{l_.margin_left + static_cast<double>(k) * (w + gap), 0}, std::move(row[k].items), {}});
      flow.set_context(metric_context(plan_.headlines[first]));
      // The last row stays with the first of the cards' notes, if any follow.
      flow.box(h, std::move(cards), first == 0 ? 0 : gap, 0, end == n && notes && any_note(n));
    }
    // The cards' notes, under their letters.
    bool any = false;
    for (std::size_t k = 0; k < n; ++k) {
      if (letters[k].empty()) continue;
      flow.set_context(metric_context(plan_.headlines[k]));
      if (!any) flow.box(0, {}, kNotesBefore, 0, true);
      ItemStyle s{l_.space.indent, l_.space.notes, l_.space.notes, false};  // ragged: small type in narrow columns
      s.bullet = letters[k];
      const model::Text& note = *f_.metrics[plan_.headlines[k]].note;
      arrange_->item(flow, {note.zh, note.en}, v_.note, s, std::nullopt, !any);
      any = true;
    }
  }

  /// Whether one of the first `n` headline cards has a note.
  bool any_note(std::size_t n) const {
    return std::any_of(plan_.headlines.begin(), plan_.headlines.begin() + static_cast<std::ptrdiff_t>(n),
                       [&](std::size_t i) { return f_.metrics[i].note.has_value(); });
  }

  /// Cards per row: the layout's, fewer when there are fewer cards, and 2 × 2 for four cards in
  /// three columns — never a row with a lone card beside empty places.
  static int card_columns(std::size_t n, int layout_columns) {
    const int most = std::max(1, layout_columns);
    if (n == 1) return std::min(2, most);  // one card: half the measure, not a banner across it
    if (n <= static_cast<std::size_t>(most)) return static_cast<int>(n);
    if (most == 3 && n == 4) return 2;
    return most;
  }

  /// One headline card: the source marker once, on the first language's label (no space in
  /// Chinese); a figure dated otherwise than the zone, without a period, shows its month; an
  /// old one says so as the table does.
  chart::Chart card(std::size_t i, double w, const chart::CardRow& shared, const std::string& letter) const {
    model::Metric m = f_.metrics[i];
    const chart::Mark mark{marker(m.source) + (letter.empty() ? "" : " " + letter), l_.accent, l_.type.marker_scale,
                           l_.type.marker_rise};
    if (m.date && *m.date != f_.zone.as_of && !m.period)
      m.period = model::Text{chart::format_month(*m.date, Lang::zh), chart::format_month(*m.date, Lang::en)};
    if (dated(m)) {  // the table's tag for an old figure, on its card too
      const model::Text none{"", ""};
      const model::Text& p = m.period ? *m.period : none;
      m.period = model::Text{p.zh + "（旧）", p.en + (p.en.empty() ? "(old)" : " (old)")};
    }
    return chart::draw_card(fonts_, m, w, style_, chart_langs(), metric_context(i), shared, mark);
  }

  /// Every figure not on a card: a table per topic, one row per measure (its values over time),
  /// then the topic's notes, lettered a, b, c… from the rows' labels.
  void figures(Flow& flow, const model::Block& b, int limit, bool with_notes) {
    std::size_t left = shown(table_rows(), b, limit);
    if (left == 0) return;
    const bool all = left == table_rows();
    arrange_->section(flow, all ? Bilingual{"其他指标", "Further figures"} : Bilingual{"更多指标", "More figures"},
                      /*across=*/true);
    bool first_group = true;
    std::size_t lettered = lettered_;  // notes lettered so far: letters run on from the cards' through the table
    for (const auto& g : plan_.table) {
      if (left == 0) break;
      Table t = table_frame();
      t.continued_header = header_row(!g.topic);
      std::vector<std::pair<std::string, const model::Metric*>> notes;  // letter, metric
      t.rows.push_back(header_row());                                   // every topic under the column heads
      if (g.topic) {
        t.spanning.push_back(t.rows.size());
        t.rows.push_back({bilingual_cell(*g.topic, role("strong"), l_.ink.text, l_.ink.text)});
        t.continued_topic = bilingual_cell({g.topic->zh + "（续）", g.topic->en + " (cont.)"}, role("strong"),
                                           l_.ink.text, l_.ink.text);
      }
      for (std::size_t r = 0; r < g.rows.size() && left > 0; ++r, --left)
        t.rows.push_back(figure_row(g.rows[r], with_notes ? &notes : nullptr, lettered));
      t.keep_with_next = !notes.empty();  // the notes start on the page of the rows they explain
      flow.set_context(metric_context(g.rows.front().metrics.front()));
      flow.table(t, first_group ? 0 : l_.space.charts, 0);
      const ItemStyle note{l_.space.indent, l_.space.notes, l_.space.notes, false};  // ragged, as the cards' notes
      for (std::size_t k = 0; k < notes.size(); ++k) {
        ItemStyle s = note;
        s.bullet = notes[k].first;
        if (k == 0) flow.box(0, {}, kNotesBefore, 0, true);
        const model::Text& text = *notes[k].second->note;
        arrange_->item(flow, {text.zh, text.en}, v_.note, s, std::nullopt, k == 0);
      }
      lettered += notes.size();
      first_group = false;
    }
  }

  /// A note's letter: a … z, then aa, ab, … (the table's notes run on through its topics).
  static std::string letter(std::size_t n) {
    std::string s(1, static_cast<char>('a' + n % 26));
    return n < 26 ? s : letter(n / 26 - 1) + s;
  }

  Table table_frame() const {
    Table t;
    t.column_fractions = {0.40, 0.21, 0.30, 0.09};
    // Value and period right-aligned, a gutter apart (left-aligned periods ran into the values in
    // text extraction); the source column left.
    t.align = {text::Align::left, text::Align::right, text::Align::right, text::Align::left};
    t.zh = langs_.front() == Lang::zh;
    t.line_height = l_.type.table.leading;
    t.padding = 3;
    t.header_fill = std::nullopt;
    t.rule = frame::Color{0.80, 0.82, 0.85};
    t.rule_width = 0.4;
    return t;
  }

  /// The column heads; `continued`: over a page a table without topics continues on, "指标（续）/
  /// Figure (cont.)" (a topic's table repeats the plain heads and "人才（续）/ Talent (cont.)").
  std::vector<std::vector<Span>> header_row(bool continued = false) const {
    const frame::Color ink = l_.ink.muted;
    const model::Text figure = continued ? model::Text{"指标（续）", "Figure (cont.)"} : model::Text{"指标", "Figure"};
    return {bilingual_cell(figure, role("strong"), ink, ink),
            bilingual_cell({"数值", "Value"}, role("strong"), ink, ink),
            bilingual_cell({"时期与口径", "Period, basis"}, role("strong"), ink, ink),
            bilingual_cell({"来源", "Source"}, role("strong"), ink, ink)};
  }

  /// A cell with the first language over the second (when bilingual), each its own spans.
  std::vector<Span> bilingual_cell(const model::Text& t, text::RoleId font, frame::Color first,
                                   frame::Color second) const {
    std::vector<Span> spans;
    const double size = l_.type.table.size;
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      if (i) spans.push_back(Span{"\n", font, size, first});
      Span s{in(t, langs_[i]), font, size, i == 0 ? first : second};
      s.zh = langs_[i] == Lang::zh;
      spans.push_back(s);
    }
    return spans;
  }

  /// One measure's row: its label (with note letters), its values oldest first joined by "→"
  /// (each with its source marker), and each value's period or date.
  std::vector<std::vector<Span>> figure_row(const Measure& row,
                                            std::vector<std::pair<std::string, const model::Metric*>>* notes,
                                            std::size_t lettered) const {
    const double size = l_.type.table.size;
    const text::RoleId body = role("body");
    const model::Metric& latest = f_.metrics[row.metrics.back()];
    std::vector<Span> label = bilingual_cell(latest.label, body, l_.ink.text, l_.ink.muted);
    std::string letters;
    for (std::size_t i : row.metrics)
      if (f_.metrics[i].note && notes) {
        const std::string l = letter(lettered + notes->size());
        notes->push_back({l, &f_.metrics[i]});
        letters += (letters.empty() ? "" : ",") + l;
      }
    if (!letters.empty())
      label.insert(label.begin() + 1, Span{letters, body, std::max(model::kSmallestType, size * l_.type.marker_scale),
                                           l_.accent, size * l_.type.marker_rise});
    std::vector<Span> value, when;
    for (std::size_t li = 0; li < langs_.size(); ++li) {
      const Lang l = langs_[li];
      const frame::Color ink = li == 0 ? l_.ink.text : l_.ink.muted;
      std::vector<Span> v, d;
      for (std::size_t k = 0; k < row.metrics.size(); ++k) {
        const model::Metric& m = f_.metrics[row.metrics[k]];
        if (k) {
          v.push_back(Span{" → ", body, size, ink});
          d.push_back(Span{" → ", body, size, ink});
        }
        v.push_back(Span{chart::format_value(m.value, m.unit, l, m.qualifier).text, body, size, ink});
        const model::Date date = figure_date(f_, m);
        std::string w = row.metrics.size() == 1 && m.period ? in(*m.period, l) : chart::format_month(date, l);
        // Only a row's latest figure can be old (an earlier one is old by design).
        const bool old = k + 1 == row.metrics.size() && dated(m);
        if (!old) {
          d.push_back(Span{w, body, size, ink});
        } else {  // the tag and the date's last word (character) as one piece: "（旧）" never starts a line
          const std::size_t cut =
              l == Lang::zh ? base::utf8_floor(w, w.empty() ? 0 : w.size() - 1) : last_word_start(w);
          d.push_back(Span{w.substr(0, cut), body, size, ink});
          d.push_back(Span{w.substr(cut) + (l == Lang::zh ? "（旧）" : " (old)"), body, size, ink});
          d.back().whole = true;
        }
      }
      // A value that reads the same in both languages ("18%") is printed once.
      if (li > 0 && same_text(v, value)) v.clear();
      for (auto* cell : {&value, &when}) {
        auto& add = cell == &value ? v : d;
        if (add.empty()) continue;
        if (li > 0) cell->push_back(Span{"\n", body, size, ink});
        for (auto& s : add) {
          s.zh = l == Lang::zh;
          cell->push_back(s);
        }
      }
    }
    // The sources of the row's figures, each once, in the order of the figures.
    std::set<int> numbers;
    for (std::size_t i : row.metrics)
      if (auto it = source_no_.find(f_.metrics[i].source); it != source_no_.end()) numbers.insert(it->second);
    std::string cited;
    for (int k : numbers) cited += "[" + std::to_string(k) + "]";
    return {label, value, when, {Span{cited, body, size, l_.accent}}};
  }

  /// Where the last word of `s` starts (after its last space; 0 for one word).
  static std::size_t last_word_start(const std::string& s) {
    const std::size_t space = s.find_last_of(' ');
    return space == std::string::npos ? 0 : space + 1;
  }

  /// Whether `second`'s words equal `first`'s (markers aside).
  static bool same_text(const std::vector<Span>& second, const std::vector<Span>& first) {
    std::string a, b;
    for (const auto& s : second) a += s.rise == 0 ? s.text : "";
    for (const auto& s : first) b += s.rise == 0 ? s.text : "";
    return a == b;
  }

  void charts(Flow& flow, const model::Block& b, int limit, bool notes) {
    const std::size_t n = shown(f_.series.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"图表", "Charts"}, /*across=*/true);
    std::vector<ChartItem> items;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& s = f_.series[i];
      // Per language: "来源：[n] 出版方。注：……" then "Source: [n] Publisher. Note: ...".
      std::string source;
      const auto* src = f_.find_source(s.source);
      for (std::size_t k = 0; k < langs_.size() && src; ++k) {
        const bool zh = langs_[k] == Lang::zh;
        std::string part =
            std::string(zh ? "来源：" : "Source: ") + marker(s.source) + " " + in(src->publisher, langs_[k]);
        if (s.note && notes) {
          std::string note = in(*s.note, langs_[k]);
          part += zh ? "。注：" + note : ". Note: " + note;
        }
        source += (k ? "\n" : "") + part;
      }
      items.push_back({&s, source, {f_.file, "series[" + std::to_string(i) + "]", s.at.line, s.at.col}});
    }
    set_charts(flow, fonts_, items, style_, chart_langs(),
               {l_.margin_left, kFirstChartBefore, l_.space.charts, kChartGap});
  }

  void highlights(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(plan_.highlights.size(), b, limit);
    if (n == 0) return;
    arrange_->section(flow, {"要点", "Highlights"}, /*across=*/false);
    highlight_items(flow, plan_.highlights, n);
  }

  void changes(Flow& flow) {
    if (!o_.changes) return;  // no last edition to compare with
    arrange_->section(flow, {"本期变化", "Changes since last edition"}, /*across=*/false);
    flow.set_context({f_.file, "changes"});
    std::vector<std::pair<std::string, std::string>> lines = *o_.changes;
    if (lines.empty())
      lines.push_back({"与上期相比，各项数据没有变化。", "No figure has changed since the last edition."});
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
      arrange_->source(flow, source_entry(src, static_cast<int>(i) + 1), v_.sources, i == 0 ? 0 : l_.space.notes);
    }
  }

  const text::FontBook& fonts_;
  const model::Facts& f_;
  const model::Layout& l_;
  const ComposeOptions o_;    // a copy: one-pagers make a composer per language mode from a local
  const Voices v_;            // the layout's type scale and inks, role by role
  const EditorialPlan plan_;  // what goes where: headlines, table rows, the summary's highlights
  std::vector<Lang> langs_;
  std::unique_ptr<Arrangement> arrange_;  // how the languages are arranged, chosen once per mode
  std::map<std::string, int> source_no_;
  std::size_t lettered_ = 0;                    // the notes lettered so far (cards, then the figures table)
  std::vector<const model::Source*> numbered_;  // the cited sources, in the order of their numbers
  chart::Style style_;
};

}  // namespace

long set_age(ComposeOptions& o, const model::Zone& zone, long today, int max_age_days) {
  const long age = today - zone.as_of.days_since_epoch();
  o.today = today;
  o.max_age_days = max_age_days;
  if (age > max_age_days) {
    o.stale_days = max_age_days;
    o.stale_years = static_cast<int>(age / 365);
  }
  return age;
}

PageSetup page_setup(const model::Layout& l) {
  PageSetup p;
  p.width = l.page_width;
  p.height = l.page_height;
  p.margin_top = l.margin_top;
  p.margin_bottom = l.margin_bottom;
  p.margin_left = l.margin_left;
  p.margin_right = l.margin_right;
  return p;
}

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

/// A last page must be at least this full, or the briefing is set a page shorter if it can be.
constexpr double kLastPageFill = 1.0 / 3;
/// The tightest spacing between blocks copyfitting uses (a fraction of the layout's).
constexpr double kTightGaps = 0.45;

/// A briefing of any length. Copyfitting a last page less than a third full: first the space
/// between blocks tightens (never the type or the line spacing) if that saves the page; else
/// the page before breaks earlier, as little as fills the last page a third.
frame::Document copyfit(Composer& c, const model::Layout& layout) {
  const Flow flow = c.blocks(Limits{});
  std::vector<std::size_t> starts;
  Pagination how;
  frame::Document doc = c.paginate(flow, how, &starts);
  auto short_last = [&](const frame::Document& d) {
    return d.pages.size() > 1 && last_page_fill(d, layout) < kLastPageFill;
  };
  if (!short_last(doc)) return doc;
  for (double scale : {0.7, kTightGaps}) {
    std::vector<std::size_t> tight_starts;
    frame::Document tight = c.paginate(flow, Pagination{scale}, &tight_starts);
    if (tight.pages.size() < doc.pages.size()) {
      doc = std::move(tight);
      how.gap_scale = scale;
      starts = std::move(tight_starts);
      break;
    }
  }
  if (!short_last(doc) || starts.size() < 2) return doc;  // (a page break box can leave a page without a start)
  const std::size_t first = starts[starts.size() - 2], last = starts.back();
  for (std::size_t k = last; k-- > first + 1;) {
    if (!flow.breakable_before(k)) continue;
    frame::Document balanced = c.paginate(flow, Pagination{how.gap_scale, k});
    if (balanced.pages.size() == doc.pages.size() && !short_last(balanced)) return balanced;
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
      o.cited = nullptr;  // only the composition that is kept reports what it cites
      modes_.push_back(std::make_unique<Composer>(fonts, facts, layout, o));
      modes_.back()->set_chart_scale(kFirstChartScale);
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
Limits layout_limits(const Composer& c, const model::Facts& facts, const model::Layout& layout) {
  Limits l{static_cast<int>(c.plan().headlines.size()),          static_cast<int>(facts.series.size()),
           static_cast<int>(c.plan().highlights.size()),         0,  // table rows come last, into what room is left
           static_cast<int>(c.plan().summary_highlights.size()), true};
  for (const auto& b : layout.blocks) {
    if (b.max <= 0) continue;
    if (b.kind == model::BlockKind::highlights) l.highlights = std::min(l.highlights, b.max);
    if (b.kind == model::BlockKind::charts) l.charts = std::min(l.charts, b.max);
    if (b.kind == model::BlockKind::key_figures) l.metrics = std::min(l.metrics, b.max);
  }
  return l;
}

/// Drops one step from the end of the blocks: the highlights that are not key, the notes of
/// the cards and the chart (the briefing has them), key figures down to one row, the key
/// highlights (the summary says their point), the chart, then the summary's highlights down to
/// one. False when nothing is left. `key` is how many of the highlights block's items are key
/// (they come first).
bool drop_one(Limits& l, int key) {
  if (l.highlights <= 0 && l.charts <= 0 && l.metrics <= 3 && !l.notes) {  // the summary's highlights, last
    if (l.summary <= 1) return false;
    --l.summary;
    return true;
  }
  if (l.highlights > std::max(key, 0))
    --l.highlights;
  else if (l.notes)
    l.notes = false;
  else if (l.metrics > 3)
    l.metrics = std::max(3, l.metrics - 3);
  else if (l.highlights > 0)
    --l.highlights;
  else
    --l.charts;
  return true;
}

/// The limits of a one-page layout: the same content in every language mode — the Chinese and
/// the English one-pager handed out at one meeting must agree. Drops until all modes fit, then
/// gives highlights back one at a time while every mode still holds them (dropping a whole row
/// of cards can free more room than needed).
Limits one_page_limits(AllModes& modes, const Limits& most, int key) {
  Limits lim = most;
  while (!modes.fit(lim) && drop_one(lim, key)) {
  }
  while (lim.highlights < most.highlights) {
    Limits more = lim;
    ++more.highlights;
    if (!modes.fit(more)) break;
    lim = more;
  }
  return lim;
}

/// The most rows of the figures table that every mode holds with `lim` (a binary search).
int most_rows(AllModes& modes, Limits lim, std::size_t rows) {
  lim.rows = 1;  // most often not even one row fits: one try instead of a search
  if (rows == 0 || !modes.fit(lim)) return 0;
  int lo = 1, hi = static_cast<int>(rows);
  while (lo < hi) {
    lim.rows = (lo + hi + 1) / 2;
    if (modes.fit(lim))
      lo = lim.rows;
    else
      hi = lim.rows - 1;
  }
  return lo;
}

/// How much taller than usual a one-pager's chart may grow to fill its page.
constexpr double kMostChartScale = 2.0;
/// How much larger than the layout's a one-pager's type may grow to fill its page.
constexpr double kMostTypeScale = 1.25;
/// How much more space than usual a one-pager may put between its blocks to fill its page.
constexpr double kMostGaps = 3.0;
/// The share of the page a one-pager fills before its chart stops growing.
constexpr double kOnePagerFill = 0.9;

/// A one-pager: the limits every mode holds, then the chart grown (in steps, while the page
/// still holds everything) until the page is full enough.
/// `layout` with its type (sizes, leadings, the space around headings) and the space between
/// items `by` times larger: a one-pager of one language sets larger to fill its page.
model::Layout enlarged(const model::Layout& layout, double by) {
  model::Layout l = layout;
  model::TypeScale& t = l.type;
  for (model::TypeStyle* s :
       {&t.title, &t.subtitle, &t.heading, &t.heading_translation, &t.compact_heading, &t.meta, &t.lede, &t.table,
        &t.note, &t.note_translation, &t.sources, &t.columns.title, &t.columns.subtitle, &t.columns.note_translation})
    *s = model::TypeStyle{s->size * by, s->leading * by, s->space_before * by, s->space_after * by};
  t.body_size *= by;
  t.figure_size *= by;
  for (double* x : {&l.space.cards, &l.space.charts, &l.space.highlights, &l.space.notes, &l.space.indent}) *x *= by;
  return l;
}

/// A one-pager: the limits every mode holds; then, while the page is not full enough, larger
/// type (a page of one language holds half the text of two), a taller chart, more air between
/// the blocks — each in steps, and only while the page still holds everything.
frame::Document one_pager(const text::FontBook& fonts, AllModes& modes, const model::Facts& facts,
                          const model::Layout& layout, const ComposeOptions& options) {
  ComposeOptions trial = options;
  trial.cited = nullptr;  // only the compositions with the final limits report what they cite
  Composer first(fonts, facts, layout, trial);
  const auto& shown = first.plan().highlights;
  const int key = static_cast<int>(
      std::count_if(shown.begin(), shown.end(), [&](std::size_t i) { return facts.highlights[i].key; }));
  Limits lim = one_page_limits(modes, layout_limits(first, facts, layout), key);
  // What room is left holds the first rows of the figures table (when the layout has one).
  lim.rows = most_rows(modes, lim, first.table_rows());
  struct Setting {
    double type = 1, chart = kFirstChartScale, gaps = 1;
  };
  auto compose = [&](const Setting& s) {
    const model::Layout l = enlarged(layout, s.type);
    Composer c(fonts, facts, l, options);
    c.set_chart_scale(s.chart);
    const Flow flow = c.blocks(lim);
    frame::Document doc = c.paginate(flow, s.gaps);
    if (doc.pages.size() > 1 && s.gaps <= 1 && s.type <= 1) doc = c.paginate(flow, kTightGaps);
    return doc;
  };
  Setting best;
  frame::Document doc = compose(best);
  auto full = [&] { return last_page_fill(doc, layout) >= kOnePagerFill; };
  // Each step grows one thing while the page still holds everything and is not yet full.
  auto grow = [&](double Setting::*what, double step, double most) {
    for (Setting next = best; !full();) {
      next.*what += step;
      if (next.*what > most + 1e-9) break;
      frame::Document bigger = compose(next);
      if (bigger.pages.size() > 1) break;
      best = next;
      doc = std::move(bigger);
    }
  };
  grow(&Setting::type, 0.05, kMostTypeScale);
  if (lim.charts > 0) grow(&Setting::chart, 0.1, kMostChartScale);
  grow(&Setting::gaps, 0.25, kMostGaps);
  return doc;
}

}  // namespace

frame::Document compose_briefing(const text::FontBook& fonts, const model::Facts& facts, const model::Layout& layout,
                                 const ComposeOptions& options) {
  if (!layout.one_page) {
    Composer c(fonts, facts, layout, options);
    return copyfit(c, layout);
  }
  AllModes modes(fonts, facts, layout, options);
  return one_pager(fonts, modes, facts, layout, options);
}

}  // namespace zb::layout
