#include "nlp/ner_model.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>
#include <random>
#include <unordered_map>

#include <xxhash.h>

#include "kgforge/error.hpp"

namespace kgforge::nlp {

namespace {

constexpr char kMagic[8] = {'K', 'G', 'F', 'N', 'E', 'R', '\0', '\1'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kFeatureVersion = 3;  // bump when extract_ner_features changes

// ---- hashing --------------------------------------------------------------------------
// A feature key combines its template id with 64-bit hashes of token strings (each string is
// hashed once per sentence, context features reuse the neighbours' hashes) and small integers.
// 0 is never a key: it marks empty table slots.
std::uint64_t hash_string(std::string_view s) {
    return XXH3_64bits(s.data(), s.size());
}

[[gnu::always_inline]] inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

template <class... Parts>
[[gnu::always_inline]] inline std::uint64_t fkey(std::uint32_t templ, Parts... parts) {
    std::uint64_t h = mix64(0x6a09e667f3bcc908ULL + templ);
    ((h = mix64(h ^
                (static_cast<std::uint64_t>(parts) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)))),
     ...);
    return h | 1;
}

enum Templ : std::uint32_t {
    kBias = 1,
    kWord,
    kLower,
    kPrev1,
    kPrev2,
    kNext1,
    kNext2,
    kBigramL,
    kBigramR,
    kShape,
    kShapeP1,
    kShapeN1,
    kShapeTri,
    kPrefix,
    kSuffix,
    kFlags,
    kGazHere,
    kGazP1,
    kGazN1,
    kFirst,
    kCapsSent,
    kLen,
    kLabelP1,
    kLabelP2P1,
    kLabelP1Word,
    kLabelP1Shape,
    kShapeSuffix,
    kRoleBefore,
    kWordNext2,
    kInner,
    kCommon,
    kCommonFirst,
};

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Lower-cased word with digits replaced by '0'.
void normalize_word(std::string_view text, std::string& out) {
    bool ascii = true;
    for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (!ascii) {
        out = fold_case(text);
        for (auto& c : out) {
            if (is_digit(c)) c = '0';
        }
        return;
    }
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        out[i] = is_ascii_upper(c) ? static_cast<char>(c + 32) : is_digit(c) ? '0' : c;
    }
}

// Compressed word shape: "Xx", "X.X.", "d-d", "XxX" (runs collapsed).
void word_shape(std::string_view text, std::string& out) {
    out.clear();
    std::size_t i = 0;
    std::size_t count = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        char cls;
        if (byte < 0x80) {
            char c = static_cast<char>(byte);
            cls = is_ascii_upper(c) ? 'X' : is_ascii_lower(c) ? 'x' : is_digit(c) ? 'd' : c;
            ++i;
        } else {
            cls = starts_upper(text.substr(i)) ? 'X' : 'u';
            ++i;
            while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        }
        if (out.empty() || out.back() != cls) {
            out.push_back(cls);
            if (++count > 12) break;
        }
    }
}

bool is_all_caps_sentence(std::span<const Token> tokens) {
    std::size_t upper = 0, lower = 0;
    for (const auto& t : tokens) {
        for (char c : t.text) {
            if (is_ascii_upper(c)) ++upper;
            if (is_ascii_lower(c)) ++lower;
        }
    }
    return upper >= 4 && lower * 10 < upper;
}

// ---- labels ---------------------------------------------------------------------------
int label_class(int label) {
    return label == 0 ? -1 : (label - 1) / 4;
}
int label_part(int label) {
    return label == 0 ? -1 : (label - 1) % 4;
}  // 0 B 1 I 2 L 3 U

bool transition_ok(int prev, int cur) {
    const int pp = label_part(prev);
    const int cp = label_part(cur);
    const bool prev_open = pp == 0 || pp == 1;  // B or I: an entity continues
    if (prev_open) return (cp == 1 || cp == 2) && label_class(prev) == label_class(cur);
    return cur == 0 || cp == 0 || cp == 3;
}

