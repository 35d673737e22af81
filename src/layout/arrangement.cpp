// Arrangements: stacked (a paragraph per language, translations muted and kept with the first)
// and side by side (Chinese and English columns), each setting headings, lines, items, sources.
#include "layout/arrangement.h"

#include <algorithm>

namespace zb::layout {
namespace {

using chart::Lang;
using text::Align;
using text::ParagraphStyle;
using text::Span;

/// A paragraph style in one language's rules with this leading (the rest default).
ParagraphStyle style(bool zh, double leading) {
  ParagraphStyle s;
  s.zh = zh;
  s.line_height = leading;
  return s;
}

/// A source marker [n] after text of `size`, raised by `rise_of` × the marker rise.
Span marker_span(const std::string& marker, const Voice& v, const Marks& m, double size, double rise_of) {
  return Span{marker, v.font, std::max(model::kSmallestType, size * m.marker_scale), m.accent, rise_of * m.marker_rise};
}

/// `text` in `ink`, then the tag of `o` in `l` (if any) after a space ("　" in Chinese).
std::vector<Span> tagged(const std::string& text, text::RoleId font, double size, frame::Color ink,
                         const LineOptions& o, bool zh) {
  std::vector<Span> spans{Span{text, font, size, ink}};
  if (o.tag) {
    spans.push_back(Span{(zh ? "　" : "  ") + (zh ? o.tag->zh : o.tag->en), font, size, o.tag_ink});
    spans.back().whole = true;  // the tag moves to the next line as one piece
  }
  return spans;
}

class Stacked final : public Arrangement {
 public:
  Stacked(std::vector<Lang> langs, Marks marks, Voice heading, std::optional<Voice> compact)
      : langs_(std::move(langs)), marks_(marks), heading_(heading), compact_(compact) {}

  void heading(Flow& flow, const Bilingual& t, const Voice& v, const std::string& bookmark, int level) const override {
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      const model::TypeStyle& h = i == 0 ? v.first : v.translation;
      flow.heading({Span{in(t, langs_[i]), v.font, h.size, i == 0 ? v.ink : v.translation_ink}},
                   style(langs_[i] == Lang::zh, h.leading), i == 0 ? bookmark : "", level,
                   i == 0 ? v.first.space_before : 0, last(i) ? v.first.space_after : 0);
    }
  }

  /// One-page layouts: one line, "关键指标 · Key figures"; otherwise a heading per language.
  void section(Flow& flow, const Bilingual& t, bool /*across*/) const override {
    if (!compact_) {
      heading(flow, t, heading_, joined(t, " / "), 1);
      return;
    }
    const std::string line = joined(t, " · ");
    const bool zh_in = std::find(langs_.begin(), langs_.end(), Lang::zh) != langs_.end();
    const model::TypeStyle& h = compact_->first;
    flow.heading({Span{line, compact_->font, h.size, compact_->ink}}, style(zh_in, h.leading), line, 1, h.space_before,
                 h.space_after);
  }

  void lines(Flow& flow, const Bilingual& t, const Voice& v, double around, const LineOptions& o) const override {
    for (std::size_t i = 0; i < langs_.size(); ++i) {
      const model::TypeStyle& h = i == 0 ? v.first : v.translation;
      const bool zh = langs_[i] == Lang::zh;
      ParagraphStyle s = style(zh, h.leading);
      if (zh && o.justify_zh) s.align = Align::justify;
      flow.paragraph(tagged(in(t, langs_[i]), v.font, h.size, i == 0 ? v.ink : v.translation_ink, o, zh), s,
                     i == 0 ? around : 0, last(i) ? around : 0, !last(i));
    }
  }

  /// The first language as a bullet, each translation under it; the item stays on one page.
  void item(Flow& flow, const Bilingual& t, const Voice& v, const ItemStyle& is,
            const std::optional<std::string>& marker, bool first) const override {
    for (std::size_t k = 0; k < langs_.size(); ++k) {
      const model::TypeStyle& h = k == 0 ? v.first : v.translation;
      ParagraphStyle s = style(langs_[k] == Lang::zh, h.leading);
      s.align = is.justify_zh && s.zh ? Align::justify : Align::left;
      s.indent = is.indent;
      std::vector<Span> spans{Span{in(t, langs_[k]), v.font, h.size, k == 0 ? v.ink : v.translation_ink}};
      if (marker) spans.push_back(marker_span(*marker, v, marks_, h.size, h.size));
      if (k == 0)
        flow.bullet(spans, s, Span{is.bullet, v.font, h.size, marks_.accent}, first ? 0 : is.gap, !last(k));
      else
        flow.paragraph(spans, s, 0, 0, !last(k));
    }
  }

