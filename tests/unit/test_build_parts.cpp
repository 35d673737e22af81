// The pieces of `zonebrief build`: zone selection (--zone, --shard), the cache's "unchanged"
// decision, the manifest and record round trips, status and language-mode names, the gallery's helpers.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/build_cache.h"
#include "app/changes.h"
#include "app/gallery.h"
#include "app/manifest.h"
#include "app/progress.h"
#include "app/zone_result.h"
#include "app/zones.h"
#include "load/facts_loader.h"
#include "model/lang_mode.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

/// The real file system with environment variables of the test's choosing.
using Vars = std::map<std::string, std::string>;

class VarsEnv final : public base::Env {
 public:
  explicit VarsEnv(std::map<std::string, std::string> vars = {}) : vars_(std::move(vars)) {}
  base::FileBytes read_file(const fs::path& path, std::uintmax_t max_bytes) const override {
    return real_.read_file(path, max_bytes);
  }
  std::vector<fs::path> list_files(const fs::path& dir, const std::string& suffix, std::string& error) const override {
    return real_.list_files(dir, suffix, error);
  }
  std::optional<std::string> get_var(const std::string& name) const override {
    auto it = vars_.find(name);
    return it == vars_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::int64_t now() const override { return 1735689600; }

 private:
  base::SystemEnv real_;
  std::map<std::string, std::string> vars_;
};

std::vector<std::string> stems(const std::vector<fs::path>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.stem().string());
  return out;
}

app::ZoneResult built_zone() {
  app::ZoneResult r;
  r.id = "xianghu-xiaobin";
  r.name_zh = "湘湖·萧滨合作区";
  r.name_en = "Xianghu–Xiaobin";
  r.input = "inputs/xianghu-xiaobin.yaml";
  r.status = app::ZoneStatus::built;
  r.key = "k1";
  r.output = "out/xianghu-xiaobin.pdf";
  r.sha256 = std::string(64, 'a');
  r.pages = 2;
  r.bytes = 69824;
  r.as_of = "2025-12-31";
  r.stale = true;
  r.preview = "xianghu-xiaobin.png";
  r.changes = {{"changed", "metrics/x", "甲：1 → 2", "A: 1 → 2"}};
  r.ms = 204.5;
  return r;
}

}  // namespace

TEST_CASE("build parts: zone statuses and language modes are read and written by name", "[build-parts]") {
  using app::ZoneStatus;
  for (auto [status, name] :
       {std::pair{ZoneStatus::built, "built"}, std::pair{ZoneStatus::unchanged, "unchanged"},
        std::pair{ZoneStatus::failed, "failed"}, std::pair{ZoneStatus::interrupted, "interrupted"}}) {
    CHECK(app::name_of(status) == name);
    CHECK(app::parse_zone_status(name) == status);
  }
  CHECK_FALSE(app::parse_zone_status("Built"));
  CHECK(app::has_output(ZoneStatus::unchanged));
  CHECK_FALSE(app::has_output(ZoneStatus::interrupted));
  for (const auto& [mode, name] : model::kLangModes) {
    CHECK(model::name_of(mode) == name);
    CHECK(model::parse_lang_mode(name) == mode);
  }
  CHECK(model::name_of(model::LangMode::side_by_side) == "side-by-side");
  CHECK_FALSE(model::parse_lang_mode("zh-en"));
}

