// libFuzzer target: N-Triples and N-Quads of a fuzzed graph, read back by a strict reader
// of the W3C line grammar (IRIREF, STRING_LITERAL_QUOTE with ECHAR/UCHAR, datatypes, graph
// labels): every line is one statement, no IRI holds a forbidden character, literals decode
// to valid UTF-8, every entity name and evidence sentence reads back exactly, and the
// N-Quads without their graph labels are the N-Triples. Turtle's literals use the same
// writer; its statements must end every block.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "export_check.hpp"
#include "fuzzed_graph.hpp"

namespace {

struct Reader {
    std::string_view line;
    std::size_t at = 0;
    std::string_view whole;

    [[noreturn]] void bad(const char* what) const {
        kgforge::fuzz::fail(std::string(what) + " at column " + std::to_string(at) + " of " +
                                std::string(line.substr(0, 300)),
                            whole);
    }
    void expect(char c) {
        if (at >= line.size() || line[at] != c) bad("unexpected character");
        ++at;
    }
    int hex(char c) const {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        bad("bad hex digit");
    }
    void append_utf8(std::string& out, std::uint32_t cp) const {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xc0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        } else {
            bad("kgforge only \\u-escapes controls");
        }
    }
    std::string iri() {
        expect('<');
        std::string out;
        while (at < line.size() && line[at] != '>') {
            const auto c = static_cast<unsigned char>(line[at]);
            if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
                c == '`')
                bad("character IRIREF forbids");
            if (c == '\\') bad("kgforge's IRIs never need UCHAR");
            out += static_cast<char>(c);
            ++at;
        }
        expect('>');
        if (out.find(':') == std::string::npos) bad("relative IRI");
        return out;
    }
    std::string literal() {
        expect('"');
        std::string out;
        while (true) {
            if (at >= line.size()) bad("unterminated literal");
            const char c = line[at++];
            if (c == '"') break;
            if (c == '\n' || c == '\r') bad("raw line break in a literal");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (at >= line.size()) bad("escape at the end");
            const char e = line[at++];
            switch (e) {
                case 't':
                    out += '\t';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case '"':
                    out += '"';
                    break;
                case '\'':
                    out += '\'';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case 'u': {
                    if (at + 4 > line.size()) bad("short \\u");
                    std::uint32_t cp = 0;
                    for (int k = 0; k < 4; ++k)
                        cp = cp * 16 + static_cast<std::uint32_t>(hex(line[at++]));
                    append_utf8(out, cp);
                    break;
                }
                default:
                    bad("unknown escape");
            }
        }
        if (line.substr(at, 2) == "^^") {
            at += 2;
            iri();
        }
        return out;
    }
};

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
        if (!n || i + n > s.size()) return false;
        for (int k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

// Reads every line; returns the statements without graph labels, and collects literals of
// the given predicate.
std::multiset<std::string> read_lines(const std::string& text, bool quads,
                                      std::multiset<std::string>& names,
                                      std::multiset<std::string>& sentences) {
    std::multiset<std::string> statements;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string::npos) kgforge::fuzz::fail("last line without a line feed", text);
        Reader r{std::string_view(text).substr(start, end - start), 0, text};
        r.iri();
        r.expect(' ');
        const auto predicate = r.iri();
        r.expect(' ');
        if (r.at < r.line.size() && r.line[r.at] == '<') {
            r.iri();
        } else {
            const auto value = r.literal();
            if (!valid_utf8(value)) r.bad("literal is not UTF-8");
            if (predicate == "https://schema.org/name") names.insert(value);
            if (predicate == "https://kgforge.org/vocab/v1#sentence") sentences.insert(value);
        }
        const auto triple_end = r.at;
        if (quads && r.line.substr(r.at, 2) == " <") {
            r.expect(' ');
            r.iri();
        }
        if (r.line.substr(r.at) != " .") r.bad("statement does not end with ' .'");
        statements.insert(std::string(r.line.substr(0, triple_end)));
        start = end + 1;
    }
    return statements;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const auto graph = kgforge::fuzz::fuzzed_graph(in);

    std::multiset<std::string> names, sentences, quad_names, quad_sentences;
    const auto nt = kgforge::fuzz::render(graph, "ntriples");
    const auto triples = read_lines(nt, false, names, sentences);
    for (const auto& e : graph.entities()) {
        const auto it = names.find(std::string(e.name));
        if (it == names.end()) kgforge::fuzz::fail("ntriples: a name did not read back", nt);
        names.erase(it);
    }
    for (const auto& rel : graph.relations()) {
        for (const auto& ev : graph.evidence(rel)) {
            const auto it = sentences.find(std::string(graph.text(ev.sentence)));
            if (it == sentences.end())
                kgforge::fuzz::fail("ntriples: a sentence did not read back", nt);
            sentences.erase(it);
        }
    }
    if (std::set<std::string>(triples.begin(), triples.end()).size() != triples.size())
        kgforge::fuzz::fail("ntriples: a triple is written twice", nt);

    const auto nq = kgforge::fuzz::render(graph, "nquads");
    const auto quads = read_lines(nq, true, quad_names, quad_sentences);
    if (std::set<std::string>(quads.begin(), quads.end()) !=
        std::set<std::string>(triples.begin(), triples.end()))
        kgforge::fuzz::fail("nquads: the union of the graphs is not the N-Triples", nq);

    const auto ttl = kgforge::fuzz::render(graph, "turtle");
    if (ttl.size() < 3 || ttl.substr(ttl.size() - 3) != " .\n")
        kgforge::fuzz::fail("turtle: the last block is not closed", ttl);
    return 0;
}
