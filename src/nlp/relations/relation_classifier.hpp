// The relation stage: candidate pairs -> features -> the trained model, plus the pattern
// rules that are more precise than the model (kept as overrides; see docs/QUALITY.md for the
// measurement that chose them). One relation per (subject, type, object) and document, the
// most probable; each with its sentence, label, amount, role, negation/modality flags and,
// with explain, the model's top features and the dependency path.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/relation_extractor.hpp"
#include "nlp/relations/candidates.hpp"
#include "nlp/relations/relation_features.hpp"
#include "nlp/relations/relation_model.hpp"

namespace kgforge::nlp {
class Lemmatizer;
}

namespace kgforge::nlp::relations {

struct ClassifierOptions {
    bool explain = false;
    // Pattern rules whose relations are kept even when the model says "no relation".
    std::set<std::string> override_rules;
    CandidateLimits limits;
};

// The rules kept as overrides by default (measured more precise than the model).
std::set<std::string> default_override_rules();

// A candidate with everything the model and the trainer need.
struct ScoredCandidate {
    RelationCandidate candidate;
    std::vector<std::uint64_t> features;
    std::vector<std::string> feature_names;  // with explain
    DependencyPath path;
};

class RelationClassifier {
  public:
    RelationClassifier(std::shared_ptr<const Lexicon> lexicon, const Lemmatizer* lemmatizer,
                       const Gazetteer* gazetteer, std::shared_ptr<const RelationModel> model,
                       ClassifierOptions options = {});

    // Needs tokens, sentences, resolved mentions/entities and the parse. Const, thread-safe.
    std::vector<RelationMention> extract(const AnnotatedDocument& doc) const;

    // The candidates of a document with their features (training uses exactly these).
    std::vector<ScoredCandidate> featurize(const AnnotatedDocument& doc, bool keep_names) const;

  private:
    std::shared_ptr<const Lexicon> lexicon_;
    const Lemmatizer* lemmatizer_;
    RelationExtractor rules_;
    const Gazetteer* gazetteer_ = nullptr;
    std::shared_ptr<const RelationModel> model_;
    ClassifierOptions options_;
};

}  // namespace kgforge::nlp::relations
