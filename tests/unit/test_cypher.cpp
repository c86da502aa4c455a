#include <catch2/catch.hpp>

#include <string>

#include "exporters/cypher_escape.hpp"
#include "exporters/exporters.hpp"
#include "linked_test_graph.hpp"

using namespace kgforge;

namespace {

// Reverses write_cypher_string (the escapes it emits) and checks the literal's syntax.
std::string unquote_cypher(const std::string& literal) {
    REQUIRE(literal.size() >= 2);
    REQUIRE(literal.front() == '"');
    REQUIRE(literal.back() == '"');
    std::string out;
    for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
        const char c = literal[i];
        REQUIRE(c != '"');
        REQUIRE(static_cast<unsigned char>(c) >= 0x20);
        REQUIRE(c != 0x7f);
        if (c != '\\') {
            out += c;
            continue;
        }
        const char e = literal[++i];
        if (e == 'n')
            out += '\n';
        else if (e == 'r')
            out += '\r';
        else if (e == 't')
            out += '\t';
        else if (e == '"')
            out += '"';
        else if (e == '\\')
            out += '\\';
        else {
            REQUIRE(e == 'u');
            out += static_cast<char>(std::stoi(literal.substr(i + 1, 4), nullptr, 16));
            i += 4;
        }
    }
    return out;
}

std::string export_cypher(const KnowledgeGraph& graph, std::size_t batch = 1000) {
    ExportOptions options;
    options.batch_size = batch;
    StringOutput out;
    find_exporter("cypher").write(graph, options, out);
    return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("cypher strings escape quotes, backslashes and control characters", "[cypher]") {
    using neo4j::cypher_quote;
    CHECK(cypher_quote("") == "\"\"");
    CHECK(cypher_quote("plain") == "\"plain\"");
    CHECK(cypher_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(cypher_quote("C:\\path\\u0041") == "\"C:\\\\path\\\\u0041\"");
    CHECK(cypher_quote("a\nb\r\nc\td") == "\"a\\nb\\r\\nc\\td\"");
    CHECK(cypher_quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(cypher_quote("\x01\x1f\x7f") == "\"\\u0001\\u001f\\u007f\"");
    CHECK(cypher_quote("back`tick'") == "\"back`tick'\"");
    CHECK(cypher_quote("// not a comment; MATCH (n) DETACH DELETE n") ==
          "\"// not a comment; MATCH (n) DETACH DELETE n\"");
    const std::string emoji = "\xf0\x9f\x98\x80\xf0\x9f\x87\xb5\xf0\x9f\x87\xb0";
    CHECK(cypher_quote(emoji) == "\"" + emoji + "\"");
    const std::string rtl =
        "\xd7\x97\xd7\x91\xd7\xa8\xd7\xaa \xe2\x80\xae"
        "RTL\xe2\x80\xac";
    CHECK(cypher_quote(rtl) == "\"" + rtl + "\"");

    for (const std::string& s :
         {std::string(), std::string("a\"b\\c`d\ne\x01"), emoji + rtl, std::string(10000, 'x'),
          std::string(5000, '"') + std::string(5000, '\\')}) {
        CHECK(unquote_cypher(cypher_quote(s)) == s);
    }
}

TEST_CASE("cypher identifiers are backticked with backticks doubled", "[cypher]") {
    CHECK(neo4j::cypher_identifier("ASSURED") == "`ASSURED`");
    CHECK(neo4j::cypher_identifier("a`b") == "`a``b`");
    CHECK(neo4j::cypher_identifier("") == "``");
    CHECK(neo4j::xref_property("wikidata") == "xref_wikidata");
    CHECK(neo4j::xref_property("geo:names") == "xref_geo_names");
}

TEST_CASE("floats are written in their shortest form", "[cypher]") {
    CHECK(neo4j::float_text(0.9f) == "0.9");
    CHECK(neo4j::float_text(1.0f) == "1.0");
    CHECK(neo4j::float_text(0.0f) == "0.0");
}

TEST_CASE("evidence keys are stable and unique within a relation", "[cypher]") {
    const auto graph = testing::linked_test_graph();
    bool saw_repeat = false;
    for (const auto& r : graph.relations()) {
        const auto keys = neo4j::evidence_keys(graph, r);
        REQUIRE(keys.size() == r.evidence_count);
        for (std::size_t i = 0; i < keys.size(); ++i)
            for (std::size_t j = i + 1; j < keys.size(); ++j) CHECK(keys[i] != keys[j]);
        if (relation_type_name(r.type) == "ASSURED") {
            REQUIRE(keys.size() == 2);
            CHECK(keys[0] == "doc-1 \"q\"#10-60");
            CHECK(keys[1] == "doc-1 \"q\"#10-60#2");
            saw_repeat = true;
        }
    }
    CHECK(saw_repeat);
}

TEST_CASE("cypher script: constraints first, MERGE batches, one statement per batch", "[cypher]") {
    const auto graph = testing::linked_test_graph();
    const auto script = export_cypher(graph);
    const auto constraint = script.find(
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n");
    const auto doc_constraint = script.find(
        "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;\n");
    REQUIRE(constraint != std::string::npos);
    REQUIRE(doc_constraint != std::string::npos);
    CHECK(constraint < script.find("UNWIND"));
    CHECK(doc_constraint < script.find("UNWIND"));
    CHECK(script.find("$rows") == std::string::npos);
    CHECK(script.find("MERGE (e:Entity {id: row.id})\nSET e:`Person`") != std::string::npos);
    CHECK(script.find("MERGE (s)-[r:`ASSURED`]->(o)") != std::string::npos);
    CHECK(script.find("MERGE (s)-[r:`PART_OF`]->(o)") != std::string::npos);
    CHECK(script.find("MERGE (d)-[r:MENTIONS]->(e)") != std::string::npos);
    CHECK(script.find("NOT ev.key IN old_keys") != std::string::npos);
    CHECK(script.find("r.weight = size(r.evidence_keys)") != std::string::npos);
    CHECK(script.find("`xref_wikidata`: \"Q843\"") != std::string::npos);
    // Raw newlines never occur inside literals, so each statement ends a line with ';'.
    CHECK(script.back() == '\n');
    CHECK(script[script.size() - 2] == ';');
    CHECK(script.find("Ada \\\"The\\\" `Count`\\nLovelace") != std::string::npos);
    CHECK(script.find(std::string(10000, 'z')) != std::string::npos);

    // Statement count: 2 constraints + one per (type, batch) of entities, documents,
    // relationships and entity refreshes.
    const auto one = export_cypher(graph, 1);
    const auto entities = graph.entities().size();
    const auto statements =
        2 + entities + graph.documents().size() + graph.relations().size() + entities;
    CHECK(count(one, ";\n") == statements);
    CHECK(count(one, "UNWIND [") == statements - 2);
}

TEST_CASE("cypher export is deterministic whatever the merge order", "[cypher]") {
    CHECK(export_cypher(testing::linked_test_graph(false)) ==
          export_cypher(testing::linked_test_graph(true)));
}
