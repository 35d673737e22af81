// Charts: labels inside the chart and never overlapping (all kinds, seed facts and stress cases,
// every language mode), vector output only, default kinds, ticks, PNG references, and every
// label and value of the seed charts found by pdftotext.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "app/sample_document.h"
#include "chart/charts.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "image_compare.h"
#include "load/facts_loader.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

using test::fonts;

using test::load_zone;

std::vector<model::Facts> all_zones() {
  std::vector<model::Facts> out{load_zone("tests/charts/chart-stress.yaml")};
  base::SystemEnv env;
  std::string error;
  for (const auto& p : env.list_files(test::source_dir() / "inputs", ".yaml", error))
    out.push_back(load_zone(fs::relative(p, test::source_dir()).string()));
  return out;
}

const std::vector<chart::Languages> kModes = {
    {chart::Lang::zh, true}, {chart::Lang::en, true}, {chart::Lang::zh, false}, {chart::Lang::en, false}};

void check_labels(const chart::Chart& c, const std::string& what) {
  INFO(what);
  REQUIRE(c.height > 0);
  for (const auto& r : c.labels) {
    INFO("label at " << r.x << "," << r.y << " " << r.w << "x" << r.h << " in " << c.width << "x" << c.height);
    CHECK(r.x >= -0.01);
    CHECK(r.y >= -0.01);
    CHECK(r.x + r.w <= c.width + 0.01);
    CHECK(r.y + r.h <= c.height + 0.01);
  }
  for (std::size_t i = 0; i < c.labels.size(); ++i)
    for (std::size_t j = i + 1; j < c.labels.size(); ++j) {
      const auto &a = c.labels[i], &b = c.labels[j];
      bool clash = a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
      INFO("labels " << i << " (" << a.x << "," << a.y << " " << a.w << "x" << a.h << ") and " << j << " (" << b.x
                     << "," << b.y << " " << b.w << "x" << b.h << ")");
      CHECK_FALSE(clash);
    }
  for (const auto& item : c.items) CHECK_FALSE(std::holds_alternative<frame::Image>(item));
}

}  // namespace

TEST_CASE("every chart and card keeps its labels inside and apart, in every language mode", "[chart]") {
  chart::Style style;
  for (const auto& f : all_zones()) {
    for (const auto& langs : kModes) {
      for (std::size_t i = 0; i < f.series.size(); ++i) {
        for (model::ChartKind kind : {chart::default_kind(f.series[i]), model::ChartKind::bar, model::ChartKind::hbar,
                                      model::ChartKind::line}) {
          auto c = chart::draw_series(fonts(), f.series[i], "来源：测试 · Source: test", 380, style, langs,
                                      {f.file, "series"}, kind);
          check_labels(c, f.zone.id + " " + f.series[i].id + " kind " + std::string(model::name_of(kind)) +
                              (langs.primary == chart::Lang::zh ? " zh" : " en") + (langs.bilingual ? "+" : ""));
        }
      }
      for (const auto& m : f.metrics)
        check_labels(chart::draw_card(fonts(), m, 150, style, langs, {f.file, "metrics"}), f.zone.id + " card " + m.id);
    }
  }
}

TEST_CASE("default chart kinds follow the data, and the kind drawn follows the rules", "[chart]") {
  auto f = load_zone("tests/charts/chart-stress.yaml");
  std::map<std::string, model::ChartKind> kinds, drawn;
  for (const auto& s : f.series) {
    kinds[s.id] = chart::default_kind(s);
    drawn[s.id] = chart::drawn_kind(s, s.chart);
  }
  CHECK(kinds["rank-path"] == model::ChartKind::rank);
  CHECK(kinds["long-labels"] == model::ChartKind::hbar);
  CHECK(kinds["twenty-four"] == model::ChartKind::line);
  CHECK(kinds["two-points"] == model::ChartKind::line);          // 108 and 145: far from zero
  CHECK(kinds["price-index"] == model::ChartKind::line);         // far from zero: a line, not bars from zero
  CHECK(kinds["parts"] == model::ChartKind::hbar);               // categories, without a hint
  CHECK(drawn["parts"] == model::ChartKind::donut);              // asked for, and parts of one whole (100%)
  CHECK(drawn["overlapping-shares"] == model::ChartKind::hbar);  // asked for, but 145.5%: not one whole
  CHECK(drawn["two-points"] == model::ChartKind::from_to);       // two periods: from→to, not two bars
  CHECK(drawn["negatives"] == model::ChartKind::bar);
  // A donut cannot show negative parts: it falls back to horizontal bars.
  auto neg = f.series[2];
  neg.chart = model::ChartKind::donut;
  CHECK(chart::draw_series(fonts(), neg, "", 300, {}, {}, {"t", ""}).kind == model::ChartKind::hbar);
  // A rank hint on a series that is not ranks draws a line.
  CHECK(chart::drawn_kind(f.series[1], model::ChartKind::rank) == model::ChartKind::line);
}

