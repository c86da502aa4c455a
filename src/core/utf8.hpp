// UTF-8 validity, shared by the input repair and the JSON parser (which checks the strings
// that \u escapes decode to).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kgforge::utf8 {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
inline std::size_t valid_sequence_length(std::string_view bytes, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) return 1;
    std::size_t length;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        length = 3;
        if (b0 == 0xe0) low = 0xa0;
        if (b0 == 0xed) high = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        length = 4;
        if (b0 == 0xf0) low = 0x90;
        if (b0 == 0xf4) high = 0x8f;
    } else {
        return 0;
    }
    if (i + length > bytes.size()) return 0;
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    if (b1 < low || b1 > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        const auto b = static_cast<unsigned char>(bytes[i + k]);
        if (b < 0x80 || b > 0xbf) return 0;
    }
    return length;
}

// Index of the first byte that is not part of valid UTF-8, or bytes.size().
inline std::size_t first_invalid(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        // ASCII runs eight bytes at a time: most text is mostly ASCII.
        while (i + 8 <= bytes.size()) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= bytes.size()) break;
        const auto length = valid_sequence_length(bytes, i);
        if (length == 0) return i;
        i += length;
    }
    return bytes.size();
}

}  // namespace kgforge::utf8
