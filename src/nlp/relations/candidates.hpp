// Candidate pairs for the relation model: two mentions of different resolved entities in the
// same sentence, the first before the second, in readable sentences (Sentence::readable).
// Sentences with very many mentions keep the pairs that are closest (a hostile or list-like
// sentence cannot make the work quadratic).
#pragma once

#include <cstdint>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp::relations {

struct RelationCandidate {
    std::uint32_t sentence = 0;
    std::uint32_t first = 0;   // index into AnnotatedDocument::mentions
    std::uint32_t second = 0;  // a later mention of another entity
};

struct CandidateLimits {
    std::uint32_t max_pairs_per_sentence = 160;
};

std::vector<RelationCandidate> relation_candidates(const AnnotatedDocument& doc,
                                                   const CandidateLimits& limits = {});

}  // namespace kgforge::nlp::relations