TEST_CASE("build parts: --shard K/N or N, K from the job index", "[build-parts]") {
  auto spec = app::parse_shard_spec("1/3");
  REQUIRE(spec);
  CHECK(spec->k == std::optional<std::size_t>(1));
  CHECK(spec->n == 3);
  spec = app::parse_shard_spec("4");
  REQUIRE(spec);
  CHECK_FALSE(spec->k);
  CHECK(spec->n == 4);
  for (const char* bad : {"", "3/3", "0", "1/0", "x", "a/3", "1/x", "-1/3", "1234567", "1/2/3"}) {
    INFO(bad);
    CHECK_FALSE(app::parse_shard_spec(bad));
  }

  std::optional<base::Diagnostic> error;
  auto shard = app::resolve_shard(VarsEnv(), {1, 3}, error);
  REQUIRE(shard);
  CHECK((shard->k == 1 && shard->n == 3));
  shard = app::resolve_shard(VarsEnv(Vars{{"JOB_COMPLETION_INDEX", "2"}, {"SLURM_ARRAY_TASK_ID", "0"}}),
                             {std::nullopt, 3}, error);
  REQUIRE(shard);
  CHECK(shard->k == 2);
  shard = app::resolve_shard(VarsEnv(Vars{{"SLURM_ARRAY_TASK_ID", "1"}}), {std::nullopt, 3}, error);
  REQUIRE(shard);
  CHECK(shard->k == 1);
  CHECK_FALSE(error);
  CHECK_FALSE(app::resolve_shard(VarsEnv(), {std::nullopt, 3}, error));
  REQUIRE(error);
  CHECK(error->str() ==
        "--shard:1:1: error: expected K/N with 0 <= K < N (or N, with K from the job index) (found no K given and "
        "neither "
        "JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set)");
  CHECK_FALSE(app::resolve_shard(VarsEnv(Vars{{"JOB_COMPLETION_INDEX", "5"}}), {std::nullopt, 3}, error));
  CHECK(error->found == "'5/3'");

  std::vector<fs::path> files;
  for (int i = 0; i < 7; ++i) files.push_back("z" + std::to_string(i) + ".yaml");
  CHECK(stems(app::shard_of(files, {0, 3})) == std::vector<std::string>{"z0", "z3", "z6"});
  CHECK(stems(app::shard_of(files, {2, 3})) == std::vector<std::string>{"z2", "z5"});
  CHECK(app::manifest_name(std::nullopt) == "manifest.json");
  CHECK(app::manifest_name(app::Shard{2, 3}) == "manifest-shard-2-of-3.json");
}

TEST_CASE("build parts: zone selection by --zone and --shard", "[build-parts]") {
  test::TempDir in("zonebrief-parts-select"), empty("zonebrief-parts-empty");
  for (const char* id : {"b", "a", "c"}) std::ofstream(in.path / (std::string(id) + ".yaml")) << "x: 1\n";
  std::ofstream(in.path / "notes.txt") << "not a zone\n";
  VarsEnv env;

  auto all = app::select_zones(env, in.path, {}, std::nullopt);
  REQUIRE_FALSE(all.error);
  CHECK(stems(all.files) == std::vector<std::string>{"a", "b", "c"});
  CHECK(all.manifest_name == "manifest.json");
  CHECK_FALSE(all.sharded);

  auto chosen = app::select_zones(env, in.path, {"c", "a", "c"}, std::nullopt);
  REQUIRE_FALSE(chosen.error);
  CHECK(stems(chosen.files) == std::vector<std::string>{"a", "c"});

  auto unknown = app::select_zones(env, in.path, {"a", "nope"}, std::nullopt);
  REQUIRE(unknown.error);
  CHECK(unknown.error->str() ==
        in.path.string() + ":1:1: error: expected --zone to name a zone file in this folder (found 'nope')");

  auto shard = app::select_zones(env, in.path, {}, app::ShardSpec{1, 2});
  REQUIRE_FALSE(shard.error);
  CHECK(stems(shard.files) == std::vector<std::string>{"b"});
  CHECK(shard.manifest_name == "manifest-shard-1-of-2.json");
  CHECK(shard.sharded);

  auto none = app::select_zones(env, empty.path, {}, std::nullopt);
  REQUIRE(none.error);
  CHECK(none.error->expected == "expected at least one *.yaml zone file");
  auto empty_shard = app::select_zones(env, empty.path, {}, app::ShardSpec{0, 2});
  CHECK_FALSE(empty_shard.error);  // a shard may have nothing to do
  CHECK(empty_shard.files.empty());

  auto missing = app::select_zones(env, in.path / "missing", {}, std::nullopt);
  REQUIRE(missing.error);
  CHECK(missing.error->expected == "expected a readable folder of zone files");
}

