// Where the models are: an explicit folder, or the default search (KGFORGE_MODELS, the
// install tree next to the executable, the source tree). Also the relation lexicon, which
// lives in schema/ beside models/.
#pragma once

#include <filesystem>

namespace kgforge::nlp {

// Throws kgforge::Error(ErrorKind::Model) naming every place tried.
std::filesystem::path resolve_models_dir(const std::filesystem::path& requested);
std::filesystem::path find_relation_lexicon(const std::filesystem::path& models_dir);

}  // namespace kgforge::nlp
