// Interned, deduplicated strings with stable views: the text table behind TextId.
// Storage is a list of large chunks that never move, so views stay valid as it grows.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kgforge {

class StringPool {
  public:
    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    std::uint32_t intern(std::string_view text);  // 0 for ""
    // Stores without deduplication or a lookup entry: for long, mostly unique strings
    // (evidence sentences) whose lookup table would cost more than the repeats it saves.
    std::uint32_t append(std::string_view text);
    std::string_view view(std::uint32_t id) const { return views_[id]; }
    std::size_t size() const { return views_.size(); }
    // Drops the lookup table once no more strings will be added (saves memory).
    void freeze() { slots_ = {}; }

  private:
    std::string_view store(std::string_view text);
    void grow();

    // Open addressing over ids (0 = empty slot): 4 bytes a slot where a node-based
    // hash map costs ~50 bytes an entry, which matters at millions of names.
    std::vector<std::unique_ptr<char[]>> chunks_;
    std::size_t chunk_used_ = 0;
    std::size_t chunk_capacity_ = 0;
    std::vector<std::string_view> views_;
    std::vector<std::uint32_t> slots_;
    std::size_t interned_ = 0;
};

}  // namespace kgforge
