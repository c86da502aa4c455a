// Penn Treebank part-of-speech tagger: a greedy left-to-right averaged perceptron
// (Collins 2002; Honnibal's feature set plus ambiguity classes, spacing and sentence-case
// features) trained on UD English EWT (XPOS column), with an optional stacked second pass
// that also sees the first pass's tags to the right.
// Token::pos holds a kgforge::nlp::ptb::Tag value: the ids are fixed in this header
// (independent of the model file), so other stages may compare against ptb::NNP etc.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

namespace ptb {
// None (0) = not tagged yet (the default of Token::pos).
enum Tag : std::uint16_t {
    None = 0,
    CC,
    CD,
    DT,
    EX,
    FW,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NN,
    NNS,
    NNP,
    NNPS,
    PDT,
    POS,
    PRP,
    PRP_S,  // PRP$
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WP_S,  // WP$
    WRB,
    Dollar,      // $
    Pound,       // #
    Comma,       // ,
    Period,      // .  (also ! ?)
    Colon,       // :  (also ; - -- ...)
    LRB,         // -LRB-
    RRB,         // -RRB-
    OpenQuote,   // ``
    CloseQuote,  // ''
    HYPH,
    NFP,
    ADD,
    AFX,
    GW,
    XX,
    Count
};
}  // namespace ptb

inline constexpr std::uint16_t kTagCount = ptb::Count;

// "NNP", "PRP$", "-LRB-", "``", ...; "" for None and out-of-range ids.
std::string_view ptb_tag_name(std::uint16_t tag);
// Inverse of ptb_tag_name; nullopt for unknown names.
std::optional<std::uint16_t> ptb_tag_id(std::string_view name);

inline bool is_noun(std::uint16_t t) {
    return t == ptb::NN || t == ptb::NNS || t == ptb::NNP || t == ptb::NNPS;
}
inline bool is_proper_noun(std::uint16_t t) {
    return t == ptb::NNP || t == ptb::NNPS;
}
inline bool is_verb(std::uint16_t t) {
    return t >= ptb::VB && t <= ptb::VBZ;
}  // not MD
inline bool is_adjective(std::uint16_t t) {
    return t >= ptb::JJ && t <= ptb::JJS;
}
inline bool is_adverb(std::uint16_t t) {
    return t >= ptb::RB && t <= ptb::RBS;
}
inline bool is_pronoun(std::uint16_t t) {
    return t == ptb::PRP || t == ptb::PRP_S || t == ptb::WP || t == ptb::WP_S;
}
inline bool is_punctuation(std::uint16_t t) {
    return (t >= ptb::Comma && t <= ptb::CloseQuote) || t == ptb::HYPH || t == ptb::NFP;
}

class PosTagger {
  public:
    // Reads a model written by PosTagger::save. Throws kgforge::Error
    // (ErrorKind::Model or Io) on a missing, truncated or incompatible file.
    static PosTagger load(const std::filesystem::path& path);

    PosTagger();  // an empty model: tags nothing (every token gets ptb::None)
    PosTagger(PosTagger&&) noexcept;
    PosTagger& operator=(PosTagger&&) noexcept;
    ~PosTagger();

    // Sets Token::pos of every token, sentence by sentence (doc.sentences); when there are
    // no sentences the whole token list is tagged as one sequence. const and thread-safe.
    void tag(AnnotatedDocument& doc) const;
    // Tags one sentence.
    void tag(std::span<Token> sentence) const;

    // Same as ptb_tag_name / ptb_tag_id (kept as members for convenience).
    std::string_view tag_name(std::uint16_t tag) const { return ptb_tag_name(tag); }
    std::uint16_t tag_id(std::string_view name) const {  // ptb::None when unknown
        return ptb_tag_id(name).value_or(ptb::None);
    }

    // Writes the model: binary, little-endian; magic "KGFPOSTG", format version, feature-set
    // version, tag set, training settings, tag dictionary, feature weights, XXH64 checksum.
    // Deterministic bytes for a given model.
    void save(const std::filesystem::path& path) const;

    bool empty() const;
    // Training settings recorded in the model header ("key=value" lines).
    const std::string& description() const;
    std::size_t feature_count() const;  // over all stages
    std::size_t weight_count() const;

    struct Model;  // implementation detail (pos_tagger.cpp)
    explicit PosTagger(std::unique_ptr<Model> model);

  private:
    std::unique_ptr<Model> model_;
};

// ---- training (used by src/tools/train_tagger.cpp) ----------------------------------

// A gold sentence. Training and evaluation use the token offsets into `text` (the views in
// `tokens` are re-derived, so moving these structs around is safe).
struct TaggedSentence {
    std::string text;                 // the forms, with the original spacing
    std::vector<Token> tokens;        // begin/end into text, space_before
    std::vector<std::uint16_t> gold;  // ptb::Tag per token
};

struct TaggerTrainOptions {
    int epochs = 12;                  // maximum per stage; the best epoch on dev is kept
    bool stacked = false;             // second pass that also sees first-pass tags to the right
                                      // (+0.05 accuracy, but twice the size and time)
    int folds = 4;                    // jackknifing of the first pass for the second's training
    std::uint64_t seed = 20251013;    // shuffling seed (training is deterministic)
    float prune_threshold = 0.0f;     // drop averaged weights with |w| <= this
    int tagdict_min_count = 20;       // words this frequent ...
    double tagdict_min_ratio = 0.97;  // ... with one tag this dominant skip the perceptron
    int lexicon_min_count = 3;        // ambiguity-class lexicon: words seen this often ...
    double lexicon_min_percent = 5;   // ... list the tags with at least this share
    std::string description;          // free-form settings stored in the model header
};

struct TrainProgress {
    std::string_view phase;  // "stage 1", "fold 2/4", "stage 2"
    int epoch = 0;
    double train_accuracy = 0;  // during the pass
    double dev_accuracy = -1;   // of the averaged model after the epoch; -1 if not measured
    double seconds = 0;
};

struct TrainResult {
    PosTagger tagger;
    int stage1_epochs = 0;
    int stage2_epochs = 0;  // 0 when not stacked
    double stage1_dev_accuracy = 0;
    double dev_accuracy = 0;
};

// Trains on `train`, choosing the number of epochs of each stage on `dev` (when `dev` is
// empty, every stage runs exactly options.epochs epochs). Deterministic.
// `progress` (optional) is called after every epoch; the library itself never prints.
TrainResult train_pos_tagger(const std::vector<TaggedSentence>& train,
                             const std::vector<TaggedSentence>& dev,
                             const TaggerTrainOptions& options,
                             const std::function<void(const TrainProgress&)>& progress = {});

// Token accuracy of `tagger` on gold sentences (tags a copy).
double evaluate(const PosTagger& tagger, const std::vector<TaggedSentence>& gold);

}  // namespace kgforge::nlp
