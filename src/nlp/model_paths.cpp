#include "nlp/model_paths.hpp"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "kgforge/error.hpp"

#ifndef KGFORGE_SOURCE_DIR
#define KGFORGE_SOURCE_DIR "."
#endif

namespace kgforge::nlp {
namespace {

namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

bool looks_like_models_dir(const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_directory(dir / "gazetteer", ec);
}

}  // namespace

fs::path resolve_models_dir(const fs::path& requested) {
    if (!requested.empty()) {
        if (!fs::is_directory(requested))
            throw Error(ErrorKind::Model, "models folder not found", requested.string());
        return requested;
    }
    std::vector<fs::path> tried;
    if (const char* env = std::getenv("KGFORGE_MODELS"); env && *env) {
        tried.emplace_back(env);
        if (looks_like_models_dir(tried.back())) return tried.back();
    }
    if (const auto exe = executable_dir(); !exe.empty()) {
        tried.push_back(exe / ".." / "share" / "kgforge" / "models");
        if (looks_like_models_dir(tried.back())) return tried.back();
    }
    tried.push_back(fs::path(KGFORGE_SOURCE_DIR) / "models");
    if (looks_like_models_dir(tried.back())) return tried.back();
    std::string where;
    for (const auto& t : tried) where += (where.empty() ? "" : ", ") + t.string();
    throw Error(ErrorKind::Model,
                "no models folder found (set KGFORGE_MODELS or --models); tried: " + where);
}

fs::path find_relation_lexicon(const fs::path& models_dir) {
    const fs::path candidates[] = {
        models_dir / "relation_lexicon.tsv",
        models_dir / ".." / "schema" / "relation_lexicon.tsv",
        fs::path(KGFORGE_SOURCE_DIR) / "schema" / "relation_lexicon.tsv",
    };
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, ec)) return c;
    throw Error(ErrorKind::Model, "relation lexicon (schema/relation_lexicon.tsv) not found",
                (models_dir / ".." / "schema" / "relation_lexicon.tsv").string());
}

}  // namespace kgforge::nlp
