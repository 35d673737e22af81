// Typed readers over YAML nodes: each rule of the input contract, reported in the one format.
#include "load/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "base/utf8.h"

namespace zb::load {
namespace {

std::string prefixed(const std::string& path, const std::string& expected) {
  return path.empty() ? expected : path + ": " + expected;
}

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// YAML 1.2 core schema decimal int or float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_decimal_literal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

bool is_non_finite_literal(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s == ".inf" || s == ".Inf" || s == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN";
}

bool is_integer_literal(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions each cost 1, so "valeu" is one edit from "value".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

/// Finds markup in reader-visible text: an HTML/XML tag or a character entity.
std::optional<std::string> find_markup(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '<') {
      char c = s[i + 1];
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!' || c == '?') {
        auto end = s.find('>', i);
        if (end != std::string_view::npos && end - i <= 64) return std::string(s.substr(i, end - i + 1));
      }
    } else if (s[i] == '&') {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '#') ++j;
      std::size_t start = j;
      while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) && j - start < 32) ++j;
      if (j > start && j < s.size() && s[j] == ';') return std::string(s.substr(i, j - i + 1));
    }
  }
  return std::nullopt;
}

std::string trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

/// True for wide East Asian characters, between which a line break in the source is no space.
bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

/// Line breaks inside a text (multi-line YAML scalars) follow the CSS segment-break rule: CRLF is
/// one break; a break between two wide East Asian characters disappears; any other becomes one
/// space; spaces around a break collapse into it.
std::string fold_line_breaks(const std::string& s) {
  if (s.find_first_of("\r\n") == std::string::npos) return s;
  std::u32string cps;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = base::utf8_sequence_length(s, i);
    if (len == 0) len = 1;
    cps.push_back(base::utf8_decode_at(s, i, len));
    i += len;
  }
  std::u32string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] != U'\r' && cps[i] != U'\n') {
      out.push_back(cps[i]);
      continue;
    }
    while (!out.empty() && (out.back() == U' ' || out.back() == U'\t')) out.pop_back();
    std::size_t j = i;
    while (j < cps.size() && (cps[j] == U'\r' || cps[j] == U'\n' || cps[j] == U' ' || cps[j] == U'\t')) ++j;
    bool wide_join = !out.empty() && j < cps.size() && is_wide(out.back()) && is_wide(cps[j]);
    if (!wide_join && !out.empty() && j < cps.size()) out.push_back(U' ');
    i = j - 1;
  }
  std::string r;
  for (char32_t c : out) base::utf8_append(r, c);
  return r;
}

}  // namespace

// ---- Fields ---------------------------------------------------------------------------------

const YNode* Fields::find(std::string_view key) {
  known_.emplace_back(key);
  if (!node_) return nullptr;
  for (std::size_t i = 0; i < node_->map_size(); ++i) {
    const YNode& k = node_->key(i);
    if (k.is_scalar() && k.value == key) return &node_->val(i);  // first wins; duplicates reported
  }
  return nullptr;
}

const YNode* Fields::required(std::string_view key) {
  const YNode* v = find(key);
  if (!v && node_) s_->error(*node_, path_, "expected the key '" + std::string(key) + "'", "a map without it");
  return v;
}

const YNode* Fields::optional(std::string_view key) { return find(key); }

void Fields::finish() {
  if (!node_) return;
  std::set<std::string> known(known_.begin(), known_.end());
  for (std::size_t i = 0; i < node_->map_size(); ++i) {
    const YNode& k = node_->key(i);
    if (!k.is_scalar()) continue;  // reported by check_duplicate_keys
    if (known.count(k.value) || k.value.rfind("x-", 0) == 0) continue;
    std::string list;
    for (const auto& name : known_) list += (list.empty() ? "" : ", ") + name;
    std::string found = "unknown key " + base::quote_excerpt(k.value);
    if (auto sug = suggest(k.value, known)) found += "; did you mean '" + *sug + "'?";
    s_->error(k, path_, "expected one of the keys " + list + " or an x-... key", found);
  }
}

