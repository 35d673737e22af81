// The one adapter around libharu 2.3 private structures, which the public API cannot reach.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <string>

/// Everything the PDF backend does to libharu beyond its public API. Each function names what
/// it achieves in the written PDF; the .cpp is the only file that includes libharu's private
/// headers and is checked at compile time against the libharu version it was written for.
/// Functions returning HPDF_STATUS give HPDF_OK or the status of the libharu step that failed;
/// libharu's internal calls do not always report through the document's error handler.
namespace zb::export_pdf::hpdf {

/// Clears the embedding flag of the TrueType font `font_name` that was loaded into `doc` with
/// HPDF_LoadTTFontFromFile(..., HPDF_TRUE) (so its name carries a subset tag): libharu then writes
/// neither a CIDToGIDMap nor a font program of its own. Call it before HPDF_GetFont.
/// Returns false when `doc` holds no font definition of that name.
bool mark_not_embedded(HPDF_Doc doc, const char* font_name);

/// Sets /CIDToGIDMap /Identity on the descendant CIDFont of the Type0 `font` (from HPDF_GetFont
/// with the UTF-8 encoder): content-stream codes are glyph ids.
HPDF_STATUS use_identity_cid_to_gid(HPDF_Font font);

/// Replaces the /ToUnicode stream libharu made for `font` with a new Flate-compressed stream
/// holding `cmap` (the whole CMap program, e.g. a bfchar CMap) as given.
HPDF_STATUS replace_to_unicode(HPDF_Doc doc, HPDF_Font font, const std::string& cmap);

/// Writes `operators` (whole content-stream operators, each ending in a newline) into `page`'s
/// content stream where drawing has got to: libharu has no call for marked content, which
/// the backend needs for ActualText (`/Span <</ActualText <FEFF…>>> BDC` … `EMC`).
HPDF_STATUS write_content(HPDF_Page page, const std::string& operators);

/// How embed_font_program went.
enum class EmbedResult {
  embedded,       ///< the descriptor now has /FontFile2 pointing at the program
  not_described,  ///< libharu's descriptor step failed
  no_descriptor,  ///< libharu made no font descriptor for the font
  no_stream,      ///< the stream object could not be made
  not_written,    ///< the program bytes or its entries could not be added
};

/// Embeds a TrueType font program for `font` (marked with mark_not_embedded): runs libharu's
/// descriptor step now (it runs again while the document is saved and then only renews the same
/// entries), makes a stream with `zlib_program` written as is under /Filter /FlateDecode and
/// /Length1 `program_size` (the uncompressed size), and adds it to the descriptor as /FontFile2.
/// `zlib_program` must already be a zlib stream of the program.
EmbedResult embed_font_program(HPDF_Doc doc, HPDF_Font font, const std::string& zlib_program, std::size_t program_size);

}  // namespace zb::export_pdf::hpdf
