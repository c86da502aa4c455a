// What extraction yields for one document, before graph building. This is also the
// pre-extracted input format (schema/extraction.schema.json) and the output of
// `kgforge extract`, so users with their own extractor feed the same structure.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kgforge/types.hpp"

namespace kgforge {

struct DocumentInfo {
    std::string id;
    std::string title;
    std::string date;
    std::string url;
    std::string source;
};

struct ExtractedEntity {
    std::string key;  // local to the document; relations refer to it
    std::string name;
    EntityType type = EntityType::Organization;
    std::string subtype;                 // finer type: City, Company, GovernmentOrganization, ...
    std::vector<std::string> aliases;    // other surface forms seen in this document
    std::vector<std::pair<std::string, std::string>> external_ids;  // ("wikidata", "Q843")
    std::uint32_t mentions = 1;
};

struct ExtractedRelation {
    std::string subject;  // ExtractedEntity::key
    std::string object;
    RelationType type = RelationType::CooperatesWith;
    std::string label;    // surface phrase, e.g. "signed MoU with"
    double confidence = 1.0;
    std::string amount;   // e.g. "$23 billion"
    std::string role;     // e.g. "spokesman"
    bool negated = false;
    bool hypothetical = false;
    std::string sentence;              // the exact sentence text
    std::uint32_t start = 0;           // sentence offsets in the document text,
    std::uint32_t end = 0;             // in Unicode code points, end exclusive
    std::string rule;                  // which rule or model produced it (for --explain)
};

struct DocumentExtraction {
    DocumentInfo document;
    std::vector<ExtractedEntity> entities;
    std::vector<ExtractedRelation> relations;
};

}  // namespace kgforge
