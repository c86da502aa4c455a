#include <catch2/catch.hpp>

#include "kgforge/limits.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

// The NLP stages hold their own copies of two limits; these keep them the documented ones.
TEST_CASE("limits: the NLP stages use the documented caps", "[limits]") {
    CHECK(kgforge::nlp::kMaxTokenBytes == kgforge::limits::kMaxTokenBytes);
    CHECK(kgforge::nlp::SentenceSplitOptions{}.max_tokens == kgforge::limits::kMaxSentenceTokens);
    // A line may hold a whole document plus its JSON fields.
    CHECK(kgforge::limits::kMaxLineBytes >= kgforge::limits::kMaxDocumentBytes);
    // Offsets inside a document are 32-bit.
    CHECK(kgforge::limits::kMaxDocumentBytes < (1ull << 32) / 3);
}
