#include "nlp/relations/relation_model.hpp"

#include <algorithm>
#include <cmath>

#include "kgforge/error.hpp"
#include "nlp/model_file.hpp"

namespace kgforge::nlp::relations {
namespace {
constexpr char kMagic[] = "KGFRELMD";
constexpr std::uint32_t kFormatVersion = 1;
}  // namespace

RelationModel::RelationModel(int classes,
                             std::vector<std::pair<std::uint64_t, std::vector<float>>> rows,
                             float threshold, std::string description)
    : classes_(classes), threshold_(threshold), description_(std::move(description)) {
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    rows_ = rows.size();
    std::size_t cap = 16;
    while (cap < rows_ * 2) cap <<= 1;
    slots_.assign(cap, 0);
    slot_row_.assign(cap, 0);
    mask_ = cap - 1;
    weights_.reserve(rows_ * static_cast<std::size_t>(classes_));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::size_t i = rows[r].first & mask_;
        while (slots_[i] != 0) i = (i + 1) & mask_;
        slots_[i] = rows[r].first;
        slot_row_[i] = static_cast<std::uint32_t>(r);
        weights_.insert(weights_.end(), rows[r].second.begin(), rows[r].second.end());
        weights_.resize((r + 1) * static_cast<std::size_t>(classes_), 0.0f);
    }
}

const float* RelationModel::row(std::uint64_t key) const {
    if (rows_ == 0 || key == 0) return nullptr;
    std::size_t i = key & mask_;
    while (slots_[i] != 0) {
        if (slots_[i] == key)
            return weights_.data() + std::size_t{slot_row_[i]} * static_cast<std::size_t>(classes_);
        i = (i + 1) & mask_;
    }
    return nullptr;
}

void RelationModel::probabilities(std::span<const std::uint64_t> keys, float* out) const {
    std::vector<double> score(static_cast<std::size_t>(std::max(classes_, 1)), 0.0);
    for (const std::uint64_t k : keys)
        if (const float* w = row(k))
            for (int c = 0; c < classes_; ++c) score[static_cast<std::size_t>(c)] += w[c];
    const double top = classes_ > 0 ? *std::max_element(score.begin(), score.end()) : 0.0;
    double sum = 0;
    for (auto& s : score) {
        s = std::exp(s - top);
        sum += s;
    }
    for (int c = 0; c < classes_; ++c)
        out[c] = static_cast<float>(score[static_cast<std::size_t>(c)] / sum);
}

std::vector<std::pair<std::size_t, float>> RelationModel::top_contributions(
    std::span<const std::uint64_t> keys, int c, std::size_t n) const {
    std::vector<std::pair<std::size_t, float>> out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (const float* w = row(keys[i])) out.emplace_back(i, w[c] - w[0]);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (out.size() > n) out.resize(n);
    return out;
}

// Layout: "KGFRELMD" u32 version u32 classes f32 threshold str description
//         u32 noverrides, noverrides x str (rule names)
//         u64 nrows, nrows x (u64 key, classes x f32)  sorted by key; u64 XXH64.
void RelationModel::save(const std::filesystem::path& path) const {
    ModelWriter w;
    w.bytes(kMagic, sizeof kMagic - 1);
    w.put<std::uint32_t>(kFormatVersion);
    w.put<std::uint32_t>(static_cast<std::uint32_t>(classes_));
    w.put<float>(threshold_);
    w.str(description_);
    w.put<std::uint32_t>(static_cast<std::uint32_t>(override_rules_.size()));
    for (const auto& rule : override_rules_) w.str(rule);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i] != 0) order.emplace_back(slots_[i], slot_row_[i]);
    std::sort(order.begin(), order.end());
    w.put<std::uint64_t>(order.size());
    for (const auto& [key, r] : order) {
        w.put<std::uint64_t>(key);
        for (int c = 0; c < classes_; ++c)
            w.put<float>(weights_[std::size_t{r} * static_cast<std::size_t>(classes_) +
                                  static_cast<std::size_t>(c)]);
    }
    w.finish(path, "relation model");
}

RelationModel RelationModel::load(const std::filesystem::path& path) {
    ModelReader r(path, std::string_view(kMagic, sizeof kMagic - 1), "relation model");
    if (const auto v = r.get<std::uint32_t>(); v != kFormatVersion)
        r.fail("unsupported format version " + std::to_string(v));
    const auto classes = r.get<std::uint32_t>();
    if (classes < 2 || classes > 64) r.fail("bad class count");
    const float threshold = r.get<float>();
    std::string description(r.str());
    const auto noverrides = r.get<std::uint32_t>();
    if (noverrides > 1024) r.fail("bad rule count");
    std::vector<std::string> overrides;
    for (std::uint32_t i = 0; i < noverrides; ++i) overrides.emplace_back(r.str());
    const auto nrows = r.get<std::uint64_t>();
    if (nrows > (std::uint64_t{1} << 28)) r.fail("bad row count");
    r.need(nrows * (8 + 4 * std::uint64_t{classes}));
    std::vector<std::pair<std::uint64_t, std::vector<float>>> rows(nrows);
    std::uint64_t previous = 0;
    for (auto& [key, weights] : rows) {
        key = r.get<std::uint64_t>();
        if (key <= previous) r.fail("rows not sorted");
        previous = key;
        weights.resize(classes);
        for (auto& v : weights) v = r.get<float>();
    }
    r.expect_end();
    RelationModel model(static_cast<int>(classes), std::move(rows), threshold,
                        std::move(description));
    model.set_override_rules(std::move(overrides));
    return model;
}

}  // namespace kgforge::nlp::relations
