// The chart rules, one test each: titles that state the point, an index's axis and its baseline
// flag, sorting, consistent decimals, two periods as from→to, small charts sharing a row, a unit
// line on every chart, one marker style, the minus sign, charts never split from their notes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <unistd.h>

#include "app/sample_document.h"
#include "chart/charts.h"
#include "chart/choice.h"
#include "export/pdf/pdf_writer.h"
#include "layout/chart_grid.h"
#include "layout/compose.h"
#include "load/facts_loader.h"
#include "load/layout_loader.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;

namespace {

using test::fonts;

using test::load_zone;

const model::Series& series(const model::Facts& f, const std::string& id) {
  auto it = std::find_if(f.series.begin(), f.series.end(), [&](const auto& s) { return s.id == id; });
  if (it == f.series.end()) throw std::runtime_error("no series " + id);
  return *it;
}

const model::Facts& stress() {
  static const model::Facts f = load_zone("tests/charts/chart-stress.yaml");
  return f;
}

const model::Facts& etdz() {
  static const model::Facts f = load_zone("inputs/xiaoshan-etdz.yaml");
  return f;
}

chart::Chart draw(const model::Series& s, chart::Languages langs = {}, double width = 380) {
  return chart::draw_series(fonts(), s, "来源：测试日报\nSource: Test Daily", width, {}, langs, {"t.yaml", "series"});
}

std::vector<std::string> runs(const chart::Chart& c) {
  std::vector<std::string> out;
  for (const auto& item : c.items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) out.push_back(t->text);
  return out;
}

std::vector<std::string> xs_of(const model::Series& s) {
  std::vector<std::string> out;
  for (const auto& p : s.points) out.push_back(p.x.en);
  return out;
}

const std::vector<chart::Languages> kModes = {
    {chart::Lang::zh, true}, {chart::Lang::en, true}, {chart::Lang::zh, false}, {chart::Lang::en, false}};

}  // namespace

TEST_CASE("chart rules: differences are exact decimal arithmetic on the literals", "[chart][rules]") {
  auto n = [](const std::string& lit) { return model::Number{std::stod(lit), lit}; };
  CHECK(chart::difference(n("10.17"), n("32.71")).literal == "-22.54");
  CHECK(chart::difference(n("14500000000"), n("10800000000")).literal == "3700000000");
  CHECK(chart::difference(n("13.0"), n("11.6")).literal == "1.4");
  CHECK(chart::difference(n("0.3"), n("0.1")).literal == "0.2");  // not 0.19999999999999998
  CHECK(chart::difference(n("1e3"), n("999.5")).literal == "0.5");
  CHECK(chart::difference(n("-0.8"), n("1.8")).literal == "-2.6");
  CHECK(chart::difference(n("5"), n("5.00")).literal == "0.00");
  CHECK(chart::difference(n("6"), n("48")).value == -42);
  CHECK(chart::with_decimals("100", 2) == "100.00");
  CHECK(chart::with_decimals("−3.2", 2) == "−3.20");
  CHECK(chart::with_decimals("1,234.5", 1) == "1,234.5");
  CHECK(chart::is_period("2024"));
  CHECK(chart::is_period("2024-03"));
  CHECK(chart::is_period("2024年"));
  CHECK(chart::is_period("2024Q1"));
  CHECK_FALSE(chart::is_period("20245"));
  CHECK_FALSE(chart::is_period("一月"));
  CHECK_FALSE(chart::is_period("A"));
}

