// The HTML gallery of a build: one card per zone, from the same results as the manifest.
#include "app/gallery.h"

#include <charconv>
#include <map>

#include <fmt/format.h>

#include "app/version.h"
#include "base/utf8.h"
#include "chart/format.h"
#include "model/facts.h"

namespace zb::app {
namespace {

/// Everything before the summary line: the head with its style sheet and the title.
constexpr const char* kGalleryHead =
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

/// How many changes a card lists before "… N more".
constexpr std::size_t kChangesShown = 5;

std::string status_text(ZoneStatus s) {
  switch (s) {
    case ZoneStatus::built:
      return "已生成 · built";
    case ZoneStatus::unchanged:
      return "未变化 · unchanged";
    case ZoneStatus::interrupted:
      return "已中断 · interrupted";
    case ZoneStatus::failed:
      break;
  }
  return "失败 · failed";
}

/// "N 个开发区 · N zones: B built, U unchanged, F failed · MODE · zonebrief VERSION".
std::string summary(const std::vector<ZoneResult>& results, model::LangMode mode) {
  std::map<ZoneStatus, std::size_t> count;
  for (const auto& r : results) ++count[r.status];
  const std::size_t n = results.size();
  const std::size_t interrupted = count[ZoneStatus::interrupted];
  return fmt::format("{} 个开发区 · {}{}: {} built, {} unchanged, {} failed{} · {} · zonebrief {}", n, n,
                     n == 1 ? " zone" : " zones", count[ZoneStatus::built], count[ZoneStatus::unchanged],
                     count[ZoneStatus::failed], interrupted ? fmt::format(", {} interrupted", interrupted) : "",
                     html_escape(std::string(model::name_of(mode))), kVersion);
}

/// The card's list of what changed since the last edition.
std::string changes_html(const std::vector<EditionChange>& changes) {
  const std::size_t n = changes.size();
  std::string h = fmt::format("<p class=\"meta\">本期变化 {} 项 · {}{} since the last edition</p><ul>", n, n,
                              n == 1 ? " change" : " changes");
  for (std::size_t i = 0; i < n && i < kChangesShown; ++i)
    h += "<li>" + html_escape(changes[i].zh) + "<br>" + html_escape(changes[i].en) + "</li>";
  if (n > kChangesShown) h += fmt::format("<li>… {} more</li>", n - kChangesShown);
  return h + "</ul>";
}

/// One zone's card.
std::string zone_card(const ZoneResult& r) {
  const std::string pdf = r.id + ".pdf";
  const std::string zh = r.name_zh.empty() ? r.id : r.name_zh;
  const std::string& en = r.name_en;
  std::string h = "<div class=\"zone\">";
  if (!r.preview.empty())
    h += "<a href=\"" + html_escape(pdf) + "\"><img src=\"" + html_escape(r.preview) + "\" alt=\"" +
         html_escape(zh + (en.empty() ? "" : " / " + en)) + "：第 1 页 · page 1\"></a>";
  h += "<h3>" + html_escape(zh) + "</h3>";
  if (!en.empty()) h += "<p class=\"en\">" + html_escape(en) + "</p>";
  h += "<p class=\"meta\"><span class=\"badge " + html_escape(std::string(name_of(r.status))) + "\">" +
       status_text(r.status) + "</span>";
  if (r.pages)
    h += fmt::format(" <a href=\"{}\">PDF</a>, {} 页 · {}{}", html_escape(pdf), r.pages, r.pages,
                     r.pages == 1 ? " page" : " pages");
  h += "</p>";
  if (!r.as_of.empty()) h += "<p class=\"meta\">截至 · as of " + html_escape(gallery_date(r.as_of)) + "</p>";
  if (r.stale) h += "<p class=\"meta stale\">数据可能已过时 · facts may be out of date</p>";
  if (!r.changes.empty()) h += changes_html(r.changes);
  for (const auto& e : r.errors) h += "<p class=\"meta\"><code>" + html_escape(e) + "</code></p>";
  return h + "</div>\n";
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : base::utf8_escape_invalid(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string gallery_date(const std::string& iso) {
  // Exactly YYYY-MM-DD naming a real day; anything else is shown as written.
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  model::Date d;
  auto field = [&](std::size_t at, std::size_t len, int& v) {
    const char* end = iso.data() + at + len;
    auto [p, ec] = std::from_chars(iso.data() + at, end, v);
    return ec == std::errc() && p == end;
  };
  if (!field(0, 4, d.year) || !field(5, 2, d.month) || !field(8, 2, d.day) || !d.ok()) return iso;
  return fmt::format("{} 年 {} 月 {} 日 · {}", d.year, d.month, d.day, chart::format_date(d, chart::Lang::en));
}

std::string gallery_html(const std::vector<ZoneResult>& results, model::LangMode mode) {
  std::string h = kGalleryHead + summary(results, mode) + "</p>\n<div class=\"grid\">\n";
  for (const auto& r : results) h += zone_card(r);
  return h + "</div>\n</body></html>\n";
}

}  // namespace zb::app
