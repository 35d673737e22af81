// PDF backend over libharu 2.3: subsets each font with hb-subset (with its own one-segment
// cmap making codes equal glyph ids, since libharu's text path is BMP-only), loads it
// through a memfd, replaces libharu's invalid ToUnicode CMap with a bfchar one giving the true
// text, and draws text, paths, images, links and outlines.
#include "export/pdf/pdf_writer.h"

#include <fmt/format.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

#include "base/diagnostics.h"
#include "base/utf8.h"
#include "export/pdf/hpdf_internals.h"

namespace zb::export_pdf {
namespace {

// ---- RAII owners --------------------------------------------------------------------------

struct HbBlob {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFace {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbFont {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct HbSubsetInput {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct HbSet {
  void operator()(hb_set_t* s) const { hb_set_destroy(s); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbBlob>;
using FacePtr = std::unique_ptr<hb_face_t, HbFace>;

/// A memfd holding bytes, reachable as a path for libharu's file-only TrueType loader.
class MemFile {
 public:
  explicit MemFile(const char* data, std::size_t size) {
    fd_ = memfd_create("zonebrief-font", MFD_CLOEXEC);
    if (fd_ < 0) return;
    std::size_t done = 0;
    while (done < size) {
      ssize_t n = ::write(fd_, data + done, size - done);
      if (n <= 0) {
        ::close(fd_);
        fd_ = -1;
        return;
      }
      done += static_cast<std::size_t>(n);
    }
  }
  ~MemFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  bool ok() const { return fd_ >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

/// libharu's error handler records the first error; calls are checked against it.
struct HaruError {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

void on_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<HaruError*>(user);
  if (e->code == 0) {
    e->code = code;
    e->detail = detail;
  }
}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

[[noreturn]] void fail(const std::string& name, const std::string& what, const std::string& found) {
  throw base::Error(base::Diagnostic::whole_file(name, what, found));
}

/// Fails with the first libharu error recorded in `err` or, when the handler saw none (steps of
/// the adapter may fail without reporting through it), with `status`.
[[noreturn]] void fail_haru(const std::string& name, const char* what, const HaruError& err, HPDF_STATUS status = 0) {
  fail(name, std::string("expected libharu to ") + what,
       fmt::format("libharu error 0x{:04X} (detail {})", static_cast<unsigned>(err.code != 0 ? err.code : status),
                   static_cast<unsigned>(err.detail)));
}

// ---- font subsetting ----------------------------------------------------------------------

/// CJK unified ideographs: preferred over radicals and compatibility forms sharing their glyph.
bool is_unified_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x323AF);
}

/// Content-stream codes are glyph ids and pass through libharu's UTF-8 path, so they must stay
/// below the surrogate range.
constexpr unsigned kMaxGlyphsPerFont = 0xD800;

void put16(std::string& s, unsigned v) {
  s += static_cast<char>((v >> 8) & 0xFF);
  s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}

/// A (3,1) format-4 cmap for `map` (BMP code point → glyph id), one segment per run of
/// consecutive code points with consecutive glyph ids.
std::string format4_cmap(const std::map<std::uint32_t, std::uint32_t>& map) {
  struct Seg {
    unsigned start, end, delta;
  };
  std::vector<Seg> segs;
  for (const auto& [cp, gid] : map) {
    unsigned delta = (gid - cp) & 0xFFFF;
    if (!segs.empty() && segs.back().end + 1 == cp && segs.back().delta == delta) {
      segs.back().end = cp;
    } else {
      segs.push_back({cp, cp, delta});
    }
  }
  segs.push_back({0xFFFF, 0xFFFF, 1});
  const unsigned seg_count = static_cast<unsigned>(segs.size());
  unsigned entry_selector = 0;
  while ((2u << entry_selector) <= seg_count) ++entry_selector;
  const unsigned search_range = 2u << entry_selector;
  std::string sub;
  put16(sub, 4);
  put16(sub, 16 + 8 * seg_count);  // length
  put16(sub, 0);                   // language
  put16(sub, 2 * seg_count);
  put16(sub, search_range);
  put16(sub, entry_selector);
  put16(sub, 2 * seg_count - search_range);
  for (const auto& s : segs) put16(sub, s.end);
  put16(sub, 0);  // reservedPad
  for (const auto& s : segs) put16(sub, s.start);
  for (const auto& s : segs) put16(sub, s.delta);
  for (std::size_t i = 0; i < segs.size(); ++i) put16(sub, 0);  // idRangeOffset
  std::string cmap;
  put16(cmap, 0);  // version
  put16(cmap, 1);  // one encoding record
  put16(cmap, 3);  // Windows
  put16(cmap, 1);  // Unicode BMP
  put32(cmap, 12);
  return cmap + sub;
}

/// What a document shows of one font: each glyph id (in the full font) and the text it stands
/// for (one character, or several for a ligature).
using GlyphTexts = std::map<std::uint32_t, std::u32string>;

/// The subset of one font for one document: its bytes, and the code used in the PDF content
/// stream for each glyph.
struct Subset {
  std::string bytes;
  std::map<std::uint32_t, std::uint32_t> code_of;   // glyph id in the full font → code in the PDF
  std::map<std::uint32_t, std::u32string> text_of;  // code → the text ToUnicode gives for it
  std::vector<double> advance_of;                   // by code: its advance in em (the W array's)
};

struct HbSubsetPlan {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};

/// HarfBuzz's subset of `font` for the glyphs `glyphs` (as shaping chose them, ligatures and
/// contextual forms included), without hinting and without the layout and vertical tables the
/// PDF does not use. Fills `out.code_of` (old glyph id → new one, which is the content code).
/// For each glyph of `font` that some character maps to, one such character (the first): a
/// shaped form such as the ligature ﬁ is often also mapped from a code point of its own
/// (U+FB01), so the subset can keep it by that character. Made once per font and process.
const std::map<std::uint32_t, char32_t>& reverse_cmap(const frame::Font& font) {
  static std::mutex mutex;
  static std::map<std::shared_ptr<const std::string>, std::map<std::uint32_t, char32_t>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, fresh] = cache.try_emplace(font.data);
  if (fresh) {
    BlobPtr blob(hb_blob_create(font.data->data(), static_cast<unsigned>(font.data->size()), HB_MEMORY_MODE_READONLY,
                                nullptr, nullptr));
    FacePtr face(hb_face_create(blob.get(), 0));
    std::unique_ptr<hb_font_t, HbFont> hb_font(hb_font_create(face.get()));
    std::unique_ptr<hb_set_t, HbSet> unicodes(hb_set_create());
    hb_face_collect_unicodes(face.get(), unicodes.get());
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) {
      hb_codepoint_t gid = 0;
      if (hb_font_get_nominal_glyph(hb_font.get(), cp, &gid)) it->second.emplace(gid, cp);
    }
  }
  return it->second;
}

FacePtr subset_face(const frame::Font& font, const GlyphTexts& glyphs, const std::string& name, Subset& out) {
  BlobPtr blob(hb_blob_create(font.data->data(), static_cast<unsigned>(font.data->size()), HB_MEMORY_MODE_READONLY,
                              nullptr, nullptr));
  FacePtr face(hb_face_create(blob.get(), 0));
  std::unique_ptr<hb_subset_input_t, HbSubsetInput> input(hb_subset_input_create_or_fail());
  if (!input) fail(name, "expected memory for a font subset", "hb_subset_input_create_or_fail failed");
  // Glyphs a character maps to go in by that character, as do shaped forms some other
  // character maps to (reverse_cmap); only the rest by glyph id: HarfBuzz 6 then walks the whole
  // cmap (about 3 ms for a CJK face).
  std::unique_ptr<hb_font_t, HbFont> full(hb_font_create(face.get()));
  hb_set_t* gids = hb_subset_input_glyph_set(input.get());
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const auto& [gid, text] : glyphs) {
    hb_codepoint_t nominal = 0;
    if (text.size() == 1 && hb_font_get_nominal_glyph(full.get(), text[0], &nominal) && nominal == gid) {
      hb_set_add(unicodes, text[0]);
      continue;
    }
    const auto& reverse = reverse_cmap(font);
    if (auto r = reverse.find(gid); r != reverse.end())
      hb_set_add(unicodes, r->second);  // the ligature ﬁ by U+FB01
    else
      hb_set_add(gids, gid);
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
        HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('D', 'S', 'I', 'G'),
        HB_TAG('m', 'o', 'r', 'x'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x')})
    hb_set_add(drop, t);
  std::unique_ptr<hb_subset_plan_t, HbSubsetPlan> plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan) fail(name, "expected a font HarfBuzz can subset", font.path);
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (const auto& entry : glyphs) {
    const hb_codepoint_t code = hb_map_get(old_to_new, entry.first);
    if (code == HB_MAP_VALUE_INVALID) fail(name, "expected every glyph in the font subset", font.path);
    out.code_of[entry.first] = code;
    out.text_of[code] = entry.second;
  }
  FacePtr sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) fail(name, "expected a font HarfBuzz can subset", font.path);
  return sub;
}

/// Our own cmap, making the codes written in the content stream the glyph ids themselves
/// (CID = GID, so the font gets /CIDToGIDMap /Identity). libharu's text path is BMP-only and
/// looks all 65,536 codes of its UTF-8 encoder up with a linear scan of the cmap's segments;
/// with codes = glyph ids one segment maps them all, shaped glyphs without a character of their
/// own (ligatures, contextual forms) need no special case, and the ToUnicode map gives the true
/// text. Returns the cmap's bytes.
std::string identity_cmap(hb_face_t* sub, const frame::Font& font, const std::string& name) {
  const unsigned glyph_count = hb_face_get_glyph_count(sub);
  if (glyph_count > kMaxGlyphsPerFont)
    fail(name, "expected at most " + std::to_string(kMaxGlyphsPerFont) + " glyphs of one font in a document",
         std::to_string(glyph_count) + " glyphs of " + font.name);
  std::map<std::uint32_t, std::uint32_t> cmap;
  for (unsigned gid = 1; gid < glyph_count; ++gid) cmap[gid] = gid;
  return format4_cmap(cmap);
}

/// The bytes of `sub` rebuilt with `cmap_bytes` in place of the subsetter's cmap, and with the
/// hinting tables libharu insists on.
std::string with_cmap(hb_face_t* sub, const std::string& cmap_bytes, const std::string& name) {
  // The subsetter's result is a builder face, which cannot list its tables: serialize it and
  // read it back first.
  BlobPtr sub_blob(hb_face_reference_blob(sub));
  FacePtr parsed(hb_face_create(sub_blob.get(), 0));
  FacePtr builder(hb_face_builder_create());
  unsigned count = 64;
  hb_tag_t tags[64];
  hb_face_get_table_tags(parsed.get(), 0, &count, tags);
  std::set<hb_tag_t> present;
  for (unsigned i = 0; i < count; ++i) {
    present.insert(tags[i]);
    if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
    BlobPtr table(hb_face_reference_table(parsed.get(), tags[i]));
    hb_face_builder_add_table(builder.get(), tags[i], table.get());
  }
  // libharu refuses to embed a font without 'cvt ', 'fpgm' and 'prep' (hinting tables, which
  // the subset drops and fonts converted from CFF never had): add minimal valid ones.
  static const char kZeroCvt[] = {0, 0};                        // one FWORD, 0
  static const char kNoopProgram[] = {'\xB0', '\x00', '\x21'};  // PUSHB[0] 0; POP
  for (auto [tag, data, len] :
       {std::tuple{HB_TAG('c', 'v', 't', ' '), kZeroCvt, 2u}, std::tuple{HB_TAG('f', 'p', 'g', 'm'), kNoopProgram, 3u},
        std::tuple{HB_TAG('p', 'r', 'e', 'p'), kNoopProgram, 3u}}) {
    if (present.count(tag)) continue;
    BlobPtr table(hb_blob_create(data, len, HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    hb_face_builder_add_table(builder.get(), tag, table.get());
  }
  BlobPtr cmap_blob(hb_blob_create(cmap_bytes.data(), static_cast<unsigned>(cmap_bytes.size()),
                                   HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
  hb_face_builder_add_table(builder.get(), HB_TAG('c', 'm', 'a', 'p'), cmap_blob.get());
  BlobPtr result(hb_face_reference_blob(builder.get()));
  unsigned len = 0;
  const char* data = hb_blob_get_data(result.get(), &len);
  if (!data || len == 0) fail(name, "expected a font subset", "HarfBuzz produced an empty font");
  return std::string(data, len);
}

/// The subset of `font` for `glyphs`, with codes equal to the subset's glyph ids.
Subset subset_font(const frame::Font& font, const GlyphTexts& glyphs, const std::string& name) {
  Subset out;
  FacePtr sub = subset_face(font, glyphs, name, out);
  std::unique_ptr<hb_font_t, HbFont> sub_font(hb_font_create(sub.get()));
  const double upem = hb_face_get_upem(sub.get());
  out.advance_of.assign(hb_face_get_glyph_count(sub.get()), 0);
  for (const auto& entry : out.text_of)
    if (entry.first < out.advance_of.size())
      out.advance_of[entry.first] = hb_font_get_glyph_h_advance(sub_font.get(), entry.first) / upem;
  out.bytes = with_cmap(sub.get(), identity_cmap(sub.get(), font, name), name);
  return out;
}

/// A bfchar ToUnicode CMap (ISO 32000-1 §9.10.3): code (2 bytes) → UTF-16BE of the true text.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& text_of) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<std::uint32_t, std::u32string>> entries(text_of.begin(), text_of.end());
  auto out = std::back_inserter(s);
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      fmt::format_to(out, "<{:04X}> <", static_cast<unsigned>(entries[k].first));
      for (char32_t cp : entries[k].second) {
        if (cp > 0xFFFF) {
          char32_t v = cp - 0x10000;
          fmt::format_to(out, "{:04X}{:04X}", static_cast<unsigned>(0xD800 + (v >> 10)),
                         static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
        } else {
          fmt::format_to(out, "{:04X}", static_cast<unsigned>(cp));
        }
      }
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

/// The font program (FontFile2) is compressed here rather than by libharu: libharu would parse
/// the subset again, write a copy of it table by table and deflate it with zlib; the subset is
/// already exactly the program to embed, and libdeflate at its level 6 is both faster than
/// zlib's fastest level and smaller than zlib's default (tests/bench/RESULTS.md).
constexpr int kFontDeflateLevel = 6;

struct DeflateCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

/// `raw` as a zlib stream (what /FlateDecode reads), with one compressor per thread.
std::string deflate_bytes(const std::string& raw, const std::string& name) {
  thread_local std::unique_ptr<libdeflate_compressor, DeflateCompressor> compressor(
      libdeflate_alloc_compressor(kFontDeflateLevel));
  if (!compressor) fail(name, "expected memory for a compressor", "libdeflate_alloc_compressor failed");
  std::string out(libdeflate_zlib_compress_bound(compressor.get(), raw.size()), '\0');
  std::size_t size = libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), out.data(), out.size());
  if (size == 0) fail(name, "expected libdeflate to compress a font program", "no room in the output buffer");
  out.resize(size);
  return out;
}

HPDF_Date to_pdf_date(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);  // a pure conversion of the given instant; the clock is never read
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = tm.tm_sec;
  d.ind = 'Z';
  return d;
}

/// Draws one page's items: consecutive text runs share one text object and set only the state
/// that changes.
class PageDrawer {
 public:
  /// `fonts` and `code_of` are the document's loaded fonts and each one's glyph → code map.
  PageDrawer(HPDF_Page page, double height, const std::vector<HPDF_Font>& fonts, const std::vector<Subset>& subsets,
             const frame::Document& doc, const std::string& name)
      : page_(page), height_(height), fonts_(fonts), subsets_(subsets), doc_(doc), name_(name) {}

  /// Draws `t`; `joined_text` is the text of the runs it starts when it starts a joined line
  /// (TextRun::joined), which extraction then gives as one ActualText.
  void draw_text_run(const frame::TextRun& t, const std::string& joined_text) {
    if (t.glyphs.empty()) return;
    const std::vector<std::uint32_t> codes = codes_of(t);
    if (!in_text_) HPDF_Page_BeginText(page_);
    in_text_ = true;
    if (t.joined > 0) {
      write_content(actual_text_begin(joined_text));
      open_joined_ = t.joined;
    }
    if (!has_font_ || cur_font_ != t.font || cur_size_ != t.size) {
      HPDF_Page_SetFontAndSize(page_, fonts_[t.font], static_cast<HPDF_REAL>(t.size));
      has_font_ = true;
      cur_font_ = t.font;
      cur_size_ = t.size;
    }
    if (cur_cs_ != t.char_spacing) {
      HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>(t.char_spacing));
      cur_cs_ = t.char_spacing;
    }
    set_fill(t.color);
    if (const std::string tj = kerned_array(t, codes); tj.empty()) {
      HPDF_Page_TextOut(page_, x(t.origin.x), y(t.origin.y), utf8_of(codes).c_str());
    } else {
      // Td moves from the start of the current line, which libharu keeps in its text matrix
      // (HPDF_Page_TextOut works from it too); TJ leaves it where it is.
      const HPDF_TransMatrix line = HPDF_Page_GetTextMatrix(page_);
      HPDF_Page_MoveTextPos(page_, x(t.origin.x) - line.x, y(t.origin.y) - line.y);
      write_content(tj);
    }
    if (open_joined_ > 0 && --open_joined_ == 0) write_content("EMC\n");
  }

  void draw_path(const frame::Path& p) {
    end_text();
    if (p.ops.empty()) return;
    if (p.fill) set_fill(*p.fill);
    if (p.stroke) {
      HPDF_Page_SetRGBStroke(page_, static_cast<HPDF_REAL>(p.stroke->color.r),
                             static_cast<HPDF_REAL>(p.stroke->color.g), static_cast<HPDF_REAL>(p.stroke->color.b));
      HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(p.stroke->width));
    }
    for (const auto& op : p.ops) {
      switch (op.kind) {
        case frame::PathOp::Kind::move:
          HPDF_Page_MoveTo(page_, x(op.p[0].x), y(op.p[0].y));
          break;
        case frame::PathOp::Kind::line:
          HPDF_Page_LineTo(page_, x(op.p[0].x), y(op.p[0].y));
          break;
        case frame::PathOp::Kind::curve:
          HPDF_Page_CurveTo(page_, x(op.p[0].x), y(op.p[0].y), x(op.p[1].x), y(op.p[1].y), x(op.p[2].x), y(op.p[2].y));
          break;
        case frame::PathOp::Kind::close:
          HPDF_Page_ClosePath(page_);
          break;
      }
    }
    if (p.fill && p.stroke)
      p.even_odd ? HPDF_Page_EofillStroke(page_) : HPDF_Page_FillStroke(page_);
    else if (p.fill)
      p.even_odd ? HPDF_Page_Eofill(page_) : HPDF_Page_Fill(page_);
    else if (p.stroke)
      HPDF_Page_Stroke(page_);
    else
      HPDF_Page_EndPath(page_);
  }

  /// Draws `image` loaded into the document as `loaded`.
  void draw_image(const frame::Image& img, HPDF_Image loaded) {
    HPDF_Page_DrawImage(page_, loaded, x(img.box.x), y(img.box.y + img.box.h), x(img.box.w), x(img.box.h));
  }

  void add_link(const frame::Link& l) {
    HPDF_Rect r{x(l.area.x), y(l.area.y + l.area.h), x(l.area.x + l.area.w), y(l.area.y)};
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page_, r, l.uri.c_str());
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  }

