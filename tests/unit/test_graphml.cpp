#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "exporters/xml_escape.hpp"
#include "kgforge/export.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"
#include "xml_reader.hpp"
#include "xml_test_graph.hpp"

using namespace kgforge;
using namespace xml_test_graph;

namespace {

// Data values of a node or edge, by key id.
std::map<std::string, std::string> data_of(const testxml::Element& element) {
    std::map<std::string, std::string> data;
    for (const auto* d : element.all("data")) data[d->attr("key")] = d->text;
    return data;
}

std::string sanitize_id(std::string_view id) {
    return xml_sanitize(id, XmlMode::Id);
}

}  // namespace

TEST_CASE("graphml: keys are declared, typed and named, never dN", "[graphml]") {
    const auto graph = build(adversarial_extractions());
    for (bool documents : {false, true}) {
        ExportOptions options;
        options.include_documents = documents;
        const auto root = testxml::parse(export_as(graph, "graphml", options));
        REQUIRE(root.name == "graphml");
        CHECK(root.attr("xmlns") == "http://graphml.graphdrawing.org/xmlns");
        std::set<std::string> ids;
        std::set<std::pair<std::string, std::string>> names;
        const std::regex yed_style("d[0-9]+");
        const std::set<std::string> types = {"string", "int", "long", "double", "boolean"};
        for (const auto* key : root.all("key")) {
            const auto id = key->attr("id");
            CHECK_FALSE(std::regex_match(id, yed_style));
            CHECK(ids.insert(id).second);
            const auto for_ = key->attr("for");
            CHECK((for_ == "node" || for_ == "edge"));
            CHECK(types.count(key->attr("attr.type")) == 1);
            CHECK(id == (for_ == "node" ? "v_" : "e_") + key->attr("attr.name"));
            CHECK(names.emplace(for_, key->attr("attr.name")).second);
        }
        CHECK(ids.count("v_label") == 1);
        CHECK(ids.count("e_label") == 1);
        CHECK(ids.count("e_weight") == 1);
        CHECK(ids.count("v_title") == (documents ? 1u : 0u));
        const auto& g = root.one("graph");
        CHECK(g.attr("edgedefault") == "directed");
        // Every <data> refers to a declared key of the right domain.
        for (const auto* node : g.all("node"))
            for (const auto& [key, value] : data_of(*node)) CHECK(key.rfind("v_", 0) == 0);
        for (const auto* edge : g.all("edge"))
            for (const auto& [key, value] : data_of(*edge)) {
                CHECK(key.rfind("e_", 0) == 0);
                CHECK(ids.count(key) == 1);
            }
    }
}

