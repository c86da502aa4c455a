#include "exporters/xml_escape.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kgforge {
namespace {

// Byte classes: 0 = copy, 1 = markup or whitespace to escape, 2 = forbidden C0 control,
// 3 = start of a non-ASCII sequence (validated).
constexpr std::array<std::uint8_t, 256> make_classes() {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 0x20; ++c) classes[static_cast<std::size_t>(c)] = 2;
    for (int c = 0x80; c < 0x100; ++c) classes[static_cast<std::size_t>(c)] = 3;
    classes['\t'] = classes['\n'] = classes['\r'] = 1;
    classes['&'] = classes['<'] = classes['>'] = classes['"'] = 1;
    return classes;
}
constexpr auto kClasses = make_classes();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes from p up to the first one that needs a look (< 0x20, >= 0x80, & < > "), at most n.
// Clean runs are the common case; SSE2 checks 16 bytes per step.
inline std::size_t clean_prefix(const char* p, std::size_t n) {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                  quot = _mm_set1_epi8('"'), space = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // Signed compare: bytes >= 0x80 are negative, so "< 0x20" catches them too.
        const __m128i bad =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot)),
                                      _mm_cmplt_epi8(v, space)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(bad));
        if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    while (i < n && kClasses[static_cast<unsigned char>(p[i])] == 0) ++i;
    return i;
}

