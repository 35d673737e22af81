// The font book: faces loaded once per process, roles as fallback chains, per-character coverage
// and advance widths (HarfBuzz), from the same font files the PDF embeds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/env.h"
#include "frame/document.h"
#include "model/font_config.h"

namespace zb::text {

/// A role's index in the font book (body, heading, ...).
using RoleId = std::uint16_t;

/// The face chosen for one character, its glyph and its advance in em (1 em = font size).
struct Pick {
  std::uint16_t face = 0;
  std::uint32_t glyph = 0;
  double advance_em = 0;
};

/// One glyph of a shaped text: its id, where its characters start in the text, and its advance
/// and offset (from the pen) in em, kerning and the font's default features applied.
struct ShapedGlyph {
  std::uint32_t glyph = 0;
  std::uint32_t cluster = 0;  ///< index of its first character in the shaped text
  double advance_em = 0;
  double offset_em = 0;
};

/// The blank a full-width punctuation mark may give up, in em: before its ink (an opening
/// bracket or quote), after it (a closing one, a comma or full stop), or both (a middle dot).
struct PunctBlank {
  double before = 0, after = 0;
};

/// Immutable after loading; safe to share between threads.
class FontBook {
 public:
  /// Reads every face `config` names (load::load_font_config reads fonts.yaml) and resolves the
  /// roles. Throws base::Error with every problem (one format, at the config's positions): a font
  /// file missing, unreadable, not TrueType outlines, damaged, or a PostScript name twice; a role
  /// naming no face.
  static std::shared_ptr<const FontBook> load(const base::Env& env, const model::FontConfig& config);

  ~FontBook();
  FontBook(const FontBook&) = delete;
  FontBook& operator=(const FontBook&) = delete;

  /// The role named `name`; nullopt when the config has no such role.
  std::optional<RoleId> role(std::string_view name) const;
  /// Like role(), but throws base::Error naming the config when the role is missing.
  RoleId require_role(std::string_view name) const;

  /// The first face of `role`'s chain that has `cp`. In Chinese text (`zh`), CJK-ambiguous
  /// punctuation (“” ‘’ · — … and the like) prefers the chain's CJK faces. nullopt: no face has it.
  std::optional<Pick> pick(RoleId role, char32_t cp, bool zh) const;

  /// Shapes `text` in face `face` with HarfBuzz (the face's default features: kerning,
  /// ligatures, contextual and localized forms; Simplified Chinese forms when `zh`), left to
  /// right. Clusters are indices into `text`. Glyphs no default lookup of the face touches
  /// (spaces; Han ideographs in Noto Sans CJK) get their nominal glyphs without HarfBuzz, which
  /// would find the same, and the pieces between them (words, punctuation) are shaped once per
  /// thread and then looked up.
  void shape(std::uint16_t face, std::u32string_view text, bool zh, std::vector<ShapedGlyph>& out) const;
  /// Forgets the pieces shape() cached on this thread (see text::clear_thread_caches).
  static void clear_thread_cache();
  /// shape() always through HarfBuzz, in one piece, without the cache (for tests). `script`:
  /// the text's script as an ISO 15924 tag (HarfBuzz's hb_script_t; 0: from its first
  /// characters, as HarfBuzz guesses).
  void shape_with_harfbuzz(std::uint16_t face, std::u32string_view text, bool zh, std::vector<ShapedGlyph>& out,
                           std::uint32_t script = 0) const;
  /// The blank of full-width punctuation mark `cp` in face `face`: from the face's own `halt`
  /// feature (its half-width forms) where it has one for `cp`, else by the classes of W3C clreq
  /// (opening brackets and quotes: before; closing ones, 、，。：；: after, never ！？; middle dots: half
  /// each side). Zero for other characters, and in faces not marked `cjk`.
  PunctBlank punct_blank(std::uint16_t face, char32_t cp) const;

  /// Advance of glyph `glyph` of face `face`, in em.
  double advance_em(std::uint16_t face, std::uint32_t glyph) const;
  /// Top of the ideographic em box above the baseline, in em (0.88 for Noto Sans CJK): from the
  /// first CJK face's BASE table, else HarfBuzz's fallback, else the first face's. Lines centre
  /// this box (text::baseline_in_line); label and link boxes start at it.
  double em_top() const;

  /// Unique for each loaded book in this process (keys the text layer's per-thread caches).
  std::uint64_t id() const { return id_; }

  /// The faces, by index; their bytes are shared with every document that uses them.
  const std::vector<frame::Font>& fonts() const { return fonts_; }
  const std::string& role_name(RoleId r) const;
  /// The faces of a role's chain, in fallback order.
  const std::vector<std::uint16_t>& chain(RoleId r) const;

 private:
  FontBook() = default;
  void shape_in_pieces(std::uint16_t face, std::u32string_view text, bool zh, std::vector<ShapedGlyph>& out) const;
  const std::vector<ShapedGlyph>* cached_piece(std::uint16_t face, std::u32string_view piece, bool zh,
                                               std::uint32_t script) const;
  const std::vector<ShapedGlyph>* store_piece(std::uint16_t face, std::u32string_view piece, bool zh,
                                              std::uint32_t script, std::vector<ShapedGlyph> glyphs) const;
  template <typename Piece>
  void shape_missing(std::uint16_t face, std::u32string_view text, bool zh, std::uint32_t script, Piece* pieces,
                     std::size_t first, std::size_t last) const;

 public:
  struct Face;  ///< a loaded face (HarfBuzz handles over its bytes); defined in font_book.cpp

 private:
  struct Role {
    std::string name;
    std::vector<std::uint16_t> chain;
  };
  std::vector<std::unique_ptr<Face>> faces_;
  std::vector<frame::Font> fonts_;
  std::vector<Role> roles_;
  std::string config_;    ///< path of fonts.yaml, for messages
  std::uint64_t id_ = 0;  ///< unique per loaded book: keys the per-thread shaping cache
};

/// True for characters whose glyph in Chinese text should come from a CJK face.
bool is_cjk_ambiguous_punct(char32_t cp);

}  // namespace zb::text