  /// Closes the open text object, if any.
  void end_text() {
    if (open_joined_ > 0) write_content("EMC\n");  // a joined line cut short (never made by text/)
    open_joined_ = 0;
    if (in_text_) HPDF_Page_EndText(page_);
    in_text_ = false;
  }

 private:
  static HPDF_REAL x(double v) { return static_cast<HPDF_REAL>(v); }

  /// A marked-content sequence whose text is `utf8` (ISO 32000-1 §14.9.4), as a UTF-16BE string.
  static std::string actual_text_begin(const std::string& utf8) {
    std::string s = "/Span <</ActualText <FEFF";
    auto out = std::back_inserter(s);
    for (char32_t cp : base::utf8_decode(utf8)) {
      if (cp > 0xFFFF) {
        const char32_t v = cp - 0x10000;
        fmt::format_to(out, "{:04X}{:04X}", static_cast<unsigned>(0xD800 + (v >> 10)),
                       static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
      } else {
        fmt::format_to(out, "{:04X}", static_cast<unsigned>(cp));
      }
    }
    return s + ">>> BDC\n";
  }

  void write_content(const std::string& ops) {
    if (HPDF_STATUS st = hpdf::write_content(page_, ops); st != HPDF_OK)
      fail(name_, "expected libharu to take marked content", fmt::format("status 0x{:04X}", static_cast<unsigned>(st)));
  }
  HPDF_REAL y(double v) const { return static_cast<HPDF_REAL>(height_ - v); }

  /// The content-stream code (subset glyph id) of each glyph of `t`.
  std::vector<std::uint32_t> codes_of(const frame::TextRun& t) const {
    if (t.font >= fonts_.size() || !fonts_[t.font])
      fail(name_, "expected text runs in the document's fonts", "font index " + std::to_string(t.font));
    std::vector<std::uint32_t> codes;
    codes.reserve(t.glyphs.size());
    for (const auto& g : t.glyphs) {
      auto code = subsets_[t.font].code_of.find(g.id);
      if (code == subsets_[t.font].code_of.end())
        fail(name_, "expected every glyph of a run in its font",
             base::codepoint_name(g.cp) + " in " + doc_.fonts[t.font].name);
      codes.push_back(code->second);
    }
    return codes;
  }

  /// How far (in thousandths of an em, TJ's unit, two decimals) glyph i of `t` stands left of
  /// where the previous glyph's advance and the character spacing put it: kerning, squeezed
  /// punctuation, justification gaps. 0 for the first glyph.
  static double shift_before(const frame::TextRun& t, const std::vector<std::uint32_t>& codes, const Subset& sub,
                             std::size_t i) {
    if (i == 0) return 0;
    const double pen = t.glyphs[i - 1].x + sub.advance_of[codes[i - 1]] * t.size + t.char_spacing;
    return std::round((pen - t.glyphs[i].x) * 1000 / t.size * 100) / 100;
  }

  /// `v` (two decimals at most) as PDF writes numbers: "-12.5", "70".
  static void append_number(std::string& out, double v) {
    long hundredths = std::lround(v * 100);
    if (hundredths < 0) {
      out += '-';
      hundredths = -hundredths;
    }
    out += std::to_string(hundredths / 100);
    if (const long frac = hundredths % 100; frac != 0) {
      out += '.';
      out += static_cast<char>('0' + frac / 10);
      if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
    }
  }

  /// A TJ operator for `t` when some glyph stands elsewhere than its predecessor's advance plus
  /// the character spacing puts it: the codes with the corrections between them. "" when none
  /// is needed (then Tj shows the run).
  std::string kerned_array(const frame::TextRun& t, const std::vector<std::uint32_t>& codes) const {
    const Subset& sub = subsets_[t.font];
    bool kerned = false;
    for (std::size_t i = 1; i < codes.size() && !kerned; ++i) kerned = shift_before(t, codes, sub, i) != 0;
    if (!kerned) return {};
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string tj = "[<";
    tj.reserve(codes.size() * 6 + 16);
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (const double shift = shift_before(t, codes, sub, i); shift != 0) {
        tj += "> ";
        append_number(tj, shift);
        tj += " <";
      }
      for (int nibble = 12; nibble >= 0; nibble -= 4) tj += kHex[(codes[i] >> nibble) & 0xF];
    }
    return tj + ">] TJ\n";
  }

