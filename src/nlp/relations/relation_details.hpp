// The surface details of a relation the model found: its label (the trigger words on the
// dependency path, e.g. "signed memorandum"), an amount of money near it ("$23 billion") for
// trade, aid, investment and acquisitions, the role of an affiliation ("spokesman"), and the
// negation and modality flags ("would never undermine", "may sign").
#pragma once

#include "nlp/relation_extractor.hpp"
#include "nlp/relations/candidates.hpp"
#include "nlp/relations/dependency_path.hpp"
#include "nlp/relations/token_context.hpp"

namespace kgforge::nlp::relations {

// Fills label, amount, role, negated and hypothetical of `relation` (type and entities set).
void describe(const TokenContext& context, const RelationCandidate& candidate,
              const DependencyPath& path, RelationMention& relation);

}  // namespace kgforge::nlp::relations