// ---- Schema ---------------------------------------------------------------------------------

void Schema::error(const YNode& at, const std::string& path, const std::string& expected, const std::string& found) {
  diags_.add({{file_, at.line, at.col}, prefixed(path, expected), found});
}

Fields Schema::fields(const YNode& n, const std::string& path, const std::string& what) {
  if (!n.is_map()) {
    error(n, path, "expected " + what, describe(n));
    return Fields(this, nullptr, path);
  }
  return Fields(this, &n, path);
}

bool Schema::check_text(const YNode& n, const std::string& path, const std::string& value) {
  if (value.empty()) {
    error(n, path, "expected a non-empty text", n.is_null() ? "an empty value" : "an empty string");
    return false;
  }
  std::size_t chars = base::utf8_count(value);
  if (chars > max_text_chars_) {
    error(n, path, "expected a text of at most " + std::to_string(max_text_chars_) + " characters",
          std::to_string(chars) + " characters");
    return false;
  }
  if (auto m = find_markup(value)) {
    error(n, path, "expected plain text without markup", base::quote_excerpt(*m));
    return false;
  }
  // Raw control bytes are refused with the file's encoding; these came from escapes in a quoted
  // string ("\e[31m", "\a", "\x85", "\u009b"), which would reach terminals and pages as-is.
  for (char32_t cp : base::utf8_decode(value))
    if ((cp < 0x20 && cp != U'\t' && cp != U'\n') || (cp >= 0x7F && cp <= 0x9F)) {
      error(n, path, "expected printable text",
            fmt::format("control character U+{:04X} written as an escape", static_cast<unsigned>(cp)));
      return false;
    }
  return true;
}

std::string Schema::plain_text(const YNode& n, const std::string& path, const std::string& expected) {
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return {};
  }
  std::string v = fold_line_breaks(trim(n.value));
  if (!check_text(n, path, v)) return {};
  return v;
}

model::Text Schema::text(const YNode& n, const std::string& path, bool en_required) {
  model::Text t;
  Fields fs = fields(n, path, en_required ? "a {zh: ..., en: ...} map" : "a {zh: ...} map (en optional)");
  if (!fs.ok()) return t;
  if (const YNode* zh = fs.required("zh")) t.zh = plain_text(*zh, path + ".zh", "expected a Chinese text");
  const YNode* en = en_required ? fs.required("en") : fs.optional("en");
  if (en) t.en = plain_text(*en, path + ".en", "expected an English text");
  fs.finish();
  return t;
}

std::string Schema::id(const YNode& n, const std::string& path, const std::string& what) {
  const std::string expected = "expected " + what +
                               " of lowercase letters, digits and '-', starting with a letter or digit, "
                               "at most 64 characters";
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return {};
  }
  const std::string& v = n.value;
  bool ok = !v.empty() && v.size() <= 64 && is_lower_alnum(v[0]) &&
            std::all_of(v.begin(), v.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
  if (!ok) {
    error(n, path, expected, describe(n));
    return {};
  }
  return v;
}

std::optional<model::Date> Schema::date(const YNode& n, const std::string& path) {
  const std::string expected = "expected a calendar date YYYY-MM-DD";
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return std::nullopt;
  }
  const std::string& v = n.value;
  bool shaped = v.size() == 10;  // YYYY-MM-DD: digits, with '-' at 4 and 7
  for (std::size_t i = 0; shaped && i < v.size(); ++i)
    shaped = (i == 4 || i == 7) ? v[i] == '-' : v[i] >= '0' && v[i] <= '9';
  auto field = [&](std::size_t from, std::size_t len) {
    int out = 0;
    std::from_chars(v.data() + from, v.data() + from + len, out);
    return out;
  };
  // Year 0000 is refused (the calendar of the files starts at year 1); the rest is the
  // proleptic Gregorian calendar of std::chrono (2024-02-29 is a day, 1900-02-29 is not).
  const model::Date d = shaped ? model::Date{field(0, 4), field(5, 2), field(8, 2)} : model::Date{};
  if (!shaped || d.year < 1 || !d.ok()) {
    error(n, path, expected, describe(n));
    return std::nullopt;
  }
  return d;
}

