// Lexical (ReVerb-style) rules: find relation phrases of the lexicon in a sentence
// (lexical_rules, match_entry, pos_ok) and turn each into relations between its subjects and
// objects (apply_trigger: passives, possessors, coordination, "between", clauses, ...).
#include "nlp/rules/rule_run.hpp"

#include <algorithm>

#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

void RuleRun::lexical_rules() {
    std::uint32_t triggers = 0;
    Trigger tr;
    for (std::uint32_t i = sb_; i < se_ && triggers < lim_.max_triggers_per_sentence; ++i) {
        if (arg_at(i) >= 0) continue;
        const auto ids = lex_.starting_with(lower_[i]);
        if (ids.empty()) continue;
        bool matched = false;
        for (auto id : ids) {
            const auto& e = lex_.entry(id);
            if (!pos_ok(e, i)) continue;
            if (match_entry(e, i, tr)) {
                matched = true;
                break;
            }
        }
        if (!matched) continue;
        // "export control measures", "trade officials": a trigger noun used as a modifier
        if (tr.entry->kind == LexKind::Noun && tr.end < se_ && arg_at(tr.end) < 0 &&
            (pos(tr.end) == ptb::NN || pos(tr.end) == ptb::NNS) && !keeps_relation(low(tr.end)))
            continue;
        ++triggers;
        apply_trigger(tr);
        i = tr.end - 1;
    }
}

bool RuleRun::match_entry(const LexEntry& e, std::uint32_t i, Trigger& out) const {
    out.matched.clear();
    out.matched.push_back(i);
    std::uint32_t t = i + 1;
    const std::uint32_t max_gap = e.kind == LexKind::Verb ? 3 : 1;
    for (std::size_t s = 1; s < e.slots.size(); ++s) {
        bool found = false;
        for (std::uint32_t g = 0; g <= max_gap && t + g < se_; ++g) {
            const auto u = t + g;
            if (arg_at(u) >= 0) break;
            if (std::find(e.slots[s].begin(), e.slots[s].end(), lower_[u]) != e.slots[s].end()) {
                out.matched.push_back(u);
                t = u + 1;
                found = true;
                break;
            }
            if (txt(u) == "," || txt(u) == "." || is_finite_verb(pos(u))) break;
        }
        if (!found) return false;
    }
    out.first = i;
    out.end = t;
    out.entry = &e;
    return true;
}

bool RuleRun::pos_ok(const LexEntry& e, std::uint32_t i) const {
    const auto p = pos(i);
    if (p == ptb::None) return true;
    if (e.kind == LexKind::Verb) return is_verb(p);
    if (e.kind == LexKind::Noun) return is_noun(p) || p == ptb::JJ;
    return true;
}

