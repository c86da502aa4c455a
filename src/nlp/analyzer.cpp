#include "nlp/analyzer.hpp"

#include <future>
#include <vector>

#include "nlp/coreference.hpp"
#include "nlp/dependency_parser.hpp"
#include "nlp/entity_recognizer.hpp"
#include "nlp/lemmatizer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/model_paths.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

namespace kgforge::nlp {

Analyzer::Analyzer(const std::filesystem::path& dir, unsigned load_threads) {
    auto load_tagger = [dir] {
        return std::make_unique<PosTagger>(PosTagger::load(dir / "pos-tagger.bin"));
    };
    auto load_parser = [dir] {
        return std::make_unique<DependencyParser>(DependencyParser::load(dir / "parser.bin"));
    };
    // The big loads are independent: with more than one thread they overlap (start-up is
    // the serial part of a run).
    if (load_threads > 1) {
        auto tagger = std::async(std::launch::async, load_tagger);
        auto parser = std::async(std::launch::async, load_parser);
        recognizer_ = std::make_unique<EntityRecognizer>(EntityRecognizer::load(dir));
        tagger_ = tagger.get();
        parser_ = parser.get();
    } else {
        tagger_ = load_tagger();
        parser_ = load_parser();
        recognizer_ = std::make_unique<EntityRecognizer>(EntityRecognizer::load(dir));
    }
    lemmatizer_ = std::make_unique<Lemmatizer>(Lemmatizer::load(dir / "lemmas.tsv"));
    lexicon_ = std::make_shared<const Lexicon>(Lexicon::load(find_relation_lexicon(dir)));
    coreference_ = std::make_unique<Coreference>(&recognizer_->gazetteer());
}

Analyzer::~Analyzer() = default;

const Gazetteer& Analyzer::gazetteer() const {
    return recognizer_->gazetteer();
}

void Analyzer::analyze(std::span<AnnotatedDocument> docs) const {
    for (auto& doc : docs) {
        tokenize(doc);
        split_sentences(doc);
    }
    for (auto& doc : docs) tagger_->tag(doc);
    for (auto& doc : docs) recognizer_->recognize(doc);
    for (auto& doc : docs) coreference_->resolve(doc);
    for (auto& doc : docs) {
        const auto wanted = sentences_with_entity_pairs(doc);
        parser_->parse(doc, [&](std::size_t s) { return wanted[s]; });
    }
}

std::vector<bool> sentences_with_entity_pairs(const AnnotatedDocument& doc) {
    std::vector<bool> out(doc.sentences.size(), false);
    std::vector<int> first_entity(doc.sentences.size(), -1);
    std::size_t s = 0;
    for (const Mention& m : doc.mentions) {  // sorted by token
        if (m.entity < 0) continue;
        while (s < doc.sentences.size() && doc.sentences[s].end_token <= m.first_token) ++s;
        if (s == doc.sentences.size()) break;
        if (first_entity[s] < 0)
            first_entity[s] = m.entity;
        else if (first_entity[s] != m.entity)
            out[s] = true;
    }
    return out;
}

}  // namespace kgforge::nlp