std::string Schema::url(const YNode& n, const std::string& path) {
  const std::string expected = "expected an http or https URL";
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return {};
  }
  std::string v = trim(n.value);
  auto colon = v.find(':');
  std::string scheme = colon == std::string::npos ? "" : v.substr(0, colon);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme != "http" && scheme != "https") {
    bool looks_like_scheme = !scheme.empty() && std::all_of(scheme.begin(), scheme.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
    error(n, path, expected, looks_like_scheme ? "scheme '" + scheme + "'" : describe(n));
    return {};
  }
  bool has_host = v.compare(colon, 3, "://") == 0 && v.size() > colon + 3 && v[colon + 3] != '/' &&
                  v[colon + 3] != '?' && v[colon + 3] != '#';
  bool clean = std::none_of(v.begin(), v.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; });
  if (!has_host || !clean || v.size() > 2000) {
    error(n, path, expected, describe(n));
    return {};
  }
  return v;
}

model::Unit Schema::unit(const YNode& n, const std::string& path) {
  static const std::map<std::string, model::UnitCode, std::less<>> kCodes = {
      {"cny", model::UnitCode::cny},     {"percent", model::UnitCode::percent}, {"pp", model::UnitCode::pp},
      {"km2", model::UnitCode::km2},     {"mu", model::UnitCode::mu},           {"people", model::UnitCode::people},
      {"firms", model::UnitCode::firms}, {"count", model::UnitCode::count},     {"rank", model::UnitCode::rank}};
  model::Unit u;
  if (n.is_map()) {
    u.label = text(n, path);
    return u;
  }
  const std::string expected =
      "expected a unit code (cny, percent, pp, km2, mu, people, firms, count, rank) or a {zh, en} map";
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return u;
  }
  auto it = kCodes.find(n.value);
  if (it == kCodes.end()) {
    std::set<std::string> names;
    for (const auto& [k, _] : kCodes) names.insert(k);
    std::string found = describe(n);
    if (auto sug = suggest(n.value, names)) found += "; did you mean '" + *sug + "'?";
    error(n, path, expected, found);
    return u;
  }
  u.code = it->second;
  return u;
}

std::optional<model::Number> Schema::number(const YNode& n, const std::string& path) {
  if (!n.is_scalar()) {
    error(n, path, "expected a number", describe(n));
    return std::nullopt;
  }
  if (n.quoted) {
    error(n, path, "expected a number, not a quoted string", "the string " + describe(n));
    return std::nullopt;
  }
  const std::string& v = n.value;
  if (is_non_finite_literal(v)) {
    error(n, path, "expected a finite number", describe(n));
    return std::nullopt;
  }
  if (!is_decimal_literal(v)) {
    error(n, path, "expected a number", describe(n));
    return std::nullopt;
  }
  // The literal is what gets printed: keep exponents small enough to print.
  if (auto e = v.find_first_of("eE"); e != std::string::npos) {
    std::string_view exp = std::string_view(v).substr(e + 1);
    if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.remove_prefix(1);
    if (exp.size() > 2) {
      error(n, path, "expected a number with an exponent from -99 to 99", describe(n));
      return std::nullopt;
    }
  }
  std::string_view digits = v;
  if (digits.front() == '+') digits.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    error(n, path, "expected a finite number", describe(n));
    return std::nullopt;
  }
  return model::Number{value, std::string(digits)};
}

