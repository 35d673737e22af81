// Compose: title block, key-figure cards, charts, highlights and numbered sources, in the
// layout's order and the chosen languages; one-page layouts drop trailing items until they fit.
#include "layout/compose.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

#include "layout/flow.h"

namespace zb::layout {
namespace {

using chart::Lang;
using text::Align;
using text::ParagraphStyle;
using text::Span;

frame::Color rgb(const model::Rgb& c) { return {c.r, c.g, c.b}; }

const frame::Color kInk{0.11, 0.13, 0.16};
const frame::Color kMuted{0.42, 0.45, 0.5};
const frame::Color kStale{0.78, 0.24, 0.0};

const std::string& in(const model::Text& t, Lang l) { return l == Lang::zh || t.en.empty() ? t.zh : t.en; }


/// Per-block limits, lowered step by step when a one-page layout overflows.
struct Limits {
  int metrics = -1, charts = -1, highlights = -1;
};

class Composer {
 public:
  Composer(const text::FontBook& fonts, const model::Facts& f, const model::Layout& l, const ComposeOptions& o)
      : fonts_(fonts), f_(f), l_(l), o_(o) {
    switch (o.lang) {
      case LangMode::zh_en: langs_ = {Lang::zh, Lang::en}; break;
      case LangMode::en_zh: langs_ = {Lang::en, Lang::zh}; break;
      case LangMode::zh: langs_ = {Lang::zh}; break;
      case LangMode::en: langs_ = {Lang::en}; break;
      case LangMode::side_by_side: langs_ = {Lang::zh, Lang::en}; break;
    }
    side_ = o.lang == LangMode::side_by_side;
    style_.palette.clear();
    for (const auto& c : l.palette) style_.palette.push_back(rgb(c));
    if (style_.palette.empty()) style_.palette = chart::Style{}.palette;
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
    running.header_left = {Span{left, role("caption"), 7.5, kMuted}};
    std::string right;
    for (std::size_t i = 0; i < langs_.size(); ++i)
      right += (i ? " · " : "") + std::string(langs_[i] == Lang::zh ? "截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                                                      : "As of " + chart::format_date(f_.zone.as_of, Lang::en));
    running.header_right = {Span{right, role("caption"), 7.5, kMuted}};
    auto langs = langs_;
    running.footer = [this, langs](int n, int m) {
      std::string s;
      for (std::size_t i = 0; i < langs.size(); ++i)
        s += (i ? " · " : "") + (langs[i] == Lang::zh ? "第 " + std::to_string(n) + " 页，共 " + std::to_string(m) + " 页"
                                                       : "Page " + std::to_string(n) + " of " + std::to_string(m));
      return std::vector<Span>{Span{s, role("caption"), 7.5, kMuted}};
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
  /// A paragraph style in one language's rules with this line height (the rest default).
  static ParagraphStyle style(bool zh, double line_height) {
    ParagraphStyle s;
    s.zh = zh;
    s.line_height = line_height;
    return s;
  }
  bool bilingual() const { return langs_.size() > 1; }
  chart::Languages chart_langs() const { return {langs_.front(), bilingual()}; }
  std::string marker(const std::string& source_id) const {
    auto it = source_no_.find(source_id);
    return it == source_no_.end() ? "" : "[" + std::to_string(it->second) + "]";
  }

  /// A block's heading. Side by side, a block set in two columns gets a heading per column; a
  /// full-width block (cards, charts) one full-width line, "关键指标 · Key figures".
  void section(Flow& flow, const char* zh, const char* en, bool in_columns = true) {
    if (side_ && !in_columns) {
      std::string line = std::string(zh) + " · " + en;
      flow.heading({Span{zh, role("heading"), 13, kInk}, Span{std::string(" · ") + en, role("heading"), 13, kInk, 0, "", false}},
                   style(true, 20), line, 1, 16, 6);
      return;
    }
    if (side_) {
      flow.columns({Span{zh, role("heading"), 13, kInk}}, style(true, 20), {Span{en, role("heading"), 13, kInk}}, style(false, 20), 16, 6, true,
                   std::string(zh) + " / " + en, 1);
      return;
    }
    if (l_.one_page) {  // compact: one line, "关键指标 · Key figures"
      std::string line;
      for (std::size_t i = 0; i < langs_.size(); ++i) line += (i ? " · " : "") + std::string(langs_[i] == Lang::zh ? zh : en);
      const bool zh_in = std::find(langs_.begin(), langs_.end(), Lang::zh) != langs_.end();
      flow.heading({Span{line, role("heading"), 11.5, kInk}}, style(zh_in, 18), line, 1, 10, 4);
      return;
    }
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      const ParagraphStyle s = style(langs_[i] == Lang::zh, i == 0 ? 20 : 14);
      std::string bookmark = i == 0 ? (bilingual() ? std::string(langs_[0] == Lang::zh ? zh : en) + " / " +
                                                         (langs_[0] == Lang::zh ? en : zh)
                                                   : std::string(langs_[0] == Lang::zh ? zh : en))
                                    : "";
      flow.heading({Span{langs_[i] == Lang::zh ? zh : en, role("heading"), i == 0 ? 13.0 : 9.5, i == 0 ? kInk : kMuted}},
                   s, bookmark, 1, i == 0 ? 16 : 0, i + 1 == langs_.size() ? 6 : 0);
    }
  }

  void title(Flow& flow) {
    flow.set_context({f_.file, "zone.name"});
    if (side_) {
      flow.columns({Span{f_.zone.name.zh, role("heading"), 18, rgb(l_.accent)}}, style(true, 26),
                   {Span{f_.zone.name.en, role("heading"), 15, rgb(l_.accent)}}, style(false, 26), 0, 0, true,
                   f_.zone.name.zh + " / " + f_.zone.name.en, 0);
    }
    for (std::size_t i = 0; i < (side_ ? 0 : langs_.size()); ++i) {
      const ParagraphStyle s = style(langs_[i] == Lang::zh, i == 0 ? 30 : 18);
      flow.heading({Span{in(f_.zone.name, langs_[i]), role("heading"), i == 0 ? 21.0 : 12.5, i == 0 ? rgb(l_.accent) : kMuted}},
                   s, i == 0 ? f_.zone.name.zh + " / " + f_.zone.name.en : "", 0, 0, 0);
    }
    // Region and as-of date, and the stale note: one line per language (side by side, each
    // under its own column's title).
    flow.set_context({f_.file, "zone.region"});
    auto meta = [&](Lang l) {
      std::string part;
      if (f_.zone.region) part = in(*f_.zone.region, l) + (l == Lang::zh ? "　" : " · ");
      return part + (l == Lang::zh ? "数据截至" + chart::format_date(f_.zone.as_of, Lang::zh)
                                   : "Facts as of " + chart::format_date(f_.zone.as_of, Lang::en));
    };
    auto stale = [&](Lang l) {
      return l == Lang::zh ? "注意：数据截至" + chart::format_date(f_.zone.as_of, Lang::zh) + "，已超过" + std::to_string(*o_.stale_days) +
                                 "天，可能已过时。"
                           : "Note: these facts date from " + chart::format_date(f_.zone.as_of, Lang::en) + ", more than " +
                                 std::to_string(*o_.stale_days) + " days ago, and may be out of date.";
    };
    auto lines = [&](const std::function<std::string(Lang)>& text, const char* role_name, frame::Color first,
                     frame::Color rest, double around) {
      const ParagraphStyle zs = style(true, 13), es = style(false, 13);
      if (side_) {
        flow.columns({Span{text(Lang::zh), role(role_name), 8.5, first}}, zs, {Span{text(Lang::en), role(role_name), 8.5, first}}, es,
                     around, around);
        return;
      }
      for (std::size_t i = 0; i < langs_.size(); ++i)
        flow.paragraph({Span{text(langs_[i]), role(role_name), 8.5, i == 0 ? first : rest}},
                       langs_[i] == Lang::zh ? zs : es, i == 0 ? around : 0, i + 1 == langs_.size() ? around : 0,
                       i + 1 < langs_.size());
    };
    lines(meta, "body", kInk, kMuted, 4);
    if (o_.stale_days) lines(stale, "strong", kStale, kStale, 2);
    flow.rule(rgb(l_.accent), 1.2, 2, 4);
  }

  void key_figures(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.metrics.size(), b, limit);
    if (n == 0) return;
    section(flow, "关键指标", "Key figures", /*in_columns=*/false);
    const int cols = std::max(1, b.columns);
    const double gap = 8, w = (flow.measure() - gap * (cols - 1)) / cols;
    // One size for every big value of the block, so figures read alike down the page.
    double block_size = 17;
    for (std::size_t k = 0; k < n; ++k)
      block_size = std::min(block_size, chart::card_value_size(fonts_, f_.metrics[k], w, style_, chart_langs(),
                                                               {f_.file, "metrics[" + std::to_string(k) + "]"}));
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
          text::TextContext ctx{f_.file, "metrics[" + std::to_string(k) + "]"};
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
      std::vector<frame::Item> items;
      for (std::size_t k = 0; k < row.size(); ++k)
        for (auto& item : row[k].items) items.push_back(shifted(std::move(item), l_.margin_left + static_cast<double>(k) * (w + gap)));
      flow.box(h, std::move(items), i == 0 ? 0 : gap, 0, false);
    }
  }

