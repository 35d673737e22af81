// Installed use and machines as readers: the data search order, check/list/build --json,
// --log-format json and `zonebrief schema`.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/data_dirs.h"
#include "app/log_format.h"
#include "app/schemas.h"
#include "run_tool.h"
#include "test_support.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

/// An environment of the test's choosing: variables, the executable's path, and which folders and
/// files exist (nothing else is read).
class DataEnv final : public base::Env {
 public:
  std::map<std::string, std::string> vars;
  std::optional<fs::path> exe = fs::path("/opt/zb/bin/zonebrief");
  std::set<fs::path> dirs, files;

  base::FileBytes read_file(const fs::path&, std::uintmax_t) const override { return {"", "not here", false, 0}; }
  std::vector<fs::path> list_files(const fs::path&, const std::string&, std::string& error) const override {
    error = "not here";
    return {};
  }
  std::optional<std::string> get_var(const std::string& name) const override {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::int64_t now() const override { return 0; }
  bool is_directory(const fs::path& p) const override { return dirs.count(p) > 0; }
  bool is_regular_file(const fs::path& p) const override { return files.count(p) > 0; }
  std::optional<fs::path> executable_path() const override { return exe; }
};

std::string zonebrief(const std::string& args) { return std::string(ZB_BINARY) + " " + args; }

}  // namespace

TEST_CASE("data search: the working directory, then XDG_DATA_HOME, then the installation's share folder") {
  DataEnv env;
  env.vars = {{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "/data/ana"}};
  CHECK(app::data_candidates(env, "layouts") ==
        std::vector<fs::path>{"layouts", "/data/ana/zonebrief/layouts", "/opt/zb/share/zonebrief/layouts",
                              "/usr/local/share/zonebrief/layouts", "/usr/share/zonebrief/layouts"});
  // XDG_DATA_HOME unset, or relative (the XDG rule: then it is ignored): ~/.local/share.
  env.vars = {{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "relative/path"}};
  CHECK(app::data_candidates(env, "fonts") ==
        std::vector<fs::path>{"fonts", "/home/ana/.local/share/zonebrief/fonts", "/opt/zb/share/zonebrief/fonts",
                              "/usr/local/share/zonebrief/fonts", "/usr/share/zonebrief/fonts"});
  // No home, no known executable (no /proc): the working directory and XDG_DATA_DIRS, whose
  // relative entries and repeats are left out.
  env.vars = {{"XDG_DATA_DIRS", "/srv/share:relative:/usr/share:/srv/share"}};
  env.exe.reset();
  CHECK(app::data_candidates(env, "fonts") ==
        std::vector<fs::path>{"fonts", "/srv/share/zonebrief/fonts", "/usr/share/zonebrief/fonts"});
}

TEST_CASE("data search: the first folder that holds the data wins, and fonts need fonts.yaml") {
  DataEnv env;
  env.vars = {{"HOME", "/home/ana"}};
  env.dirs = {"/home/ana/.local/share/zonebrief/fonts", "/opt/zb/share/zonebrief/layouts",
              "/opt/zb/share/zonebrief/fonts"};
  env.files = {"/opt/zb/share/zonebrief/fonts/fonts.yaml"};
  CHECK(app::find_data_dir(env, "layouts") == fs::path("/opt/zb/share/zonebrief/layouts"));
  // The user's fonts folder has no fonts.yaml: skipped.
  CHECK(app::find_data_dir(env, "fonts") == fs::path("/opt/zb/share/zonebrief/fonts"));
  env.dirs.insert("layouts");
  CHECK(app::find_data_dir(env, "layouts") == fs::path("layouts"));
  // Nothing anywhere: the working directory's name (its error names it), and no folder located.
  env.dirs.clear();
  env.files.clear();
  CHECK(app::find_data_dir(env, "fonts") == fs::path("fonts"));
  CHECK_FALSE(app::locate_data_dir(env, "fonts"));
}