TEST_CASE("chart rules: the title states the point, the takeaway first, else derived for ranks and periods",
          "[chart][rules]") {
  auto plan = chart::plan_chart(series(stress(), "rank-path"));
  CHECK(plan.derived_title);
  CHECK(plan.title.zh == "第48位 → 第6位，上升42位");
  CHECK(plan.title.en == "48th → 6th, up 42 places");
  REQUIRE(plan.subtitle);
  CHECK(plan.subtitle->en == "National ETDZ ranking");

  plan = chart::plan_chart(series(stress(), "two-points"));
  CHECK(plan.title.zh == "2024年：145亿元，比2023年增加37亿元");
  CHECK(plan.title.en == "2024: CNY 14.5 billion, up CNY 3.7 billion on 2023");

  plan = chart::plan_chart(series(stress(), "twenty-four"));
  CHECK(plan.title.zh == "2024年12月：13.0%，比2024年11月上升1.4个百分点");  // a change of percentages in points
  CHECK(plan.title.en == "Dec 2024: 13.0%, up 1.4 pp on Nov 2024");
  CHECK(plan.shown.points.front().x.zh == "2023年1月");  // months as readers write them
  CHECK(plan.shown.points.front().x.en == "Jan 2023");

  plan = chart::plan_chart(series(stress(), "price-index"));
  CHECK(plan.title.en == "Jun 2025: 112.7 points, up 3.8 points on May 2025");

  // Categories say no single thing: the label is the title.
  plan = chart::plan_chart(series(stress(), "long-labels"));
  CHECK_FALSE(plan.derived_title);
  CHECK(plan.title.en == "Very long category labels");
  CHECK_FALSE(plan.subtitle);

  // A takeaway wins, and the label becomes the subtitle.
  const auto& ranking = series(etdz(), "national-ranking");
  REQUIRE(ranking.takeaway);
  plan = chart::plan_chart(ranking);
  CHECK(plan.title.zh == ranking.takeaway->zh);
  CHECK_FALSE(plan.derived_title);
  REQUIRE(plan.subtitle);
  CHECK(plan.subtitle->zh == ranking.label.zh);
  CHECK(draw(ranking).title == ranking.takeaway->zh);
  CHECK(draw(ranking, {chart::Lang::en, false}).title == ranking.takeaway->en);
}

TEST_CASE("chart rules: a line of an index far from zero gets an axis around its data, flagged as not from zero",
          "[chart][rules]") {
  const auto& index = series(stress(), "price-index");  // 98.5 … 112.7
  CHECK(chart::far_from_zero(index));
  auto c = draw(index);
  CHECK(c.kind == model::ChartKind::line);
  CHECK_FALSE(c.zero_based);
  CHECK(c.axis_lo == 95);
  CHECK(c.axis_hi == 115);
  CHECK(c.unit_line == "单位：点，纵轴不从零开始 · Unit: points; axis does not start at zero");
  CHECK(draw(index, {chart::Lang::en, false}).unit_line == "Unit: points; axis does not start at zero");
  // Bars always start at zero, whatever the values: the same series as bars has a zero baseline.
  auto bars = chart::draw_series(fonts(), index, "", 380, {}, {}, {"t.yaml", "series"}, model::ChartKind::bar);
  CHECK(bars.kind == model::ChartKind::bar);
  CHECK(bars.zero_based);
  CHECK(bars.axis_lo == 0);
  CHECK(bars.unit_line == "单位：点 · Unit: points");
  // Values that cross or come near zero keep it on a line too.
  auto growth = draw(series(stress(), "twenty-four"));
  CHECK(growth.zero_based);
  CHECK(growth.axis_lo < 0);
  CHECK_FALSE(chart::far_from_zero(series(stress(), "twenty-four")));
}

TEST_CASE("chart rules: categories are sorted by value unless their order means something", "[chart][rules]") {
  // Categories: largest first (top of a horizontal bar chart, left of columns).
  const auto& firms = series(etdz(), "cultivated-enterprises-by-type");
  auto plan = chart::plan_chart(firms);
  std::vector<double> values;
  for (const auto& p : plan.shown.points) values.push_back(p.y.value);
  CHECK(values == std::vector<double>{974, 542, 181, 42, 25});
  CHECK(draw(firms).values == std::vector<std::string>{"974", "542", "181", "42", "25"});
  // `order: given`: as written.
  CHECK(xs_of(chart::plan_chart(series(stress(), "negatives")).shown) ==
        std::vector<std::string>{"Jan", "Feb", "Mar", "Apr", "May"});
  // Periods and other plain labels: as written.
  CHECK(xs_of(chart::plan_chart(series(stress(), "dominant")).shown) ==
        std::vector<std::string>{"A", "B", "C", "D", "E"});
  CHECK(chart::display_order(series(stress(), "rank-path")) == std::vector<std::size_t>{0, 1, 2, 3});
  // Lower is better: the best (smallest) first.
  model::Series lower = firms;
  lower.better = model::Better::lower;
  CHECK(chart::display_order(lower) == std::vector<std::size_t>{1, 4, 2, 0, 3});
}

