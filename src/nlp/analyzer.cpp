#include "nlp/analyzer.hpp"

#include <future>
#include <string_view>
#include <vector>

#include "nlp/coreference.hpp"
#include "nlp/dependency_parser.hpp"
#include "nlp/entity_recognizer.hpp"
#include "nlp/gazetteer.hpp"
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
        mark_readable_sentences(doc, gazetteer());
        parser_->parse(doc, [&](std::size_t s) { return wanted[s] && doc.sentences[s].readable; });
    }
}

namespace {

// Letters or digits, and no byte that text of names and numbers does not have: no control
// character, no U+FFFD (what UTF-8 repair leaves of invalid bytes), no stray ASCII symbol.
bool clean_word(std::string_view token) {
    bool letter_or_digit = false;
    for (const char ch : token) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            letter_or_digit = true;
        else if (c < 0x20 || c == 0x7F || c == 0xEF)  // 0xEF: the lead byte of U+FFFD
            return false;
        else if (c < 0x80 &&
                 std::string_view(".,:;()'\"-/&%$+!?").find(ch) == std::string_view::npos)
            return false;
    }
    return letter_or_digit;
}

}  // namespace

void mark_readable_sentences(AnnotatedDocument& doc, const Gazetteer& gazetteer) {
    for (Sentence& sentence : doc.sentences) {
        if (sentence.end_token > doc.tokens.size() || sentence.first_token >= sentence.end_token)
            continue;
        // Stops as soon as either share is reached: prose gets there in its first words.
        const double tokens = sentence.end_token - sentence.first_token;
        const double common_needed = kMinProseWordShare * tokens;
        const double clean_needed = kMinTableWordShare * tokens;
        std::uint32_t common = 0;
        std::uint32_t clean = 0;
        sentence.readable = false;
        for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
            const std::string_view word = doc.tokens[t].text;
            if (clean_word(word) && ++clean >= clean_needed) sentence.readable = true;
            if (word.size() >= 2 && gazetteer.is_common_word(word) && ++common >= common_needed)
                sentence.readable = true;
            if (sentence.readable) break;
        }
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
