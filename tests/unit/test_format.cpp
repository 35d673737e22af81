// Number formatting per unit and language: exact strings, precision kept, no rounding.
#include <catch2/catch.hpp>

#include "chart/format.h"

using namespace zb;
using chart::Lang;
using model::Qualifier;
using model::UnitCode;

namespace {

model::Number num(const char* literal) { return model::Number{std::stod(literal), literal}; }
model::Unit code(UnitCode c) { return model::Unit{c, {}}; }

std::string zh(const char* v, UnitCode c, Qualifier q = Qualifier::none) {
  return chart::format_value(num(v), code(c), Lang::zh, q).text;
}
std::string en(const char* v, UnitCode c, Qualifier q = Qualifier::none) {
  return chart::format_value(num(v), code(c), Lang::en, q).text;
}

}  // namespace

TEST_CASE("decimal shifting keeps the written precision and never rounds", "[format]") {
  CHECK(chart::shift_decimal("10800000000", -8) == "108");
  CHECK(chart::shift_decimal("10800000000", -9) == "10.8");
  CHECK(chart::shift_decimal("10850000001", -8) == "108.50000001");
  CHECK(chart::shift_decimal("10.17", 0) == "10.17");
  CHECK(chart::shift_decimal("32.70", 0) == "32.70");  // a written trailing zero stays
  CHECK(chart::shift_decimal("38000", -4) == "3.8");
  CHECK(chart::shift_decimal("1.5e9", -8) == "15");
  CHECK(chart::shift_decimal("-22.54", 0) == "-22.54");
  CHECK(chart::shift_decimal("0.5", 0) == "0.5");
  CHECK(chart::shift_decimal("5", 2) == "500");
  CHECK(chart::shift_decimal("-0", 0) == "0");
  CHECK(chart::shift_decimal("250", -4) == "0.025");
  CHECK(chart::group_thousands("1234567.891") == "1,234,567.891");
  CHECK(chart::group_thousands("-2000") == "-2,000");
  CHECK(chart::group_thousands("999") == "999");
}

TEST_CASE("money: 万元/亿元 in Chinese, million/billion in English", "[format]") {
  CHECK(zh("10800000000", UnitCode::cny) == "108亿元");
  CHECK(en("10800000000", UnitCode::cny) == "CNY 10.8 billion");
  CHECK(zh("30000000000", UnitCode::cny, Qualifier::over) == "超300亿元");
  CHECK(en("30000000000", UnitCode::cny, Qualifier::over) == "over CNY 30 billion");
  CHECK(zh("1500000000000", UnitCode::cny) == "1.5万亿元");
  CHECK(en("1500000000000", UnitCode::cny) == "CNY 1.5 trillion");
  CHECK(zh("300000000", UnitCode::cny, Qualifier::at_least) == "不少于3亿元");
  CHECK(en("300000000", UnitCode::cny, Qualifier::at_least) == "at least CNY 300 million");
  CHECK(zh("52000", UnitCode::cny) == "5.2万元");
  CHECK(en("52000", UnitCode::cny) == "CNY 52,000");
  CHECK(zh("14500000000", UnitCode::cny) == "145亿元");
}

TEST_CASE("shares, points, areas, mu, people, firms, counts and ranks", "[format]") {
  CHECK(zh("13.5", UnitCode::percent) == "13.5%");
  CHECK(en("13.5", UnitCode::percent, Qualifier::nearly) == "nearly 13.5%");
  CHECK(zh("30", UnitCode::percent, Qualifier::nearly) == "近30%");
  CHECK(zh("2.1", UnitCode::pp) == "2.1个百分点");
  CHECK(en("2.1", UnitCode::pp) == "2.1 pp");
  CHECK(zh("3.54", UnitCode::km2, Qualifier::about) == "约3.54平方公里");
  CHECK(en("3.54", UnitCode::km2, Qualifier::about) == "about 3.54 km²");
  CHECK(zh("2000", UnitCode::mu) == "2000亩");
  CHECK(en("2000", UnitCode::mu) == "2,000 mu");
  CHECK(zh("38000", UnitCode::people) == "3.8万人");
  CHECK(en("38000", UnitCode::people) == "38,000 people");
  CHECK(zh("5000", UnitCode::people) == "5000人");
  CHECK(en("1", UnitCode::people) == "1 person");
  CHECK(zh("542", UnitCode::firms, Qualifier::over) == "超542家");
  CHECK(en("542", UnitCode::firms) == "542 firms");
  CHECK(en("1", UnitCode::firms) == "1 firm");
  CHECK(zh("42", UnitCode::count) == "42");
  CHECK(en("12000", UnitCode::count) == "12,000");
  CHECK(zh("6", UnitCode::rank) == "第6位");
  CHECK(en("6", UnitCode::rank) == "6th");
  CHECK(en("1", UnitCode::rank) == "1st");
  CHECK(en("2", UnitCode::rank) == "2nd");
  CHECK(en("3", UnitCode::rank) == "3rd");
  CHECK(en("11", UnitCode::rank) == "11th");
  CHECK(en("12", UnitCode::rank) == "12th");
  CHECK(en("21", UnitCode::rank) == "21st");
  CHECK(en("48", UnitCode::rank) == "48th");
  CHECK(en("113", UnitCode::rank) == "113th");
}

