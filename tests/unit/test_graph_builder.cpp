#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "kgforge/export.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"

using namespace kgforge;

namespace {

DocumentExtraction make_doc(
    const std::string& id, const std::string& date,
    std::vector<std::tuple<std::string, std::string, EntityType>> entities,
    std::vector<std::tuple<std::string, RelationType, std::string>> relations) {
    DocumentExtraction doc;
    doc.document.id = id;
    doc.document.date = date;
    doc.document.title = "Title of " + id;
    for (auto& [key, name, type] : entities) {
        ExtractedEntity e;
        e.key = key;
        e.name = name;
        e.type = type;
        e.mentions = 2;
        doc.entities.push_back(e);
    }
    std::uint32_t offset = 0;
    for (auto& [s, type, o] : relations) {
        ExtractedRelation r;
        r.subject = s;
        r.object = o;
        r.type = type;
        r.label = "label of " + s + o;
        r.sentence = "Sentence in " + id;
        r.start = offset;
        r.end = offset + 10;
        offset += 20;
        doc.relations.push_back(r);
    }
    return doc;
}

std::string json_of(const KnowledgeGraph& graph) {
    StringOutput out;
    export_graph_to_stream(graph, find_exporter("json"), {}, out);
    return out.str();
}

std::vector<DocumentExtraction> corpus() {
    return {
        make_doc("a", "2024-01-02",
                 {{"p", "Pakistan", EntityType::Country}, {"c", "China", EntityType::Country}},
                 {{"p", RelationType::Assured, "c"}, {"c", RelationType::TradesWith, "p"}}),
        make_doc("b", "2024-01-01",
                 {{"x", "China", EntityType::Country},
                  {"y", "Pakistan", EntityType::Country},
                  {"z", "Lin Jian", EntityType::Person}},
                 {{"x", RelationType::TradesWith, "y"}, {"z", RelationType::AffiliatedWith, "x"}}),
        make_doc(
            "c", "",
            {{"1", "the Pakistan", EntityType::Country}, {"2", "USSM", EntityType::Organization}},
            {{"2", RelationType::LocatedIn, "1"}}),
    };
}

}  // namespace

TEST_CASE("same relation from several documents is one edge with all evidence", "[graph]") {
    GraphBuilder builder;
    for (auto& doc : corpus()) builder.add(doc);
    auto graph = builder.build();
    REQUIRE(graph.entities().size() == 4);  // "the Pakistan" normalizes to Pakistan
    auto pakistan = graph.find_entity("country:pakistan");
    auto china = graph.find_entity("country:china");
    REQUIRE(pakistan);
    REQUIRE(china);
    const Relation* trade = nullptr;
    for (const auto& r : graph.relations())
        if (r.type == RelationType::TradesWith) trade = &r;
    REQUIRE(trade);
    CHECK(trade->weight() == 2);
    // Symmetric: canonical direction is by entity index.
    CHECK(trade->subject < trade->object);
    // Evidence is ordered by document date: document "b" (2024-01-01) first.
    auto evidence = graph.evidence(*trade);
    CHECK(graph.documents()[evidence[0].document].id == "b");
    CHECK(graph.entities()[*pakistan].mention_count == 6);
    CHECK(graph.entities()[*pakistan].document_count == 3);
    CHECK(graph.entities()[*pakistan].first_date == "2024-01-01");
    CHECK(graph.entities()[*pakistan].last_date == "2024-01-02");
    CHECK(graph.entities()[*pakistan].name == "Pakistan");
    auto aliases = graph.entities()[*pakistan].aliases;
    CHECK(std::find(aliases.begin(), aliases.end(), "the Pakistan") != aliases.end());
}

TEST_CASE("merging in any order or grouping gives identical output", "[graph][determinism]") {
    auto docs = corpus();
    GraphBuilder reference;
    for (auto& doc : docs) reference.add(doc);
    const auto expected = json_of(reference.build());
    std::mt19937 rng(7);
    for (int round = 0; round < 10; ++round) {
        std::shuffle(docs.begin(), docs.end(), rng);
        GraphBuilder builder;
        for (auto& doc : docs) builder.add(doc);
        CHECK(json_of(builder.build()) == expected);
    }
}

TEST_CASE("adding the same document twice changes nothing", "[graph]") {
    auto docs = corpus();
    GraphBuilder once, twice;
    for (auto& doc : docs) once.add(doc);
    for (auto& doc : docs) twice.add(doc);
    for (auto& doc : docs) twice.add(doc);
    CHECK(json_of(once.build()) == json_of(twice.build()));
}

TEST_CASE("entity ids come from type and normalized name, or a Wikidata id", "[graph]") {
    CHECK(entity_id(EntityType::Country, "The  United\tStates") == "country:united states");
    CHECK(entity_id(EntityType::Organization, "U.S. Steel") == "organization:us steel");
    std::vector<std::pair<std::string, std::string>> ids{{"wikidata", "Q30"}};
    CHECK(entity_id(EntityType::Country, "USA", ids) == "wikidata:Q30");
    CHECK(normalize_name("ＦＷＯ") == "fwo");  // NFKC folds full-width letters
}

TEST_CASE("graph algorithms over the Boost index", "[graph]") {
    GraphBuilder builder;
    for (auto& doc : corpus()) builder.add(doc);
    auto graph = builder.build();
    auto lin = *graph.find_entity("person:lin jian");
    auto ussm = *graph.find_entity("organization:ussm");
    auto path = graph.shortest_path(lin, ussm);
    REQUIRE(path.size() == 4);  // Lin Jian - China - Pakistan - USSM
    CHECK(path.front() == lin);
    CHECK(path.back() == ussm);
    CHECK(graph.connected_component_count() == 1);
    CHECK(graph.degree(*graph.find_entity("country:china")) == 3);
}

TEST_CASE("an empty graph is valid", "[graph]") {
    GraphBuilder builder;
    auto graph = builder.build();
    CHECK(graph.entities().empty());
    CHECK(json_of(graph).find("\"nodes\":[]") != std::string::npos);
}