// ---- weight table (runtime) -------------------------------------------------------------
struct WeightTable {
    struct Slot {
        std::uint64_t key = 0;  // 0 = empty
        std::uint32_t row = 0;
    };
    std::vector<Slot> slots;            // open addressing
    std::vector<std::int16_t> weights;  // rows * kNerLabelCount, quantized (value / scale)
    float scale = 1.0f;
    std::size_t mask = 0;
    std::size_t count = 0;

    void init(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        slots.assign(cap, Slot{});
        mask = cap - 1;
        weights.clear();
        weights.reserve(n * kNerLabelCount);
        count = 0;
    }
    void insert(std::uint64_t key, const std::int16_t* w) {
        std::size_t slot = static_cast<std::size_t>(key) & mask;
        while (slots[slot].key != 0 && slots[slot].key != key) slot = (slot + 1) & mask;
        if (slots[slot].key == 0) {
            slots[slot] = {key, static_cast<std::uint32_t>(count++)};
            weights.insert(weights.end(), w, w + kNerLabelCount);
        }
    }
    void prefetch(std::uint64_t key) const {
        if (!slots.empty()) __builtin_prefetch(&slots[static_cast<std::size_t>(key) & mask]);
    }
    const std::int16_t* find(std::uint64_t key) const {
        if (slots.empty()) return nullptr;
        std::size_t slot = static_cast<std::size_t>(key) & mask;
        while (slots[slot].key != 0) {
            if (slots[slot].key == key)
                return &weights[slots[slot].row * std::size_t{kNerLabelCount}];
            slot = (slot + 1) & mask;
        }
        return nullptr;
    }
};

}  // namespace

std::uint64_t ner_word_key(std::string_view text, bool all_caps_sentence) {
    return fkey(kWord, hash_string(text), all_caps_sentence ? 1 : 0);
}

bool ner_all_caps_sentence(std::span<const Token> tokens) {
    return is_all_caps_sentence(tokens);
}

std::string ner_label_name(int label) {
    if (label <= 0 || label >= kNerLabelCount) return "O";
    static constexpr char parts[] = {'B', 'I', 'L', 'U'};
    return std::string(1, parts[label_part(label)]) + "-" +
           std::string(kNerClasses[label_class(label)]);
}

