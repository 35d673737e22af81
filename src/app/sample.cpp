// `zonebrief sample`: font book → sample document → PDF (and PNG), written atomically.
#include "app/sample.h"

#include <ostream>

#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/output.h"
#include "app/sample_document.h"
#include "base/diagnostics.h"
#include "export/pdf/pdf_writer.h"
#include "export/png/png_writer.h"
#include "text/font_book.h"

namespace zb::app {

int run_sample(const base::Env& env, const SampleOptions& options, std::ostream& err) {
  std::string env_error;
  auto date = base::source_date_epoch(env, env_error);
  if (!env_error.empty()) {
    err << base::Diagnostic::whole_file("SOURCE_DATE_EPOCH", "expected a whole number of seconds since the epoch",
                                        env_error)
               .str()
        << '\n';
    return kExitUsage;
  }
  std::shared_ptr<const text::FontBook> fonts;
  try {
    fonts = text::FontBook::load(env, options.fonts);
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitUsage;
  }
  try {
    auto doc = sample_document(*fonts, date);
    std::string pdf = export_pdf::write_pdf(doc, options.out.string());
    std::error_code ec;
    if (options.out.has_parent_path()) std::filesystem::create_directories(options.out.parent_path(), ec);
    if (auto why = write_atomically(options.out, pdf); !why.empty()) {
      err << base::Diagnostic::whole_file(options.out.string(), "expected a writable output file", why).str() << '\n';
      return kExitFailed;
    }
    spdlog::info("wrote {} ({} pages, {} bytes)", options.out.string(), doc.pages.size(), pdf.size());
    if (options.png) {
      std::string png = export_png::render_png(doc, 0, options.dpi);
      if (auto why = write_atomically(*options.png, png); !why.empty()) {
        err << base::Diagnostic::whole_file(options.png->string(), "expected a writable output file", why).str()
            << '\n';
        return kExitFailed;
      }
      spdlog::info("wrote {} (page 1 at {} dpi)", options.png->string(), options.dpi);
    }
  } catch (const base::Error& e) {
    err << e.what() << '\n';
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace zb::app
