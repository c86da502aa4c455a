#include "exporters/rdf_terms.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace kgforge {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void write_uchar(OutputStream& out, unsigned char c) {
    const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
    out.write(std::string_view(escape, sizeof escape));
}

// `c` as its ECHAR (`escape` is the letter) or, for 'u', as \u00XX.
inline void write_escape(OutputStream& out, char escape, char c) {
    if (escape == 'u') {
        write_uchar(out, static_cast<unsigned char>(c));
    } else {
        const char echar[2] = {'\\', escape};
        out.write(std::string_view(echar, 2));
    }
}

// Per byte: 0 copied as is; otherwise the ECHAR letter, or 'u' for \u00XX. One table per
// syntax, so the scan is a load and a branch per byte (the writers' inner loop).
struct EscapeTables {
    std::array<char, 256> iri{};
    std::array<char, 256> literal{};
    constexpr EscapeTables() {
        for (int c = 0; c <= 0x20; ++c) iri[c] = 'u';
        for (const char c : {'<', '>', '"', '{', '}', '|', '^', '`', '\\'})
            iri[static_cast<unsigned char>(c)] = 'u';
        for (int c = 0; c < 0x20; ++c) literal[c] = 'u';
        literal[0x7f] = 'u';
        literal['"'] = '"';
        literal['\\'] = '\\';
        literal['\n'] = 'n';
        literal['\r'] = 'r';
        literal['\t'] = 't';
        literal['\b'] = 'b';
        literal['\f'] = 'f';
    }
};
constexpr EscapeTables kEscapes;

// Whether 8 bytes hold one that a string literal escapes: a C0 control, '"', '\\' or DEL
// (word-at-a-time tests of "Bit Twiddling Hacks"; UTF-8 bytes >= 0x80 never match).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
constexpr bool has_zero_byte(std::uint64_t v) {
    return ((v - kOnes) & ~v & kHighs) != 0;
}
constexpr bool literal_word_needs_escape(std::uint64_t w) {
    return ((w - kOnes * 0x20) & ~w & kHighs) != 0 || has_zero_byte(w ^ (kOnes * 0x22)) ||
           has_zero_byte(w ^ (kOnes * 0x5c)) || has_zero_byte(w ^ (kOnes * 0x7f));
}

void write_escaped(OutputStream& out, std::string_view text, const std::array<char, 256>& table) {
    std::size_t run = 0;
    std::size_t i = 0;
    if (&table == &kEscapes.literal) {
        // Sentences are long and rarely hold anything to escape: skip them 8 bytes at a time.
        while (true) {
            for (; i + 8 <= text.size(); i += 8) {
                std::uint64_t word;
                std::memcpy(&word, text.data() + i, 8);
                if (literal_word_needs_escape(word)) break;
            }
            if (i + 8 > text.size()) {
                // The last 0-7 bytes, padded with 'a' (nothing to escape), in one test.
                std::uint64_t word = kOnes * 'a';
                // (an empty view may have no data pointer: memcpy must not see it)
                if (text.size() > i) std::memcpy(&word, text.data() + i, text.size() - i);
                if (!literal_word_needs_escape(word)) {
                    out.write(text.substr(run));
                    return;
                }
                break;
            }
            const std::size_t stop = i + 8;
            for (; i < stop; ++i) {
                const char escape = table[static_cast<unsigned char>(text[i])];
                if (!escape) continue;
                out.write(text.substr(run, i - run));
                write_escape(out, escape, text[i]);
                run = i + 1;
            }
        }
    }
    for (; i < text.size(); ++i) {
        const char escape = table[static_cast<unsigned char>(text[i])];
        if (!escape) [[likely]]
            continue;
        out.write(text.substr(run, i - run));
        write_escape(out, escape, text[i]);
        run = i + 1;
    }
    out.write(text.substr(run));
}

}  // namespace

void write_iri_ref(OutputStream& out, std::string_view iri) {
    out.put('<');
    write_escaped(out, iri, kEscapes.iri);
    out.put('>');
}

void write_literal_body(OutputStream& out, std::string_view text) {
    write_escaped(out, text, kEscapes.literal);
}

void write_string_literal(OutputStream& out, std::string_view text) {
    out.put('"');
    write_escaped(out, text, kEscapes.literal);
    out.put('"');
}

std::string iri_ref(std::string_view iri) {
    bool plain = true;
    for (const char c : iri) plain = plain && !kEscapes.iri[static_cast<unsigned char>(c)];
    if (plain) {
        std::string ref;
        ref.reserve(iri.size() + 2);
        ref += '<';
        ref += iri;
        ref += '>';
        return ref;
    }
    StringOutput out;
    write_iri_ref(out, iri);
    return out.str();
}

std::string string_literal(std::string_view text) {
    StringOutput out;
    write_string_literal(out, text);
    return out.str();
}

}  // namespace kgforge
