#include <catch2/catch.hpp>

#include <string>

#include "exporters/cypher_escape.hpp"
#include "exporters/exporters.hpp"
#include "linked_test_graph.hpp"

using namespace kgforge;

TEST_CASE("node keys: short ids unchanged, long ids shortened with a hash", "[neo4j]") {
    CHECK(neo4j::node_key("country:pakistan") == "country:pakistan");
    const std::string limit(neo4j::kMaxNodeKeyBytes, 'x');
    CHECK(neo4j::node_key(limit) == limit);
    const std::string a = "person:" + std::string(10000, 'a');
    const std::string b = "person:" + std::string(9999, 'a') + "b";
    const auto ka = neo4j::node_key(a);
    CHECK(ka.size() <= neo4j::kMaxNodeKeyBytes);
    CHECK(ka.rfind(a.substr(0, 3000), 0) == 0);
    CHECK(ka != neo4j::node_key(b));
    CHECK(ka == neo4j::node_key(a));
    // FNV-1a 64 of the whole id, as tests/neo4j_live/live.py computes it.
    CHECK(ka.substr(ka.size() - 17) == "~" + ka.substr(ka.size() - 16));
    // Never cuts a UTF-8 sequence.
    std::string emoji;
    while (emoji.size() < 5000) emoji += "\xf0\x9f\x98\x80";
    const auto ke = neo4j::node_key(emoji);
    CHECK((ke.size() - 17) % 4 == 0);
}

TEST_CASE("the Cypher script uses the shared statement bodies", "[neo4j]") {
    const auto graph = testing::linked_test_graph();
    ExportOptions options;
    StringOutput out;
    find_exporter("cypher").write(graph, options, out);
    const auto script = out.str();
    for (int t = 0; t < kEntityTypeCount; ++t) {
        const auto body = neo4j::entity_statement(static_cast<EntityType>(t));
        CHECK(body.find("$") == std::string::npos);
        if (script.find("SET e:" + neo4j::cypher_identifier(entity_type_label(
                                       static_cast<EntityType>(t)))) != std::string::npos)
            CHECK(script.find("] AS row\n" + body + ";\n") != std::string::npos);
    }
    CHECK(script.find("] AS row\n" + neo4j::document_statement() + ";\n") != std::string::npos);
    CHECK(script.find("] AS id\n" + neo4j::entity_refresh_statement() + ";\n") !=
          std::string::npos);
    for (const auto& info : relation_types()) {
        if (script.find("[r:" + neo4j::cypher_identifier(info.name) + "]") == std::string::npos)
            continue;
        CHECK(script.find("] AS row\n" + neo4j::relationship_statement(info) + ";\n") !=
              std::string::npos);
    }
}