  void charts(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.series.size(), b, limit);
    if (n == 0) return;
    section(flow, "图表", "Charts", /*in_columns=*/false);
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
      text::TextContext ctx{f_.file, "series[" + std::to_string(i) + "]"};
      // A one-page layout gets a compact chart (its plot height follows its width).
      double width = l_.one_page ? flow.measure() * 0.62 : flow.measure();
      auto c = chart::draw_series(fonts_, s, source, width, style_, chart_langs(), ctx);
      std::vector<frame::Item> items;
      for (auto& item : c.items) items.push_back(shifted(std::move(item), l_.margin_left));
      flow.box(c.height, std::move(items), i == 0 ? 2 : 14, 0, false);
    }
  }

  void highlights(Flow& flow, const model::Block& b, int limit) {
    const std::size_t n = shown(f_.highlights.size(), b, limit);
    if (n == 0) return;
    section(flow, "要点", "Highlights");
    for (std::size_t i = 0; i < n; ++i) {
      const auto& h = f_.highlights[i];
      flow.set_context({f_.file, "highlights[" + std::to_string(i) + "].text"});
      if (side_) {
        ParagraphStyle s;
        s.zh = true;
        s.align = Align::justify;
        s.indent = 12;
        s.line_height = l_.body_size * 1.7;
        ParagraphStyle e = s;
        e.zh = false;
        e.align = Align::left;
        e.line_height = (l_.body_size - 1) * 1.6;
        double size = l_.body_size;
        flow.columns({Span{h.text.zh, role("body"), size, kInk}, Span{marker(h.source), role("body"), size * 0.62, rgb(l_.accent), size * 0.35}}, s,
                     {Span{h.text.en, role("body"), size - 1, kInk}, Span{marker(h.source), role("body"), (size - 1) * 0.62, rgb(l_.accent), size * 0.35}}, e,
                     i == 0 ? 0 : 6, 0, false, "", 0, Span{"•", role("body"), size, rgb(l_.accent)});
        continue;
      }
      for (std::size_t k = 0; k < langs_.size(); ++k) {
        ParagraphStyle s;
        s.zh = langs_[k] == Lang::zh;
        s.align = s.zh ? Align::justify : Align::left;
        s.indent = 12;
        s.line_height = k == 0 ? l_.body_size * 1.7 : (l_.body_size - 1) * 1.55;
        double size = k == 0 ? l_.body_size : l_.body_size - 1;
        std::vector<Span> spans{Span{in(h.text, langs_[k]), role("body"), size, k == 0 ? kInk : kMuted},
                                Span{marker(h.source), role("body"), size * 0.62, rgb(l_.accent), size * 0.35}};
        // A highlight and its translation stay on one page together.
        bool keep = k + 1 < langs_.size();
        if (k == 0) flow.bullet(spans, s, Span{"•", role("body"), size, rgb(l_.accent)}, i == 0 ? 0 : 5, keep);
        else flow.paragraph(spans, s, 0, 0, keep);
      }
    }
  }

