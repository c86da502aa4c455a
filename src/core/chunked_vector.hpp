// An append-only sequence stored in large fixed-size chunks. Growing it never copies
// (unlike std::vector's doubling), and it hands its elements over to a contiguous vector
// chunk by chunk, freeing each as it goes, so the peak is the data plus one chunk.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace kgforge {

template <typename T, std::size_t ChunkSize = (1u << 20)>
class ChunkedVector {
  public:
    void push_back(const T& value) {
        if (size_ % ChunkSize == 0) chunks_.push_back(std::make_unique<T[]>(ChunkSize));
        chunks_.back()[size_ % ChunkSize] = value;
        ++size_;
    }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    // Appends every element to `out` and leaves this empty.
    void move_into(std::vector<T>& out) {
        out.reserve(out.size() + size_);
        for (std::size_t c = 0; c < chunks_.size(); ++c) {
            const auto count = std::min(ChunkSize, size_ - c * ChunkSize);
            out.insert(out.end(), chunks_[c].get(), chunks_[c].get() + count);
            chunks_[c].reset();
        }
        chunks_.clear();
        size_ = 0;
    }

  private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t size_ = 0;
};

}  // namespace kgforge