  /// One paragraph, the languages in reading order joined by " · ", each set by its own rules
  /// (English titles get Latin quotes); the number leads.
  void source(Flow& flow, const SourceEntry& e, const Voice& v, double space_before) const override {
    const double size = v.first.size;
    const bool zh_first = langs_.front() == Lang::zh;
    Span zh{zh_first ? e.number + e.zh : e.zh, v.font, size, v.ink};
    zh.zh = true;
    Span en{zh_first ? e.en : e.number + e.en, v.font, size, v.ink};
    en.zh = false;
    std::vector<Span> spans{zh_first ? zh : en};
    if (langs_.size() > 1) {
      spans.push_back(Span{" · ", v.font, size, v.ink, 0, "", false});
      spans.push_back(zh_first ? en : zh);
    }
    if (e.terminated) spans.back().text += spans.back().zh.value_or(true) ? "。" : ".";
    if (!e.url.empty()) {
      spans.push_back(Span{" ", v.font, size, v.ink});
      spans.push_back(Span{e.url, v.font, size, marks_.accent, 0, e.url});
    }
    flow.paragraph(spans, style(true, v.first.leading), space_before, 0);
  }

 private:
  bool last(std::size_t i) const { return i + 1 == langs_.size(); }
  /// The text in `l`; English falls back to Chinese when it is empty.
  static const std::string& in(const Bilingual& t, Lang l) { return l == Lang::zh || t.en.empty() ? t.zh : t.en; }
  std::string joined(const Bilingual& t, const char* separator) const {
    std::string s;
    for (std::size_t i = 0; i < langs_.size(); ++i) s += (i ? separator : "") + in(t, langs_[i]);
    return s;
  }

  std::vector<Lang> langs_;
  Marks marks_;
  Voice heading_;
  std::optional<Voice> compact_;
};

class SideBySide final : public Arrangement {
 public:
  SideBySide(Marks marks, Voice heading) : marks_(marks), heading_(heading) {}

  void heading(Flow& flow, const Bilingual& t, const Voice& v, const std::string& bookmark, int level) const override {
    // A heading in columns is balanced like one across the page (Flow::heading).
    ParagraphStyle zh = style(true, v.zh_column.leading), en = style(false, v.en_column.leading);
    zh.balance = en.balance = true;
    flow.columns({Span{t.zh, v.font, v.zh_column.size, v.ink}}, zh, {Span{t.en, v.font, v.en_column.size, v.ink}}, en,
                 v.first.space_before, v.first.space_after, true, bookmark, level);
  }

  /// A block set in columns gets a heading per column; a full-width block (cards, charts) one
  /// full-width line, "关键指标 · Key figures".
  void section(Flow& flow, const Bilingual& t, bool across) const override {
    if (!across) {
      heading(flow, t, heading_, t.zh + " / " + t.en, 1);
      return;
    }
    const model::TypeStyle& h = heading_.first;
    flow.heading({Span{t.zh, heading_.font, h.size, heading_.ink},
                  Span{" · " + t.en, heading_.font, h.size, heading_.ink, 0, "", false}},
                 style(true, h.leading), t.zh + " · " + t.en, 1, h.space_before, h.space_after);
  }

  void lines(Flow& flow, const Bilingual& t, const Voice& v, double around, const LineOptions& o) const override {
    ParagraphStyle zh = style(true, v.zh_column.leading);
    if (o.justify_zh) zh.align = Align::justify;
    flow.columns(tagged(t.zh, v.font, v.zh_column.size, v.ink, o, true), zh,
                 tagged(t.en, v.font, v.en_column.size, v.ink, o, false), style(false, v.en_column.leading), around,
                 around);
  }

