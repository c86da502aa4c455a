#include <cstdint>
#include <cstring>
#include <string>

#include "core/utf8.hpp"

#include "kgforge/input.hpp"

namespace kgforge {

namespace {

using utf8::first_invalid;
using utf8::valid_sequence_length;

std::string repair_from(std::string_view bytes, std::size_t valid_prefix, std::string_view where,
                        Diagnostics& diagnostics) {
    std::string out;
    out.reserve(bytes.size() + 16);
    out.append(bytes.substr(0, valid_prefix));
    std::size_t repairs = 0;
    const std::size_t first_offset = valid_prefix;
    for (std::size_t i = valid_prefix; i < bytes.size();) {
        if (auto length = valid_sequence_length(bytes, i)) {
            out.append(bytes.substr(i, length));
            i += length;
            continue;
        }
        ++repairs;
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
    }
    diagnostics.warn(std::string(where) + ": invalid UTF-8 at byte offset " +
                     std::to_string(first_offset) + " replaced with U+FFFD" +
                     (repairs > 1 ? " (" + std::to_string(repairs) + " bytes in all)" : ""));
    return out;
}

}  // namespace

std::string repair_utf8(std::string_view bytes, std::string_view where, Diagnostics& diagnostics) {
    const auto valid = first_invalid(bytes);
    if (valid == bytes.size()) return std::string(bytes);
    return repair_from(bytes, valid, where, diagnostics);
}

std::string repair_utf8_owned(std::string&& bytes, std::string_view where,
                              Diagnostics& diagnostics) {
    const auto valid = first_invalid(bytes);
    if (valid == bytes.size()) return std::move(bytes);
    return repair_from(bytes, valid, where, diagnostics);
}

}  // namespace kgforge
