// The one error format of zonebrief: `FILE:LINE:COL: error: <expected> (<found>)`.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zb::base {

/// A position in an input file. line and col are 1-based; col counts Unicode code points.
/// line == 0 means "the file as a whole" (col is then ignored and printed as 1).
struct Location {
  std::string file;
  int line = 0;
  int col = 0;
};

/// One error about an input. `expected` says what the rule wants (it may start with a key
/// path such as "metrics[2].unit: "), `found` says what the input had instead.
struct Diagnostic {
  Location where;
  std::string expected;
  std::string found;

  /// The one-line text: `file:line:col: error: expected (found)`.
  std::string str() const;

  /// A diagnostic about a file or folder as a whole (printed as line 1, column 1).
  static Diagnostic whole_file(std::string file, std::string expected, std::string found);
};

/// An ordered collection of diagnostics with a cap, so a hostile file cannot flood the output.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_count = 100) : max_(max_count) {}

  void add(Diagnostic d);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  /// True once max_count diagnostics were collected: callers may stop early.
  bool full() const { return items_.size() >= max_; }
  /// Sorts by line and column (stable), so output follows the file whatever the check order.
  void sort_by_position();
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Count of diagnostics dropped after the cap was reached.
  std::size_t dropped() const { return dropped_; }

 private:
  std::size_t max_;
  std::vector<Diagnostic> items_;
  std::size_t dropped_ = 0;
};

/// Thrown where a failure cannot be reported in place; carries the formatted diagnostics.
class Error : public std::runtime_error {
 public:
  explicit Error(std::vector<Diagnostic> diags);
  explicit Error(Diagnostic d) : Error(std::vector<Diagnostic>{std::move(d)}) {}
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

/// Shortens `text` to at most `max_chars` code points for quoting in a message, with "…".
std::string quote_excerpt(std::string_view text, std::size_t max_chars = 40);

}  // namespace zb::base
