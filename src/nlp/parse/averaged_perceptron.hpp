// An averaged multi-class perceptron over hashed 32-bit features with a dense row of N
// class weights per feature, for training (the runtime tables are quantized copies).
// Averaging is lazy: a row settles its running totals only when it is updated.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace kgforge::nlp::parse {

template <std::size_t N>
class AveragedPerceptron {
  public:
    AveragedPerceptron() { rehash(1 << 16); }

    // Adds the current weights of the features to scores[0..N).
    void add(const std::uint32_t* keys, int k, double* scores) const {
        for (int f = 0; f < k; ++f) {
            const std::uint32_t row = find(keys[f]);
            if (row == kAbsent) continue;
            const Row& r = rows_[row];
            for (std::size_t c = 0; c < N; ++c) scores[c] += r.w[c];
        }
    }

    // One training instance: `good` gets +1 and `bad` -1 on every feature (when they
    // differ). Every call advances the clock, updated or not.
    void update(const std::uint32_t* keys, int k, std::size_t good, std::size_t bad) {
        ++now_;
        if (good == bad) return;
        for (int f = 0; f < k; ++f) {
            Row& r = rows_[find_or_add(keys[f])];
            settle(r);
            r.w[good] += 1.0f;
            r.w[bad] -= 1.0f;
        }
    }
    void tick() { ++now_; }

    // The averaged weights of every feature with a non-zero one, sorted by key.
    std::vector<std::pair<std::uint32_t, std::array<float, N>>> averaged() const {
        std::vector<std::pair<std::uint32_t, std::array<float, N>>> out;
        const double now = static_cast<double>(std::max<std::int64_t>(now_, 1));
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (slots_[i].key == 0) continue;
            const Row& r = rows_[slots_[i].row];
            std::array<float, N> avg{};
            bool any = false;
            for (std::size_t c = 0; c < N; ++c) {
                const double total = r.total[c] + static_cast<double>(now_ - r.stamp) * r.w[c];
                avg[c] = static_cast<float>(total / now);
                any = any || avg[c] != 0.0f;
            }
            if (any) out.emplace_back(slots_[i].key, avg);
        }
        std::sort(out.begin(), out.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        return out;
    }

    std::size_t size() const { return rows_.size(); }

  private:
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
    struct Slot {
        std::uint32_t key = 0;
        std::uint32_t row = 0;
    };
    struct Row {
        std::array<float, N> w{};
        std::array<double, N> total{};
        std::int64_t stamp = 0;
    };

    void settle(Row& r) const {
        const auto elapsed = static_cast<double>(now_ - r.stamp);
        if (elapsed != 0)
            for (std::size_t c = 0; c < N; ++c) r.total[c] += elapsed * r.w[c];
        r.stamp = now_;
    }
    std::uint32_t find(std::uint32_t key) const {
        std::size_t i = key & mask_;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == key) return s.row;
            if (s.key == 0) return kAbsent;
            i = (i + 1) & mask_;
        }
    }
    std::uint32_t find_or_add(std::uint32_t key) {
        if ((rows_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
        std::size_t i = key & mask_;
        while (true) {
            Slot& s = slots_[i];
            if (s.key == key) return s.row;
            if (s.key == 0) {
                s.key = key;
                s.row = static_cast<std::uint32_t>(rows_.size());
                rows_.emplace_back();
                rows_.back().stamp = now_;
                return s.row;
            }
            i = (i + 1) & mask_;
        }
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (const Slot& s : old) {
            if (s.key == 0) continue;
            std::size_t i = s.key & mask_;
            while (slots_[i].key != 0) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_;
    std::vector<Row> rows_;
    std::size_t mask_ = 0;
    std::int64_t now_ = 0;
};

}  // namespace kgforge::nlp::parse
