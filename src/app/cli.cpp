// The command line: CLI11 definitions of every command, logging set-up, exit-code mapping.
#include "app/cli.h"

#include <algorithm>
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/build.h"
#include "app/check.h"
#include "app/sample.h"
#include "app/version.h"
#include "app/zones.h"
#include "base/env.h"
#include "model/lang_mode.h"

namespace zb::app {
namespace {

using model::LangMode;

/// --lang: a mode's name becomes the mode, once, at parse time (the validator hands CLI11 the
/// enum's number); a name not in `allowed` is refused naming the ones that are.
void add_lang_option(CLI::App* cmd, LangMode& mode, const std::string& help, std::vector<LangMode> allowed) {
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
  cmd->add_option("--lang", mode, help)->type_name("TEXT")->transform(to_mode)->default_str(std::string(model::name_of(mode)));
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

void setup_logging(int verbosity) {
  auto logger = spdlog::stderr_color_mt("zonebrief");
  logger->set_pattern("%^[%l]%$ %v");
  logger->set_level(verbosity > 0 ? spdlog::level::debug
                    : verbosity < 0 ? spdlog::level::warn
                                    : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"zonebrief: bilingual (Chinese + English) PDF briefings on economic development zones, "
               "from YAML facts files.",
               "zonebrief"};
  cli.set_version_flag("--version", std::string("zonebrief ") + kVersion);
  cli.require_subcommand(1);
  int verbosity = 0;
  cli.add_flag_function("-v,--verbose", [&](std::int64_t n) { verbosity = static_cast<int>(n); },
                        "More log output (debug)");
  cli.add_flag_function("-q,--quiet", [&](std::int64_t) { verbosity = -1; }, "Only warnings and errors");

  CheckOptions check;
  auto* check_cmd = cli.add_subcommand("check", "Validate every *.yaml zone file in the inputs folder");
  check_cmd->add_option("--inputs", check.inputs, "Folder of zone facts files")->capture_default_str();
  check_cmd->add_option("files", check.files, "Zone files to check instead of the whole inputs folder")
      ->check(CLI::ExistingFile);
  auto* layouts_opt =
      check_cmd->add_option("--layouts", check.layouts, "Folder of layouts (zone.layout must name one)")
          ->capture_default_str();

  CheckOptions list;
  auto* list_cmd = cli.add_subcommand("list", "List the zones: id, layout, as-of date, counts and names");
  list_cmd->add_option("--inputs", list.inputs, "Folder of zone facts files")->capture_default_str();
  list_cmd->add_option("--layouts", list.layouts, "Folder of layouts")->capture_default_str();

  SampleOptions sample;
  auto* sample_cmd =
      cli.add_subcommand("sample", "Write the typesetting sample (checks fonts and typesetting on this machine)");
  sample_cmd->add_option("--fonts", sample.fonts, "Folder with fonts.yaml and the font files")->capture_default_str();
  sample_cmd->add_option("--out", sample.out, "PDF to write")->capture_default_str();
  sample_cmd->add_option("--png", sample.png, "Also render page 1 to this PNG file");
  sample_cmd->add_option("--dpi", sample.dpi, "Resolution of the PNG")->capture_default_str()->check(CLI::Range(10.0, 600.0));
  BuildOptions build;
  auto* build_cmd = cli.add_subcommand("build", "Build every zone's briefing PDF into the output folder, with manifest.json");
  build_cmd->add_option("--inputs", build.inputs, "Folder of zone facts files")->capture_default_str();
  build_cmd->add_option("--layouts", build.layouts, "Folder of layouts")->capture_default_str();
  build_cmd->add_option("--fonts", build.fonts, "Folder with fonts.yaml and the font files")->capture_default_str();
  build_cmd->add_option("--out", build.out, "Output folder")->capture_default_str();
  build_cmd->add_option("--zone", build.zones, "Only this zone (repeatable)");
  build_cmd->add_option("--layout", build.layout, "Use this layout for every zone");
  add_lang_option(build_cmd, build.lang, "zh+en, en+zh, zh, en or side-by-side",
                  {LangMode::zh_en, LangMode::en_zh, LangMode::zh, LangMode::en, LangMode::side_by_side});
  build_cmd->add_option("--max-age", build.max_age_days, "Facts older than this many days are flagged as stale")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  build_cmd->add_flag("!--no-previews", build.previews, "Skip the page-1 PNG previews and index.html");
  build_cmd->add_flag("--force", build.force, "Rebuild zones whose facts, layout, fonts and tool are unchanged");
  build_cmd
      ->add_option_function<std::string>(
          "--shard", [&](const std::string& text) { build.shard = parse_shard_spec(text); },
          "Build only shard K of N of the sorted zone list: K/N, or N with K from JOB_COMPLETION_INDEX "
          "or SLURM_ARRAY_TASK_ID; the manifest is then manifest-shard-K-of-N.json")
      ->check(shard_validator());
  build_cmd->add_option("--jobs", build.jobs, "Zones built in parallel (default: the number of cores)")->check(CLI::Range(1u, 256u));

  ChartsOptions charts;
  auto* charts_cmd = cli.add_subcommand("charts", "Write every key-figure card and chart of the zones to one PDF");
  charts_cmd->add_option("--fonts", charts.fonts, "Folder with fonts.yaml and the font files")->capture_default_str();
  charts_cmd->add_option("--inputs", charts.inputs, "Folder of zone facts files")->capture_default_str();
  charts_cmd->add_option("files", charts.files, "Zone files instead of the whole inputs folder")->check(CLI::ExistingFile);
  charts_cmd->add_option("--out", charts.out, "PDF to write")->capture_default_str();
  add_lang_option(charts_cmd, charts.lang, "zh, en, zh+en or en+zh", {LangMode::zh, LangMode::en, LangMode::zh_en, LangMode::en_zh});
  charts_cmd->add_option("--png-dir", charts.png_dir, "Also write every page as PNG into this folder");
  charts_cmd->add_option("--dpi", charts.dpi, "Resolution of the PNG pages")->capture_default_str()->check(CLI::Range(10.0, 600.0));
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

  setup_logging(verbosity);
  base::SystemEnv env;
  if (check_cmd->parsed()) {
    check.layouts_given = layouts_opt->count() > 0;
    return run_check(env, check, std::cerr);
  }
  if (build_cmd->parsed()) {
    // SIGINT/SIGTERM: finish the zones under way, record the rest as interrupted, write the manifest.
    std::signal(SIGINT, [](int) { request_stop(); });
    std::signal(SIGTERM, [](int) { request_stop(); });
    return run_build(env, build, std::cerr);
  }
  if (list_cmd->parsed()) return run_list(env, list, std::cout, std::cerr);
  if (sample_cmd->parsed()) return run_sample(env, sample, std::cerr);
  if (charts_cmd->parsed()) return run_charts(env, charts, std::cerr);
  return kExitUsage;
}

}  // namespace zb::app
