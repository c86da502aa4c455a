// RelationExtractor runs the relation rules of nlp/rules/ over one document at a time.
#include "nlp/relation_extractor.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/rules/rule_run.hpp"

namespace kgforge::nlp {

RelationExtractor::RelationExtractor(std::shared_ptr<const Lexicon> lexicon,
                                     const Gazetteer* gazetteer, RelationLimits limits)
    : lexicon_(std::move(lexicon)), gazetteer_(gazetteer), limits_(limits) {
    if (!lexicon_) lexicon_ = std::make_shared<Lexicon>();
}

std::vector<RelationMention> RelationExtractor::extract(const AnnotatedDocument& doc) const {
    if (doc.entities.empty() || doc.tokens.empty()) return {};
    AnnotatedDocument const* d = &doc;
    // No sentences: treat everything as one sentence (bounded by the caps).
    AnnotatedDocument copy;
    if (doc.sentences.empty()) {
        copy.text = doc.text;
        copy.tokens = doc.tokens;
        copy.mentions = doc.mentions;
        copy.entities = doc.entities;
        for (auto& t : copy.tokens)
            t.text = std::string_view(copy.text).substr(t.begin, t.end - t.begin);
        Sentence s;
        s.first_token = 0;
        s.end_token = static_cast<std::uint32_t>(copy.tokens.size());
        s.begin = copy.tokens.front().begin;
        s.end = copy.tokens.back().end;
        copy.sentences.push_back(s);
        d = &copy;
    }
    rules::RuleRun run(*d, *lexicon_, gazetteer_, limits_);
    return run.run();
}

}  // namespace kgforge::nlp