void extract_ner_features(std::span<const Token> tokens, const Gazetteer& gazetteer,
                          NerFeatures& out, const std::vector<char>* skip_word,
                          const std::vector<GazetteerMatch>* matches) {
    out.hashes.clear();
    out.offsets.clear();
    const std::size_t n = tokens.size();
    out.offsets.reserve(n + 1);
    // Written through a pointer (push_back is not inlined in this long function); a token
    // has at most 17 word features and 16 context features plus one per gazetteer bit.
    constexpr std::size_t kMaxPerToken = 17 + 16 + 64;
    out.hashes.resize(n * kMaxPerToken);
    std::uint64_t* const hashes = out.hashes.data();
    std::size_t used = 0;

    // Per-token normalized words and shapes and their hashes (buffers reused across calls).
    // Context features combine the neighbours' hashes, so no string is hashed twice.
    thread_local std::vector<std::string> words;
    thread_local std::vector<std::string> shapes;
    thread_local std::vector<std::uint64_t> word_hash;  // index i + 2 (two pads each side)
    thread_local std::vector<std::uint64_t> shape_hash;
    thread_local std::vector<std::uint64_t> gaz;
    thread_local std::vector<std::uint32_t> kinds_at;
    thread_local std::vector<char> role_before;
    if (words.size() < n) {
        words.resize(n);
        shapes.resize(n);
    }
    word_hash.resize(n + 4);
    shape_hash.resize(n + 4);
    static const std::uint64_t kBos = hash_string("<s>");
    static const std::uint64_t kEos = hash_string("</s>");
    word_hash[0] = word_hash[1] = shape_hash[0] = shape_hash[1] = kBos;
    word_hash[n + 2] = word_hash[n + 3] = shape_hash[n + 2] = shape_hash[n + 3] = kEos;
    for (std::size_t i = 0; i < n; ++i) {
        normalize_word(tokens[i].text, words[i]);
        word_shape(tokens[i].text, shapes[i]);
        word_hash[i + 2] = hash_string(words[i]);
        shape_hash[i + 2] = hash_string(shapes[i]);
    }
    // Gazetteer bits: kind * 4 + part.
    gaz.assign(n, 0);
    kinds_at.assign(n, 0);
    role_before.assign(n, 0);
    thread_local std::vector<GazetteerMatch> own_matches;
    if (!matches) {
        own_matches = gazetteer.find_all(tokens);
        matches = &own_matches;
    }
    for (const auto& m : *matches) {
        const auto k = static_cast<unsigned>(m.kind);
        for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
            unsigned part = m.end_token - m.first_token == 1 ? 3
                            : t == m.first_token             ? 0
                            : t + 1 == m.end_token           ? 2
                                                             : 1;
            gaz[t] |= std::uint64_t{1} << (k * 4 + part);
            kinds_at[t] |= 1u << k;
        }
        if (m.kind == GazetteerKind::RoleWord && m.end_token < n) role_before[m.end_token] = 1;
    }
    const bool caps = is_all_caps_sentence(tokens);
    const std::uint64_t caps_bit = caps ? 1 : 0;

    out.lower_hash.resize(n);
    out.shape_hash.resize(n);
    out.word_key.resize(n);
    out.context_begin.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.offsets.push_back(static_cast<std::uint32_t>(used));
        const std::string& w = words[i];
        const auto text = tokens[i].text;
        // neighbours' hashes: wm2 = word two to the left, ... (pads beyond the sentence)
        const std::uint64_t wm2 = word_hash[i], wm1 = word_hash[i + 1], w0 = word_hash[i + 2],
                            wp1 = word_hash[i + 3], wp2 = word_hash[i + 4];
        const std::uint64_t sm1 = shape_hash[i + 1], s0 = shape_hash[i + 2],
                            sp1 = shape_hash[i + 3], sp2 = shape_hash[i + 4];
        auto push = [&](std::uint64_t key) { hashes[used++] = key; };
        out.lower_hash[i] = fkey(kLower, w0);
        out.shape_hash[i] = fkey(kShape, s0, caps_bit);
        const std::uint64_t text_hash = hash_string(text);
        out.word_key[i] = fkey(kWord, text_hash, caps_bit);  // = ner_word_key(text, caps)
        const bool upper_initial = starts_upper(text);
        // ---- word features: depend on the token text and the all-caps flag only
        if (!skip_word || !(*skip_word)[i]) {
            push(fkey(kBias));
            push(fkey(kWord, text_hash));
            push(out.lower_hash[i]);
            push(out.shape_hash[i]);
            for (std::size_t k = 1; k <= 4 && k <= w.size(); ++k) {
                push(fkey(kPrefix, k, hash_string(std::string_view(w).substr(0, k))));
                push(fkey(kSuffix, k, hash_string(std::string_view(w).substr(w.size() - k))));
            }
            push(fkey(kShapeSuffix, s0,
                      hash_string(std::string_view(w).substr(w.size() > 3 ? w.size() - 3 : 0))));
            {
                unsigned flags = 0;
                bool all_upper = !text.empty();
                for (char c : text) {
                    if (is_ascii_lower(c)) all_upper = false;
                    if (is_digit(c)) flags |= 1;
                    if (c == '-') flags |= 2;
                    if (c == '.') flags |= 4;
                    if (c == '&') flags |= 8;
                    if (c == '\'') flags |= 16;
                }
                if (all_upper && upper_initial) flags |= 32;
                if (upper_initial) flags |= 64;
                push(fkey(kFlags, flags));
                push(fkey(kLen, std::min<std::size_t>(text.size(), 12), flags & 64 ? 1 : 0));
            }
            if (caps) push(fkey(kCapsSent, w0));
            if (upper_initial)
                push(fkey(kCommon, gazetteer.is_common_word(text) ? 1 : 0, caps_bit));
        }
        // ---- context features
        out.context_begin[i] = static_cast<std::uint32_t>(used);
        push(fkey(kPrev1, wm1));
        push(fkey(kPrev2, wm2));
        push(fkey(kNext1, wp1));
        push(fkey(kNext2, wp2));
        push(fkey(kBigramL, wm1, w0));
        push(fkey(kBigramR, w0, wp1));
        push(fkey(kShapeP1, sm1, s0));
        push(fkey(kShapeN1, s0, sp1));
        push(fkey(kShapeTri, sm1, s0, sp1));
        push(fkey(kWordNext2, w0, sp1, sp2));
        if (i == 0) {
            push(fkey(kFirst, s0));
            push(fkey(kCommonFirst, upper_initial && gazetteer.is_common_word(text) ? 1 : 0));
        }
        for (std::uint64_t bits = gaz[i]; bits != 0; bits &= bits - 1)
            push(fkey(kGazHere, static_cast<std::uint64_t>(std::countr_zero(bits))));
        if (i > 0) push(fkey(kGazP1, kinds_at[i - 1], gaz[i] ? 1 : 0));
        if (i + 1 < n) push(fkey(kGazN1, kinds_at[i + 1], upper_initial ? 1 : 0));
        if (role_before[i]) push(fkey(kRoleBefore, s0));
        // Inner lower-case word of a capitalized run: "Bank of X".
        if (i > 0 && i + 1 < n && shapes[i] == "x" && starts_upper(tokens[i - 1].text) &&
            starts_upper(tokens[i + 1].text))
            push(fkey(kInner, w0));
    }
    out.offsets.push_back(static_cast<std::uint32_t>(used));
    out.hashes.resize(used);
}

