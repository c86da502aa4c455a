// The knowledge graph: entities (vertices), relations (edges, one per distinct
// (subject, type, object) with all their evidence) and the documents they came from.
//
// A KnowledgeGraph is immutable and canonically ordered: entities by id, relations by
// (subject id, type, object id), evidence by (document date, document id, offsets).
// Whatever order extractions were merged in, the graph and every export are byte-identical.
// Boost.Graph sits behind this header (src/graph/); nothing here includes Boost.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgforge/types.hpp"

namespace kgforge {

using EntityIndex = std::uint32_t;
using DocumentIndex = std::uint32_t;

// Entity strings are views into the graph's string table (valid while the graph lives):
// a million entities then cost a few hundred bytes each, not a heap string per field.
struct Entity {
    std::string_view id;    // stable: "wikidata:Q843" or "<type>:<normalized name>"
    std::string_view name;
    EntityType type = EntityType::Organization;
    std::string_view subtype;                   // may be empty
    std::vector<std::string_view> aliases;      // sorted, unique, without the name itself
    std::vector<std::pair<std::string_view, std::string_view>> external_ids;  // sorted by key
    std::uint64_t mention_count = 0;
    std::uint32_t document_count = 0;
    std::string_view first_date;  // earliest dated document mentioning it ("" if none)
    std::string_view last_date;
};

// Strings of evidence and relations are interned in the graph's string table (as spaCy's
// StringStore does) and referred to by TextId; KnowledgeGraph::text() turns one back into
// text. This keeps a graph of millions of relations compact. TextId 0 is the empty string.
using TextId = std::uint32_t;

struct Evidence {
    EntityIndex subject = 0;  // same as the relation's
    EntityIndex object = 0;
    DocumentIndex document = 0;
    TextId sentence = 0;
    TextId label = 0;   // surface phrase
    TextId amount = 0;
    TextId role = 0;
    TextId rule = 0;
    std::uint32_t start = 0;  // sentence offsets in the document, Unicode code points
    std::uint32_t end = 0;
    float confidence = 1.0f;
    RelationType type = RelationType::CooperatesWith;
    bool negated = false;
    bool hypothetical = false;
};

struct Relation {
    EntityIndex subject = 0;  // for symmetric types the subject has the smaller index
    EntityIndex object = 0;
    RelationType type = RelationType::CooperatesWith;
    // Summaries over the evidence, chosen deterministically:
    bool negated = false;       // every piece of evidence is negated
    bool hypothetical = false;  // every piece of evidence is hypothetical
    TextId label = 0;           // the most frequent label (ties: the smallest)
    TextId amount = 0;          // from the latest evidence that has one
    TextId role = 0;            // from the latest evidence that has one
    float confidence = 0.0f;    // the highest evidence confidence
    std::uint32_t evidence_begin = 0;
    std::uint32_t evidence_count = 0;
    std::uint32_t weight() const { return evidence_count; }
};

struct DocumentMention {
    EntityIndex entity = 0;
    std::uint32_t count = 0;
};

struct DocumentNode {
    std::string id;
    std::string title;
    std::string date;
    std::string url;
    std::string source;
    std::vector<DocumentMention> mentions;  // sorted by entity index
};

class KnowledgeGraph {
public:
    KnowledgeGraph();
    ~KnowledgeGraph();
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

    std::span<const Entity> entities() const;
    std::span<const Relation> relations() const;
    std::span<const DocumentNode> documents() const;  // sorted by (date, id)
    std::span<const Evidence> evidence(const Relation& relation) const;  // by (document, start)
    std::string_view text(TextId id) const;
    // A relation's stable id: "<subject id>|<TYPE>|<object id>".
    std::string relation_id(const Relation& relation) const;

    std::optional<EntityIndex> find_entity(std::string_view id) const;
    // Relation indices with this entity as subject or object (via Boost.Graph adjacency).
    std::vector<std::uint32_t> incident_relations(EntityIndex entity) const;
    std::uint32_t degree(EntityIndex entity) const;  // in + out, counting distinct relations
    // Shortest undirected path (entity indices, both ends included); empty if none.
    std::vector<EntityIndex> shortest_path(EntityIndex from, EntityIndex to) const;
    std::uint32_t connected_component_count() const;

    struct Impl;

private:
    friend class GraphBuilder;
    std::unique_ptr<Impl> impl_;
};

// Accumulates document extractions; order and grouping of add() calls do not matter.
// Adding the same document (same id) twice keeps one copy, so merges are idempotent.
class GraphBuilder {
public:
    GraphBuilder();
    ~GraphBuilder();
    GraphBuilder(GraphBuilder&&) noexcept;
    GraphBuilder& operator=(GraphBuilder&&) noexcept;

    void add(const struct DocumentExtraction& extraction);
    void add(struct DocumentExtraction&& extraction);
    std::size_t document_count() const;
    KnowledgeGraph build();  // leaves the builder empty

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// "country:pakistan": type + NFKC case-folded name, whitespace collapsed, leading "the "
// dropped; or "wikidata:Q843" when a Wikidata id is known.
std::string entity_id(EntityType type, std::string_view name,
                      std::span<const std::pair<std::string, std::string>> external_ids = {});
std::string normalize_name(std::string_view name);

}  // namespace kgforge
