// The typesetting sample document (see sample_document.h).
#include "app/sample_document.h"

#include <deque>

#include <fmt/format.h>

#include "layout/chart_grid.h"
#include "layout/flow.h"

namespace zb::app {
namespace {

using text::Align;
using text::ParagraphStyle;
using text::Span;

const frame::Color kInk{0.11, 0.13, 0.16};
const frame::Color kAccent{0.0, 0.36, 0.6};
const frame::Color kMuted{0.42, 0.45, 0.5};

struct Texts {
  std::deque<std::string> all;  // references stay valid as it grows
  const std::string& add(std::string s) { return all.emplace_back(std::move(s)); }
};

ParagraphStyle body_zh() {
  ParagraphStyle s;
  s.line_height = 18.5;
  s.align = Align::justify;
  s.zh = true;
  return s;
}

ParagraphStyle body_en() {
  ParagraphStyle s;
  s.line_height = 15;
  s.align = Align::left;
  return s;
}

/// Writes the sample's blocks into a flow, or without one only collects their texts.
class SampleWriter {
 public:
  SampleWriter(layout::Flow* flow, const text::FontBook* fonts, Texts& t) : flow_(flow), fonts_(fonts), t_(t) {}

  void heading(const std::string& zh, const std::string& en, int level) {
    const std::string& a = t_.add(zh);
    const std::string& b = t_.add(en);
    if (!flow_) return;
    ParagraphStyle s;
    s.line_height = level == 0 ? 26 : 20;
    s.zh = true;
    flow_->heading({Span{a, role("heading"), level == 0 ? 18.0 : 13.0, level == 0 ? kAccent : kInk}}, s,
                   zh + " / " + en, level, level == 0 ? 0 : 14, 0);
    ParagraphStyle e = s;
    e.zh = false;
    e.line_height = level == 0 ? 18 : 15;
    flow_->heading({Span{b, role("heading"), level == 0 ? 12.0 : 10.0, kMuted}}, e, "", level, 0, 6);
  }

  void para_zh(const std::string& text, const std::string& marker = "") { para(text, marker, 10.5, body_zh(), 6); }
  void para_en(const std::string& text, const std::string& marker = "") { para(text, marker, 9.5, body_en(), 8); }

  /// One section of the middle part; `n` numbers it when the sample repeats ("2.").
  void section(const std::string& n) {
    heading(n + "综合实力：全国第6位", n + "Overall strength: 6th nationally", 1);
    para_zh(
        "2024年国家级经济技术开发区综合考核排名公布，萧山经济技术开发区进入全国经开区排名榜单十强，位列第六，创下历史最"
        "好成绩。"
        "从第48位跃升至第21位，再攀升至第17位，“十四五”时期累计进位42位。萧经开累计培育国家高新技术企业542家，"
        "国家级专精特新“小巨人”企业25家，实际使用外资全国第一。",
        "[1]");
    para_en(
        "In the 2024 national assessment of economic and technological development zones, the Xiaoshan ETDZ "
        "entered the national top ten for the first time, in 6th place. It has cultivated 542 national high-tech "
        "enterprises and ranks first nationally in actually utilised foreign investment.",
        "[1]");
    heading(n + "产业与创新", n + "Industry and innovation", 1);
    para_zh(
        "2023年1—11月，高新技术产业增加值增长13.5%，战略性新兴产业增长20.3%，房地产业占比由32.71%降至10.17%。"
        "湘湖·萧滨合作区聚焦“中国视谷”，3D视觉与增材制造企业营收增长30%以上；总投资108亿元的项目落户江南科技城（约3."
        "54平方公里的启动区）。"
        "生僻字测试：𠮷、𠀾、䶮，以及全角标点：（括号）、《书名》、“引号”、‘单引号’……");
    para_en(
        "Mixed-script line: 萧山区 has 542 firms, CNY 10.8 billion (108亿元) of investment, and a growth rate of "
        "13.5% — with an unbreakable identifier Supercalifragilisticexpialidociousprojectcodename2025 that must "
        "be broken rather than overflow the column.");
    bullets();
    table();
  }

  void sources() {
    heading("来源", "Sources", 1);
    const std::string& src = t_.add("[1] 改革争先 萧经开“焕新”再出发，萧山日报。");
    const std::string& link = t_.add("https://www.qjnew.com/post/3391.html");
    if (!flow_) return;
    auto style = body_en();
    style.zh = true;
    flow_->paragraph({Span{src, role("body"), 9, kInk}, Span{" ", role("body"), 9, kInk},
                      Span{link, role("body"), 9, kAccent, 0, link}},
                     style, 0, 4);
  }