TEST_CASE("graphml: nodes and edges carry ids, names and attributes", "[graphml]") {
    const auto graph = build(adversarial_extractions());
    const auto root = testxml::parse(export_as(graph, "graphml"));
    const auto& g = root.one("graph");
    const auto nodes = g.all("node");
    const auto edges = g.all("edge");
    REQUIRE(nodes.size() == graph.entities().size());
    REQUIRE(edges.size() == graph.relations().size());

    std::set<std::string> node_ids;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& e = graph.entities()[i];
        CHECK(nodes[i]->attr("id") == sanitize_id(e.id));
        node_ids.insert(nodes[i]->attr("id"));
        auto data = data_of(*nodes[i]);
        if (e.name.empty()) CHECK(data.count("v_name") == 0);  // empty strings are omitted
        CHECK(data["v_name"] == xml_sanitize(e.name));
        CHECK(data["v_label"] == xml_sanitize(e.name));
        CHECK(data["v_type"] == entity_type_name(e.type));
        CHECK(data["v_mention_count"] == std::to_string(e.mention_count));
        CHECK(data["v_document_count"] == std::to_string(e.document_count));
        CHECK(data["v_first_date"] == e.first_date);
    }
    CHECK(node_ids.size() == nodes.size());

    std::set<std::string> edge_ids;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto& r = graph.relations()[i];
        CHECK(edges[i]->attr("id") == sanitize_id(graph.relation_id(r)));
        CHECK(edges[i]->attr("source") == sanitize_id(graph.entities()[r.subject].id));
        CHECK(edges[i]->attr("target") == sanitize_id(graph.entities()[r.object].id));
        CHECK(node_ids.count(edges[i]->attr("source")) == 1);
        CHECK(node_ids.count(edges[i]->attr("target")) == 1);
        CHECK(edges[i]->attr("label") == relation_type_name(r.type));  // Gephi's edge kind
        edge_ids.insert(edges[i]->attr("id"));
    }
    CHECK(edge_ids.size() == edges.size());

    // The agreement seen in two dated documents.
    const auto pakistan = graph.find_entity("wikidata:Q843");
    REQUIRE(pakistan);
    const testxml::Element* deal = nullptr;
    for (const auto* edge : edges)
        if (edge->attr("id") == "country:china|SIGNED_AGREEMENT_WITH|wikidata:Q843") deal = edge;
    REQUIRE(deal);
    auto data = data_of(*deal);
    CHECK(data["e_label"] == "signed MoU with");
    CHECK(data["e_type"] == "SIGNED_AGREEMENT_WITH");
    CHECK(data["e_weight"] == "2.0");
    CHECK(data["e_evidence_count"] == "2");
    CHECK(data["e_confidence"] == "0.9");
    CHECK(data["e_negated"] == "false");
    CHECK(data["e_symmetric"] == "true");
    CHECK(data["e_amount"] == "$23 billion");
    CHECK(data["e_first_date"] == "2024-01-02");
    CHECK(data["e_last_date"] == "2024-01-05");
    CHECK(data["e_sentence"] == "Pakistan signed an MoU with China.");
    CHECK(data["e_document"] == "d1");

    // An edge without a label is labelled with its type; undated evidence has no dates.
    for (const auto* edge : edges) {
        auto d = data_of(*edge);
        if (d["e_type"] == "AFFILIATED_WITH") CHECK(d["e_label"] == "AFFILIATED_WITH");
        if (d["e_type"] == "LOCATED_IN") {
            CHECK(d.count("e_first_date") == 0);
            CHECK(d["e_document"] == xml_sanitize("d3\x03<&>"));
        }
    }

    // Aliases: joined with '|', with '|' and '\' escaped.
    for (const auto* node : nodes) {
        auto d = data_of(*node);
        if (d["v_type"] == "ORGANIZATION" && d["v_name"].rfind("Acme", 0) == 0)
            CHECK(d["v_aliases"] == "A\\\\B|Acme\\|Corp");
        if (node->attr("id") == "wikidata:Q843") CHECK(d["v_wikidata"] == "Q843");
    }
}

TEST_CASE("graphml: include_documents adds document nodes and MENTIONS edges", "[graphml]") {
    const auto graph = build(adversarial_extractions());
    ExportOptions options;
    options.include_documents = true;
    const auto root = testxml::parse(export_as(graph, "graphml", options));
    const auto& g = root.one("graph");
    std::size_t mentions = 0;
    for (const auto& doc : graph.documents()) mentions += doc.mentions.size();
    CHECK(g.all("node").size() == graph.entities().size() + graph.documents().size());
    CHECK(g.all("edge").size() == graph.relations().size() + mentions);
    std::set<std::string> ids;
    for (const auto* node : g.all("node")) CHECK(ids.insert(node->attr("id")).second);
    for (const auto* edge : g.all("edge")) {
        CHECK(ids.count(edge->attr("source")) == 1);
        CHECK(ids.count(edge->attr("target")) == 1);
    }
    CHECK(ids.count("document:d1") == 1);
    CHECK(ids.count(sanitize_id("document:d3\x03<&>")) == 1);
}

TEST_CASE("graphml: output is deterministic", "[graphml]") {
    const auto docs = adversarial_extractions();
    const auto a = export_as(build(docs), "graphml");
    const auto b = export_as(build(docs, true), "graphml");
    CHECK(a == b);
    const auto graph = build(docs);
    CHECK(export_as(graph, "graphml") == export_as(graph, "graphml"));
}

