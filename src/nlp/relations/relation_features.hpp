// The features of a relation candidate that the model weighs:
//  - the entity types, mention kinds (name, pronoun, nominal, demonym, capital) and subtypes;
//  - the dependency path between the two mention heads: its relations, its words (lemmas),
//    the ancestor word, the relations at both ends, the prepositions ("case") that mark the
//    ends, and the lexicon triggers on it (CAMEO/PETRARCH2 verbs, nominal patterns such as
//    "embargo on", "talks with", "exports to", "member of"), with negation on the path;
//  - the surface between the mentions: distance, words, triggers, role and organisation
//    words, possessives, "-based", coordination, other mentions in between;
//  - the relations the pattern rules (nlp/relation_extractor) propose for the pair.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kgforge/types.hpp"
#include "nlp/relations/candidates.hpp"
#include "nlp/relations/dependency_path.hpp"
#include "nlp/relations/feature_sink.hpp"
#include "nlp/relations/token_context.hpp"

namespace kgforge::nlp::relations {

// A relation a pattern rule found, as evidence for the model.
struct RuleHint {
    std::uint32_t sentence = 0;
    int subject = -1;  // entity indices
    int object = -1;
    RelationType type = RelationType::CooperatesWith;
    std::string rule;
};

// Writes the features of `candidate` into `out` (cleared first) and returns its path.
DependencyPath relation_features(const TokenContext& context, const RelationCandidate& candidate,
                                 const std::vector<RuleHint>& hints, FeatureSink& out);

// "Lin Jian <nsubj- said -obj-> ..." style rendering of a path, for --explain.
std::string describe_path(const TokenContext& context, const RelationCandidate& candidate,
                          const DependencyPath& path);

}  // namespace kgforge::nlp::relations