  /// Codes as the UTF-8 libharu's text path takes.
  static std::string utf8_of(const std::vector<std::uint32_t>& codes) {
    std::string text;
    for (std::uint32_t c : codes) base::utf8_append(text, c);
    return text;
  }

  void set_fill(const frame::Color& c) {
    if (has_fill_ && cur_fill_ == c) return;
    HPDF_Page_SetRGBFill(page_, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
    has_fill_ = true;
    cur_fill_ = c;
  }

  HPDF_Page page_;
  double height_;
  const std::vector<HPDF_Font>& fonts_;
  const std::vector<Subset>& subsets_;
  const frame::Document& doc_;
  const std::string& name_;
  bool in_text_ = false;
  int open_joined_ = 0;  // runs left in the open ActualText sequence
  // The text state set so far on this page (plain flags rather than std::optional, which GCC 12
  // wrongly reports as maybe-uninitialized here).
  bool has_font_ = false;
  std::uint16_t cur_font_ = 0;
  double cur_size_ = -1, cur_cs_ = 0;
  bool has_fill_ = false;
  frame::Color cur_fill_{};
};

/// Writes one document: each step below is one part of the file, called in this order (libharu
/// numbers objects as they are made, so the order is part of the bytes).
class DocumentWriter {
 public:
  DocumentWriter(const frame::Document& doc, const std::string& name) : doc_(doc), name_(name) {}

