#include "nlp/relations/relation_classifier.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "nlp/analyzer.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_util.hpp"
#include "nlp/relations/embedded_names.hpp"
#include "nlp/relations/implied_affiliation.hpp"
#include "nlp/relations/relation_classes.hpp"
#include "nlp/relations/relation_details.hpp"
#include "nlp/relations/token_context.hpp"

namespace kgforge::nlp::relations {
namespace {

std::vector<RuleHint> hints_of(const std::vector<RelationMention>& rule_relations) {
    std::vector<RuleHint> hints;
    hints.reserve(rule_relations.size());
    for (const auto& r : rule_relations)
        hints.push_back({r.sentence, r.subject, r.object, r.type, r.rule});
    return hints;
}

using RelationKey = std::tuple<int, int, int>;  // subject, type, object

RelationKey key_of(int subject, RelationType type, int object) {
    if (is_symmetric(type) && object < subject) std::swap(subject, object);
    return {subject, static_cast<int>(type), object};
}

std::string format_weight(float w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f", static_cast<double>(w));
    return buf;
}

}  // namespace

std::set<std::string> default_override_rules() {
    return {};
}

RelationClassifier::RelationClassifier(std::shared_ptr<const Lexicon> lexicon,
                                       const Lemmatizer* lemmatizer, const Gazetteer* gazetteer,
                                       std::shared_ptr<const RelationModel> model,
                                       ClassifierOptions options)
    : lexicon_(lexicon),
      lemmatizer_(lemmatizer),
      rules_(std::move(lexicon), gazetteer),
      gazetteer_(gazetteer),
      model_(std::move(model)),
      options_(std::move(options)) {}

namespace {

struct Featurized {
    std::vector<ScoredCandidate> candidates;
    std::unique_ptr<TokenContext> context;
};

Featurized featurize_with(const AnnotatedDocument& doc, const Lexicon& lexicon,
                          const Lemmatizer& lemmatizer, const CandidateLimits& limits,
                          const std::vector<RelationMention>& rule_relations, bool keep_names) {
    Featurized out;
    const auto candidates = relation_candidates(doc, limits);
    std::vector<bool> wanted(doc.sentences.size(), false);
    for (const auto& c : candidates) wanted[c.sentence] = true;
    out.context = std::make_unique<TokenContext>(doc, lexicon, lemmatizer, wanted);
    const auto hints = hints_of(rule_relations);
    FeatureSink sink(keep_names);
    out.candidates.reserve(candidates.size());
    for (const auto& c : candidates) {
        ScoredCandidate s;
        s.candidate = c;
        s.path = relation_features(*out.context, c, hints, sink);
        s.features = sink.keys;
        if (keep_names) s.feature_names = sink.names;
        out.candidates.push_back(std::move(s));
    }
    return out;
}

}  // namespace

std::vector<ScoredCandidate> RelationClassifier::featurize(const AnnotatedDocument& doc,
                                                           bool keep_names) const {
    static const Lemmatizer rules_only;
    const auto rule_relations = rules_.extract(doc);
    return featurize_with(doc, *lexicon_, lemmatizer_ ? *lemmatizer_ : rules_only, options_.limits,
                          rule_relations, keep_names)
        .candidates;
}

std::vector<RelationMention> RelationClassifier::extract(const AnnotatedDocument& doc) const {
    if (doc.entities.size() < 2) return {};
    static const Lemmatizer rules_only;
    const auto rule_relations = rules_.extract(doc);
    const auto featurized = featurize_with(doc, *lexicon_, lemmatizer_ ? *lemmatizer_ : rules_only,
                                           options_.limits, rule_relations, options_.explain);
    const TokenContext& ctx = *featurized.context;

    std::map<RelationKey, const RelationMention*> by_rule;
    for (const auto& r : rule_relations) by_rule.emplace(key_of(r.subject, r.type, r.object), &r);

    std::map<RelationKey, RelationMention> best;
    auto offer = [&](RelationMention r) {
        const auto key = key_of(r.subject, r.type, r.object);
        auto it = best.find(key);
        if (it == best.end() || r.confidence > it->second.confidence ||
            (r.confidence == it->second.confidence && r.sentence < it->second.sentence))
            best[key] = std::move(r);
    };

    const int classes = model_ && !model_->empty() ? model_->classes() : 0;
    std::vector<float> p(static_cast<std::size_t>(std::max(classes, 1)));
    for (const ScoredCandidate& s : featurized.candidates) {
        if (classes == 0) break;
        model_->probabilities(s.features, p.data());
        for (int c = 1; c < classes; ++c) {
            if (p[static_cast<std::size_t>(c)] < model_->threshold()) continue;
            const RelationClass& cls = relation_class(c);
            const Mention& a = doc.mentions[s.candidate.first];
            const Mention& b = doc.mentions[s.candidate.second];
            RelationMention r;
            r.subject = cls.reversed ? b.entity : a.entity;
            r.object = cls.reversed ? a.entity : b.entity;
            r.type = cls.type;
            r.sentence = s.candidate.sentence;
            r.confidence = p[static_cast<std::size_t>(c)];
            describe(ctx, s.candidate, s.path, r);
            r.rule = "model";
            if (options_.explain) {
                std::string why =
                    "model p=" + format_weight(p[static_cast<std::size_t>(c)]).substr(1);
                why += "; path: " + describe_path(ctx, s.candidate, s.path) + "; features:";
                for (const auto& [i, w] : model_->top_contributions(s.features, c, 5))
                    why += " " + s.feature_names[i] + " " + format_weight(w) + ",";
                if (why.back() == ',') why.pop_back();
                r.rule = std::move(why);
            }
            offer(std::move(r));
        }
    }
    const auto& model_overrides = model_ ? model_->override_rules() : std::vector<std::string>{};
    const bool all_rules =
        std::find(model_overrides.begin(), model_overrides.end(), "*") != model_overrides.end();
    for (const auto& r : rule_relations) {
        if (!all_rules && options_.override_rules.count(r.rule) == 0 &&
            std::find(model_overrides.begin(), model_overrides.end(), r.rule) ==
                model_overrides.end())
            continue;
        RelationMention kept = r;
        if (options_.explain) kept.rule = "rule " + r.rule + " (kept over the model)";
        offer(std::move(kept));
    }
    // Offices that imply a country the sentence does not name, for people with no country
    // affiliation found otherwise.
    for (auto& r : implied_affiliations(doc, gazetteer_)) {
        bool has_country = false;
        for (const auto& [key, found] : best)
            has_country =
                has_country ||
                (found.type == RelationType::AffiliatedWith && found.subject == r.subject &&
                 doc.entities[static_cast<std::size_t>(found.object)].type == EntityType::Country);
        if (has_country) continue;
        if (options_.explain)
            r.rule = "rule implied-country (a national office, no country in the sentence)";
        offer(std::move(r));
    }
    for (auto& r : embedded_name_relations(doc, gazetteer_)) {
        if (options_.explain) r.rule = "rule embedded-name (" + r.label + " inside the name)";
        offer(std::move(r));
    }
    // The rules' surface details (label, amount, role) when a rule found the same relation.
    std::vector<RelationMention> out;
    out.reserve(best.size());
    for (auto& [key, r] : best) {
        if (const auto it = by_rule.find(key); it != by_rule.end()) {
            const RelationMention& rule = *it->second;
            if (!rule.label.empty()) r.label = rule.label;
            if (!rule.amount.empty()) r.amount = rule.amount;
            if (!rule.role.empty()) r.role = rule.role;
            r.negated = r.negated || rule.negated;
            r.hypothetical = r.hypothetical || rule.hypothetical;
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace kgforge::nlp::relations