  /// Both columns in ink; the markers of both rise as the Chinese column's, so they sit level.
  void item(Flow& flow, const Bilingual& t, const Voice& v, const ItemStyle& is,
            const std::optional<std::string>& marker, bool first) const override {
    const model::TypeStyle &zh = v.zh_column, &en = v.en_column;
    ParagraphStyle s = style(true, zh.leading);
    s.align = is.justify_zh ? Align::justify : Align::left;
    s.indent = is.indent;
    ParagraphStyle e = s;
    e.zh = false;
    e.align = Align::left;
    e.line_height = en.leading;
    std::vector<Span> left{Span{t.zh, v.font, zh.size, v.ink}}, right{Span{t.en, v.font, en.size, v.ink}};
    if (marker) {
      left.push_back(marker_span(*marker, v, marks_, zh.size, zh.size));
      right.push_back(marker_span(*marker, v, marks_, en.size, zh.size));
    }
    flow.columns(left, s, right, e, first ? 0 : is.column_gap, 0, false, "", 0,
                 Span{is.bullet, v.font, zh.size, marks_.accent});
  }

  /// Each language in its own column, numbered in both.
  void source(Flow& flow, const SourceEntry& e, const Voice& v, double space_before) const override {
    const double size = v.first.size;
    std::vector<Span> left{Span{e.number + e.zh, v.font, size, v.ink}},
        right{Span{e.number + e.en + (e.terminated ? "." : ""), v.font, size, v.ink}};
    if (!e.url.empty())
      for (auto* col : {&left, &right}) {
        col->push_back(Span{" ", v.font, size, v.ink});
        col->push_back(Span{e.url, v.font, size, marks_.accent, 0, e.url});
      }
    flow.columns(left, style(true, v.first.leading), right, style(false, v.first.leading), space_before, 0);
  }

 private:
  Marks marks_;
  Voice heading_;
};

}  // namespace

std::unique_ptr<Arrangement> stacked(std::vector<Lang> langs, Marks marks, Voice heading,
                                     std::optional<Voice> compact) {
  return std::make_unique<Stacked>(std::move(langs), marks, heading, compact);
}

std::unique_ptr<Arrangement> side_by_side(Marks marks, Voice heading) {
  return std::make_unique<SideBySide>(marks, heading);
}

Voices voices(const text::FontBook& fonts, const model::Layout& l) {
  const model::TypeScale& t = l.type;
  const model::Inks& ink = l.ink;
  const text::RoleId heading = fonts.require_role("heading"), body = fonts.require_role("body");
  auto same = [](text::RoleId font, const model::TypeStyle& s, frame::Color first, frame::Color rest) {
    return Voice{font, s, s, s, s, first, rest};
  };
  // A translation is smaller than its first language: by 1 pt (body), 1.5 pt (the summary).
  auto smaller = [](const model::TypeStyle& s, double by, double leading) {
    return model::TypeStyle{s.size - by, (s.size - by) * leading};
  };
  Voices v;
  v.title = Voice{heading, t.title, t.subtitle, t.columns.title, t.columns.subtitle, l.accent, ink.muted};
  v.heading = Voice{heading, t.heading, t.heading_translation, t.heading, t.heading, ink.text, ink.muted};
  v.compact = same(heading, t.compact_heading, ink.text, ink.muted);
  v.meta = same(body, t.meta, ink.text, ink.muted);
  v.lede = Voice{body,
                 t.lede,
                 smaller(t.lede, 1.5, t.translation_leading),
                 t.lede,
                 smaller(t.lede, 1, t.columns.translation_leading),
                 ink.text,
                 ink.muted};
  const model::TypeStyle first{t.body_size, t.body_size * t.body_leading};
  v.body = Voice{body,
                 first,
                 smaller(first, 1, t.translation_leading),
                 first,
                 smaller(first, 1, t.columns.translation_leading),
                 ink.text,
                 ink.muted};
  v.note = Voice{body, t.note, t.note_translation, t.note, t.columns.note_translation, ink.text, ink.muted};
  v.sources = same(body, t.sources, ink.text, ink.text);
  return v;
}

SourceEntry source_entry(const model::Source& src, int number) {
  SourceEntry e;
  e.number = "[" + std::to_string(number) + "] ";
  e.zh = src.publisher.zh + "《" + src.title.zh + "》";
  if (src.date) e.zh += "，" + chart::format_date(*src.date, chart::Lang::zh);
  e.en = src.publisher.en + (src.title.en.empty() ? "" : ", “" + src.title.en + "”");
  if (src.date) e.en += ", " + chart::format_date(*src.date, chart::Lang::en);
  e.url = src.url;
  e.terminated = src.date || !src.url.empty();
  return e;
}

}  // namespace zb::layout
