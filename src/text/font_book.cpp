// Font book: fonts.yaml → faces (HarfBuzz handles in RAII owners) and role fallback chains.
#include "text/font_book.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <unordered_map>

#include "base/diagnostics.h"

namespace zb::text {
namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct FontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};

constexpr std::uintmax_t kMaxFontBytes = 64u << 20;  // a CJK TrueType face is about 20 MB

/// What is damaged in a font file's tables: a table outside the file or not matching the checksum
/// in its table record (OpenType, "Table directory"); "" when every table is sound. HarfBuzz
/// clips such tables silently, and a truncated or corrupted face would then fail (or draw blanks)
/// in every document instead of once, here.
std::string font_damage(const std::string& data) {
  const std::size_t size = data.size();
  auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at])); };
  auto u16 = [&](std::size_t at) { return byte(at) << 8 | byte(at + 1); };
  auto u32 = [&](std::size_t at) { return byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3); };
  std::size_t dir = 0;
  if (size >= 16 && data.compare(0, 4, "ttcf") == 0) dir = u32(12);  // a collection: its first face
  if (dir > size || size - dir < 12) return "a table directory past the end of the file";
  const std::size_t tables = u16(dir + 4);
  if ((size - dir - 12) / 16 < tables) return "a table directory past the end of the file";
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t rec = dir + 12 + 16 * i;
    std::string tag = data.substr(rec, 4);
    for (char& c : tag)
      if (c < 0x20 || c > 0x7E) c = '?';  // a garbled tag stays printable in the message
    const std::uint32_t checksum = u32(rec + 4);
    const std::size_t offset = u32(rec + 8), length = u32(rec + 12);
    if (offset > size || length > size - offset) return "table '" + tag + "' extends past the end of the file";
    // The sum of the table as big-endian 32-bit words, zero-padded; head's checkSumAdjustment
    // (bytes 8..11) counts as zero.
    std::uint32_t sum = 0;
    std::size_t k = 0;
    for (; k + 4 <= length; k += 4) sum += u32(offset + k);
    std::uint32_t tail = 0;
    for (std::size_t b = 0; b < 4; ++b) tail = tail << 8 | (k + b < length ? byte(offset + k + b) : 0u);
    sum += tail;
    if (tag == "head" && length >= 12) sum -= u32(offset + 8);
    if (sum != checksum) return "table '" + tag + "' does not match its checksum";
  }
  return "";
}

}  // namespace

/// One loaded face: its bytes (shared with frame::Font) and HarfBuzz handles over them.
struct FontBook::Face {
  std::shared_ptr<const std::string> data;
  std::unique_ptr<hb_blob_t, BlobDeleter> blob;
  std::unique_ptr<hb_face_t, FaceDeleter> face;
  std::unique_ptr<hb_font_t, FontDeleter> font;
  unsigned upem = 1000;
  bool cjk = false;
  double em_top = 0.88;                   ///< top of the ideographic em box above the baseline, in em
  std::map<char32_t, PunctBlank> blanks;  ///< full-width punctuation (cjk faces only)
  /// touched[g]: some lookup that shaping Han or Latin text with the default features applies
  /// (GSUB or GPOS, as input or context) covers glyph g, or g is a mark.
  std::vector<bool> touched;
  /// The Basic Multilingual Plane looked up once: bmp[cp] is its nominal glyph + 1 (0: none),
  /// with kPlain set when it shapes to itself (FontBook::shape needs no HarfBuzz for it).
  std::vector<std::uint32_t> bmp;
  static constexpr std::uint32_t kPlain = 0x80000000u;
  std::vector<double> advances;  ///< every glyph's advance in em, read from hmtx once

  /// The nominal glyph of `cp`, from the table in the BMP.
  bool nominal(char32_t cp, std::uint32_t& gid) const {
    if (cp < bmp.size()) {
      gid = (bmp[cp] & ~kPlain) - 1;
      return bmp[cp] != 0;
    }
    hb_codepoint_t g = 0;
    const bool ok = hb_font_get_nominal_glyph(font.get(), cp, &g);
    gid = g;
    return ok;
  }
  std::string ps_name;  ///< PostScript name (libharu keys fonts by it)
  std::string path;     ///< where the bytes came from
};

FontBook::~FontBook() = default;

