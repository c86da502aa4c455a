// Appositions: a person and a role phrase ("X, a spokesman of Y"; "Spain's director
// general for Europe, X"), a place ("Bergen, a city in Norway") or an organization
// ("Gazpromneft, a former unit of Gazprom") described after a comma or dash.
#include "nlp/rules/rule_run.hpp"

#include <algorithm>

#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

// "X, (a|the) role (of|at) ORG", "X, Japan's deputy minister of ...", "X, a senior KGB
// officer".
void RuleRun::apposition_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& p = args_[k];
        if (p.type != EntityType::Person || p.pronoun) continue;
        std::uint32_t t = p.end;
        // "Philippe Sands QC," : allow one capitalized suffix token
        if (t < se_ && arg_at(t) < 0 && t + 1 < se_ && txt(t + 1) == "," &&
            detail::looks_like_acronym(txt(t)))
            ++t;
        if (t >= se_ || !(txt(t) == "," || txt(t) == "-" || txt(t) == "--" ||
                          txt(t) == "\xE2\x80\x93" || txt(t) == "\xE2\x80\x94"))
            continue;
        ++t;
        // "X, who is a member of ...", "X, 50, a former ..."
        if (t + 1 < se_ && (low(t) == "who" || low(t) == "which") && detail::is_be_form(low(t + 1)))
            t += 2;
        if (t + 1 < se_ && pos(t) == ptb::CD && txt(t + 1) == ",") t += 2;
        const std::uint32_t start = t;
        if (start >= se_) continue;  // "X," ends the sentence: nothing in apposition
        std::uint32_t limit = std::min<std::uint32_t>(se_, start + 16);
        std::uint32_t stop = start;
        {
            // an appositive starts like a noun phrase
            const auto w0 = low(start);
            if (is_clause_word(w0)) continue;
        }
        while (stop < limit) {
            const auto w = txt(stop);
            // "(MITI)": a parenthetical acronym stays inside the apposition
            if (w == "(" && stop + 2 < se_ && arg_starting_at(stop + 1) >= 0 &&
                args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end < se_ &&
                txt(args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end) == ")") {
                stop = args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end + 1;
                continue;
            }
            if (w == "," || w == ";" || w == "." || w == ":" || w == "(") break;
            if (is_clause_word(low(stop))) break;
            if (arg_at(stop) < 0 && (is_finite_verb(pos(stop)) || pos(stop) == ptb::MD ||
                                     low(stop) == "who" || low(stop) == "which"))
                break;
            ++stop;
        }
        if (stop == start) continue;
        std::string role;
        if (!sentence_has_role(start, stop, &role)) continue;
        // the role phrase: words before the first entity
        for (auto u = start; u < stop; ++u) {
            const int a = arg_at(u);
            if (a < 0) continue;
            const auto& o = args_[static_cast<std::size_t>(a)];
            u = o.end - 1;
            if (o.pronoun) continue;
            if (o.type == EntityType::Person) {
                if (o.end < stop && detail::is_possessive_token(txt(o.end))) continue;
                break;
            }
            const bool possessor = o.end < stop && detail::is_possessive_token(txt(o.end));
            bool take =
                o.type == EntityType::Organization && !(possessor && next_is_org(o.end + 1, stop));
            if (!take && o.type != EntityType::Organization) {
                // places and countries only as possessors or bare pre-modifiers of a role
                const bool poss = o.end < stop && detail::is_possessive_token(txt(o.end));
                const bool after_prep =
                    o.first > start && (low(o.first - 1) == "of" || low(o.first - 1) == "for");
                bool role_next = false;
                for (auto v = o.end; v < std::min(stop, o.end + 3); ++v)
                    if (is_role(low(v))) role_next = true;
                take = poss || after_prep || (o.demonym && role_next) ||
                       (o.type == EntityType::Country && role_next);
                // "the Tokyo office of X": a place before an office word is not the employer
                if (o.end < stop && lex_.is_office_word(low(o.end))) take = false;
            }
            if (!take) continue;
            if (o.end < stop && lex_.is_office_word(low(o.end))) continue;
            std::string r;
            (void)sentence_has_role(start, o.first > start ? o.first : stop, &r);
            emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.8, "apposition",
                 r.empty() ? role : r, r.empty() ? role : r);
        }
    }
    // "role of ORG, PERSON": "the president of the EC's Executive Commission, Jacques Delors"
    // and "ORG's founder, PERSON" are rarer; not handled.
}

// An organization mention follows within a few modifier tokens.
bool RuleRun::next_is_org(std::uint32_t t, std::uint32_t stop) const {
    for (int g = 0; g < 4 && t < stop; ++g, ++t) {
        const int k = arg_at(t);
        if (k >= 0) return args_[static_cast<std::size_t>(k)].type == EntityType::Organization;
        if (!modifier_like(t)) return false;
    }
    return false;
}

