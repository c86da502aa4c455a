// Possessives ("Japan's ruling party", "its Yugansk division") and "X of Y" ("the Frontier
// Works Organization of Pakistan", "the Tokyo office of X").
#include "nlp/rules/rule_run.hpp"

namespace kgforge::nlp::rules {

// "A's [mods] B"
void RuleRun::possessive_rules() {
    // "its Yugansk division": a possessive pronoun owning a unit
    for (std::size_t k = 0; k + 1 < args_.size(); ++k) {
        const auto& a = args_[k];
        if (!a.pronoun || (low(a.first) != "its" && low(a.first) != "their")) continue;
        const int bk = arg_starting_at(a.end);
        if (bk < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(bk)];
        if (b.type != EntityType::Organization || b.end >= se_ || !lex_.is_unit_word(low(b.end)))
            continue;
        if (ent(a.entity).type == EntityType::Organization)
            emit(b.entity, a.entity, RelationType::PartOf, 0.7, "possessive-unit",
                 span(a.first, b.end + 1));
    }
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.end >= se_ || !detail::is_possessive_token(txt(a.end))) continue;
        std::uint32_t t = a.end + 1;
        std::uint32_t steps = 0;
        bool owner = false, unit = false, state = false;
        while (t < se_ && steps < 4 && arg_at(t) < 0 && modifier_like(t)) {
            const auto w = low(t);
            if (lex_.is_owner_word(w)) owner = true;
            if (lex_.is_unit_word(w)) unit = true;
            if (w == "ruling" || w == "governing" || w == "state" || w == "state-owned" ||
                w == "state-run" || w == "central")
                state = true;
            ++t;
            ++steps;
        }
        const int bk = arg_starting_at(t);
        if (bk < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(bk)];
        using E = EntityType;
        const std::string label = span(a.first, b.end);
        if (a.type == E::Person && b.type == E::Organization && !a.pronoun) {
            emit(a.entity, b.entity, RelationType::AffiliatedWith, 0.75, "possessive", label);
        } else if (a.type == E::Organization && b.type == E::Organization) {
            if (owner)
                emit(a.entity, b.entity, RelationType::PartOf, 0.8, "possessive-owner", label);
            else
                emit(b.entity, a.entity, RelationType::PartOf, unit ? 0.8 : 0.6, "possessive",
                     label);
        } else if ((a.type == E::Country || a.type == E::Location) && b.type == E::Organization) {
            if (a.demonym) continue;
            if (gov_[static_cast<std::size_t>(b.entity)] || state)
                emit(b.entity, a.entity, RelationType::PartOf, 0.8, "possessive", label);
            else
                emit(b.entity, a.entity, RelationType::LocatedIn, 0.6, "possessive", label);
        } else if ((a.type == E::Country || a.type == E::Location) && b.type == E::Location) {
            emit(b.entity, a.entity, RelationType::LocatedIn, 0.7, "possessive", label);
        }
    }
}

// "the Frontier Works Organization of Pakistan", "the Tokyo office of X".
void RuleRun::of_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.pronoun) continue;
        std::uint32_t t = a.end;
        bool office = false;
        if (t < se_ && lex_.is_office_word(low(t)) && a.type != EntityType::Person) {
            office = true;
            ++t;
        }
        if (t >= se_ || low(t) != "of") continue;
        std::uint32_t u = skip_det_fwd(t + 1);
        if (office) {
            // "of broker <X>": up to two lowercase modifiers
            for (int g = 0; g < 2 && u < se_ && arg_at(u) < 0 && modifier_like(u); ++g) ++u;
            u = skip_det_fwd(u);
        }
        const int bk = arg_starting_at(u);
        if (bk < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(bk)];
        if (b.pronoun) continue;
        using E = EntityType;
        const std::string label = span(a.first, b.end);
        if (office) {
            if (b.type == E::Organization && (a.type == E::Location || a.type == E::Country))
                emit(b.entity, a.entity, RelationType::LocatedIn, 0.75, "office-of", label);
            continue;
        }
        if (a.type == E::Organization && (b.type == E::Organization || b.type == E::Country))
            emit(a.entity, b.entity, RelationType::PartOf, 0.75, "x-of-y", label);
        else if (a.type == E::Location && (b.type == E::Country || b.type == E::Location))
            emit(a.entity, b.entity, RelationType::LocatedIn, 0.6, "x-of-y", label);
    }
}

}  // namespace kgforge::nlp::rules
