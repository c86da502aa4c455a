// Closed word lists the rules test tokens against (lowercase words unless noted).
#include "nlp/rules/word_classes.hpp"

#include "nlp/pos_tagger.hpp"

namespace kgforge::nlp::rules {

bool is_prep(std::string_view w) {
    static constexpr std::string_view kPreps[] = {"in",      "at",      "on",      "with", "from",
                                                  "to",      "for",     "by",      "over", "about",
                                                  "against", "between", "among",   "into", "under",
                                                  "after",   "before",  "through", "via",  "than"};
    for (auto p : kPreps)
        if (w == p) return true;
    return false;
}

bool is_finite_verb(std::uint16_t pos) {
    return pos == ptb::VBD || pos == ptb::VBZ || pos == ptb::VBP;
}

bool is_negation(std::string_view w) {
    return w == "not" || w == "n't" || w == "never" || w == "no" || w == "nor" || w == "cannot" ||
           w == "neither";
}

bool is_modal_hypothetical(std::string_view w) {
    return w == "may" || w == "might" || w == "could" || w == "would" || w == "should" ||
           w == "if" || w == "unless" || w == "can";
}

bool is_scale_word(std::string_view w) {
    return w == "million" || w == "billion" || w == "trillion" || w == "bn" || w == "m" ||
           w == "mln" || w == "bln" || w == "tn" || w == "thousand" || w == "billions" ||
           w == "millions";
}

bool is_currency_word(std::string_view w) {
    return w == "dlrs" || w == "dollars" || w == "dollar" || w == "euros" || w == "euro" ||
           w == "pounds" || w == "yen" || w == "yuan" || w == "rupees" || w == "francs" ||
           w == "marks" || w == "stg" || w == "roubles" || w == "rubles" || w == "usd";
}

bool is_currency_symbol(std::string_view w) {
    return w == "$" || w == "US$" || w == "\xC2\xA3" || w == "\xE2\x82\xAC" || w == "\xC2\xA5" ||
           w == "Rs" || w == "Rs.";
}

bool starts_digit(std::string_view w) {
    return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

bool symmetric(RelationType t) {
    return is_symmetric(t);
}

// Head nouns after a trigger noun that keep its meaning ("trade volume", "trade ties").
bool keeps_relation(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "volume", "volumes", "value",    "ties",        "relations", "balance",
        "flows",  "links",   "deal",     "deals",       "agreement", "agreements",
        "pact",   "partner", "partners", "partnership", "surplus",   "deficit",
        "talks",  "accord",  "treaty",   "programme",   "program",   "venture"};
    for (auto k : kWords)
        if (w == k) return true;
    return false;
}

// Words that open a clause rather than continue a noun phrase.
bool is_clause_word(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "while",   "but",   "who",    "which", "that",   "as",     "when",     "although", "though",
        "because", "after", "before", "said",  "says",   "say",    "if",       "whose",    "where",
        "and",     "or",    "will",   "would", "has",    "have",   "had",      "is",       "was",
        "are",     "were",  "told",   "added", "adding", "saying", "according"};
    for (auto k : kWords)
        if (w == k) return true;
    return false;
}

}  // namespace kgforge::nlp::rules