model::Number Schema::value(const YNode& n, const std::string& path, const model::Unit& unit) {
  auto num = number(n, path);
  if (!num) return {};
  if (unit.code == model::UnitCode::rank && (!is_integer_literal(num->literal) || num->value < 1)) {
    error(n, path, "expected a rank: a whole number from 1", describe(n));
    return {};
  }
  return *num;
}

std::optional<std::string> Schema::word(const YNode& n, const std::string& path, const std::string& expected) {
  if (!n.is_scalar()) {
    error(n, path, expected, describe(n));
    return std::nullopt;
  }
  return n.value;
}

model::Qualifier Schema::qualifier(const YNode& n, const std::string& path) {
  const std::string expected = "expected a qualifier: over, nearly, about or at-least";
  auto w = word(n, path, expected);
  if (!w) return model::Qualifier::none;
  if (*w == "over") return model::Qualifier::over;
  if (*w == "nearly") return model::Qualifier::nearly;
  if (*w == "about") return model::Qualifier::about;
  if (*w == "at-least") return model::Qualifier::at_least;
  std::string found = describe(n);
  if (auto sug = suggest(*w, {"over", "nearly", "about", "at-least"})) found += "; did you mean '" + *sug + "'?";
  error(n, path, expected, found);
  return model::Qualifier::none;
}

model::Better Schema::better(const YNode& n, const std::string& path) {
  const std::string expected = "expected higher or lower";
  auto w = word(n, path, expected);
  if (!w) return model::Better::higher;
  if (*w == "higher") return model::Better::higher;
  if (*w == "lower") return model::Better::lower;
  error(n, path, expected, describe(n));
  return model::Better::higher;
}

model::Order Schema::order(const YNode& n, const std::string& path) {
  const std::string expected = "expected value or given";
  auto w = word(n, path, expected);
  if (!w) return model::Order::value;
  if (*w == "value") return model::Order::value;
  if (*w == "given") return model::Order::given;
  std::string found = describe(n);
  if (auto sug = suggest(*w, {"value", "given"})) found += "; did you mean '" + *sug + "'?";
  error(n, path, expected, found);
  return model::Order::value;
}

model::ChartKind Schema::chart(const YNode& n, const std::string& path) {
  const std::string expected = "expected a chart kind: bar, hbar, line, rank or donut";
  auto w = word(n, path, expected);
  if (!w) return model::ChartKind::bar;
  static const std::map<std::string, model::ChartKind, std::less<>> kKinds = {{"bar", model::ChartKind::bar},
                                                                              {"hbar", model::ChartKind::hbar},
                                                                              {"line", model::ChartKind::line},
                                                                              {"rank", model::ChartKind::rank},
                                                                              {"donut", model::ChartKind::donut}};
  auto it = kKinds.find(*w);
  if (it != kKinds.end()) return it->second;
  std::string found = describe(n);
  if (auto sug = suggest(*w, {"bar", "hbar", "line", "rank", "donut"})) found += "; did you mean '" + *sug + "'?";
  error(n, path, expected, found);
  return model::ChartKind::bar;
}

void Schema::check_duplicate_keys(const YamlDoc& doc) {
  for (const YNode& m : doc.nodes()) {
    if (!m.is_map()) continue;
    std::map<std::string_view, const YNode*> seen;
    for (std::size_t i = 0; i < m.map_size(); ++i) {
      const YNode& k = m.key(i);
      if (!k.is_scalar()) {
        error(k, "", "expected a plain key", describe(k));
        continue;
      }
      auto [it, fresh] = seen.emplace(k.value, &k);
      if (!fresh)
        error(k, "", "expected each key once in a map",
              base::quote_excerpt(k.value) + " again; first at line " + std::to_string(it->second->line));
    }
  }
}

std::optional<std::string> suggest(std::string_view word, const std::set<std::string>& candidates) {
  std::optional<std::string> best;
  if (word.size() > 64) return best;
  std::size_t best_d = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d && d < std::max(word.size(), c.size())) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace zb::load
