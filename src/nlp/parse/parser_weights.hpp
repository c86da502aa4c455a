// The parser's quantized weight tables: open addressing on 32-bit feature keys. Moves are
// few (4), so the move table keeps keys and all four int16 weights in cache-line buckets of
// five (one memory access per feature, found or not); label weights are short sparse lists
// beside the slots. Lookups are issued as a round of prefetches first so that the misses of
// one configuration overlap.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "nlp/dependency_parser.hpp"
#include "nlp/parse/arc_eager.hpp"

namespace kgforge::nlp::parse {

inline std::size_t table_capacity(std::size_t entries) {
    std::size_t cap = 16;
    while (cap * 7 < entries * 10)
        cap <<= 1;  // load factor at most 0.7: a smaller table misses less
    return cap;
}

class MoveWeights {
  public:
    struct Entry {
        std::uint32_t key = 0;
        std::array<std::int16_t, kMoveCount> w{};
    };

    // `entries`: unique non-zero keys.
    void build(const std::vector<Entry>& entries) {
        // At most 0.7 of the slots filled: few buckets overflow, so most lookups read one line.
        std::size_t buckets = 1;
        while (buckets * kSlotsPerBucket * 7 < entries.size() * 10) buckets <<= 1;
        buckets_.assign(buckets, Bucket{});
        mask_ = buckets - 1;
        for (const Entry& e : entries) {
            std::size_t b = e.key & mask_;
            while (buckets_[b].used == kSlotsPerBucket) {
                buckets_[b].overflow = 1;
                b = (b + 1) & mask_;
            }
            Bucket& bucket = buckets_[b];
            bucket.key[bucket.used] = e.key;
            std::copy(e.w.begin(), e.w.end(), bucket.w[bucket.used]);
            ++bucket.used;
        }
        size_ = entries.size();
    }

    void add(const std::uint32_t* keys, int k, std::int32_t* scores) const {
        if (buckets_.empty()) return;
        for (int f = 0; f < k; ++f) __builtin_prefetch(&buckets_[keys[f] & mask_]);
        for (int f = 0; f < k; ++f) {
            const std::uint32_t key = keys[f];
            std::size_t b = key & mask_;
            while (true) {
                const Bucket& bucket = buckets_[b];
                int found = -1;
                for (int j = 0; j < kSlotsPerBucket; ++j)
                    if (bucket.key[j] == key) found = j;
                if (found >= 0) {
                    for (int m = 0; m < kMoveCount; ++m) scores[m] += bucket.w[found][m];
                    break;
                }
                if (bucket.overflow == 0) break;
                b = (b + 1) & mask_;
            }
        }
    }

    std::vector<Entry> entries() const {  // sorted by key
        std::vector<Entry> out;
        out.reserve(size_);
        for (const Bucket& bucket : buckets_) {
            for (int j = 0; j < bucket.used; ++j) {
                Entry e;
                e.key = bucket.key[j];
                std::copy(bucket.w[j], bucket.w[j] + kMoveCount, e.w.begin());
                out.push_back(e);
            }
        }
        std::sort(out.begin(), out.end(),
                  [](const Entry& a, const Entry& b) { return a.key < b.key; });
        return out;
    }
    std::size_t size() const { return size_; }

  private:
    // One cache line: five keys, their weights, and whether a key that hashes here was
    // placed further on. Key 0 never occurs, so unused key slots cannot match.
    static constexpr int kSlotsPerBucket = 5;
    struct alignas(64) Bucket {
        std::uint32_t key[kSlotsPerBucket] = {};
        std::int16_t w[kSlotsPerBucket][kMoveCount] = {};
        std::uint16_t used = 0;
        std::uint16_t overflow = 0;
    };
    static_assert(sizeof(Bucket) == 64);
    std::vector<Bucket> buckets_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

class LabelWeights {
  public:
    struct Entry {
        std::uint32_t key = 0;
        std::vector<std::pair<std::uint8_t, std::int16_t>> w;  // (deprel, weight), sorted
    };

    void build(const std::vector<Entry>& entries) {
        table_.assign(table_capacity(entries.size()), Slot{});
        mask_ = table_.size() - 1;
        packed_.clear();
        for (const Entry& e : entries) {
            std::size_t i = e.key & mask_;
            while (table_[i].key != 0) i = (i + 1) & mask_;
            table_[i] = Slot{e.key, static_cast<std::uint32_t>(packed_.size()),
                             static_cast<std::uint32_t>(e.w.size())};
            for (const auto& [label, w] : e.w)
                packed_.push_back((std::uint32_t{label} << 16) | static_cast<std::uint16_t>(w));
        }
        size_ = entries.size();
    }

    // scores: kDeprelCount entries.
    void add(const std::uint32_t* keys, int k, std::int32_t* scores) const {
        if (table_.empty()) return;
        for (int f = 0; f < k; ++f) __builtin_prefetch(&table_[keys[f] & mask_]);
        for (int f = 0; f < k; ++f) {
            std::size_t i = keys[f] & mask_;
            while (true) {
                const Slot& s = table_[i];
                if (s.key == keys[f]) {
                    const std::uint32_t* p = packed_.data() + s.begin;
                    for (std::uint32_t j = 0; j < s.count; ++j)
                        scores[p[j] >> 16] += static_cast<std::int16_t>(p[j] & 0xFFFF);
                    break;
                }
                if (s.key == 0) break;
                i = (i + 1) & mask_;
            }
        }
    }

    std::vector<Entry> entries() const {
        std::vector<Entry> out;
        out.reserve(size_);
        for (const Slot& s : table_) {
            if (s.key == 0) continue;
            Entry e;
            e.key = s.key;
            for (std::uint32_t j = 0; j < s.count; ++j) {
                const std::uint32_t v = packed_[s.begin + j];
                e.w.emplace_back(static_cast<std::uint8_t>(v >> 16),
                                 static_cast<std::int16_t>(v & 0xFFFF));
            }
            out.push_back(std::move(e));
        }
        std::sort(out.begin(), out.end(),
                  [](const Entry& a, const Entry& b) { return a.key < b.key; });
        return out;
    }
    std::size_t size() const { return size_; }

  private:
    struct Slot {
        std::uint32_t key = 0;
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    std::vector<Slot> table_;
    std::vector<std::uint32_t> packed_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace kgforge::nlp::parse
