// The PDF backend checked with real tools: qpdf, pdffonts, pdftotext, pdfimages, pdfinfo.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <fstream>
#include <sstream>

#include "app/sample_document.h"
#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"
#include "run_tool.h"
#include "test_support.h"
#include "text/script.h"

using namespace zb;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kSampleDate = 1735689600;  // 2025-01-01T00:00:00Z

using test::fonts;

/// The sample written once per test run, to a temporary file.
const fs::path& sample_pdf() {
  static fs::path path = [] {
    auto p = fs::temp_directory_path() / ("zonebrief-sample-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(p, std::ios::binary) << export_pdf::write_pdf(app::sample_document(fonts(), kSampleDate),
                                                                "sample.pdf");
    return p;
  }();
  return path;
}

/// Removes all white space: line breaks and the autospace gaps that extraction shows as spaces.
std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = base::utf8_sequence_length(s, i);
    if (len == 0) len = 1;
    char32_t cp = base::utf8_decode_at(s, i, len);
    if (!text::is_break_space(cp) && cp != '\n' && cp != '\r' && cp != '\f') out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace

TEST_CASE("pdf: qpdf finds no errors", "[pdf][render]") {
  auto r = test::run_tool("qpdf --check '" + sample_pdf().string() + "'");
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
}

TEST_CASE("pdf: every font is embedded, subset, with a Unicode map, poppler is silent", "[pdf][render]") {
  auto r = test::run_tool("pdffonts '" + sample_pdf().string() + "'");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  std::istringstream lines(r.out);
  std::string line;
  int fonts_seen = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0) continue;
    ++fonts_seen;
    INFO(line);
    CHECK(line.find("CID TrueType") != std::string::npos);
    CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
    CHECK(line[6] == '+');                                 // a subset tag ABCDEF+
  }
  CHECK(fonts_seen == 4);
}

TEST_CASE("pdf: pdftotext gives back every text of the sample, rare characters included", "[pdf][render]") {
  auto r = test::run_tool("pdftotext -enc UTF-8 '" + sample_pdf().string() + "' -");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());  // no poppler warnings (an invalid ToUnicode map would print one)
  std::string all = squeeze(r.out);
  for (const auto& t : app::sample_texts()) {
    INFO(t);
    CHECK(all.find(squeeze(t)) != std::string::npos);
  }
  CHECK(r.out.find("𠮷") != std::string::npos);
  CHECK(r.out.find("𠀾") != std::string::npos);
  CHECK(r.out.find("“引号”") != std::string::npos);
  // English words keep their spaces.
  CHECK(r.out.find("ranks first nationally in actually utilised") != std::string::npos);
}

TEST_CASE("pdf: charts and text are vector, no raster image", "[pdf][render]") {
  auto r = test::run_tool("pdfimages -list '" + sample_pdf().string() + "'");
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) ++rows;
  CHECK(rows == 2);  // the two header lines only
}

TEST_CASE("pdf: info is UTF-16, dates come from the document, bookmarks and links exist", "[pdf][render]") {
  auto info = test::run_tool("pdfinfo -enc UTF-8 '" + sample_pdf().string() + "'");
  INFO(info.out << info.err);
  CHECK(info.out.find("Title:           萧山经济技术开发区发展简报 / Xiaoshan ETDZ briefing") != std::string::npos);
  CHECK(info.out.find("Keywords:        萧山, Xiaoshan, 开发区, development zone") != std::string::npos);
  CHECK(info.out.find("Pages:           " + std::to_string(app::sample_document(fonts(), kSampleDate).pages.size()) +
                      "\n") != std::string::npos);
  CHECK(info.out.find("CreationDate:    Wed Jan  1 00:00:00 2025 UTC") != std::string::npos);
  auto json = test::run_tool("qpdf --json=2 --json-key=outlines '" + sample_pdf().string() + "'");
  CHECK(json.out.find("\"title\": \"萧山经济技术开发区发展简报 / Xiaoshan Economic and Technological Development Zone: "
                      "briefing\"") != std::string::npos);
  CHECK(json.out.find("\"title\": \"来源 / Sources\"") != std::string::npos);
  auto urls = test::run_tool("pdfinfo -url '" + sample_pdf().string() + "'");
  CHECK(urls.out.find("Annotation    https://www.qjnew.com/post/3391.html") != std::string::npos);
}

TEST_CASE("pdf: the same document gives byte-identical files", "[pdf][render]") {
  auto doc = app::sample_document(fonts(), kSampleDate);
  CHECK(export_pdf::write_pdf(doc, "a.pdf") == export_pdf::write_pdf(doc, "b.pdf"));
  CHECK(export_pdf::write_pdf(doc, "a.pdf") == test::read_text_file(sample_pdf()));
}

TEST_CASE("pdf: the sample is small", "[pdf][render]") { CHECK(fs::file_size(sample_pdf()) < 80 * 1024); }
