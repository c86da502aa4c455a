#include "core/json_escape.hpp"

namespace kgforge {

void write_json_string(OutputStream& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.put('"');
    std::size_t run_start = 0;
    auto flush_run = [&](std::size_t upto) {
        if (upto > run_start) out.write(text.substr(run_start, upto - run_start));
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char* replacement = nullptr;
        char unicode_escape[7];
        std::size_t skip = 1;
        if (c == '"') {
            replacement = "\\\"";
        } else if (c == '\\') {
            replacement = "\\\\";
        } else if (c == '\n') {
            replacement = "\\n";
        } else if (c == '\r') {
            replacement = "\\r";
        } else if (c == '\t') {
            replacement = "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            unicode_escape[0] = '\\';
            unicode_escape[1] = 'u';
            unicode_escape[2] = '0';
            unicode_escape[3] = '0';
            unicode_escape[4] = kHex[c >> 4];
            unicode_escape[5] = kHex[c & 0xf];
            unicode_escape[6] = 0;
            replacement = unicode_escape;
        } else if (c == 0xe2 && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xa8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
            replacement = static_cast<unsigned char>(text[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
            skip = 3;
        } else {
            continue;
        }
        flush_run(i);
        out.write(replacement);
        i += skip - 1;
        run_start = i + 1;
    }
    flush_run(text.size());
    out.put('"');
}

std::string json_quote(std::string_view text) {
    StringOutput out;
    write_json_string(out, text);
    return out.str();
}

}  // namespace kgforge
