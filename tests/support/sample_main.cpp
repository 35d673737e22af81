// Writes the typesetting sample as PDF (and its display-list dump) for looking at by hand.
#include <fstream>
#include <iostream>

#include "base/env.h"
#include "export/pdf/pdf_writer.h"
#include "frame/dump.h"
#include "sample_document.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: zonebrief_sample FONTS_DIR OUT.pdf [REPEAT]\n";
    return 2;
  }
  try {
    zb::base::SystemEnv env;
    auto fonts = zb::text::FontBook::load(env, argv[1]);
    auto doc = zb::test::sample_document(*fonts, argc > 3 ? std::atoi(argv[3]) : 1);
    std::ofstream(std::string(argv[2]) + ".dump") << zb::frame::dump(doc);
    std::ofstream(argv[2], std::ios::binary) << zb::export_pdf::write_pdf(doc, argv[2]);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