// ---- the model --------------------------------------------------------------------------

inline void add_row(std::array<std::int32_t, kNerLabelCount>& scores, const std::int16_t* w) {
    std::int32_t* __restrict out = scores.data();
    for (int l = 0; l < kNerLabelCount; ++l) out[l] += w[l];
}
inline void add_scores(std::array<std::int32_t, kNerLabelCount>& scores,
                       const std::array<std::int32_t, kNerLabelCount>& more) {
    for (std::size_t l = 0; l < scores.size(); ++l) scores[l] += more[l];
}

namespace {
// Direct-mapped per-thread cache of summed word-feature weights, keyed by word (+ caps flag).
struct WordCache {
    static constexpr std::size_t kSize = 1 << 13;
    struct Line {
        std::uint64_t key = 0;
        std::array<std::int32_t, kNerLabelCount> scores{};
    };
    const void* owner = nullptr;
    std::uint64_t generation = 0;
    std::vector<Line> lines;
};
std::atomic<std::uint64_t> g_model_generation{1};
}  // namespace

struct NerModel::Impl {
    WeightTable table;
    std::uint64_t generation = g_model_generation.fetch_add(1);
    NerTrainingSettings settings;

    // Dynamic (history) features for token i with previous labels p1, p2.
    static void history_features(int p1, int p2, std::uint64_t word_key, std::uint64_t shape_key,
                                 std::array<std::uint64_t, 4>& out) {
        const auto l1 = static_cast<std::uint64_t>(p1);
        out[0] = fkey(kLabelP1, l1);
        out[1] = fkey(kLabelP2P1, static_cast<std::uint64_t>(p2), l1);
        out[2] = fkey(kLabelP1Word, l1, word_key);
        out[3] = fkey(kLabelP1Shape, l1, shape_key);
    }

    // Summed weights of the two label-only history features for every (p1, p2), so that
    // decoding looks up only the two that involve the word.
    std::vector<std::array<std::int32_t, kNerLabelCount>> label_pair_scores;
    void finish() {
        label_pair_scores.assign(kNerLabelCount * kNerLabelCount, {});
        std::array<std::uint64_t, 4> hist{};
        for (int p1 = 0; p1 < kNerLabelCount; ++p1) {
            for (int p2 = 0; p2 < kNerLabelCount; ++p2) {
                history_features(p1, p2, 0, 0, hist);
                auto& row = label_pair_scores[static_cast<std::size_t>(p1 * kNerLabelCount + p2)];
                for (int h = 0; h < 2; ++h)
                    if (const std::int16_t* w = table.find(hist[static_cast<std::size_t>(h)]))
                        add_row(row, w);
            }
        }
    }
};

std::size_t NerModel::feature_count() const {
    return impl_ ? impl_->table.count : 0;
}

std::vector<std::uint8_t> NerModel::predict(std::span<const Token> tokens,
                                            const Gazetteer& gazetteer) const {
    return predict(tokens, gazetteer, nullptr);
}

