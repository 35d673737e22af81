// Font configuration loader: fonts.yaml → faces with their files and roles with their chains.
#include "load/font_config_loader.h"

#include "load/schema.h"
#include "load/yaml_tree.h"

namespace zb::load {
namespace {

constexpr std::uintmax_t kMaxConfigBytes = 64u << 10;

void read_faces(Schema& s, const YNode& faces, const std::string& file, model::FontConfig& config) {
  for (std::size_t i = 0; i < faces.map_size(); ++i) {
    const std::string key = faces.key(i).value;
    const std::string path = "faces." + key;
    Fields f = s.fields(faces.val(i), path, "a map with file (and optionally cjk)");
    if (!f.ok()) continue;
    const YNode* file_node = f.required("file");
    const YNode* cjk = f.optional("cjk");
    f.finish();
    if (!file_node) continue;
    model::FontFaceSpec face;
    face.key = key;
    face.file = s.plain_text(*file_node, path + ".file", "expected a font file name");
    face.where = {file, file_node->line, file_node->col};
    if (cjk) {
      if (cjk->is_scalar() && (cjk->value == "true" || cjk->value == "false"))
        face.cjk = cjk->value == "true";
      else
        s.error(*cjk, path + ".cjk", "expected true or false", describe(*cjk));
    }
    if (!face.file.empty()) config.faces.push_back(std::move(face));
  }
}

void read_roles(Schema& s, const YNode& roles, const std::string& file, model::FontConfig& config) {
  for (std::size_t i = 0; i < roles.map_size(); ++i) {
    const std::string key = roles.key(i).value;
    const YNode& list = roles.val(i);
    if (!list.is_seq() || list.items.empty()) {
      s.error(list, "roles." + key, "expected a non-empty list of face names", describe(list));
      continue;
    }
    model::FontRoleSpec role{key, {}};
    for (std::size_t j = 0; j < list.items.size(); ++j) {
      const YNode& item = *list.items[j];
      // A non-scalar entry names no face; the font book reports it with the unknown names.
      role.chain.push_back({item.is_scalar() ? item.value : "", describe(item), {file, item.line, item.col}});
    }
    config.roles.push_back(std::move(role));
  }
}

}  // namespace

FontConfigResult load_font_config(const base::Env& env, const std::filesystem::path& dir) {
  FontConfigResult r;
  const std::string file = (dir / "fonts.yaml").string();
  auto bytes = env.read_file(dir / "fonts.yaml", kMaxConfigBytes);
  if (!bytes.error.empty() || bytes.too_large) {
    r.errors.add(base::Diagnostic::whole_file(file, "expected a readable font config of at most 64 KiB",
                                              bytes.too_large ? "a larger file" : bytes.error));
    return r;
  }
  if (!check_encoding(bytes.data, file, r.errors)) return r;
  auto doc = parse_yaml(bytes.data, file, YamlLimits{}, r.errors);
  if (!doc) return r;
  Schema s(file, 200, r.errors);
  s.check_duplicate_keys(*doc);
  Fields top = s.fields(doc->root(), "", "a map with the keys faces and roles");
  if (!top.ok()) return r;
  const YNode* faces = top.required("faces");
  const YNode* roles = top.required("roles");
  top.finish();
  if (faces && !faces->is_map())
    s.error(*faces, "faces", "expected a map of face names to {file: ...}", describe(*faces));
  if (roles && !roles->is_map())
    s.error(*roles, "roles", "expected a map of role names to lists of faces", describe(*roles));
  if (!r.errors.empty()) return r;
  model::FontConfig config;
  config.dir = dir;
  config.file = file;
  read_faces(s, *faces, file, config);
  read_roles(s, *roles, file, config);
  r.config = std::move(config);
  return r;
}

}  // namespace zb::load
