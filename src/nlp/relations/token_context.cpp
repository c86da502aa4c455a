#include "nlp/relations/token_context.hpp"

#include <algorithm>

#include "nlp/pos_tagger.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp::relations {
namespace {

bool is_negation(std::string_view w) {
    return w == "not" || w == "n't" || w == "never" || w == "no" || w == "nor" || w == "cannot" ||
           w == "neither" || w == "without";
}

bool is_modal(std::string_view w) {
    return w == "may" || w == "might" || w == "could" || w == "would" || w == "should" ||
           w == "if" || w == "unless" || w == "can" || w == "will" || w == "plan" || w == "plans" ||
           w == "planned" || w == "possible" || w == "proposed";
}

// The part-of-speech a lexicon entry's first word must have (CAMEO verbs are verbs).
bool pos_fits(const LexEntry& e, std::uint16_t pos) {
    if (pos == ptb::None) return true;
    if (e.kind == LexKind::Verb) return is_verb(pos);
    if (e.kind == LexKind::Noun) return is_noun(pos) || pos == ptb::JJ;
    return true;
}

}  // namespace

TokenContext::TokenContext(const AnnotatedDocument& doc, const Lexicon& lexicon,
                           const Lemmatizer& lemmatizer, const std::vector<bool>& wanted)
    : doc_(doc), facts_(doc.tokens.size()) {
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        if (s < wanted.size() && !wanted[s]) continue;
        const Sentence& sentence = doc.sentences[s];
        for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
            TokenFacts& f = facts_[t];
            f.lower = detail::lower_ascii(doc.tokens[t].text);
            f.lemma = lemmatizer.lemma(f.lower, doc.tokens[t].pos);
            if (lexicon.is_role(f.lower)) f.classes |= kRoleWord;
            if (lexicon.is_gov_head(f.lower)) f.classes |= kGovernmentHead;
            if (lexicon.is_owner_word(f.lower)) f.classes |= kOwnerWord;
            if (lexicon.is_unit_word(f.lower)) f.classes |= kUnitWord;
            if (lexicon.is_member_word(f.lower)) f.classes |= kMemberWord;
            if (lexicon.is_office_word(f.lower)) f.classes |= kOfficeWord;
            if (is_negation(f.lower)) f.classes |= kNegationWord;
            if (is_modal(f.lower)) f.classes |= kModalWord;
        }
        match_triggers(lexicon, sentence.first_token, sentence.end_token);
    }
}

// A trigger's later words may be a few tokens away ("signed a memorandum"), never past a
// comma or another verb.
void TokenContext::match_triggers(const Lexicon& lexicon, std::uint32_t first, std::uint32_t end) {
    for (std::uint32_t t = first; t < end; ++t) {
        for (const std::uint32_t id : lexicon.starting_with(facts_[t].lower)) {
            const LexEntry& e = lexicon.entry(id);
            if (!e.type || !pos_fits(e, doc_.tokens[t].pos)) continue;
            std::vector<std::uint32_t> matched{t};
            std::uint32_t next = t + 1;
            const std::uint32_t max_gap = e.kind == LexKind::Verb ? 3 : 1;
            bool ok = true;
            for (std::size_t slot = 1; slot < e.slots.size() && ok; ++slot) {
                ok = false;
                for (std::uint32_t g = 0; g <= max_gap && next + g < end; ++g) {
                    const std::uint32_t u = next + g;
                    const auto& alternatives = e.slots[slot];
                    if (std::find(alternatives.begin(), alternatives.end(), facts_[u].lower) !=
                        alternatives.end()) {
                        matched.push_back(u);
                        next = u + 1;
                        ok = true;
                        break;
                    }
                    if (facts_[u].lower == "," || is_verb(doc_.tokens[u].pos)) break;
                }
            }
            if (!ok) continue;
            const std::uint32_t bit = std::uint32_t{1} << static_cast<int>(*e.type);
            facts_[t].trigger_start = true;
            for (const std::uint32_t u : matched) facts_[u].trigger_types |= bit;
        }
    }
}

}  // namespace kgforge::nlp::relations
