// UTF-8 validation, decoding and code-point counting.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zb::base {

/// Length in bytes of the well-formed UTF-8 sequence starting at text[pos], or 0 if the bytes
/// there are not well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF are
/// ill-formed). pos must be < text.size().
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

/// Byte offset of the first ill-formed UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Decodes the well-formed sequence at text[pos] (precondition: utf8_sequence_length > 0).
char32_t utf8_decode_at(std::string_view text, std::size_t pos, std::size_t len);

/// The code points of `text`; each ill-formed byte becomes U+FFFD (the loaders refuse such
/// text first, so this only keeps later phases total).
std::u32string utf8_decode(std::string_view text);

/// The start of the character that byte `pos` of `text` belongs to (back over continuation
/// bytes): where a cut at or before `pos` keeps characters whole. `text.size()` for pos past it.
std::size_t utf8_floor(std::string_view text, std::size_t pos);

/// Number of code points in valid UTF-8 `text`.
std::size_t utf8_count(std::string_view text);

/// Appends the UTF-8 encoding of code point `cp` to `out`.
void utf8_append(std::string& out, char32_t cp);

/// `text` with every byte of an ill-formed UTF-8 sequence written as "\\xHH" (lower-case hex),
/// so a file name that is not UTF-8 can go into JSON, HTML or an error message; valid text is
/// returned unchanged.
std::string utf8_escape_invalid(std::string_view text);

/// "U+4E2D" style name of a code point (at least four hex digits).
std::string codepoint_name(char32_t cp);

}  // namespace zb::base
