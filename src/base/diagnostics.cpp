// The one error format: formatting and collecting diagnostics.
#include "base/diagnostics.h"

#include <algorithm>

#include "base/utf8.h"

namespace zb::base {

std::string Diagnostic::str() const {
  std::string out = where.file;
  out += ':';
  out += std::to_string(where.line > 0 ? where.line : 1);
  out += ':';
  out += std::to_string(where.line > 0 && where.col > 0 ? where.col : 1);
  out += ": error: ";
  out += expected;
  if (!found.empty()) {
    out += " (found ";
    out += found;
    out += ')';
  }
  return out;
}

Diagnostic Diagnostic::whole_file(std::string file, std::string expected, std::string found) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.expected = std::move(expected);
  d.found = std::move(found);
  return d;
}

void Diagnostics::add(Diagnostic d) {
  if (full()) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::sort_by_position() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.col < b.where.col;
  });
}

static std::string join_lines(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) {
    if (!out.empty()) out += '\n';
    out += d.str();
  }
  return out;
}

Error::Error(std::vector<Diagnostic> diags) : std::runtime_error(join_lines(diags)), diags_(std::move(diags)) {}

std::string quote_excerpt(std::string_view text, std::size_t max_chars) {
  std::string out = "'";
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) len = 1;  // invalid bytes were rejected earlier; never loop forever
    if (chars == max_chars) {
      out += "…";
      break;
    }
    char32_t cp = len == 1 ? static_cast<unsigned char>(text[i]) : 0;
    if (len == 1 && (cp < 0x20 || cp == 0x7f)) {
      static const char* hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[cp >> 4];
      out += hex[cp & 15];
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
    ++chars;
  }
  out += "'";
  return out;
}

}  // namespace zb::base