TEST_CASE("build parts: the cache reuses a zone only when its key, status and PDF still match", "[build-parts]") {
  CHECK(app::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  test::TempDir dir("zonebrief-parts-cache");
  std::ofstream(dir.path / "facts.yaml") << "x: 1\n";
  const std::string pdf_bytes = "%PDF-1.7 a briefing";
  std::ofstream(dir.path / "z.pdf") << pdf_bytes;
  std::ofstream(dir.path / "z.record.json") << "{}\n";
  std::ofstream(dir.path / "xianghu-xiaobin.png") << "png";
  VarsEnv env;

  app::ZoneResult last = built_zone();
  last.id = "z";
  last.key = "key-1";
  last.sha256 = app::sha256_hex(pdf_bytes);
  auto cache_with = [&](const app::ZoneResult& previous) {
    return app::BuildCache("common", {{"briefing", "briefing.yaml:1"}}, {{previous.id, previous}}, true);
  };
  app::ZoneResult r;
  r.id = "z";
  r.key = "key-1";
  REQUIRE(cache_with(last).reuse(env, dir.path / "z.pdf", r));
  CHECK(r.status == app::ZoneStatus::unchanged);
  CHECK(r.output == (dir.path / "z.pdf").string());
  CHECK(r.bytes == pdf_bytes.size());
  CHECK(r.pages == last.pages);
  CHECK((r.name_zh == last.name_zh && r.name_en == last.name_en));
  CHECK(r.preview == last.preview);
  CHECK(r.stale);
  // The PDF kept shows the changes its build found; its entry lists the same ones.
  REQUIRE(last.changes.size() == 1);
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].en == last.changes[0].en);

  auto fresh = [] {
    app::ZoneResult z;
    z.id = "z";
    z.key = "key-1";
    return z;
  };
  app::ZoneResult other_key = fresh();
  other_key.key = "key-2";
  CHECK_FALSE(cache_with(last).reuse(env, dir.path / "z.pdf", other_key));
  CHECK(other_key.status == app::ZoneStatus::failed);  // left alone
  app::ZoneResult failed_last = last;
  failed_last.status = app::ZoneStatus::failed;
  app::ZoneResult z = fresh();
  CHECK_FALSE(cache_with(failed_last).reuse(env, dir.path / "z.pdf", z));
  app::ZoneResult unchanged_last = last;
  unchanged_last.status = app::ZoneStatus::unchanged;
  CHECK(cache_with(unchanged_last).reuse(env, dir.path / "z.pdf", z));
  z = fresh();
  CHECK_FALSE(cache_with(last).reuse(env, dir.path / "gone.pdf", z));
  std::ofstream(dir.path / "z.pdf") << "%PDF-1.7 edited by hand";
  CHECK_FALSE(cache_with(last).reuse(env, dir.path / "z.pdf", z));
  CHECK_FALSE(app::BuildCache("common", {}, {}, true).reuse(env, dir.path / "z.pdf", z));

  const auto& cache = cache_with(last);
  const auto key = cache.zone_key(env, "briefing", dir.path / "facts.yaml", "fresh | old 0");
  CHECK(key.size() == 64);
  CHECK(key == cache.zone_key(env, "briefing", dir.path / "facts.yaml", "fresh | old 0"));
  CHECK(key != cache.zone_key(env, "briefing", dir.path / "facts.yaml", "stale 1 | old 0"));
  CHECK(key != cache.zone_key(env, "briefing", dir.path / "facts.yaml", "fresh | old 1"));  // one more old figure
  CHECK(key != cache.zone_key(env, "onepager", dir.path / "facts.yaml", "fresh | old 0"));
  CHECK(key != app::BuildCache("common", {{"briefing", "briefing.yaml:1"}}, {}, false)
                   .zone_key(env, "briefing", dir.path / "facts.yaml", "fresh | old 0"));
  std::ofstream(dir.path / "facts.yaml") << "x: 2\n";
  CHECK(key != cache.zone_key(env, "briefing", dir.path / "facts.yaml", "fresh | old 0"));
}

