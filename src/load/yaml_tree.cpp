// Builds a YamlDoc from yaml-cpp parser events, enforcing depth, alias-expansion and
// single-document limits, and translating yaml-cpp errors into the one diagnostic format.
#include "load/yaml_tree.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "base/utf8.h"

namespace zb::load {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Raised inside the event handler when a limit is exceeded; unwinds yaml-cpp's parser.
struct LimitError {
  std::size_t pos;
  std::string expected;
  std::string found;
};

}  // namespace

/// Receives yaml-cpp events and builds the tree. Friend of YamlDoc.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDoc& doc, const YamlLimits& limits, std::size_t base_offset)
      : doc_(doc), limits_(limits), base_(base_offset) {}

  bool saw_root() const { return root_ != nullptr; }
  YNode* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YNode& n = make(YNode::Kind::null, mark);
    register_anchor(anchor, &n);
    attach(&n);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    // yaml-cpp rejects unknown anchors itself; guard anyway.
    if (it == anchors_.end()) throw LimitError{pos(mark), "expected a defined anchor", "an unknown alias"};
    YNode* target = it->second;
    if (std::find(open_.begin(), open_.end(), target) != open_.end())
      throw LimitError{pos(mark), "expected an alias to a complete node", "an alias inside the node it refers to"};
    aliases_ = true;
    attach(target);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode& n = make(YNode::Kind::scalar, mark);
    check_tag(tag, mark, /*scalar=*/true);
    n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    n.value = value;
    n.expanded_bytes = value.size();
    register_anchor(anchor, &n);
    attach(&n);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YNode::Kind::seq, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YNode::Kind::map, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  std::size_t pos(const YAML::Mark& m) const { return base_ + static_cast<std::size_t>(std::max(0, m.pos)); }

  YNode& make(YNode::Kind kind, const YAML::Mark& mark) {
    YNode& n = doc_.nodes_.emplace_back();
    n.kind = kind;
    // Positions are resolved to line/col later, from the byte offset (see parse_yaml).
    n.line = -1;
    n.col = static_cast<int>(pos(mark));
    return n;
  }

  void check_tag(const std::string& tag, const YAML::Mark& mark, bool scalar) const {
    if (tag.empty() || tag == "?" || tag == "!") return;
    if (scalar &&
        (tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float"))
      return;
    if (!scalar && (tag == "tag:yaml.org,2002:map" || tag == "tag:yaml.org,2002:seq")) return;
    throw LimitError{pos(mark), "expected plain data without YAML tags other than !!str",
                     "tag " + base::quote_excerpt(tag)};
  }

  void register_anchor(YAML::anchor_t anchor, YNode* n) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
  }

  void open(YNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (open_.size() >= limits_.max_depth + 1)
      throw LimitError{pos(mark), "expected nesting at most " + std::to_string(limits_.max_depth) + " levels deep",
                       "deeper nesting"};
    YNode& n = make(kind, mark);
    check_tag(tag, mark, /*scalar=*/false);
    register_anchor(anchor, &n);
    attach(&n);
    open_.push_back(&n);
  }

  void close() {
    YNode* n = open_.back();
    open_.pop_back();
    std::size_t total = 1, bytes = 0;
    for (const YNode* c : n->items) {
      total = std::min(total + c->expanded, limits_.max_nodes + 1);
      bytes = std::min(bytes + c->expanded_bytes, limits_.max_bytes + 1);
    }
    n->expanded = total;
    n->expanded_bytes = bytes;
    const std::string expanded = aliases_ ? " with aliases expanded" : "";
    const std::string found = aliases_ ? "a node that expands to more" : "a node with more";
    if (bytes > limits_.max_bytes)
      throw LimitError{static_cast<std::size_t>(n->col),
                       "expected at most " + std::to_string(limits_.max_bytes) + " bytes of text" + expanded, found};
    if (total > limits_.max_nodes)
      throw LimitError{static_cast<std::size_t>(n->col),
                       "expected at most " + std::to_string(limits_.max_nodes) + " nodes" + expanded, found};
  }

  void attach(YNode* n) {
    if (open_.empty()) {
      if (!root_) root_ = n;
      return;
    }
    open_.back()->items.push_back(n);
  }

  YamlDoc& doc_;
  const YamlLimits& limits_;
  std::size_t base_;
  std::vector<YNode*> open_;
  std::unordered_map<YAML::anchor_t, YNode*> anchors_;
  bool aliases_ = false;  // the limits' messages say "with aliases expanded" only when there are some
  YNode* root_ = nullptr;
};