  void changes(Flow& flow) {
    if (!o_.changes) return;  // no last edition to compare with
    section(flow, "本期变化", "Changes since last edition");
    flow.set_context({f_.file, "changes"});
    std::vector<std::pair<std::string, std::string>> lines = *o_.changes;
    if (lines.empty()) lines.push_back({"与上期相比，各项数据没有变化。", "No figure has changed since the last edition."});
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (side_) {
        ParagraphStyle s;
        s.zh = true;
        s.indent = 12;
        s.line_height = 14;
        ParagraphStyle e = s;
        e.zh = false;
        e.line_height = 12.5;
        flow.columns({Span{lines[i].first, role("body"), 9, kInk}}, s, {Span{lines[i].second, role("body"), 8.5, kInk}}, e,
                     i == 0 ? 0 : 3, 0, false, "", 0, Span{"•", role("body"), 9, rgb(l_.accent)});
        continue;
      }
      for (std::size_t k = 0; k < langs_.size(); ++k) {
        ParagraphStyle s;
        s.zh = langs_[k] == Lang::zh;
        s.indent = 12;
        s.line_height = k == 0 ? 14 : 12.5;
        double size = k == 0 ? 9 : 8;
        Span text{langs_[k] == Lang::zh ? lines[i].first : lines[i].second, role("body"), size, k == 0 ? kInk : kMuted};
        bool keep = k + 1 < langs_.size();
        if (k == 0) flow.bullet({text}, s, Span{"•", role("body"), size, rgb(l_.accent)}, i == 0 ? 0 : 3, keep);
        else flow.paragraph({text}, s, 0, 0, keep);
      }
    }
  }

  void sources(Flow& flow) {
    if (numbered_.empty()) return;
    section(flow, "来源", "Sources");
    for (std::size_t i = 0; i < numbered_.size(); ++i) {
      const auto& src = *numbered_[i];
      flow.set_context({f_.file, "sources[" + std::to_string(&src - f_.sources.data()) + "]"});
      std::string zh = "[" + std::to_string(i + 1) + "] " + src.publisher.zh + "《" + src.title.zh + "》";
      if (src.date) zh += "，" + chart::format_date(*src.date, Lang::zh);
      std::string en = src.publisher.en + (src.title.en.empty() ? "" : ", “" + src.title.en + "”");
      if (src.date) en += ", " + chart::format_date(*src.date, Lang::en);
      // Each language's part is set by its own rules (English titles get Latin quotes).
      std::vector<Span> spans;
      bool zh_first = langs_.front() == Lang::zh;
      std::string no = "[" + std::to_string(i + 1) + "] ";
      Span zh_span{zh_first ? zh : zh.substr(zh.find(' ') + 1), role("body"), 8, kInk};
      zh_span.zh = true;
      Span en_span{zh_first ? en : no + en, role("body"), 8, kInk};
      en_span.zh = false;
      if (langs_.size() == 1) {
        spans.push_back(zh_first ? zh_span : en_span);
      } else if (zh_first) {
        spans.push_back(zh_span);
        spans.push_back(Span{" · ", role("body"), 8, kInk, 0, "", false});
        spans.push_back(en_span);
      } else {
        spans.push_back(en_span);
        spans.push_back(Span{" · ", role("body"), 8, kInk, 0, "", false});
        spans.push_back(zh_span);
      }
      if (src.date || !src.url.empty()) spans.back().text += spans.back().zh.value_or(true) ? "。" : ".";
      if (!src.url.empty()) {
        spans.push_back(Span{" ", role("body"), 8, kInk});
        spans.push_back(Span{src.url, role("body"), 8, rgb(l_.accent), 0, src.url});
      }
      const ParagraphStyle s = style(true, 12.5);
      if (side_) {  // each language in its own column, numbered in both
        Span zh_col{zh, role("body"), 8, kInk};
        Span en_col{no + en + (src.date || !src.url.empty() ? "." : ""), role("body"), 8, kInk};
        std::vector<Span> left{zh_col}, right{en_col};
        if (!src.url.empty())
          for (auto* col : {&left, &right}) {
            col->push_back(Span{" ", role("body"), 8, kInk});
            col->push_back(Span{src.url, role("body"), 8, rgb(l_.accent), 0, src.url});
          }
        flow.columns(left, s, right, style(false, s.line_height), i == 0 ? 0 : 3, 0);
        continue;
      }
      flow.paragraph(spans, s, i == 0 ? 0 : 3, 0);
    }
  }

  static frame::Item shifted(frame::Item item, double dx) {
    if (auto* t = std::get_if<frame::TextRun>(&item)) t->origin.x += dx;
    else if (auto* p = std::get_if<frame::Path>(&item))
      for (auto& op : p->ops)
        for (auto& pt : op.p) pt.x += dx;
    else if (auto* img = std::get_if<frame::Image>(&item)) img->box.x += dx;
    return item;
  }

  const text::FontBook& fonts_;
  const model::Facts& f_;
  const model::Layout& l_;
  const ComposeOptions o_;  // a copy: one-pagers make a composer per language mode from a local
  std::vector<Lang> langs_;
  bool side_ = false;  // side-by-side columns
  std::map<std::string, int> source_no_;
  std::vector<const model::Source*> numbered_;  // the cited sources, in the order of their numbers
  chart::Style style_;
};

}  // namespace

