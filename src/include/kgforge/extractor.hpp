// Text to entities and relations. The CLI, the server and `kgforge extract` all go
// through this interface; models are loaded once and shared by all threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kgforge/document.hpp"
#include "kgforge/extraction.hpp"

namespace kgforge {

class Extractor {
public:
    virtual ~Extractor() = default;
    // Must be safe to call concurrently from several threads on different documents.
    virtual DocumentExtraction extract(const Document& document) const = 0;
};

struct ExtractorOptions {
    // Folder holding the trained models and gazetteers; empty = the default search
    // (KGFORGE_MODELS env var, <exe>/../share/kgforge/models, the source tree's models/).
    std::filesystem::path models_dir;
    bool explain = false;  // keep the rule/model name on every relation
};

// The full statistical + rule pipeline (tokenizer, tagger, NER, coreference, relations).
std::unique_ptr<Extractor> make_default_extractor(const ExtractorOptions& options);

}  // namespace kgforge