std::vector<std::uint8_t> NerModel::predict(std::span<const Token> tokens,
                                            const Gazetteer& gazetteer,
                                            const std::vector<GazetteerMatch>* matches) const {
    std::vector<std::uint8_t> labels(tokens.size(), 0);
    if (!impl_ || tokens.empty()) return labels;
    const auto& table = impl_->table;
    thread_local NerFeatures features;
    thread_local WordCache cache;
    thread_local std::vector<char> skip;
    thread_local std::vector<const std::int16_t*> rows;
    thread_local std::vector<WordCache::Line> pending;
    pending.clear();
    if (cache.owner != impl_.get() || cache.generation != impl_->generation) {
        cache.lines.assign(WordCache::kSize, WordCache::Line{});
        cache.owner = impl_.get();
        cache.generation = impl_->generation;
    }
    const std::size_t n = tokens.size();
    const bool caps = ner_all_caps_sentence(tokens);
    // word-cache lines of all tokens first (prefetched), then which ones hit
    thread_local std::vector<std::uint64_t> word_keys;
    word_keys.resize(n);
    auto line_of = [&](std::uint64_t key) -> WordCache::Line& {
        return cache.lines[static_cast<std::size_t>(key >> 7) & (WordCache::kSize - 1)];
    };
    for (std::size_t i = 0; i < n; ++i) {
        word_keys[i] = ner_word_key(tokens[i].text, caps);
        __builtin_prefetch(&line_of(word_keys[i]));
    }
    skip.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) skip[i] = line_of(word_keys[i]).key == word_keys[i];
    extract_ner_features(tokens, gazetteer, features, &skip, matches);
    // resolve every feature to its weight row first, prefetching ahead (the lookups are
    // independent, so their cache misses overlap); also prefetch the word history features
    // for a previous label O, the usual case
    const auto total = features.hashes.size();
    rows.resize(total);
    constexpr std::size_t kAhead = 12;
    for (std::size_t k = 0; k < std::min(total, kAhead); ++k) table.prefetch(features.hashes[k]);
    for (std::size_t k = 0; k < total; ++k) {
        if (k + kAhead < total) table.prefetch(features.hashes[k + kAhead]);
        rows[k] = table.find(features.hashes[k]);
        if (rows[k]) {
            __builtin_prefetch(rows[k]);
            __builtin_prefetch(rows[k] + kNerLabelCount - 1);
        }
    }
    std::array<std::uint64_t, 4> hist{};
    for (std::size_t i = 0; i < n; ++i) {
        Impl::history_features(0, 0, features.lower_hash[i], features.shape_hash[i], hist);
        table.prefetch(hist[2]);
        table.prefetch(hist[3]);
    }
    int p1 = 0, p2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t wkey = features.word_key[i];
        std::array<std::int32_t, kNerLabelCount> scores =
            impl_->label_pair_scores[static_cast<std::size_t>(p1 * kNerLabelCount + p2)];
        if (skip[i]) {
            add_scores(scores, line_of(wkey).scores);
        } else {
            std::array<std::int32_t, kNerLabelCount> word{};
            for (auto k = features.offsets[i]; k < features.context_begin[i]; ++k) {
                if (const std::int16_t* w = rows[k]) add_row(word, w);
            }
            pending.push_back({wkey, word});  // written after the sentence: hits stay valid
            add_scores(scores, word);
        }
        for (auto k = features.context_begin[i]; k < features.offsets[i + 1]; ++k) {
            if (const std::int16_t* w = rows[k]) add_row(scores, w);
        }
        Impl::history_features(p1, p2, features.lower_hash[i], features.shape_hash[i], hist);
        for (std::size_t h = 2; h < 4; ++h) {
            if (const std::int16_t* w = table.find(hist[h])) add_row(scores, w);
        }
        int best = -1;
        for (int l = 0; l < kNerLabelCount; ++l) {
            if (!transition_ok(p1, l)) continue;
            if (best < 0 ||
                scores[static_cast<std::size_t>(l)] > scores[static_cast<std::size_t>(best)])
                best = l;
        }
        if (best < 0) best = 0;
        labels[i] = static_cast<std::uint8_t>(best);
        p2 = p1;
        p1 = best;
    }
    for (const auto& p : pending) {
        cache.lines[static_cast<std::size_t>(p.key >> 7) & (WordCache::kSize - 1)] = p;
    }
    return labels;
}

