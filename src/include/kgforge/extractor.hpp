// Text to entities and relations. The CLI, the server and `kgforge extract` all go
// through this interface; models are loaded once and shared by all threads.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
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
    // Several documents at once, results in the same order and equal to extract() of each.
    // An extractor may run them stage by stage, which keeps each stage's tables in the CPU
    // cache; the default calls extract() on each.
    virtual std::vector<DocumentExtraction> extract_many(
        std::span<const Document> documents) const {
        std::vector<DocumentExtraction> out;
        out.reserve(documents.size());
        for (const Document& document : documents) out.push_back(extract(document));
        return out;
    }
};

struct ExtractorOptions {
    // Folder holding the trained models and gazetteers; empty = the default search
    // (KGFORGE_MODELS env var, <exe>/../share/kgforge/models, the source tree's models/).
    std::filesystem::path models_dir;
    bool explain = false;  // keep the rule/model name on every relation
    unsigned threads = 0;  // threads for loading the models (0 = all cores, 1 = one at a time)
};

// The full statistical + rule pipeline (tokenizer, tagger, NER, coreference, relations).
std::unique_ptr<Extractor> make_default_extractor(const ExtractorOptions& options);

}  // namespace kgforge