TEST_CASE("nice ticks cover the data and include zero", "[chart]") {
  CHECK(chart::nice_ticks(0, 145, 5) == std::vector<double>{0, 50, 100, 150});
  CHECK(chart::nice_ticks(-8.75, 12.5, 5) == std::vector<double>{-10, -5, 0, 5, 10, 15});
  CHECK(chart::nice_ticks(0.5, 974, 5) == std::vector<double>{0, 200, 400, 600, 800, 1000});
  CHECK(chart::nice_ticks(32.71, 10.17, 4) == std::vector<double>{0, 10, 20, 30, 40});  // order does not matter
  CHECK(chart::nice_ticks(0, 0, 5) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1});
}

TEST_CASE("charts match their PNG references", "[chart][png][golden][render]") {
  auto f = load_zone("tests/charts/chart-stress.yaml");
  for (const char* id : {"rank-path", "negatives", "parts", "long-labels"}) {
    const model::Series* s = nullptr;
    for (const auto& x : f.series)
      if (x.id == id) s = &x;
    REQUIRE(s);
    auto c = chart::draw_series(fonts(), *s, "来源：测试日报 · Source: Test Daily", 300, {}, {}, {"t", ""});
    frame::Document doc;
    doc.fonts = fonts().fonts();
    frame::Page page;
    page.width = c.width + 20;
    page.height = c.height + 20;
    for (auto item : c.items) {
      if (auto* t = std::get_if<frame::TextRun>(&item))
        t->origin = {t->origin.x + 10, t->origin.y + 10};
      else if (auto* p = std::get_if<frame::Path>(&item))
        for (auto& op : p->ops)
          for (auto& pt : op.p) pt = {pt.x + 10, pt.y + 10};
      page.items.push_back(item);
    }
    doc.pages.push_back(page);
    INFO(id);
    test::check_against_reference(export_png::render_page(doc, 0, 72),
                                  test::source_dir() / ("tests/golden/chart-" + std::string(id) + ".png"), 2.0, 0.01);
  }
}

TEST_CASE("the chart gallery PDF has no images and pdftotext finds every label and value", "[chart][pdf][cli]") {
  std::vector<model::Facts> zones;
  base::SystemEnv env;
  std::string error;
  for (const auto& p : env.list_files(test::source_dir() / "inputs", ".yaml", error))
    zones.push_back(load_zone(fs::relative(p, test::source_dir()).string()));
  auto doc = app::chart_gallery(fonts(), zones, {chart::Lang::zh, true}, 0, /*cards=*/true);
  auto path = fs::temp_directory_path() / ("zonebrief-charts-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << export_pdf::write_pdf(doc, "charts.pdf");
  auto images = test::run_tool("pdfimages -list '" + path.string() + "'");
  std::size_t rows = std::count(images.out.begin(), images.out.end(), '\n');
  CHECK(rows == 2);
  auto text = test::run_tool("pdftotext -enc UTF-8 '" + path.string() + "' -");
  fs::remove(path);
  CHECK(text.err.empty());
  std::string squeezed;
  for (char ch : text.out)
    if (ch != ' ' && ch != '\n') squeezed += ch;
  auto found = [&](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char ch) { return ch == ' '; }), s.end());
    return squeezed.find(s) != std::string::npos;
  };
  for (const auto& f : zones) {
    for (const auto& s : f.series) {
      INFO(f.zone.id << " " << s.id);
      CHECK(found(s.label.zh));
      int shift = chart::axis_shift(s.unit, chart::Lang::zh, s.points.front().y);
      for (const auto& p : s.points) {
        INFO(p.x.zh);
        CHECK(found(p.x.zh));
        if (s.unit.code == model::UnitCode::rank)
          CHECK(found("第" + p.y.literal + "位"));
        else if (chart::default_kind(s) != model::ChartKind::donut) {
          int sh = chart::axis_shift(s.unit, chart::Lang::zh, [&] {
            const model::Number* best = &s.points.front().y;
            for (const auto& q : s.points)
              if (std::fabs(q.y.value) > std::fabs(best->value)) best = &q.y;
            return *best;
          }());
          CHECK(found(chart::format_number(p.y, sh, chart::Lang::zh)));
        }
      }
      (void)shift;
    }
    for (const auto& m : f.metrics) {
      INFO(f.zone.id << " metric " << m.id);
      CHECK(found(chart::format_value(m.value, m.unit, chart::Lang::zh, m.qualifier).text));
      CHECK(found(chart::format_value(m.value, m.unit, chart::Lang::en, m.qualifier).text));
    }
  }
}

