// The batch run: load fonts and layouts once, then each zone on a worker (load → compose → PDF →
// atomic write), one zone's failure recorded and never touching another's output; a manifest.
#include "app/build.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>
#include <unistd.h>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include "app/changes.h"
#include "app/cli.h"
#include "app/layouts.h"
#include "app/output.h"
#include "app/version.h"
#include "base/diagnostics.h"
#include "chart/format.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "layout/compose.h"
#include "load/facts_loader.h"
#include "text/font_book.h"

namespace zb::app {
namespace {

std::atomic<bool> g_stop{false};

/// Parses "K/N" or "N" (then K from the Indexed Job or Slurm array index). "" on success.
std::string parse_shard(const base::Env& env, const std::string& spec, std::size_t& k, std::size_t& n) {
  auto slash = spec.find('/');
  std::string ks = slash == std::string::npos ? "" : spec.substr(0, slash);
  std::string ns = slash == std::string::npos ? spec : spec.substr(slash + 1);
  if (ks.empty()) {
    if (auto v = env.get_var("JOB_COMPLETION_INDEX")) ks = *v;
    else if (auto w = env.get_var("SLURM_ARRAY_TASK_ID")) ks = *w;
    else return "no K given and neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set";
  }
  auto whole = [](const std::string& s, std::size_t& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoul(s);
    return true;
  };
  if (!whole(ks, k) || !whole(ns, n) || n == 0 || k >= n) return "'" + ks + "/" + ns + "'";
  return "";
}

std::string sha256_file_key(const base::Env& env, const std::filesystem::path& p, std::uintmax_t max);

struct ZoneResult {
  std::string id;
  std::string name;      // zh / en
  std::string as_of;
  bool stale = false;
  std::string preview;   // file name of the page-1 PNG, when made
  std::vector<Change> changes;
  std::filesystem::path input;
  std::string status = "failed";  // built | unchanged | failed | interrupted
  std::string key;                // hash of everything the PDF depends on
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

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// The operator's gallery: every zone's thumbnail, status, as-of date and a link to its PDF.
/// "2025 年 12 月 31 日 · 31 December 2025" from "2025-12-31" (as written in the manifest).
std::string gallery_date(const std::string& iso) {
  model::Date d;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) != 3 || d.month < 1 || d.month > 12) return iso;
  return std::to_string(d.year) + " 年 " + std::to_string(d.month) + " 月 " + std::to_string(d.day) + " 日 · " +
         chart::format_date(d, chart::Lang::en);
}

/// The operator's page: a summary line, then per zone its thumbnail (linking to the PDF), name,
/// status, pages, as-of date, stale flag and what changed since the last edition.
std::string gallery_html(const std::vector<ZoneResult>& results, const std::string& mode) {
  std::map<std::string, int> count;
  for (const auto& r : results) ++count[r.status];
  auto status_text = [](const std::string& st) -> std::string {
    if (st == "built") return "已生成 · built";
    if (st == "unchanged") return "未变化 · unchanged";
    if (st == "interrupted") return "已中断 · interrupted";
    return "失败 · failed";
  };
  std::string h =
      "<!doctype html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>开发区简报 · Development zone briefings</title>\n<style>"
      "body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;margin:2em;color:#1c2129;background:#f6f8fa}"
      "h1{font-size:1.5em;margin:0 0 .2em}.summary{color:#555;margin:0 0 1.5em}"
      ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:1.5em}"
      ".zone{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:.8em}"
      ".zone img{width:100%;border:1px solid #ccd;display:block}"
      ".zone h3{font-size:1em;margin:.6em 0 .1em}.en{color:#555;font-size:.85em;margin:0 0 .5em}"
      ".meta{font-size:.85em;color:#333;margin:.2em 0;line-height:1.5}"
      ".badge{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.85em}"
      ".built{background:#e3f4ea;color:#116b3a}.unchanged{background:#eef1f4;color:#445}"
      ".failed,.interrupted{background:#fbe5e5;color:#a12}.stale{color:#b54708;font-weight:bold}"
      "ul{margin:.3em 0 0 1.1em;padding:0;font-size:.8em}code{font-size:.8em;word-break:break-all}</style></head><body>\n"
      "<h1>开发区简报 · Development zone briefings</h1>\n<p class=\"summary\">";
  h += std::to_string(results.size()) + " 个开发区 · " + std::to_string(results.size()) + (results.size() == 1 ? " zone" : " zones") +
       ": " + std::to_string(count["built"]) + " built, " + std::to_string(count["unchanged"]) + " unchanged, " +
       std::to_string(count["failed"] + count["interrupted"]) + " failed · " + html_escape(mode) + " · zonebrief " + kVersion +
       "</p>\n<div class=\"grid\">\n";
  for (const auto& r : results) {
    const std::string pdf = r.id + ".pdf";
    const auto slash = r.name.find(" / ");
    const std::string zh = slash == std::string::npos ? (r.name.empty() ? r.id : r.name) : r.name.substr(0, slash);
    const std::string en = slash == std::string::npos ? "" : r.name.substr(slash + 3);
    h += "<div class=\"zone\">";
    if (!r.preview.empty())
      h += "<a href=\"" + html_escape(pdf) + "\"><img src=\"" + html_escape(r.preview) + "\" alt=\"" +
           html_escape(zh + (en.empty() ? "" : " / " + en)) + "：第 1 页 · page 1\"></a>";
    h += "<h3>" + html_escape(zh) + "</h3>";
    if (!en.empty()) h += "<p class=\"en\">" + html_escape(en) + "</p>";
    h += "<p class=\"meta\"><span class=\"badge " + html_escape(r.status) + "\">" + status_text(r.status) + "</span>";
    if (r.pages)
      h += " <a href=\"" + html_escape(pdf) + "\">PDF</a>, " + std::to_string(r.pages) + " 页 · " + std::to_string(r.pages) +
           (r.pages == 1 ? " page" : " pages");
    h += "</p>";
    if (!r.as_of.empty()) h += "<p class=\"meta\">截至 · as of " + html_escape(gallery_date(r.as_of)) + "</p>";
    if (r.stale) h += "<p class=\"meta stale\">数据可能已过时 · facts may be out of date</p>";
    if (!r.changes.empty()) {
      h += "<p class=\"meta\">本期变化 " + std::to_string(r.changes.size()) + " 项 · " + std::to_string(r.changes.size()) +
           (r.changes.size() == 1 ? " change" : " changes") + " since the last edition</p><ul>";
      for (std::size_t i = 0; i < r.changes.size() && i < 5; ++i)
        h += "<li>" + html_escape(r.changes[i].zh) + "<br>" + html_escape(r.changes[i].en) + "</li>";
      if (r.changes.size() > 5) h += "<li>… " + std::to_string(r.changes.size() - 5) + " more</li>";
      h += "</ul>";
    }
    for (const auto& e : r.errors) h += "<p class=\"meta\"><code>" + html_escape(e) + "</code></p>";
    h += "</div>\n";
  }
  return h + "</div>\n</body></html>\n";
}

