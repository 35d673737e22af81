// Machine-readable output: diagnostics as JSON, printed one way.
#include "app/json_output.h"

#include <ostream>

namespace zb::app {

nlohmann::ordered_json diagnostic_json(const base::Diagnostic& d) {
  const bool placed = d.where.line > 0;
  return {{"file", d.where.file},
          {"line", placed ? d.where.line : 1},
          {"column", placed && d.where.col > 0 ? d.where.col : 1},
          {"expected", d.expected},
          {"found", d.found},
          {"message", d.str()}};
}

void print_json(std::ostream& out, const nlohmann::ordered_json& doc) {
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  out.flush();
}

}  // namespace zb::app
