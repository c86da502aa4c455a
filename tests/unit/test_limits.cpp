#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "kgforge/document.hpp"
#include "kgforge/input.hpp"
#include "kgforge/limits.hpp"
#include "nlp/analyzer.hpp"
#include "nlp/relations/candidates.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

// The NLP stages hold their own copies of these limits; these keep them the documented ones.
TEST_CASE("limits: the NLP stages use the documented caps", "[limits]") {
    CHECK(kgforge::nlp::kMaxTokenBytes == kgforge::limits::kMaxTokenBytes);
    CHECK(kgforge::nlp::SentenceSplitOptions{}.max_tokens == kgforge::limits::kMaxSentenceTokens);
    CHECK(kgforge::nlp::relations::CandidateLimits{}.max_pairs_per_sentence ==
          kgforge::limits::kMaxRelationPairsPerSentence);
    CHECK(kgforge::nlp::kMinProseWordShare == kgforge::limits::kMinProseWordShare);
    CHECK(kgforge::nlp::kMinTableWordShare == kgforge::limits::kMinTableWordShare);
    // A line may hold a whole document plus its JSON fields.
    CHECK(kgforge::limits::kMaxLineBytes >= kgforge::limits::kMaxDocumentBytes);
    // Offsets inside a document are 32-bit.
    CHECK(kgforge::limits::kMaxDocumentBytes < (1ull << 32) / 3);
}

namespace {

// The analysis of one document of `text`, with the shipped models (loaded once).
kgforge::nlp::AnnotatedDocument analyze(std::string text) {
    static const kgforge::nlp::Analyzer analyzer(KGFORGE_SOURCE_DIR "/models", 1);
    static const kgforge::Document document{"limits", "", "", "", "", ""};
    std::vector<kgforge::nlp::AnnotatedDocument> docs(1);
    docs[0].document = &document;
    docs[0].text = std::move(text);
    analyzer.analyze(docs);
    return std::move(docs[0]);
}

}  // namespace

// A "sentence" of 21,000 tokens without a full stop, every clause naming several countries:
// the parser and the relation candidates see only cut sentences, each parse is a tree
// inside its own sentence, and the pairs per sentence stay capped.
TEST_CASE("limits: the parser and the relation candidates see bounded sentences", "[limits]") {
    using namespace kgforge;
    std::string text;
    for (int i = 0; i < 1500; ++i)
        text += "Brazil, Argentina, Chile and Peru signed deals with Kenya, Norway and France ";
    const auto doc = analyze(std::move(text));
    REQUIRE(doc.tokens.size() > 20000);
    REQUIRE(doc.sentences.size() > 100);
    std::size_t parsed = 0;
    for (const auto& sentence : doc.sentences) {
        const std::uint32_t n = sentence.end_token - sentence.first_token;
        CHECK(n <= limits::kMaxSentenceTokens);
        if (doc.tokens[sentence.first_token].deprel == 0) continue;
        ++parsed;
        for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
            // Following heads leaves the sentence only at its root, within n steps.
            std::int32_t h = static_cast<std::int32_t>(t);
            std::uint32_t steps = 0;
            while (h >= 0 && steps <= n) {
                REQUIRE(h >= static_cast<std::int32_t>(sentence.first_token));
                REQUIRE(h < static_cast<std::int32_t>(sentence.end_token));
                h = doc.tokens[static_cast<std::size_t>(h)].head;
                ++steps;
            }
            CHECK(h == -1);
        }
    }
    CHECK(parsed + 1 >= doc.sentences.size());  // all but perhaps a short last piece
    std::vector<std::uint32_t> pairs(doc.sentences.size(), 0);
    for (const auto& c : nlp::relations::relation_candidates(doc)) ++pairs[c.sentence];
    for (const auto count : pairs) CHECK(count <= limits::kMaxRelationPairsPerSentence);
}

// Random bytes are tagged but not parsed, and the relation model gets no pairs from them;
// a results table and a news sentence after them are still parsed.
TEST_CASE("limits: sentences that are not text are not parsed", "[limits]") {
    using namespace kgforge;
    std::uint64_t state = 42;
    std::string junk;
    for (int i = 0; i < 64 * 1024; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        junk.push_back(static_cast<char>(state >> 56));
    }
    Diagnostics diagnostics;
    const auto doc = analyze(repair_utf8(junk, "junk", diagnostics) +
                             "\n\nAnna Berg ( Sweden ) Volvo 1:53.043\n" +
                             "Brazil signed a trade agreement with Kenya on Monday.\n");
    REQUIRE(doc.sentences.size() > 50);
    const auto table = doc.sentences.size() - 2;
    const auto prose = doc.sentences.size() - 1;
    // A short piece of junk can look like a word or two; long ones never do.
    std::size_t junk_tokens = 0;
    std::size_t readable_junk_tokens = 0;
    for (std::size_t s = 0; s < table; ++s) {
        const auto& sentence = doc.sentences[s];
        const std::size_t n = sentence.end_token - sentence.first_token;
        junk_tokens += n;
        if (sentence.readable) readable_junk_tokens += n;
        if (!sentence.readable) CHECK(doc.tokens[sentence.first_token].deprel == 0);
    }
    CHECK(readable_junk_tokens * 100 < junk_tokens);
    CHECK(doc.sentences[table].readable);
    CHECK(doc.sentences[prose].readable);
    CHECK(doc.tokens[doc.sentences[prose].first_token].deprel != 0);
    for (const auto& c : nlp::relations::relation_candidates(doc))
        CHECK(doc.sentences[c.sentence].readable);
}
