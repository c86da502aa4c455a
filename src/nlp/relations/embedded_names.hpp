// Names inside names: "US Federal Reserve", "Iraqi oil ministry" name a body of a country,
// "BBC Radio 4", "Commons public accounts committee" a unit of another organization. The
// inner name is no mention of its own (mentions do not overlap), so no candidate pair holds
// it; the guideline annotates public bodies of a country and units of an organization as
// PART_OF. Only entities the article mentions on their own are related.
#pragma once

#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/relation_extractor.hpp"

namespace kgforge::nlp {
class Gazetteer;
}

namespace kgforge::nlp::relations {

std::vector<RelationMention> embedded_name_relations(const AnnotatedDocument& doc,
                                                     const Gazetteer* gazetteer);

}  // namespace kgforge::nlp::relations
