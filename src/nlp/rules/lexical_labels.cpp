// The label a relation phrase gives its relation: the matched words, the object noun of a
// bare verb ("signed MoU") and the preposition ("with").
#include "nlp/rules/rule_run.hpp"

#include <algorithm>

namespace kgforge::nlp::rules {

// "MoU" for "memorandum of understanding": the capitals of the short form are the
// initials of the phrase's words (function words skipped).
bool RuleRun::is_short_form_of(std::string_view short_form, std::string_view phrase) {
    if (short_form.size() < 2 || short_form.size() > 10) return false;
    std::string capitals;
    for (char c : short_form) {
        if (c >= 'A' && c <= 'Z')
            capitals += static_cast<char>(c - 'A' + 'a');
        else if (!(c >= 'a' && c <= 'z'))
            return false;
    }
    std::string initials;
    std::size_t at = 0;
    while (at < phrase.size()) {
        while (at < phrase.size() && phrase[at] == ' ') ++at;
        auto end = phrase.find(' ', at);
        if (end == std::string_view::npos) end = phrase.size();
        auto word = phrase.substr(at, end - at);
        if (!word.empty() && word != "of" && word != "and" && word != "the" && word != "for") {
            const char c = word.front();
            initials += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        at = end;
    }
    return capitals.size() >= 2 && capitals == initials;
}

std::string RuleRun::label_of(const Trigger& tr, std::uint32_t prep_at) const {
    std::string label;
    for (auto u : tr.matched) {
        if (!label.empty()) label.push_back(' ');
        label += std::string(txt(u));
    }
    if (tr.entry->kind == LexKind::Verb && tr.matched.size() == 1) {
        // add the object noun ("signed MoU", "signed memorandum of understanding")
        std::uint32_t u = tr.end;
        int nouns = 0;
        while (u < se_ && u < tr.end + 6 && arg_at(u) < 0) {
            const auto p = pos(u);
            if (is_det(u) || is_adjective(p)) {
                ++u;
                continue;
            }
            if (p == ptb::NN || p == ptb::NNS ||
                (p == ptb::NNP && nouns == 0 && detail::looks_like_acronym(txt(u)))) {
                const auto noun_at = label.size();
                label += " " + std::string(txt(u));
                ++nouns;
                ++u;
                if (u + 1 < se_ && low(u) == "of" && is_noun(pos(u + 1)) && arg_at(u + 1) < 0) {
                    label += " of " + std::string(txt(u + 1));
                    u += 2;
                }
                // "a memorandum of understanding (MoU)": the article's own short form
                // makes the shorter label analysts write ("signed MoU with").
                if (u + 2 < se_ && txt(u) == "(" && txt(u + 2) == ")" &&
                    is_short_form_of(txt(u + 1), std::string_view(label).substr(noun_at))) {
                    label.resize(noun_at);
                    label += " " + std::string(txt(u + 1));
                    u += 3;
                }
                continue;
            }
            break;
        }
    }
    if (prep_at != ~0u &&
        std::find(tr.matched.begin(), tr.matched.end(), prep_at) == tr.matched.end())
        label += " " + std::string(txt(prep_at));
    else if (prep_at == ~0u && tr.entry->kind == LexKind::Verb && tr.entry->type &&
             is_symmetric(*tr.entry->type))
        label += " with";  // "X and Y signed an MoU": the phrase relating X to Y
    return label;
}

}  // namespace kgforge::nlp::rules
