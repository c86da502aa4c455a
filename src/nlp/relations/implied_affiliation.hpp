// People named by a national office without their country in the sentence ("Prime Minister
// Tony Blair said ...", "Chancellor Gordon Brown") are affiliated with the country the title
// implies: the person's own country when the gazetteer knows it and the article mentions it,
// otherwise the article's most mentioned country. The guideline annotates these
// ("stated or clearly implied by one sentence"); no candidate pair exists for them because
// the country is not in the sentence, so the model cannot find them.
#pragma once

#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/relation_extractor.hpp"

namespace kgforge::nlp {
class Gazetteer;
}

namespace kgforge::nlp::relations {

std::vector<RelationMention> implied_affiliations(const AnnotatedDocument& doc,
                                                  const Gazetteer* gazetteer);

}  // namespace kgforge::nlp::relations
