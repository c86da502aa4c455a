// The arguments of a relation phrase: the nearest plausible subject before it and the
// object after it (directly or after its preposition).
#include "nlp/rules/rule_run.hpp"

#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

// Nearest plausible subject to the left of token i.
int RuleRun::subject_before(std::uint32_t i, std::uint32_t window, bool allow_possessor) const {
    int skips = 0;
    for (std::uint32_t t = i; t > sb_;) {
        --t;
        if (i - t > window + 8) break;
        const int k = arg_at(t);
        if (k < 0) {
            if (txt(t) == ";" || txt(t) == ":") break;
            // another clause's verb in between ("X said the deal was backed by ..."),
            // auxiliaries and copulas aside
            if (is_finite_verb(pos(t))) {
                const auto w = low(t);
                // control verbs keep the subject: "it intends to take action against X"
                const bool control = t + 1 < i && low(t + 1) == "to";
                if (!(detail::is_be_form(w) || w == "has" || w == "have" || w == "had" ||
                      w == "does" || w == "do" || w == "did" || control))
                    break;
            }
            // "X, Japan's deputy minister of ..., are due to meet": skip the apposition
            if (txt(t) == "," && t > sb_) {
                for (std::uint32_t u = t; u > sb_ && t - u < 16;) {
                    --u;
                    if (txt(u) != ",") continue;
                    const int pk = arg_ending_at(u);
                    if (pk >= 0 && args_[static_cast<std::size_t>(pk)].type == EntityType::Person &&
                        !args_[static_cast<std::size_t>(pk)].pronoun && i - u <= window + 16)
                        return pk;
                    break;
                }
            }
            continue;
        }
        const auto& a = args_[static_cast<std::size_t>(k)];
        t = a.first;
        if (i - a.end > window) break;
        if (based_after(a)) continue;
        const std::uint32_t b = skip_det_back(a.first);
        // a passive agent acts: "a sale forced by Russia to settle a claim against X"
        const bool agent = b > sb_ + 1 && low(b - 1) == "by" && pos(b - 2) == ptb::VBN;
        if (!agent && b > sb_ && is_prep(low(b - 1)) && low(b - 1) != "of") {
            if (++skips > 2) break;
            continue;
        }
        if (!allow_possessor && a.end < se_ && detail::is_possessive_token(txt(a.end)) &&
            a.end + 1 < i) {
            // "A's N verb": the possessor is not the subject of a later verb
            // unless nothing else is available.
            if (++skips > 2) break;
            continue;
        }
        return head_of(k);
    }
    return -1;
}

// Nearest object to the right of token t (direct object), within `window`.
int RuleRun::object_after(std::uint32_t t, std::uint32_t window, bool allow_verbs,
                          bool skip_modifiers) const {
    bool seen_noun = false;
    for (std::uint32_t u = t; u < se_ && u < t + window; ++u) {
        const int k = arg_at(u);
        if (k >= 0) {
            const auto& a = args_[static_cast<std::size_t>(k)];
            if (based_after(a)) {
                u = a.end - 1;
                continue;
            }
            // "her Danish counterpart": a possessive pronoun is not the object
            if (skip_modifiers && a.pronoun &&
                (low(a.first) == "his" || low(a.first) == "her" || low(a.first) == "its" ||
                 low(a.first) == "their")) {
                u = a.end - 1;
                continue;
            }
            // "the British citizens": a modifier of the real object, unless a title
            // introduces a person ("her Danish counterpart Jens Holm")
            if (skip_modifiers && a.end < se_ && arg_at(a.end) < 0 && is_noun(pos(a.end)) &&
                !is_proper_noun(pos(a.end))) {
                std::uint32_t v = a.end;
                for (int g = 0; g < 3 && v < se_ && arg_at(v) < 0 && modifier_like(v); ++g) ++v;
                const int person = arg_starting_at(v);
                if (person >= 0 &&
                    args_[static_cast<std::size_t>(person)].type == EntityType::Person)
                    return person;
                return -1;
            }
            return k;
        }
        const auto w = txt(u);
        if (w == "." || w == ";" || w == ":") return -1;
        if (!allow_verbs && is_finite_verb(pos(u))) return -1;
        if (skip_modifiers) {
            // "criticised the government over its case for war in Iraq": the object
            // noun phrase ended before the preposition
            if (is_noun(pos(u)) && !is_proper_noun(pos(u)))
                seen_noun = true;
            else if ((pos(u) == ptb::IN || pos(u) == ptb::TO) && seen_noun)
                return -1;
        }
    }
    return -1;
}

// The argument after preposition `prep` within the window after token t.
int RuleRun::object_after_prep(std::uint32_t t, std::string_view prep,
                               std::uint32_t& prep_at) const {
    for (std::uint32_t u = t; u < se_ && u < t + lim_.object_window; ++u) {
        if (arg_at(u) >= 0) {
            continue;
        }
        if (txt(u) == "." || txt(u) == ";") return -1;
        if (is_finite_verb(pos(u)) || pos(u) == ptb::MD) return -1;
        if (low(u) == prep) {
            prep_at = u;
            return object_after(u + 1, 6, false);
        }
    }
    return -1;
}

}  // namespace kgforge::nlp::rules
