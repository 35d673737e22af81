// The command line: CLI11 definitions of every command, logging set-up, exit-code mapping.
#include "app/cli.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <map>
#include <tuple>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/build.h"
#include "app/check.h"
#include "app/data_dirs.h"
#include "app/log_format.h"
#include "app/pack.h"
#include "app/sample.h"
#include "app/schemas.h"
#include "app/version.h"
#include "app/zones.h"
#include "base/env.h"
#include "model/lang_mode.h"

namespace zb::app {
namespace {

using model::LangMode;

/// --lang: a mode's name becomes the mode, once, at parse time (the validator hands CLI11 the
/// enum's number); a name not in `allowed` is refused naming the ones that are.
void add_lang_option(CLI::App* cmd, LangMode& mode, const std::string& help, const std::vector<LangMode>& allowed) {
  std::string names;
  for (auto m : allowed) names += (names.empty() ? "" : ",") + std::string(model::name_of(m));
  CLI::Validator to_mode(
      [allowed, names](std::string& value) -> std::string {
        auto parsed = model::parse_lang_mode(value);
        if (!parsed || std::find(allowed.begin(), allowed.end(), *parsed) == allowed.end())
          return value + " not in {" + names + "}";
        value = std::to_string(static_cast<int>(*parsed));
        return {};
      },
      "{" + names + "}");
  cmd->add_option("--lang", mode, help)
      ->type_name("TEXT")
      ->transform(to_mode)
      ->default_str(std::string(model::name_of(mode)));
}

/// --shard: "K/N" or "N" (then K comes from the job index when the build runs).
CLI::Validator shard_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (parse_shard_spec(value)) return {};
        return std::string(kShardExpected) + " (found '" + value + "')";
      },
      "");
}

/// The data folders' help: their default is searched for (app/data_dirs.h).
constexpr const char* kLayoutsHelp =
    "Folder of layouts (default: the first found of ./layouts, $XDG_DATA_HOME/zonebrief/layouts, "
    "<prefix>/share/zonebrief/layouts, $XDG_DATA_DIRS/zonebrief/layouts)";
constexpr const char* kFontsHelp =
    "Folder with fonts.yaml and the font files (default: the first found of ./fonts, "
    "$XDG_DATA_HOME/zonebrief/fonts, <prefix>/share/zonebrief/fonts, $XDG_DATA_DIRS/zonebrief/fonts)";

/// Every command's options, filled by CLI11.
struct Commands {
  CheckOptions check, list;
  SampleOptions sample;
  BuildOptions build;
  ChartsOptions charts;
  PackCommandOptions pack;
  CLI::App* pack_cmd = nullptr;
  CLI::App* check_cmd = nullptr;
  CLI::App* list_cmd = nullptr;
  CLI::App* sample_cmd = nullptr;
  CLI::App* build_cmd = nullptr;
  CLI::App* charts_cmd = nullptr;
  CLI::App* schema_cmd = nullptr;
  std::string schema_kind;  ///< schema's argument: facts or meeting
};

void add_check(CLI::App& cli, Commands& c) {
  c.check_cmd = cli.add_subcommand("check", "Validate every *.yaml zone file in the inputs folder");
  c.check_cmd->add_option("--inputs", c.check.inputs, "Folder of zone facts files")->capture_default_str();
  c.check_cmd->add_option("files", c.check.files, "Zone files to check instead of the whole inputs folder")
      ->check(CLI::ExistingFile);
  c.check_cmd->add_option(
      "--layouts", c.check.layouts,
      "Folder of layouts (zone.layout must name one; default: the first found of ./layouts, "
      "$XDG_DATA_HOME/zonebrief/layouts, <prefix>/share/zonebrief/layouts, $XDG_DATA_DIRS/zonebrief/layouts; "
      "else names are not checked)");
  c.check_cmd->add_flag("--json", c.check.json, "Print the results as one JSON document on stdout (errors included)");
  c.check_cmd->add_flag("--typeset", c.check.typeset,
                        "Also set each valid zone as build would (its layout, zh+en, nothing written): finds a "
                        "character no font has and a block too tall for a page");
  c.check_cmd->add_option("--fonts", c.check.fonts, std::string(kFontsHelp) + "; used with --typeset");
}

void add_list(CLI::App& cli, Commands& c) {
  c.list_cmd = cli.add_subcommand("list", "List the zones: id, layout, as-of date, counts and names");
  c.list_cmd->add_option("--inputs", c.list.inputs, "Folder of zone facts files")->capture_default_str();
  c.list_cmd->add_option("--layouts", c.list.layouts, kLayoutsHelp);
  c.list_cmd->add_flag("--json", c.list.json, "Print the zones (and invalid files) as one JSON document on stdout");
}

void add_sample(CLI::App& cli, Commands& c) {
  c.sample_cmd =
      cli.add_subcommand("sample", "Write the typesetting sample (checks fonts and typesetting on this machine)");
  auto* cmd = c.sample_cmd;
  cmd->add_option("--fonts", c.sample.fonts, kFontsHelp);
  cmd->add_option("--out", c.sample.out, "PDF to write")->capture_default_str();
  cmd->add_option("--png", c.sample.png, "Also render page 1 to this PNG file");
  cmd->add_option("--dpi", c.sample.dpi, "Resolution of the PNG")
      ->capture_default_str()
      ->check(CLI::Range(10.0, 600.0));
}