bool is_cjk_ambiguous_punct(char32_t cp) {
  switch (cp) {
    case U'\u2018':
    case U'\u2019':
    case U'\u201C':
    case U'\u201D':  // ‘ ’ “ ”
    case U'\u00B7':
    case U'\u2014':
    case U'\u2015':
    case U'\u2026':  // · — ― …
    case U'\u2025':
    case U'\u2030':  // ‥ ‰
    case U'\u2116':
    case U'\u2103':
    case U'\u00B0':  // № ℃ °
      return true;
    default:
      return false;
  }
}

namespace {

struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

/// One HarfBuzz buffer per thread, reused.
hb_buffer_t* thread_buffer() {
  thread_local std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
  hb_buffer_clear_contents(buffer.get());
  return buffer.get();
}

/// Full-width punctuation by its clreq class: where its blank is.
constexpr std::u32string_view kOpeningPunct = U"“‘（《〈「『【〔〖［｛";
/// ！ and ？ are not here: they keep their full width (JIS X 4051 and clreq do not squeeze them).
constexpr std::u32string_view kClosingPunct = U"”’）》〉」』】〕〗］｝、，。．：；";
constexpr std::u32string_view kMiddlePunct = U"·・";

/// The position HarfBuzz gives `cp` shaped alone as Simplified Chinese with `features`.
hb_glyph_position_t shaped_alone(hb_font_t* font, char32_t cp, const hb_feature_t* features, unsigned count) {
  hb_buffer_t* buf = thread_buffer();
  const auto code = static_cast<hb_codepoint_t>(cp);
  hb_buffer_add_codepoints(buf, &code, 1, 0, 1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_shape(font, buf, features, count);
  return hb_buffer_get_glyph_positions(buf, nullptr)[0];
}

/// The blanks of the punctuation of a cjk face: measured with its `halt` feature (the half-width
/// forms it designs), by class where the feature changes nothing.
std::map<char32_t, PunctBlank> punctuation_blanks(hb_font_t* font, unsigned upem) {
  std::map<char32_t, PunctBlank> blanks;
  const hb_feature_t halt{HB_TAG('h', 'a', 'l', 't'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
  const double em = upem;
  for (std::u32string_view set : {kOpeningPunct, kClosingPunct, kMiddlePunct})
    for (char32_t cp : set) {
      hb_codepoint_t gid = 0;
      if (!hb_font_get_nominal_glyph(font, cp, &gid)) continue;
      const double full = shaped_alone(font, cp, nullptr, 0).x_advance / em;
      if (full < 0.9) continue;  // not a full-width form: nothing to give up
      const hb_glyph_position_t half = shaped_alone(font, cp, &halt, 1);
      PunctBlank b{-half.x_offset / em, full - (half.x_advance - half.x_offset) / em};
      if (b.before <= 0 && b.after <= 0) {  // no halt form: by class
        if (set == kOpeningPunct)
          b.before = full / 2;
        else if (set == kClosingPunct)
          b.after = full / 2;
        else
          b.before = b.after = full / 4;
      }
      blanks[cp] = b;
    }
  return blanks;
}

/// The glyphs that the lookups HarfBuzz applies when shaping Han (zh-Hans) and Latin text with
/// the default features can touch: a text of other glyphs shapes to its nominal glyphs and
/// advances, so shaping it is skipped (exactly the same result; see FontBook::shape).
std::vector<bool> touched_glyphs(hb_face_t* face) {
  std::vector<bool> touched(hb_face_get_glyph_count(face), false);
  struct SetDeleter {
    void operator()(hb_set_t* s) const { hb_set_destroy(s); }
  };
  std::unique_ptr<hb_set_t, SetDeleter> glyphs(hb_set_create()), lookups(hb_set_create());
  const std::pair<hb_script_t, const char*> kinds[] = {{HB_SCRIPT_HAN, "zh-Hans"},    {HB_SCRIPT_LATIN, "en"},
                                                       {HB_SCRIPT_HAN, "en"},         {HB_SCRIPT_LATIN, "zh-Hans"},
                                                       {HB_SCRIPT_COMMON, "zh-Hans"}, {HB_SCRIPT_COMMON, "en"}};
  for (const auto& [script, lang] : kinds) {
    hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
    props.direction = HB_DIRECTION_LTR;
    props.script = script;
    props.language = hb_language_from_string(lang, -1);
    hb_shape_plan_t* plan = hb_shape_plan_create_cached(face, &props, nullptr, 0, nullptr);
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
      hb_set_clear(lookups.get());
      hb_ot_shape_plan_collect_lookups(plan, table, lookups.get());
      for (hb_codepoint_t l = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &l);)
        hb_ot_layout_lookup_collect_glyphs(face, table, l, glyphs.get(), glyphs.get(), glyphs.get(), nullptr);
    }
    hb_shape_plan_destroy(plan);
  }
  // Marks may be skipped over by a lookup matching across them: count them as touched.
  hb_ot_layout_get_glyphs_in_class(face, HB_OT_LAYOUT_GLYPH_CLASS_MARK, glyphs.get());
  for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(glyphs.get(), &g);)
    if (g < touched.size()) touched[g] = true;
  return touched;
}

bool needs_harfbuzz_slow(const FontBook::Face& f, char32_t cp);

/// The face's BMP table (FontBook::Face::bmp), from the characters its cmap has.
void fill_bmp(FontBook::Face& f) {
  f.bmp.assign(0x10000, 0);
  struct SetDeleter {
    void operator()(hb_set_t* s) const { hb_set_destroy(s); }
  };
  std::unique_ptr<hb_set_t, SetDeleter> unicodes(hb_set_create());
  hb_face_collect_unicodes(f.face.get(), unicodes.get());
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp) && cp < 0x10000;) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(f.font.get(), cp, &gid)) continue;
    f.bmp[cp] = (gid + 1) | (needs_harfbuzz_slow(f, cp) ? 0 : FontBook::Face::kPlain);
  }
}