  /// The whole PDF.
  std::string write() {
    start();
    load_fonts();
    for (const auto& fp : doc_.pages) draw_page(fp);
    add_page_links();
    add_outlines();
    set_info();
    embed_font_programs();
    return save();
  }

 private:
  /// Fails when libharu reported an error since the last check.
  void check(const char* what) const {
    if (err_.code != 0) fail_haru(name_, what, err_);
  }

  void start() {
    pdf_.reset(HPDF_New(on_haru_error, &err_));
    if (!pdf_) fail(name_, "expected libharu to start a document", "HPDF_New failed");
    HPDF_SetCompressionMode(pdf_.get(), HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf_.get());
    HPDF_SetCurrentEncoder(pdf_.get(), "UTF-8");
    check("enable UTF-8");
  }

  /// Subsets and loads every font the pages use.
  void load_fonts() {
    std::vector<GlyphTexts> used(doc_.fonts.size());  // glyphs used per font, with their text
    for (const auto& page : doc_.pages)
      for (const auto& item : page.items)
        if (const auto* t = std::get_if<frame::TextRun>(&item))
          if (t->font < used.size()) note_glyphs(*t, used[t->font]);
    fonts_.assign(doc_.fonts.size(), nullptr);
    subsets_.assign(doc_.fonts.size(), {});
    programs_.assign(doc_.fonts.size(), {});
    for (std::size_t f = 0; f < doc_.fonts.size(); ++f)
      if (!used[f].empty()) load_font(f, used[f]);
  }