 private:
  text::RoleId role(const char* r) const { return fonts_ ? fonts_->require_role(r) : text::RoleId{0}; }

  void para(const std::string& text, const std::string& marker, double size, const ParagraphStyle& style,
            double after) {
    const std::string& a = t_.add(text);
    if (!flow_) return;
    std::vector<Span> spans{Span{a, role("body"), size, kInk}};
    if (!marker.empty()) spans.push_back(Span{marker, role("body"), 6.5, kAccent, 3.5});
    flow_->paragraph(spans, style, 0, after);
  }

  void bullets() {
    if (flow_) flow_->set_context({"sample", "bullets"});
    ParagraphStyle b = body_zh();
    b.indent = 14;
    for (const char* item :
         {"累计培育国家高新技术企业542家，其中2023年新增99家；", "海归小镇集聚人才超3万人，博士及以上学历占78%；",
          "Zone-wide R&D spending grew 16.31% year on year to November 2023."}) {
      const std::string& s = t_.add(item);
      if (flow_) flow_->bullet({Span{s, role("body"), 10.5, kInk}}, b, Span{"•", role("body"), 10.5, kAccent}, 2);
    }
  }

  void table() {
    const std::vector<std::vector<std::string>> cells = {
        {"指标 Indicator", "数值 Value", "来源 Source"},
        {"国家高新技术企业 National high-tech firms", "542家 / 542 firms", "萧山日报 [1]"},
        {"房地产业占比 Real-estate share", "10.17%", "中国开发区 [2]"},
        {"启动区面积 Start-up area", "约3.54平方公里 / about 3.54 km²", "萧山日报 [3]"}};
    layout::Table tab;
    tab.column_fractions = {0.44, 0.36, 0.20};
    tab.align = {Align::left, Align::right, Align::left};
    tab.zh = true;
    for (std::size_t r = 0; r < cells.size(); ++r) {
      std::vector<std::vector<Span>> row;
      for (const auto& cell : cells[r]) row.push_back({Span{t_.add(cell), role(r == 0 ? "strong" : "body"), 9, kInk}});
      tab.rows.push_back(std::move(row));
    }
    if (flow_) flow_->table(tab, 8, 10);
  }

  layout::Flow* flow_;
  const text::FontBook* fonts_;
  Texts& t_;
};

void build(layout::Flow* flow, const text::FontBook* fonts, Texts& t, int repeat) {
  SampleWriter w(flow, fonts, t);
  w.heading("萧山经济技术开发区发展简报", "Xiaoshan Economic and Technological Development Zone: briefing", 0);
  for (int r = 0; r < repeat; ++r) w.section(repeat > 1 ? fmt::format("{}.", r + 1) : "");
  w.sources();
}

}  // namespace

frame::Document sample_document(const text::FontBook& fonts, std::optional<std::int64_t> date, int repeat) {
  layout::Flow flow(fonts, layout::PageSetup{}, {"sample", ""});
  Texts t;
  build(&flow, &fonts, t, repeat);
  layout::Running running;
  running.header_left = {Span{"萧山经济技术开发区 · Xiaoshan ETDZ", fonts.require_role("caption"), 8, kMuted}};
  running.header_right = {Span{"样张 · Sample", fonts.require_role("caption"), 8, kMuted}};
  running.footer = [&fonts](int n, int m) {
    return std::vector<Span>{
        Span{fmt::format("第{}页，共{}页 · Page {} of {}", n, m, n, m), fonts.require_role("caption"), 8, kMuted}};
  };
  frame::Info info;
  info.title = "萧山经济技术开发区发展简报 / Xiaoshan ETDZ briefing";
  info.subject = "排版样张 / Typesetting sample";
  info.author = "zonebrief";
  info.keywords = "萧山, Xiaoshan, 开发区, development zone";
  info.creator = "zonebrief";
  info.date = date;
  return flow.finish(info, running);
}

std::vector<std::string> sample_texts(int repeat) {
  Texts t;
  build(nullptr, nullptr, t, repeat);
  return {t.all.begin(), t.all.end()};
}

}  // namespace zb::app

