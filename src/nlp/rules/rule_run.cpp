// Construction (the facts about the whole document the rules share: lowercase tokens,
// government bodies, names, the country and company the article is about), the sentence loop
// that calls every rule family, and emit(), through which every rule proposes a relation.
#include "nlp/rules/rule_run.hpp"

#include <algorithm>

#include "nlp/coreference.hpp"
#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

using detail::lower_ascii;

RuleRun::RuleRun(const AnnotatedDocument& doc, const Lexicon& lex, const Gazetteer* gaz,
                 const RelationLimits& limits)
    : doc_(doc), lex_(lex), gaz_(gaz), lim_(limits) {
    lower_.reserve(doc.tokens.size());
    for (const auto& t : doc.tokens) lower_.push_back(lower_ascii(t.text));
    gov_.assign(doc.entities.size(), false);
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
        const auto& ent = doc.entities[e];
        if (ent.type != EntityType::Organization) continue;
        if (ent.subtype == "GovernmentOrganization") gov_[e] = true;
        std::string w;
        for (char c : ent.name + " ") {
            if (c == ' ') {
                if (!w.empty() && lex_.is_gov_head(lower_ascii(w))) gov_[e] = true;
                w.clear();
            } else {
                w.push_back(c);
            }
        }
    }
    // Every name and alias -> entity (for names embedded in organization names).
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
        const auto& ent = doc.entities[e];
        if (ent.type != EntityType::Country && ent.type != EntityType::Organization) continue;
        name_entity_.emplace(detail::lower_ascii(ent.name), static_cast<int>(e));
        for (const auto& a : ent.aliases) name_entity_.emplace(lower_ascii(a), static_cast<int>(e));
    }
    // the country the article is about: most actor-like uses (see coreference)
    std::vector<int> score(doc.entities.size(), 0);
    for (const auto& m : doc.mentions) {
        if (m.entity < 0 ||
            doc.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Country)
            continue;
        if (is_pronominal_mention(m) && m.source != "coref:nominal") continue;
        bool actor =
            m.subtype == "Demonym" || m.subtype == "Capital" || m.source == "coref:nominal";
        if (m.end_token < doc.tokens.size()) {
            const auto p = doc.tokens[m.end_token].pos;
            if (is_verb(p) || p == ptb::MD || p == ptb::POS ||
                detail::is_possessive_token(doc.tokens[m.end_token].text))
                actor = true;
        }
        if (actor) score[static_cast<std::size_t>(m.entity)] += 2;
    }
    int best = -1;
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
        if (score[e] < 4) continue;
        if (best < 0 || score[e] > score[static_cast<std::size_t>(best)])
            best = static_cast<int>(e);
    }
    main_country_ = best;
    {
        int second = -1;
        for (std::size_t e = 0; e < doc.entities.size(); ++e)
            if (static_cast<int>(e) != best && (second < 0 || score[e] > second)) second = score[e];
        if (best >= 0 && 2 * score[static_cast<std::size_t>(best)] >= 3 * std::max(second, 0) + 1)
            strict_country_ = best;
    }
    // the most mentioned country, when clearly ahead (>= 3 mentions, more than any other)
    {
        int first = -1, second = -1;
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            if (doc.entities[e].type != EntityType::Country) continue;
            const int m = static_cast<int>(doc.entities[e].mentions);
            if (first < 0 ||
                m > static_cast<int>(doc.entities[static_cast<std::size_t>(first)].mentions)) {
                second = first;
                first = static_cast<int>(e);
            } else if (second < 0 ||
                       m > static_cast<int>(
                               doc.entities[static_cast<std::size_t>(second)].mentions)) {
                second = static_cast<int>(e);
            }
        }
        if (first >= 0 && doc.entities[static_cast<std::size_t>(first)].mentions >= 3 &&
            score[static_cast<std::size_t>(first)] >= 2 &&
            (second < 0 || doc.entities[static_cast<std::size_t>(first)].mentions >
                               doc.entities[static_cast<std::size_t>(second)].mentions))
            frequent_country_ = first;
    }
    best = -1;
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
        if (doc.entities[e].type != EntityType::Organization || gov_[e]) continue;
        if (best < 0 ||
            doc.entities[e].mentions > doc.entities[static_cast<std::size_t>(best)].mentions)
            best = static_cast<int>(e);
    }
    if (best >= 0 && doc.entities[static_cast<std::size_t>(best)].mentions >= 3)
        main_company_ = best;
}

std::vector<RelationMention> RuleRun::run() {
    std::size_t mi = 0;
    const auto& mentions = doc_.mentions;
    for (std::uint32_t s = 0; s < doc_.sentences.size(); ++s) {
        const auto& sent = doc_.sentences[s];
        sb_ = sent.first_token;
        se_ =
            std::min<std::uint32_t>(sent.end_token, static_cast<std::uint32_t>(doc_.tokens.size()));
        sidx_ = s;
        args_.clear();
        while (mi < mentions.size() && mentions[mi].first_token < sb_) ++mi;
        std::size_t mj = mi;
        while (mj < mentions.size() && mentions[mj].first_token < se_) {
            const Mention& m = mentions[mj++];
            if (m.entity < 0 || m.end_token > se_) continue;
            if (args_.size() >= lim_.max_mentions_per_sentence) break;
            Arg a;
            a.first = m.first_token;
            a.end = m.end_token;
            a.entity = m.entity;
            a.type = doc_.entities[static_cast<std::size_t>(m.entity)].type;
            a.mention = &m;
            a.pronoun = is_pronominal_mention(m);
            a.demonym = m.subtype == "Demonym";
            args_.push_back(a);
        }
        arg_at_.assign(se_ - sb_, -1);
        for (std::size_t k = 0; k < args_.size(); ++k)
            for (auto t = args_[k].first; t < args_[k].end; ++t)
                arg_at_[t - sb_] = static_cast<int>(k);
        candidates_ = 0;
        embedded_rules();
        if (!args_.empty()) {
            title_rules();
            apposition_rules();
            org_apposition_rules();
            place_apposition_rules();
            reverse_apposition_rules();
            possessive_rules();
            of_rules();
            based_in_rules();
            nationality_rules();
            list_rules();
            lexical_rules();
        }
    }
    government_body_rule();
    return std::move(out_);
}

