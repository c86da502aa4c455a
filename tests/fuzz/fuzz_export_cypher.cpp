// libFuzzer target: the Cypher script of a fuzzed graph, read back by a Cypher lexer that
// follows the Neo4j 5 rules for string literals ("..." or '...' with \\ \" \' \n \r \t \b \f \uXXXX
// escapes, no raw line break) and `identifiers`: every literal closes, every escape is
// valid, every statement ends its line with ';', and each entity name and (node key of its)
// id comes back among the decoded literals.
#include <cstdint>
#include <set>
#include <string>

#include "export_check.hpp"
#include "exporters/cypher_escape.hpp"
#include "fuzzed_graph.hpp"

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::set<std::string> string_literals(const std::string& script) {
    std::set<std::string> literals;
    std::size_t i = 0;
    auto fail = [&](const char* what) {
        kgforge::fuzz::fail(std::string(what) + " at byte " + std::to_string(i), script);
    };
    while (i < script.size()) {
        const char c = script[i];
        if (c == '/' && script.compare(i, 2, "//") == 0) {
            i = script.find('\n', i);
            if (i == std::string::npos) break;
            continue;
        }
        if (c == '`') {
            for (++i;; ++i) {
                if (i >= script.size() || script[i] == '\n') fail("unclosed identifier");
                if (script[i] == '`') {
                    if (i + 1 < script.size() && script[i + 1] == '`') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            ++i;
            continue;
        }
        if (c != '"' && c != '\'') {
            ++i;
            continue;
        }
        std::string value;
        for (++i;; ++i) {
            if (i >= script.size() || script[i] == '\n' || script[i] == '\r')
                fail("unclosed string");
            const char d = script[i];
            if (d == c) break;
            if (d != '\\') {
                value += d;
                continue;
            }
            if (++i >= script.size()) fail("escape at end");
            switch (script[i]) {
                case '\\':
                    value += '\\';
                    break;
                case '"':
                    value += '"';
                    break;
                case '\'':
                    value += '\'';
                    break;
                case 'n':
                    value += '\n';
                    break;
                case 'r':
                    value += '\r';
                    break;
                case 't':
                    value += '\t';
                    break;
                case 'b':
                    value += '\b';
                    break;
                case 'f':
                    value += '\f';
                    break;
                case 'u': {
                    if (i + 4 >= script.size()) fail("short \\u escape");
                    std::uint32_t cp = 0;
                    for (int k = 1; k <= 4; ++k) {
                        const char h = script[i + k];
                        cp = cp * 16 + static_cast<std::uint32_t>(
                                           h >= '0' && h <= '9'   ? h - '0'
                                           : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                           : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                                  : (fail("bad \\u digit"), 0));
                    }
                    append_utf8(value, cp);
                    i += 4;
                    break;
                }
                default:
                    fail("invalid escape");
            }
        }
        ++i;
        literals.insert(std::move(value));
    }
    return literals;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    kgforge::ExportOptions options;
    options.batch_size = in.ConsumeIntegralInRange<std::size_t>(1, 4);
    const auto graph = kgforge::fuzz::fuzzed_graph(in);
    const auto script = kgforge::fuzz::render(graph, "cypher", options);
    const auto literals = string_literals(script);
    for (const auto& entity : graph.entities()) {
        if (!literals.count(std::string(entity.name)))
            kgforge::fuzz::fail("an entity name did not read back", script);
        if (!literals.count(kgforge::neo4j::node_key(entity.id)))
            kgforge::fuzz::fail("an entity id did not read back", script);
    }
    return 0;
}
