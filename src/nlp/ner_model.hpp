// The statistical part of NER: features over tokens and an averaged-perceptron BILOU tagger
// with greedy left-to-right decoding (transitions constrained to valid BILOU sequences).
// Shared by the runtime (EntityRecognizer) and the trainer (kgforge-train-ner), so training
// and tagging use one feature function. Internal to the NER stage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/gazetteer.hpp"

namespace kgforge::nlp {

// Entity classes of the tagger (CoNLL-2003).
inline constexpr std::string_view kNerClasses[] = {"PER", "ORG", "LOC", "MISC"};
inline constexpr int kNerClassCount = 4;
// Label id: 0 = O; 1 + 4*class + {0:B,1:I,2:L,3:U}.
inline constexpr int kNerLabelCount = 1 + 4 * kNerClassCount;
std::string ner_label_name(int label);  // "O", "B-PER", "U-LOC", ...

struct NerTrainingSettings {
    std::uint32_t iterations = 10;
    std::uint32_t min_feature_count = 2;  // features seen fewer times in training are dropped
    float prune_threshold = 1.0f;         // drop features whose max |avg weight| is <= this
    std::uint32_t seed = 1;
};

// One training or evaluation sentence: tokens (views into `text`) and gold labels.
struct NerSentence {
    std::vector<Token> tokens;
    std::vector<std::uint8_t> labels;  // kNerLabelCount ids
    bool document_start = false;
};

// Features of every token of one sentence: a flat list with offsets (token i owns
// hashes[offsets[i] .. offsets[i+1])). The features in [offsets[i], context_begin[i]) depend
// only on the token text and the sentence's all-caps flag (word_key[i] identifies them), so
// the tagger caches their summed weights per word.
struct NerFeatures {
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> context_begin;
    std::vector<std::uint64_t> lower_hash;  // lower-cased word (history features)
    std::vector<std::uint64_t> shape_hash;  // word shape (history features)
    std::vector<std::uint64_t> word_key;    // cache key of the word features
};
// skip_word: when given, tokens with (*skip_word)[i] != 0 get no word features (cache hits).
// matches: the gazetteer's find_all(tokens) when the caller has it already.
void extract_ner_features(std::span<const Token> tokens, const Gazetteer& gazetteer,
                          NerFeatures& out, const std::vector<char>* skip_word = nullptr,
                          const std::vector<GazetteerMatch>* matches = nullptr);
// Cache key of a token's word features; whether a sentence counts as all-caps (headline).
std::uint64_t ner_word_key(std::string_view text, bool all_caps_sentence);
bool ner_all_caps_sentence(std::span<const Token> tokens);

class NerModel {
  public:
    static NerModel load(const std::filesystem::path& file);  // throws Error(Model)
    void save(const std::filesystem::path& file) const;       // throws Error(Io)

    // Trains on `sentences` (deterministic for a given settings.seed); `progress` receives one
    // line per epoch (may be empty).
    static NerModel train(std::span<const NerSentence> sentences, const Gazetteer& gazetteer,
                          const NerTrainingSettings& settings,
                          const std::function<void(const std::string&)>& progress);

    // Greedy constrained decoding: one label id per token.
    std::vector<std::uint8_t> predict(std::span<const Token> tokens,
                                      const Gazetteer& gazetteer) const;
    std::vector<std::uint8_t> predict(std::span<const Token> tokens, const Gazetteer& gazetteer,
                                      const std::vector<GazetteerMatch>* matches) const;
    std::size_t feature_count() const;

    struct Impl;

  private:
    std::shared_ptr<const Impl> impl_;
};

// BILOU labels -> spans (first, end, class index), repairing invalid sequences.
struct LabelSpan {
    std::uint32_t first = 0;
    std::uint32_t end = 0;
    int cls = 0;
};
std::vector<LabelSpan> ner_labels_to_spans(std::span<const std::uint8_t> labels);

}  // namespace kgforge::nlp