bool RuleRun::sentence_has_role(std::uint32_t b, std::uint32_t e, std::string* role) const {
    bool found = false;
    for (auto t = b; t < e; ++t) {
        std::string two;
        if (t + 1 < e) two = lower_[t] + " " + lower_[t + 1];
        if (!two.empty() && is_role(two)) {
            found = true;
        } else if (is_role(low(t))) {
            found = true;
        }
    }
    if (found && role) {
        std::string r;
        for (auto t = b; t < e; ++t) {
            if (pos(t) == ptb::DT || transparent(t)) continue;
            if (!r.empty() && txt(t) != "-" && (r.back() != '-')) r.push_back(' ');
            r += lower_[t];
        }
        *role = r;
    }
    return found;
}

bool RuleRun::type_ok(int s, int o, RelationType t) const {
    const auto st = ent(s).type, ot = ent(o).type;
    using E = EntityType;
    switch (t) {
        case RelationType::AffiliatedWith:
            return st == E::Person && ot != E::Person;
        case RelationType::PartOf:
            return (st == E::Organization || st == E::Country) &&
                   (ot == E::Organization || ot == E::Country);
        case RelationType::LocatedIn:
            return (st == E::Organization || st == E::Location) &&
                   (ot == E::Location || ot == E::Country);
        case RelationType::Visited:
            return st != E::Location && (ot == E::Location || ot == E::Country);
        default:
            return st != E::Location && ot != E::Location;
    }
}

void RuleRun::emit(int s, int o, RelationType t, double conf, std::string_view rule,
                   std::string label, std::string role, std::string amount, bool neg, bool hyp) {
    if (s < 0 || o < 0 || s == o) return;
    // "member of", "joined", "represents": a unit or member when the subject is not a person
    if (t == RelationType::AffiliatedWith && ent(s).type != EntityType::Person)
        t = RelationType::PartOf;
    if (!type_ok(s, o, t)) return;
    if (candidates_ >= lim_.max_candidates_per_sentence) return;
    ++candidates_;
    int a = s, b = o;
    if (symmetric(t) && b < a) std::swap(a, b);
    const auto key = std::make_tuple(a, static_cast<int>(t), b);
    auto it = index_.find(key);
    if (it != index_.end()) {
        auto& r = out_[it->second];
        if (conf > r.confidence) {
            r.confidence = conf;
            r.label = std::move(label);
            r.rule = std::string(rule);
            r.sentence = sidx_;
            r.role = std::move(role);
            if (!amount.empty()) r.amount = std::move(amount);
            r.negated = neg;
            r.hypothetical = hyp;
        } else if (r.amount.empty() && !amount.empty()) {
            r.amount = std::move(amount);
        }
        return;
    }
    RelationMention r;
    r.subject = s;
    r.object = o;
    r.type = t;
    r.label = std::move(label);
    r.confidence = conf;
    r.amount = std::move(amount);
    r.role = std::move(role);
    r.negated = neg;
    r.hypothetical = hyp;
    r.sentence = sidx_;
    r.rule = std::string(rule);
    index_.emplace(key, out_.size());
    out_.push_back(std::move(r));
}

std::string RuleRun::find_amount(std::uint32_t near) const {
    std::string best;
    std::uint32_t best_dist = ~0u;
    for (auto t = sb_; t < se_; ++t) {
        if (!starts_digit(txt(t))) continue;
        std::uint32_t b = t, e = t + 1;
        bool money = false;
        if (t > sb_ && is_currency_symbol(txt(t - 1))) {
            b = t - 1;
            money = true;
        }
        const auto w = low(t);
        if (w.size() > 2 && (w.ends_with("bn") || w.ends_with("m")) && money) {
        }
        if (e < se_ && is_scale_word(low(e))) ++e;
        if (e < se_ && is_currency_word(low(e))) {
            ++e;
            money = true;
        }
        if (!money) {
            // "578m euros" style is covered above; "9.3bn" after "$" too.
            continue;
        }
        const std::uint32_t dist = b > near ? b - near : near - b;
        if (dist < best_dist) {
            best_dist = dist;
            best = span(b, e);
        }
        t = e - 1;
    }
    return best;
}

void RuleRun::flags(std::uint32_t from, std::uint32_t to, bool& neg, bool& hyp) const {
    for (auto t = from; t < to && t < se_; ++t) {
        if (is_negation(low(t))) neg = true;
        if (pos(t) == ptb::MD && is_modal_hypothetical(low(t))) hyp = true;
    }
    for (auto t = sb_; t < from && t < se_; ++t)
        if (low(t) == "if" || low(t) == "unless") hyp = true;
}

}  // namespace kgforge::nlp::rules