NerModel NerModel::train(std::span<const NerSentence> sentences, const Gazetteer& gazetteer,
                         const NerTrainingSettings& settings,
                         const std::function<void(const std::string&)>& progress) {
    // 1. static features of every sentence, and their counts
    std::vector<NerFeatures> feats(sentences.size());
    std::unordered_map<std::uint64_t, std::uint32_t> counts;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        extract_ner_features(sentences[s].tokens, gazetteer, feats[s]);
        for (auto h : feats[s].hashes) ++counts[h];
    }
    // 2. feature -> row (features below the count threshold are dropped)
    std::unordered_map<std::uint64_t, std::uint32_t> row_of;
    std::vector<std::uint64_t> row_keys;
    auto add_row = [&](std::uint64_t key) {
        auto [it, inserted] = row_of.emplace(key, static_cast<std::uint32_t>(row_keys.size()));
        if (inserted) row_keys.push_back(key);
        return it->second;
    };
    {
        std::vector<std::uint64_t> kept;
        for (const auto& [key, count] : counts) {
            if (count >= settings.min_feature_count) kept.push_back(key);
        }
        std::sort(kept.begin(), kept.end());  // deterministic row order
        for (auto key : kept) add_row(key);
    }
    constexpr std::uint32_t kNone = 0xFFFFFFFF;
    std::vector<std::vector<std::uint32_t>> rows(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        rows[s].reserve(feats[s].hashes.size());
        for (auto h : feats[s].hashes) {
            auto it = row_of.find(h);
            rows[s].push_back(it == row_of.end() ? kNone : it->second);
        }
    }
    // history features: created on demand for gold histories of the training data
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& labels = sentences[s].labels;
        int p1 = 0, p2 = 0;
        std::array<std::uint64_t, 4> hist{};
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const auto begin = feats[s].offsets[i];
            Impl::history_features(p1, p2, feats[s].lower_hash[i], feats[s].shape_hash[i], hist);
            add_row(hist[0]);
            add_row(hist[1]);
            (void)begin;
            if (counts[feats[s].lower_hash[i]] >= settings.min_feature_count) {
                add_row(hist[2]);
            }
            add_row(hist[3]);
            p2 = p1;
            p1 = labels[i];
        }
    }
    const std::size_t nrows = row_keys.size();
    std::vector<float> w(nrows * kNerLabelCount, 0.0f);
    std::vector<double> u(nrows * kNerLabelCount, 0.0);
    double c = 1.0;

    std::vector<std::size_t> order(sentences.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(settings.seed);
    std::vector<std::uint32_t> hist_rows;
    for (std::uint32_t epoch = 0; epoch < settings.iterations; ++epoch) {
        for (std::size_t k = order.size(); k > 1; --k) {  // own Fisher-Yates: portable
            std::size_t j = rng() % k;
            std::swap(order[k - 1], order[j]);
        }
        std::size_t errors = 0, total = 0;
        for (auto s : order) {
            const auto& sent = sentences[s];
            const auto& f = feats[s];
            int p1 = 0, p2 = 0;
            std::array<std::uint64_t, 4> hist{};
            for (std::size_t i = 0; i < sent.labels.size(); ++i) {
                const auto begin = f.offsets[i];
                const auto end = f.offsets[i + 1];
                Impl::history_features(p1, p2, f.lower_hash[i], f.shape_hash[i], hist);
                hist_rows.clear();
                for (auto key : hist) {
                    auto it = row_of.find(key);
                    if (it != row_of.end()) hist_rows.push_back(it->second);
                }
                std::array<float, kNerLabelCount> scores{};
                auto accumulate = [&](std::uint32_t row) {
                    const float* wr = &w[row * std::size_t{kNerLabelCount}];
                    for (int l = 0; l < kNerLabelCount; ++l)
                        scores[static_cast<std::size_t>(l)] += wr[l];
                };
                for (auto k = begin; k < end; ++k) {
                    if (rows[s][k] != kNone) accumulate(rows[s][k]);
                }
                for (auto row : hist_rows) accumulate(row);
                int best = -1;
                for (int l = 0; l < kNerLabelCount; ++l) {
                    if (!transition_ok(p1, l)) continue;
                    if (best < 0 || scores[static_cast<std::size_t>(l)] >
                                        scores[static_cast<std::size_t>(best)])
                        best = l;
                }
                const int gold = sent.labels[i];
                ++total;
                if (best != gold) {
                    ++errors;
                    auto update = [&](std::uint32_t row) {
                        auto base = row * std::size_t{kNerLabelCount};
                        w[base + static_cast<std::size_t>(gold)] += 1.0f;
                        u[base + static_cast<std::size_t>(gold)] += c;
                        if (best >= 0) {
                            w[base + static_cast<std::size_t>(best)] -= 1.0f;
                            u[base + static_cast<std::size_t>(best)] -= c;
                        }
                    };
                    for (auto k = begin; k < end; ++k) {
                        if (rows[s][k] != kNone) update(rows[s][k]);
                    }
                    for (auto row : hist_rows) update(row);
                }
                c += 1.0;
                p2 = p1;
                p1 = best < 0 ? 0 : best;  // history from predictions (as at runtime)
            }
        }
        if (progress) {
            progress("epoch " + std::to_string(epoch + 1) + ": token error rate " +
                     std::to_string(static_cast<double>(errors) /
                                    static_cast<double>(std::max<std::size_t>(total, 1))));
        }
    }
    // 3. average and prune
    auto impl = std::make_shared<Impl>();
    impl->settings = settings;
    std::size_t kept = 0;
    std::vector<float> avg(kNerLabelCount);
    std::vector<std::pair<std::uint64_t, std::vector<float>>> final_rows;
    for (std::size_t r = 0; r < nrows; ++r) {
        float maxabs = 0.0f;
        for (int l = 0; l < kNerLabelCount; ++l) {
            auto idx = r * kNerLabelCount + static_cast<std::size_t>(l);
            avg[static_cast<std::size_t>(l)] = static_cast<float>(w[idx] - u[idx] / c);
            maxabs = std::max(maxabs, std::fabs(avg[static_cast<std::size_t>(l)]));
        }
        if (maxabs <= settings.prune_threshold || maxabs == 0.0f) continue;
        final_rows.emplace_back(row_keys[r], avg);
        ++kept;
    }
    float maxabs_all = 0.0f;
    for (const auto& item : final_rows) {
        for (float v : item.second) maxabs_all = std::max(maxabs_all, std::fabs(v));
    }
    impl->table.scale = maxabs_all > 0.0f ? maxabs_all / 32767.0f : 1.0f;
    impl->table.init(kept);
    std::array<std::int16_t, kNerLabelCount> q{};
    for (const auto& [key, values] : final_rows) {
        for (int l = 0; l < kNerLabelCount; ++l) {
            float v = values[static_cast<std::size_t>(l)] / impl->table.scale;
            q[static_cast<std::size_t>(l)] =
                static_cast<std::int16_t>(std::lround(std::clamp(v, -32767.0f, 32767.0f)));
        }
        impl->table.insert(key, q.data());
    }
    impl->finish();
    NerModel model;
    model.impl_ = std::move(impl);
    return model;
}

