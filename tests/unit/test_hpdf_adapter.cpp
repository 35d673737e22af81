// What the libharu adapter (hpdf_internals) relies on, checked in written PDFs with qpdf.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <libdeflate.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "export/pdf/hpdf_internals.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace hpdf = zb::export_pdf::hpdf;
using nlohmann::json;

namespace {

/// A real TrueType font libharu can load; its bytes also serve as the program to embed.
std::filesystem::path font_path() { return test::source_dir() / "fonts" / "NotoSans-Regular.ttf"; }

/// A bfchar ToUnicode CMap with two entries, as the PDF writer makes them.
const std::string kCmap =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    "2 beginbfchar\n<0041> <0041>\n<0042> <D842DFB7>\nendbfchar\n"
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

struct HaruError {
  HPDF_STATUS code = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS, void* user) {
  auto* e = static_cast<HaruError*>(user);
  if (e->code == 0) e->code = code;
}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

std::string zlib(const std::string& raw) {
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> c(libdeflate_alloc_compressor(6));
  REQUIRE(c);
  std::string out(libdeflate_zlib_compress_bound(c.get(), raw.size()), '\0');
  std::size_t n = libdeflate_zlib_compress(c.get(), raw.data(), raw.size(), out.data(), out.size());
  REQUIRE(n > 0);
  out.resize(n);
  return out;
}

/// A one-page document with one line of text in the test font, written by libharu; with
/// `use_adapter` the font goes through every adapter call the PDF writer makes, in its order.
std::string tiny_pdf(bool use_adapter, const std::string& program) {
  HaruError err;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> doc(HPDF_New(on_error, &err));
  REQUIRE(doc);
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc.get());
  HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(doc.get(), font_path().c_str(), HPDF_TRUE);
  REQUIRE(err.code == 0);
  REQUIRE(name != nullptr);
  if (use_adapter) REQUIRE(hpdf::mark_not_embedded(doc.get(), name));
  HPDF_Font font = HPDF_GetFont(doc.get(), name, "UTF-8");
  REQUIRE(err.code == 0);
  if (use_adapter) {
    REQUIRE(hpdf::use_identity_cid_to_gid(font) == HPDF_OK);
    REQUIRE(hpdf::replace_to_unicode(doc.get(), font, kCmap) == HPDF_OK);
  }
  HPDF_Page page = HPDF_AddPage(doc.get());
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, 12);
  // A joined line as the PDF writer draws one: marked content with its text, a Tj, then a TJ
  // whose correction moves the second glyph (libharu keeps the line start, TJ does not move it).
  if (use_adapter) REQUIRE(hpdf::write_content(page, "/Span <</ActualText <FEFF00410042>>> BDC\n") == HPDF_OK);
  HPDF_Page_TextOut(page, 72, 720, "AB");
  if (use_adapter) {
    HPDF_Page_MoveTextPos(page, 0, -20);
    REQUIRE(hpdf::write_content(page, "[<0041> -500 <0042>] TJ\nEMC\n") == HPDF_OK);
  }
  HPDF_Page_EndText(page);
  REQUIRE(err.code == 0);
  if (use_adapter)
    REQUIRE(hpdf::embed_font_program(doc.get(), font, zlib(program), program.size()) == hpdf::EmbedResult::embedded);
  HPDF_SaveToStream(doc.get());
  REQUIRE(err.code == 0);
  std::string out(HPDF_GetStreamSize(doc.get()), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

/// A written PDF on disk, read back through qpdf.
class Written {
 public:
  Written(const std::string& bytes, const std::string& tag)
      : dir_("zonebrief-hpdf-adapter-" + tag), path_((dir_.path / "tiny.pdf").string()) {
    std::ofstream(path_, std::ios::binary) << bytes;
    test::ToolRun r = test::run_tool("qpdf --json=2 --json-key=qpdf '" + path_ + "'");
    REQUIRE(r.code == 0);
    objects_ = json::parse(r.out).at("qpdf").at(1);
  }

  const std::string& path() const { return path_; }

  /// The dictionary of object `ref` ("7 0 R"), a stream's included.
  const json& dict(const std::string& ref) const {
    const json& o = objects_.at("obj:" + ref);
    return o.contains("stream") ? o.at("stream").at("dict") : o.at("value");
  }

  /// The references of every object whose dictionary has `key` with, if given, `value`.
  std::vector<std::string> with(const std::string& key, const std::string& value = "") const {
    std::vector<std::string> refs;
    for (const auto& [k, o] : objects_.items()) {
      if (k.rfind("obj:", 0) != 0) continue;
      const json& d = o.contains("stream") ? o.at("stream").at("dict") : o.at("value");
      if (d.is_object() && d.contains(key) && (value.empty() || d.at(key) == value)) refs.push_back(k.substr(4));
    }
    return refs;
  }

  /// The decoded data of stream `ref`.
  std::string stream_data(const std::string& ref) const {
    const std::string number = ref.substr(0, ref.find(' '));
    test::ToolRun r = test::run_tool("qpdf '" + path_ + "' --show-object=" + number + " --filtered-stream-data");
    REQUIRE(r.code == 0);
    return r.out;
  }

  /// The Type0 font's descendant CIDFont.
  const json& descendant() const {
    std::vector<std::string> type0 = with("/Subtype", "/Type0");
    REQUIRE(type0.size() == 1);
    return dict(dict(type0[0]).at("/DescendantFonts").at(0).get<std::string>());
  }

  std::string to_unicode_ref() const {
    std::vector<std::string> type0 = with("/Subtype", "/Type0");
    REQUIRE(type0.size() == 1);
    return dict(type0[0]).at("/ToUnicode").get<std::string>();
  }

 private:
  test::TempDir dir_;
  std::string path_;
  json objects_;
};

/// Whether a /Filter value is Flate alone (libharu writes it bare or as a one-item array).
bool is_flate(const json& filter) { return filter == "/FlateDecode" || filter == json::array({"/FlateDecode"}); }

const std::string& program() {
  static const std::string bytes = test::read_text_file(font_path());
  return bytes;
}

}  // namespace

