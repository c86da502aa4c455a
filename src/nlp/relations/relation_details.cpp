#include "nlp/relations/relation_details.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "nlp/pos_tagger.hpp"
#include "nlp/relation_util.hpp"
#include "nlp/rules/word_classes.hpp"

namespace kgforge::nlp::relations {
namespace {

// The amount words are the pattern rules' own lists.
using rules::is_currency_symbol;
using rules::is_currency_word;
using rules::is_scale_word;
using rules::starts_digit;

bool wants_amount(RelationType t) {
    return t == RelationType::TradesWith || t == RelationType::Aids ||
           t == RelationType::InvestsIn || t == RelationType::Acquired;
}

// The money expression of the sentence nearest to token `near`: "$23 billion", "578 mln dlrs".
std::string amount_near(const TokenContext& ctx, const Sentence& s, std::uint32_t near) {
    const auto& doc = ctx.doc();
    std::string best;
    std::uint32_t best_distance = ~0u;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (!starts_digit(doc.tokens[t].text)) continue;
        std::uint32_t b = t, e = t + 1;
        bool money = false;
        if (t > s.first_token && is_currency_symbol(doc.tokens[t - 1].text)) {
            b = t - 1;
            money = true;
        }
        if (e < s.end_token && is_scale_word(ctx[e].lower)) ++e;
        if (e < s.end_token && is_currency_word(ctx[e].lower)) {
            ++e;
            money = true;
        }
        if (!money) continue;
        const std::uint32_t distance = b > near ? b - near : near - b;
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(detail::span_text(doc, b, e));
        }
        t = e - 1;
    }
    return best;
}

}  // namespace

void describe(const TokenContext& ctx, const RelationCandidate& c, const DependencyPath& path,
              RelationMention& r) {
    const AnnotatedDocument& doc = ctx.doc();
    const Mention& a = doc.mentions[c.first];
    const Mention& b = doc.mentions[c.second];
    const Sentence& s = doc.sentences[c.sentence];
    const std::uint32_t bit = std::uint32_t{1} << static_cast<int>(r.type);

    // label: the trigger words of this type on the path, else between the mentions
    std::vector<std::uint32_t> trigger;
    auto consider = [&](std::uint32_t t) {
        if ((ctx[t].trigger_types & bit) != 0 && (t < a.first_token || t >= a.end_token) &&
            (t < b.first_token || t >= b.end_token))
            trigger.push_back(t);
    };
    if (path.found) {
        for (const auto& step : path.up) consider(step.token);
        consider(path.ancestor);
        for (const auto& step : path.down) consider(step.token);
    }
    if (trigger.empty())
        for (std::uint32_t t = a.end_token; t < b.first_token; ++t) consider(t);
    std::sort(trigger.begin(), trigger.end());
    trigger.erase(std::unique(trigger.begin(), trigger.end()), trigger.end());
    r.label.clear();
    for (const std::uint32_t t : trigger) r.label += (r.label.empty() ? "" : " ") + ctx[t].lower;
    if (r.label.empty()) {
        r.label = detail::lower_ascii(relation_type_name(r.type));
        std::replace(r.label.begin(), r.label.end(), '_', ' ');
    }

    if (wants_amount(r.type))
        r.amount = amount_near(ctx, s, trigger.empty() ? a.end_token : trigger.front());

    if (r.type == RelationType::AffiliatedWith) {
        const Mention& person = r.subject == a.entity ? a : b;
        for (std::uint32_t t = person.first_token;
             t-- > s.first_token && person.first_token - t <= 3;)
            if ((ctx[t].classes & kRoleWord) != 0) {
                r.role = ctx[t].lower;
                break;
            }
        if (r.role.empty() && path.found) {
            for (const auto& step : path.up)
                if ((ctx[step.token].classes & kRoleWord) != 0) r.role = ctx[step.token].lower;
            for (const auto& step : path.down)
                if (r.role.empty() && (ctx[step.token].classes & kRoleWord) != 0)
                    r.role = ctx[step.token].lower;
        }
    }

    for (std::uint32_t t = a.first_token; t < b.end_token; ++t) {
        if ((ctx[t].classes & kNegationWord) != 0) r.negated = true;
        if (doc.tokens[t].pos == ptb::MD && (ctx[t].classes & kModalWord) != 0 &&
            ctx[t].lower != "will")
            r.hypothetical = true;
    }
    for (std::uint32_t t = s.first_token; t < a.first_token; ++t)
        if (ctx[t].lower == "if" || ctx[t].lower == "unless") r.hypothetical = true;
}

}  // namespace kgforge::nlp::relations