// File format (little endian):
//   magic "KGFNER\0\1", u32 format version, u32 feature version, u32 label count,
//   u32 iterations, u32 min feature count, f32 prune threshold, u32 seed,
//   f32 quantization scale, u64 feature count,
//   then per feature: u64 key, i16 weights[label count] (weight = value * scale).
void NerModel::save(const std::filesystem::path& file) const {
    if (!impl_) throw Error(ErrorKind::Internal, "saving an empty NER model");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorKind::Io, "cannot write NER model", file.string());
    const auto& t = impl_->table;
    const float scale = t.scale;
    auto put32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto putf = [&](float v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    out.write(kMagic, 8);
    put32(kFormatVersion);
    put32(kFeatureVersion);
    put32(kNerLabelCount);
    put32(impl_->settings.iterations);
    put32(impl_->settings.min_feature_count);
    putf(impl_->settings.prune_threshold);
    put32(impl_->settings.seed);
    putf(scale);
    std::uint64_t count = t.count;
    out.write(reinterpret_cast<const char*>(&count), 8);
    // rows in key order so the file is deterministic
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    order.reserve(t.count);
    for (const auto& slot : t.slots) {
        if (slot.key != 0) order.emplace_back(slot.key, slot.row);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [key, row] : order) {
        out.write(reinterpret_cast<const char*>(&key), 8);
        out.write(reinterpret_cast<const char*>(&t.weights[row * std::size_t{kNerLabelCount}]),
                  static_cast<std::streamsize>(kNerLabelCount * sizeof(std::int16_t)));
    }
    if (!out) throw Error(ErrorKind::Io, "failed writing NER model", file.string());
}