namespace {

/// Ignores the events of a second document; only its existence matters.
class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& m) override { start = m; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark start;
};

/// yaml-cpp's messages start lower-case and name the problem; keep them as the "found" part.
std::string yaml_message(const YAML::ParserException& e) {
  std::string msg = e.msg;
  if (!msg.empty() && msg.back() == '.') msg.pop_back();
  return msg;
}

base::Diagnostic at(const std::string& file, std::string_view text, std::size_t pos, std::string expected,
                    std::string found) {
  auto [line, col] = position_of(text, std::min(pos, text.size()));
  return base::Diagnostic{{file, line, col}, std::move(expected), std::move(found)};
}

}  // namespace

std::pair<int, int> position_of(std::string_view text, std::size_t pos) {
  int line = 1;
  // A byte-order mark is not a column.
  std::size_t line_start = text.substr(0, kBom.size()) == kBom && pos >= kBom.size() ? kBom.size() : 0;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int col = 1 + static_cast<int>(base::utf8_count(text.substr(line_start, pos - line_start)));
  return {line, col};
}

std::string describe(const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::null:
      return "an empty value";
    case YNode::Kind::seq:
      return "a list";
    case YNode::Kind::map:
      return "a map";
    case YNode::Kind::scalar:
      if (n.value.empty()) return "an empty string";
      return base::quote_excerpt(n.value);
  }
  return "?";
}

bool check_encoding(std::string_view text, const std::string& file, base::Diagnostics& diags) {
  bool ok = true;
  if (auto bad = base::find_invalid_utf8(text)) {
    diags.add(at(file, text.substr(0, *bad), *bad, "expected UTF-8 text",
                 fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad]))));
    ok = false;
  }
  auto nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diags.add(at(file, text, nul, "expected text without NUL bytes", "a NUL byte"));
    ok = false;
  }
  if (ok) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        diags.add(at(file, text, i, "expected printable text", fmt::format("control character 0x{:02X}", c)));
        ok = false;
        break;
      }
    }
  }
  return ok;
}

std::optional<YamlDoc> parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits,
                                  base::Diagnostics& diags) {
  std::size_t base_offset = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  std::string body(text.substr(base_offset));
  std::istringstream in(body);
  YamlDoc doc;
  TreeBuilder builder(doc, limits, base_offset);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    NullHandler rest;
    if (parser.HandleNextDocument(rest)) {
      // yaml-cpp ends an empty first document at text it cannot start a node with (a stray ","
      // say) and reads on from there: that is a syntax error, not a second document.
      if (!builder.saw_root() || builder.root()->is_null())
        diags.add(at(file, text, base_offset + std::max(0, rest.start.pos), "expected valid YAML syntax",
                     "a syntax error: text that cannot start a document"));
      else
        diags.add(at(file, text, base_offset + std::max(0, rest.start.pos), "expected a single YAML document",
                     "a second document"));
      return std::nullopt;
    }
  } catch (const LimitError& e) {
    diags.add(at(file, text, e.pos, e.expected, e.found));
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    diags.add(at(file, text, base_offset + std::max(0, e.mark.pos),
                 "expected nesting at most " + std::to_string(limits.max_depth) + " levels deep", "deeper nesting"));
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    diags.add(at(file, text, base_offset + std::max(0, e.mark.pos), "expected valid YAML syntax",
                 "a syntax error: " + yaml_message(e)));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.add(at(file, text, 0, "expected valid YAML syntax", std::string("a syntax error: ") + e.what()));
    return std::nullopt;
  }

  // Resolve byte offsets (stored in col) to line/col in one pass over the text.
  std::vector<std::pair<std::size_t, YNode*>> order;
  order.reserve(doc.nodes_.size());
  for (auto& n : doc.nodes_) order.emplace_back(static_cast<std::size_t>(n.col), &n);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  int line = 1;
  std::size_t line_start = 0, i = base_offset;  // a byte-order mark is not a column
  int col = 1;
  for (auto& [p, n] : order) {
    std::size_t target = std::min(p, text.size());
    for (; i < target; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        ++line;
        line_start = i + 1;
        col = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++col;
      }
    }
    (void)line_start;
    n->line = line;
    n->col = col;
  }

  if (!builder.root()) {
    YNode& empty = doc.nodes_.emplace_back();
    empty.line = 1;
    empty.col = 1;
    doc.root_ = &empty;
  } else {
    doc.root_ = builder.root();
  }
  return doc;
}

}  // namespace zb::load
