#include <catch2/catch.hpp>

#include <map>
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

// Attribute values of a node or edge, by attribute id.
std::map<std::string, std::string> values_of(const testxml::Element& element) {
    std::map<std::string, std::string> values;
    for (const auto* list : element.all("attvalues"))
        for (const auto* v : list->all("attvalue")) values[v->attr("for")] = v->attr("value");
    return values;
}

std::string sanitize_id(std::string_view id) {
    return xml_sanitize(id, XmlMode::Id);
}

}  // namespace

TEST_CASE("gexf: header, meta and typed attribute declarations", "[gexf]") {
    const auto graph = build(adversarial_extractions());
    const auto root = testxml::parse(export_as(graph, "gexf"));
    REQUIRE(root.name == "gexf");
    CHECK(root.attr("xmlns") == "http://gexf.net/1.3");
    CHECK(root.attr("xmlns:viz") == "http://gexf.net/1.3/viz");
    CHECK(root.attr("version") == "1.3");
    CHECK(root.attr("xsi:schemaLocation") == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
    // The newest document date, not the clock.
    CHECK(root.one("meta").attr("lastmodifieddate") == "2024-01-05");
    CHECK(root.one("meta").one("creator").text == "kgforge");
    const auto& g = root.one("graph");
    CHECK(g.attr("defaultedgetype") == "directed");
    CHECK(g.attr("mode") == "dynamic");
    CHECK(g.attr("timeformat") == "date");
    const std::set<std::string> types = {"string", "integer", "long", "double", "boolean"};
    std::map<std::string, std::set<std::string>> declared;
    for (const auto* attributes : g.all("attributes")) {
        const auto cls = attributes->attr("class");
        CHECK((cls == "node" || cls == "edge"));
        for (const auto* a : attributes->all("attribute")) {
            CHECK(types.count(a->attr("type")) == 1);
            CHECK(a->attr("id") == (cls == "node" ? "v_" : "e_") + a->attr("title"));
            CHECK(declared[cls].insert(a->attr("id")).second);
        }
    }
    CHECK(declared["node"].count("v_name") == 1);
    CHECK(declared["edge"].count("e_confidence") == 1);
    // Every attvalue refers to a declared attribute of its class.
    for (const auto* node : g.one("nodes").all("node"))
        for (const auto& [key, value] : values_of(*node)) CHECK(declared["node"].count(key) == 1);
    for (const auto* edge : g.one("edges").all("edge"))
        for (const auto& [key, value] : values_of(*edge)) CHECK(declared["edge"].count(key) == 1);
}

TEST_CASE("gexf: nodes have labels, colours and date intervals", "[gexf]") {
    const auto graph = build(adversarial_extractions());
    const auto root = testxml::parse(export_as(graph, "gexf"));
    const auto nodes = root.one("graph").one("nodes").all("node");
    REQUIRE(nodes.size() == graph.entities().size());
    std::set<std::string> ids;
    std::map<std::string, std::string> colour_of_type;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& e = graph.entities()[i];
        const auto& node = *nodes[i];
        CHECK(node.attr("id") == sanitize_id(e.id));
        CHECK(ids.insert(node.attr("id")).second);
        CHECK(node.attr("label") == xml_sanitize(e.name));
        auto values = values_of(node);
        CHECK(values["v_type"] == entity_type_name(e.type));
        CHECK(values["v_mention_count"] == std::to_string(e.mention_count));
        if (e.first_date.empty()) {
            CHECK(node.attribute("start") == nullptr);
            CHECK(node.attribute("end") == nullptr);
        } else {
            CHECK(node.attr("start") == e.first_date);
            CHECK(node.attr("end") == e.last_date);
        }
        const auto& colour = node.one("viz:color");
        const auto rgb = colour.attr("r") + "," + colour.attr("g") + "," + colour.attr("b");
        auto [it, fresh] = colour_of_type.emplace(values["v_type"], rgb);
        CHECK(it->second == rgb);  // one colour per type
    }
    std::set<std::string> colours;
    for (const auto& [type, rgb] : colour_of_type) colours.insert(rgb);
    CHECK(colours.size() == colour_of_type.size());  // distinct colours per type
}

