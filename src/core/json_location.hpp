// Turns a byte offset in a JSON text into the line and column users see in an editor.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

namespace kgforge {

inline std::pair<std::uint64_t, std::uint64_t> line_and_column(std::string_view text,
                                                               std::size_t offset) {
    std::uint64_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, offset - line_start + 1};
}

}  // namespace kgforge