namespace zb::app {

namespace {

/// A zone's name in the gallery: the primary language large, the other under it.
void gallery_zone_heading(layout::Flow& flow, const text::FontBook& fonts, const model::Facts& f,
                          const chart::Languages& langs) {
  const bool zh = langs.primary == chart::Lang::zh;
  ParagraphStyle h;
  h.line_height = 24;
  h.zh = zh;
  flow.heading({Span{zh ? f.zone.name.zh : f.zone.name.en, fonts.require_role("heading"), 15, kAccent}}, h,
               f.zone.name.zh + " / " + f.zone.name.en, 0, 0, 2);
  if (!langs.bilingual) return;
  ParagraphStyle e = h;
  e.line_height = 16;
  e.zh = !zh;
  flow.heading({Span{zh ? f.zone.name.en : f.zone.name.zh, fonts.require_role("heading"), 10, kMuted}}, e, "", 0, 0, 8);
}

/// The zone's key-figure cards, three to a row.
void gallery_cards(layout::Flow& flow, const text::FontBook& fonts, const model::Facts& f, const chart::Style& style,
                   const chart::Languages& langs, double left) {
  const double gap = 8, card_w = (flow.measure() - 2 * gap) / 3;
  for (std::size_t i = 0; i < f.metrics.size(); i += 3) {
    std::vector<frame::Item> cards;  // each card a group at its place in the row
    double h_row = 0;
    for (std::size_t k = i; k < std::min(i + 3, f.metrics.size()); ++k) {
      const text::TextContext ctx{f.file, "metrics[" + std::to_string(k) + "]", f.metrics[k].at.line,
                                  f.metrics[k].at.col};
      flow.set_context(ctx);
      chart::Chart c = chart::draw_card(fonts, f.metrics[k], card_w, style, langs, ctx);
      h_row = std::max(h_row, c.height);
      cards.push_back(frame::Group{{left + static_cast<double>(k - i) * (card_w + gap), 0}, std::move(c.items), {}});
    }
    flow.box(h_row, std::move(cards), 16, 0, false);
  }
}

/// "来源：测试日报《测试来源》 · Source: Test Daily", in the languages shown.
std::string gallery_source(const model::Facts& f, const model::Series& s, const chart::Languages& langs) {
  const auto* src = f.find_source(s.source);
  if (!src) return "";
  const std::string zh = "来源：" + src->publisher.zh + "《" + src->title.zh + "》",
                    en = "Source: " + src->publisher.en;
  if (!langs.bilingual) return langs.primary == chart::Lang::zh ? zh : en;
  return langs.primary == chart::Lang::zh ? zh + "\n" + en : en + "\n" + zh;
}

}  // namespace

frame::Document chart_gallery(const text::FontBook& fonts, const std::vector<model::Facts>& zones,
                              const chart::Languages& langs, std::optional<std::int64_t> date, bool cards) {
  layout::PageSetup page;
  layout::Flow flow(fonts, page, {"charts", ""});
  chart::Style style;
  for (const auto& f : zones) {
    if (f.series.empty() && !cards) continue;  // nothing of this zone to show
    flow.page_break();
    gallery_zone_heading(flow, fonts, f, langs);
    std::vector<layout::ChartItem> items;
    for (std::size_t i = 0; i < f.series.size(); ++i)
      items.push_back({&f.series[i],
                       gallery_source(f, f.series[i], langs),
                       {f.file, "series[" + std::to_string(i) + "]", f.series[i].at.line, f.series[i].at.col}});
    layout::set_charts(flow, fonts, items, style, langs, {page.margin_left, 4, 22, 18});
    if (cards) gallery_cards(flow, fonts, f, style, langs, page.margin_left);
  }
  layout::Running running;
  const chart::Languages l = langs;
  running.footer = [&fonts, l](int n, int m) {
    const std::string zh = fmt::format("第{}页，共{}页", n, m), en = fmt::format("Page {} of {}", n, m);
    const std::string text = !l.bilingual ? (l.primary == chart::Lang::zh ? zh : en)
                                          : (l.primary == chart::Lang::zh ? zh + " · " + en : en + " · " + zh);
    return std::vector<Span>{Span{text, fonts.require_role("caption"), 8, kMuted}};
  };
  frame::Info info;
  info.title = "图表 / Charts";
  info.creator = "zonebrief";
  info.date = date;
  return flow.finish(info, running);
}

}  // namespace zb::app