  /// Records each glyph of `t` with the text it shows. Two characters drawn with one glyph (a
  /// Kangxi radical and its ideograph, say) share a code; ToUnicode then names the ideograph.
  void note_glyphs(const frame::TextRun& t, GlyphTexts& used) const {
    const std::u32string text = base::utf8_decode(t.text);
    std::size_t at = 0;
    for (const auto& g : t.glyphs) {
      const std::size_t n =
          std::min<std::size_t>(std::max<std::size_t>(g.chars, 1), text.size() - std::min(at, text.size()));
      std::u32string shown = n > 0 ? text.substr(at, n) : std::u32string(1, g.cp);
      at += n;
      auto [it, fresh] = used.emplace(g.id, shown);
      if (!fresh && shown.size() == 1 && is_unified_ideograph(shown[0]) &&
          !(it->second.size() == 1 && is_unified_ideograph(it->second[0])))
        it->second = shown;
    }
  }

  void load_font(std::size_t f, const GlyphTexts& used) {
    Subset sub = subset_font(doc_.fonts[f], used, name_);
    MemFile file(sub.bytes.data(), sub.bytes.size());
    if (!file.ok()) fail(name_, "expected a memory file for a font subset", "memfd_create failed");
    const char* font_name = HPDF_LoadTTFontFromFile(pdf_.get(), file.path().c_str(), HPDF_TRUE);
    check("load a font subset");
    // Loaded for embedding (so the name gets its subset tag), then marked not embedded: libharu
    // then makes no CIDToGIDMap (CID = GID: /Identity below) and no font program of its own;
    // the program is our subset, added to the descriptor before the document is written.
    if (!hpdf::mark_not_embedded(pdf_.get(), font_name))
      fail(name_, "expected libharu to keep a loaded font", font_name ? font_name : "(none)");
    fonts_[f] = HPDF_GetFont(pdf_.get(), font_name, "UTF-8");
    check("use a font subset");
    if (HPDF_STATUS s = hpdf::use_identity_cid_to_gid(fonts_[f]); s != HPDF_OK)
      fail_haru(name_, "set an identity CIDToGIDMap", err_, s);
    // Replace the ToUnicode map libharu writes (an invalid begincidrange CMap, and BMP-only).
    if (HPDF_STATUS s = hpdf::replace_to_unicode(pdf_.get(), fonts_[f], to_unicode_cmap(sub.text_of)); s != HPDF_OK)
      fail_haru(name_, "write a ToUnicode map", err_, s);
    programs_[f] = std::move(sub.bytes);
    subsets_[f] = std::move(sub);
  }

