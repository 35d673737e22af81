// Typographic conventions before setting: quotes, minus, year and number ranges, identity elsewhere.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "text/typography.h"

using zb::text::typographic;

namespace {

std::string en(const std::string& s) { return typographic(s, false); }
std::string zh(const std::string& s) { return typographic(s, true); }

}  // namespace

TEST_CASE("straight quotes become curly by context in English", "[typography]") {
  CHECK(en("\"the 'A' list\"") == "“the ‘A’ list”");
  CHECK(en("'ten, hundred'") == "‘ten, hundred’");
  CHECK(en("Xiaoshan's zones") == "Xiaoshan’s zones");
  CHECK(en("the zones' firms") == "the zones’ firms");
  CHECK(en("he said \"yes\" twice") == "he said “yes” twice");
  CHECK(en("(\"A\") [\"B\"] {'C'}") == "(“A”) [“B”] {‘C’}");
  CHECK(en("a dash—\"quoted\" and –'single'") == "a dash—“quoted” and –‘single’");
  CHECK(en("“'nested'”") == "“‘nested’”");
  CHECK(en("\"'A'\"") == "“‘A’”");
  CHECK(en("size 5\" and 3'") == "size 5” and 3’");
  CHECK(en("\"") == "“");
  CHECK(en("'") == "‘");
  CHECK(en("already “curly” and ‘curly’") == "already “curly” and ‘curly’");
}

TEST_CASE("straight quotes become curly in Chinese, pairing after Chinese characters", "[typography]") {
  CHECK(zh("\"十四五\"规划") == "“十四五”规划");
  CHECK(zh("提出\"十四五\"规划") == "提出“十四五”规划");
  CHECK(zh("实施\"亩均论英雄\"改革和\"腾笼换鸟\"") == "实施“亩均论英雄”改革和“腾笼换鸟”");
  CHECK(zh("他说：\"好。\"然后") == "他说：“好。”然后");
  CHECK(zh("《\"双碳\"目标》") == "《“双碳”目标》");
  CHECK(zh("规划'十四五'和'十五五'") == "规划‘十四五’和‘十五五’");
  CHECK(zh("\"三个'一号工程'\"") == "“三个‘一号工程’”");
  CHECK(zh("萧山区\" 后") == "萧山区” 后");  // followed by a space: closes
  CHECK(zh("萧山区\"") == "萧山区”");        // at the end: closes
  CHECK(zh("Xiaoshan's 园区") == "Xiaoshan’s 园区");
  // In English text a quote after a Han character closes (no pairing).
  CHECK(en("萧山\"x") == "萧山”x");
}

TEST_CASE("a hyphen starting a number becomes a true minus", "[typography]") {
  CHECK(en("-3.5%") == "−3.5%");
  CHECK(en("fell -3.5% (-2 pp), -.5") == "fell −3.5% (−2 pp), −.5");
  CHECK(en("change: -7, [-1], a/-2; -4") == "change: −7, [−1], a/−2; −4");
  CHECK(en("\xE2\x80\x90"
           "12") == "−12");  // U+2010 hyphen
  CHECK(zh("增长-2.1%") == "增长−2.1%");
  CHECK(zh("同比：-5%，-6%、-7%；（-8%）") == "同比：−5%，−6%、−7%；（−8%）");
  CHECK(zh("\"-3\"") == "“−3”");
  // Guards: after a letter or digit, or not before a number.
  CHECK(en("COVID-19") == "COVID-19");
  CHECK(zh("COVID-19") == "COVID-19");
  CHECK(en("A-1") == "A-1");
  CHECK(en("zone 3-1") == "zone 3-1");
  CHECK(en("well-known - a dash -x") == "well-known - a dash -x");
  CHECK(en("- 3 items") == "- 3 items");
  CHECK(en("-.") == "-.");
  CHECK(en("~5") == "~5");
}

TEST_CASE("year ranges take an en dash in English and a 一字线 in Chinese", "[typography]") {
  CHECK(en("2021-2025") == "2021–2025");
  CHECK(en("plan 2021-2025.") == "plan 2021–2025.");
  CHECK(en("(1999~2001)") == "(1999–2001)");
  CHECK(en("2021\xE2\x80\x90"
           "2025") == "2021–2025");
  CHECK(zh("2021-2025") == "2021—2025");
  CHECK(zh("在2021-2025年间") == "在2021—2025年间");
  CHECK(zh("2021~2025年") == "2021—2025年");
  // Guards.
  CHECK(en("GB/T 15834-2011") == "GB/T 15834-2011");
  CHECK(zh("GB/T 15834-2011") == "GB/T 15834-2011");
  CHECK(zh("依据GB/T 15834-2011 标准") == "依据GB/T 15834-2011 标准");
  CHECK(en("GB/T 15834-2011 rules") == "GB/T 15834-2011 rules");
  CHECK(en("2025-2021") == "2025-2021");
  CHECK(zh("2025-2021年") == "2025-2021年");
  CHECK(en("FY2021-2025") == "FY2021-2025");
  CHECK(en("no/2021-2025") == "no/2021-2025");
  CHECK(en("1.2021-2025") == "1.2021-2025");
  CHECK(en("x-2021-2025") == "x-2021-2025");
  CHECK(en("2020-2021-2022") == "2020-2021-2022");
  CHECK(en("2021-20251") == "2021-20251");
  CHECK(en("1899-1950") == "1899-1950");
  CHECK(en("2000-2100") == "2000-2100");
  CHECK(en("12021-2025") == "12021-2025");
}

