// Graphs shared by the GraphML and GEXF tests: a small typed graph and an adversarial one.
#pragma once

#include <string>
#include <vector>

#include "kgforge/export.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"

namespace xml_test_graph {

using namespace kgforge;

inline ExtractedEntity ent(std::string key, std::string name, EntityType type,
                           std::vector<std::string> aliases = {}, std::string wikidata = {}) {
    ExtractedEntity e;
    e.key = std::move(key);
    e.name = std::move(name);
    e.type = type;
    e.aliases = std::move(aliases);
    if (!wikidata.empty()) e.external_ids.emplace_back("wikidata", wikidata);
    return e;
}

inline ExtractedRelation rel(std::string subject, RelationType type, std::string object,
                             std::string label, std::string sentence) {
    ExtractedRelation r;
    r.subject = std::move(subject);
    r.object = std::move(object);
    r.type = type;
    r.label = std::move(label);
    r.sentence = std::move(sentence);
    r.confidence = 0.9;
    return r;
}

inline std::string long_name() {
    std::string name;
    while (name.size() < 10000) name += "Very Long \"Name\" <with> & \xF0\x9F\x98\x80 ";
    return name.substr(0, 10000);
}

inline std::vector<DocumentExtraction> adversarial_extractions() {
    std::vector<DocumentExtraction> docs(3);
    docs[0].document = {"d1", "Deal <signed>", "2024-01-02", "https://example.org/a?x=1&y=2",
                        "Dawn"};
    docs[0].entities = {
        ent("p", "Pakistan", EntityType::Country, {}, "Q843"),
        ent("c", "China", EntityType::Country, {"PRC"}),
        ent("a", "Acme <&> \"Corp\" 'Ltd'", EntityType::Organization, {"Acme|Corp", "A\\B"})};
    docs[0].relations = {rel("p", RelationType::SignedAgreementWith, "c", "signed MoU with",
                             "Pakistan signed an MoU with China.")};
    docs[0].relations[0].amount = "$23 billion";

    docs[1].document = {"d2", "Talks", "2024-01-05", "", ""};
    docs[1].entities = {
        ent("p", "Pakistan", EntityType::Country, {}, "Q843"),
        ent("c", "China", EntityType::Country),
        ent("x", "Bad\x01Name\x1f", EntityType::Person),
        ent("e", "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB0 emoji", EntityType::Person),
        ent("r", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD7\xA2\xD7\x91",
            EntityType::Location),
        ent("l", long_name(), EntityType::Organization),
        ent("n", "line\nbreak\ttab\rcr", EntityType::Person),
        ent("z", "", EntityType::Person)};
    docs[1].relations = {rel("c", RelationType::SignedAgreementWith, "p", "signed MoU with",
                             "China and Pakistan signed\x02 a deal."),
                         rel("x", RelationType::AffiliatedWith, "l", "", "Bad works for Long."),
                         rel("e", RelationType::Visited, "r", "visited", "")};

    docs[2].document = {"d3\x03<&>", "", "", "", ""};  // undated
    docs[2].entities = {ent("a", "Acme <&> \"Corp\" 'Ltd'", EntityType::Organization),
                        ent("p", "Pakistan", EntityType::Country, {}, "Q843")};
    docs[2].relations = {
        rel("a", RelationType::LocatedIn, "p", "based in", "Acme is based in Pakistan.")};
    return docs;
}

inline KnowledgeGraph build(const std::vector<DocumentExtraction>& docs, bool reverse = false) {
    GraphBuilder builder;
    if (reverse) {
        for (auto it = docs.rbegin(); it != docs.rend(); ++it) builder.add(*it);
    } else {
        for (const auto& d : docs) builder.add(d);
    }
    return builder.build();
}

inline std::string export_as(const KnowledgeGraph& graph, std::string_view format,
                             const ExportOptions& options = {}) {
    StringOutput out;
    export_graph_to_stream(graph, find_exporter(format), options, out);
    return out.str();
}

}  // namespace xml_test_graph