double last_page_fill(const frame::Document& doc, const model::Layout& layout) {
  if (doc.pages.empty()) return 0;
  const double top = layout.margin_top, bottom = layout.page_height - layout.margin_bottom;
  double lowest = top;
  for (const auto& item : doc.pages.back().items) {
    if (const auto* t = std::get_if<frame::TextRun>(&item)) {
      if (t->origin.y > top && t->origin.y < bottom) lowest = std::max(lowest, t->origin.y);
    } else if (const auto* p = std::get_if<frame::Path>(&item)) {
      for (const auto& op : p->ops)
        if (op.p[0].y > top && op.p[0].y < bottom) lowest = std::max(lowest, op.p[0].y);
    }
  }
  return (lowest - top) / (bottom - top);
}

/// The tightest spacing between blocks copyfitting uses (a fraction of the layout's).
constexpr double kTightGaps = 0.45;

frame::Document compose_briefing(const text::FontBook& fonts, const model::Facts& facts, const model::Layout& layout,
                                 const ComposeOptions& options) {
  Composer c(fonts, facts, layout, options);
  if (!layout.one_page) {
    const Flow flow = c.blocks(Limits{});
    frame::Document doc = c.paginate(flow);
    // Copyfitting: a last page that would hold only a few lines (a source or two) is avoided
    // by tightening the space between blocks, never the type or the line spacing.
    if (doc.pages.size() > 1 && last_page_fill(doc, layout) < 0.25)
      for (double scale : {0.7, kTightGaps}) {
        frame::Document tight = c.paginate(flow, scale);
        if (tight.pages.size() < doc.pages.size()) return tight;
      }
    return doc;
  }
  // One page, with the same content in every language mode — the Chinese and the English
  // one-pager handed out at one meeting must agree — so the limits are those that fit in all
  // five modes (the widest first). Drop from the end of each block until it fits: highlights
  // down to two, key figures down to one row, the last highlight, and only then the chart;
  // then give highlights back one at a time while every mode still holds them.
  std::vector<std::unique_ptr<Composer>> modes;
  for (LangMode m : {LangMode::side_by_side, LangMode::zh_en, LangMode::en_zh, LangMode::zh, LangMode::en}) {
    ComposeOptions o = options;
    o.lang = m;
    modes.push_back(std::make_unique<Composer>(fonts, facts, layout, o));
  }
  // A mode may tighten the space between blocks (as a briefing's last page does) to fit.
  auto fits_one = [](Composer& m, const Limits& l) {
    const Flow flow = m.blocks(l);
    return m.paginate(flow).pages.size() == 1 || m.paginate(flow, kTightGaps).pages.size() == 1;
  };
  auto fits = [&](const Limits& l) {
    return std::all_of(modes.begin(), modes.end(), [&](const auto& m) { return fits_one(*m, l); });
  };
  int highlights = static_cast<int>(facts.highlights.size()), charts = static_cast<int>(facts.series.size()),
      metrics = static_cast<int>(facts.metrics.size());
  for (const auto& b : layout.blocks) {  // start from what the layout shows at most
    if (b.max <= 0) continue;
    if (b.kind == model::BlockKind::highlights) highlights = std::min(highlights, b.max);
    if (b.kind == model::BlockKind::charts) charts = std::min(charts, b.max);
    if (b.kind == model::BlockKind::key_figures) metrics = std::min(metrics, b.max);
  }
  const int max_highlights = highlights;
  Limits lim{metrics, charts, highlights};
  while (!fits(lim) && (highlights > 0 || charts > 0 || metrics > 3)) {
    if (highlights > 2) --highlights;
    else if (metrics > 3) metrics = std::max(3, metrics - 3);
    else if (highlights > 1) --highlights;
    else if (charts > 0) --charts;
    else --highlights;
    lim = {metrics, charts, highlights};
  }
  // Dropping a whole row of cards can free more room than needed.
  while (lim.highlights < max_highlights) {
    Limits more = lim;
    ++more.highlights;
    if (!fits(more)) break;
    lim = more;
  }
  const Flow flow = c.blocks(lim);
  frame::Document doc = c.paginate(flow);
  if (doc.pages.size() > 1) doc = c.paginate(flow, kTightGaps);
  return doc;
}

}  // namespace zb::layout
