// libFuzzer target: tokenizer and sentence splitter on any (repaired) text. Tokens are in
// order, inside the text, non-empty, at most kMaxTokenBytes, and views match offsets;
// sentences cover every token exactly once, in order, within the sentence token limit.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kgforge/input.hpp"
#include "kgforge/limits.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kgforge::Diagnostics diagnostics(true);
    kgforge::nlp::AnnotatedDocument doc;
    doc.text = kgforge::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                    "fuzz", diagnostics);
    kgforge::nlp::tokenize(doc);
    std::uint32_t previous_end = 0;
    for (const auto& token : doc.tokens) {
        if (token.begin < previous_end || token.end <= token.begin || token.end > doc.text.size())
            std::abort();
        if (token.end - token.begin > kgforge::limits::kMaxTokenBytes) std::abort();
        if (token.text.data() != doc.text.data() + token.begin ||
            token.text.size() != token.end - token.begin)
            std::abort();
        previous_end = token.end;
    }
    kgforge::nlp::split_sentences(doc);
    std::uint32_t next_token = 0;
    for (const auto& sentence : doc.sentences) {
        if (sentence.first_token != next_token || sentence.end_token <= sentence.first_token)
            std::abort();
        if (sentence.end_token - sentence.first_token > kgforge::limits::kMaxSentenceTokens)
            std::abort();
        if (sentence.begin != doc.tokens[sentence.first_token].begin ||
            sentence.end != doc.tokens[sentence.end_token - 1].end)
            std::abort();
        next_token = sentence.end_token;
    }
    if (next_token != doc.tokens.size()) std::abort();
    return 0;
}
