// Everything extraction knows about a document before relations are decided: tokens,
// sentences, tags, entity mentions resolved into entities, and the dependency parse of the
// sentences where two different entities are mentioned (the only ones relations can come
// from). The models are loaded once and shared read-only by every thread. The relation
// stage and the relation trainer both start from here, so they see the same analysis.
#pragma once

#include <filesystem>
#include <memory>
#include <span>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

class Coreference;
class DependencyParser;
class EntityRecognizer;
class Gazetteer;
class Lemmatizer;
class Lexicon;
class PosTagger;

class Analyzer {
  public:
    // Loads models_dir/{pos-tagger.bin, ner.bin, gazetteer/, parser.bin, lemmas.tsv} and
    // the relation lexicon. `load_threads` > 1 loads the big models concurrently.
    // Throws kgforge::Error(ErrorKind::Model/Io).
    Analyzer(const std::filesystem::path& models_dir, unsigned load_threads);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Each document's `document` and `text` must be set. Runs stage by stage over all of
    // them, so each model's tables stay in the CPU cache. Const and thread-safe.
    void analyze(std::span<AnnotatedDocument> docs) const;

    const Gazetteer& gazetteer() const;
    const std::shared_ptr<const Lexicon>& lexicon() const { return lexicon_; }
    const Lemmatizer& lemmatizer() const { return *lemmatizer_; }

  private:
    std::unique_ptr<PosTagger> tagger_;
    std::unique_ptr<EntityRecognizer> recognizer_;
    std::unique_ptr<Coreference> coreference_;
    std::unique_ptr<DependencyParser> parser_;
    std::unique_ptr<Lemmatizer> lemmatizer_;
    std::shared_ptr<const Lexicon> lexicon_;
};

// See limits::kMinProseWordShare and limits::kMinTableWordShare.
inline constexpr double kMinProseWordShare = 0.1;
inline constexpr double kMinTableWordShare = 0.5;

// Whether sentence `s` mentions two different resolved entities (after coreference).
std::vector<bool> sentences_with_entity_pairs(const AnnotatedDocument& doc);

// Sets Sentence::readable: whether at least kMinProseWordShare of its tokens are common
// words, or at least kMinTableWordShare are words and numbers of plain characters.
void mark_readable_sentences(AnnotatedDocument& doc, const Gazetteer& gazetteer);

}  // namespace kgforge::nlp
