// A small read-only YAML tree built from yaml-cpp's parser events, with guards for hostile files.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace zb::load {

/// Guards applied while parsing. Defaults suit facts and layout files.
struct YamlLimits {
  std::size_t max_depth = 64;  ///< nested maps/lists below the root
  /// Nodes after expanding aliases (billion-laughs guard). A file within the size limit (1 MiB)
  /// holds fewer plain nodes, so only alias expansion reaches it.
  std::size_t max_nodes = 1'000'000;
  std::size_t max_bytes = 4u << 20;  ///< scalar bytes after expanding aliases (4 MiB)
};

/// One node of the tree. Positions are 1-based; col counts code points.
struct YNode {
  enum class Kind : unsigned char { null, scalar, seq, map };
  Kind kind = Kind::null;
  bool quoted = false;  ///< scalar written quoted, as a block scalar, or tagged !!str
  int line = 0;
  int col = 0;
  std::string value;  ///< scalar text
  /// seq: the elements; map: key, value, key, value, ... An alias shares its target node.
  std::vector<const YNode*> items;
  std::size_t expanded = 1;        ///< node count of this subtree with aliases expanded (saturating)
  std::size_t expanded_bytes = 0;  ///< scalar bytes of this subtree with aliases expanded (saturating)

  bool is_map() const { return kind == Kind::map; }
  bool is_seq() const { return kind == Kind::seq; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  std::size_t map_size() const { return items.size() / 2; }
  const YNode& key(std::size_t i) const { return *items[2 * i]; }
  const YNode& val(std::size_t i) const { return *items[2 * i + 1]; }
};

/// A parsed document. Owns its nodes; node pointers stay valid while it lives.
class YamlDoc {
 public:
  YamlDoc() = default;
  YamlDoc(YamlDoc&&) = default;
  YamlDoc& operator=(YamlDoc&&) = default;
  YamlDoc(const YamlDoc&) = delete;
  YamlDoc& operator=(const YamlDoc&) = delete;

  /// The root node; a null node for an empty document.
  const YNode& root() const { return *root_; }
  /// Every node once (aliases are not repeated), in creation order.
  const std::deque<YNode>& nodes() const { return nodes_; }

 private:
  friend class TreeBuilder;
  friend std::optional<YamlDoc> parse_yaml(std::string_view, const std::string&, const struct YamlLimits&,
                                           base::Diagnostics&);
  std::deque<YNode> nodes_;
  const YNode* root_ = nullptr;
};

/// Parses `text` (valid UTF-8 without NUL bytes; a leading BOM is skipped) as exactly one YAML
/// document. On failure adds diagnostics for `file` and returns nullopt.
std::optional<YamlDoc> parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits,
                                  base::Diagnostics& diags);

/// Checks raw bytes before parsing: valid UTF-8, no NUL bytes, no control characters other
/// than tab, CR and LF. Adds one diagnostic per problem kind and returns false on failure.
bool check_encoding(std::string_view text, const std::string& file, base::Diagnostics& diags);

/// Line/column (1-based, column in code points) of byte offset `pos` in `text`.
std::pair<int, int> position_of(std::string_view text, std::size_t pos);

/// "a map", "a list", "an empty value" or the quoted scalar text: for "(found ...)" parts.
std::string describe(const YNode& n);

}  // namespace zb::load