TEST_CASE("number ranges with a unit take an en dash in English and 浪纹线 in Chinese", "[typography]") {
  CHECK(en("5-10 km") == "5–10 km");
  CHECK(en("3-5%") == "3–5%");
  CHECK(en("1.5-2.5 pp") == "1.5–2.5 pp");
  CHECK(en("5-10km, 3~5%") == "5–10km, 3–5%");
  CHECK(zh("3-5年") == "3～5年");
  CHECK(zh("10-20%") == "10～20%");
  CHECK(zh("3-5个") == "3～5个");
  CHECK(zh("增长10-20%，约3-5个百分点") == "增长10～20%，约3～5个百分点");
  CHECK(zh("3~5年") == "3～5年");
  CHECK(zh("5-10 km") == "5～10 km");
  // A range of months, days or hours is a time span: 一字线.
  CHECK(zh("2025年3-5月") == "2025年3—5月");
  CHECK(zh("3-10日") == "3—10日");
  // Guards.
  CHECK(en("5-10") == "5-10");
  CHECK(en("5-10 ") == "5-10 ");
  CHECK(zh("3-5") == "3-5");
  CHECK(en("20-10%") == "20-10%");
  CHECK(zh("20-10%") == "20-10%");
  CHECK(en("10-2020 km") == "10-2020 km");
  CHECK(en("COVID-19 cases") == "COVID-19 cases");
  CHECK(en("A3-5 km") == "A3-5 km");
  CHECK(en("1/3-5%") == "1/3-5%");
  CHECK(en("v1.3-5%") == "v1.3-5%");
  CHECK(zh("3-5的") == "3～5的");  // any Han character counts as a unit in Chinese
  CHECK(en("3-5年") == "3-5年");   // English: a Han character is not a unit
}

TEST_CASE("text without the patterns comes back byte-identical", "[typography]") {
  const std::string sample =
      "萧山经济技术开发区（萧山经开区）成立于1990年，2025年实现规上工业增加值108亿元，同比增长10.17%。"
      "The Xiaoshan Economic and Technological Development Zone (ETDZ) was founded in 1990; in 2025 its "
      "industrial value added reached CNY 10.8 billion, up 10.17% — “curly” quotes, ‘single’ ones, "
      "en – and em — dashes, ～ and − signs, 𠮷 U+20BB7, tabs\tand\nnew lines, 湘湖·萧滨, 3.5 km², ½ ×.";
  std::string longer;
  for (int i = 0; i < 200; ++i) longer += sample;
  CHECK(en(longer) == longer);
  CHECK(zh(longer) == longer);
  CHECK(en("") == "");
  // Text with triggers that no rule takes is also unchanged.
  const std::string inert = "well-known COVID-19 A-1 GB/T 15834-2011 2025-2021 ~ - -- ‐ 5-10. x~y";
  CHECK(en(inert) == inert);
  CHECK(zh(inert) == inert);
}

TEST_CASE("any bytes are accepted without crashing", "[typography]") {
  std::mt19937 rng(20251202);
  const std::string alphabet = "\"'-~0123456789 ./%年a\xE2\x80\x90\xFF\xC0\x80";
  for (int round = 0; round < 4000; ++round) {
    std::string s(static_cast<std::size_t>(rng() % 40), '\0');
    for (char& c : s) c = round % 2 ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    std::string a = en(s), b = zh(s);
    // Each rule replaces one character by at most three bytes; nothing is dropped.
    CHECK(a.size() >= s.size());
    CHECK(b.size() >= s.size());
    if (s.find_first_of("\"'-~") == std::string::npos && s.find("\xE2\x80\x90") == std::string::npos) {
      CHECK(a == s);
      CHECK(b == s);
    }
  }
  CHECK(en("\xFF-5") == "\xFF-5");
  CHECK(en("\x80\x80\x80\x80\"") == "\x80\x80\x80\x80”");
  CHECK(en("\xE2\x80") == "\xE2\x80");
  CHECK(en("\xE2\x80-") == "\xE2\x80-");
}