/// A face's file read, checked (TrueType outlines, undamaged) and opened with HarfBuzz; nullptr
/// after reporting why not.
std::unique_ptr<FontBook::Face> open_face(const base::Env& env, const model::FontConfig& config,
                                          const model::FontFaceSpec& spec, base::Diagnostics& diags) {
  const std::string path = "faces." + spec.key + ".file";
  auto error = [&](const std::string& expected, const std::string& found) {
    diags.add({spec.where, path + ": " + expected, found});
    return nullptr;
  };
  auto face = std::make_unique<FontBook::Face>();
  face->cjk = spec.cjk;
  auto font_path = config.dir / spec.file;
  auto font_bytes = env.read_file(font_path, kMaxFontBytes);
  if (!font_bytes.error.empty() || font_bytes.too_large)
    return error("expected a readable font file (run .ci/setup to prepare fonts/)",
                 font_path.string() + ": " + (font_bytes.too_large ? "larger than 64 MiB" : font_bytes.error));
  face->data = std::make_shared<const std::string>(std::move(font_bytes.data));
  face->blob.reset(hb_blob_create(face->data->data(), static_cast<unsigned>(face->data->size()),
                                  HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  face->face.reset(hb_face_create(face->blob.get(), 0));
  std::unique_ptr<hb_blob_t, BlobDeleter> glyf(hb_face_reference_table(face->face.get(), HB_TAG('g', 'l', 'y', 'f')));
  bool has_glyf = hb_blob_get_length(glyf.get()) > 0;
  unsigned glyphs = hb_face_get_glyph_count(face->face.get());
  if (glyphs == 0 || !has_glyf)
    return error("expected a TrueType-outline (glyf) font",
                 font_path.string() + (glyphs == 0 ? ": not a font" : ": no glyf table (CFF outlines?)"));
  if (auto damage = font_damage(*face->data); !damage.empty())
    return error("expected an undamaged font file (run .ci/setup to prepare fonts/ again)",
                 font_path.string() + ": " + damage);
  face->font.reset(hb_font_create(face->face.get()));
  face->upem = hb_face_get_upem(face->face.get());
  hb_font_set_scale(face->font.get(), static_cast<int>(face->upem), static_cast<int>(face->upem));
  // The em box's top: the BASE table's 'idtp' (880/1000 in Noto CJK), else HarfBuzz's
  // fallback from the other metrics.
  hb_position_t em_top = 0;
  hb_ot_layout_get_baseline_with_fallback(face->font.get(), HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                          HB_DIRECTION_LTR, HB_TAG('h', 'a', 'n', 'i'), HB_TAG_NONE, &em_top);
  face->em_top = static_cast<double>(em_top) / face->upem;
  char ps[128];
  unsigned ps_len = sizeof ps;
  hb_ot_name_get_utf8(face->face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &ps_len, ps);
  face->ps_name = ps_len ? std::string(ps, ps_len) : spec.key;
  if (face->cjk) face->blanks = punctuation_blanks(face->font.get(), face->upem);
  face->touched = touched_glyphs(face->face.get());
  fill_bmp(*face);
  face->advances.resize(glyphs);
  for (unsigned g = 0; g < glyphs; ++g)
    face->advances[g] = static_cast<double>(hb_font_get_glyph_h_advance(face->font.get(), g)) / face->upem;
  face->path = font_path.string();
  return face;
}

}  // namespace

std::shared_ptr<const FontBook> FontBook::load(const base::Env& env, const model::FontConfig& config) {
  base::Diagnostics diags(200);
  std::shared_ptr<FontBook> book(new FontBook());
  static std::atomic<std::uint64_t> next_id{1};
  book->id_ = next_id++;
  book->config_ = config.file;
  std::vector<std::string> face_keys;
  std::set<std::string> broken_faces;  // declared, but already reported as unusable
  for (const auto& spec : config.faces) {
    auto face = open_face(env, config, spec, diags);
    if (!face) {
      broken_faces.insert(spec.key);
      continue;
    }
    // libharu keys fonts by PostScript name: a second face of the same name would silently draw
    // with the first one's glyphs.
    if (std::any_of(book->fonts_.begin(), book->fonts_.end(),
                    [&](const frame::Font& f) { return f.name == face->ps_name; })) {
      diags.add({spec.where,
                 "faces." + spec.key + ".file: expected a face with its own PostScript name (each file once)",
                 "'" + face->ps_name + "' again"});
      broken_faces.insert(spec.key);
      continue;
    }
    book->fonts_.push_back(frame::Font{face->ps_name, face->path, face->data, face->upem});
    book->faces_.push_back(std::move(face));
    face_keys.push_back(spec.key);
  }
  for (const auto& spec : config.roles) {
    Role role{spec.name, {}};
    for (std::size_t j = 0; j < spec.chain.size(); ++j) {
      const auto& entry = spec.chain[j];
      // A face that failed to load has its own error; the roles naming it are not wrong.
      if (!entry.face.empty() && broken_faces.count(entry.face)) continue;
      auto it = std::find(face_keys.begin(), face_keys.end(), entry.face);
      if (entry.face.empty() || it == face_keys.end()) {
        diags.add({entry.where,
                   "roles." + spec.name + "[" + std::to_string(j) + "]: expected the name of a face in faces",
                   entry.shown});
        continue;
      }
      role.chain.push_back(static_cast<std::uint16_t>(it - face_keys.begin()));
    }
    book->roles_.push_back(std::move(role));
  }
  if (!diags.empty()) throw base::Error(diags.items());
  return book;
}

std::optional<RoleId> FontBook::role(std::string_view name) const {
  for (std::size_t i = 0; i < roles_.size(); ++i)
    if (roles_[i].name == name) return static_cast<RoleId>(i);
  return std::nullopt;
}

RoleId FontBook::require_role(std::string_view name) const {
  if (auto r = role(name)) return *r;
  throw base::Error(
      base::Diagnostic::whole_file(config_, "expected a role named '" + std::string(name) + "'", "no such role"));
}

const std::string& FontBook::role_name(RoleId r) const { return roles_.at(r).name; }
const std::vector<std::uint16_t>& FontBook::chain(RoleId r) const { return roles_.at(r).chain; }

std::optional<Pick> FontBook::pick(RoleId role, char32_t cp, bool zh) const {
  const auto& chain = roles_.at(role).chain;
  auto try_face = [&](std::uint16_t f) -> std::optional<Pick> {
    std::uint32_t gid = 0;
    if (!faces_[f]->nominal(cp, gid)) return std::nullopt;
    return Pick{f, gid, advance_em(f, gid)};
  };
  if (zh && is_cjk_ambiguous_punct(cp)) {
    for (auto f : chain)
      if (faces_[f]->cjk)
        if (auto p = try_face(f)) return p;
  }
  for (auto f : chain)
    if (auto p = try_face(f)) return p;
  return std::nullopt;
}

namespace {

/// Shaped pieces of this thread, by font book, face, language, script and text; emptied when
/// it grows past kShapeCacheEntries (a few briefings' worth of distinct words).
struct ShapeKey {
  std::uint64_t book;
  std::uint16_t face;
  bool zh;
  std::uint32_t script;
  std::u32string text;
  bool operator==(const ShapeKey& o) const {
    return book == o.book && face == o.face && zh == o.zh && script == o.script && text == o.text;
  }
};
struct ShapeKeyHash {
  std::size_t operator()(const ShapeKey& k) const {
    return std::hash<std::u32string>()(k.text) ^ (k.book * 0x9E3779B97F4A7C15ull) ^ (std::size_t(k.face) << 1 | k.zh) ^
           (std::size_t(k.script) << 20);
  }
};
constexpr std::size_t kShapeCacheEntries = 20000;
constexpr std::size_t kJoinGap = 2;  // most untouched characters between pieces shaped in one call

thread_local std::unordered_map<ShapeKey, std::vector<ShapedGlyph>, ShapeKeyHash> shape_cache;

}  // namespace

void FontBook::clear_thread_cache() { shape_cache = {}; }

void FontBook::shape(std::uint16_t face, std::u32string_view text, bool zh, std::vector<ShapedGlyph>& out) const {
  shape_in_pieces(face, text, zh, out);  // clears `out`; an empty text stays empty
}

/// A piece shaped by HarfBuzz, from this thread's cache when it was shaped before.
const std::vector<ShapedGlyph>* FontBook::cached_piece(std::uint16_t face, std::u32string_view piece, bool zh,
                                                       std::uint32_t script) const {
  auto it = shape_cache.find(ShapeKey{id_, face, zh, script, std::u32string(piece)});
  return it == shape_cache.end() ? nullptr : &it->second;
}

const std::vector<ShapedGlyph>* FontBook::store_piece(std::uint16_t face, std::u32string_view piece, bool zh,
                                                      std::uint32_t script, std::vector<ShapedGlyph> glyphs) const {
  return &shape_cache.emplace(ShapeKey{id_, face, zh, script, std::u32string(piece)}, std::move(glyphs)).first->second;
}

namespace {

/// Whether character `cp` of face `f` must go through HarfBuzz: a glyph some default lookup
/// touches, a mark, a format or control character, a space, a compatibility ideograph.
bool needs_harfbuzz_slow(const FontBook::Face& f, char32_t cp) {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(f.font.get(), cp, &gid) || gid >= f.touched.size() || f.touched[gid]) return true;
  if (cp == ' ') return false;
  if ((cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F)) return true;  // compatibility ideographs
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
    case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
    case HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR:
      return true;
    default:
      return false;
  }
}