TEST_CASE("check --json: every file with its kind, validity and errors in parts and as text", "[cli]") {
  const auto bad = (test::source_dir() / "tests/facts/bad/rank-zero.yaml").string();
  const auto good = (test::source_dir() / "tests/facts/good/every-feature.yaml").string();
  auto r = test::run_tool(zonebrief("check --json " + good + " " + bad));
  CHECK(r.code == 1);
  const auto j = nlohmann::json::parse(r.out);
  const std::string message =
      bad + ":27:24: error: series[0].points[1].y: expected a rank: a whole number from 1 (found '0')";
  CHECK(j == nlohmann::json::parse(R"({"checked": 2, "valid": 1, "invalid": 1, "files": [
      {"file": ")" + good + R"(", "kind": "zone", "valid": true, "errors": [], "errors_not_shown": 0},
      {"file": ")" + bad + R"(", "kind": "zone", "valid": false, "errors": [
        {"file": ")" + bad + R"(", "line": 27, "column": 24,
         "expected": "series[0].points[1].y: expected a rank: a whole number from 1", "found": "'0'",
         "message": ")" + message + R"("}], "errors_not_shown": 0}]})"));
  // The errors are in the document, not on stderr; the summary is logged.
  CHECK(r.err == "[error] checked 2 files: 1 invalid\n");
  // A meeting file named on the command line is checked as one.
  auto m = test::run_tool(zonebrief("check --json --inputs " + (test::source_dir() / "inputs").string() + " " +
                                    (test::source_dir() / "inputs/meetings/2026-12-03-investor-visit.yaml").string()));
  CHECK(m.code == 0);
  CHECK(nlohmann::json::parse(m.out)["files"][0]["kind"] == "meeting");
}

TEST_CASE("list --json: the zones with names, layout, date and counts, invalid files apart", "[cli]") {
  auto r = test::run_tool(zonebrief("list --json --inputs " + (test::source_dir() / "inputs").string()));
  CHECK(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["zones"].size() == 6);
  CHECK(j["invalid"].empty());
  const auto& etdz = j["zones"][5];
  CHECK(etdz["id"] == "xiaoshan-etdz");
  CHECK(etdz["name"]["zh"] == "萧山经济技术开发区");
  CHECK(etdz["name"]["en"] == "Xiaoshan Economic and Technological Development Zone");
  CHECK(etdz["layout"] == "briefing");
  CHECK(etdz["as_of"] == "2025-05-31");
  CHECK(etdz["series"].get<int>() > 0);
}

TEST_CASE("build --json: the run's summary on stdout, exit code included", "[cli]") {
  const fs::path out = fs::temp_directory_path() / ("zonebrief-json-build-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string args = "-q build --json --no-previews --zone xiaoshan-etdz --out " + out.string();
  auto r = test::run_tool("cd " + test::source_dir().string() + " && SOURCE_DATE_EPOCH=1767139200 " + zonebrief(args));
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["exit_code"] == 0);
  CHECK(j["zones"] == 1);
  CHECK(j["built"] == 1);
  CHECK(j["unchanged"] == 0);
  CHECK(j["failed"] == 0);
  CHECK(j["manifest"] == (out / "manifest.json").string());
  CHECK(j["results"][0]["status"] == "built");
  CHECK(j["results"][0]["output"] == (out / "xiaoshan-etdz.pdf").string());
  // Again: unchanged, and the entry is the manifest's.
  r = test::run_tool("cd " + test::source_dir().string() + " && SOURCE_DATE_EPOCH=1767139200 " + zonebrief(args));
  j = nlohmann::json::parse(r.out);
  CHECK(j["unchanged"] == 1);
  const auto manifest = nlohmann::json::parse(test::read_text_file(out / "manifest.json"));
  CHECK(j["results"][0] == manifest["zones"][0]);
  fs::remove_all(out);
}

TEST_CASE("log format json: every stderr line is a JSON object, error lines included", "[cli]") {
  const auto bad = (test::source_dir() / "tests/facts/bad/rank-zero.yaml").string();
  auto r = test::run_tool(zonebrief("--log-format json check " + bad));
  CHECK(r.code == 1);
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = r.err.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(nlohmann::json::parse(r.err.substr(start, nl - start)));
  CHECK(start == r.err.size());  // nothing after the last line
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["level"] == "error");
  CHECK(lines[0]["message"] ==
        bad + ":27:24: error: series[0].points[1].y: expected a rank: a whole number from 1 (found '0')");
  CHECK(lines[1]["message"] == "checked 1 file: 1 invalid");
  for (const auto& l : lines) {
    const std::string time = l["time"];
    CHECK(time.size() == 24);  // 2026-12-02T14:36:19.289Z
    CHECK(time.back() == 'Z');
  }
  auto bad_format = test::run_tool(zonebrief("--log-format xml check " + bad));
  CHECK(bad_format.code == 2);
}

