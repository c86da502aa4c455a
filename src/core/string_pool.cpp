#include "core/string_pool.hpp"

#include <xxhash.h>

#include <cstring>
#include <limits>

#include "kgforge/error.hpp"

namespace kgforge {

namespace {
constexpr std::size_t kChunkSize = 4u << 20;
}

namespace {
std::size_t hash_of(std::string_view text) {
    return static_cast<std::size_t>(XXH3_64bits(text.data(), text.size()));
}
}  // namespace

void StringPool::grow() {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    const auto mask = slots_.size() - 1;
    for (auto id : old) {
        if (id == 0) continue;
        auto i = hash_of(views_[id]) & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = id;
    }
}

StringPool::StringPool() {
    views_.emplace_back();
}

std::string_view StringPool::store(std::string_view text) {
    if (text.size() > kChunkSize / 4) {
        // Large strings get a chunk of their own so small ones keep packing densely.
        chunks_.emplace_back(new char[text.size()]);
        std::memcpy(chunks_.back().get(), text.data(), text.size());
        auto stored = std::string_view(chunks_.back().get(), text.size());
        // Keep the current small-string chunk as the active one.
        if (chunks_.size() >= 2 && chunk_capacity_ > 0)
            std::swap(chunks_.back(), chunks_[chunks_.size() - 2]);
        return stored;
    }
    if (chunk_capacity_ - chunk_used_ < text.size()) {
        chunks_.emplace_back(new char[kChunkSize]);
        chunk_used_ = 0;
        chunk_capacity_ = kChunkSize;
    }
    char* where = chunks_.back().get() + chunk_used_;
    std::memcpy(where, text.data(), text.size());
    chunk_used_ += text.size();
    return std::string_view(where, text.size());
}

std::uint32_t StringPool::append(std::string_view text) {
    if (text.empty()) return 0;
    if (views_.size() >= std::numeric_limits<std::uint32_t>::max()) {
        throw Error(ErrorKind::Internal, "string table is full");
    }
    views_.push_back(store(text));
    return static_cast<std::uint32_t>(views_.size() - 1);
}

std::uint32_t StringPool::intern(std::string_view text) {
    if (text.empty()) return 0;
    if ((interned_ + 1) * 10 > slots_.size() * 7) grow();  // keep the load under 0.7
    const auto mask = slots_.size() - 1;
    auto i = hash_of(text) & mask;
    for (; slots_[i] != 0; i = (i + 1) & mask) {
        if (views_[slots_[i]] == text) return slots_[i];
    }
    if (views_.size() >= std::numeric_limits<std::uint32_t>::max()) {
        throw Error(ErrorKind::Internal, "string table is full");
    }
    auto id = static_cast<std::uint32_t>(views_.size());
    views_.push_back(store(text));
    slots_[i] = id;
    ++interned_;
    return id;
}

}  // namespace kgforge