void add_build(CLI::App& cli, Commands& c) {
  c.build_cmd =
      cli.add_subcommand("build", "Build every zone's briefing PDF into the output folder, with manifest.json");
  auto* cmd = c.build_cmd;
  BuildOptions& o = c.build;
  cmd->add_option("--inputs", o.inputs, "Folder of zone facts files")->capture_default_str();
  cmd->add_option("--layouts", o.layouts, kLayoutsHelp);
  cmd->add_option("--fonts", o.fonts, kFontsHelp);
  cmd->add_option("--out", o.out, "Output folder")->capture_default_str();
  cmd->add_option("--zone", o.zones, "Only this zone (repeatable: --zone A --zone B)")->allow_extra_args(false);
  cmd->add_option("--layout", o.layout, "Use this layout for every zone");
  add_lang_option(cmd, o.lang, "zh+en, en+zh, zh, en or side-by-side",
                  {LangMode::zh_en, LangMode::en_zh, LangMode::zh, LangMode::en, LangMode::side_by_side});
  cmd->add_option("--max-age", o.max_age_days, "Facts older than this many days are flagged as stale")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("!--no-previews", o.previews, "Skip the page-1 PNG previews and index.html");
  cmd->add_flag("--force", o.force, "Rebuild zones whose facts, layout, fonts and tool are unchanged");
  cmd->add_flag(
      "!--no-wait", o.wait,
      "When another run holds the output folder's lock, exit 2 at once (naming its process) instead of waiting");
  cmd->add_option_function<std::string>(
         "--shard", [&o](const std::string& text) { o.shard = parse_shard_spec(text); },
         "Build only shard K of N of the sorted zone list: K/N, or N with K from JOB_COMPLETION_INDEX "
         "or SLURM_ARRAY_TASK_ID; the manifest is then manifest-shard-K-of-N.json (shards sharing a folder take "
         "turns: one run at a time holds its lock)")
      ->check(shard_validator());
  cmd->add_option("--jobs", o.jobs, "Zones built in parallel (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--json", o.json, "Print the run's summary (counts and this run's zones) as JSON on stdout");
}

void add_charts(CLI::App& cli, Commands& c) {
  c.charts_cmd = cli.add_subcommand("charts", "Write every chart of the zones to one PDF (the chart gallery)");
  auto* cmd = c.charts_cmd;
  ChartsOptions& o = c.charts;
  cmd->add_option("--fonts", o.fonts, kFontsHelp);
  cmd->add_option("--inputs", o.inputs, "Folder of zone facts files")->capture_default_str();
  cmd->add_option("files", o.files, "Zone files instead of the whole inputs folder")->check(CLI::ExistingFile);
  cmd->add_option("--out", o.out, "PDF to write")->capture_default_str();
  add_lang_option(cmd, o.lang, "zh, en, zh+en or en+zh",
                  {LangMode::zh, LangMode::en, LangMode::zh_en, LangMode::en_zh});
  cmd->add_option("--png-dir", o.png_dir, "Also write every page as PNG into this folder");
  cmd->add_flag("--cards", o.cards, "Also every key-figure card of the zones");
  cmd->add_option("--dpi", o.dpi, "Resolution of the PNG pages")->capture_default_str()->check(CLI::Range(10.0, 600.0));
}

void add_pack(CLI::App& cli, Commands& c) {
  c.pack_cmd = cli.add_subcommand("pack", "Build one PDF for a meeting from a meeting file and the zones it names");
  auto* cmd = c.pack_cmd;
  PackCommandOptions& o = c.pack;
  cmd->add_option("meeting", o.meeting, "The meeting file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--inputs", o.inputs, "Folder of zone facts files")->capture_default_str();
  cmd->add_option("--layouts", o.layouts, kLayoutsHelp);
  cmd->add_option("--fonts", o.fonts, kFontsHelp);
  cmd->add_option("--out", o.out, "Folder for <meeting-id>.pdf and the PNG of its cover")->capture_default_str();
  cmd->add_option_function<LangMode>(
         "--lang", [&o](const LangMode& m) { o.lang = m; },
         "zh+en, en+zh, zh, en or side-by-side (default: the meeting's lang)")
      ->type_name("TEXT")
      ->transform(CLI::Validator(
          [](std::string& value) -> std::string {
            auto parsed = model::parse_lang_mode(value);
            if (!parsed) return value + " not in {zh+en,en+zh,zh,en,side-by-side}";
            value = std::to_string(static_cast<int>(*parsed));
            return {};
          },
          "{zh+en,en+zh,zh,en,side-by-side}"));
  cmd->add_flag("!--no-wait", o.wait, "Exit with status 2 at once when another run holds the output folder's lock");
}

void add_schema(CLI::App& cli, Commands& c) {
  c.schema_cmd =
      cli.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of zone files or of meeting files");
  c.schema_cmd->add_option("kind", c.schema_kind, "facts (zone files) or meeting")
      ->required()
      ->check(CLI::IsMember({"facts", "meeting"}));
}

