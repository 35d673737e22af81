// Arrangement: how one bilingual item is set in a language mode, stacked or side by side.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chart/charts.h"
#include "layout/flow.h"
#include "model/layout.h"
#include "text/font_book.h"

namespace zb::layout {

/// A text in both languages.
struct Bilingual {
  std::string zh, en;
};

/// One role of the type scale as every mode sets it (sizes and leadings in points). Stacked,
/// the first language takes `first` in `ink` and the second `translation` in `translation_ink`;
/// side by side, the Chinese column takes `zh_column` and the English `en_column`, both in
/// `ink`. A heading's space before and after are `first`'s.
struct Voice {
  text::RoleId font = 0;
  model::TypeStyle first, translation, zh_column, en_column;
  frame::Color ink, translation_ink;
};

/// A bulleted item's setting, in points: its indent (the bullet hangs in it), the space before
/// every item but a block's first (stacked; side by side), and whether Chinese is justified.
struct ItemStyle {
  double indent = 0;
  double gap = 0, column_gap = 0;
  bool justify_zh = false;
  std::string bullet = "•";  ///< hangs in the indent, in the accent
};

/// How `Arrangement::lines` sets its text: Chinese justified (a paragraph rather than a line),
/// and a tag after the text in each language in its own ink (the stale-facts tag, say).
struct LineOptions {
  bool justify_zh = false;
  std::optional<Bilingual> tag;
  frame::Color tag_ink;
};

/// What bullets and source markers look like: the accent, and a marker's size and rise as
/// fractions of its text's size.
struct Marks {
  frame::Color accent;
  double marker_scale = 0, marker_rise = 0;  ///< the layout's type.marker
};

/// One numbered source. `zh` and `en` are without the number; `terminated`: the entry ends
/// with a full stop (it has a date or a URL).
struct SourceEntry {
  std::string number;  ///< "[n] "
  std::string zh, en, url;
  bool terminated = false;
};

/// The entry of `src` numbered `number` in a list of sources: "出版方《标题》，日期" and
/// "Publisher, “Title”, date", its URL, and whether it ends with a full stop.
SourceEntry source_entry(const model::Source& src, int number);

/// Sets each bilingual item of a briefing in one language mode: a block says what it sets
/// once, the arrangement decides how the languages are placed.
class Arrangement {
 public:
  virtual ~Arrangement() = default;
  /// A heading in every language, `bookmark` (if non-empty) at its start, at outline `level`.
  virtual void heading(Flow& flow, const Bilingual& text, const Voice& v, const std::string& bookmark,
                       int level) const = 0;
  /// A block's heading; `across`: the block spans the full measure (cards, charts).
  virtual void section(Flow& flow, const Bilingual& text, bool across) const = 0;
  /// A text in every language with `around` points above and below the whole.
  virtual void lines(Flow& flow, const Bilingual& text, const Voice& v, double around,
                     const LineOptions& options = {}) const = 0;
  /// A bulleted item; `marker` (a source marker [n]) follows the text in each language.
  virtual void item(Flow& flow, const Bilingual& text, const Voice& v, const ItemStyle& style,
                    const std::optional<std::string>& marker, bool first) const = 0;
  /// A numbered source, `space_before` points below the previous one.
  virtual void source(Flow& flow, const SourceEntry& s, const Voice& v, double space_before) const = 0;
};

/// The roles of the layout's type scale, each as every arrangement sets it.
struct Voices {
  Voice title, heading, compact, meta, lede, body, note, sources;
};

/// Binds each role of the layout's type scale to its font role and inks, for every arrangement.
Voices voices(const text::FontBook& fonts, const model::Layout& l);

/// One paragraph per language in `langs` order, each translation muted and kept with the
/// first; `compact` (one-page layouts): block headings on one line in all languages.
std::unique_ptr<Arrangement> stacked(std::vector<chart::Lang> langs, Marks marks, Voice heading,
                                     std::optional<Voice> compact);
/// Chinese and English in two columns, aligned item by item (Flow::columns).
std::unique_ptr<Arrangement> side_by_side(Marks marks, Voice heading);

}  // namespace zb::layout