  /// The texts of the runs a joined run starts (itself and the next joined − 1), end to end.
  static std::string joined_text(const frame::Page& fp, std::size_t first) {
    const std::size_t count = std::get<frame::TextRun>(fp.items[first]).joined;
    std::string text;
    for (std::size_t k = first; k < fp.items.size() && k < first + count; ++k)
      if (const auto* t = std::get_if<frame::TextRun>(&fp.items[k])) text += t->text;
    return text;
  }

  void draw_page(const frame::Page& fp) {
    HPDF_Page page = HPDF_AddPage(pdf_.get());
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(fp.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(fp.height));
    check("add a page");
    pages_.push_back(page);
    PageDrawer drawer(page, fp.height, fonts_, subsets_, doc_, name_);
    for (std::size_t i = 0; i < fp.items.size(); ++i) {
      const frame::Item& item = fp.items[i];
      if (const auto* t = std::get_if<frame::TextRun>(&item)) {
        drawer.draw_text_run(*t, t->joined > 0 ? joined_text(fp, i) : std::string());
      } else if (const auto* p = std::get_if<frame::Path>(&item)) {
        drawer.draw_path(*p);
      } else if (const auto* img = std::get_if<frame::Image>(&item)) {
        drawer.end_text();
        drawer.draw_image(*img, load_image(*img));
      }
      check("draw a page item");
    }
    drawer.end_text();
    for (const auto& l : fp.links) {
      if (l.page >= 0) {  // to a page that may not exist yet: added once every page does
        page_links_.push_back({pages_.size() - 1, l});
        continue;
      }
      drawer.add_link(l);
      check("add a link");
    }
  }

