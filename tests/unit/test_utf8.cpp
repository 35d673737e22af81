// UTF-8 validation and decoding: the well-formed table of the Unicode standard, byte by byte.
#include <catch2/catch.hpp>

#include "base/diagnostics.h"
#include "base/utf8.h"

using namespace zb::base;

TEST_CASE("well-formed UTF-8 is accepted", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
  CHECK_FALSE(find_invalid_utf8("萧山经济技术开发区，。“”").has_value());
  CHECK_FALSE(find_invalid_utf8("𠮷 U+20BB7, 𠀾 U+2003E").has_value());
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF").has_value());  // U+10FFFF
}

TEST_CASE("ill-formed UTF-8 is found at its first byte", "[utf8]") {
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);        // overlong '/'
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0u);      // overlong, 3 bytes
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);     // surrogate U+D800
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(find_invalid_utf8("萧\xE5\xB1") == 3u);        // truncated at the end
  CHECK(find_invalid_utf8("\x80") == 0u);              // lone continuation byte
  CHECK(find_invalid_utf8("ok\xFF") == 2u);
}

TEST_CASE("decoding, encoding and counting agree", "[utf8]") {
  std::string s = "a萧𠮷";
  CHECK(utf8_count(s) == 3);
  std::size_t len = utf8_sequence_length(s, 1);
  CHECK(len == 3);
  CHECK(utf8_decode_at(s, 1, len) == U'萧');
  CHECK(utf8_decode_at(s, 4, 4) == U'\U00020BB7');
  std::string out;
  for (char32_t cp : {U'a', U'萧', U'\U00020BB7'}) utf8_append(out, cp);
  CHECK(out == s);
  CHECK(codepoint_name(U'\U00020BB7') == "U+20BB7");
  CHECK(codepoint_name(U'，') == "U+FF0C");
  CHECK(codepoint_name(U'A') == "U+0041");
  CHECK(codepoint_name(U'\U0010FFFF') == "U+10FFFF");
}

TEST_CASE("excerpts are cut by characters and show control bytes", "[utf8]") {
  CHECK(quote_excerpt("萧山经济", 2) == "'萧山…'");
  CHECK(quote_excerpt("a\tb") == "'a\\x09b'");
}

TEST_CASE("diagnostics print in the one format", "[utf8]") {
  Diagnostic d;
  d.where = Location{"inputs/a.yaml", 3, 9};
  d.expected = "zone.as_of: expected a calendar date YYYY-MM-DD";
  d.found = "'2025-02-30'";
  CHECK(d.str() == "inputs/a.yaml:3:9: error: zone.as_of: expected a calendar date YYYY-MM-DD (found '2025-02-30')");
  CHECK(Diagnostic::whole_file("inputs", "expected a readable folder", "No such file or directory").str() ==
        "inputs:1:1: error: expected a readable folder (found No such file or directory)");
}

TEST_CASE("ill-formed bytes are escaped as hex bytes, valid text is kept", "[utf8]") {
  CHECK(utf8_escape_invalid("zone-\xFF.yaml") == "zone-\\xff.yaml");
  CHECK(utf8_escape_invalid("萧山") == "萧山");
  CHECK(utf8_escape_invalid("萧\xE5\xB1") == "萧\\xe5\\xb1");    // truncated sequence: each byte
  CHECK(utf8_escape_invalid("\xC0\xAF/ok") == "\\xc0\\xaf/ok");  // overlong
  CHECK(utf8_escape_invalid("") == "");
  CHECK_FALSE(find_invalid_utf8(utf8_escape_invalid("a\x80\xFE萧\xED\xA0\x80")).has_value());
}

TEST_CASE("utf8_floor steps back to the start of the character a byte belongs to", "[utf8]") {
  const std::string s = "a萧山";  // 'a' at 0, 萧 at 1–3, 山 at 4–6
  CHECK(utf8_floor(s, 0) == 0);
  CHECK(utf8_floor(s, 1) == 1);
  CHECK(utf8_floor(s, 3) == 1);
  CHECK(utf8_floor(s, 6) == 4);
  CHECK(utf8_floor(s, 7) == 7);  // past the end: the size
  CHECK(utf8_floor("", 0) == 0);
}
