// Where organizations and places belong: "Missouri-based X", "X in Y", nationality
// pre-modifiers ("Russian oil giant Yukos"), names embedding another name ("US Embassy") and
// government bodies named without a country ("the Foreign Ministry").
#include "nlp/rules/rule_run.hpp"

#include <algorithm>

#include "nlp/coreference.hpp"

namespace kgforge::nlp::rules {

using detail::lower_ascii;

// "Missouri-based USSM", "the US Embassy in Islamabad", "Baghdad and Basra in Iraq".
void RuleRun::based_in_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.pronoun) continue;
        if ((a.type == EntityType::Location || a.type == EntityType::Country) && based_after(a)) {
            std::uint32_t t = a.end;
            while (t < se_ && low(t) != "based" && low(t) != "headquartered") ++t;
            ++t;
            for (std::uint32_t g = 0; t < se_ && g < 5; ++g, ++t) {
                const int bk = arg_starting_at(t);
                if (bk >= 0) {
                    const auto& b = args_[static_cast<std::size_t>(bk)];
                    if (b.type == EntityType::Organization || b.type == EntityType::Location)
                        emit(b.entity, a.entity, RelationType::LocatedIn, 0.9, "x-based",
                             span(a.first, b.end));
                    break;
                }
                if (!modifier_like(t) && !is_det(t) && !transparent(t)) break;
            }
        }
        if (a.type != EntityType::Organization && a.type != EntityType::Location) continue;
        std::uint32_t t = a.end;
        if (t < se_ && (lex_.is_office_word(low(t)))) ++t;
        if (t < se_ && (low(t) == "based" || low(t) == "headquartered" || low(t) == "located")) ++t;
        if (t >= se_ || low(t) != "in") continue;
        const int bk = arg_starting_at(skip_det_fwd(t + 1));
        if (bk < 0) continue;
        const auto& b0 = args_[static_cast<std::size_t>(bk)];
        if (b0.type != EntityType::Location && b0.type != EntityType::Country) continue;
        if (b0.demonym || b0.pronoun) continue;
        auto subjects = expand_left(static_cast<int>(k));
        auto objects = expand_right(bk);
        for (int si : subjects) {
            const auto& s = args_[static_cast<std::size_t>(si)];
            if (s.type != a.type) continue;
            for (int oi : objects) {
                const auto& o = args_[static_cast<std::size_t>(oi)];
                if (o.type != EntityType::Location && o.type != EntityType::Country) continue;
                const std::string label = span(s.first, o.end);
                if (s.type == EntityType::Organization && o.type == EntityType::Country &&
                    gov_[static_cast<std::size_t>(s.entity)])
                    emit(s.entity, o.entity, RelationType::PartOf, 0.7, "x-in-y", label);
                else
                    emit(s.entity, o.entity, RelationType::LocatedIn, 0.75, "x-in-y", label);
            }
        }
    }
}

// "Russian oil giant Yukos", "Japanese electronics firm X"; "EU member Britain".
void RuleRun::nationality_rules() {
    for (std::size_t k = 0; k + 1 < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.pronoun) continue;
        std::uint32_t t = a.end;
        if (t < se_ && detail::is_possessive_token(txt(t))) continue;  // possessive rules
        std::uint32_t steps = 0;
        bool state = false, member = false, lowercase_noun = false;
        while (t < se_ && steps < 4 && arg_at(t) < 0 && modifier_like(t) && !transparent(t)) {
            const auto w = low(t);
            if (w == "state" || w == "state-owned" || w == "state-run" || w == "ruling" ||
                w == "governing" || w == "owned" || w == "run")
                state = true;
            if (lex_.is_member_word(w)) member = true;
            if (!txt(t).empty() && detail::is_lower_ascii(txt(t)[0])) lowercase_noun = true;
            ++t;
            ++steps;
        }
        while (t < se_ && transparent(t)) ++t;
        const int bk = arg_starting_at(t);
        if (bk < 0) continue;
        const auto& b = args_[static_cast<std::size_t>(bk)];
        if (b.pronoun) continue;
        using E = EntityType;
        const std::string label = span(a.first, b.end);
        if (member && a.type == E::Organization && b.type == E::Country) {
            for (int oi : expand_right(bk))
                emit(args_[static_cast<std::size_t>(oi)].entity, a.entity, RelationType::PartOf,
                     0.75, "member-of", label);
            continue;
        }
        if (a.type != E::Country || b.type != E::Organization) continue;
        if (steps == 0) {
            if (gov_[static_cast<std::size_t>(b.entity)])
                emit(b.entity, a.entity, RelationType::PartOf, 0.7, "country-body", label);
            continue;
        }
        if (!lowercase_noun) continue;
        if (state || gov_[static_cast<std::size_t>(b.entity)])
            emit(b.entity, a.entity, RelationType::PartOf, 0.75, "nationality-org", label);
        else
            emit(b.entity, a.entity, RelationType::LocatedIn, 0.8, "nationality-org", label);
    }
}

