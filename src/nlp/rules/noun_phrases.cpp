// Noun phrases around arguments: where the phrase a mention heads starts, which argument
// heads "Name (ACR)" and "X of Y", and the coordinated members of a list ("A, B and C").
#include "nlp/rules/rule_run.hpp"

#include <cctype>

#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::rules {

bool RuleRun::based_after(const Arg& a) const {
    std::uint32_t t = a.end;
    if (t < se_ && (txt(t) == "-" || pos(t) == ptb::HYPH)) ++t;
    return t < se_ && (low(t) == "based" || low(t) == "headquartered");
}

// A token that may sit inside a title or a noun-phrase pre-modifier.
bool RuleRun::modifier_like(std::uint32_t t) const {
    if (arg_at(t) >= 0) return false;
    const auto w = low(t);
    if (detail::is_possessive_token(txt(t))) return false;
    if (w == "-" || pos(t) == ptb::HYPH) return true;
    if (w == "former" || w == "ex" || w == "deputy" || w == "acting" || w == "senior" ||
        w == "chief" || w == "then" || w == "shadow" || w == "vice")
        return true;
    const auto p = pos(t);
    if (p == ptb::None)
        return !txt(t).empty() && std::isalpha(static_cast<unsigned char>(txt(t)[0]));
    return is_adjective(p) || is_noun(p) || p == ptb::VBN || p == ptb::VBG || p == ptb::CD;
}

// Skips "the"/"a" and quotes forward from t.
std::uint32_t RuleRun::skip_det_fwd(std::uint32_t t) const {
    while (t < se_ && arg_at(t) < 0 && (is_det(t) || transparent(t))) ++t;
    return t;
}

std::uint32_t RuleRun::skip_det_back(std::uint32_t t) const {  // t = exclusive end
    while (t > sb_ && arg_at(t - 1) < 0 && (is_det(t - 1) || transparent(t - 1))) --t;
    return t;
}

// "Name (ACR)": the arg in parentheses stands for the arg before it.
int RuleRun::head_of(int k) const {
    for (int guard = 0; guard < 4 && k >= 0; ++guard) {
        const auto& a = args_[static_cast<std::size_t>(k)];
        // parenthetical acronym of the previous arg
        if (a.first >= 1 && txt(a.first - 1) == "(" && a.end < se_ && txt(a.end) == ")") {
            const int p = arg_ending_at(a.first - 1);
            if (p >= 0 && args_[static_cast<std::size_t>(p)].entity == a.entity) {
                k = p;
                continue;
            }
        }
        // "X of (the) Y": Y modifies X
        const std::uint32_t b = skip_det_back(a.first);
        if (b > sb_ && low(b - 1) == "of") {
            const int p = arg_ending_at(b - 1);
            if (p >= 0 && args_[static_cast<std::size_t>(p)].type != EntityType::Person &&
                a.type != EntityType::Person) {
                k = p;
                continue;
            }
        }
        break;
    }
    return k;
}

// Start of the noun phrase a person mention heads: "his Spanish counterpart X".
std::uint32_t RuleRun::np_start(const Arg& a) const {
    std::uint32_t t = a.first;
    if (a.type != EntityType::Person) {
        // "the Ohio-based X", "Russian oil giant X"
        for (int g = 0; g < 5 && t > sb_; ++g) {
            if ((low(t - 1) == "based" || low(t - 1) == "headquartered") && t >= sb_ + 2) {
                std::uint32_t u = t - 1;
                if (u > sb_ && (txt(u - 1) == "-" || pos(u - 1) == ptb::HYPH)) --u;
                const int k = u > sb_ ? arg_ending_at(u) : -1;
                if (k >= 0) {
                    t = args_[static_cast<std::size_t>(k)].first;
                    continue;
                }
                break;
            }
            const int k = arg_at(t - 1);
            if (k >= 0) {
                if (args_[static_cast<std::size_t>(k)].demonym) {
                    t = args_[static_cast<std::size_t>(k)].first;
                    continue;
                }
                break;
            }
            const auto w = txt(t - 1);
            if (w.empty() || !detail::is_lower_ascii(w[0]) || !modifier_like(t - 1) ||
                is_clause_word(low(t - 1)))
                break;
            --t;
        }
        return t;
    }
    for (int g = 0; g < 5 && t > sb_; ++g) {
        const int k = arg_at(t - 1);
        if (k >= 0) {
            const auto& b = args_[static_cast<std::size_t>(k)];
            const auto w = low(b.first);
            if (b.demonym ||
                (b.pronoun && (w == "his" || w == "her" || w == "its" || w == "their"))) {
                t = b.first;
                continue;
            }
            break;
        }
        if (!modifier_like(t - 1) || transparent(t - 1)) break;
        --t;
    }
    return t;
}

