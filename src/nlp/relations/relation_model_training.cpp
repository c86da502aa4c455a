// Training of the relation model: L2-regularised multinomial logistic regression by AdaGrad,
// examples in a fixed pseudo-random order, so the same examples give the same bytes.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "nlp/relations/relation_model.hpp"

namespace kgforge::nlp::relations {
namespace {

inline std::uint64_t splitmix(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t x = state;
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

RelationModel train_relation_model(const std::vector<RelationExample>& examples, int classes,
                                   const RelationTrainOptions& options) {
    const auto C = static_cast<std::size_t>(classes);
    // The feature dictionary: features of at least min_feature_count examples, by key.
    std::unordered_map<std::uint64_t, std::uint32_t> counts;
    for (const auto& e : examples) {
        std::vector<std::uint64_t> unique = e.keys;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        for (const auto k : unique) ++counts[k];
    }
    std::vector<std::uint64_t> keys;
    for (const auto& [k, n] : counts)
        if (static_cast<int>(n) >= options.min_feature_count) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    for (std::size_t i = 0; i < keys.size(); ++i)
        index.emplace(keys[i], static_cast<std::uint32_t>(i));
    std::vector<std::vector<std::uint32_t>> features(examples.size());
    for (std::size_t i = 0; i < examples.size(); ++i) {
        for (const auto k : examples[i].keys)
            if (const auto it = index.find(k); it != index.end()) features[i].push_back(it->second);
        std::sort(features[i].begin(), features[i].end());
        features[i].erase(std::unique(features[i].begin(), features[i].end()), features[i].end());
    }

    std::vector<double> w(keys.size() * C, 0.0), g2(keys.size() * C, 0.0);
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = options.seed;
    std::vector<double> p(C), target(C);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[splitmix(rng) % i]);
        for (const std::size_t idx : order) {
            const auto& f = features[idx];
            const auto& labels = examples[idx].labels;
            if (labels.empty()) continue;
            std::fill(p.begin(), p.end(), 0.0);
            for (const auto j : f)
                for (std::size_t c = 0; c < C; ++c) p[c] += w[std::size_t{j} * C + c];
            const double top = *std::max_element(p.begin(), p.end());
            double sum = 0;
            for (auto& v : p) {
                v = std::exp(v - top);
                sum += v;
            }
            std::fill(target.begin(), target.end(), 0.0);
            for (const int l : labels)
                target[static_cast<std::size_t>(l)] += 1.0 / static_cast<double>(labels.size());
            const bool positive = labels.size() > 1 || labels[0] != 0;
            const double weight = positive ? options.positive_weight : 1.0;
            for (const auto j : f) {
                for (std::size_t c = 0; c < C; ++c) {
                    const std::size_t k = std::size_t{j} * C + c;
                    const double grad = weight * (p[c] / sum - target[c]) + options.l2 * w[k];
                    g2[k] += grad * grad;
                    w[k] -= options.learning_rate * grad / std::sqrt(g2[k] + 1e-8);
                }
            }
        }
    }
    std::vector<std::pair<std::uint64_t, std::vector<float>>> rows;
    rows.reserve(keys.size());
    for (std::size_t j = 0; j < keys.size(); ++j) {
        std::vector<float> r(C);
        bool any = false;
        for (std::size_t c = 0; c < C; ++c) {
            r[c] = static_cast<float>(w[j * C + c]);
            any = any || r[c] != 0.0f;
        }
        if (any) rows.emplace_back(keys[j], std::move(r));
    }
    RelationModel model(classes, std::move(rows), options.threshold, options.description);
    model.set_override_rules(options.override_rules);
    return model;
}

}  // namespace kgforge::nlp::relations