// Government bodies named with a country or organization prefix: "US Embassy",
// "US Energy Department", "EC Commission".
void RuleRun::embedded_rules() {
    for (const auto& a : args_) {
        if (a.pronoun || a.type != EntityType::Organization) continue;
        if (a.end - a.first < 2) continue;
        for (std::uint32_t n = std::min<std::uint32_t>(3, a.end - a.first - 1); n >= 1; --n) {
            const std::string head = lower_ascii(span(a.first, a.first + n));
            auto it = name_entity_.find(head);
            int other = it != name_entity_.end() ? it->second : -1;
            if (other < 0 && gaz_) {
                const std::string raw = span(a.first, a.first + n);
                const CountryInfo* c = gaz_->country_by_name(raw);
                if (!c) c = gaz_->country_of_demonym(raw);
                if (c) {
                    auto ci = name_entity_.find(lower_ascii(c->name));
                    if (ci != name_entity_.end()) other = ci->second;
                }
            }
            if (other < 0 || other == a.entity) continue;
            const auto ot = ent(other).type;
            if (ot == EntityType::Organization ||
                (ot == EntityType::Country && gov_[static_cast<std::size_t>(a.entity)]))
                emit(a.entity, other, RelationType::PartOf, 0.8, "embedded-name",
                     span(a.first, a.end));
            break;
        }
    }
}

// "Foreign Ministry", "the Foreign Office": a government body named without its country
// belongs to the country the article is about (like "the government").
void RuleRun::government_body_rule() {
    if (strict_country_ < 0) return;
    std::vector<bool> has_parent(doc_.entities.size(), false);
    for (const auto& r : out_)
        if (r.type == RelationType::PartOf || r.type == RelationType::LocatedIn)
            has_parent[static_cast<std::size_t>(r.subject)] = true;
    std::vector<bool> done(doc_.entities.size(), false);
    for (const auto& m : doc_.mentions) {
        if (m.entity < 0 || is_pronominal_mention(m)) continue;
        const auto e = static_cast<std::size_t>(m.entity);
        if (done[e] || has_parent[e] || !gov_[e]) continue;
        done[e] = true;
        const auto& entity = doc_.entities[e];
        // named for an international body or another country: not ours to guess
        if (entity.subtype == "InternationalOrganization") continue;
        // only ministries, departments, offices, embassies, cabinets, treasuries
        {
            const std::string lname = lower_ascii(entity.name);
            const auto sp = lname.rfind(' ');
            const std::string head = sp == std::string::npos ? lname : lname.substr(sp + 1);
            const bool body = head == "ministry" || head == "department" || head == "office" ||
                              head == "embassy" || head == "cabinet" || head == "treasury" ||
                              lname.rfind("ministry of ", 0) == 0 ||
                              lname.rfind("department of ", 0) == 0;
            if (!body) continue;
        }
        bool named_country = false;
        if (gaz_) {
            std::string w;
            for (char c : entity.name + " ") {
                if (c == ' ') {
                    if (!w.empty() && (gaz_->country_by_name(w) || gaz_->country_of_demonym(w)))
                        named_country = true;
                    w.clear();
                } else {
                    w.push_back(c);
                }
            }
        }
        if (named_country) continue;
        // the sentence of the first mention
        const auto it = std::upper_bound(
            doc_.sentences.begin(), doc_.sentences.end(), m.first_token,
            [](std::uint32_t tok, const Sentence& st) { return tok < st.first_token; });
        sidx_ = it == doc_.sentences.begin()
                    ? 0
                    : static_cast<std::uint32_t>(it - doc_.sentences.begin() - 1);
        candidates_ = 0;
        emit(m.entity, strict_country_, RelationType::PartOf, 0.45, "government-body",
             std::string(detail::mention_text(doc_, m)));
    }
}

}  // namespace kgforge::nlp::rules
