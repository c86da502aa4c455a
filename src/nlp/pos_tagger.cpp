#include "nlp/pos_tagger.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "kgforge/error.hpp"

namespace kgforge::nlp {

// ---- tag set ------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, kTagCount> kTagNames = {
    "",    "CC",  "CD",   "DT",    "EX",    "FW",  "IN",   "JJ",   "JJR", "JJS", "LS",  "MD",  "NN",
    "NNS", "NNP", "NNPS", "PDT",   "POS",   "PRP", "PRP$", "RB",   "RBR", "RBS", "RP",  "SYM", "TO",
    "UH",  "VB",  "VBD",  "VBG",   "VBN",   "VBP", "VBZ",  "WDT",  "WP",  "WP$", "WRB", "$",   "#",
    ",",   ".",   ":",    "-LRB-", "-RRB-", "``",  "''",   "HYPH", "NFP", "ADD", "AFX", "GW",  "XX",
};
static_assert(kTagNames.size() == ptb::Count);

}  // namespace

std::string_view ptb_tag_name(std::uint16_t tag) {
    return tag < kTagCount ? kTagNames[tag] : std::string_view();
}

std::optional<std::uint16_t> ptb_tag_id(std::string_view name) {
    if (name.empty()) return std::nullopt;
    for (std::uint16_t t = 1; t < kTagCount; ++t)
        if (kTagNames[t] == name) return t;
    return std::nullopt;
}

// ---- features -----------------------------------------------------------------------------

namespace {

constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kFeatureSetVersion = 1;
constexpr char kMagic[8] = {'K', 'G', 'F', 'P', 'O', 'S', 'T', 'G'};
constexpr std::uint16_t kStart = kTagCount;       // "tag" before the sentence
constexpr std::uint16_t kStart2 = kTagCount + 1;  // two before
constexpr std::uint16_t kEnd = kTagCount + 2;     // after the sentence (stacked features)
constexpr std::size_t kMaxNorm = 64;

inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
inline std::uint64_t fkey(std::uint64_t templ, std::uint64_t a) {
    const std::uint64_t k = mix64(a ^ (templ * 0x9E3779B97F4A7C15ULL));
    return k == 0 ? 1 : k;
}
inline std::uint64_t fkey(std::uint64_t templ, std::uint64_t a, std::uint64_t b) {
    return fkey(templ, mix64(a + 0x632BE59BD9B4E019ULL) ^ b);
}
inline std::uint64_t fkey(std::uint64_t templ, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    return fkey(templ, mix64(mix64(a + 0x632BE59BD9B4E019ULL) ^ b) ^ c);
}
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
    return XXH3_64bits(p, n);
}

struct TokInfo {
    std::uint64_t word;    // exact form
    std::uint64_t norm;    // lowercased, digits -> 0
    std::uint64_t suf[4];  // suffixes of norm, 1-4 bytes
    std::uint64_t pre[3];  // prefixes of norm, 1-3 bytes
    std::uint64_t shape;
    std::uint64_t amb;    // ambiguity class: bit mask of the tags seen with norm in training
    std::uint16_t flags;  // kFlag* below
};

enum : std::uint16_t {
    kFlagHyphen = 1,
    kFlagDigit = 2,
    kFlagAllCaps = 4,
    kFlagCapitalized = 8,
    kFlagSpaceBefore = 16,
    kFlagSpaceAfter = 32,
    kFlagQuoteOdd = 64,        // after an odd number of double quotes in the sentence
    kFlagTitleSentence = 128,  // most words of the sentence are capitalized
    kFlagCapsSentence = 256,   // the sentence is in capitals
    kFlagQuote = 512,
    kFlagAlpha = 1024,  // starts with an ASCII letter
};

