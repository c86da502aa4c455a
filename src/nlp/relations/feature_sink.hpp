// Collects the features of one relation candidate as 64-bit hashes of their names; keeps the
// names too when they are wanted (--explain, training diagnostics).
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgforge::nlp::relations {

class FeatureSink {
  public:
    explicit FeatureSink(bool keep_names = false) : keep_names_(keep_names) {}

    // The feature named by the parts joined with '|'.
    template <class... Parts>
    void add(const Parts&... parts) {
        buffer_.clear();
        (append(parts), ...);
        if (!buffer_.empty()) buffer_.pop_back();
        keys.push_back(XXH3_64bits(buffer_.data(), buffer_.size()) | 1);
        if (keep_names_) names.push_back(buffer_);
    }
    void clear() {
        keys.clear();
        names.clear();
    }
    bool keeps_names() const { return keep_names_; }

    std::vector<std::uint64_t> keys;
    std::vector<std::string> names;  // parallel to keys when names are kept

  private:
    void append(std::string_view part) {
        buffer_.append(part);
        buffer_.push_back('|');
    }
    void append(char part) {
        buffer_.push_back(part);
        buffer_.push_back('|');
    }
    void append(std::size_t part) {
        buffer_.append(std::to_string(part));
        buffer_.push_back('|');
    }
    bool keep_names_;
    std::string buffer_;
};

}  // namespace kgforge::nlp::relations