inline bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at text[i] (lead byte >= 0x80), or 0 if invalid.
inline std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto n = text.size();
    const auto c = static_cast<unsigned char>(text[i]);
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (c >= 0xC2 && c <= 0xDF) return i + 1 < n && continuation(at(1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (i + 2 >= n || !continuation(at(1)) || !continuation(at(2))) return 0;
        if (c == 0xE0 && at(1) < 0xA0) return 0;  // overlong
        if (c == 0xED && at(1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (i + 3 >= n || !continuation(at(1)) || !continuation(at(2)) || !continuation(at(3)))
            return 0;
        if (c == 0xF0 && at(1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && at(1) > 0x8F) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

struct StreamSink {
    OutputStream& out;
    void write(std::string_view text) { out.write(text); }
};
struct StringSink {
    std::string& out;
    void write(std::string_view text) { out.append(text); }
};

// Writes the replacement for a forbidden code point (or invalid byte, as 0x00XX).
template <typename Sink>
void write_forbidden(Sink& sink, XmlMode mode, std::uint32_t code) {
    sink.write(kReplacement);
    if (mode == XmlMode::Id) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        const char digits[4] = {kHex[(code >> 12) & 0xF], kHex[(code >> 8) & 0xF],
                                kHex[(code >> 4) & 0xF], kHex[code & 0xF]};
        sink.write(std::string_view(digits, 4));
    }
}

// escape = true: XML text; escape = false: the text a parser reads back.
template <typename Sink>
void scan(Sink& sink, std::string_view text, XmlMode mode, bool escape) {
    const auto n = text.size();
    std::size_t run_start = 0;
    std::size_t i = 0;
    auto flush = [&](std::size_t upto) {
        if (upto > run_start) sink.write(text.substr(run_start, upto - run_start));
    };
    while (i < n) {
        i += clean_prefix(text.data() + i, n - i);
        if (i >= n) break;
        const auto c = static_cast<unsigned char>(text[i]);
        const auto cls = kClasses[c];
        if (cls == 0) {
            ++i;
            continue;
        }
        if (cls == 1) {
            if (!escape) {
                ++i;
                continue;
            }
            flush(i);
            switch (c) {
                case '&':
                    sink.write("&amp;");
                    break;
                case '<':
                    sink.write("&lt;");
                    break;
                case '>':
                    sink.write("&gt;");
                    break;
                case '"':
                    sink.write("&quot;");
                    break;
                case '\t':
                    sink.write("&#9;");
                    break;
                case '\n':
                    sink.write("&#10;");
                    break;
                default:
                    sink.write("&#13;");
                    break;
            }
            run_start = ++i;
            continue;
        }
        if (cls == 2) {
            flush(i);
            write_forbidden(sink, mode, c);
            run_start = ++i;
            continue;
        }
        const auto length = utf8_length(text, i);
        if (length == 0) {
            flush(i);
            write_forbidden(sink, mode, c);
            run_start = ++i;
            continue;
        }
        if (escape &&
            ((length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0x85) ||
             (length == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
              (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xA8))) {
            // NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: line ends in XML 1.1, and parsers
            // that apply XML 1.1 rules would turn them into LF or a space. References keep
            // them intact for every XML 1.0 parser.
            flush(i);
            sink.write(length == 2 ? std::string_view("&#x85;")
                       : static_cast<unsigned char>(text[i + 2]) == 0xA8
                           ? std::string_view("&#x2028;")
                           : std::string_view("&#x2029;"));
            i += length;
            run_start = i;
            continue;
        }
        if (length == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF) {
            const auto last = static_cast<unsigned char>(text[i + 2]);
            // U+FFFE and U+FFFF are forbidden; U+FFFD is the escape character of Id mode.
            if (last == 0xBE || last == 0xBF || (last == 0xBD && mode == XmlMode::Id)) {
                flush(i);
                write_forbidden(sink, mode, 0xFF00u | (last - 0xBDu + 0xFDu));
                i += 3;
                run_start = i;
                continue;
            }
        }
        i += length;
    }
    flush(n);
}

bool digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

void write_xml_escaped(OutputStream& out, std::string_view text, XmlMode mode) {
    StreamSink sink{out};
    scan(sink, text, mode, true);
}

std::string xml_escape(std::string_view text, XmlMode mode) {
    std::string result;
    result.reserve(text.size());
    StringSink sink{result};
    scan(sink, text, mode, true);
    return result;
}

std::string xml_sanitize(std::string_view text, XmlMode mode) {
    std::string result;
    result.reserve(text.size());
    StringSink sink{result};
    scan(sink, text, mode, false);
    return result;
}

std::string_view xml_date(std::string_view date) {
    if (date.size() < 10) return {};
    if (date.size() > 10 && date[10] != 'T' && date[10] != ' ') return {};
    auto d = date.substr(0, 10);
    if (d[4] != '-' || d[7] != '-' || !digits(d.substr(0, 4)) || !digits(d.substr(5, 2)) ||
        !digits(d.substr(8, 2)))
        return {};
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return {};
    return d;
}

void write_xml_float(OutputStream& out, float value) {
    if (!std::isfinite(value)) value = 0.0f;
    // Integral values (weights, counts) need no shortest-form search. Below 1e5 the
    // shortest form of an integral float is always its plain digits (1e5 is "1e+05").
    if (!std::signbit(value) && value < 100000.0f && value == std::floor(value)) {
        out.write_uint(static_cast<std::uint64_t>(value));
        out.write(".0");
        return;
    }
    // Confidences take few distinct values: remember the text of recent ones, because
    // the shortest-form search of to_chars is the costliest part of writing an edge.
    struct CachedFloat {
        std::uint32_t bits = 0;
        std::uint8_t length = 0;  // 0 = empty slot
        char text[27];
    };
    thread_local CachedFloat cache[64];
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    auto& slot = cache[(bits ^ (bits >> 13) ^ (bits >> 23)) & 63];
    if (slot.length == 0 || slot.bits != bits) {
        char buffer[32];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        std::size_t length = static_cast<std::size_t>(result.ptr - buffer);
        if (std::string_view(buffer, length).find_first_of(".e") == std::string_view::npos) {
            buffer[length++] = '.';
            buffer[length++] = '0';
        }
        if (length > sizeof slot.text) {
            out.write(std::string_view(buffer, length));
            return;
        }
        std::memcpy(slot.text, buffer, length);
        slot.length = static_cast<std::uint8_t>(length);
        slot.bits = bits;
    }
    out.write(std::string_view(slot.text, slot.length));
}

std::string join_list(const std::vector<std::string_view>& items) {
    std::string joined;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) joined += '|';
        for (char c : items[i]) {
            if (c == '|' || c == '\\') joined += '\\';
            joined += c;
        }
    }
    return joined;
}

}  // namespace kgforge