void make_info(std::string_view w, bool space_before, TokInfo& info) {
    char norm[kMaxNorm];
    char shape[24];
    std::size_t nn = 0;
    std::size_t ns = 0;
    char last_shape = 0;
    int run = 0;
    std::uint16_t flags = space_before ? kFlagSpaceBefore : 0;
    bool any_lower = false;
    bool any_upper = false;
    const std::size_t len = std::min(w.size(), kMaxNorm);
    for (std::size_t k = 0; k < len; ++k) {
        char c = w[k];
        char s;
        if (c >= 'A' && c <= 'Z') {
            s = 'X';
            any_upper = true;
            c = static_cast<char>(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            s = 'x';
            any_lower = true;
        } else if (c >= '0' && c <= '9') {
            s = 'd';
            c = '0';
            flags |= 2;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            s = (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 'u';
        } else {
            s = c;
            if (c == '-') flags |= 1;
        }
        norm[nn++] = c;
        if (s == 0) continue;
        if (s == last_shape) {
            if (++run > 3) continue;
        } else {
            run = 1;
            last_shape = s;
        }
        if (ns < sizeof shape) shape[ns++] = s;
    }
    if (any_upper && !any_lower) flags |= kFlagAllCaps;
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') flags |= kFlagCapitalized;
    if (!w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' && w[0] <= 'z')))
        flags |= kFlagAlpha;
    if (w == "\"" || w == "``" || w == "''" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D")
        flags |= kFlagQuote;
    info.word = hash_bytes(w.data(), std::min<std::size_t>(w.size(), 256));
    info.norm = hash_bytes(norm, nn);
    for (std::size_t k = 0; k < 4; ++k) {
        const std::size_t l = std::min(nn, k + 1);
        info.suf[k] = hash_bytes(norm + nn - l, l) + k;
    }
    for (std::size_t k = 0; k < 3; ++k) info.pre[k] = hash_bytes(norm, std::min(nn, k + 1)) + k;
    info.shape = hash_bytes(shape, ns);
    info.amb = 0;
    info.flags = flags;
}

// Sentence-level flags: spacing after each token, quote parity, capitalization mode.
void sentence_context(TokInfo* info, int n) {
    int alpha = 0;
    int caps = 0;
    int capitalized = 0;
    for (int i = 0; i < n; ++i) {
        const std::uint16_t f = info[i].flags;
        if (f & kFlagAlpha) {
            ++alpha;
            caps += (f & kFlagAllCaps) != 0;
            capitalized += (f & kFlagCapitalized) != 0;
        }
    }
    std::uint16_t mode = 0;
    if (alpha >= 3 && caps * 5 >= alpha * 4) {
        mode = kFlagCapsSentence;
    } else if (alpha >= 3 && capitalized * 5 >= alpha * 3) {
        mode = kFlagTitleSentence;
    }
    bool odd = false;
    for (int i = 0; i < n; ++i) {
        std::uint16_t& f = info[i].flags;
        if (i + 1 == n || (info[i + 1].flags & kFlagSpaceBefore)) f |= kFlagSpaceAfter;
        if (odd) f |= kFlagQuoteOdd;
        if (f & kFlagQuote) odd = !odd;
        f |= mode;
    }
}

const TokInfo& pad_info(int which) {
    static const TokInfo kPads[4] = {
        {mix64(11),
         mix64(12),
         {mix64(13), mix64(13), mix64(13), mix64(13)},
         {mix64(14), mix64(14), mix64(14)},
         mix64(15),
         mix64(16),
         0},  // before start (-1)
        {mix64(21),
         mix64(22),
         {mix64(23), mix64(23), mix64(23), mix64(23)},
         {mix64(24), mix64(24), mix64(24)},
         mix64(25),
         mix64(26),
         0},  // before start (-2)
        {mix64(31),
         mix64(32),
         {mix64(33), mix64(33), mix64(33), mix64(33)},
         {mix64(34), mix64(34), mix64(34)},
         mix64(35),
         mix64(36),
         0},  // after end (+1)
        {mix64(41),
         mix64(42),
         {mix64(43), mix64(43), mix64(43), mix64(43)},
         {mix64(44), mix64(44), mix64(44)},
         mix64(45),
         mix64(46),
         0},  // after end (+2)
    };
    return kPads[which];
}

constexpr int kMaxFeatures = 56;  // 41 + 8 stacked

// t1: first-pass tags of the sentence for the stacked pass, nullptr in the first pass.
// Features of the token alone (cacheable per word form and flags).
constexpr int kStaticFeatures = 19;
int static_features(const TokInfo& w, bool first, std::uint64_t* out) {
    int k = 0;
    out[k++] = fkey(1, 0);  // bias
    out[k++] = fkey(2, w.word);
    out[k++] = fkey(3, w.norm);
    for (int s = 0; s < 4; ++s) out[k++] = fkey(4, w.suf[s]);
    for (int s = 0; s < 3; ++s) out[k++] = fkey(5, w.pre[s]);
    out[k++] = fkey(6, w.shape);
    out[k++] = fkey(21, static_cast<std::uint64_t>(first), w.shape);
    out[k++] = fkey(23, w.flags & 15);
    out[k++] = fkey(26, w.amb);
    const std::uint64_t space = (w.flags & (kFlagSpaceBefore | kFlagSpaceAfter)) >> 4;
    out[k++] = fkey(32, space, w.shape);
    out[k++] = fkey(33, space, w.norm);
    out[k++] = fkey(34, (w.flags & kFlagQuoteOdd) != 0, w.norm);
    const std::uint64_t mode = w.flags & (kFlagTitleSentence | kFlagCapsSentence);
    out[k++] = fkey(35, mode, w.shape);
    out[k++] = fkey(36, mode, w.norm);
    return k;
}

// Features of the context: neighbours and previous tags (and first-pass tags, stacked).
int context_features(const TokInfo* info, int n, int i, std::uint16_t p1, std::uint16_t p2,
                     const std::uint16_t* t1, std::uint64_t* out) {
    const TokInfo& w = info[i];
    const TokInfo& m1 = i >= 1 ? info[i - 1] : pad_info(0);
    const TokInfo& m2 = i >= 2 ? info[i - 2] : (i == 1 ? pad_info(0) : pad_info(1));
    const TokInfo& n1 = i + 1 < n ? info[i + 1] : pad_info(2);
    const TokInfo& n2 = i + 2 < n ? info[i + 2] : (i + 1 < n ? pad_info(2) : pad_info(3));
    int k = 0;
    out[k++] = fkey(7, p1);
    out[k++] = fkey(8, p2);
    out[k++] = fkey(9, p1, p2);
    out[k++] = fkey(10, p1, w.norm);
    out[k++] = fkey(11, m1.norm);
    out[k++] = fkey(12, m1.suf[2]);
    out[k++] = fkey(13, m2.norm);
    out[k++] = fkey(14, n1.norm);
    out[k++] = fkey(15, n1.suf[2]);
    out[k++] = fkey(16, n2.norm);
    out[k++] = fkey(17, n1.shape);
    out[k++] = fkey(18, m1.shape);
    out[k++] = fkey(19, m1.norm, w.norm);
    out[k++] = fkey(20, w.norm, n1.norm);
    out[k++] = fkey(22, p1, n1.norm);
    out[k++] = fkey(24, n1.suf[1]);
    out[k++] = fkey(25, p1, w.suf[2]);
    out[k++] = fkey(27, n1.amb);
    out[k++] = fkey(28, n2.amb);
    out[k++] = fkey(29, p1, w.amb);
    out[k++] = fkey(30, w.amb, n1.amb);
    out[k++] = fkey(31, m1.amb, w.amb);
    if (t1 != nullptr) {
        // Stacked pass: first-pass tags around i (kEnd past the sentence end).
        const std::uint64_t c0 = t1[i];
        const std::uint64_t r1 = i + 1 < n ? t1[i + 1] : kEnd;
        const std::uint64_t r2 = i + 2 < n ? t1[i + 2] : kEnd;
        out[k++] = fkey(50, c0);
        out[k++] = fkey(51, r1);
        out[k++] = fkey(52, r1, r2);
        out[k++] = fkey(53, p1, r1);
        out[k++] = fkey(54, r1, w.norm);
        out[k++] = fkey(55, c0, r1);
        out[k++] = fkey(56, c0, w.norm);
        out[k++] = fkey(57, p1, c0, r1);
    }
    return k;
}

// The one feature function shared by training and tagging: token + context features.
int features(const TokInfo* info, int n, int i, std::uint16_t p1, std::uint16_t p2,
             const std::uint16_t* t1, std::uint64_t* out) {
    const int k = static_features(info[i], i == 0, out);
    return k + context_features(info, n, i, p1, p2, t1, out + k);
}

}  // namespace

// ---- weights and tables -------------------------------------------------------------------

namespace {

// Open-addressing map from non-zero 64-bit keys to small values.
template <class V>
class FlatMap {
  public:
    void build(const std::vector<std::pair<std::uint64_t, V>>& items) {
        std::size_t cap = 16;
        while (cap < items.size() * 2) cap <<= 1;
        slots_.assign(cap, Slot{});
        mask_ = cap - 1;
        for (const auto& [key, value] : items) {
            std::uint64_t i = key & mask_;
            while (slots_[i].key != 0) i = (i + 1) & mask_;
            slots_[i] = Slot{key, value};
        }
        size_ = items.size();
    }
    V get(std::uint64_t key) const {
        if (slots_.empty()) return V{};
        std::uint64_t i = key & mask_;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == key) return s.value;
            if (s.key == 0) return V{};
            i = (i + 1) & mask_;
        }
    }
    std::vector<std::pair<std::uint64_t, V>> sorted_items() const {
        std::vector<std::pair<std::uint64_t, V>> items;
        for (const Slot& s : slots_)
            if (s.key != 0) items.emplace_back(s.key, s.value);
        std::sort(items.begin(), items.end());
        return items;
    }
    std::size_t size() const { return size_; }

  private:
    struct Slot {
        std::uint64_t key = 0;
        V value{};
    };
    std::vector<Slot> slots_;
    std::uint64_t mask_ = 0;
    std::size_t size_ = 0;
};

// The stored key of a feature: 32 bits (rare collisions are merged at training time).
inline std::uint32_t key32(std::uint64_t k) {
    const auto x = static_cast<std::uint32_t>(k ^ (k >> 32));
    return x == 0 ? 1 : x;
}

// Scores of every tag, padded to a multiple of 8 lanes for the vectorized dense-row adds.
inline constexpr std::size_t kScoreWidth = (kTagCount + 7) / 8 * 8;
using Scores = std::array<std::int32_t, kScoreWidth>;

// Quantized weights of one stage: feature key -> [(tag, int16 weight)].
// Tagging is bound by memory latency and by the adds, so the layout follows how often a
// feature is used: a slot holds its key and up to three weights inline (one cache miss for
// five in six features); the frequent context features (previous tags, neighbouring words'
// tag classes) carry weights for most tags and are stored as dense int16 rows added with
// vector instructions; the few lists in between are spilled to `entries`.
struct WeightTable {
    static constexpr std::uint32_t kInline = 3;
    static constexpr std::uint32_t kDenseFrom = 8;  // lists this long become dense rows
    // e[0] markers (tag fields no tag uses)
    static constexpr std::uint32_t kSpill = 0xFFFF0000u;
    static constexpr std::uint32_t kDense = 0xFFFE0000u;
    struct Slot {  // 16 bytes: 4 per cache line
        std::uint32_t key = 0;
        // Inline: up to kInline entries (tag << 16) | uint16(int16 weight), unused ones 0
        // (tag None, weight 0: adding them is harmless). Spilled: {kSpill, offset, count}.
        // Dense: {kDense, row offset into `dense`, list offset into `dense_entries`}.
        std::uint32_t e[kInline] = {0, 0, 0};
        std::uint32_t marker() const { return e[0] & 0xFFFF0000u; }
    };
    float scale = 1.0f;  // int16 weight = round(averaged weight * scale)
    std::vector<Slot> table;
    std::uint64_t mask = 0;
    std::vector<std::uint32_t> entries;        // spilled lists
    std::vector<std::int16_t> dense;           // dense rows, kScoreWidth weights each
    std::vector<std::uint32_t> dense_entries;  // the same rows as lists (for save)
    std::size_t features = 0;
    std::size_t weights = 0;

    // Features in flat form: feature f has key keys[f] and the entries
    // lists[starts[f] .. starts[f + 1]); keys unique.
    struct FlatFeatures {
        std::vector<std::uint32_t> keys;
        std::vector<std::uint32_t> starts{0};
        std::vector<std::uint32_t> lists;
        void add(std::uint32_t key, std::span<const std::uint32_t> list) {
            keys.push_back(key);
            lists.insert(lists.end(), list.begin(), list.end());
            starts.push_back(static_cast<std::uint32_t>(lists.size()));
        }
    };

    void build(const std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>& feats) {
        FlatFeatures flat;
        for (const auto& [key, list] : feats) flat.add(key, list);
        build(flat);
    }

    void build(const FlatFeatures& feats) {
        const std::size_t total = feats.lists.size();
        // (u32 offsets: dense rows take up to 7 slots per weight)
        if (total >= (std::size_t{1} << 28))
            throw Error(ErrorKind::Model, "POS tagger model too large (more than 256M weights)");
        features = feats.keys.size();
        weights = total;
        std::size_t cap = 16;
        while (cap < features * 2) cap <<= 1;
        table.assign(cap, Slot{});
        mask = cap - 1;
        entries.clear();
        dense.clear();
        dense_entries.clear();
        for (std::size_t f = 0; f < features; ++f) {
            const std::uint32_t key = feats.keys[f];
            const std::span<const std::uint32_t> list(feats.lists.data() + feats.starts[f],
                                                      feats.starts[f + 1] - feats.starts[f]);
            std::uint64_t i = key & mask;
            while (table[i].key != 0) i = (i + 1) & mask;
            Slot& s = table[i];
            s.key = key;
            const auto count = static_cast<std::uint32_t>(list.size());
            if (count <= kInline) {
                for (std::size_t j = 0; j < list.size(); ++j) s.e[j] = list[j];
            } else if (count < kDenseFrom) {
                s.e[0] = kSpill;
                s.e[1] = static_cast<std::uint32_t>(entries.size());
                s.e[2] = count;
                entries.insert(entries.end(), list.begin(), list.end());
            } else {
                s.e[0] = kDense;
                s.e[1] = static_cast<std::uint32_t>(dense.size());
                s.e[2] = static_cast<std::uint32_t>(dense_entries.size());
                dense.resize(dense.size() + kScoreWidth, 0);
                for (const std::uint32_t e : list)
                    dense[s.e[1] + (e >> 16)] = static_cast<std::int16_t>(e & 0xFFFF);
                dense_entries.insert(dense_entries.end(), list.begin(), list.end());
                dense_entries.push_back(0);  // terminator
            }
        }
    }
    // The (tag << 16 | weight) entries of a slot.
    std::span<const std::uint32_t> list(const Slot& s) const {
        if (s.marker() == kSpill) return {entries.data() + s.e[1], s.e[2]};
        const std::uint32_t* e = s.marker() == kDense ? dense_entries.data() + s.e[2] : s.e;
        const std::size_t limit = s.marker() == kDense ? kTagCount : kInline;
        std::size_t n = 0;
        while (n < limit && e[n] != 0) ++n;
        return {e, n};
    }
    // The best tag for the features.
    std::uint16_t best(const std::uint64_t* feats, int k) const {
        Scores scores{};
        add(feats, k, scores.data());
        return argmax(scores.data());
    }
    static std::uint16_t argmax(const std::int32_t* scores) {
        std::uint16_t guess = 1;
        for (std::uint16_t t = 2; t < kTagCount; ++t)
            if (scores[t] > scores[guess]) guess = t;
        return guess;
    }
    static void add_entry(std::uint32_t e, std::int32_t* scores) {
        scores[e >> 16] += static_cast<std::int16_t>(e & 0xFFFF);
    }
    static void add_dense(const std::int16_t* __restrict row, std::int32_t* __restrict scores) {
        for (std::size_t t = 0; t < kScoreWidth; ++t) scores[t] += row[t];
    }
    // Adds the weights of the features to scores[0 .. kScoreWidth). Prefetches every slot
    // first so that the misses overlap.
    void add(const std::uint64_t* feats, int k, std::int32_t* scores) const {
        if (table.empty()) return;
        std::uint32_t keys[kMaxFeatures];
        const Slot* found[kMaxFeatures];
        for (int f = 0; f < k; ++f) {
            keys[f] = key32(feats[f]);
            __builtin_prefetch(&table[keys[f] & mask]);
        }
        // find every slot, prefetching the rows found, then add: two rounds of overlapping
        // misses instead of one miss after another
        int m = 0;
        for (int f = 0; f < k; ++f) {
            std::uint64_t i = keys[f] & mask;
            while (true) {
                const Slot& s = table[i];
                if (s.key == keys[f]) {
                    const std::uint32_t marker = s.marker();
                    if (marker == kDense) {
                        __builtin_prefetch(dense.data() + s.e[1]);
                        __builtin_prefetch(dense.data() + s.e[1] + kScoreWidth - 1);
                    } else if (marker == kSpill) {
                        __builtin_prefetch(entries.data() + s.e[1]);
                    }
                    found[m++] = &s;
                    break;
                }
                if (s.key == 0) break;
                i = (i + 1) & mask;
            }
        }
        for (int f = 0; f < m; ++f) {
            const Slot& s = *found[f];
            const std::uint32_t marker = s.marker();
            if (marker == kDense) {
                add_dense(dense.data() + s.e[1], scores);
            } else if (marker == kSpill) {
                const std::uint32_t* e = entries.data() + s.e[1];
                for (std::uint32_t j = 0; j < s.e[2]; ++j) add_entry(e[j], scores);
            } else {
                add_entry(s.e[0], scores);
                add_entry(s.e[1], scores);
                add_entry(s.e[2], scores);
            }
        }
    }
};

// Per-thread cache of the token-only part of the first-stage scores, keyed by the word form,
// its flags and the model: frequent words skip about half of the weight lookups.
struct ScoreCache {
    static constexpr std::size_t kSize = 2048;
    struct Entry {
        std::uint64_t key = 0;
        Scores scores{};
    };
    std::vector<Entry> entries = std::vector<Entry>(kSize);
};

std::uint64_t next_model_id() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

// Greedy left-to-right decoding. `best(feats, k)` picks the tag from the features.
template <class Best>
void greedy(const TokInfo* info, int n, const std::uint16_t* dict_tags, const std::uint16_t* t1,
            Best&& best, std::uint16_t* out) {
    std::uint16_t p1 = kStart;
    std::uint16_t p2 = kStart2;
    std::uint64_t feats[kMaxFeatures];
    for (int i = 0; i < n; ++i) {
        std::uint16_t guess = dict_tags[i];
        if (guess == 0) {
            const int k = features(info, n, i, p1, p2, t1, feats);
            guess = best(feats, k);
        }
        out[i] = guess;
        p2 = p1;
        p1 = guess;
    }
}

}  // namespace

struct PosTagger::Model {
    const std::uint64_t id = next_model_id();  // distinguishes models in the score cache
    std::string description;
    std::vector<WeightTable> stages;  // 1 (greedy) or 2 (stacked)
    FlatMap<std::uint16_t> dict;      // exact form -> tag (frequent unambiguous words)
    FlatMap<std::uint64_t> lexicon;   // norm -> ambiguity class (bit per ptb tag)

    struct Scratch {
        std::vector<TokInfo> info;
        std::vector<std::uint16_t> dict_tags, t1, t2;
    };

    void tag_range(Token* tokens, int n, Scratch& sc) const {
        if (n <= 0 || stages.empty()) return;
        const auto un = static_cast<std::size_t>(n);
        sc.info.resize(un);
        sc.dict_tags.resize(un);
        sc.t1.resize(un);
        for (std::size_t i = 0; i < un; ++i) {
            TokInfo& ti = sc.info[i];
            make_info(tokens[i].text, tokens[i].space_before, ti);
            ti.amb = lexicon.get(ti.norm);
            sc.dict_tags[i] = dict.get(ti.word);
        }
        sentence_context(sc.info.data(), n);
        auto stage_best = [&](const WeightTable& w) {
            return [&w](const std::uint64_t* f, int k) { return w.best(f, k); };
        };
        first_stage(n, sc);
        const std::uint16_t* final_tags = sc.t1.data();
        if (stages.size() > 1) {
            sc.t2.resize(un);
            greedy(sc.info.data(), n, sc.dict_tags.data(), sc.t1.data(), stage_best(stages[1]),
                   sc.t2.data());
            final_tags = sc.t2.data();
        }
        for (std::size_t i = 0; i < un; ++i) tokens[i].pos = final_tags[i];
    }

    // Stage 1 with the per-thread cache of token-only scores (same result as greedy()).
    void first_stage(int n, Scratch& sc) const {
        thread_local std::unique_ptr<ScoreCache> cache;
        if (!cache) cache = std::make_unique<ScoreCache>();
        const WeightTable& w = stages[0];
        std::uint16_t p1 = kStart;
        std::uint16_t p2 = kStart2;
        std::uint64_t feats[kMaxFeatures];
        for (int i = 0; i < n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            std::uint16_t guess = sc.dict_tags[ui];
            if (guess == 0) {
                const TokInfo& ti = sc.info[ui];
                std::uint64_t key =
                    mix64(ti.word ^ mix64((std::uint64_t{ti.flags} << 1 | (i == 0)) +
                                          id * 0x9E3779B97F4A7C15ULL));
                key |= 1;  // never 0 (the empty entry)
                ScoreCache::Entry& e = cache->entries[key & (ScoreCache::kSize - 1)];
                if (e.key != key) {
                    e.scores.fill(0);
                    const int ks = static_features(ti, i == 0, feats);
                    w.add(feats, ks, e.scores.data());
                    e.key = key;
                }
                Scores scores = e.scores;
                const int kc = context_features(sc.info.data(), n, i, p1, p2, nullptr, feats);
                w.add(feats, kc, scores.data());
                guess = WeightTable::argmax(scores.data());
            }
            sc.t1[ui] = guess;
            p2 = p1;
            p1 = guess;
        }
    }
};

PosTagger::PosTagger() = default;
PosTagger::PosTagger(std::unique_ptr<Model> model) : model_(std::move(model)) {}
PosTagger::PosTagger(PosTagger&&) noexcept = default;
PosTagger& PosTagger::operator=(PosTagger&&) noexcept = default;
PosTagger::~PosTagger() = default;

bool PosTagger::empty() const {
    return !model_ || model_->stages.empty();
}

const std::string& PosTagger::description() const {
    static const std::string kEmpty;
    return model_ ? model_->description : kEmpty;
}

std::size_t PosTagger::feature_count() const {
    std::size_t n = 0;
    if (model_)
        for (const auto& s : model_->stages) n += s.features;
    return n;
}

std::size_t PosTagger::weight_count() const {
    std::size_t n = 0;
    if (model_)
        for (const auto& s : model_->stages) n += s.weights;
    return n;
}

void PosTagger::tag(std::span<Token> sentence) const {
    if (empty()) return;
    Model::Scratch sc;
    model_->tag_range(sentence.data(), static_cast<int>(sentence.size()), sc);
}

void PosTagger::tag(AnnotatedDocument& doc) const {
    if (empty() || doc.tokens.empty()) return;
    Model::Scratch sc;
    if (doc.sentences.empty()) {
        model_->tag_range(doc.tokens.data(), static_cast<int>(doc.tokens.size()), sc);
        return;
    }
    for (const Sentence& s : doc.sentences) {
        if (s.end_token > doc.tokens.size() || s.first_token >= s.end_token) continue;
        model_->tag_range(doc.tokens.data() + s.first_token,
                          static_cast<int>(s.end_token - s.first_token), sc);
    }
}

// ---- serialization ------------------------------------------------------------------------

namespace {

class Writer {
  public:
    void bytes(const void* p, std::size_t n) { buf_.append(static_cast<const char*>(p), n); }
    template <class T>
    void put(T v) {
        static_assert(std::is_integral_v<T> || std::is_floating_point_v<T>);
        unsigned char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        if constexpr (std::endian::native == std::endian::big) std::reverse(b, b + sizeof(T));
        bytes(b, sizeof(T));
    }
    void str(std::string_view s) {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    std::string& buffer() { return buf_; }

  private:
    std::string buf_;
};

class Reader {
  public:
    Reader(std::string_view data, const std::string& file) : data_(data), file_(file) {}
    template <class T>
    T get() {
        need(sizeof(T));
        unsigned char b[sizeof(T)];
        std::memcpy(b, data_.data() + pos_, sizeof(T));
        if constexpr (std::endian::native == std::endian::big) std::reverse(b, b + sizeof(T));
        pos_ += sizeof(T);
        T v;
        std::memcpy(&v, b, sizeof(T));
        return v;
    }
    std::string_view str() {
        const auto n = get<std::uint32_t>();
        need(n);
        const std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    void need(std::size_t n) const {
        if (data_.size() - pos_ < n) fail("truncated model file");
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(ErrorKind::Model, "POS tagger model: " + what, file_);
    }
    std::size_t pos() const { return pos_; }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
    const std::string& file_;
};

}  // namespace

// Layout (little-endian):
//   "KGFPOSTG" u32 format_version u32 feature_set_version
//   u32 ntags, ntags x str            tag set (file tag k = index k)
//   str description                   training settings, "key=value" lines
//   u32 nwords, nwords x (u64 key, u16 tag)          tag dictionary (exact forms)
//   u32 nlex, nlex x (u64 key, u64 tag bit mask)     ambiguity classes (normalized forms)
//   u32 nstages, per stage: f32 scale, u32 nfeatures,
//       nfeatures x (u32 key, u8 count, count x (u8 tag, i16 weight))
//   u64 XXH64 of everything before
// Strings are u32 length + bytes. Tables are sorted by key, so the bytes are deterministic.
void PosTagger::save(const std::filesystem::path& path) const {
    const Model* m = model_.get();
    if (m == nullptr || m->stages.empty())
        throw Error(ErrorKind::InvalidArgument, "cannot save an empty POS model");
    Writer w;
    w.bytes(kMagic, sizeof kMagic);
    w.put<std::uint32_t>(kFormatVersion);
    w.put<std::uint32_t>(kFeatureSetVersion);
    w.put<std::uint32_t>(kTagCount - 1);
    for (std::uint16_t t = 1; t < kTagCount; ++t) w.str(kTagNames[t]);
    w.str(m->description);
    const auto words = m->dict.sorted_items();
    w.put<std::uint32_t>(static_cast<std::uint32_t>(words.size()));
    for (const auto& [key, tag] : words) {
        w.put<std::uint64_t>(key);
        w.put<std::uint16_t>(static_cast<std::uint16_t>(tag - 1));
    }
    const auto lex = m->lexicon.sorted_items();
    w.put<std::uint32_t>(static_cast<std::uint32_t>(lex.size()));
    for (const auto& [key, mask] : lex) {
        w.put<std::uint64_t>(key);
        w.put<std::uint64_t>(mask >> 1);  // ptb id t -> file tag t - 1
    }
    w.put<std::uint32_t>(static_cast<std::uint32_t>(m->stages.size()));
    for (const WeightTable& st : m->stages) {
        w.put<float>(st.scale);
        std::vector<const WeightTable::Slot*> slots;
        for (const auto& s : st.table)
            if (s.key != 0) slots.push_back(&s);
        std::sort(slots.begin(), slots.end(), [](auto* a, auto* b) { return a->key < b->key; });
        w.put<std::uint32_t>(static_cast<std::uint32_t>(slots.size()));
        for (const auto* s : slots) {
            w.put<std::uint32_t>(s->key);
            const auto list = st.list(*s);
            w.put<std::uint8_t>(static_cast<std::uint8_t>(list.size()));
            for (const std::uint32_t e : list) {
                w.put<std::uint8_t>(static_cast<std::uint8_t>((e >> 16) - 1));
                w.put<std::uint16_t>(static_cast<std::uint16_t>(e & 0xFFFF));
            }
        }
    }
    const std::uint64_t sum = XXH64(w.buffer().data(), w.buffer().size(), 0);
    w.put<std::uint64_t>(sum);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorKind::Io, "cannot write POS model", path.string());
    out.write(w.buffer().data(), static_cast<std::streamsize>(w.buffer().size()));
    if (!out) throw Error(ErrorKind::Io, "failed writing POS model", path.string());
}

PosTagger PosTagger::load(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error(ErrorKind::Io, "cannot open POS tagger model", file);
    std::string data(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.gcount() != static_cast<std::streamsize>(data.size()))
        throw Error(ErrorKind::Io, "cannot read POS tagger model", file);
    if (data.size() < sizeof kMagic + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        throw Error(ErrorKind::Model, "not a kgforge POS tagger model (bad magic)", file);
    {
        std::uint64_t stored = 0;
        std::memcpy(&stored, data.data() + data.size() - 8, 8);
        if constexpr (std::endian::native == std::endian::big) stored = __builtin_bswap64(stored);
        if (stored != XXH64(data.data(), data.size() - 8, 0))
            throw Error(ErrorKind::Model, "POS tagger model is corrupt (checksum mismatch)", file);
    }
    Reader r(std::string_view(data).substr(0, data.size() - 8), file);
    (void)r.get<std::uint64_t>();  // magic
    const auto version = r.get<std::uint32_t>();
    if (version != kFormatVersion) r.fail("unsupported format version " + std::to_string(version));
    const auto feature_set = r.get<std::uint32_t>();
    if (feature_set != kFeatureSetVersion)
        r.fail("unsupported feature set version " + std::to_string(feature_set));
    const auto ntags = r.get<std::uint32_t>();
    if (ntags == 0 || ntags > 63) r.fail("bad tag count");
    std::vector<std::uint16_t> remap(ntags);
    for (std::uint32_t t = 0; t < ntags; ++t) {
        const std::string_view name = r.str();
        const auto id = ptb_tag_id(name);
        if (!id) r.fail("unknown tag '" + std::string(name) + "'");
        remap[t] = *id;
    }
    auto model = std::make_unique<Model>();
    model->description = std::string(r.str());
    const auto nwords = r.get<std::uint32_t>();
    r.need(std::size_t{nwords} * 10);
    std::vector<std::pair<std::uint64_t, std::uint16_t>> words(nwords);
    for (auto& [key, tag] : words) {
        key = r.get<std::uint64_t>();
        const auto t = r.get<std::uint16_t>();
        if (t >= ntags || key == 0) r.fail("bad tag dictionary entry");
        tag = remap[t];
    }
    const auto nlex = r.get<std::uint32_t>();
    r.need(std::size_t{nlex} * 16);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> lex(nlex);
    for (auto& [key, mask] : lex) {
        key = r.get<std::uint64_t>();
        const auto bits = r.get<std::uint64_t>();
        if (key == 0) r.fail("bad lexicon entry");
        mask = 0;
        for (std::uint32_t t = 0; t < ntags; ++t)
            if ((bits >> t) & 1) mask |= std::uint64_t{1} << remap[t];
    }
    const auto nstages = r.get<std::uint32_t>();
    if (nstages < 1 || nstages > 2) r.fail("bad stage count");
    model->stages.resize(nstages);
    for (WeightTable& st : model->stages) {
        st.scale = r.get<float>();
        const auto nfeats = r.get<std::uint32_t>();
        r.need(std::size_t{nfeats} * 5);
        WeightTable::FlatFeatures feats;
        feats.keys.reserve(nfeats);
        feats.starts.reserve(std::size_t{nfeats} + 1);
        feats.lists.reserve(std::size_t{nfeats} * 3);
        std::uint32_t prev = 0;
        std::array<std::uint32_t, 256> list{};
        for (std::uint32_t f = 0; f < nfeats; ++f) {
            const auto key = r.get<std::uint32_t>();
            const auto count = r.get<std::uint8_t>();
            if (key <= prev || count == 0 || count > ntags) r.fail("bad feature entry");
            prev = key;
            r.need(std::size_t{count} * 3);
            for (std::size_t j = 0; j < count; ++j) {
                const auto t = r.get<std::uint8_t>();
                const auto wgt = r.get<std::uint16_t>();
                if (t >= ntags) r.fail("bad tag in weights");
                list[j] = (std::uint32_t{remap[t]} << 16) | wgt;
            }
            feats.add(key, std::span<const std::uint32_t>(list.data(), count));
        }
        st.build(feats);
    }
    if (r.pos() != data.size() - 8) r.fail("trailing bytes");
    model->dict.build(words);
    model->lexicon.build(lex);
    return PosTagger(std::move(model));
}

// ---- training -----------------------------------------------------------------------------

namespace {

inline std::uint64_t splitmix(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    return mix64(state);
}

// Token infos of a gold sentence, views re-derived from the offsets.
void gold_info(const TaggedSentence& s, std::vector<TokInfo>& info) {
    const std::string_view text(s.text);
    info.resize(s.tokens.size());
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        const Token& t = s.tokens[i];
        const std::string_view w = (t.begin <= t.end && t.end <= text.size())
                                       ? text.substr(t.begin, t.end - t.begin)
                                       : std::string_view();
        make_info(w, t.space_before, info[i]);
    }
    sentence_context(info.data(), static_cast<int>(info.size()));
}

// Infos (with ambiguity classes) and dictionary tags of one sentence.
struct Prepared {
    std::vector<TokInfo> info;
    std::vector<std::uint16_t> dict_tags;
    const std::vector<std::uint16_t>* gold = nullptr;
};

// The averaged perceptron being trained.
class Perceptron {
  public:
    explicit Perceptron(float prune) : prune_(prune) { ids_.reserve(1 << 20); }

    std::uint16_t best(const std::uint64_t* feats, int k) const {
        std::array<double, kTagCount> scores{};
        for (int f = 0; f < k; ++f) {
            const auto it = ids_.find(feats[f]);
            if (it == ids_.end()) continue;
            for (const Param& p : params_[it->second]) scores[p.tag] += p.w;
        }
        std::uint16_t guess = 1;
        for (std::uint16_t t = 2; t < kTagCount; ++t)
            if (scores[t] > scores[guess]) guess = t;
        return guess;
    }

    // One pass over `order` (indices into data) with first-pass tags t1 (or empty).
    double epoch(const std::vector<Prepared>& data, const std::vector<std::size_t>& order,
                 const std::vector<std::vector<std::uint16_t>>* t1) {
        std::uint64_t feats[kMaxFeatures];
        std::size_t correct = 0;
        std::size_t total = 0;
        for (const std::size_t idx : order) {
            const Prepared& s = data[idx];
            const int n = static_cast<int>(s.info.size());
            const std::uint16_t* first = t1 ? (*t1)[idx].data() : nullptr;
            std::uint16_t p1 = kStart;
            std::uint16_t p2 = kStart2;
            for (int i = 0; i < n; ++i) {
                const std::uint16_t gold = (*s.gold)[static_cast<std::size_t>(i)];
                std::uint16_t guess = s.dict_tags[static_cast<std::size_t>(i)];
                if (guess == 0) {
                    const int k = features(s.info.data(), n, i, p1, p2, first, feats);
                    guess = best(feats, k);
                    ++now_;
                    if (guess != gold && gold > 0 && gold < kTagCount) {
                        for (int f = 0; f < k; ++f) {
                            update(feats[f], gold, 1.0f);
                            update(feats[f], guess, -1.0f);
                        }
                    }
                }
                correct += guess == gold;
                ++total;
                p2 = p1;
                p1 = guess;
            }
        }
        return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total);
    }

    // The averaged weights, pruned and quantized to int16.
    WeightTable averaged() const {
        const double now = static_cast<double>(std::max<std::int64_t>(now_, 1));
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(ids_.begin(), ids_.end());
        std::sort(keys.begin(), keys.end());
        std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>> avg;
        avg.reserve(keys.size());
        float max_abs = 0.0f;
        for (const auto& [key, id] : keys) {
            std::vector<std::pair<std::uint16_t, float>> list;
            for (const Param& p : params_[id]) {
                const double a = (p.total + static_cast<double>(now_ - p.ts) * p.w) / now;
                const auto af = static_cast<float>(a);
                if (std::fabs(af) <= prune_ || af == 0.0f) continue;
                list.emplace_back(p.tag, af);
                max_abs = std::max(max_abs, std::fabs(af));
            }
            if (!list.empty()) avg.emplace_back(key, std::move(list));
        }
        // 32-bit keys: merge the (rare) features that collide.
        std::vector<std::pair<std::uint32_t, std::vector<std::pair<std::uint16_t, float>>>> merged;
        merged.reserve(avg.size());
        for (auto& [key, list] : avg) merged.emplace_back(key32(key), std::move(list));
        std::stable_sort(merged.begin(), merged.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::size_t out = 0;
        for (std::size_t i = 0; i < merged.size(); ++i) {
            if (out > 0 && merged[out - 1].first == merged[i].first) {
                auto& dst = merged[out - 1].second;
                for (const auto& [tag, w] : merged[i].second) {
                    auto it = std::find_if(dst.begin(), dst.end(),
                                           [tag = tag](const auto& e) { return e.first == tag; });
                    if (it != dst.end())
                        it->second += w;
                    else
                        dst.emplace_back(tag, w);
                }
            } else {
                if (out != i) merged[out] = std::move(merged[i]);
                ++out;
            }
        }
        merged.resize(out);
        WeightTable table;
        table.scale = max_abs > 0.0f ? 32767.0f / max_abs : 1.0f;
        std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> feats;
        feats.reserve(merged.size());
        for (auto& [key, list] : merged) {
            std::sort(list.begin(), list.end());
            std::vector<std::uint32_t> q;
            for (const auto& [tag, w] : list) {
                const auto qi = std::clamp<long>(std::lround(w * table.scale), -32767, 32767);
                if (qi == 0) continue;
                q.push_back((std::uint32_t{tag} << 16) |
                            static_cast<std::uint16_t>(static_cast<std::int16_t>(qi)));
            }
            if (!q.empty()) feats.emplace_back(key, std::move(q));
        }
        table.build(feats);
        return table;
    }

  private:
    struct Param {
        std::uint16_t tag;
        float w;
        double total;
        std::int64_t ts;
    };

    void update(std::uint64_t key, std::uint16_t tag, float v) {
        auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(params_.size()));
        if (inserted) params_.emplace_back();
        auto& list = params_[it->second];
        for (Param& p : list) {
            if (p.tag == tag) {
                p.total += static_cast<double>(now_ - p.ts) * p.w;
                p.ts = now_;
                p.w += v;
                return;
            }
        }
        list.push_back(Param{tag, v, 0.0, now_});
    }

    float prune_;
    std::unordered_map<std::uint64_t, std::uint32_t> ids_;
    std::vector<std::vector<Param>> params_;
    std::int64_t now_ = 0;
};

std::vector<std::size_t> shuffled(std::vector<std::size_t> order, std::uint64_t seed) {
    std::uint64_t state = seed;
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(splitmix(state) % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

// Tags of every sentence in `data` by `stage` (and first-pass tags t1, if given).
std::vector<std::vector<std::uint16_t>> decode_all(
    const std::vector<Prepared>& data, const WeightTable& stage,
    const std::vector<std::vector<std::uint16_t>>* t1) {
    std::vector<std::vector<std::uint16_t>> out(data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto n = data[i].info.size();
        out[i].resize(n);
        greedy(
            data[i].info.data(), static_cast<int>(n), data[i].dict_tags.data(),
            t1 ? (*t1)[i].data() : nullptr,
            [&](const std::uint64_t* f, int k) { return stage.best(f, k); }, out[i].data());
    }
    return out;
}

double accuracy(const std::vector<Prepared>& data,
                const std::vector<std::vector<std::uint16_t>>& tags) {
    std::size_t correct = 0;
    std::size_t total = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        for (std::size_t j = 0; j < tags[i].size(); ++j) {
            correct += tags[i][j] == (*data[i].gold)[j];
            ++total;
        }
    }
    return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TrainResult train_pos_tagger(const std::vector<TaggedSentence>& train,
                             const std::vector<TaggedSentence>& dev, const TaggerTrainOptions& opt,
                             const std::function<void(const TrainProgress&)>& progress) {
    auto report = [&](std::string_view phase, int epoch, double train_acc, double dev_acc,
                      double secs) {
        if (progress) progress(TrainProgress{phase, epoch, train_acc, dev_acc, secs});
    };

    // Counts for the tag dictionary (exact forms) and the lexicon (normalized forms).
    std::vector<std::vector<TokInfo>> infos(train.size());
    std::unordered_map<std::uint64_t, std::array<std::uint32_t, kTagCount>> word_counts;
    std::unordered_map<std::uint64_t, std::array<std::uint32_t, kTagCount>> norm_counts;
    constexpr std::size_t kLexFolds = 10;
    auto fold_key = [](std::uint64_t norm, std::size_t fold) {
        return mix64(norm ^ ((fold + 1) * 0x9E3779B97F4A7C15ULL));
    };
    std::unordered_map<std::uint64_t, std::array<std::uint32_t, kTagCount>> fold_counts;
    for (std::size_t si = 0; si < train.size(); ++si) {
        const auto& s = train[si];
        if (s.gold.size() != s.tokens.size())
            throw Error(ErrorKind::InvalidArgument, "training sentence without gold tags");
        gold_info(s, infos[si]);
        for (std::size_t i = 0; i < infos[si].size(); ++i) {
            const std::uint16_t g = s.gold[i];
            if (g == 0 || g >= kTagCount) continue;
            ++word_counts[infos[si][i].word][g];
            ++norm_counts[infos[si][i].norm][g];
            ++fold_counts[fold_key(infos[si][i].norm, si % kLexFolds)][g];
        }
    }
    auto class_of = [&](const std::array<std::uint32_t, kTagCount>& c) -> std::uint64_t {
        std::uint32_t total = 0;
        for (auto v : c) total += v;
        if (total == 0 || total < static_cast<std::uint32_t>(opt.lexicon_min_count)) return 0;
        std::uint64_t mask = 0;
        for (std::uint16_t t = 1; t < kTagCount; ++t)
            if (c[t] > 0 && c[t] * 100.0 >= opt.lexicon_min_percent * total)
                mask |= std::uint64_t{1} << t;
        return mask;
    };
    std::vector<std::pair<std::uint64_t, std::uint64_t>> lex;
    for (const auto& [norm, c] : norm_counts)
        if (const std::uint64_t mask = class_of(c); mask != 0) lex.emplace_back(norm, mask);
    std::sort(lex.begin(), lex.end());
    std::vector<std::pair<std::uint64_t, std::uint16_t>> words;
    for (const auto& [word, c] : word_counts) {
        std::uint32_t total = 0;
        std::uint16_t best = 0;
        for (std::uint16_t t = 0; t < kTagCount; ++t) {
            total += c[t];
            if (c[t] > c[best]) best = t;
        }
        if (total >= static_cast<std::uint32_t>(opt.tagdict_min_count) &&
            static_cast<double>(c[best]) >= opt.tagdict_min_ratio * total)
            words.emplace_back(word, best);
    }
    std::sort(words.begin(), words.end());
    FlatMap<std::uint16_t> dict;
    dict.build(words);
    FlatMap<std::uint64_t> lexicon;
    lexicon.build(lex);

    // Training sentences see jackknifed ambiguity classes (as unseen text will); dev sees
    // the full lexicon, as at run time.
    std::vector<Prepared> tdata(train.size());
    for (std::size_t si = 0; si < train.size(); ++si) {
        Prepared& p = tdata[si];
        p.info = std::move(infos[si]);
        p.gold = &train[si].gold;
        p.dict_tags.resize(p.info.size());
        for (std::size_t i = 0; i < p.info.size(); ++i) {
            auto c = norm_counts[p.info[i].norm];
            const auto it = fold_counts.find(fold_key(p.info[i].norm, si % kLexFolds));
            if (it != fold_counts.end())
                for (std::size_t t = 0; t < kTagCount; ++t) c[t] -= it->second[t];
            p.info[i].amb = class_of(c);
            p.dict_tags[i] = dict.get(p.info[i].word);
        }
    }
    std::vector<Prepared> ddata(dev.size());
    for (std::size_t si = 0; si < dev.size(); ++si) {
        Prepared& p = ddata[si];
        gold_info(dev[si], p.info);
        p.gold = &dev[si].gold;
        if (dev[si].gold.size() != p.info.size())
            throw Error(ErrorKind::InvalidArgument, "dev sentence without gold tags");
        p.dict_tags.resize(p.info.size());
        for (std::size_t i = 0; i < p.info.size(); ++i) {
            p.info[i].amb = lexicon.get(p.info[i].norm);
            p.dict_tags[i] = dict.get(p.info[i].word);
        }
    }
    std::vector<std::size_t> all(train.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

    // Stage 1: greedy left-to-right.
    TrainResult result;
    WeightTable stage1;
    {
        Perceptron model(opt.prune_threshold);
        double best_dev = -1.0;
        for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
            const auto t0 = std::chrono::steady_clock::now();
            const double tr = model.epoch(
                tdata, shuffled(all, opt.seed * 1000003ULL + static_cast<std::uint64_t>(epoch)),
                nullptr);
            WeightTable w = model.averaged();
            const double dv = accuracy(ddata, decode_all(ddata, w, nullptr));
            report("stage 1", epoch, tr, ddata.empty() ? -1.0 : dv, seconds_since(t0));
            if (dv > best_dev || ddata.empty()) {
                best_dev = dv;
                result.stage1_epochs = epoch;
                stage1 = std::move(w);
            }
        }
        result.stage1_dev_accuracy = best_dev;
        result.dev_accuracy = best_dev;
    }

    auto model = std::make_unique<PosTagger::Model>();
    model->description = opt.description;
    model->dict = dict;
    model->lexicon = lexicon;

    if (opt.stacked && opt.folds >= 2) {
        // First-pass tags for the training data from fold models that did not see it.
        const auto folds = static_cast<std::size_t>(opt.folds);
        std::vector<std::vector<std::uint16_t>> t1_train(train.size());
        for (std::size_t f = 0; f < folds; ++f) {
            std::vector<std::size_t> in_fold, rest;
            for (std::size_t i = 0; i < train.size(); ++i)
                (i % folds == f ? in_fold : rest).push_back(i);
            Perceptron fm(opt.prune_threshold);
            const std::string phase = "fold " + std::to_string(f + 1) + "/" + std::to_string(folds);
            for (int epoch = 1; epoch <= result.stage1_epochs; ++epoch) {
                const auto t0 = std::chrono::steady_clock::now();
                const double tr =
                    fm.epoch(tdata,
                             shuffled(rest, opt.seed * 1000003ULL + 7919ULL * (f + 1) +
                                                static_cast<std::uint64_t>(epoch)),
                             nullptr);
                report(phase, epoch, tr, -1.0, seconds_since(t0));
            }
            const WeightTable w = fm.averaged();
            for (const std::size_t i : in_fold) {
                const auto n = tdata[i].info.size();
                t1_train[i].resize(n);
                greedy(
                    tdata[i].info.data(), static_cast<int>(n), tdata[i].dict_tags.data(), nullptr,
                    [&](const std::uint64_t* ft, int k) { return w.best(ft, k); },
                    t1_train[i].data());
            }
        }
        const auto t1_dev = decode_all(ddata, stage1, nullptr);
        // Stage 2: the same features plus first-pass tags around the word.
        Perceptron m2(opt.prune_threshold);
        WeightTable stage2;
        double best_dev = -1.0;
        for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
            const auto t0 = std::chrono::steady_clock::now();
            const double tr = m2.epoch(tdata,
                                       shuffled(all, opt.seed * 1000003ULL + 104729ULL +
                                                         static_cast<std::uint64_t>(epoch)),
                                       &t1_train);
            WeightTable w = m2.averaged();
            const double dv = accuracy(ddata, decode_all(ddata, w, &t1_dev));
            report("stage 2", epoch, tr, ddata.empty() ? -1.0 : dv, seconds_since(t0));
            if (dv > best_dev || ddata.empty()) {
                best_dev = dv;
                result.stage2_epochs = epoch;
                stage2 = std::move(w);
            }
        }
        if (best_dev > result.stage1_dev_accuracy || ddata.empty()) {
            result.dev_accuracy = best_dev;
            model->stages.push_back(std::move(stage1));
            model->stages.push_back(std::move(stage2));
        } else {
            result.stage2_epochs = 0;
            model->stages.push_back(std::move(stage1));
        }
    } else {
        model->stages.push_back(std::move(stage1));
    }
    result.tagger = PosTagger(std::move(model));
    return result;
}

double evaluate(const PosTagger& tagger, const std::vector<TaggedSentence>& gold) {
    std::size_t correct = 0;
    std::size_t total = 0;
    std::vector<Token> tokens;
    for (const auto& s : gold) {
        tokens = s.tokens;
        const std::string_view text(s.text);
        for (auto& t : tokens)
            t.text = (t.begin <= t.end && t.end <= text.size())
                         ? text.substr(t.begin, t.end - t.begin)
                         : std::string_view();
        tagger.tag(std::span<Token>(tokens));
        for (std::size_t i = 0; i < tokens.size() && i < s.gold.size(); ++i) {
            correct += tokens[i].pos == s.gold[i];
            ++total;
        }
    }
    return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total);
}

}  // namespace kgforge::nlp
