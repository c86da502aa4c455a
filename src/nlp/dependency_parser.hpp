// Dependency parser: greedy transition-based (arc-eager, the root token at the end of the
// buffer as in Ballesteros & Nivre 2013), trained with a dynamic oracle (Goldberg & Nivre
// 2012) as an averaged perceptron over Zhang & Nivre (2011) style features, on UD English
// EWT with the project's own POS tags. Labels (UD relations, with subtypes) are chosen by a
// second perceptron when an arc is made, so later decisions can see them.
// Token::head / Token::deprel hold the result; the relation ids are fixed in this header.
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

namespace ud {
// None (0) = not parsed. Subtypes are their own labels ("nmod:poss" is nmod_poss).
enum Deprel : std::uint8_t {
    None = 0,
    acl,
    acl_relcl,
    advcl,
    advcl_relcl,
    advmod,
    amod,
    appos,
    aux,
    aux_pass,
    case_,
    cc,
    cc_preconj,
    ccomp,
    compound,
    compound_prt,
    conj,
    cop,
    csubj,
    csubj_outer,
    csubj_pass,
    dep,
    det,
    det_predet,
    discourse,
    dislocated,
    expl,
    fixed,
    flat,
    goeswith,
    iobj,
    list,
    mark,
    nmod,
    nmod_desc,
    nmod_poss,
    nmod_unmarked,
    nsubj,
    nsubj_outer,
    nsubj_pass,
    nummod,
    obj,
    obl,
    obl_agent,
    obl_unmarked,
    orphan,
    parataxis,
    punct,
    reparandum,
    root,
    vocative,
    xcomp,
    Count
};
}  // namespace ud

inline constexpr std::uint8_t kDeprelCount = ud::Count;

// "nmod:poss", "root", ...; "" for None and out-of-range ids.
std::string_view deprel_name(std::uint8_t deprel);
std::optional<std::uint8_t> deprel_id(std::string_view name);
// The universal relation without its subtype ("nmod:poss" -> "nmod").
std::uint8_t universal_deprel(std::uint8_t deprel);

class DependencyParser {
  public:
    // Reads a model written by save(). Throws kgforge::Error (Model or Io).
    static DependencyParser load(const std::filesystem::path& path);

    DependencyParser();  // an empty model: parse() leaves tokens unparsed
    DependencyParser(DependencyParser&&) noexcept;
    DependencyParser& operator=(DependencyParser&&) noexcept;
    ~DependencyParser();

    // Parses one sentence of POS-tagged tokens: sets Token::head to `first_index` plus the
    // index of the head within the span (-1 for the root) and Token::deprel. const and
    // thread-safe.
    void parse(std::span<Token> sentence, std::uint32_t first_index = 0) const;
    // Parses the sentences of `doc` for which `wanted(sentence index)` is true (all when
    // `wanted` is empty); token heads are document token indices.
    void parse(AnnotatedDocument& doc, const std::function<bool(std::size_t)>& wanted = {}) const;

    // Binary, little-endian, deterministic bytes: magic "KGFDEPRS", versions, label set,
    // description, move and label weights sorted by key, XXH64 checksum.
    void save(const std::filesystem::path& path) const;

    bool empty() const;
    const std::string& description() const;
    std::size_t feature_count() const;

    struct Model;
    explicit DependencyParser(std::unique_ptr<Model> model);

  private:
    std::unique_ptr<Model> model_;
};

// ---- training (src/tools/train_parser.cpp) -------------------------------------------------

// A gold-parsed sentence: tokens with text offsets into `text` and POS tags (the tags the
// parser will see: predicted ones for honest training), gold heads (index in the sentence,
// -1 for the root) and relations.
struct ParsedSentence {
    std::string text;
    std::vector<Token> tokens;
    std::vector<std::int32_t> heads;
    std::vector<std::uint8_t> deprels;
};

struct ParserTrainOptions {
    int epochs = 15;                // maximum; the best epoch on dev is kept when dev is given
    double explore = 0.9;           // after the first epoch, follow the model's own move with
                                    // this probability (error exploration)
    std::uint64_t seed = 20261204;  // shuffling and exploration (training is deterministic)
    float prune_threshold = 0.0f;   // drop averaged weights with |w| <= this
    std::string description;
};

struct ParserTrainProgress {
    int epoch = 0;
    double train_uas = 0;
    double dev_uas = -1;
    double dev_las = -1;
    double seconds = 0;
};

struct ParserScores {
    double uas = 0;            // every token, punctuation included (as the CoNLL 2018 task)
    double las = 0;            // full labels (subtypes must match)
    double las_universal = 0;  // universal labels (CoNLL 2018 LAS)
    double uas_no_punct = 0;
    std::size_t tokens = 0;
};

struct ParserTrainResult {
    DependencyParser parser;
    int epochs = 0;
    ParserScores dev;
};

ParserTrainResult train_dependency_parser(
    const std::vector<ParsedSentence>& train, const std::vector<ParsedSentence>& dev,
    const ParserTrainOptions& options,
    const std::function<void(const ParserTrainProgress&)>& progress = {});

// Parses a copy of each sentence (its tokens' tags as given) and scores it against its gold.
ParserScores evaluate(const DependencyParser& parser, const std::vector<ParsedSentence>& gold);

}  // namespace kgforge::nlp