// "X which ...": a relative clause makes X a list item of its own
bool RuleRun::relative_after(const Arg& a) const {
    return a.end < se_ && (low(a.end) == "which" || low(a.end) == "who" || low(a.end) == "whose");
}

// Coordinated members to the left of arg k (k included): "A, B and C".
std::vector<int> RuleRun::expand_left(int k) const {
    std::vector<int> out{k};
    int cur = k;
    if (relative_after(args_[static_cast<std::size_t>(k)])) return out;
    for (int guard = 0; guard < 12; ++guard) {
        std::uint32_t t = skip_det_back(np_start(args_[static_cast<std::size_t>(cur)]));
        if (t <= sb_) break;
        bool conj = false;
        if (low(t - 1) == "and" || low(t - 1) == "&") {
            conj = true;
            --t;
            if (t > sb_ && txt(t - 1) == ",") --t;
        } else if (txt(t - 1) == ",") {
            conj = true;
            --t;
        }
        if (!conj) break;
        t = skip_det_back(t);
        // skip a parenthetical "(ACR)"
        if (t > sb_ + 2 && txt(t - 1) == ")") {
            const int p = arg_ending_at(t - 1);
            if (p >= 0 && args_[static_cast<std::size_t>(p)].first >= 1 &&
                txt(args_[static_cast<std::size_t>(p)].first - 1) == "(")
                t = args_[static_cast<std::size_t>(p)].first - 1;
        }
        int p = arg_ending_at(t);
        if (p < 0) break;
        p = head_of(p);
        if (args_[static_cast<std::size_t>(p)].pronoun) break;
        if (!coordinable(args_[static_cast<std::size_t>(k)], args_[static_cast<std::size_t>(p)]))
            break;
        out.push_back(p);
        cur = p;
    }
    return out;
}

// Coordinated members to the right of arg k: "France, West Germany, the U.K. and Spain".
std::vector<int> RuleRun::expand_right(int k) const {
    std::vector<int> out{k};
    int cur = k;
    for (int guard = 0; guard < 16; ++guard) {
        std::uint32_t t = args_[static_cast<std::size_t>(cur)].end;
        // skip "(ACR)" and "of (the) Y"
        if (t + 2 < se_ && txt(t) == "(" && arg_starting_at(t + 1) >= 0) {
            const int p = arg_starting_at(t + 1);
            if (args_[static_cast<std::size_t>(p)].end < se_ &&
                txt(args_[static_cast<std::size_t>(p)].end) == ")")
                t = args_[static_cast<std::size_t>(p)].end + 1;
        }
        if (t < se_ && low(t) == "of") {
            const int p = arg_starting_at(skip_det_fwd(t + 1));
            if (p >= 0) t = args_[static_cast<std::size_t>(p)].end;
        }
        if (t < se_ && (transparent(t))) ++t;
        if (t >= se_) break;
        bool conj = false;
        if (txt(t) == ",") {
            conj = true;
            ++t;
            if (t < se_ && low(t) == "and") ++t;
        } else if (low(t) == "and" || low(t) == "&") {
            conj = true;
            ++t;
        }
        if (!conj) break;
        t = skip_det_fwd(t);
        const int p = arg_starting_at(t);
        if (p < 0) break;
        const auto& pa = args_[static_cast<std::size_t>(p)];
        if (pa.pronoun || based_after(pa) || relative_after(pa)) break;
        // a comma list keeps to one kind of thing ("in Islamabad, the Missouri-based ...")
        if (!coordinable(args_[static_cast<std::size_t>(k)], pa)) break;
        out.push_back(p);
        cur = p;
    }
    return out;
}

bool RuleRun::coordinable(const Arg& a, const Arg& b) {
    using E = EntityType;
    if (a.type == b.type) return true;
    const auto actor = [](E t) { return t == E::Country || t == E::Organization; };
    return actor(a.type) && actor(b.type);
}

}  // namespace kgforge::nlp::rules