TEST_CASE("schema: prints docs/schema's files byte for byte", "[cli]") {
  for (const std::string kind : {"facts", "meeting"}) {
    const auto file = test::read_text_file(test::source_dir() / "docs/schema" / (kind + ".schema.json"));
    CHECK(app::schema_text(kind) == file);
    auto r = test::run_tool(zonebrief("schema " + kind));
    CHECK(r.code == 0);
    CHECK(r.out == file);
    CHECK(nlohmann::json::parse(r.out)["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  }
  auto r = test::run_tool(zonebrief("schema layout"));
  CHECK(r.code == 2);
  CHECK(r.out.empty());
}

TEST_CASE("log format json in a build: stderr all JSON, and the log file holds each error once", "[cli]") {
  const fs::path dir = fs::temp_directory_path() / ("zonebrief-json-log-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  fs::copy_file(test::source_dir() / "tests/facts/bad/rank-zero.yaml", dir / "in/rank-zero.yaml");
  fs::copy_file(test::source_dir() / "inputs/xiaoshan-district.yaml", dir / "in/xiaoshan-district.yaml");
  auto r = test::run_tool("cd " + test::source_dir().string() + " && " +
                          zonebrief("--log-format json build --no-previews --inputs " + (dir / "in").string() +
                                    " --out " + (dir / "out").string()));
  CHECK(r.code == 1);
  std::size_t lines = 0;
  for (std::size_t start = 0, nl; (nl = r.err.find('\n', start)) != std::string::npos; start = nl + 1, ++lines)
    CHECK_NOTHROW(nlohmann::json::parse(r.err.substr(start, nl - start)));
  CHECK(lines == 3);  // the zone's error, the built zone, the summary
  const std::string log = test::read_text_file(dir / "out/zonebrief.log");
  const std::string error = "rank-zero.yaml:27:24: error: series[0].points[1].y: expected a rank";
  CHECK(log.find(error) != std::string::npos);
  CHECK(log.find(error) == log.rfind(error));
  fs::remove_all(dir);
}

TEST_CASE("check --typeset finds a character no font has, which plain check cannot", "[cli]") {
  const fs::path dir = fs::temp_directory_path() / ("zonebrief-typeset-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string text = test::read_text_file(test::source_dir() / "inputs/hangzhou-airport-zone.yaml");
  const std::string name = "name: {zh: 杭州临空经济示范区,";
  REQUIRE(text.find(name) != std::string::npos);
  text.replace(text.find(name), name.size(), "name: {zh: 杭州临空经济示范区😀,");
  {
    std::ofstream f(dir / "hangzhou-airport-zone.yaml", std::ios::binary);
    f << text;
  }
  const std::string inputs = " --inputs " + dir.string();
  const std::string cd = "cd " + test::source_dir().string() + " && ";
  auto plain = test::run_tool(cd + zonebrief("check" + inputs));
  CHECK(plain.code == 0);
  auto typeset = test::run_tool(cd + zonebrief("check --typeset" + inputs));
  CHECK(typeset.code == 1);
  CHECK(typeset.err == (dir / "hangzhou-airport-zone.yaml").string() +
                           ":3:9: error: zone.name: expected characters that the fonts of role 'heading' have (found "
                           "U+1F600 '😀', which no font of that role has)\n[error] checked 1 file: 1 invalid\n");
  // The repository's zones all set.
  CHECK(test::run_tool(cd + zonebrief("check --typeset")).code == 0);
  // Without fonts, --typeset is a configuration error naming the fonts file.
  auto nofonts = test::run_tool(cd + zonebrief("check --typeset --fonts /nonexistent" + inputs));
  CHECK(nofonts.code == 2);
  CHECK(nofonts.err.find("/nonexistent/fonts.yaml:1:1: error:") == 0);
  fs::remove_all(dir);
}
