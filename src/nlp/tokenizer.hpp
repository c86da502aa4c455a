// Rule-based, Unicode-aware tokenizer following UD English EWT / Penn Treebank conventions:
// punctuation, quotes, dashes, possessive 's and clitics (n't, 're, 'll, ...) are split off,
// hyphenated compounds are split ("Missouri-based" -> Missouri - based), while abbreviations
// (U.S., Mr., Inc., e.g.), initials (J.), numbers (1,000  7.2  2025-10-13), URLs, e-mail
// addresses and emoji stay single tokens. Linear time; tokens are at most kMaxTokenBytes long.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

// Longer runs without a break are cut (at a code point boundary) into tokens of this size.
inline constexpr std::size_t kMaxTokenBytes = 256;

// Replaces doc.tokens with the tokens of doc.text (assumed UTF-8; invalid bytes become
// one-byte symbol tokens, never a crash). Token::text views point into doc.text, so
// doc.text must not be modified or reallocated afterwards (see rebind_token_views).
void tokenize(AnnotatedDocument& doc);

// Appends the tokens of `text` to `out`; offsets are relative to text.data() and views
// point into `text`.
void tokenize(std::string_view text, std::vector<Token>& out);

// Re-points every Token::text at doc.text using the stored offsets. Needed after
// AnnotatedDocument is copied, or moved while its text is short (small-string storage).
void rebind_token_views(AnnotatedDocument& doc);

enum class AbbreviationKind : unsigned char {
    None,      // not an abbreviation: a final period is split off
    NonFinal,  // titles, initials, "e.g", "vs", "No" (before a number): never end a sentence
    MayEnd,    // "Inc", "Corp", "U.S", "etc", "a.m": may end a sentence
};
// How the tokenizer treats `word` followed by a period, given without the final period
// ("Mr", "Inc", "U.S", "e.g", "J"). Dotted forms of 1-2 letter segments ("U.S", "Ph.D")
// are MayEnd; single capital letters (initials) are NonFinal.
AbbreviationKind abbreviation_kind(std::string_view word_without_period);
inline bool is_known_abbreviation(std::string_view word_without_period) {
    return abbreviation_kind(word_without_period) != AbbreviationKind::None;
}

}  // namespace kgforge::nlp
