// Titles before a person: "Foreign Ministry spokesman Lin Jian" (the named body),
// "Prime Minister X" (the country), "said chief executive X" (the company of the article).
#include "nlp/rules/rule_run.hpp"

#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

using detail::lower_ascii;

// "Foreign Ministry spokesman Lin Jian", "UK Foreign Secretary Jack Straw",
// "Gibraltar's Chief Minister Peter Caruana", "Prime Minister X" (-> the country).
void RuleRun::title_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& p = args_[k];
        if (p.type != EntityType::Person || p.pronoun) continue;
        std::uint32_t t = p.first;
        std::uint32_t steps = 0;
        while (t > sb_ && steps < 6 && modifier_like(t - 1) && !transparent(t - 1)) {
            --t;
            ++steps;
        }
        // role words between t and p.first
        std::string role;
        const bool has_role = sentence_has_role(t, p.first, &role);
        int obj = -1;
        bool possessive = false;
        if (t > sb_) {
            if (detail::is_possessive_token(txt(t - 1)) && t - 1 > sb_) {
                obj = arg_ending_at(t - 1);
                possessive = obj >= 0;
            } else {
                obj = arg_ending_at(t);
            }
        }
        if (obj >= 0) {
            const auto& o = args_[static_cast<std::size_t>(obj)];
            if (o.type == EntityType::Person && !possessive)
                obj = -1;
            else if (o.type == EntityType::Person)
                obj = -1;  // "Cherie Blair's husband"
        }
        if (obj >= 0 && (has_role || (possessive && steps == 0))) {
            const auto& o = args_[static_cast<std::size_t>(obj)];
            emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.85, "title-premodifier",
                 role.empty() ? span(o.first, p.first) : role, role);
            continue;
        }
        if (obj < 0 && has_role) {
            // a national-government title without a named body
            bool gov = false;
            for (auto u = t; u < p.first; ++u) {
                std::string two = u + 1 < p.first ? lower_[u] + " " + lower_[u + 1] : "";
                if (lex_.is_gov_role(low(u)) || (!two.empty() && lex_.is_gov_role(two))) gov = true;
            }
            if (!gov) {
                // "said chief executive X": the organization the article is about
                if (main_company_ >= 0 && p.first > sb_ && t > sb_ &&
                    (low(t - 1) == "said" || low(t - 1) == "says" || txt(t - 1) == ","))
                    emit(p.entity, main_company_, RelationType::AffiliatedWith, 0.5,
                         "title-main-organization", role, role);
                continue;
            }
            int country = -1;
            std::uint32_t best = ~0u;
            for (const auto& a : args_) {
                if (a.type != EntityType::Country || a.entity == p.entity || a.pronoun) continue;
                std::uint32_t d = a.first > p.first ? a.first - p.first : p.first - a.first;
                // "the Australian government", "Japan's government": the government's country
                if (a.end < se_ && (low(a.end) == "government" || low(a.end) == "authorities" ||
                                    (detail::is_possessive_token(txt(a.end)) && a.end + 1 < se_ &&
                                     low(a.end + 1) == "government")))
                    d = 0;
                // after a preposition ("talks with Japan") a country is less likely the
                // employer
                else if (a.first > sb_ && is_prep(low(a.first - 1)))
                    d += 20;
                // "the Iraq war": a noun modifier, not a government
                if (!a.demonym && a.end < se_ && arg_at(a.end) < 0 &&
                    (pos(a.end) == ptb::NN || pos(a.end) == ptb::NNS))
                    continue;
                if (d < best) {
                    best = d;
                    country = a.entity;
                }
            }
            // the capital the person spoke in
            for (const auto& a : args_) {
                if (a.type != EntityType::Location || !gaz_ || a.pronoun) continue;
                const CountryInfo* c = gaz_->country_of_capital(span(a.first, a.end));
                if (!c) continue;
                auto it = name_entity_.find(lower_ascii(c->name));
                if (it != name_entity_.end()) {
                    country = it->second;
                    break;
                }
            }
            if (country < 0) country = main_country_ >= 0 ? main_country_ : frequent_country_;
            if (country >= 0)
                emit(p.entity, country, RelationType::AffiliatedWith, 0.55, "title-government",
                     role, role);
        }
    }
}

}  // namespace kgforge::nlp::rules