TEST_CASE("chart rules: the value labels of a chart share one number of decimals", "[chart][rules]") {
  // 98.5, 100, 102.0, 104.35, 108.9, 112.7: two decimals each (only zeros are added).
  for (const auto& v : draw(series(stress(), "price-index"), {}, 500).values) CHECK(chart::decimals_of(v) == 2);
  const auto neg = draw(series(stress(), "negatives")).values;
  CHECK(std::find(neg.begin(), neg.end(), "12.50") != neg.end());
  CHECK(std::find(neg.begin(), neg.end(), "−3.20") != neg.end());
  CHECK(std::find(neg.begin(), neg.end(), "4.00") != neg.end());
  for (const auto& f : {stress(), etdz()})
    for (const auto& s : f.series)
      for (const auto& langs : kModes) {
        auto c = draw(s, langs);
        if (c.kind == model::ChartKind::rank) continue;  // ordinals
        INFO(s.id);
        std::set<int> decimals;
        for (const auto& v : c.values) decimals.insert(chart::decimals_of(v));
        CHECK(decimals.size() <= 1);
      }
}

TEST_CASE("chart rules: a series of two periods is a from→to figure, two categories stay bars", "[chart][rules]") {
  auto c = draw(series(stress(), "two-points"));
  CHECK(c.kind == model::ChartKind::from_to);
  CHECK(c.values == std::vector<std::string>{"108", "145"});
  CHECK(c.axis_lo == 0);  // on a zero-based scale
  CHECK(draw(series(stress(), "two-points"), {chart::Lang::en, false}).values ==
        std::vector<std::string>{"10.8", "14.5"});
  // A bar hint does not make two periods two bars.
  const auto& share = series(etdz(), "real-estate-share");
  REQUIRE(share.chart == model::ChartKind::bar);
  auto s = draw(share);
  CHECK(s.kind == model::ChartKind::from_to);
  CHECK(s.values == std::vector<std::string>{"32.71", "10.17"});
  // Titled by its takeaway, the figure states the change under the scale.
  std::string all;
  for (const auto& t : runs(s)) all += t;
  CHECK(all.find("下降22.54个百分点 · down 22.54 pp") != std::string::npos);
  // Two categories are not a change over time.
  CHECK(draw(series(etdz(), "kelei-market-share")).kind == model::ChartKind::bar);
}

