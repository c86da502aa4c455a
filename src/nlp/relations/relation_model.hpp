// The relation model: multinomial logistic regression over hashed candidate features,
// trained on the annotated articles (src/tools/train_relations.cpp). It gives a probability
// to every relation class of a candidate pair; classes at or above the threshold become
// relations. The weights are float32 in a table keyed by the 64-bit feature hash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace kgforge::nlp::relations {

class RelationModel {
  public:
    RelationModel() = default;  // empty: every candidate is "no relation"
    // rows: (feature key, one weight per class), keys unique.
    RelationModel(int classes, std::vector<std::pair<std::uint64_t, std::vector<float>>> rows,
                  float threshold, std::string description);

    // Throws kgforge::Error(ErrorKind::Model/Io) on a missing, corrupt or foreign file.
    static RelationModel load(const std::filesystem::path& path);
    // Binary, little-endian, rows sorted by key, XXH64 checksum: deterministic bytes.
    void save(const std::filesystem::path& path) const;

    bool empty() const { return rows_ == 0; }
    int classes() const { return classes_; }
    float threshold() const { return threshold_; }
    void set_threshold(float t) { threshold_ = t; }
    const std::string& description() const { return description_; }
    // The pattern rules whose relations are kept even where the model says "no relation"
    // ("*" = every rule): chosen by cross-validation, stored with the model.
    const std::vector<std::string>& override_rules() const { return override_rules_; }
    void set_override_rules(std::vector<std::string> rules) { override_rules_ = std::move(rules); }
    std::size_t feature_count() const { return rows_; }

    // Softmax probabilities; `out` holds classes() entries.
    void probabilities(std::span<const std::uint64_t> keys, float* out) const;
    // The features that favour class `c` over "no relation" the most: (index into keys,
    // weight difference), largest first, at most n.
    std::vector<std::pair<std::size_t, float>> top_contributions(
        std::span<const std::uint64_t> keys, int c, std::size_t n) const;

  private:
    const float* row(std::uint64_t key) const;
    int classes_ = 0;
    float threshold_ = 0.5f;
    std::string description_;
    std::vector<std::string> override_rules_;
    std::size_t rows_ = 0;
    std::vector<std::uint64_t> slots_;     // open addressing; 0 = empty
    std::vector<std::uint32_t> slot_row_;  // row index of each slot
    std::vector<float> weights_;           // rows_ x classes_
    std::uint64_t mask_ = 0;
};

// ---- training ----------------------------------------------------------------------------

struct RelationExample {
    std::vector<std::uint64_t> keys;
    std::vector<int> labels;  // the gold classes (one, or several when a pair has two types)
};

// The defaults are the shipped model's settings, chosen by cross-validation (docs/QUALITY.md):
// scripts/train-relations and scripts/cross-validate both train with them.
struct RelationTrainOptions {
    int epochs = 30;
    double learning_rate = 0.2;  // AdaGrad
    double l2 = 1e-3;            // per example and active weight
    int min_feature_count = 2;   // features seen in fewer examples are dropped
    double positive_weight = 1.0;
    float threshold = 0.5f;
    std::vector<std::string> override_rules = {"*"};  // rules whose relations the model keeps
    std::uint64_t seed = 20261204;
    std::string description;
};

RelationModel train_relation_model(const std::vector<RelationExample>& examples, int classes,
                                   const RelationTrainOptions& options);

}  // namespace kgforge::nlp::relations