TEST_CASE("free unit labels, changes with a sign, and axis units", "[format]") {
  model::Unit platforms{std::nullopt, {"个", "platforms"}};
  CHECK(chart::format_value(num("56"), platforms, Lang::zh).text == "56个");
  CHECK(chart::format_value(num("1200"), platforms, Lang::en, Qualifier::about).text == "about 1,200 platforms");
  CHECK(chart::format_change(num("99"), code(UnitCode::firms), Lang::zh).text == "+99家");
  CHECK(chart::format_change(num("99"), code(UnitCode::count), Lang::en).text == "+99");
  CHECK(chart::format_change(num("-22.54"), code(UnitCode::pp), Lang::en).text == "−22.54 pp");
  CHECK(chart::format_change(num("0"), code(UnitCode::percent), Lang::en).text == "0%");
  CHECK(chart::axis_unit(code(UnitCode::cny), Lang::zh, num("10800000000")) == "亿元");
  CHECK(chart::axis_unit(code(UnitCode::cny), Lang::en, num("10800000000")) == "CNY billion");
  CHECK(chart::axis_unit(code(UnitCode::people), Lang::zh, num("38000")) == "万人");
  CHECK(chart::axis_unit(code(UnitCode::rank), Lang::en, num("6")) == "rank (1 = top)");
  CHECK(chart::axis_unit(code(UnitCode::rank), Lang::zh, num("6")) == "名次（第1位最高）");
  CHECK(chart::ordinal("1") == "1st");
  CHECK(chart::ordinal("60") == "60th");
  // One scale for both languages: a chart in 亿 says so in English too.
  CHECK(chart::scale_unit(code(UnitCode::cny), Lang::en, -8) == "CNY 100 million");
  CHECK(chart::scale_unit(code(UnitCode::cny), Lang::zh, -9) == "十亿元");
  CHECK(chart::scale_unit(code(UnitCode::people), Lang::en, -4) == "10,000 people");
}

TEST_CASE("negative values and changes print a true minus U+2212, not a hyphen", "[format]") {
  const std::string minus = "\xE2\x88\x92";  // U+2212
  CHECK(zh("-3.5", UnitCode::percent) == minus + "3.5%");
  CHECK(en("-3.5", UnitCode::percent) == minus + "3.5%");
  CHECK(zh("-2000", UnitCode::mu) == minus + "2000亩");
  CHECK(en("-2000", UnitCode::mu) == minus + "2,000 mu");
  CHECK(zh("-60000", UnitCode::count) == minus + "6万");
  CHECK(zh("-10800000000", UnitCode::cny) == minus + "108亿元");
  CHECK(en("-10800000000", UnitCode::cny) == "CNY " + minus + "10.8 billion");
  auto change = [](const char* v, UnitCode c, Lang l) { return chart::format_change(num(v), code(c), l); };
  CHECK(change("-22.54", UnitCode::pp, Lang::zh).text == minus + "22.54个百分点");
  CHECK(change("-22.54", UnitCode::pp, Lang::en).text == minus + "22.54 pp");
  CHECK(change("-22.54", UnitCode::pp, Lang::en).number == minus + "22.54");
  CHECK(change("-1200", UnitCode::firms, Lang::zh).text == minus + "1200家");
  CHECK(change("-1200", UnitCode::firms, Lang::en).text == minus + "1,200 firms");
  CHECK(change("5", UnitCode::percent, Lang::zh).text == "+5%");  // + stays for a rise
  CHECK(change("-0", UnitCode::percent, Lang::en).text == "0%");
  CHECK(chart::format_number(num("-38000"), -4, Lang::zh) == minus + "3.8");
  CHECK(chart::format_number(num("-38000"), 0, Lang::en) == minus + "38,000");
  // The decimal helpers keep the ASCII hyphen they parse.
  CHECK(chart::shift_decimal("-22.54", 0) == "-22.54");
}

TEST_CASE("Chinese counts of ten thousand and more are written with 万 or 亿 when exact", "[format]") {
  model::Unit modules{std::nullopt, {"颗", "modules"}};
  CHECK(chart::format_value(num("60000"), modules, Lang::zh).text == "6万颗");
  CHECK(chart::format_value(num("60000"), modules, Lang::en).text == "60,000 modules");
  CHECK(chart::format_value(num("82000"), code(UnitCode::firms), Lang::zh, Qualifier::over).text == "超8.2万家");
  CHECK(chart::format_value(num("12345"), code(UnitCode::firms), Lang::zh).text == "12345家");
  CHECK(chart::format_value(num("9999"), code(UnitCode::count), Lang::zh).text == "9999");
  CHECK(chart::format_value(num("320000000"), code(UnitCode::count), Lang::zh).text == "3.2亿");
  CHECK(chart::format_value(num("15000"), code(UnitCode::mu), Lang::zh).text == "1.5万亩");
  CHECK(chart::format_value(num("1000"), code(UnitCode::mu), Lang::zh).text == "1000亩");
}

TEST_CASE("dates print with English month names and Chinese 年月日, without padding", "[format][date]") {
  CHECK(chart::format_date(model::Date{2025, 12, 31}, Lang::en) == "31 December 2025");
  CHECK(chart::format_date(model::Date{2025, 12, 31}, Lang::zh) == "2025年12月31日");
  CHECK(chart::format_date(model::Date{2024, 2, 29}, Lang::en) == "29 February 2024");
  CHECK(chart::format_date(model::Date{2025, 1, 5}, Lang::zh) == "2025年1月5日");
  CHECK(chart::format_date(model::Date{1, 1, 1}, Lang::en) == "1 January 1");
  const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};
  for (int m = 1; m <= 12; ++m)
    CHECK(chart::format_date(model::Date{2025, m, 1}, Lang::en) == std::string("1 ") + months[m - 1] + " 2025");
}
