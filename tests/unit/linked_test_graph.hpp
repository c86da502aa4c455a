// A small graph with hostile strings, shared by the Cypher, neo4j-csv and JSON-LD tests.
#pragma once

#include <string>

#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"

namespace kgforge::testing {

inline DocumentExtraction linked_test_document(int which) {
    DocumentExtraction doc;
    if (which == 0) {
        doc.document = {"doc-1 \"q\"", "Title with `tick` and \\ slash", "2024-01-15",
                        "https://example.org/a?b=1", "Dawn"};
        doc.entities = {
            {"a",
             "Ada \"The\" `Count`\nLovelace",
             EntityType::Person,
             "Politician",
             {"Ada\x1f"
              "alias",
              "A. L."},
             {},
             2},
            {"b",
             "Ministry of \\ Finance",
             EntityType::Organization,
             "GovernmentOrganization",
             {},
             {},
             1},
            {"c", "Pakistan", EntityType::Country, "Country", {}, {{"wikidata", "Q843"}}, 3},
            {"d",
             "\xd8\xa8\xd8\xa7\xd9\x83\xd8\xb3\xd8\xaa\xd8\xa7\xd9\x86 \xf0\x9f\x98\x80",
             EntityType::Location,
             "City",
             {},
             {},
             1},
        };
        ExtractedRelation r1;
        r1.subject = "a";
        r1.object = "c";
        r1.type = RelationType::Assured;
        r1.label = "assured";
        r1.confidence = 0.9;
        r1.amount = "$1 billion";
        r1.sentence = "Ada assured Pakistan;\n// not a comment \x01 \"x\"";
        r1.start = 10;
        r1.end = 60;
        ExtractedRelation r1b = r1;  // same place, other label: a second piece of evidence
        r1b.label = "pledged";
        ExtractedRelation r2;
        r2.subject = "b";
        r2.object = "c";
        r2.type = RelationType::PartOf;
        r2.label = "ministry of";
        r2.sentence = "The Ministry of Finance of Pakistan.";
        r2.start = 100;
        r2.end = 136;
        ExtractedRelation r3;
        r3.subject = "c";
        r3.object = "a";
        r3.type = RelationType::Criticizes;
        r3.negated = true;
        r3.sentence = "Pakistan did not criticize Ada.";
        r3.start = 140;
        r3.end = 171;
        doc.relations = {r1, r1b, r2, r3};
    } else {
        doc.document = {"doc-2", "", "", "not a url", ""};
        doc.entities = {
            {"x", "Pakistan", EntityType::Country, "", {}, {{"wikidata", "Q843"}}, 1},
            {"y", std::string(10000, 'z'), EntityType::Organization, "", {}, {}, 1},
            {"z", "", EntityType::Person, "", {}, {}, 1},
        };
        ExtractedRelation r;
        r.subject = "y";
        r.object = "x";
        r.type = RelationType::LocatedIn;
        r.sentence = "";
        doc.relations = {r};
    }
    return doc;
}

inline KnowledgeGraph linked_test_graph(bool reversed = false) {
    GraphBuilder builder;
    if (reversed) {
        builder.add(linked_test_document(1));
        builder.add(linked_test_document(0));
    } else {
        builder.add(linked_test_document(0));
        builder.add(linked_test_document(1));
    }
    return builder.build();
}

}  // namespace kgforge::testing