TEST_CASE("gexf: edges have kind, label, weight and one spell per evidence date", "[gexf]") {
    const auto graph = build(adversarial_extractions());
    const auto root = testxml::parse(export_as(graph, "gexf"));
    const auto edges = root.one("graph").one("edges").all("edge");
    REQUIRE(edges.size() == graph.relations().size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto& r = graph.relations()[i];
        const auto& edge = *edges[i];
        CHECK(edge.attr("id") == sanitize_id(graph.relation_id(r)));
        CHECK(edge.attr("source") == sanitize_id(graph.entities()[r.subject].id));
        CHECK(edge.attr("target") == sanitize_id(graph.entities()[r.object].id));
        CHECK(edge.attr("kind") == relation_type_name(r.type));
        const auto phrase = graph.text(r.label);
        CHECK(edge.attr("label") ==
              (phrase.empty() ? std::string(relation_type_name(r.type)) : xml_sanitize(phrase)));
        CHECK(std::stod(edge.attr("weight")) == static_cast<double>(r.weight()));
        std::set<std::string> dates;
        for (const auto& ev : graph.evidence(r)) {
            const auto& date = graph.documents()[ev.document].date;
            if (!date.empty()) dates.insert(date);
        }
        if (dates.empty()) {
            CHECK(edge.all("spells").empty());
        } else {
            std::set<std::string> spells;
            for (const auto* spell : edge.one("spells").all("spell")) {
                CHECK(spell->attr("start") == spell->attr("end"));
                CHECK(spells.insert(spell->attr("start")).second);
            }
            CHECK(spells == dates);
        }
    }
    const testxml::Element* deal = nullptr;
    for (const auto* edge : edges)
        if (edge->attr("kind") == "SIGNED_AGREEMENT_WITH") deal = edge;
    REQUIRE(deal);
    CHECK(deal->one("spells").all("spell").size() == 2);
    auto values = values_of(*deal);
    CHECK(values["e_phrase"] == "signed MoU with");
    CHECK(values["e_confidence"] == "0.9");
    CHECK(values["e_symmetric"] == "true");
    CHECK(values["e_evidence_count"] == "2");
    CHECK(values["e_document"] == "d1");
    CHECK(deal->attr("weight") == "2.0");
}

TEST_CASE("gexf: include_documents adds document nodes and MENTIONS edges", "[gexf]") {
    const auto graph = build(adversarial_extractions());
    ExportOptions options;
    options.include_documents = true;
    const auto root = testxml::parse(export_as(graph, "gexf", options));
    const auto& g = root.one("graph");
    std::size_t mentions = 0;
    for (const auto& doc : graph.documents()) mentions += doc.mentions.size();
    const auto nodes = g.one("nodes").all("node");
    const auto edges = g.one("edges").all("edge");
    CHECK(nodes.size() == graph.entities().size() + graph.documents().size());
    CHECK(edges.size() == graph.relations().size() + mentions);
    std::set<std::string> ids;
    for (const auto* node : nodes) CHECK(ids.insert(node->attr("id")).second);
    for (const auto* edge : edges) {
        CHECK(ids.count(edge->attr("source")) == 1);
        CHECK(ids.count(edge->attr("target")) == 1);
    }
    std::size_t mention_edges = 0;
    for (const auto* edge : edges) mention_edges += edge->attr("kind") == "MENTIONS";
    CHECK(mention_edges == mentions);
}

TEST_CASE("gexf: output is deterministic and undated graphs are static", "[gexf]") {
    const auto docs = adversarial_extractions();
    CHECK(export_as(build(docs), "gexf") == export_as(build(docs, true), "gexf"));

    DocumentExtraction doc;
    doc.document = {"d1", "", "", "", ""};
    doc.entities = {ent("a", "A", EntityType::Person), ent("b", "B", EntityType::Person)};
    doc.relations = {rel("a", RelationType::MetWith, "b", "", "")};
    GraphBuilder builder;
    builder.add(doc);
    const auto text = export_as(builder.build(), "gexf");
    const auto root = testxml::parse(text);
    CHECK(root.one("meta").attribute("lastmodifieddate") == nullptr);
    CHECK(text.find("<spell") == std::string::npos);
    CHECK(text.find(" start=") == std::string::npos);
}

TEST_CASE("gexf: empty graph is well-formed", "[gexf]") {
    GraphBuilder builder;
    const auto root = testxml::parse(export_as(builder.build(), "gexf"));
    CHECK(root.one("graph").one("nodes").children.empty());
    CHECK(root.one("graph").one("edges").children.empty());
}
