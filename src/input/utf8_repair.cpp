#include <string>

#include "kgforge/input.hpp"

namespace kgforge {

namespace {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t valid_sequence_length(std::string_view bytes, std::size_t i) {
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

}  // namespace

std::string repair_utf8(std::string_view bytes, std::string_view where, Diagnostics& diagnostics) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t repairs = 0;
    std::size_t first_offset = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (auto length = valid_sequence_length(bytes, i)) {
            out.append(bytes.substr(i, length));
            i += length;
            continue;
        }
        if (repairs == 0) first_offset = i;
        ++repairs;
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
    }
    if (repairs > 0) {
        diagnostics.warn(std::string(where) + ": invalid UTF-8 at byte offset " +
                         std::to_string(first_offset) + " replaced with U+FFFD" +
                         (repairs > 1 ? " (" + std::to_string(repairs) + " bytes in all)" : ""));
    }
    return out;
}

}  // namespace kgforge