TEST_CASE("build parts: a manifest goes to JSON and back, fields in the manifest's order", "[build-parts]") {
  app::Manifest m;
  m.tool = "zonebrief 0.1.0";
  m.lang = model::LangMode::side_by_side;
  m.layout = "onepager";
  m.zones.push_back(built_zone());
  app::ZoneResult failed;
  failed.id = "number-quoted";
  failed.input = "in/number-quoted.yaml";
  failed.errors = {"in/number-quoted.yaml:14:12: error: metrics[0].value: expected a number"};
  failed.ms = 1.25;
  m.zones.push_back(failed);

  const std::string text = app::manifest_text(m);
  CHECK(text.rfind("{\n  \"tool\": \"zonebrief 0.1.0\",\n  \"lang\": \"side-by-side\",\n  \"layout\": \"onepager\",\n  "
                   "\"zones\": [",
                   0) == 0);
  CHECK(text.back() == '\n');
  auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, _] : j["zones"][0].items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"id", "name", "name_zh", "name_en", "input", "status", "key", "output",
                                         "sha256", "pages", "bytes", "as_of", "stale", "preview", "changes", "ms",
                                         "errors"});
  keys.clear();
  for (const auto& [key, _] : j["zones"][1].items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"id", "input", "status", "ms", "errors"});  // a failed zone has no output
  CHECK(j["zones"][1]["ms"] == 1.3);                                                 // to 0.1 ms

  auto back = j.get<app::Manifest>();
  CHECK(back.tool == m.tool);
  CHECK(back.lang == m.lang);
  CHECK(back.layout == m.layout);
  REQUIRE(back.zones.size() == 2);
  const auto& z = back.zones[0];
  const auto& want = m.zones[0];
  CHECK(z.id == want.id);
  CHECK((z.name_zh == want.name_zh && z.name_en == want.name_en));
  CHECK(z.input == want.input);
  CHECK(z.status == want.status);
  CHECK((z.key == want.key && z.output == want.output && z.sha256 == want.sha256));
  CHECK((z.pages == want.pages && z.bytes == want.bytes));
  CHECK((z.as_of == want.as_of && z.stale == want.stale && z.preview == want.preview));
  REQUIRE(z.changes.size() == 1);
  CHECK((z.changes[0].kind == "changed" && z.changes[0].id == "metrics/x" && z.changes[0].zh == want.changes[0].zh &&
         z.changes[0].en == want.changes[0].en));
  CHECK(z.ms == want.ms);
  CHECK(back.zones[1].status == app::ZoneStatus::failed);
  CHECK(back.zones[1].errors == failed.errors);
  CHECK(app::manifest_text(back) == text);

  auto zones = app::manifest_zones(text);
  CHECK(zones.size() == 2);
  CHECK(zones.at("xianghu-xiaobin").sha256 == want.sha256);
  CHECK(app::manifest_zones("not json").empty());
  CHECK(app::manifest_zones("[1, 2]").empty());
  // Damaged entries read leniently: no id, no entry; a mistyped field reads as empty.
  auto damaged =
      app::manifest_zones(R"({"zones": [{"name": "x"}, {"id": "a", "pages": "two", "status": "done", "stale": 1}]})");
  REQUIRE(damaged.size() == 1);
  CHECK(damaged.at("a").pages == 0);
  CHECK(damaged.at("a").status == app::ZoneStatus::failed);
  CHECK_FALSE(damaged.at("a").stale);
}

TEST_CASE("build parts: an edition record goes to JSON and back, and reads leniently", "[build-parts]") {
  auto loaded = load::load_facts_text(test::read_text_file(test::source_dir() / "tests/facts/good/xiaoshan-etdz.yaml"),
                                      "xiaoshan-etdz.yaml");
  REQUIRE(loaded.ok());
  const app::Record record = app::make_record(*loaded.facts);
  const nlohmann::json j = record;
  CHECK(j["as_of"] == loaded.facts->zone.as_of.iso());
  CHECK(j["metrics"].size() == loaded.facts->metrics.size());
  CHECK(j["metrics"][0].size() == 5);
  // The file's bytes: nlohmann::json keeps keys sorted, one-space indent.
  CHECK(j.dump(1).rfind("{\n \"as_of\": \"" + loaded.facts->zone.as_of.iso() + "\",\n \"highlights\": [", 0) == 0);
  CHECK(j["metrics"][0].dump().rfind("{\"en\":", 0) == 0);
  auto back = j.get<app::Record>();
  CHECK(nlohmann::json(back) == j);
  CHECK(app::diff_records(back, record).empty());

  auto damaged =
      nlohmann::json::parse(R"({"metrics": [1, {"id": 5, "zh": "x"}], "series": "none"})").get<app::Record>();
  REQUIRE(damaged.metrics.size() == 2);
  CHECK(damaged.metrics[1].id.empty());
  CHECK(damaged.metrics[1].zh == "x");
  CHECK(damaged.series.empty());
}

