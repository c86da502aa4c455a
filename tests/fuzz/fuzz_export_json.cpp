// libFuzzer target: JSON (node-link) and JSON-LD of a fuzzed graph, parsed back by
// RapidJSON with full UTF-8 validation: valid JSON, every entity comes back with its exact
// id and name, every edge with its evidence sentences.
#include <rapidjson/document.h>

#include <cstdint>
#include <string>

#include "export_check.hpp"
#include "fuzzed_graph.hpp"

namespace {

rapidjson::Document parse(const std::string& text, const char* format) {
    rapidjson::Document json;
    json.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(),
                                                                                       text.size());
    if (json.HasParseError())
        kgforge::fuzz::fail(std::string(format) + ": not valid JSON at offset " +
                                std::to_string(json.GetErrorOffset()),
                            text);
    return json;
}

std::string_view string(const rapidjson::Value& v) {
    return {v.GetString(), v.GetStringLength()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const auto graph = kgforge::fuzz::fuzzed_graph(in);

    const auto text = kgforge::fuzz::render(graph, "json");
    const auto json = parse(text, "json");
    const auto& nodes = json["nodes"];
    if (nodes.Size() != graph.entities().size()) kgforge::fuzz::fail("json: node count", text);
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
        const auto& entity = graph.entities()[i];
        if (string(nodes[i]["id"]) != entity.id || string(nodes[i]["name"]) != entity.name)
            kgforge::fuzz::fail("json: an entity did not read back", text);
    }
    const auto& edges = json["edges"];
    if (edges.Size() != graph.relations().size()) kgforge::fuzz::fail("json: edge count", text);
    for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
        const auto& relation = graph.relations()[i];
        const auto& evidence = edges[i]["evidence"];
        const auto expected = graph.evidence(relation);
        if (evidence.Size() != expected.size()) kgforge::fuzz::fail("json: evidence count", text);
        for (rapidjson::SizeType k = 0; k < evidence.Size(); ++k) {
            const auto& ev = expected[k];
            if (string(evidence[k]["sentence"]) != graph.text(ev.sentence))
                kgforge::fuzz::fail("json: a sentence did not read back", text);
        }
    }

    const auto linked = kgforge::fuzz::render(graph, "jsonld");
    const auto jsonld = parse(linked, "jsonld");
    if (!jsonld.IsObject() || !jsonld.HasMember("@context") || !jsonld.HasMember("@graph"))
        kgforge::fuzz::fail("jsonld: no @context and @graph", linked);
    return 0;
}
