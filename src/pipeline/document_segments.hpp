// Long documents are extracted in segments so that memory per document stays bounded
// (limits::kSegmentBytes): the NLP stages keep per-token tables of ~100 bytes a token, so a
// 30 MB document held whole needed 2 GB. Segments are cut at the best break near the
// target size, extracted like documents of their own (in parallel), and merged back into
// one extraction of the whole document, with offsets into the whole text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgforge/extraction.hpp"
#include "kgforge/limits.hpp"

namespace kgforge {

// [begin, end) byte ranges covering `text` in order; one range when it is at most `target`
// bytes. Each cut is the last paragraph break, else line break, else sentence end (". "),
// else space in the second half of the window, else a code point boundary, so a cut never
// splits a UTF-8 sequence and rarely a sentence. Depends on the text only.
std::vector<std::pair<std::size_t, std::size_t>> segment_bounds(
    std::string_view text, std::size_t target = limits::kSegmentBytes);

// Merges the extractions of a document's segments, given in order. Entities with the same
// graph id (entity_id) become one (mentions summed, names and aliases united), relation
// offsets are moved by the segment's start. Past limits::kMaxMentionsPerDocument entity
// mentions and relations, later segments are dropped and truncated() says so.
class SegmentMerger {
  public:
    explicit SegmentMerger(std::uint64_t max_mentions = limits::kMaxMentionsPerDocument)
        : max_mentions_(max_mentions) {}
    // `code_point_offset`: where the segment starts in the whole text, in code points.
    void add(DocumentExtraction&& segment, std::uint32_t code_point_offset);
    DocumentExtraction take();  // the merged extraction; the merger starts over
    bool truncated() const { return truncated_; }
    std::uint64_t mentions() const { return mentions_; }

  private:
    DocumentExtraction merged_;
    std::map<std::string, std::size_t> by_id_;  // entity_id -> index in merged_.entities
    std::uint64_t max_mentions_;
    std::uint64_t mentions_ = 0;
    bool truncated_ = false;
    bool first_ = true;
};

}  // namespace kgforge