NerModel NerModel::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Model, "cannot open NER model", file.string());
    in.seekg(0, std::ios::end);
    std::vector<char> bytes(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size()))
        throw Error(ErrorKind::Model, "cannot read NER model", file.string());
    std::size_t pos = 0;
    auto need = [&](std::size_t n) {
        if (pos + n > bytes.size()) {
            throw Error(ErrorKind::Model, "truncated NER model", file.string());
        }
    };
    auto get32 = [&] {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, &bytes[pos], 4);
        pos += 4;
        return v;
    };
    auto getf = [&] {
        need(4);
        float v;
        std::memcpy(&v, &bytes[pos], 4);
        pos += 4;
        return v;
    };
    need(8);
    if (std::memcmp(bytes.data(), kMagic, 8) != 0) {
        throw Error(ErrorKind::Model, "not a kgforge NER model", file.string());
    }
    pos = 8;
    if (get32() != kFormatVersion)
        throw Error(ErrorKind::Model, "unsupported NER model version", file.string());
    if (get32() != kFeatureVersion) {
        throw Error(ErrorKind::Model, "NER model was trained with other features; retrain",
                    file.string());
    }
    if (get32() != kNerLabelCount)
        throw Error(ErrorKind::Model, "NER label set mismatch", file.string());
    auto impl = std::make_shared<Impl>();
    impl->settings.iterations = get32();
    impl->settings.min_feature_count = get32();
    impl->settings.prune_threshold = getf();
    impl->settings.seed = get32();
    const float scale = getf();
    need(8);
    std::uint64_t count;
    std::memcpy(&count, &bytes[pos], 8);
    pos += 8;
    const std::size_t row_bytes = 8 + kNerLabelCount * 2;
    if (count > (bytes.size() - pos) / row_bytes) {
        throw Error(ErrorKind::Model, "truncated NER model", file.string());
    }
    impl->table.init(static_cast<std::size_t>(count));
    impl->table.scale = scale;
    std::array<std::int16_t, kNerLabelCount> values{};
    for (std::uint64_t r = 0; r < count; ++r) {
        std::uint64_t key;
        std::memcpy(&key, &bytes[pos], 8);
        pos += 8;
        for (int l = 0; l < kNerLabelCount; ++l) {
            std::memcpy(&values[static_cast<std::size_t>(l)], &bytes[pos], 2);
            pos += 2;
        }
        if (key == 0) throw Error(ErrorKind::Model, "corrupt NER model", file.string());
        impl->table.insert(key, values.data());
    }
    impl->finish();
    NerModel model;
    model.impl_ = std::move(impl);
    return model;
}

std::vector<LabelSpan> ner_labels_to_spans(std::span<const std::uint8_t> labels) {
    std::vector<LabelSpan> spans;
    int open_cls = -1;
    std::uint32_t open_first = 0;
    auto close = [&](std::uint32_t end) {
        if (open_cls >= 0) spans.push_back({open_first, end, open_cls});
        open_cls = -1;
    };
    for (std::uint32_t i = 0; i < labels.size(); ++i) {
        const int l = labels[i];
        const int cls = label_class(l);
        const int part = label_part(l);
        if (l == 0) {
            close(i);
            continue;
        }
        if (part == 0 || part == 3 || cls != open_cls) {
            close(i);
            open_cls = cls;
            open_first = i;
        }
        if (part == 2 || part == 3) close(i + 1);
    }
    close(static_cast<std::uint32_t>(labels.size()));
    return spans;
}

}  // namespace kgforge::nlp