  /// Links to pages of this document (a contents page), once every page exists.
  void add_page_links() {
    for (const auto& [from, l] : page_links_) {
      if (static_cast<std::size_t>(l.page) >= pages_.size()) continue;
      const double h = doc_.pages[from].height;
      HPDF_Rect r{static_cast<HPDF_REAL>(l.area.x), static_cast<HPDF_REAL>(h - l.area.y - l.area.h),
                  static_cast<HPDF_REAL>(l.area.x + l.area.w), static_cast<HPDF_REAL>(h - l.area.y)};
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<std::size_t>(l.page)]);
      HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(doc_.pages[static_cast<std::size_t>(l.page)].height - l.y));
      HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pages_[from], r, dst);
      HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
      check("add a link to a page");
    }
  }

  /// Loads `img` into the document, composited over white: libharu's raw images carry no alpha.
  HPDF_Image load_image(const frame::Image& img) {
    std::vector<HPDF_BYTE> rgb(static_cast<std::size_t>(img.width_px) * img.height_px * 3);
    for (std::size_t i = 0; i * 4 + 3 < img.rgba.size() && i * 3 + 2 < rgb.size(); ++i) {
      unsigned a = img.rgba[i * 4 + 3];
      for (int c = 0; c < 3; ++c)
        rgb[i * 3 + c] = static_cast<HPDF_BYTE>((img.rgba[i * 4 + c] * a + 255 * (255 - a)) / 255);
    }
    HPDF_Image image = HPDF_LoadRawImageFromMem(pdf_.get(), rgb.data(), static_cast<HPDF_UINT>(img.width_px),
                                                static_cast<HPDF_UINT>(img.height_px), HPDF_CS_DEVICE_RGB, 8);
    check("embed an image");
    return image;
  }

