// libFuzzer target: GraphML and GEXF of a fuzzed graph, parsed back by expat (a conforming
// XML parser): well-formed, one <node> per entity (plus documents with --with-documents),
// and every entity name comes back exactly among the decoded attribute values and text.
#include <expat.h>

#include <cstdint>
#include <set>
#include <string>

#include "export_check.hpp"
#include "fuzzed_graph.hpp"

namespace {

struct Parsed {
    std::size_t nodes = 0;
    std::set<std::string> values;  // attribute values and element texts, decoded
    std::string text;
};

void start(void* user, const XML_Char* name, const XML_Char** attributes) {
    auto& parsed = *static_cast<Parsed*>(user);
    if (std::string_view(name) == "node") ++parsed.nodes;
    for (int i = 0; attributes[i]; i += 2) parsed.values.insert(attributes[i + 1]);
    parsed.text.clear();
}

void end(void* user, const XML_Char*) {
    auto& parsed = *static_cast<Parsed*>(user);
    parsed.values.insert(parsed.text);
    parsed.text.clear();
}

void characters(void* user, const XML_Char* s, int length) {
    static_cast<Parsed*>(user)->text.append(s, static_cast<std::size_t>(length));
}

Parsed parse(const std::string& xml) {
    Parsed parsed;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &parsed);
    XML_SetElementHandler(parser, start, end);
    XML_SetCharacterDataHandler(parser, characters);
    const auto status = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1);
    if (status != XML_STATUS_OK) {
        const std::string message = std::string("not well-formed XML: ") +
                                    XML_ErrorString(XML_GetErrorCode(parser)) + " at line " +
                                    std::to_string(XML_GetCurrentLineNumber(parser));
        XML_ParserFree(parser);
        kgforge::fuzz::fail(message, xml);
    }
    XML_ParserFree(parser);
    return parsed;
}

// XML 1.0 cannot carry most control characters; the exporters replace them (documented).
bool representable(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (s.find("\xEF\xBF\xBE") != std::string_view::npos ||  // U+FFFE, U+FFFF: not XML
        s.find("\xEF\xBF\xBF") != std::string_view::npos)
        return false;
    return s.find('\r') == std::string_view::npos;  // end-of-line handling folds CR
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    kgforge::ExportOptions options;
    options.include_documents = in.ConsumeBool();
    const auto graph = kgforge::fuzz::fuzzed_graph(in);
    const std::size_t expected_nodes =
        graph.entities().size() + (options.include_documents ? graph.documents().size() : 0);
    for (const char* format : {"graphml", "gexf"}) {
        const auto xml = kgforge::fuzz::render(graph, format, options);
        const auto parsed = parse(xml);
        if (parsed.nodes != expected_nodes)
            kgforge::fuzz::fail(std::string(format) + ": node count", xml);
        for (const auto& entity : graph.entities()) {
            if (representable(entity.name) && !parsed.values.count(std::string(entity.name)))
                kgforge::fuzz::fail(std::string(format) + ": a name did not read back", xml);
        }
    }
    return 0;
}
