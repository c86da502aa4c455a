// One pass of the relation rules over one document (internal to RelationExtractor).
// A RuleRun walks the sentences, collects the entity mentions of each sentence as arguments
// and lets every rule family propose relations through emit(), which keeps the most confident
// relation per (subject, type, object). Each family lives in its own file of this folder:
//   rule_run.cpp                 construction (document-level facts), the sentence loop, emit
//   noun_phrases.cpp             noun-phrase starts, heads and coordinated lists of arguments
//   title_rules.cpp              "Foreign Ministry spokesman Lin Jian"
//   apposition_rules.cpp         "X, a spokesman of Y", "Bergen, a city in Norway", ...
//   possessive_and_of_rules.cpp  "Japan's ruling party", "the X office of Y"
//   place_rules.cpp              "-based", "X in Y", nationalities, government bodies
//   list_rules.cpp               "the Group of Seven -- A, B and C"
//   lexical_rules.cpp            relation phrases of the lexicon: matching and applying them
//   lexical_arguments.cpp        the subject and object a relation phrase takes
//   lexical_labels.cpp           the label a relation phrase gives its relation
//   word_classes.cpp             closed word lists (prepositions, negations, currencies, ...)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/gazetteer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_extractor.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp::rules {

// An entity mention of the current sentence, as a rule argument.
struct Arg {
    std::uint32_t first = 0;
    std::uint32_t end = 0;
    int entity = -1;
    EntityType type = EntityType::Organization;
    const Mention* mention = nullptr;
    bool pronoun = false;
    bool demonym = false;
};

class RuleRun {
  public:
    RuleRun(const AnnotatedDocument& doc, const Lexicon& lex, const Gazetteer* gaz,
            const RelationLimits& limits);

    // All rules over all sentences, then the document-level government-body rule.
    std::vector<RelationMention> run();

  private:
    // ---- token access: the rules read lowercase text, POS and the argument at a token ----
    std::string_view low(std::uint32_t t) const { return lower_[t]; }
    std::string_view txt(std::uint32_t t) const { return doc_.tokens[t].text; }
    std::uint16_t pos(std::uint32_t t) const { return doc_.tokens[t].pos; }
    int arg_at(std::uint32_t t) const {
        if (t < sb_ || t >= se_) return -1;
        return arg_at_[t - sb_];
    }
    const ResolvedEntity& ent(int e) const { return doc_.entities[static_cast<std::size_t>(e)]; }
    bool is_role(std::string_view lower) const {
        return lex_.is_role(lower) || (gaz_ && gaz_->is_role_word(lower));
    }
    bool transparent(std::uint32_t t) const {
        const auto w = txt(t);
        return w == "<" || w == ">" || w == "\"" || w == "``" || w == "''" || w == "\xE2\x80\x9C" ||
               w == "\xE2\x80\x9D";
    }
    bool is_det(std::uint32_t t) const {
        const auto w = low(t);
        return w == "the" || w == "a" || w == "an" || pos(t) == ptb::DT;
    }
    std::string span(std::uint32_t b, std::uint32_t e) const {
        return std::string(detail::span_text(doc_, b, e));
    }
    // Previous / next arg index by token position.
    int arg_ending_at(std::uint32_t end) const {  // arg whose end == end
        if (end == 0) return -1;
        const int k = arg_at(end - 1);
        if (k >= 0 && args_[static_cast<std::size_t>(k)].end == end) return k;
        return -1;
    }
    int arg_starting_at(std::uint32_t first) const {
        const int k = arg_at(first);
        if (k >= 0 && args_[static_cast<std::size_t>(k)].first == first) return k;
        return -1;
    }

    // ---- output (rule_run.cpp): one place checks types, caps candidates, merges duplicates
    // and attaches roles, amounts and negation/modality flags ----
    bool sentence_has_role(std::uint32_t b, std::uint32_t e, std::string* role) const;
    bool type_ok(int s, int o, RelationType t) const;
    void emit(int s, int o, RelationType t, double conf, std::string_view rule, std::string label,
              std::string role = {}, std::string amount = {}, bool neg = false, bool hyp = false);
    std::string find_amount(std::uint32_t near) const;
    void flags(std::uint32_t from, std::uint32_t to, bool& neg, bool& hyp) const;

    // ---- noun phrases (noun_phrases.cpp): the rules relate whole noun phrases and lists
    // ("A, B and C"), not just the mention tokens ----
    bool based_after(const Arg& a) const;
    bool modifier_like(std::uint32_t t) const;
    std::uint32_t skip_det_fwd(std::uint32_t t) const;
    std::uint32_t skip_det_back(std::uint32_t t) const;
    int head_of(int k) const;
    std::uint32_t np_start(const Arg& a) const;
    bool relative_after(const Arg& a) const;
    std::vector<int> expand_left(int k) const;
    std::vector<int> expand_right(int k) const;
    static bool coordinable(const Arg& a, const Arg& b);

    // ---- structural rules: fixed constructions around titles, appositions, possessives,
    // "of", "in", nationalities and lists, one file per family ----
    void title_rules();
    void apposition_rules();
    bool next_is_org(std::uint32_t t, std::uint32_t stop) const;
    void place_apposition_rules();
    void org_apposition_rules();
    void reverse_apposition_rules();
    void possessive_rules();
    void of_rules();
    void based_in_rules();
    void nationality_rules();
    void embedded_rules();
    void government_body_rule();
    void list_rules();

    // ---- lexical (ReVerb-style) rules: relation phrases from the lexicon between two
    // arguments; open-ended wording the structural rules cannot list ----
    struct Trigger {
        std::uint32_t first = 0, end = 0;
        const LexEntry* entry = nullptr;
        std::vector<std::uint32_t> matched;  // the tokens that matched slots
    };
    void lexical_rules();
    bool match_entry(const LexEntry& e, std::uint32_t i, Trigger& out) const;
    bool pos_ok(const LexEntry& e, std::uint32_t i) const;
    void apply_trigger(const Trigger& tr);
    // the arguments a relation phrase takes (lexical_arguments.cpp)
    int subject_before(std::uint32_t i, std::uint32_t window, bool allow_possessor = false) const;
    int object_after(std::uint32_t t, std::uint32_t window, bool allow_verbs,
                     bool skip_modifiers = false) const;
    int object_after_prep(std::uint32_t t, std::string_view prep, std::uint32_t& prep_at) const;
    // the label of a relation phrase (lexical_labels.cpp)
    static bool is_short_form_of(std::string_view short_form, std::string_view phrase);
    std::string label_of(const Trigger& tr, std::uint32_t prep_at) const;

    // ---- document-level state, computed once by the constructor ----
    const AnnotatedDocument& doc_;
    const Lexicon& lex_;
    const Gazetteer* gaz_;
    const RelationLimits& lim_;
    std::vector<std::string> lower_;
    std::vector<bool> gov_;
    std::map<std::string, int> name_entity_;
    int main_country_ = -1;
    int main_company_ = -1;
    int frequent_country_ = -1;
    int strict_country_ = -1;  // main country, clearly ahead of the others

    // ---- the current sentence: token range, index and its arguments ----
    std::uint32_t sb_ = 0, se_ = 0, sidx_ = 0;
    std::vector<Arg> args_;
    std::vector<int> arg_at_;
    std::uint32_t candidates_ = 0;

    // ---- the relations so far, indexed by (subject, type, object) ----
    std::vector<RelationMention> out_;
    std::map<std::tuple<int, int, int>, std::size_t> index_;
};

}  // namespace kgforge::nlp::rules
