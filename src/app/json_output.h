// Machine-readable output (--json): diagnostics as JSON objects, one way to print a document.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"

namespace zb::app {

/// {"file", "line", "column", "expected", "found", "message"}: the parts of a diagnostic and its
/// one-line text (`message`, as printed without --json); a whole-file diagnostic is at 1:1.
nlohmann::ordered_json diagnostic_json(const base::Diagnostic& d);

/// Prints `doc` with two-space indentation and a final newline; bytes that are not UTF-8 (a file
/// name, say) become U+FFFD rather than failing the output.
void print_json(std::ostream& out, const nlohmann::ordered_json& doc);

}  // namespace zb::app