TEST_CASE("graphml: exact output for a small graph", "[graphml]") {
    DocumentExtraction doc;
    doc.document = {"d1", "T", "2024-01-02", "", ""};
    doc.entities = {ent("a", "A & B", EntityType::Person), ent("b", "Ghana", EntityType::Country)};
    doc.relations = {rel("a", RelationType::Visited, "b", "visited", "A & B visited Ghana.")};
    GraphBuilder builder;
    builder.add(doc);
    const auto text = export_as(builder.build(), "graphml");
    const std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
    CHECK(text.rfind(head, 0) == 0);
    const std::string body =
        "  <graph id=\"G\" edgedefault=\"directed\">\n"
        "    <node id=\"country:ghana\">\n"
        "      <data key=\"v_label\">Ghana</data>\n"
        "      <data key=\"v_name\">Ghana</data>\n"
        "      <data key=\"v_type\">COUNTRY</data>\n"
        "      <data key=\"v_mention_count\">1</data>\n"
        "      <data key=\"v_document_count\">1</data>\n"
        "      <data key=\"v_first_date\">2024-01-02</data>\n"
        "      <data key=\"v_last_date\">2024-01-02</data>\n"
        "    </node>\n"
        "    <node id=\"person:a &amp; b\">\n"
        "      <data key=\"v_label\">A &amp; B</data>\n"
        "      <data key=\"v_name\">A &amp; B</data>\n"
        "      <data key=\"v_type\">PERSON</data>\n"
        "      <data key=\"v_mention_count\">1</data>\n"
        "      <data key=\"v_document_count\">1</data>\n"
        "      <data key=\"v_first_date\">2024-01-02</data>\n"
        "      <data key=\"v_last_date\">2024-01-02</data>\n"
        "    </node>\n"
        "    <edge id=\"person:a &amp; b|VISITED|country:ghana\" source=\"person:a &amp; b\" "
        "target=\"country:ghana\" label=\"VISITED\">\n"
        "      <data key=\"e_label\">visited</data>\n"
        "      <data key=\"e_type\">VISITED</data>\n"
        "      <data key=\"e_weight\">1.0</data>\n"
        "      <data key=\"e_confidence\">0.9</data>\n"
        "      <data key=\"e_negated\">false</data>\n"
        "      <data key=\"e_hypothetical\">false</data>\n"
        "      <data key=\"e_symmetric\">false</data>\n"
        "      <data key=\"e_evidence_count\">1</data>\n"
        "      <data key=\"e_first_date\">2024-01-02</data>\n"
        "      <data key=\"e_last_date\">2024-01-02</data>\n"
        "      <data key=\"e_sentence\">A &amp; B visited Ghana.</data>\n"
        "      <data key=\"e_document\">d1</data>\n"
        "    </edge>\n"
        "  </graph>\n"
        "</graphml>\n";
    REQUIRE(text.size() > body.size());
    CHECK(text.substr(text.size() - body.size()) == body);
}

TEST_CASE("graphml: empty graph is well-formed", "[graphml]") {
    GraphBuilder builder;
    const auto root = testxml::parse(export_as(builder.build(), "graphml"));
    CHECK(root.one("graph").children.empty());
}

namespace {
class CountingOutput final : public OutputStream {
  public:
    std::size_t bytes = 0;

  private:
    void sink(std::string_view data) override { bytes += data.size(); }
};
}  // namespace

// Hidden: ./kgforge_unit_tests "[.graphml-bench]" prints export throughput.
TEST_CASE("graphml/gexf: export throughput", "[.graphml-bench]") {
    constexpr int kEntities = 100000, kRelationsPerEntity = 5;
    GraphBuilder builder;
    for (int d = 0; d < kEntities / 100; ++d) {
        DocumentExtraction doc;
        doc.document = {"doc-" + std::to_string(d), "Title " + std::to_string(d),
                        "2024-01-" + std::to_string(10 + d % 20), "", ""};
        for (int i = 0; i < 100; ++i) {
            const int e = d * 100 + i;
            doc.entities.push_back(ent("e" + std::to_string(i),
                                       "Entity \"" + std::to_string(e) + "\" & Co",
                                       static_cast<EntityType>(e % 4)));
        }
        for (int i = 0; i < 100; ++i)
            for (int k = 1; k <= kRelationsPerEntity; ++k)
                doc.relations.push_back(rel("e" + std::to_string(i),
                                            static_cast<RelationType>((i + k) % 19),
                                            "e" + std::to_string((i + k * 7) % 100), "signed with",
                                            "Sentence number " + std::to_string(i) + " <b>."));
        builder.add(std::move(doc));
    }
    const auto graph = builder.build();
    for (auto format : {"graphml", "gexf", "json"}) {
        CountingOutput out;
        const auto start = std::chrono::steady_clock::now();
        export_graph_to_stream(graph, find_exporter(format), {}, out);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        const auto mb = static_cast<double>(out.bytes) / 1e6;
        WARN(format << ": " << graph.entities().size() << " entities, " << graph.relations().size()
                    << " relations, " << mb << " MB in " << took.count() << " s ("
                    << mb / took.count() << " MB/s)");
    }
}