TEST_CASE("a chart's unit line names the one scale its numbers use, in both languages", "[chart]") {
  auto f = load_zone("tests/charts/chart-stress.yaml");
  const auto& s = f.series[0];  // two-points: 108亿 and 145亿 yuan
  auto text_of = [&](const chart::Languages& langs) {
    std::string all;
    for (const auto& item : chart::draw_series(fonts(), s, "", 300, {}, langs, {"t", ""}).items)
      if (const auto* t = std::get_if<frame::TextRun>(&item)) all += t->text + "|";
    return all;
  };
  std::string zh = text_of({chart::Lang::zh, true});
  auto joined = [](std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '|'), text.end());
    return text;
  };
  CHECK(joined(zh).find("单位：亿元 · Unit: CNY 100 million") != std::string::npos);
  CHECK(zh.find("|145|") != std::string::npos);
  std::string en = text_of({chart::Lang::en, true});
  CHECK(joined(en).find("Unit: CNY billion · 单位：十亿元") != std::string::npos);
  CHECK(en.find("|14.5|") != std::string::npos);
}

TEST_CASE("a bar chart's axis reaches one step above a value that would sit on its top line, few bars stay compact",
          "[chart]") {
  auto etdz = load_zone("inputs/xiaoshan-etdz.yaml");
  const auto it =
      std::find_if(etdz.series.begin(), etdz.series.end(), [](const auto& s) { return s.id == "kelei-market-share"; });
  REQUIRE(it != etdz.series.end());  // 25% and 13%: nice ticks alone would end at 25
  text::TextContext ctx{"xiaoshan-etdz.yaml", "series"};
  auto c =
      chart::draw_series(fonts(), *it, "", 480, chart::Style{}, {chart::Lang::zh, true}, ctx, model::ChartKind::bar);
  std::set<std::string> texts;
  double right = 0;
  for (const auto& item : c.items) {
    if (const auto* t = std::get_if<frame::TextRun>(&item)) texts.insert(t->text);
    if (const auto* p = std::get_if<frame::Path>(&item))
      for (const auto& op : p->ops) right = std::max(right, op.p[0].x);
  }
  CHECK(texts.count("30") == 1);
  CHECK(texts.count("25") == 1);  // the value label
  CHECK(right < 200);             // two bars: gridlines end well before the full width
  CHECK(c.height < 215);          // a low plot under a four-line header (two titles, two labels) and unit line
}

TEST_CASE("a chart titled by its takeaway sets its label's English by English rules (Latin quotes)", "[chart]") {
  const auto f = load_zone("inputs/xiaoshan-etdz.yaml");
  const auto it = std::find_if(f.series.begin(), f.series.end(), [](const model::Series& s) {
    return s.takeaway && s.label.en.find("’") != std::string::npos;
  });
  REQUIRE(it != f.series.end());
  const auto c = chart::draw_series(fonts(), *it, "", 480, {}, {chart::Lang::zh, true}, {"t.yaml", "series"});
  // The apostrophe and the letters around it are one run in one (Latin) face: a CJK-width quote
  // would come from the CJK face and split the run.
  const std::string word = it->label.en.substr(0, it->label.en.find("’") + std::string("’").size() + 1);
  bool whole = false;
  for (const auto& item : c.items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) whole = whole || t->text.find(word) != std::string::npos;
  INFO(word);
  CHECK(whole);
}

TEST_CASE("a layout palette of one colour is enough for every card (the sanitizer build checks the reads)", "[chart]") {
  chart::Style style;
  style.palette = {style.palette.front()};
  for (const auto& f : all_zones())
    for (const auto& m : f.metrics)
      for (const auto& langs : kModes)
        CHECK(chart::draw_card(fonts(), m, 150, style, langs, {f.file, "metrics"}).height > 0);
}
