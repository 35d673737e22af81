// Meeting packs: the meeting loader's errors (exact texts), a zone missing or invalid, and the
// pack itself: contents page numbers and links, the comparison in both languages, one merged
// list of sources, the marking on every page, reproducible bytes, qpdf/pdffonts/pdftotext, and
// `zonebrief pack` as an operator runs it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <unistd.h>

#include "app/pack.h"
#include "export/pdf/pdf_writer.h"
#include "layout/pack.h"
#include "load/layout_loader.h"
#include "load/meeting_loader.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

using test::fonts;

const std::set<std::string> kLayoutNames{"briefing", "onepager"};
const char* kExample = "inputs/meetings/2026-12-03-investor-visit.yaml";

std::optional<app::LoadedMeeting> load_meeting(const std::string& rel, base::Diagnostics& errors,
                                               const fs::path& inputs = "inputs") {
  base::SystemEnv env;
  return app::load_meeting_with_zones(env, rel, inputs, kLayoutNames, errors);
}

const std::map<std::string, model::Layout>& layouts() {
  static const std::map<std::string, model::Layout> all = [] {
    std::map<std::string, model::Layout> out;
    base::SystemEnv env;
    for (const char* name : {"briefing", "onepager"}) {
      auto l = load::load_layout_file(env, test::source_dir() / "layouts" / (std::string(name) + ".yaml"));
      if (!l.ok()) throw std::runtime_error(test::joined(l.errors));
      out[name] = *l.layout;
    }
    return out;
  }();
  return all;
}

struct Pack {
  app::LoadedMeeting meeting;
  frame::Document doc;
  std::vector<layout::PackSection> sections;
};

Pack example_pack(model::LangMode lang = model::LangMode::zh_en, const char* file = kExample,
                  std::optional<long> today = std::nullopt) {
  base::Diagnostics errors;
  auto m = load_meeting(file, errors);
  if (!m) throw std::runtime_error(test::joined(errors));
  Pack p{std::move(*m), {}, {}};
  std::vector<layout::PackZone> zones;
  for (std::size_t i = 0; i < p.meeting.zones.size(); ++i)
    zones.push_back({&p.meeting.zones[i], &layouts().at(p.meeting.meeting.zones[i].layout)});
  layout::PackOptions options{lang, 0};
  options.today = today;
  p.doc = layout::compose_pack(fonts(), p.meeting.meeting, zones, layouts().at("briefing"), options, &p.sections);
  return p;
}