TEST_CASE("chart rules: small charts share a row, two to the measure, the others take it alone", "[chart][rules]") {
  using Rows = std::vector<std::vector<std::size_t>>;
  CHECK(layout::chart_rows({true, false, true, true, false, true}) == Rows{{0, 2}, {1}, {3, 5}, {4}});
  CHECK(layout::chart_rows({true}) == Rows{{0}});
  CHECK(layout::chart_rows({false, false}) == Rows{{0}, {1}});
  CHECK(layout::chart_rows({true, false, false}) == Rows{{0}, {1}, {2}});  // alone: the whole measure

  // The ETDZ's five charts: rank + sectors, real estate + market share, then the firms.
  std::vector<bool> half;
  for (const auto& s : etdz().series) half.push_back(chart::half_width(chart::plan_chart(s)));
  CHECK(half == std::vector<bool>{true, true, true, false, true});

  layout::Flow flow(fonts(), layout::PageSetup{}, {"t.yaml", ""});
  std::vector<layout::ChartItem> items;
  for (const auto& s : etdz().series) items.push_back({&s, "来源：测试", {"t.yaml", "series"}});
  layout::set_charts(flow, fonts(), items, {}, {}, {50, 0, 20, 18});
  auto doc = flow.finish({}, {});
  std::map<double, std::vector<double>> rows;  // y → the x of each chart there
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* g = std::get_if<frame::Group>(&item))
        for (const auto& inner : g->items)
          if (const auto* c = std::get_if<frame::Group>(&inner))
            rows[g->origin.y + static_cast<double>(&page - doc.pages.data()) * 10000].push_back(c->origin.x);
  std::vector<std::size_t> sizes;
  for (const auto& [y, x] : rows) sizes.push_back(x.size());
  // A chart's header can be made taller, so the plots of a row start level.
  chart::Style tall;
  tall.header_min = 120;
  const auto& firms = series(etdz(), "kelei-market-share");
  CHECK(draw(firms).header_height < 120);
  CHECK(chart::draw_series(fonts(), firms, "", 240, tall, {}, {"t.yaml", "series"}).header_height == 120);
  CHECK(sizes == std::vector<std::size_t>{2, 2, 1});
  const double measure = layout::PageSetup{}.width - layout::PageSetup{}.margin_left - layout::PageSetup{}.margin_right;
  CHECK(rows.begin()->second[1] - rows.begin()->second[0] == Approx((measure - 18) / 2 + 18));
}

TEST_CASE("chart rules: every chart has a unit line, in each language shown", "[chart][rules]") {
  std::vector<model::Facts> zones = test::seed_zones();
  zones.push_back(stress());
  std::size_t charts = 0;
  for (const auto& f : zones)
    for (const auto& s : f.series)
      for (const auto& langs : kModes) {
        auto c = draw(s, langs);
        INFO(f.zone.id << " " << s.id << " " << c.unit_line);
        const bool zh = langs.primary == chart::Lang::zh;
        CHECK(c.unit_line.rfind(zh ? "单位：" : "Unit: ", 0) == 0);
        CHECK((c.unit_line.find(zh ? " · Unit: " : " · 单位：") != std::string::npos) == langs.bilingual);
        ++charts;
      }
  CHECK(charts == 4 * (6 + 9));  // the seed zones' six charts and the stress file's nine, four modes each
  // A plain count says so: the Binjiang platforms chart compares counts.
  const auto binjiang = load_zone("inputs/hangzhou-hitech-binjiang.yaml");
  CHECK(draw(binjiang.series.front()).unit_line == "单位：个 · Unit: number");
}

TEST_CASE("chart rules: markers are all alike, and a long line has none", "[chart][rules]") {
  auto markers = [](const chart::Chart& c) {
    std::set<std::pair<long, long>> sizes;  // width and height of every small filled path, in 1/100 pt
    std::size_t n = 0;
    for (const auto& item : c.items)
      if (const auto* p = std::get_if<frame::Path>(&item); p && p->fill && !(*p->fill == frame::Color{1, 1, 1})) {
        double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
        for (const auto& op : p->ops) {
          const int used = op.kind == frame::PathOp::Kind::curve ? 3 : op.kind == frame::PathOp::Kind::close ? 0 : 1;
          for (int k = 0; k < used; ++k) {
            const auto& pt = op.p[k];
            x0 = std::min(x0, pt.x), x1 = std::max(x1, pt.x), y0 = std::min(y0, pt.y), y1 = std::max(y1, pt.y);
          }
        }
        if (x1 - x0 < 8 && y1 - y0 < 8 && x1 - x0 > 1) {
          sizes.insert({std::lround((x1 - x0) * 100), std::lround((y1 - y0) * 100)});
          ++n;
        }
      }
    return std::pair{n, sizes.size()};
  };
  CHECK(markers(draw(series(stress(), "rank-path"))) == std::pair<std::size_t, std::size_t>{4, 1});
  CHECK(markers(draw(series(stress(), "price-index"))) == std::pair<std::size_t, std::size_t>{6, 1});
  CHECK(markers(draw(series(stress(), "twenty-four"))).first == 0);
}

