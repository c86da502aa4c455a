// Relations between resolved entities, sentence by sentence. Two families of rules:
//  - structural rules over mention sequences and POS tags: titles and appositions
//    ("Foreign Ministry spokesman Lin Jian", "Lin Jian, a spokesman of ..."), possessives
//    ("Japan's ruling party"), "X of Y", "-based" and "X in Y", nationality-introduced
//    companies ("Japanese car maker X"), country-prefixed government bodies ("US Embassy"),
//    membership lists;
//  - lexical rules (ReVerb-style relation phrases): a verb, verb+preposition, noun or phrase
//    from the relation lexicon between two entity mentions, with coordinated subjects and
//    objects, passives ("was backed by"), nominal forms ("A's cooperation with B", "bilateral
//    trade", "talks between A and B") and reported speech ("X has assured that ... Y").
// Negation and modality flags, amounts ("$23 billion") and roles ("spokesman") are attached.
// Work per sentence is bounded (caps on mentions, triggers and candidate pairs).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kgforge/types.hpp"
#include "nlp/annotation.hpp"
#include "nlp/lexicon.hpp"

namespace kgforge::nlp {

class Gazetteer;

struct RelationMention {
    int subject = -1;  // index into AnnotatedDocument::entities
    int object = -1;
    RelationType type = RelationType::CooperatesWith;
    std::string label;  // surface phrase: "signed memorandum", "spokesman", "based in"
    double confidence = 0.5;
    std::string amount;  // "$23 billion"
    std::string role;    // "spokesman"
    bool negated = false;
    bool hypothetical = false;
    std::uint32_t sentence = 0;  // index into AnnotatedDocument::sentences
    std::string rule;            // rule name, e.g. "title-premodifier", "lex:verb"
};

struct RelationLimits {
    std::uint32_t max_mentions_per_sentence = 48;
    std::uint32_t max_triggers_per_sentence = 48;
    std::uint32_t max_candidates_per_sentence = 256;
    std::uint32_t subject_window = 10;  // tokens between subject and trigger
    std::uint32_t object_window = 12;   // tokens between trigger and object
};

class RelationExtractor {
  public:
    // `gazetteer` may be null (role words then come from the lexicon only).
    RelationExtractor(std::shared_ptr<const Lexicon> lexicon, const Gazetteer* gazetteer,
                      RelationLimits limits = {});

    // Needs tokens (with POS), sentences, resolved mentions and entities. One relation per
    // (subject, type, object) and document, the most confident. Const and thread-safe.
    std::vector<RelationMention> extract(const AnnotatedDocument& doc) const;

    const Lexicon& lexicon() const { return *lexicon_; }

  private:
    std::shared_ptr<const Lexicon> lexicon_;
    const Gazetteer* gazetteer_;
    RelationLimits limits_;
};

}  // namespace kgforge::nlp
