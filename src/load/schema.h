// Typed readers over a YamlDoc shared by the facts and layout loaders: maps with known keys,
// bilingual texts, ids, numbers, dates, URLs, units and enums, each reporting in the one format.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "load/yaml_tree.h"
#include "model/facts.h"

namespace zb::load {

class Schema;

/// The keys of one map, read one by one; finish() reports every key nobody asked for.
/// Keys starting with "x-" are free for users and never reported.
class Fields {
 public:
  /// False when the node was not a map (already reported); then every getter returns nullptr.
  bool ok() const { return node_ != nullptr; }
  /// The value of `key`; reports "expected the key ..." at the map when it is missing.
  const YNode* required(std::string_view key);
  /// The value of `key`, or nullptr when absent.
  const YNode* optional(std::string_view key);
  /// Reports unknown keys (with a did-you-mean suggestion).
  void finish();

 private:
  friend class Schema;
  Fields(Schema* s, const YNode* node, std::string path) : s_(s), node_(node), path_(std::move(path)) {}
  const YNode* find(std::string_view key);

  Schema* s_;
  const YNode* node_;
  std::string path_;
  std::vector<std::string> known_;
};

/// Reads typed values out of YAML nodes of one file; every problem becomes a Diagnostic.
/// Readers return a usable default after reporting, so one walk finds every error of a file.
class Schema {
 public:
  Schema(std::string file, std::size_t max_text_chars, base::Diagnostics& diags)
      : file_(std::move(file)), max_text_chars_(max_text_chars), diags_(diags) {}

  base::Diagnostics& diags() { return diags_; }
  const std::string& file() const { return file_; }

  /// Adds `path: expected (found)` at the node's position.
  void error(const YNode& at, const std::string& path, const std::string& expected, const std::string& found);

  /// A map's fields; `what` completes "expected ..." when the node is not a map.
  Fields fields(const YNode& n, const std::string& path, const std::string& what);

  /// A bilingual {zh, en} text. zh is always required; en unless en_required is false.
  model::Text text(const YNode& n, const std::string& path, bool en_required = true);
  /// A single plain string (any scalar, written as-is), checked like text.
  std::string plain_text(const YNode& n, const std::string& path, const std::string& expected);
  /// An id: [a-z0-9][a-z0-9-]*, at most 64 characters. Returns "" when invalid.
  std::string id(const YNode& n, const std::string& path, const std::string& what = "an id");
  /// A real calendar date written YYYY-MM-DD.
  std::optional<model::Date> date(const YNode& n, const std::string& path);
  /// An http or https URL. Returns "" when invalid.
  std::string url(const YNode& n, const std::string& path);
  /// A unit code or a bilingual unit label.
  model::Unit unit(const YNode& n, const std::string& path);
  /// A finite YAML number (not a quoted string); nullopt when invalid.
  std::optional<model::Number> number(const YNode& n, const std::string& path);
  /// A number in `unit`: ranks must be whole numbers from 1.
  model::Number value(const YNode& n, const std::string& path, const model::Unit& unit);
  model::Qualifier qualifier(const YNode& n, const std::string& path);
  model::Better better(const YNode& n, const std::string& path);
  model::ChartKind chart(const YNode& n, const std::string& path);
  model::Order order(const YNode& n, const std::string& path);

  /// Reports every key given twice in one map, anywhere in the document (x- subtrees too),
  /// and every key that is not a plain scalar.
  void check_duplicate_keys(const YamlDoc& doc);

 private:
  /// The scalar text of an enum-like value, or nullopt after reporting.
  std::optional<std::string> word(const YNode& n, const std::string& path, const std::string& expected);
  bool check_text(const YNode& n, const std::string& path, const std::string& value);

  std::string file_;
  std::size_t max_text_chars_;
  base::Diagnostics& diags_;
};

/// The candidate closest to `word` by edit distance, when close enough to be a likely typo.
std::optional<std::string> suggest(std::string_view word, const std::set<std::string>& candidates);

}  // namespace zb::load