  /// Outlines, nested by level.
  void add_outlines() {
    if (doc_.bookmarks.empty()) return;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_.get(), "UTF-8");
    std::vector<HPDF_Outline> parents;
    for (const auto& b : doc_.bookmarks) {
      if (b.page < 0 || static_cast<std::size_t>(b.page) >= pages_.size()) continue;
      while (static_cast<int>(parents.size()) > b.level) parents.pop_back();
      HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
      HPDF_Outline o = HPDF_CreateOutline(pdf_.get(), parent, b.title.c_str(), utf8);
      HPDF_Outline_SetOpened(o, HPDF_TRUE);
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<std::size_t>(b.page)]);
      HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(doc_.pages[static_cast<std::size_t>(b.page)].height - b.y));
      HPDF_Outline_SetDestination(o, dst);
      check("add a bookmark");
      while (static_cast<int>(parents.size()) <= b.level) parents.push_back(o);
    }
    HPDF_SetPageMode(pdf_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  }

  /// Document information, as UTF-16 (the UTF-8 encoder is current).
  void set_info() {
    auto info = [&](HPDF_InfoType type, const std::string& v) {
      if (!v.empty()) HPDF_SetInfoAttr(pdf_.get(), type, v.c_str());
    };
    info(HPDF_INFO_TITLE, doc_.info.title);
    info(HPDF_INFO_SUBJECT, doc_.info.subject);
    info(HPDF_INFO_AUTHOR, doc_.info.author);
    info(HPDF_INFO_KEYWORDS, doc_.info.keywords);
    info(HPDF_INFO_CREATOR, doc_.info.creator);
    if (doc_.info.date) {
      HPDF_Date d = to_pdf_date(*doc_.info.date);
      HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_CREATION_DATE, d);
      HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_MOD_DATE, d);
    }
    check("set document information");
  }

  /// Each font's subset program, compressed here, as the FontFile2 of its descriptor.
  void embed_font_programs() {
    for (std::size_t f = 0; f < fonts_.size(); ++f) {
      if (!fonts_[f]) continue;
      switch (
          hpdf::embed_font_program(pdf_.get(), fonts_[f], deflate_bytes(programs_[f], name_), programs_[f].size())) {
        case hpdf::EmbedResult::embedded:
          break;
        case hpdf::EmbedResult::not_described:
          fail_haru(name_, "describe a font", err_);
        case hpdf::EmbedResult::no_descriptor:
          fail(name_, "expected libharu to make a font descriptor", doc_.fonts[f].name);
        case hpdf::EmbedResult::no_stream:
          fail_haru(name_, "make a font program stream", err_);
        case hpdf::EmbedResult::not_written:
          fail_haru(name_, "embed a font program", err_);
      }
      check("embed a font program");
    }
  }

  std::string save() {
    HPDF_SaveToStream(pdf_.get());
    check("write the PDF");
    std::string out(HPDF_GetStreamSize(pdf_.get()), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf_.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    check("read the PDF back");
    return out;
  }

  const frame::Document& doc_;
  const std::string& name_;
  HaruError err_;  // filled by on_haru_error; outlives pdf_ (declared before it)
  DocPtr pdf_;
  std::vector<HPDF_Font> fonts_;       // per document font; null when unused
  std::vector<Subset> subsets_;        // per font: glyph id → content code, advances (bytes moved out)
  std::vector<std::string> programs_;  // per font: the subset font program
  std::vector<HPDF_Page> pages_;
  std::vector<std::pair<std::size_t, frame::Link>> page_links_;  ///< (from page, link) to add once every page exists
};

}  // namespace

std::string write_pdf(const frame::Document& doc, const std::string& name) {
  // Groups resolved into page coordinates: the writer draws flat pages.
  const frame::Document flat = frame::flattened(doc);
  return DocumentWriter(flat, name).write();
}

}  // namespace zb::export_pdf
