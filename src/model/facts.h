// Typed facts about one zone: plain structs, the only form of the facts after loading.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zb::model {

/// A reader-visible text in both languages. For source titles `en` may be empty.
/// Where something starts in its facts file (1-based; 0 = unknown): errors found after loading
/// (a character no font has, a block too tall for a page) point there, not at 1:1.
struct Position {
  int line = 0;
  int col = 0;
};

struct Text {
  std::string zh;
  std::string en;
  bool operator==(const Text&) const = default;
};

/// A number as written in the facts file: its value and its literal (e.g. "10.17"), so the
/// precision the data team wrote is kept when it is printed.
struct Number {
  double value = 0;
  std::string literal;
  /// Digits after the decimal point in the literal (0 for "542", 2 for "10.17").
  int decimals() const;
  bool operator==(const Number&) const = default;
};

/// The unit codes of FACTS.md.
enum class UnitCode { cny, percent, pp, km2, mu, people, firms, count, rank };

/// A unit: a code, or a free bilingual label when no code fits.
struct Unit {
  std::optional<UnitCode> code;
  Text label;  ///< set when code is empty
  bool operator==(const Unit&) const = default;
};

enum class Qualifier { none, over, nearly, about, at_least };
enum class Better { higher, lower };
/// What a series is drawn as. `from_to` is never written in a file: a series of two periods
/// drawn as bars or a line becomes one (chart::draw_series).
enum class ChartKind { bar, hbar, line, rank, donut, from_to };
/// The order a chart shows a series' points in: by value (largest first) or as written.
enum class Order { value, given };

/// A calendar date (validated by the loader: a real day of the proleptic Gregorian calendar).
/// The fields are the numbers as written; calendar arithmetic goes through ymd().
struct Date {
  int year = 0, month = 0, day = 0;
  /// The same date as a std::chrono calendar date (not ok() for fields out of range).
  std::chrono::year_month_day ymd() const;
  /// True when the fields name a real day (2024-02-29 yes, 2023-02-29 and 1900-02-29 no).
  bool ok() const;
  std::string iso() const;  ///< "YYYY-MM-DD"
  /// Days since 1970-01-01 (proleptic Gregorian); negative before it.
  long days_since_epoch() const;
  auto operator<=>(const Date&) const = default;
};

struct Zone {
  std::string id;
  Text name;
  std::optional<Text> short_name;
  std::optional<Text> region;
  Date as_of;
  std::string layout = "briefing";  ///< the layout named in the file, or the default
  std::optional<Text> summary;      ///< a short paragraph that opens the briefing
  Position name_at, region_at;      ///< of the name and region texts
};

struct Source {
  std::string id;
  Text title;
  Text publisher;
  std::optional<Date> date;
  std::string url;  ///< empty when absent; otherwise http(s)
  Position at;      ///< of its map in the file
};

struct Change {
  Number value;
  Unit unit;
  std::optional<Text> period;
};

struct Metric {
  std::string id;
  Text label;
  Number value;
  Unit unit;
  Qualifier qualifier = Qualifier::none;
  std::optional<Text> period;
  std::optional<Change> change;
  std::string source;  ///< id of an entry in Facts::sources (checked by the loader)
  std::optional<Text> note;
  std::optional<int> headline;  ///< 1..9 (unique in a file): a headline figure, 1 the most important
  std::optional<Text> topic;    ///< groups figures in tables
  std::optional<Date> date;     ///< the date the figure is current to (else zone.as_of; never later)
  Position at;                  ///< of its map in the file
};

/// One point of a series: its x label and value (not a position: see base::Point).
struct SeriesPoint {
  Text x;  ///< for a plain string label, zh and en hold the same text
  bool x_bilingual = false;
  Number y;
};

struct Series {
  std::string id;
  Text label;
  Unit unit;
  Better better = Better::higher;
  std::optional<ChartKind> chart;
  /// Unset: categories (bilingual x) by value, periods and other plain x as written.
  std::optional<Order> order;
  std::vector<SeriesPoint> points;
  std::string source;
  std::optional<Text> note;
  std::optional<Text> takeaway;  ///< the point the chart makes
  Position at;                   ///< of its map in the file
};

struct Highlight {
  Text text;
  std::string source;
  bool key = false;  ///< belongs in the summary at the top
  Position at;       ///< of its text
};

/// Everything one facts file says about one zone.
struct Facts {
  std::string file;  ///< the path it was loaded from, for messages
  Zone zone;
  std::vector<Source> sources;
  std::vector<Metric> metrics;
  std::vector<Series> series;
  std::vector<Highlight> highlights;

  /// The source with this id, or nullptr.
  const Source* find_source(std::string_view id) const;
};

/// Names used in files and messages ("cny", "at-least", "hbar", ...).
std::string_view name_of(UnitCode u);
std::string_view name_of(Qualifier q);
std::string_view name_of(Better b);
std::string_view name_of(ChartKind c);
std::string_view name_of(Order o);

}  // namespace zb::model