/// A page's text, runs joined without spaces or line breaks.
std::string page_text(const frame::Page& page) {
  std::string out;
  for (const auto& item : frame::flattened(page).items)
    if (const auto* t = std::get_if<frame::TextRun>(&item)) out += t->text;
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

std::string squeezed(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

}  // namespace

TEST_CASE("meeting files: each bad fixture gives exactly the errors in its .errors file", "[meeting]") {
  std::vector<fs::path> fixtures;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests/meetings/bad"))
    if (e.path().extension() == ".yaml") fixtures.push_back(e.path());
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(fixtures.size() >= 6);
  for (const auto& f : fixtures) {
    const std::string rel = "tests/meetings/bad/" + f.filename().string();
    INFO(rel);
    base::Diagnostics errors;
    CHECK_FALSE(load_meeting(rel, errors));
    auto expected = f;
    expected.replace_extension(".errors");
    CHECK(test::joined(errors) == test::read_text_file(expected));
  }
}

TEST_CASE("meeting files: every field of a good file loads", "[meeting]") {
  base::Diagnostics errors;
  auto m = load_meeting("tests/meetings/good/board-visit.yaml", errors);
  INFO(test::joined(errors));
  REQUIRE(m);
  const auto& mt = m->meeting;
  CHECK(mt.id == "board-visit");
  CHECK(mt.title.en == "Board visit");
  CHECK(mt.date.iso() == "2026-12-03");
  CHECK(mt.audience->zh == "董事会成员");
  CHECK(mt.prepared_by->en == "District Investment Promotion Bureau");
  CHECK(mt.marking->zh == "内部资料");
  CHECK(mt.lang == model::LangMode::side_by_side);
  REQUIRE(mt.zones.size() == 2);
  CHECK(mt.zones[0].layout == "onepager");  // the default
  CHECK(mt.zones[1].layout == "briefing");
  CHECK(mt.zones[1].at.line == 13);
  REQUIRE(mt.compare);
  CHECK(mt.compare->size() == 2);
  CHECK(mt.points.size() == 2);
  CHECK(m->zones.size() == 2);
  CHECK(m->zones[1].zone.id == "hangzhou-airport-zone");
  CHECK(load::looks_like_meeting(test::read_text_file(test::source_dir() / "tests/meetings/good/board-visit.yaml")));
  CHECK_FALSE(load::looks_like_meeting(test::read_text_file(test::source_dir() / "inputs/xiaoshan-etdz.yaml")));
  // Flow style (JSON is YAML) counts; a `meeting:` key below the top level or a broken file does not.
  CHECK(load::looks_like_meeting(R"({"meeting": {"id": "m"}, "zones": ["xiaoshan-etdz"]})"));
  CHECK_FALSE(load::looks_like_meeting("zone:\n  meeting: x\n"));
  CHECK_FALSE(load::looks_like_meeting("meeting: [\n"));
}

TEST_CASE("meeting files: a zone whose facts are invalid is an error at its line, followed by the zone's own errors",
          "[meeting]") {
  test::TempDir dir("zonebrief-meeting-inputs");
  fs::copy_file(test::source_dir() / "inputs/xiaoshan-etdz.yaml", dir.path / "xiaoshan-etdz.yaml");
  fs::copy_file(test::source_dir() / "tests/facts/bad/number-quoted.yaml", dir.path / "number-quoted.yaml");
  std::ofstream(dir.path / "m.yaml") << "meeting:\n  id: m\n  title: {zh: 考察, en: Visit}\n  date: 2026-12-03\n"
                                        "zones:\n  - xiaoshan-etdz\n  - number-quoted\n";
  base::Diagnostics errors;
  CHECK_FALSE(load_meeting((dir.path / "m.yaml").string(), errors, dir.path));
  const std::string zone_file = (dir.path / "number-quoted.yaml").string();
  const std::string own = test::read_text_file(test::source_dir() / "tests/facts/bad/number-quoted.errors");
  std::string own_here = std::regex_replace(own, std::regex("tests/facts/bad/number-quoted\\.yaml"), zone_file);
  const std::string first = own_here.substr(0, own_here.find('\n'));
  CHECK(test::joined(errors) ==
        (dir.path / "m.yaml").string() +
            ":7:5: error: zones[1]: expected a zone whose facts file is valid (found 1 error in " + zone_file +
            ", first: " + first + ")\n" + own_here);
}

TEST_CASE("packs: the contents give the page each section starts on, and link to it", "[pack]") {
  const Pack p = example_pack();
  // Cover, contents, then the talking points, six zones, the sources (the seed zones share no
  // figure worth comparing: the one metric id they share is one target set for them all).
  REQUIRE(p.sections.size() == 8);
  CHECK(layout::compared_metrics(p.meeting.meeting, {}).empty());
  const std::string contents = page_text(p.doc.pages[1]);
  for (const auto& s : p.sections) {
    INFO(s.en << " on page " << s.page + 1);
    REQUIRE(s.page < static_cast<int>(p.doc.pages.size()));
    // The section's title opens its first page (a zone's name in its title block).
    CHECK(page_text(p.doc.pages[static_cast<std::size_t>(s.page)]).find(squeezed(s.zh)) != std::string::npos);
    CHECK(contents.find(squeezed(s.zh) + squeezed(s.en) + std::to_string(s.page + 1)) != std::string::npos);
    const auto& links = p.doc.pages[1].links;
    CHECK(std::count_if(links.begin(), links.end(), [&](const frame::Link& l) { return l.page == s.page; }) == 1);
  }
  // Sections follow each other: each starts after the one before.
  for (std::size_t i = 1; i < p.sections.size(); ++i) CHECK(p.sections[i].page > p.sections[i - 1].page);
  // A bookmark per section at its page, the zones' own headings under them.
  for (const auto& s : p.sections) {
    const auto it = std::find_if(p.doc.bookmarks.begin(), p.doc.bookmarks.end(),
                                 [&](const frame::Bookmark& b) { return b.level == 0 && b.page == s.page; });
    CHECK(it != p.doc.bookmarks.end());
  }
}

TEST_CASE("packs: the comparison shows each zone's value in both languages with its date, a dash where it lacks it",
          "[pack]") {
  const Pack p = example_pack(model::LangMode::zh_en, "tests/meetings/good/board-visit.yaml");
  const auto it =
      std::find_if(p.sections.begin(), p.sections.end(), [](const auto& s) { return s.en == "The zones compared"; });
  REQUIRE(it != p.sections.end());
  const std::string text = page_text(p.doc.pages[static_cast<std::size_t>(it->page)]);
  CHECK(text.find("平台主要经济指标增速相当于全区平均的倍数") != std::string::npos);
  CHECK(text.find("不少于1.5倍") != std::string::npos);
  CHECK(text.find("atleast1.5times") != std::string::npos);
  CHECK(text.find("2024年目标·2024target") != std::string::npos);  // the figure's period
  CHECK(text.find("国家高新技术企业") != std::string::npos);
  CHECK(text.find("542家[2]542firms") != std::string::npos);  // a line per language, the source marker after the first
  CHECK(text.find("不少于1.5倍[1]") != std::string::npos);    // numbered in reading order, from the table on
  const std::string sources = page_text(p.doc.pages[static_cast<std::size_t>(p.sections.back().page)]);
  CHECK(sources.find("[1]萧山日报《如何打开平台建设新通道？》") != std::string::npos);
  CHECK(text.find("累计（2025年报道）·cumulative,asreportedin2025") != std::string::npos);
  CHECK(text.find("—") != std::string::npos);  // the airport zone does not report it
  // Without `compare`: ids two zones share with different figures; one target repeated compares nothing.
  std::vector<layout::PackZone> zones;
  for (const auto& z : p.meeting.zones) zones.push_back({&z, nullptr});
  model::Meeting m = p.meeting.meeting;
  m.compare.reset();
  CHECK(layout::compared_metrics(m, zones).empty());
  model::Facts other = p.meeting.zones[1];
  for (auto& metric : other.metrics) metric.value = model::Number{2, "2"};
  zones[1].facts = &other;
  CHECK(layout::compared_metrics(m, zones) == std::vector<std::string>{"platform-growth-vs-district-target"});
}

TEST_CASE("packs: one merged list of sources, every citation of every zone pointing into it", "[pack]") {
  const Pack p = example_pack();
  const auto& last = p.sections.back();
  REQUIRE(last.en == "Sources");
  std::string listed;
  for (std::size_t i = static_cast<std::size_t>(last.page); i < p.doc.pages.size(); ++i)
    listed += page_text(p.doc.pages[i]);
  // Numbered 1..N without a gap, each once.
  int n = 0;
  while (listed.find("[" + std::to_string(n + 1) + "]") != std::string::npos) ++n;
  // Merged: fewer entries than the zones' sources together, no more than the distinct ones.
  std::set<std::string> distinct;
  std::size_t all = 0;
  for (const auto& z : p.meeting.zones)
    for (const auto& src : z.sources) {
      ++all;
      distinct.insert(src.url.empty() ? src.publisher.zh + src.title.zh : src.url);
    }
  CHECK(n >= 3);
  CHECK(static_cast<std::size_t>(n) <= distinct.size());
  CHECK(static_cast<std::size_t>(n) < all);
  // The seed zones share articles (Xiaoshan Daily's platforms report is cited by five of them):
  // each is listed once.
  std::size_t count = 0;
  for (std::size_t at = listed.find("开发区担当"); at != std::string::npos; at = listed.find("开发区担当", at + 1))
    ++count;
  CHECK(count <= 1);
  // Every marker in the zones' pages is a number of the list.
  std::regex marker("\\[(\\d+)\\]");
  std::set<int> used;
  for (int page = p.sections[1].page; page < last.page; ++page) {
    const std::string t = page_text(p.doc.pages[static_cast<std::size_t>(page)]);
    for (std::sregex_iterator i(t.begin(), t.end(), marker), end; i != end; ++i) used.insert(std::stoi((*i)[1]));
  }
  REQUIRE_FALSE(used.empty());
  CHECK(*used.rbegin() <= n);
  CHECK(used.size() == static_cast<std::size_t>(n));  // and every source listed is cited
  // No zone section lists its own sources.
  for (int page = p.sections[1].page; page < last.page; ++page)
    CHECK(page_text(p.doc.pages[static_cast<std::size_t>(page)]).find("来源Sources") == std::string::npos);
}

TEST_CASE("packs: a zone with stale facts says so in its section, as its briefing does", "[pack]") {
  const long dec_31_2025 = 1767139200 / 86400;
  auto all_text = [](const Pack& p) {
    std::string t;
    for (const auto& page : p.doc.pages) t += page_text(page);
    return t;
  };
  const std::string stale = all_text(example_pack(model::LangMode::zh_en, kExample, dec_31_2025));
  // Binjiang's facts are as of 2 August 2022: over three years old on 31 December 2025.
  CHECK(stale.find("数据已逾3年，可能已过时") != std::string::npos);
  CHECK(stale.find("over3yearsold,maybeoutofdate") != std::string::npos);
  // Without a today, nothing is flagged.
  CHECK(all_text(example_pack()).find("数据已逾") == std::string::npos);
}

TEST_CASE("packs: the marking and the pack's page numbers are on every page", "[pack]") {
  for (auto lang : {model::LangMode::zh_en, model::LangMode::side_by_side, model::LangMode::en}) {
    const Pack p = example_pack(lang);
    const std::size_t total = p.doc.pages.size();
    for (std::size_t i = 0; i < total; ++i) {
      INFO("page " << i + 1 << " in " << model::name_of(lang));
      const std::string t = page_text(p.doc.pages[i]);
      if (lang != model::LangMode::en) CHECK(t.find("内部资料注意保存") != std::string::npos);
      CHECK(t.find("Internaldocument–keepsecure") != std::string::npos);
      CHECK(t.find("Page" + std::to_string(i + 1) + "of" + std::to_string(total)) != std::string::npos);
    }
  }
}

TEST_CASE("packs: the PDF passes qpdf, embeds subset fonts with Unicode maps, gives its text back, and is reproducible",
          "[pack][render]") {
  const Pack p = example_pack();
  const std::string a = export_pdf::write_pdf(p.doc, "pack.pdf");
  CHECK(export_pdf::write_pdf(example_pack().doc, "pack.pdf") == a);
  const auto path = fs::temp_directory_path() / ("zonebrief-pack-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << a;
  const auto qpdf = test::run_tool("qpdf --check '" + path.string() + "'");
  CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
  const auto fonts_out = test::run_tool("pdffonts '" + path.string() + "'");
  std::istringstream lines(fonts_out.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("HPDF", 0) != 0) continue;
    ++rows;
    CHECK(line.find("yes yes yes") != std::string::npos);
  }
  CHECK(rows == 4);
  const auto text = test::run_tool("pdftotext -enc UTF-8 '" + path.string() + "' -");
  fs::remove(path);
  CHECK(squeezed(text.out).find("德国企业代表团来访萧山") != std::string::npos);
  CHECK(text.out.find("Visit of a German business delegation to Xiaoshan") != std::string::npos);
  CHECK(text.out.find("Thursday, 3 December 2026") != std::string::npos);
  CHECK(squeezed(text.out).find("2026年12月3日星期四") != std::string::npos);
}

TEST_CASE("packs: zonebrief pack writes the PDF and its cover, refuses a bad meeting, and check reads meeting files",
          "[pack][cli]") {
  test::TempDir out("zonebrief-pack-out");
  const std::string bin = ZB_BINARY;
  auto ok =
      test::run_tool("SOURCE_DATE_EPOCH=1767139200 " + bin + " -q pack " + kExample + " --out " + out.path.string());
  CHECK(ok.code == 0);
  CHECK(fs::file_size(out.path / "2026-12-03-investor-visit.pdf") > 10000);
  CHECK(fs::file_size(out.path / "2026-12-03-investor-visit.png") > 1000);
  auto bad = test::run_tool(bin + " -q pack tests/meetings/bad/zone-unknown.yaml --out " + out.path.string());
  CHECK(bad.code == 1);
  CHECK(bad.err == test::read_text_file(test::source_dir() / "tests/meetings/bad/zone-unknown.errors"));
  CHECK_FALSE(fs::exists(out.path / "zone-unknown.pdf"));
  auto no_fonts =
      test::run_tool(bin + " -q pack " + std::string(kExample) + " --fonts /nonexistent --out " + out.path.string());
  CHECK(no_fonts.code == 2);
  // The output folder's lock, as build holds it: with --no-wait a second run exits 2 at once.
  auto held = test::run_tool("flock " + (out.path / ".zonebrief.lock").string() + " " + bin + " -q pack " + kExample +
                             " --no-wait --out " + out.path.string());
  CHECK(held.code == 2);
  CHECK(held.err.find("lock") != std::string::npos);
  // The contents' lines link to their pages: each a /Link annotation with a /Dest on page 2.
  auto json = test::run_tool("qpdf --json=1 --json-key=objects '" +
                             (out.path / "2026-12-03-investor-visit.pdf").string() + "'");
  std::size_t dests = 0;
  for (std::size_t at = json.out.find("\"/Dest\""); at != std::string::npos; at = json.out.find("\"/Dest\"", at + 1))
    ++dests;
  CHECK(dests >= 8 + 8);  // the 8 contents lines, and at least a bookmark per section
  CHECK(test::run_tool(bin + " -q check " + std::string(kExample)).code == 0);
  CHECK(test::run_tool(bin + " -q check tests/meetings/bad/many-errors.yaml").code == 1);
}