void RuleRun::apply_trigger(const Trigger& tr) {
    const LexEntry& e = *tr.entry;
    const RelationType type = *e.type;
    const bool noun = e.kind != LexKind::Verb;
    const std::uint32_t i = tr.first;
    std::vector<int> subjects, objects;
    std::uint32_t prep_at = ~0u;
    double conf = noun ? 0.6 : 0.7;
    std::string rule = noun ? "lex:noun" : "lex:verb";

    // passive: "was backed by X"
    bool passive = false;
    if (!noun && e.passive_by && pos(i) == ptb::VBN) {
        for (std::uint32_t b = i, g = 0; b > sb_ && g < 3; --b, ++g) {
            if (detail::is_be_form(low(b - 1))) {
                passive = true;
                break;
            }
            if (!is_adverb(pos(b - 1))) break;
        }
    }
    if (passive) {
        if (tr.end < se_ && low(tr.end) == "by") {
            int agent = object_after(tr.end + 1, 4, false);
            // "by the company's owner, X": the possessor is not the agent
            if (agent >= 0 && args_[static_cast<std::size_t>(agent)].end < se_ &&
                detail::is_possessive_token(txt(args_[static_cast<std::size_t>(agent)].end)))
                agent = -1;
            const int patient = subject_before(i, lim_.subject_window, true);
            if (agent >= 0 && patient >= 0) {
                subjects = expand_right(agent);
                objects = expand_left(patient);
                prep_at = tr.end;
                rule = "lex:passive";
            }
        }
        if (subjects.empty()) return;
    } else {
        // subject
        int subj = -1;
        if (noun) {
            // possessor: "Pakistan's cooperation", "Hong Kong's biggest export market"
            std::uint32_t t = i;
            for (int g = 0; g < 4 && t > sb_ && arg_at(t - 1) < 0 && modifier_like(t - 1); ++g) --t;
            if (t > sb_ + 1 && detail::is_possessive_token(txt(t - 1))) subj = arg_ending_at(t - 1);
            // "its cooperation with": a possessive pronoun
            if (subj < 0 && t > sb_) {
                const int k = arg_ending_at(t);
                if (k >= 0 && args_[static_cast<std::size_t>(k)].pronoun) {
                    const auto w = low(t - 1);
                    if (w == "its" || w == "his" || w == "her" || w == "their") subj = k;
                }
            }
            // "Pakistan-US mineral cooperation"
            if (subj < 0) {
                std::uint32_t u = i;
                for (int g = 0; g < 2 && u > sb_ && arg_at(u - 1) < 0 && modifier_like(u - 1) &&
                                txt(u - 1) != "-";
                     ++g)
                    --u;
                const int right = arg_ending_at(u);
                if (right >= 0) {
                    const auto& r = args_[static_cast<std::size_t>(right)];
                    if (r.first >= 2 &&
                        (txt(r.first - 1) == "-" || pos(r.first - 1) == ptb::HYPH)) {
                        const int left = arg_ending_at(r.first - 1);
                        if (left >= 0) {
                            subjects = {left};
                            objects = {right};
                            rule = "lex:noun-compound";
                        }
                    }
                }
            }
            if (subj >= 0) {
                subjects = expand_left(subj);
                rule = "lex:noun-possessive";
            }
        }
        if (subjects.empty() && objects.empty()) {
            subj = subject_before(i, noun ? 8 : lim_.subject_window);
            if (subj >= 0) subjects = expand_left(subj);
            // "the Group of Seven -- A, B and C -- met": the list is an apposition
            if (subjects.size() >= 2) {
                std::uint32_t first = args_[static_cast<std::size_t>(subjects.back())].first;
                for (int s2 : subjects)
                    first = std::min(first, args_[static_cast<std::size_t>(s2)].first);
                const std::uint32_t b = skip_det_back(first);
                if (b > sb_ + 1 && (txt(b - 1) == "--" || txt(b - 1) == ":" || txt(b - 1) == "(" ||
                                    txt(b - 1) == "\xE2\x80\x94")) {
                    const int head = arg_ending_at(b - 1);
                    if (head >= 0) subjects = {head};
                }
            }
        }
        // object
        if (objects.empty()) {
            if (tr.end < se_ && (low(tr.end) == "between" || low(tr.end) == "among")) {
                const int first = object_after(tr.end + 1, 4, false);
                if (first >= 0) {
                    auto both = expand_right(first);
                    if (both.size() >= 2) {
                        subjects = {both.front()};
                        objects.assign(both.begin() + 1, both.end());
                        prep_at = tr.end;
                        rule = "lex:between";
                    }
                }
            }
        }
        if (objects.empty()) {
            int obj = -1;
            if (!e.prep.empty()) {
                obj = object_after_prep(tr.end, e.prep, prep_at);
                if (obj < 0 && e.prep == "with" && symmetric(type)) obj = -1;
            } else if (!noun) {
                obj = object_after(tr.end, 6, false, true);
            }
            if (obj >= 0) objects = expand_right(obj);
        }
        // a place is no partner: "are due to meet in Washington"
        if (type != RelationType::Visited && type != RelationType::LocatedIn) {
            objects.erase(std::remove_if(objects.begin(), objects.end(),
                                         [&](int o) {
                                             return args_[static_cast<std::size_t>(o)].type ==
                                                    EntityType::Location;
                                         }),
                          objects.end());
        }
        if (objects.empty() && e.clause) {
            std::uint32_t t = tr.end;
            if (t < se_ && low(t) == "that") {
                for (std::size_t k = args_.size(); k-- > 0;) {
                    const auto& a = args_[k];
                    if (a.first <= t) break;
                    if (a.type == EntityType::Location) continue;
                    bool in_subj = false;
                    for (int s : subjects)
                        if (args_[static_cast<std::size_t>(s)].entity == a.entity) in_subj = true;
                    if (in_subj) continue;
                    objects = {static_cast<int>(k)};
                    conf = 0.45;
                    rule = "lex:clause";
                    break;
                }
            }
        }
        // "Pakistan and China are partners", "X and Y signed an MoU": pairs in the subject
        bool pair_ok =
            symmetric(type) && subjects.size() >= 2 && !(type == RelationType::TradesWith && !noun);
        if (pair_ok && noun) {
            // the group must be the subject of the noun ("are partners"), not a bystander
            // ("tabled by France and Germany following the G7 meeting")
            std::uint32_t last = 0;
            for (int s2 : subjects) last = std::max(last, args_[static_cast<std::size_t>(s2)].end);
            for (std::uint32_t u = last; u < i; ++u)
                if (pos(u) == ptb::IN || pos(u) == ptb::VBG || pos(u) == ptb::TO ||
                    (is_verb(pos(u)) && !detail::is_be_form(low(u)) && low(u) != "have" &&
                     low(u) != "has"))
                    pair_ok = false;
        }
        if (objects.empty() && pair_ok) {
            objects.assign(subjects.begin() + 1, subjects.end());
            subjects.resize(1);
            rule += "+coordination";
        }
        // "A is B's largest export market": the other side across a copula
        if (objects.empty() && subjects.size() == 1 && rule == "lex:noun-possessive") {
            const auto& p = args_[static_cast<std::size_t>(subjects[0])];
            for (std::uint32_t t = p.first, g = 0; t > sb_ && g < 4; --t, ++g) {
                if (!detail::is_be_form(low(t - 1))) continue;
                const int other = arg_ending_at(skip_det_back(t - 1));
                if (other >= 0) {
                    objects = {other};
                    rule = "lex:noun-copula";
                }
                break;
            }
        }
        // "bilateral trade": the two nearest distinct countries before the trigger
        if (objects.empty() && i >= sb_ + 1 &&
            (low(i - 1) == "bilateral" || (i >= sb_ + 2 && low(i - 2) == "bilateral"))) {
            std::vector<int> found;
            for (std::size_t k = args_.size(); k-- > 0 && found.size() < 2;) {
                const auto& a = args_[k];
                if (a.end > i || a.type != EntityType::Country) continue;
                bool dup = false;
                for (int f : found)
                    if (args_[static_cast<std::size_t>(f)].entity == a.entity) dup = true;
                if (!dup) found.push_back(static_cast<int>(k));
            }
            if (found.size() == 2) {
                subjects = {found[1]};
                objects = {found[0]};
                rule = "lex:bilateral";
                conf = 0.55;
            }
        }
    }
    if (noun && (low(i) == "partners" || low(i) == "members") && objects.empty()) {
        const int m = arg_ending_at(i);
        if (m >= 0 && args_[static_cast<std::size_t>(m)].type == EntityType::Organization &&
            !args_[static_cast<std::size_t>(m)].pronoun)
            objects = {m};
    }
    // "exporters to the EC, such as Senegal, Malaysia and Brazil": the listed members
    if (noun && !objects.empty() && (subjects.empty() || rule == "lex:noun")) {
        std::uint32_t t = args_[static_cast<std::size_t>(objects.back())].end;
        if (t < se_ && txt(t) == ",") ++t;
        std::uint32_t list_at = 0;
        if (t + 1 < se_ && low(t) == "such" && low(t + 1) == "as")
            list_at = t + 2;
        else if (t < se_ && (low(t) == "including" || low(t) == "like"))
            list_at = t + 1;
        if (list_at) {
            const int m = arg_starting_at(skip_det_fwd(list_at));
            if (m >= 0) {
                subjects = expand_right(m);
                rule = "lex:noun-such-as";
            }
        }
    }
    if (subjects.empty() || objects.empty()) return;
    if (e.reverse) std::swap(subjects, objects);
    RelationType rtype = type;
    if (noun && (low(i) == "partners" || low(i) == "members" || low(i) == "partner")) {
        const int m = arg_ending_at(i);
        if (m >= 0 && args_[static_cast<std::size_t>(m)].type == EntityType::Organization &&
            !args_[static_cast<std::size_t>(m)].pronoun) {
            const int subj =
                subject_before(args_[static_cast<std::size_t>(m)].first, lim_.subject_window);
            if (subj < 0) return;
            for (int s2 : expand_left(subj))
                emit(args_[static_cast<std::size_t>(s2)].entity,
                     args_[static_cast<std::size_t>(m)].entity, RelationType::PartOf, 0.6,
                     "lex:member-partners", label_of(tr, ~0u));
            return;
        }
    }
    bool neg = false, hyp = false;
    std::uint32_t from = i;
    for (int s : subjects) from = std::min(from, args_[static_cast<std::size_t>(s)].end);
    if (from > i) from = i;
    flags(from, tr.end, neg, hyp);
    std::string amount;
    if (type == RelationType::TradesWith || type == RelationType::InvestsIn ||
        type == RelationType::Acquired || type == RelationType::Aids ||
        type == RelationType::SignedAgreementWith || type == RelationType::Sanctions)
        amount = find_amount(i);
    const std::string label = label_of(tr, prep_at);
    for (int s : subjects)
        for (int o : objects) {
            const auto& sa = args_[static_cast<std::size_t>(s)];
            const auto& oa = args_[static_cast<std::size_t>(o)];
            emit(sa.entity, oa.entity, rtype, conf, rule, label, {}, amount, neg, hyp);
        }
}

}  // namespace kgforge::nlp::rules