bool needs_harfbuzz(const FontBook::Face& f, char32_t cp) {
  return cp < f.bmp.size() ? !(f.bmp[cp] & FontBook::Face::kPlain) : needs_harfbuzz_slow(f, cp);
}

}  // namespace

/// A glyph no default lookup of its face touches (as input or context; marks count as touched)
/// takes part in no substitution or positioning: it shapes to itself at its own advance, and the
/// text around it shapes as if it were cut there. So only the stretches of touched glyphs (a
/// Latin word between spaces, CJK punctuation) go through HarfBuzz, with the script of the whole
/// text, each cached per thread (words repeat); the rest (spaces, Han ideographs in Noto Sans
/// CJK) gets its nominal glyphs. Exactly HarfBuzz's result for the whole text, which costs
/// microseconds per call (tests/unit/test_composer.cpp compares them).
void FontBook::shape_in_pieces(std::uint16_t face, std::u32string_view text, bool zh,
                               std::vector<ShapedGlyph>& out) const {
  const Face& f = *faces_[face];
  out.clear();
  std::uint32_t script = 0;  // as HarfBuzz guesses it for the whole text: its first strong script
  for (char32_t cp : text) {
    const hb_script_t sc = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    if (sc != HB_SCRIPT_COMMON && sc != HB_SCRIPT_INHERITED && sc != HB_SCRIPT_UNKNOWN) {
      script = sc;
      break;
    }
  }
  if (shape_cache.size() + text.size() > kShapeCacheEntries) shape_cache.clear();  // no entry goes while in use
  // The pieces HarfBuzz must shape, each from the cache when it was shaped before.
  struct Piece {
    std::size_t begin, end;
    const std::vector<ShapedGlyph>* shaped;
  };
  std::vector<Piece> pieces;
  std::size_t first_miss = SIZE_MAX, last_miss = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!needs_harfbuzz(f, text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && needs_harfbuzz(f, text[j])) ++j;
    pieces.push_back(Piece{i, j, cached_piece(face, text.substr(i, j - i), zh, script)});
    if (!pieces.back().shaped) {
      first_miss = std::min(first_miss, pieces.size() - 1);
      last_miss = pieces.size() - 1;
    }
    i = j;
  }
  // Missing pieces close together (words one space apart) share a call; pieces far apart (the
  // punctuation of a Chinese paragraph) do not, or HarfBuzz would shape the Han between them.
  for (std::size_t a = first_miss; a <= last_miss && first_miss != SIZE_MAX;) {
    if (pieces[a].shaped) {
      ++a;
      continue;
    }
    std::size_t b = a;
    while (b + 1 <= last_miss && pieces[b + 1].begin - pieces[b].end <= kJoinGap) ++b;
    shape_missing(face, text, zh, script, pieces.data(), a, b);
    a = b + 1;
  }
  // Untouched characters get their nominal glyphs; pieces their shaped ones.
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (k < pieces.size() && pieces[k].begin == i) {
      for (ShapedGlyph g : *pieces[k].shaped) {
        g.cluster += static_cast<std::uint32_t>(i);
        out.push_back(g);
      }
      i = pieces[k++].end;
      continue;
    }
    std::uint32_t gid = 0;
    f.nominal(text[i], gid);
    out.push_back(ShapedGlyph{gid, static_cast<std::uint32_t>(i), gid < f.advances.size() ? f.advances[gid] : 0, 0});
    ++i;
  }
}