std::string sha256_file_key(const base::Env& env, const std::filesystem::path& p, std::uintmax_t max) {
  auto bytes = env.read_file(p, max);
  return p.filename().string() + ":" + (bytes.error.empty() && !bytes.too_large ? sha256_hex(bytes.data) : "unreadable");
}

/// "|name:sha256" for every face the font book loaded, from the bytes already in memory (the
/// files are not read again), one thread per face.
std::string fonts_key(const text::FontBook& book) {
  const auto& faces = book.fonts();
  std::vector<std::string> digests(faces.size());
  {
    std::vector<std::jthread> workers;
    for (std::size_t i = 0; i < faces.size(); ++i)
      workers.emplace_back([&, i] { digests[i] = sha256_hex(*faces[i].data); });
  }
  std::string key;
  for (std::size_t i = 0; i < faces.size(); ++i) key += "|" + faces[i].name + ":" + digests[i];
  return key;
}

}  // namespace

void request_stop() { g_stop = true; }

int run_build(const base::Env& env, const BuildOptions& o, std::ostream& err) {
  auto config_error = [&](const base::Diagnostic& d) {
    err << d.str() << '\n';
    return kExitUsage;
  };
  std::optional<std::int64_t> date;
  if (!source_date(env, date, err)) return kExitUsage;
  auto lang = layout::parse_lang_mode(o.lang);
  if (!lang)
    return config_error(base::Diagnostic::whole_file("--lang", "expected zh+en, en+zh, zh, en or side-by-side", "'" + o.lang + "'"));

  auto fonts = load_fonts(env, o.fonts, err);
  if (!fonts) return kExitUsage;
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
  std::string manifest_name = "manifest.json";
  if (!o.shard.empty()) {
    std::size_t k = 0, n = 1;
    if (auto why = parse_shard(env, o.shard, k, n); !why.empty())
      return config_error(base::Diagnostic::whole_file("--shard", "expected K/N with 0 <= K < N (or N, with K from the job index)", why));
    std::vector<std::filesystem::path> mine;
    for (std::size_t i = 0; i < files.size(); ++i)
      if (i % n == k) mine.push_back(files[i]);
    files = std::move(mine);
    manifest_name = "manifest-shard-" + std::to_string(k) + "-of-" + std::to_string(n) + ".json";
  }
  if (files.empty() && o.shard.empty())
    return config_error(base::Diagnostic::whole_file(o.inputs.string(), "expected at least one *.yaml zone file", "none"));
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) return config_error(base::Diagnostic::whole_file(o.out.string(), "expected an output folder that can be created", ec.message()));

  // A run killed with SIGKILL may leave temporary files (never PDFs): remove them — unless this
  // is one shard of several, which may be writing into the same folder right now.
  std::string out_error;
  for (const auto& f : o.shard.empty() ? env.list_files(o.out, "", out_error) : std::vector<std::filesystem::path>{}) {
    std::string name = f.filename().string();
    // write_atomically's temporaries are ".<name>.XXXXXX".
    if (name.size() > 8 && name[0] == '.' && name[name.size() - 7] == '.') std::filesystem::remove(f, ec);
  }
  // A folder nothing can be written to (read-only, say) fails here, once, before any zone.
  if (auto why = probe_writable(o.out); !why.empty())
    return config_error(base::Diagnostic::whole_file(o.out.string(), "expected a writable output folder", why));
  std::shared_ptr<spdlog::sinks::sink> log_file;
  try {
    log_file = std::make_shared<spdlog::sinks::basic_file_sink_mt>((o.out / "zonebrief.log").string());
  } catch (const spdlog::spdlog_ex& e) {
    return config_error(base::Diagnostic::whole_file((o.out / "zonebrief.log").string(), "expected a writable log file", e.what()));
  }
  // The log file is this run's: its sink leaves the logger when the run returns.
  struct SinkGuard {
    std::shared_ptr<spdlog::sinks::sink> sink;
    explicit SinkGuard(std::shared_ptr<spdlog::sinks::sink> s) : sink(std::move(s)) {
      spdlog::default_logger()->sinks().push_back(sink);
    }
    ~SinkGuard() {
      auto& sinks = spdlog::default_logger()->sinks();
      sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
    }
    SinkGuard(const SinkGuard&) = delete;
    SinkGuard& operator=(const SinkGuard&) = delete;
  } log_guard(log_file);

  // What a zone's PDF depends on besides its facts: tool, language, layouts, fonts.
  std::string common_key = std::string("zonebrief ") + kVersion + "|" + o.lang + "|" + o.layout.value_or("") + "|" +
                           sha256_file_key(env, o.fonts / "fonts.yaml", 1 << 20) + fonts_key(*fonts);
  std::map<std::string, std::string> layout_keys;
  for (const auto& [name, _] : layouts) layout_keys[name] = sha256_file_key(env, o.layouts / (name + ".yaml"), 1 << 20);
  std::map<std::string, nlohmann::json> previous;
  if (!o.force) {
    auto prev = env.read_file(o.out / manifest_name, 64u << 20);
    if (prev.error.empty() && !prev.too_large) {
      auto j = nlohmann::json::parse(prev.data, nullptr, /*allow_exceptions=*/false);
      if (j.is_object() && j.contains("zones") && j["zones"].is_array())
        for (const auto& z : j["zones"])
          if (z.is_object() && z.contains("id") && z["id"].is_string()) previous[z["id"].get<std::string>()] = z;
    }
  }

  load::FactsOptions facts_options;
  facts_options.known_layouts = layout_names;
  layout::ComposeOptions compose_options{*lang, date, std::nullopt};
  const long today = (date ? *date : env.now()) / 86400;
  const bool tty = ::isatty(STDERR_FILENO) && spdlog::default_logger()->level() <= spdlog::level::info;
  std::size_t done = 0;
  std::vector<ZoneResult> results(files.size());
  std::atomic<std::size_t> next{0};
  std::mutex log_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      ZoneResult& r = results[i];
      r.input = files[i];
      r.id = files[i].stem().string();
      if (g_stop) {
        r.status = "interrupted";
        r.errors.push_back("not built: the run was stopped");
        continue;
      }
      const double t0 = env.monotonic_ms();
      try {
        auto facts = load::load_facts_file(env, files[i], facts_options);
        if (facts.ok()) {
          const std::string& lay = o.layout.value_or(facts.facts->zone.layout);
          // Staleness is part of the key: a zone that ages past the limit is rebuilt with its flag.
          bool stale = today - facts.facts->zone.as_of.days_since_epoch() > o.max_age_days;
          r.key = sha256_hex(common_key + "|" + layout_keys[lay] + "|" + sha256_file_key(env, files[i], 1 << 20) +
                             (stale ? "|stale" : "|fresh") + (o.previews ? "|previews" : ""));
          auto prev = previous.find(r.id);
          auto out_path = o.out / (r.id + ".pdf");
          if (prev != previous.end() && prev->second.value("key", "") == r.key &&
              (prev->second.value("status", "") == "built" || prev->second.value("status", "") == "unchanged")) {
            auto existing = env.read_file(out_path, 256u << 20);
            if (existing.error.empty() && !existing.too_large && sha256_hex(existing.data) == prev->second.value("sha256", "")) {
              r.status = "unchanged";
              r.output = out_path.string();
              r.name = prev->second.value("name", "");
              r.as_of = prev->second.value("as_of", "");
              r.stale = prev->second.value("stale", false);
              r.preview = prev->second.value("preview", "");
              r.sha256 = prev->second.value("sha256", "");
              r.pages = prev->second.value("pages", std::size_t{0});
              r.bytes = existing.data.size();
              continue;
            }
          }
        }
        if (!facts.ok()) {
          for (const auto& d : facts.errors.items()) r.errors.push_back(d.str());
        } else {
          const model::Layout& lay = layouts.at(o.layout.value_or(facts.facts->zone.layout));
          layout::ComposeOptions zone_options = compose_options;
          long age = today - facts.facts->zone.as_of.days_since_epoch();
          r.as_of = facts.facts->zone.as_of.iso();
          r.name = facts.facts->zone.name.zh + " / " + facts.facts->zone.name.en;
          if (age > o.max_age_days) {
            zone_options.stale_days = o.max_age_days;
            r.stale = true;
            std::lock_guard<std::mutex> lock(log_mutex);
            spdlog::warn("{}: facts as of {} are {} days old (more than {}): flagged as stale", r.id, r.as_of, age, o.max_age_days);
          }
          // What changed since the last edition, from the record left beside the last PDF.
          nlohmann::json record = make_record(*facts.facts);
          auto record_path = o.out / (r.id + ".record.json");
          auto prev_record = env.read_file(record_path, 16u << 20);
          if (prev_record.error.empty() && !prev_record.too_large) {
            auto prev_json = nlohmann::json::parse(prev_record.data, nullptr, false);
            if (prev_json.is_object()) {
              r.changes = diff_records(prev_json, record);
              std::vector<std::pair<std::string, std::string>> lines;
              for (const auto& c : r.changes) lines.push_back({c.zh, c.en});
              zone_options.changes = std::move(lines);
            }
          }
          auto doc = layout::compose_briefing(*fonts, *facts.facts, lay, zone_options);
          auto out_path = o.out / (r.id + ".pdf");
          std::string pdf = export_pdf::write_pdf(doc, out_path.string());
          if (auto why = write_atomically(out_path, pdf, /*sync_folder=*/false); !why.empty()) {
            r.errors.push_back(base::Diagnostic::whole_file(out_path.string(), "expected a writable output file", why).str());
          } else {
            r.status = "built";
            r.output = out_path.string();
            r.sha256 = sha256_hex(pdf);
            r.pages = doc.pages.size();
            r.bytes = pdf.size();
            if (auto why2 = write_atomically(record_path, record.dump(1) + "\n", false); !why2.empty())
              r.errors.push_back(base::Diagnostic::whole_file(record_path.string(), "expected a writable edition record", why2).str());
            if (o.previews) {
              auto png_path = o.out / (r.id + ".png");
              if (auto why2 = write_atomically(png_path, export_png::render_png(doc, 0, 40), false); why2.empty())
                r.preview = png_path.filename().string();
            }
          }
        }
      } catch (const base::Error& e) {
        for (const auto& d : e.diagnostics()) r.errors.push_back(d.str());
      } catch (const std::bad_alloc&) {
        r.errors.push_back(base::Diagnostic::whole_file(files[i].string(), "expected the zone to build", "out of memory").str());
      } catch (const std::exception& e) {
        r.errors.push_back(base::Diagnostic::whole_file(files[i].string(), "expected the zone to build", e.what()).str());
      } catch (...) {
        // Whatever a library throws stays with its zone: an exception escaping a worker thread
        // would end the process, and with it the other zones' records and the manifest.
        r.errors.push_back(
            base::Diagnostic::whole_file(files[i].string(), "expected the zone to build", "an unknown exception").str());
      }
      r.ms = env.monotonic_ms() - t0;
      std::lock_guard<std::mutex> lock(log_mutex);
      ++done;
      if (tty) std::fprintf(stderr, "\r\033[K");
      if (r.status == "built") {
        if (tty) spdlog::debug("{}: built {} ({} pages, {} bytes, {:.0f} ms)", r.id, r.output, r.pages, r.bytes, r.ms);
        else spdlog::info("{}: built {} ({} pages, {} bytes, {:.0f} ms)", r.id, r.output, r.pages, r.bytes, r.ms);
      } else {
        for (const auto& e : r.errors) err << e << '\n';
      }
      if (tty) {  // a progress bar on a terminal, plain log lines otherwise
        int width = 30, filled = static_cast<int>(width * done / files.size());
        std::fprintf(stderr, "[%s%s] %zu/%zu zones", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done, files.size());
        if (done == files.size()) std::fprintf(stderr, "\n");
        std::fflush(stderr);
      }
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
    if (!r.name.empty()) z["name"] = r.name;
    z["input"] = r.input.string();
    z["status"] = r.status;
    if (!r.key.empty()) z["key"] = r.key;
    if (r.status == "built" || r.status == "unchanged") {
      z["output"] = r.output;
      z["sha256"] = r.sha256;
      z["pages"] = r.pages;
      z["bytes"] = r.bytes;
    }
    if (!r.as_of.empty()) z["as_of"] = r.as_of;
    if (r.stale) z["stale"] = true;
    if (!r.preview.empty()) z["preview"] = r.preview;
    if (!r.changes.empty()) {
      nlohmann::ordered_json cs = nlohmann::ordered_json::array();
      for (const auto& c : r.changes) cs.push_back({{"kind", c.kind}, {"id", c.id}, {"zh", c.zh}, {"en", c.en}});
      z["changes"] = cs;
    }
    z["ms"] = std::round(r.ms * 10) / 10;
    z["errors"] = r.errors;
    failed += r.status != "built" && r.status != "unchanged";
    zones.push_back(std::move(z));
  }
  manifest["zones"] = std::move(zones);
  auto manifest_path = o.out / manifest_name;
  if (auto why = write_atomically(manifest_path, manifest.dump(2) + "\n"); !why.empty()) {
    err << base::Diagnostic::whole_file(manifest_path.string(), "expected a writable manifest", why).str() << '\n';
    return kExitFailed;
  }
  if (o.previews) {
    if (auto why = write_atomically(o.out / "index.html", gallery_html(results, o.lang)); !why.empty())
      err << base::Diagnostic::whole_file((o.out / "index.html").string(), "expected a writable gallery", why).str() << '\n';
  }
  if (failed) spdlog::error("built {} of {} zones; {} failed (see {})", results.size() - failed, results.size(), failed, manifest_path.string());
  else {
    std::size_t unchanged = std::count_if(results.begin(), results.end(), [](const auto& r) { return r.status == "unchanged"; });
    spdlog::info("{} zones into {}: {} built, {} unchanged (skipped)", results.size(), o.out.string(), results.size() - unchanged,
                 unchanged);
  }
  return failed ? kExitFailed : kExitOk;
}

}  // namespace zb::app