TEST_CASE("hpdf adapter: the document written with it passes qpdf --check", "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(true, program()), "check");
  test::ToolRun r = test::run_tool("qpdf --check '" + pdf.path() + "'");
  CHECK(r.code == 0);
  CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("hpdf adapter: the CIDFont maps CIDs to glyphs by /Identity", "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(true, program()), "identity");
  CHECK(pdf.descendant().at("/CIDToGIDMap") == "/Identity");
  CHECK(pdf.with("/CIDToGIDMap").size() == 1);
}

TEST_CASE("hpdf adapter: /ToUnicode is the given CMap, Flate-compressed", "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(true, program()), "tounicode");
  const std::string ref = pdf.to_unicode_ref();
  CHECK(is_flate(pdf.dict(ref).at("/Filter")));
  CHECK(pdf.stream_data(ref) == kCmap);
}

TEST_CASE("hpdf adapter: the descriptor's FontFile2 is the given program, and the only one", "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(true, program()), "fontfile");
  const json& descriptor = pdf.dict(pdf.descendant().at("/FontDescriptor").get<std::string>());
  CHECK(descriptor.at("/Type") == "/FontDescriptor");
  REQUIRE(descriptor.contains("/FontFile2"));
  const std::string ref = descriptor.at("/FontFile2").get<std::string>();
  CHECK(is_flate(pdf.dict(ref).at("/Filter")));
  CHECK(pdf.dict(ref).at("/Length1") == program().size());
  const std::string data = pdf.stream_data(ref);
  CHECK(data.size() == program().size());
  CHECK(data == program());
  // libharu embedded no copy of its own: one program stream, one descriptor pointing at it.
  CHECK(pdf.with("/Length1").size() == 1);
  CHECK(pdf.with("/FontFile2").size() == 1);
}

TEST_CASE("hpdf adapter: without it libharu writes what the adapter replaces (the checks above can fail)",
          "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(false, program()), "control");
  // A CIDToGIDMap stream instead of /Identity.
  CHECK(pdf.descendant().at("/CIDToGIDMap") != "/Identity");
  // libharu's own ToUnicode (begincidrange), not the given CMap.
  const std::string to_unicode = pdf.stream_data(pdf.to_unicode_ref());
  CHECK(to_unicode != kCmap);
  CHECK(to_unicode.find("begincidrange") != std::string::npos);
  // libharu's own re-serialized copy of the program.
  std::vector<std::string> programs = pdf.with("/FontFile2");
  REQUIRE(programs.size() == 1);
  const std::string ref = pdf.dict(programs[0]).at("/FontFile2").get<std::string>();
  CHECK(pdf.stream_data(ref) != program());
}

TEST_CASE("hpdf adapter: write_content puts marked content and TJ into the page's stream, in order",
          "[pdf][hpdf][render]") {
  Written pdf(tiny_pdf(true, program()), "content");
  std::vector<std::string> pages = pdf.with("/Type", "/Page");
  REQUIRE(pages.size() == 1);
  const std::string content = pdf.stream_data(pdf.dict(pages[0]).at("/Contents").get<std::string>());
  const auto bdc = content.find("/Span <</ActualText <FEFF00410042>>> BDC"), tj = content.find("] TJ"),
             emc = content.find("EMC"), et = content.find("ET");
  REQUIRE(bdc != std::string::npos);
  CHECK(bdc < content.find(" Tj"));
  CHECK(content.find(" Tj") < tj);
  CHECK(tj < emc);
  CHECK(emc < et);
  // Extraction takes the marked text, once, for both lines.
  test::ToolRun r = test::run_tool("pdftotext -enc UTF-8 -nopgbrk '" + pdf.path() + "' -");
  REQUIRE(r.code == 0);
  CHECK(r.out.substr(0, r.out.find_last_not_of("\n\f") + 1) == "AB");
}

TEST_CASE("hpdf adapter: mark_not_embedded reports a font the document does not have", "[pdf][hpdf][render]") {
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> doc(HPDF_New(nullptr, nullptr));
  REQUIRE(doc);
  CHECK_FALSE(hpdf::mark_not_embedded(doc.get(), "NoSuchFont"));
}