TEST_CASE("chart rules: negative numbers and ticks print a true minus sign", "[chart][rules]") {
  for (const auto& id : {"negatives", "twenty-four"})
    for (const auto& langs : kModes) {
      const auto texts = runs(draw(series(stress(), id), langs));
      std::string all;  // runs split by face: "−" and "5" may be two runs
      for (const auto& t : texts) all += t + "|";
      INFO(id);
      for (const auto& t : texts)
        for (std::size_t i = 0; i + 1 < t.size(); ++i)  // a hyphen before a digit only inside a date (2024-04)
          CHECK_FALSE(
              (t[i] == '-' && t[i + 1] >= '0' && t[i + 1] <= '9' && (i == 0 || t[i - 1] < '0' || t[i - 1] > '9')));
      CHECK((all.find("|−|5|") != std::string::npos || all.find("|−5|") != std::string::npos));  // a tick below zero
    }
}

TEST_CASE("chart rules: a chart, its note and its source are never split across pages", "[chart][rules]") {
  base::SystemEnv env;
  auto layout = load::load_layout_file(env, test::source_dir() / "layouts" / "briefing.yaml");
  REQUIRE(layout.ok());
  for (auto mode : {model::LangMode::zh_en, model::LangMode::side_by_side, model::LangMode::en}) {
    layout::ComposeOptions o;
    o.lang = mode;
    auto doc = layout::compose_briefing(fonts(), etdz(), *layout.layout, o);
    std::size_t checked = 0;
    for (const auto& s : etdz().series) {
      if (!s.note) continue;
      ++checked;
      const std::string title = mode == model::LangMode::en ? s.takeaway->en : s.takeaway->zh;
      auto squeezed = [](std::string t) {  // lines joined lose the space at their break
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        return t;
      };
      const std::string note = squeezed(mode == model::LangMode::en ? s.note->en : s.note->zh).substr(0, 9);
      std::set<std::size_t> title_pages, note_pages;
      for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        std::string page;  // runs split by face and line: the page's text joined
        for (const auto& item : frame::flattened(doc.pages[p]).items)
          if (const auto* t = std::get_if<frame::TextRun>(&item)) page += t->text;
        page = squeezed(page);
        if (page.find(squeezed(title)) != std::string::npos) title_pages.insert(p);
        if (page.find(note) != std::string::npos) note_pages.insert(p);
      }
      INFO(s.id << " in " << model::name_of(mode));
      REQUIRE(title_pages.size() == 1);
      CHECK(note_pages.count(*title_pages.begin()) == 1);
    }
    CHECK(checked >= 3);
  }
}

TEST_CASE("chart rules: the gallery shows every chart of the seed zones and the stress file, in zh+en and en",
          "[chart][rules][render]") {
  std::vector<model::Facts> zones = test::seed_zones();
  zones.push_back(stress());
  for (const chart::Languages langs :
       {chart::Languages{chart::Lang::zh, true}, chart::Languages{chart::Lang::en, false}}) {
    const auto doc = app::chart_gallery(fonts(), zones, langs, 0);
    const auto path =
        std::filesystem::temp_directory_path() / ("zonebrief-gallery-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << export_pdf::write_pdf(doc, "charts.pdf");
    const auto text = test::run_tool("pdftotext -enc UTF-8 '" + path.string() + "' -");
    std::filesystem::remove(path);
    auto squeezed = [](std::string t) {
      t.erase(std::remove_if(t.begin(), t.end(), [](char ch) { return ch == ' ' || ch == '\n'; }), t.end());
      return t;
    };
    const std::string all = squeezed(text.out);
    std::size_t charts = 0;
    for (const auto& f : zones)
      for (const auto& s : f.series) {
        const auto plan = chart::plan_chart(s);
        const std::string title = langs.primary == chart::Lang::zh ? plan.title.zh : plan.title.en;
        INFO(s.id << ": " << title);
        CHECK(all.find(squeezed(title)) != std::string::npos);
        ++charts;
      }
    CHECK(charts == 15);
    // Footers in the gallery's languages only.
    CHECK((all.find("第1页") != std::string::npos) == (langs.primary == chart::Lang::zh));
  }
}
