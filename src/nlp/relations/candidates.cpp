#include "nlp/relations/candidates.hpp"

#include <algorithm>

namespace kgforge::nlp::relations {

std::vector<RelationCandidate> relation_candidates(const AnnotatedDocument& doc,
                                                   const CandidateLimits& limits) {
    std::vector<RelationCandidate> out;
    std::vector<std::uint32_t> in_sentence;
    std::vector<RelationCandidate> pairs;
    std::size_t m = 0;
    for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
        const Sentence& sentence = doc.sentences[s];
        in_sentence.clear();
        while (m < doc.mentions.size() && doc.mentions[m].first_token < sentence.end_token) {
            const Mention& mention = doc.mentions[m];
            if (mention.entity >= 0 && mention.first_token >= sentence.first_token &&
                mention.end_token <= sentence.end_token)
                in_sentence.push_back(static_cast<std::uint32_t>(m));
            ++m;
        }
        pairs.clear();
        if (!sentence.readable) continue;
        for (std::size_t i = 0; i < in_sentence.size(); ++i)
            for (std::size_t j = i + 1; j < in_sentence.size(); ++j)
                if (doc.mentions[in_sentence[i]].entity != doc.mentions[in_sentence[j]].entity)
                    pairs.push_back({s, in_sentence[i], in_sentence[j]});
        if (pairs.size() > limits.max_pairs_per_sentence) {
            // the closest pairs, then back in text order
            auto gap = [&](const RelationCandidate& c) {
                return doc.mentions[c.second].first_token - doc.mentions[c.first].end_token;
            };
            std::stable_sort(pairs.begin(), pairs.end(),
                             [&](const auto& a, const auto& b) { return gap(a) < gap(b); });
            pairs.resize(limits.max_pairs_per_sentence);
            std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
                return a.first != b.first ? a.first < b.first : a.second < b.second;
            });
        }
        out.insert(out.end(), pairs.begin(), pairs.end());
    }
    return out;
}

}  // namespace kgforge::nlp::relations
