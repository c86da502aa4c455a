// The parser's feature templates, shared by training and parsing: move features of a
// configuration (Zhang & Nivre 2011: words, tags, distance, valency, second- and third-order
// children, label sets) and label features of an arc. Keys are 32-bit hashes.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/parse/arc_eager.hpp"

namespace kgforge::nlp::parse {

inline constexpr int kMaxMoveFeatures = 96;
inline constexpr int kMaxLabelFeatures = 32;

// Per-token atoms of one sentence: index n is the root; lookups of -1 give the null atoms.
class SentenceAtoms {
  public:
    // From tokens whose text views are valid and whose pos is set.
    void assign(std::span<const Token> tokens);
    // Same, with the token texts taken from `text` by offset (training data).
    void assign(std::span<const Token> tokens, std::string_view text);

    int size() const { return static_cast<int>(word_.size()) - 1; }
    // -1 and positions past the root give the null atoms.
    std::uint64_t word(int t) const {
        return static_cast<std::size_t>(t) < word_.size() ? word_[static_cast<std::size_t>(t)]
                                                          : kNullWord;
    }
    std::uint16_t tag(int t) const {
        return static_cast<std::size_t>(t) < tag_.size() ? tag_[static_cast<std::size_t>(t)]
                                                         : kNullTag;
    }

    static constexpr std::uint64_t kNullWord = 0x6e756c6c776f7264ULL;
    static constexpr std::uint16_t kNullTag = 0xFFFF;
    static constexpr std::uint16_t kRootTag = 0xFFFE;

  private:
    void add(std::string_view form, std::uint16_t tag);
    void finish();
    std::vector<std::uint64_t> word_;
    std::vector<std::uint16_t> tag_;
};

// Features of the configuration for choosing the next move; returns how many were written.
int move_features(const ArcEagerState& state, const SentenceAtoms& atoms, std::uint32_t* out);

// Features for labelling the arc head -> dependent about to be made in `state`.
int label_features(const ArcEagerState& state, const SentenceAtoms& atoms, int head, int dependent,
                   std::uint32_t* out);

}  // namespace kgforge::nlp::parse