TEST_CASE("build parts: the gallery escapes text and writes dates in both languages", "[build-parts]") {
  CHECK(app::html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(app::gallery_date("2025-12-31") == "2025 年 12 月 31 日 · 31 December 2025");
  CHECK(app::gallery_date("2025-13-01") == "2025-13-01");
  CHECK(app::gallery_date("soon") == "soon");
  auto html = app::gallery_html({built_zone()}, model::LangMode::en);
  CHECK(html.find("1 个开发区 · 1 zone: 1 built, 0 unchanged, 0 failed · en · zonebrief ") != std::string::npos);
  CHECK(html.find("<span class=\"badge built\">已生成 · built</span>") != std::string::npos);
  CHECK(html.find("本期变化 1 项 · 1 change since the last edition") != std::string::npos);
}

TEST_CASE("build parts: progress without a terminal writes a failed zone's errors, one zone at a time",
          "[build-parts]") {
  std::ostringstream err;
  app::Progress progress(2, err, /*tty=*/false);
  app::ZoneResult failed;
  failed.id = "bad";
  failed.errors = {"bad.yaml:1:1: error: one", "bad.yaml:2:1: error: two"};
  progress.zone_done(failed);
  app::ZoneResult built = built_zone();
  built.errors = {"a record that could not be written is logged, not printed"};
  progress.zone_done(built);
  CHECK(err.str() == "bad.yaml:1:1: error: one\nbad.yaml:2:1: error: two\n");
}

TEST_CASE("build parts: --lang and --shard are checked when the command line is parsed", "[build-parts][cli]") {
  auto run = [](const std::string& args) { return test::run_tool(std::string(ZB_BINARY) + " -q " + args); };
  auto lang = run("build --lang zh-en --out /nonexistent/never-made");
  CHECK(lang.code == 2);
  CHECK(lang.err.find("--lang: zh-en not in {zh+en,en+zh,zh,en,side-by-side}") != std::string::npos);
  auto charts = run("charts --lang side-by-side --out /nonexistent/never.pdf");
  CHECK(charts.code == 2);
  CHECK(charts.err.find("--lang: side-by-side not in {zh,en,zh+en,en+zh}") != std::string::npos);
  for (const char* bad : {"3/3", "x", "1/0"}) {
    auto shard = run(std::string("build --shard ") + bad + " --out /nonexistent/never-made");
    INFO(bad << ": " << shard.err);
    CHECK(shard.code == 2);
    CHECK(
        shard.err.find(std::string("--shard: expected K/N with 0 <= K < N (or N, with K from the job index) (found '") +
                       bad + "')") != std::string::npos);
  }
  auto help = run("build --help");
  CHECK(help.out.find("--lang TEXT:{zh+en,en+zh,zh,en,side-by-side}=zh+en") != std::string::npos);
}

TEST_CASE("build parts: an unchanged zone whose record or preview is gone is rebuilt", "[build-parts]") {
  test::TempDir dir("zonebrief-parts-cache-files");
  const std::string pdf_bytes = "%PDF-1.7 a briefing";
  std::ofstream(dir.path / "z.pdf") << pdf_bytes;
  std::ofstream(dir.path / "z.record.json") << "{}\n";
  std::ofstream(dir.path / "z.png") << "png";
  VarsEnv env;
  app::ZoneResult last = built_zone();
  last.id = "z";
  last.sha256 = app::sha256_hex(pdf_bytes);
  last.preview = "z.png";
  auto fresh = [&] {
    app::ZoneResult z;
    z.id = "z";
    z.key = last.key;
    return z;
  };
  const app::BuildCache with_previews("c", {}, {{"z", last}}, true), without("c", {}, {{"z", last}}, false);
  auto z = fresh();
  CHECK(with_previews.reuse(env, dir.path / "z.pdf", z));
  fs::remove(dir.path / "z.png");
  z = fresh();
  CHECK_FALSE(with_previews.reuse(env, dir.path / "z.pdf", z));
  z = fresh();
  CHECK(without.reuse(env, dir.path / "z.pdf", z));  // no previews made: none needed
  fs::remove(dir.path / "z.record.json");
  z = fresh();
  CHECK_FALSE(without.reuse(env, dir.path / "z.pdf", z));
}

TEST_CASE("build parts: a partial run's zones merge into the last manifest's", "[build-parts]") {
  auto zone = [](const std::string& id, app::ZoneStatus s) {
    app::ZoneResult r;
    r.id = id;
    r.input = "inputs/" + id + ".yaml";
    r.status = s;
    return r;
  };
  std::map<std::string, app::ZoneResult> kept{{"a", zone("a", app::ZoneStatus::built)},
                                              {"b", zone("b", app::ZoneStatus::built)},
                                              {"c", zone("c", app::ZoneStatus::unchanged)}};
  auto merged = app::merge_zones(kept, {zone("b", app::ZoneStatus::failed), zone("d", app::ZoneStatus::built)});
  REQUIRE(merged.size() == 4);
  CHECK(merged[0].id == "a");
  CHECK(merged[1].id == "b");
  CHECK(merged[1].status == app::ZoneStatus::failed);  // the run's entry replaces the last one
  CHECK(merged[2].status == app::ZoneStatus::unchanged);
  CHECK(merged[3].id == "d");
  CHECK(app::merge_zones({}, {zone("x", app::ZoneStatus::built)}).size() == 1);
}

TEST_CASE("build parts: names and paths that are not UTF-8 go into JSON and HTML escaped", "[build-parts]") {
  app::ZoneResult r;
  r.id = "bad-\xFF";
  r.input = "in/bad-\xFF.yaml";
  r.errors = {"in/bad-\xFF.yaml:1:1: error: expected a zone file name in UTF-8"};
  app::Manifest m;
  m.zones = {r};
  const std::string text = app::manifest_text(m);  // threw nlohmann's type_error 316 before
  auto j = nlohmann::json::parse(text);
  CHECK(j["zones"][0]["id"] == "bad-\\xff");
  CHECK(j["zones"][0]["input"] == "in/bad-\\xff.yaml");
  CHECK(j["zones"][0]["errors"][0].get<std::string>().rfind("in/bad-\\xff.yaml:1:1:", 0) == 0);
  CHECK(app::html_escape("a\xFF<") == "a\\xff&lt;");
}

TEST_CASE("build parts: the gallery keeps names whole, counts interrupted zones apart, reads only real dates",
          "[build-parts]") {
  CHECK(app::gallery_date("2025-02-29") == "2025-02-29");  // no such day
  CHECK(app::gallery_date("2024-02-29") == "2024 年 2 月 29 日 · 29 February 2024");
  CHECK(app::gallery_date("2025-12-31 ") == "2025-12-31 ");
  CHECK(app::gallery_date("2025-1-311") == "2025-1-311");
  app::ZoneResult slash = built_zone();
  slash.name_zh = "甲 / 乙合作区";  // a Chinese name with " / " in it
  slash.name_en = "Jia–Yi";
  app::ZoneResult stopped;
  stopped.id = "stopped";
  stopped.status = app::ZoneStatus::interrupted;
  app::ZoneResult failed;
  failed.id = "failed";
  auto html = app::gallery_html({slash, stopped, failed}, model::LangMode::zh_en);
  CHECK(html.find("3 个开发区 · 3 zones: 1 built, 0 unchanged, 1 failed, 1 interrupted · zh+en") != std::string::npos);
  CHECK(html.find("<h3>甲 / 乙合作区</h3>") != std::string::npos);
  CHECK(html.find("<p class=\"en\">Jia–Yi</p>") != std::string::npos);
  // An earlier manifest's "zh / en" name still reads, split at its last " / ".
  auto old = app::manifest_zones(R"({"zones": [{"id": "a", "name": "甲 / 乙合作区 / Jia–Yi"}]})");
  CHECK(old.at("a").name_zh == "甲 / 乙合作区");
  CHECK(old.at("a").name_en == "Jia–Yi");
}
