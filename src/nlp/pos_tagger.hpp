// Penn Treebank part-of-speech tagger: a greedy left-to-right averaged perceptron
// (Collins 2002; Honnibal's feature set) trained on UD English EWT (XPOS column).
// Token::pos holds a kgforge::nlp::ptb::Tag value: the ids are fixed in this header
// (independent of the model file), so other stages may compare against ptb::NNP etc.
#pragma once

#include <cstdint>
#include <filesystem>
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
    CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP,
    PRP_S,   // PRP$
    RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP,
    WP_S,    // WP$
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
    HYPH, NFP, ADD, AFX, GW, XX,
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
inline bool is_proper_noun(std::uint16_t t) { return t == ptb::NNP || t == ptb::NNPS; }
inline bool is_verb(std::uint16_t t) { return t >= ptb::VB && t <= ptb::VBZ; }  // not MD
inline bool is_adjective(std::uint16_t t) { return t >= ptb::JJ && t <= ptb::JJS; }
inline bool is_adverb(std::uint16_t t) { return t >= ptb::RB && t <= ptb::RBS; }
inline bool is_pronoun(std::uint16_t t) {
    return t == ptb::PRP || t == ptb::PRP_S || t == ptb::WP || t == ptb::WP_S;
}
inline bool is_punctuation(std::uint16_t t) {
    return (t >= ptb::Comma && t <= ptb::CloseQuote) || t == ptb::HYPH || t == ptb::NFP;
}

class PosTagger {
public:
    // Reads a model written by PosTaggerTrainer::save. Throws kgforge::Error
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

    struct Model;  // implementation detail (pos_tagger.cpp)

private:
    friend class PosTaggerTrainer;
    std::unique_ptr<Model> model_;
};

// ---- training (used by src/tools/train_tagger.cpp) ----------------------------------

// A gold sentence. Training and evaluation use the token offsets into `text` (the views in
// `tokens` are re-derived, so moving these structs around is safe).
struct TaggedSentence {
    std::string text;                 // e.g. the forms joined by single spaces
    std::vector<Token> tokens;        // begin/end into text
    std::vector<std::uint16_t> gold;  // ptb::Tag per token
};

struct TaggerTrainOptions {
    int epochs = 12;                 // maximum; the best epoch on dev is kept
    std::uint64_t seed = 20251013;   // shuffling seed (deterministic)
    float prune_threshold = 0.0f;    // drop averaged weights with |w| below this
    int tagdict_min_count = 20;      // words this frequent ...
    double tagdict_min_ratio = 0.97; // ... with one tag this dominant skip the perceptron
    int lexicon_min_count = 3;       // ambiguity-class lexicon: words seen this often ...
    double lexicon_min_percent = 5;  // ... list the tags with at least this share
};

class PosTaggerTrainer {
public:
    explicit PosTaggerTrainer(TaggerTrainOptions options = {});
    PosTaggerTrainer(const PosTaggerTrainer&) = delete;
    PosTaggerTrainer& operator=(const PosTaggerTrainer&) = delete;
    ~PosTaggerTrainer();

    // Call once with the training data before the epochs (builds the tag dictionary and
    // training-set statistics).
    void prepare(const std::vector<TaggedSentence>& train);
    // One pass of perceptron updates over `train` (the same vector given to prepare) in an
    // order shuffled with the seed and `epoch`; returns the training accuracy of the pass.
    double train_epoch(const std::vector<TaggedSentence>& train, int epoch);
    // The averaged (and pruned) model as of now.
    PosTagger snapshot() const;

    // Records free-form training settings stored in the model header.
    void set_description(std::string description);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Token accuracy of `tagger` on gold sentences (tags a copy).
double evaluate(const PosTagger& tagger, const std::vector<TaggedSentence>& gold);

}  // namespace kgforge::nlp