/// A data folder option (--fonts, --layouts) that was not given is searched for
/// (app/data_dirs.h); one that was given is used as it is.
void resolve_data_option(const base::Env& env, CLI::App* cmd, const std::string& name, std::filesystem::path& dir) {
  if (cmd->get_option("--" + name)->count() == 0) dir = find_data_dir(env, name);
}

/// check and list: a --layouts given must exist; without it, zone.layout names are checked only
/// when a layouts folder is found.
void locate_layouts(const base::Env& env, CLI::App* cmd, CheckOptions& o) {
  o.layouts_given = cmd->get_option("--layouts")->count() > 0;
  if (!o.layouts_given)
    if (auto found = locate_data_dir(env, "layouts")) o.layouts = *found;
}

/// Runs the command that was parsed; errors go to `err`.
int dispatch(Commands& c, std::ostream& err) {
  base::SystemEnv env;
  if (c.schema_cmd->parsed()) {
    std::cout << schema_text(c.schema_kind);
    return kExitOk;
  }
  if (c.check_cmd->parsed()) {
    if (c.check.typeset) {  // needs the layouts and the fonts: searched for like build's
      c.check.layouts_given = c.check_cmd->get_option("--layouts")->count() > 0;
      resolve_data_option(env, c.check_cmd, "layouts", c.check.layouts);
      resolve_data_option(env, c.check_cmd, "fonts", c.check.fonts);
    } else {
      locate_layouts(env, c.check_cmd, c.check);
    }
    return run_check(env, c.check, std::cout, err);
  }
  if (c.list_cmd->parsed()) locate_layouts(env, c.list_cmd, c.list);
  if (c.sample_cmd->parsed()) resolve_data_option(env, c.sample_cmd, "fonts", c.sample.fonts);
  if (c.charts_cmd->parsed()) resolve_data_option(env, c.charts_cmd, "fonts", c.charts.fonts);
  for (auto [cmd, layouts, fonts] : {std::tuple{c.build_cmd, &c.build.layouts, &c.build.fonts},
                                     std::tuple{c.pack_cmd, &c.pack.layouts, &c.pack.fonts}}) {
    if (!cmd->parsed()) continue;
    resolve_data_option(env, cmd, "layouts", *layouts);
    resolve_data_option(env, cmd, "fonts", *fonts);
  }
  if (c.build_cmd->parsed()) {
    // SIGINT/SIGTERM: finish the zones under way, record the rest as interrupted, write the manifest.
    std::signal(SIGINT, [](int) { request_stop(); });
    std::signal(SIGTERM, [](int) { request_stop(); });
    // A closed pipe (`zonebrief build 2>&1 | head`) makes writes to it fail (EPIPE) instead of
    // ending the run before its manifest is written.
    std::signal(SIGPIPE, SIG_IGN);
    return run_build(env, c.build, std::cout, err);
  }
  if (c.list_cmd->parsed()) return run_list(env, c.list, std::cout, err);
  if (c.sample_cmd->parsed()) return run_sample(env, c.sample, err);
  if (c.charts_cmd->parsed()) return run_charts(env, c.charts, err);
  if (c.pack_cmd->parsed()) return run_pack(env, c.pack, err);
  return kExitUsage;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{
      "zonebrief: bilingual (Chinese + English) PDF briefings on economic development zones, "
      "from YAML facts files.",
      "zonebrief"};
  cli.set_version_flag("--version", std::string("zonebrief ") + kVersion);
  cli.require_subcommand(1);
  cli.fallthrough();  // global options (-v, -q, --log-format) may also follow the command
  int verbosity = 0;
  cli.add_flag_function(
      "-v,--verbose", [&](std::int64_t n) { verbosity = static_cast<int>(n); }, "More log output (debug)");
  cli.add_flag_function(
      "-q,--quiet", [&](std::int64_t) { verbosity = -1; }, "Only warnings and errors");
  std::string log_format = "text";
  cli.add_option("--log-format", log_format,
                 "text, or json: every line on stderr (logs and errors) a JSON object {time, level, message}")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  Commands commands;
  add_check(cli, commands);
  add_list(cli, commands);
  add_sample(cli, commands);
  add_build(cli, commands);
  add_charts(cli, commands);
  add_pack(cli, commands);
  add_schema(cli, commands);
  cli.footer(
      "Exit codes: 0 success; 1 some inputs are invalid or some zones failed; 2 usage or configuration "
      "error.\nPDF dates come from SOURCE_DATE_EPOCH when set (reproducible output).\n"
      "Run 'zonebrief COMMAND --help' for a command's options.");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    cli.exit(e);
    return kExitUsage;
  }
  const LogFormat format = log_format == "json" ? LogFormat::json : LogFormat::text;
  setup_logging(format, verbosity);
  if (format == LogFormat::json) {  // the commands' error lines become log records too
    LogLineBuf lines;
    std::ostream err(&lines);
    return dispatch(commands, err);
  }
  return dispatch(commands, std::cerr);
}

}  // namespace zb::app
