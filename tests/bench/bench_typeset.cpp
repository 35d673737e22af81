// Typesetting benchmark: font load time, and the median time to lay out and write a ~4-page
// bilingual document with ~800 distinct characters (fonts already loaded), and its PDF size.
// Run: build/zonebrief_bench_typeset [ITERATIONS] [OUT.pdf]   (from the repository root)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "app/fonts.h"
#include "base/env.h"
#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"
#include "layout/flow.h"
#include "load/facts_loader.h"
#include "text/font_book.h"
#include "text/paragraph.h"

using namespace zb;
using Clock = std::chrono::steady_clock;

namespace {

/// Characters of text in the document: about four A4 pages of mixed Chinese and English.
constexpr std::size_t kChars = 7600;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// Every reader-visible text of the seed facts, Chinese then English, until `max_chars` code points.
std::vector<std::pair<std::string, std::string>> corpus(const base::Env& env, std::size_t max_chars) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string error;
  std::size_t chars = 0;
  for (const auto& path : env.list_files("inputs", ".yaml", error)) {
    auto r = load::load_facts_file(env, path);
    if (!r.ok()) continue;
    for (const auto& h : r.facts->highlights) out.emplace_back(h.text.zh, h.text.en);
    for (const auto& m : r.facts->metrics) {
      std::string zh = m.label.zh + (m.period ? "（" + m.period->zh + "）" : "") + (m.note ? "：" + m.note->zh : "");
      std::string en = m.label.en + (m.period ? " (" + m.period->en + ")" : "") + (m.note ? ": " + m.note->en : "");
      out.emplace_back(zh, en);
    }
    for (const auto& s : r.facts->sources) out.emplace_back(s.title.zh + "，" + s.publisher.zh, s.publisher.en);
  }
  // Take the texts that add the most new characters first, up to max_chars of text.
  std::set<char32_t> seen;
  auto chars_of = [](const std::string& s) {
    std::set<char32_t> cs;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = base::utf8_sequence_length(s, i);
      cs.insert(base::utf8_decode_at(s, i, len));
      i += len;
    }
    return cs;
  };
  std::vector<std::pair<std::string, std::string>> cut;
  std::vector<bool> used(out.size(), false);
  while (chars < max_chars) {
    std::size_t best = out.size(), best_gain = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (used[i]) continue;
      std::size_t gain = 0;
      for (char32_t c : chars_of(out[i].first + out[i].second)) gain += !seen.count(c);
      if (best == out.size() || gain > best_gain) best = i, best_gain = gain;
    }
    if (best == out.size()) break;
    used[best] = true;
    for (char32_t c : chars_of(out[best].first + out[best].second)) seen.insert(c);
    chars += base::utf8_count(out[best].first) + base::utf8_count(out[best].second);
    cut.push_back(out[best]);
  }
  // The seed texts use about 600 distinct characters; a paragraph of further common Han
  // characters (every 37th of U+4E00..U+9FA5 not yet used) brings the document to about 800.
  std::string extra;
  for (char32_t c = 0x4E00; c < 0x9FA5 && seen.size() < 800; c += 37)
    if (seen.insert(c).second) base::utf8_append(extra, c);
  if (!extra.empty()) cut.insert(cut.begin() + static_cast<long>(cut.size() / 2), {extra, "(additional characters)"});
  return cut;
}

frame::Document build(const text::FontBook& fonts, const std::vector<std::pair<std::string, std::string>>& texts) {
  layout::Flow flow(fonts, layout::PageSetup{}, {"bench", ""});
  auto body = fonts.require_role("body");
  auto heading = fonts.require_role("heading");
  text::ParagraphStyle h;
  h.line_height = 22;
  h.zh = true;
  text::ParagraphStyle zh;
  zh.line_height = 18;
  zh.zh = true;
  zh.align = text::Align::justify;
  text::ParagraphStyle en;
  en.line_height = 14;
  int n = 0;
  for (const auto& [z, e] : texts) {
    if (n++ % 8 == 0)
      flow.heading({text::Span{"要点 Highlights " + std::to_string(n / 8 + 1), heading, 13}}, h,
                   "要点 / Highlights " + std::to_string(n / 8 + 1), 0, 10, 4);
    flow.paragraph({text::Span{z, body, 10.5}}, zh, 0, 2);
    flow.paragraph({text::Span{e, body, 9}, text::Span{"[" + std::to_string(n) + "]", body, 6, {}, 3}}, en, 0, 6);
  }
  layout::Running running;
  running.header_left = {text::Span{"萧山区开发区简报 · Development zone briefings", fonts.require_role("caption"), 8}};
  running.footer = [&](int p, int m) {
    return std::vector<text::Span>{text::Span{"第 " + std::to_string(p) + " 页，共 " + std::to_string(m) +
                                                  " 页 · Page " + std::to_string(p) + " of " + std::to_string(m),
                                              fonts.require_role("caption"), 8}};
  };
  frame::Info info;
  info.title = "基准 / Benchmark";
  info.date = 1735689600;
  return flow.finish(info, running);
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = argc > 1 ? std::max(3, std::atoi(argv[1])) : 30;
  base::SystemEnv env;
  std::vector<double> load_ms;
  std::shared_ptr<const text::FontBook> fonts;
  for (int i = 0; i < 5; ++i) {
    auto t0 = Clock::now();
    fonts = app::open_fonts(env, "fonts");
    load_ms.push_back(ms_since(t0));
  }
  // About 4 A4 pages of mixed text.
  auto texts = corpus(env, kChars);
  std::set<char32_t> distinct;
  for (const auto& [z, e] : texts)
    for (const std::string* s : {&z, &e})
      for (std::size_t i = 0; i < s->size();) {
        std::size_t len = base::utf8_sequence_length(*s, i);
        distinct.insert(base::utf8_decode_at(*s, i, len));
        i += len;
      }
  std::vector<double> layout_ms, pdf_ms, total_ms;
  std::size_t bytes = 0, pages = 0;
  for (int i = 0; i < iterations; ++i) {
    text::clear_thread_caches();  // every iteration lays out and shapes from scratch
    auto t0 = Clock::now();
    auto doc = build(*fonts, texts);
    double t_layout = ms_since(t0);
    auto t1 = Clock::now();
    std::string pdf = export_pdf::write_pdf(doc, "bench.pdf");
    double t_pdf = ms_since(t1);
    layout_ms.push_back(t_layout);
    pdf_ms.push_back(t_pdf);
    total_ms.push_back(t_layout + t_pdf);
    bytes = pdf.size();
    pages = doc.pages.size();
    if (i == 0 && argc > 2) {
      FILE* f = std::fopen(argv[2], "wb");
      if (f) {
        std::fwrite(pdf.data(), 1, pdf.size(), f);
        std::fclose(f);
      }
    }
  }
  std::printf("| measure | value |\n| --- | --- |\n");
  std::printf("| document | %zu pages, %zu distinct characters |\n", pages, distinct.size());
  std::printf("| font load (4 faces, median of 5) | %.1f ms |\n", median(load_ms));
  std::printf("| layout, median of %d | %.2f ms |\n", iterations, median(layout_ms));
  std::printf("| PDF writing (subset + libharu), median of %d | %.2f ms |\n", iterations, median(pdf_ms));
  std::printf("| layout + PDF, median of %d (goal <= 20 ms) | %.2f ms |\n", iterations, median(total_ms));
  std::printf("| PDF size (goal <= 150 KB) | %zu bytes = %.1f kB = %.1f KiB |\n", bytes,
              static_cast<double>(bytes) / 1000.0, static_cast<double>(bytes) / 1024.0);
  return 0;
}