/// Shapes the pieces [first, last] not cached yet in one HarfBuzz call over the text they span
/// (the characters between pieces shape to themselves, so the result splits exactly at them),
/// caches each, and points them at their glyphs.
template <typename Piece>
void FontBook::shape_missing(std::uint16_t face, std::u32string_view text, bool zh, std::uint32_t script, Piece* pieces,
                             std::size_t first, std::size_t last) const {
  const std::size_t from = pieces[first].begin;
  std::vector<ShapedGlyph> all;
  shape_with_harfbuzz(face, text.substr(from, pieces[last].end - from), zh, all, script);
  std::size_t g = 0;
  for (std::size_t k = first; k <= last; ++k) {
    Piece& p = pieces[k];
    std::vector<ShapedGlyph> mine;
    while (g < all.size() && from + all[g].cluster < p.begin) ++g;  // characters between pieces
    for (; g < all.size() && from + all[g].cluster < p.end; ++g) {
      ShapedGlyph glyph = all[g];
      glyph.cluster = static_cast<std::uint32_t>(from + glyph.cluster - p.begin);
      mine.push_back(glyph);
    }
    if (!p.shaped) p.shaped = store_piece(face, text.substr(p.begin, p.end - p.begin), zh, script, std::move(mine));
  }
}

void FontBook::shape_with_harfbuzz(std::uint16_t face, std::u32string_view text, bool zh, std::vector<ShapedGlyph>& out,
                                   std::uint32_t script) const {
  out.clear();
  if (text.empty()) return;
  const Face& f = *faces_[face];
  hb_buffer_t* buf = thread_buffer();
  hb_buffer_add_codepoints(buf, reinterpret_cast<const hb_codepoint_t*>(text.data()), static_cast<int>(text.size()), 0,
                           static_cast<int>(text.size()));
  if (script != 0) hb_buffer_set_script(buf, static_cast<hb_script_t>(script));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  static const hb_language_t kZh = hb_language_from_string("zh-Hans", -1), kEn = hb_language_from_string("en", -1);
  hb_buffer_set_language(buf, zh ? kZh : kEn);
  hb_shape(f.font.get(), buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i)
    out.push_back(ShapedGlyph{info[i].codepoint, info[i].cluster, static_cast<double>(pos[i].x_advance) / f.upem,
                              static_cast<double>(pos[i].x_offset) / f.upem});
}

PunctBlank FontBook::punct_blank(std::uint16_t face, char32_t cp) const {
  if (cp < 0xB7 || (cp >= 0x4E00 && cp <= 0x9FFF)) return {};  // ASCII, ideographs: none
  const auto& blanks = faces_[face]->blanks;
  auto it = blanks.find(cp);
  return it == blanks.end() ? PunctBlank{} : it->second;
}

double FontBook::advance_em(std::uint16_t face, std::uint32_t glyph) const {
  const Face& f = *faces_[face];
  if (glyph < f.advances.size()) return f.advances[glyph];
  return static_cast<double>(hb_font_get_glyph_h_advance(f.font.get(), glyph)) / f.upem;
}

double FontBook::em_top() const {
  for (const auto& f : faces_)
    if (f->cjk) return f->em_top;
  return faces_.empty() ? 0.88 : faces_.front()->em_top;
}

}  // namespace zb::text
