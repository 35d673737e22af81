// The batch run: load fonts and layouts once, then each zone on a worker (load → compose → PDF →
// atomic write), one zone's failure recorded and never touching another's output; a manifest.
#include "app/build.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/layouts.h"
#include "app/output.h"
#include "app/version.h"
#include "base/diagnostics.h"
#include "export/pdf/pdf_writer.h"
#include "layout/compose.h"
#include "load/facts_loader.h"
#include "text/font_book.h"

namespace zb::app {
namespace {

struct ZoneResult {
  std::string id;
  std::filesystem::path input;
  std::string status = "failed";  // built | failed
  std::string output;
  std::string sha256;
  std::size_t pages = 0, bytes = 0;
  double ms = 0;
  std::vector<std::string> errors;
};

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1) return "";
  std::string hex;
  char buf[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", digest[i]);
    hex += buf;
  }
  return hex;
}

}  // namespace

int run_build(const base::Env& env, const BuildOptions& o, std::ostream& err) {
  auto config_error = [&](const base::Diagnostic& d) {
    err << d.str() << '\n';
    return kExitUsage;
  };
  std::string env_error;
  auto date = base::source_date_epoch(env, env_error);
  if (!env_error.empty())
    return config_error(base::Diagnostic::whole_file("SOURCE_DATE_EPOCH", "expected a whole number of seconds since the epoch", env_error));
  auto lang = layout::parse_lang_mode(o.lang);
  if (!lang) return config_error(base::Diagnostic::whole_file("--lang", "expected zh+en, en+zh, zh or en", "'" + o.lang + "'"));

  std::shared_ptr<const text::FontBook> fonts;
  try {
    fonts = text::FontBook::load(env, o.fonts);
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitUsage;
  }
  std::optional<std::set<std::string>> layout_names;
  std::map<std::string, model::Layout> layouts;
  if (!find_layout_names(env, o.layouts, /*required=*/true, layout_names, err, &layouts)) return kExitUsage;
  if (o.layout && !layouts.count(*o.layout))
    return config_error(base::Diagnostic::whole_file(o.layouts.string(), "expected --layout to name a layout in this folder",
                                                     "'" + *o.layout + "'"));

  std::string list_error;
  auto files = env.list_files(o.inputs, ".yaml", list_error);
  if (!list_error.empty())
    return config_error(base::Diagnostic::whole_file(o.inputs.string(), "expected a readable folder of zone files", list_error));
  if (!o.zones.empty()) {
    std::vector<std::filesystem::path> chosen;
    for (const auto& id : o.zones) {
      auto it = std::find_if(files.begin(), files.end(), [&](const auto& p) { return p.stem().string() == id; });
      if (it == files.end())
        return config_error(base::Diagnostic::whole_file(o.inputs.string(), "expected --zone to name a zone file in this folder",
                                                         "'" + id + "'"));
      chosen.push_back(*it);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    files = std::move(chosen);
  }
  if (files.empty()) return config_error(base::Diagnostic::whole_file(o.inputs.string(), "expected at least one *.yaml zone file", "none"));
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) return config_error(base::Diagnostic::whole_file(o.out.string(), "expected an output folder that can be created", ec.message()));

  load::FactsOptions facts_options;
  facts_options.known_layouts = layout_names;
  layout::ComposeOptions compose_options{*lang, date};
  std::vector<ZoneResult> results(files.size());
  std::atomic<std::size_t> next{0};
  std::mutex log_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      ZoneResult& r = results[i];
      r.input = files[i];
      r.id = files[i].stem().string();
      auto t0 = std::chrono::steady_clock::now();
      try {
        auto facts = load::load_facts_file(env, files[i], facts_options);
        if (!facts.ok()) {
          for (const auto& d : facts.errors.items()) r.errors.push_back(d.str());
        } else {
          const model::Layout& lay = layouts.at(o.layout.value_or(facts.facts->zone.layout));
          auto doc = layout::compose_briefing(*fonts, *facts.facts, lay, compose_options);
          auto out_path = o.out / (r.id + ".pdf");
          std::string pdf = export_pdf::write_pdf(doc, out_path.string());
          if (auto why = write_atomically(out_path, pdf); !why.empty()) {
            r.errors.push_back(base::Diagnostic::whole_file(out_path.string(), "expected a writable output file", why).str());
          } else {
            r.status = "built";
            r.output = out_path.string();
            r.sha256 = sha256_hex(pdf);
            r.pages = doc.pages.size();
            r.bytes = pdf.size();
          }
        }
      } catch (const base::Error& e) {
        for (const auto& d : e.diagnostics()) r.errors.push_back(d.str());
      } catch (const std::exception& e) {
        r.errors.push_back(base::Diagnostic::whole_file(files[i].string(), "expected the zone to build", e.what()).str());
      }
      r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::lock_guard<std::mutex> lock(log_mutex);
      if (r.status == "built") spdlog::info("{}: built {} ({} pages, {} bytes, {:.0f} ms)", r.id, r.output, r.pages, r.bytes, r.ms);
      else
        for (const auto& e : r.errors) err << e << '\n';
    }
  };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(files.size()));
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();

  nlohmann::ordered_json manifest;
  manifest["tool"] = std::string("zonebrief ") + kVersion;
  manifest["lang"] = o.lang;
  if (o.layout) manifest["layout"] = *o.layout;
  nlohmann::ordered_json zones = nlohmann::ordered_json::array();
  std::size_t failed = 0;
  for (const auto& r : results) {
    nlohmann::ordered_json z;
    z["id"] = r.id;
    z["input"] = r.input.string();
    z["status"] = r.status;
    if (r.status == "built") {
      z["output"] = r.output;
      z["sha256"] = r.sha256;
      z["pages"] = r.pages;
      z["bytes"] = r.bytes;
    }
    z["ms"] = std::round(r.ms * 10) / 10;
    z["errors"] = r.errors;
    failed += r.status != "built";
    zones.push_back(std::move(z));
  }
  manifest["zones"] = std::move(zones);
  auto manifest_path = o.out / "manifest.json";
  if (auto why = write_atomically(manifest_path, manifest.dump(2) + "\n"); !why.empty()) {
    err << base::Diagnostic::whole_file(manifest_path.string(), "expected a writable manifest", why).str() << '\n';
    return kExitFailed;
  }
  if (failed) spdlog::error("built {} of {} zones; {} failed (see {})", results.size() - failed, results.size(), failed, manifest_path.string());
  else spdlog::info("built {} zones into {}", results.size(), o.out.string());
  return failed ? kExitFailed : kExitOk;
}

}  // namespace zb::app
