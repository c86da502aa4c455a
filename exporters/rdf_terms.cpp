#include "exporters/rdf_terms.hpp"

namespace kgforge {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void write_uchar(OutputStream& out, unsigned char c) {
    const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
    out.write(std::string_view(escape, sizeof escape));
}

bool forbidden_in_iri(unsigned char c) {
    return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
           c == '^' || c == '`' || c == '\\';
}

// 0: copied as is; otherwise the ECHAR letter, or 'u' for \u00XX.
constexpr char literal_escape(unsigned char c) {
    switch (c) {
        case '"':
            return '"';
        case '\\':
            return '\\';
        case '\n':
            return 'n';
        case '\r':
            return 'r';
        case '\t':
            return 't';
        case '\b':
            return 'b';
        case '\f':
            return 'f';
        default:
            return c < 0x20 || c == 0x7f ? 'u' : 0;
    }
}

}  // namespace

void write_iri_ref(OutputStream& out, std::string_view iri) {
    out.put('<');
    std::size_t run = 0;
    for (std::size_t i = 0; i < iri.size(); ++i) {
        const auto c = static_cast<unsigned char>(iri[i]);
        if (!forbidden_in_iri(c)) continue;
        out.write(iri.substr(run, i - run));
        write_uchar(out, c);
        run = i + 1;
    }
    out.write(iri.substr(run));
    out.put('>');
}

void write_string_literal(OutputStream& out, std::string_view text) {
    out.put('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char escape = literal_escape(c);
        if (!escape) continue;
        out.write(text.substr(run, i - run));
        if (escape == 'u') {
            write_uchar(out, c);
        } else {
            out.put('\\');
            out.put(escape);
        }
        run = i + 1;
    }
    out.write(text.substr(run));
    out.put('"');
}

std::string string_literal(std::string_view text) {
    StringOutput out;
    write_string_literal(out, text);
    return out.str();
}

}  // namespace kgforge
