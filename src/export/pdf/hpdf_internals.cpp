// libharu 2.3 adapter: the only file including private libharu headers (see hpdf_internals.h).
#include "export/pdf/hpdf_internals.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

// Written against libharu 2.3.0 as packaged by Debian 12 (libhpdf-dev 2.3.0+dfsg). On any other
// version re-check, in hpdf_font.h / hpdf_fontdef.h / hpdf_objects.h / hpdf_doc.h: the fields
// HPDF_FontAttr_Rec::descendant_font and ::fontdef, HPDF_FontDef_Rec::descriptor and ::attr,
// HPDF_TTFontDefAttr_Rec::embedding, HPDF_Dict_Rec::before_write_fn, ::filter, ::stream and
// ::write_fn, HPDF_Doc_Rec::mmgr and ::xref, HPDF_PageAttr_Rec::stream (hpdf_pages.h); that a TrueType font with
// embedding off gets no CIDToGIDMap and no FontFile2 (hpdf_font_cid.c); and that HPDF_Doc_FindFontDef and
// HPDF_DictStream_New are still exported. Then run tests/unit/test_hpdf_adapter.cpp.
#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error \
    "hpdf_internals.cpp reaches into libharu 2.3.x private structures: re-check every field and call listed above for this libharu version, then update this check"
#endif

namespace zb::export_pdf::hpdf {
namespace {

/// Adds "/Filter /FlateDecode" to a stream whose bytes are already compressed (its libharu filter
/// is "none", so libharu copies them as they are).
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_FontAttr attr_of(HPDF_Font font) { return static_cast<HPDF_FontAttr>(font->attr); }

HPDF_STATUS write_bytes(HPDF_Dict stream_dict, const std::string& bytes) {
  return HPDF_Stream_Write(stream_dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

HPDF_STATUS write_content(HPDF_Page page, const std::string& operators) {
  if (!HPDF_Page_Validate(page)) return HPDF_INVALID_PAGE;
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                           static_cast<HPDF_UINT>(operators.size()));
}

bool mark_not_embedded(HPDF_Doc doc, const char* font_name) {
  HPDF_FontDef def = HPDF_Doc_FindFontDef(doc, font_name);
  if (!def) return false;
  static_cast<HPDF_TTFontDefAttr>(def->attr)->embedding = HPDF_FALSE;
  return true;
}

HPDF_STATUS use_identity_cid_to_gid(HPDF_Font font) {
  HPDF_Dict descendant = attr_of(font)->descendant_font;
  HPDF_Dict_RemoveElement(descendant, "CIDToGIDMap");  // absent for fonts marked not embedded
  return HPDF_Dict_AddName(descendant, "CIDToGIDMap", "Identity");
}

HPDF_STATUS replace_to_unicode(HPDF_Doc doc, HPDF_Font font, const std::string& cmap) {
  HPDF_Dict_RemoveElement(font, "ToUnicode");
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) return HPDF_GetError(doc);
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  if (HPDF_STATUS s = write_bytes(stream, cmap); s != HPDF_OK) return s;
  return HPDF_Dict_Add(font, "ToUnicode", stream);
}

EmbedResult embed_font_program(HPDF_Doc doc, HPDF_Font font, const std::string& zlib_program,
                               std::size_t program_size) {
  if (font->before_write_fn && font->before_write_fn(font) != HPDF_OK) return EmbedResult::not_described;
  HPDF_Dict descriptor = attr_of(font)->fontdef->descriptor;
  if (!descriptor) return EmbedResult::no_descriptor;
  HPDF_Dict program = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!program) return EmbedResult::no_stream;
  program->filter = HPDF_STREAM_FILTER_NONE;
  program->write_fn = write_flate_filter;
  if (write_bytes(program, zlib_program) != HPDF_OK ||
      HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(program_size)) != HPDF_OK ||
      HPDF_Dict_Add(descriptor, "FontFile2", program) != HPDF_OK)
    return EmbedResult::not_written;
  return EmbedResult::embedded;
}

}  // namespace zb::export_pdf::hpdf
