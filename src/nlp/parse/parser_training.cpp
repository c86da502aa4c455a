// Training of the dependency parser: greedy arc-eager with a dynamic oracle and error
// exploration (Goldberg & Nivre 2012); one averaged perceptron for moves, one for labels.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "nlp/dependency_parser.hpp"
#include "nlp/parse/arc_eager.hpp"
#include "nlp/parse/averaged_perceptron.hpp"
#include "nlp/parse/parser_features.hpp"
#include "nlp/parse/parser_model.hpp"
#include "nlp/pos_tagger.hpp"

namespace kgforge::nlp {
namespace {

using parse::ArcEagerState;
using parse::kMoveCount;
using parse::Move;
using parse::SentenceAtoms;

inline std::uint64_t splitmix(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t x = state;
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

struct Prepared {
    SentenceAtoms atoms;
    std::vector<int> gold_heads;  // n for the root
    const std::vector<std::uint8_t>* gold_labels = nullptr;
};

std::vector<Prepared> prepare(const std::vector<ParsedSentence>& data) {
    std::vector<Prepared> out(data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        const ParsedSentence& s = data[i];
        out[i].atoms.assign(s.tokens, s.text);
        const int n = static_cast<int>(s.tokens.size());
        out[i].gold_heads.resize(s.tokens.size());
        for (int t = 0; t < n; ++t) {
            const int h = s.heads[static_cast<std::size_t>(t)];
            out[i].gold_heads[static_cast<std::size_t>(t)] = h < 0 || h >= n ? n : h;
        }
        out[i].gold_labels = &s.deprels;
    }
    return out;
}

// Quantizes averaged weights to int16 with one scale per table (the relative order of the
// scores is what matters, so the scale is not stored).
template <std::size_t N>
float quantization_scale(const std::vector<std::pair<std::uint32_t, std::array<float, N>>>& avg) {
    float max_abs = 0.0f;
    for (const auto& [key, w] : avg)
        for (const float v : w) max_abs = std::max(max_abs, std::fabs(v));
    return max_abs > 0.0f ? 32767.0f / max_abs : 1.0f;
}

inline std::int16_t quantize(float v, float scale) {
    return static_cast<std::int16_t>(std::clamp<long>(std::lround(v * scale), -32767, 32767));
}

class Trainer {
  public:
    explicit Trainer(const ParserTrainOptions& options) : options_(options) {}

    // One pass; returns the share of tokens whose final head was right.
    double epoch(const std::vector<Prepared>& data, const std::vector<std::size_t>& order,
                 int epoch_number, std::uint64_t& rng) {
        std::uint32_t keys[parse::kMaxMoveFeatures];
        std::uint32_t label_keys[parse::kMaxLabelFeatures];
        std::size_t correct = 0, total = 0;
        for (const std::size_t idx : order) {
            const Prepared& s = data[idx];
            const int n = s.atoms.size();
            ArcEagerState state(n);
            while (!state.terminal()) {
                const int k = parse::move_features(state, s.atoms, keys);
                double scores[kMoveCount] = {};
                moves_.add(keys, k, scores);
                int costs[kMoveCount];
                int min_cost = std::numeric_limits<int>::max();
                for (int m = 0; m < kMoveCount; ++m) {
                    const auto move = static_cast<Move>(m);
                    costs[m] = state.legal(move) ? state.cost(move, s.gold_heads)
                                                 : std::numeric_limits<int>::max();
                    min_cost = std::min(min_cost, costs[m]);
                }
                const Move predicted = best(state, scores, nullptr, 0);
                const Move good = best(state, scores, costs, min_cost);
                moves_.update(keys, k, good, costs[predicted] > min_cost ? predicted : good);
                const bool explore =
                    epoch_number > 1 &&
                    static_cast<double>(splitmix(rng) >> 11) * 0x1.0p-53 < options_.explore;
                const Move next = explore ? predicted : good;
                std::uint8_t label = 0;
                if (next == parse::Left || next == parse::Right) {
                    const int head = state.head_of(next);
                    const int dependent = state.dependent_of(next);
                    if (head == state.root()) {
                        label = ud::root;
                    } else {
                        const int lk =
                            parse::label_features(state, s.atoms, head, dependent, label_keys);
                        double label_scores[kDeprelCount] = {};
                        labels_.add(label_keys, lk, label_scores);
                        label = best_label(label_scores);
                        const std::uint8_t gold_label =
                            (*s.gold_labels)[static_cast<std::size_t>(dependent)];
                        if (s.gold_heads[static_cast<std::size_t>(dependent)] == head &&
                            gold_label != 0 && gold_label != ud::root)
                            labels_.update(label_keys, lk, gold_label, label);
                    }
                }
                state.apply(next, label);
            }
            for (int t = 0; t < n; ++t)
                correct += state.head(t) == s.gold_heads[static_cast<std::size_t>(t)];
            total += static_cast<std::size_t>(n);
        }
        return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total);
    }

    DependencyParser snapshot() const {
        auto model = std::make_unique<DependencyParser::Model>();
        model->description = options_.description;
        const auto move_avg = moves_.averaged();
        const float move_scale = quantization_scale(move_avg);
        std::vector<parse::MoveWeights::Entry> move_entries;
        move_entries.reserve(move_avg.size());
        for (const auto& [key, w] : move_avg) {
            parse::MoveWeights::Entry e;
            e.key = key;
            bool any = false;
            for (int m = 0; m < kMoveCount; ++m) {
                const float v = w[static_cast<std::size_t>(m)];
                if (std::fabs(v) <= options_.prune_threshold) continue;
                e.w[static_cast<std::size_t>(m)] = quantize(v, move_scale);
                any = any || e.w[static_cast<std::size_t>(m)] != 0;
            }
            if (any) move_entries.push_back(e);
        }
        const auto label_avg = labels_.averaged();
        const float label_scale = quantization_scale(label_avg);
        std::vector<parse::LabelWeights::Entry> label_entries;
        for (const auto& [key, w] : label_avg) {
            parse::LabelWeights::Entry e;
            e.key = key;
            for (std::uint8_t d = 1; d < kDeprelCount; ++d) {
                if (std::fabs(w[d]) <= options_.prune_threshold) continue;
                const std::int16_t q = quantize(w[d], label_scale);
                if (q != 0) e.w.emplace_back(d, q);
            }
            if (!e.w.empty()) label_entries.push_back(std::move(e));
        }
        model->moves.build(move_entries);
        model->labels.build(label_entries);
        return DependencyParser(std::move(model));
    }

  private:
    // The best legal move by score; with costs, only among the moves of the least cost.
    static Move best(const ArcEagerState& state, const double* scores, const int* costs,
                     int min_cost) {
        Move choice = parse::Shift;
        double top = -std::numeric_limits<double>::infinity();
        for (int m = 0; m < kMoveCount; ++m) {
            const auto move = static_cast<Move>(m);
            if (!state.legal(move)) continue;
            if (costs && costs[m] != min_cost) continue;
            if (scores[m] > top) {
                top = scores[m];
                choice = move;
            }
        }
        return choice;
    }
    static std::uint8_t best_label(const double* scores) {
        std::uint8_t choice = ud::dep;
        double top = -std::numeric_limits<double>::infinity();
        for (std::uint8_t d = 1; d < kDeprelCount; ++d) {
            if (d == ud::root) continue;
            if (scores[d] > top) {
                top = scores[d];
                choice = d;
            }
        }
        return choice;
    }

    ParserTrainOptions options_;
    parse::AveragedPerceptron<kMoveCount> moves_;
    parse::AveragedPerceptron<kDeprelCount> labels_;
};

std::vector<std::size_t> shuffled(std::size_t n, std::uint64_t& rng) {
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
    return order;
}

}  // namespace

ParserTrainResult train_dependency_parser(
    const std::vector<ParsedSentence>& train, const std::vector<ParsedSentence>& dev,
    const ParserTrainOptions& options,
    const std::function<void(const ParserTrainProgress&)>& progress) {
    const auto data = prepare(train);
    Trainer trainer(options);
    std::uint64_t rng = options.seed;
    ParserTrainResult result;
    double best_las = -1;
    for (int e = 1; e <= options.epochs; ++e) {
        const auto t0 = std::chrono::steady_clock::now();
        ParserTrainProgress p;
        p.epoch = e;
        p.train_uas = trainer.epoch(data, shuffled(data.size(), rng), e, rng);
        DependencyParser parser = trainer.snapshot();
        if (!dev.empty()) {
            const ParserScores scores = evaluate(parser, dev);
            p.dev_uas = scores.uas;
            p.dev_las = scores.las;
            if (scores.las > best_las) {
                best_las = scores.las;
                result.parser = std::move(parser);
                result.epochs = e;
                result.dev = scores;
            }
        } else if (e == options.epochs) {
            result.parser = std::move(parser);
            result.epochs = e;
        }
        p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (progress) progress(p);
    }
    return result;
}

ParserScores evaluate(const DependencyParser& parser, const std::vector<ParsedSentence>& gold) {
    ParserScores out;
    std::size_t heads = 0, labelled = 0, universal = 0, no_punct = 0, no_punct_total = 0;
    for (const ParsedSentence& s : gold) {
        std::vector<Token> tokens = s.tokens;
        for (Token& t : tokens)
            t.text = t.begin <= t.end && t.end <= s.text.size()
                         ? std::string_view(s.text).substr(t.begin, t.end - t.begin)
                         : std::string_view();
        parser.parse(tokens, 0);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const bool head_ok = tokens[i].head == s.heads[i];
            heads += head_ok;
            labelled += head_ok && tokens[i].deprel == s.deprels[i];
            universal +=
                head_ok && universal_deprel(tokens[i].deprel) == universal_deprel(s.deprels[i]);
            if (s.deprels[i] != ud::punct) {
                ++no_punct_total;
                no_punct += head_ok;
            }
        }
        out.tokens += tokens.size();
    }
    if (out.tokens > 0) {
        const auto n = static_cast<double>(out.tokens);
        out.uas = static_cast<double>(heads) / n;
        out.las = static_cast<double>(labelled) / n;
        out.las_universal = static_cast<double>(universal) / n;
    }
    if (no_punct_total > 0)
        out.uas_no_punct = static_cast<double>(no_punct) / static_cast<double>(no_punct_total);
    return out;
}

}  // namespace kgforge::nlp
