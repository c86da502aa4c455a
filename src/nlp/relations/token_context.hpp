// Per-token facts the relation features read, computed once per document for the sentences
// that have candidates: lower-case form, lemma, the relation types of lexicon triggers the
// token is part of (relation_lexicon.tsv: CAMEO/PETRARCH2 verbs, WordNet, seeds), and the
// lexicon's word classes (role, government body, owner, unit, member, office).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/lemmatizer.hpp"
#include "nlp/lexicon.hpp"

namespace kgforge::nlp::relations {

enum WordClass : std::uint8_t {
    kRoleWord = 1,
    kGovernmentHead = 2,
    kOwnerWord = 4,
    kUnitWord = 8,
    kMemberWord = 16,
    kOfficeWord = 32,
    kNegationWord = 64,
    kModalWord = 128,
};

struct TokenFacts {
    std::string lower;
    std::string lemma;
    std::uint32_t trigger_types = 0;  // bit i: a trigger of RelationType i covers the token
    bool trigger_start = false;       // the first token of a trigger
    std::uint8_t classes = 0;         // WordClass bits
};

class TokenContext {
  public:
    // Facts for the tokens of the sentences marked in `wanted` (others stay empty).
    TokenContext(const AnnotatedDocument& doc, const Lexicon& lexicon, const Lemmatizer& lemmatizer,
                 const std::vector<bool>& wanted);

    const TokenFacts& operator[](std::uint32_t token) const { return facts_[token]; }
    const AnnotatedDocument& doc() const { return doc_; }

  private:
    void match_triggers(const Lexicon& lexicon, std::uint32_t first, std::uint32_t end);
    const AnnotatedDocument& doc_;
    std::vector<TokenFacts> facts_;
};

}  // namespace kgforge::nlp::relations
