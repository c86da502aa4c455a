// Splits a tokenized document into sentences: at . ! ? (plus any closing quotes or
// brackets), not after abbreviations/initials unless the next token clearly starts a new
// sentence; always at blank lines, and at single line breaks after a headline-like line
// (a title line without final punctuation). Sentences longer than max_tokens are cut.
#pragma once

#include <cstddef>
#include <cstdint>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

struct SentenceSplitOptions {
    // Hard cap so that later (per-sentence) stages stay linear. A forced cut prefers the
    // last ; : or , in the second half of the window.
    std::uint32_t max_tokens = 200;
};

// Replaces doc.sentences (requires doc.tokens). Every token belongs to exactly one
// sentence, sentences are in order and non-empty. Returns the number of forced splits
// (sentences cut because they reached max_tokens); 0 on ordinary text.
std::size_t split_sentences(AnnotatedDocument& doc, const SentenceSplitOptions& options = {});

}  // namespace kgforge::nlp
