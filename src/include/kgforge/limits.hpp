// Every limit kgforge puts on its input, in one place. Each one exists so that no input,
// however large or hostile, can crash kgforge or make its memory grow without bound; each
// one, when reached, gives a message naming the file (and line) instead of a crash.
// docs/RELIABILITY.md lists them with what happens when one is reached.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kgforge::limits {

// A text article, or a .json extraction file read whole, larger than this is an error
// naming the file ("document is N bytes, more than the 128 MiB limit"). Offsets inside a
// document are 32-bit, and memory use is about this plus a bounded working set.
inline constexpr std::uint64_t kMaxDocumentBytes = 128ull << 20;

// A JSONL line (one document or one extraction) longer than this is an error naming the
// file and line; the reader skips to the next line (with --keep-going, the rest is read).
inline constexpr std::uint64_t kMaxLineBytes = 128ull << 20;

// JSON arrays and objects nested deeper than this are an error naming file, line and
// column ("nesting deeper than 64"). kgforge's own formats need 6 levels. The JSON readers
// parse iteratively, so no input drives them into deep recursion.
inline constexpr unsigned kMaxJsonNesting = 64;

// Documents longer than this are extracted in segments of about this size, cut at a
// paragraph, line or sentence break, and the segments' entities and relations merged
// into one extraction of the document. This is what keeps memory per document bounded:
// the NLP stages hold per-token tables for one segment at a time, not for the whole
// document. Coreference does not reach across segments.
inline constexpr std::size_t kSegmentBytes = 256 * 1024;

// The sentence splitter cuts a sentence that reaches this many tokens (at the last ; : or
// , in its second half, if any), so the per-sentence stages stay linear on a "sentence"
// of megabytes without a full stop. Nothing is lost (every token is still in a sentence),
// so this one is silent. The splitter (src/nlp) holds the value; a unit test keeps the two
// equal.
inline constexpr std::uint32_t kMaxSentenceTokens = 200;

// The tokenizer cuts runs without a break (a megabyte without a space) into tokens of at
// most this many bytes, at code point boundaries. Silent as well, and kept equal to
// nlp::kMaxTokenBytes by the same test.
inline constexpr std::size_t kMaxTokenBytes = 256;

// The relation model scores at most this many candidate pairs (two mentions of different
// entities) per sentence, the closest ones, so a list-like sentence of 200 names costs 160
// pairs, not 20,000. Silent; the relation stage (src/nlp/relations) holds the value and the
// same unit test keeps the two equal.
inline constexpr std::uint32_t kMaxRelationPairsPerSentence = 160;

// A sentence is read as text when at least kMinProseWordShare of its tokens are common
// English words (two letters or more: prose), or at least kMinTableWordShare are words and
// numbers of plain characters (a results table, a list of names). Anything else (random
// bytes, binary data) is not parsed and the relation model scores no pairs in it; the
// surface rules still run. Junk then costs what tagging costs, not what parsing costs.
// Measured: every sentence of the 77 annotated news articles has a common-word share above
// 0.2; sentences of random bytes at most 0.08 and a plain-word share at most 0.46. Silent;
// nlp::kMinProseWordShare and nlp::kMinTableWordShare hold the values (same test).
inline constexpr double kMinProseWordShare = 0.1;
inline constexpr double kMinTableWordShare = 0.5;

// Entity mentions (and relations) kept per document. Past this the rest of the document
// is not added to the graph, with a warning naming the document: the graph's memory stays
// proportional to what was kept.
inline constexpr std::uint64_t kMaxMentionsPerDocument = 4'000'000;

}  // namespace kgforge::limits