// "Bergen, a city in Norway", "Perm 35 - a labour camp in the Arctic": place appositions.
void RuleRun::place_apposition_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.type != EntityType::Location || a.pronoun) continue;
        std::uint32_t t = a.end;
        if (t + 3 >= se_ || !(txt(t) == "," || txt(t) == "-" || txt(t) == "--")) continue;
        ++t;
        if (!is_det(t)) continue;
        ++t;
        bool place_noun = false;
        for (int g = 0; g < 5 && t < se_ && arg_at(t) < 0; ++g, ++t) {
            const auto w = low(t);
            if (w == "in" || w == "of" || w == "near") break;
            if (!modifier_like(t)) {
                place_noun = false;
                break;
            }
            if (w == "city" || w == "town" || w == "port" || w == "province" || w == "region" ||
                w == "village" || w == "state" || w == "capital" || w == "island" ||
                w == "district" || w == "camp" || w == "county" || w == "suburb" || w == "area" ||
                w == "resort" || w == "house" || w == "base")
                place_noun = true;
        }
        if (!place_noun || t >= se_ || !(low(t) == "in" || low(t) == "of" || low(t) == "near"))
            continue;
        const int bk = arg_starting_at(skip_det_fwd(t + 1));
        if (bk < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(bk)];
        if (b.type != EntityType::Location && b.type != EntityType::Country) continue;
        emit(a.entity, b.entity, RelationType::LocatedIn, 0.75, "place-apposition",
             span(a.first, b.end));
    }
}

// "Gazpromneft, a former unit of Gazprom": organization appositions.
void RuleRun::org_apposition_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.type != EntityType::Organization || a.pronoun) continue;
        std::uint32_t t = a.end;
        if (t >= se_ || txt(t) != ",") continue;
        ++t;
        bool unit = false, owner = false;
        std::uint32_t g = 0;
        for (; t < se_ && g < 6; ++t, ++g) {
            if (arg_at(t) >= 0) break;
            const auto w = low(t);
            if (lex_.is_unit_word(w)) unit = true;
            if (lex_.is_owner_word(w)) owner = true;
            if (w == "of" || is_det(t) || modifier_like(t)) continue;
            break;
        }
        if (!(unit || owner)) continue;
        if (t > sb_ && low(t - 1) != "of") {
            // "a unit of Russian gas monopoly Gazprom": allow a nationality pre-modifier
        }
        const int bk = arg_at(t);
        if (bk < 0) continue;
        // skip a nationality pre-modifier to reach the organization
        int target = bk;
        const auto& b0 = args_[static_cast<std::size_t>(bk)];
        if (b0.type == EntityType::Country) {
            std::uint32_t u = b0.end;
            for (int h = 0; h < 4 && u < se_ && arg_at(u) < 0 && modifier_like(u); ++h) ++u;
            target = arg_starting_at(u);
        }
        if (target < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(target)];
        if (b.type != EntityType::Organization) continue;
        if (unit)
            emit(a.entity, b.entity, RelationType::PartOf, 0.75, "org-apposition",
                 span(a.first, b.end));
        else
            emit(b.entity, a.entity, RelationType::PartOf, 0.75, "org-apposition",
                 span(a.first, b.end));
    }
}

// "Spain's director general for Europe, Jose Maria Pons", "the head of the Catholic
// Church in England, Cardinal X": a role phrase, a comma, then the person.
void RuleRun::reverse_apposition_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& p = args_[k];
        if (p.type != EntityType::Person || p.pronoun) continue;
        std::uint32_t t = np_start(p);
        if (t <= sb_ + 1 || txt(t - 1) != ",") continue;
        const std::uint32_t comma = t - 1;
        const std::uint32_t from = comma > sb_ + 10 ? comma - 10 : sb_;
        // the role word nearest before the comma
        std::uint32_t role_at = comma;
        for (std::uint32_t u = comma; u > from;) {
            --u;
            if (txt(u) == "," || txt(u) == ";" || is_clause_word(low(u)) || is_finite_verb(pos(u)))
                break;
            if (arg_at(u) < 0 && is_role(low(u))) {
                role_at = u;
                break;
            }
        }
        if (role_at == comma) continue;
        // the role phrase start: "founder and ex-chief executive", "director general for
        // Europe"
        std::uint32_t rs = role_at;
        while (rs > from && arg_at(rs - 1) < 0 && !detail::is_possessive_token(txt(rs - 1)) &&
               (modifier_like(rs - 1) || low(rs - 1) == "and" || is_role(low(rs - 1)) ||
                txt(rs - 1).find('-') != std::string_view::npos))
            --rs;
        std::string role;
        (void)sentence_has_role(rs, role_at + 1, &role);
        int obj = -1;
        if (rs > sb_ + 1 && detail::is_possessive_token(txt(rs - 1))) {
            obj = arg_ending_at(rs - 1);
        } else if (rs > sb_ && (arg_ending_at(rs) >= 0)) {
            obj = arg_ending_at(rs);
        }
        if (obj < 0) {
            // "role of (the) ORG ..."
            std::uint32_t u = role_at + 1;
            while (u < comma && arg_at(u) < 0 && modifier_like(u)) ++u;
            if (u < comma && (low(u) == "of" || low(u) == "at" || low(u) == "for")) {
                const int o = arg_starting_at(skip_det_fwd(u + 1));
                if (o >= 0 && args_[static_cast<std::size_t>(o)].type == EntityType::Organization)
                    obj = o;
            }
        }
        if (obj < 0) continue;
        const auto& o = args_[static_cast<std::size_t>(obj)];
        if (o.type == EntityType::Person) continue;
        emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.75, "reverse-apposition", role,
             role);
    }
}

}  // namespace kgforge::nlp::rules
