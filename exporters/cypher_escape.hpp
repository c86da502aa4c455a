// Helpers shared by the Neo4j exporters (Cypher script, neo4j-admin CSV + load.cypher) and
// JSON-LD: Cypher literal escaping, stable evidence keys, and the Cypher fragments that
// merge evidence into a relationship so that re-running a load is idempotent and loads of
// two batches of articles add up (docs/FORMATS-neo4j-jsonld.md describes the design).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge::neo4j {

// A Cypher string literal with the double quotes: backslash and '"' are escaped,
// newline, carriage return and tab become \n \r \t, other control characters
// (U+0000..U+001F, U+007F) \uXXXX; other UTF-8 (emoji, RTL, U+2028) passes through.
// No literal contains a raw line break, so every statement ends a line with ';'.
void write_cypher_string(OutputStream& out, std::string_view text);
std::string cypher_quote(std::string_view text);

// A Cypher identifier in backticks, backticks inside doubled: `a``b`.
void write_cypher_identifier(OutputStream& out, std::string_view name);
std::string cypher_identifier(std::string_view name);

// A float in its shortest round-trip decimal form (0.9, not 0.8999999761581421),
// always with a '.' or exponent so typed readers see a float.
void write_float(OutputStream& out, float value);
std::string float_text(float value);

// Stable keys of a relation's evidence, in the graph's evidence order:
// "<document id>#<start>-<end>", with "#2", "#3", ... appended to the second, third, ...
// piece of evidence at the same place (same document and offsets). The key does not
// depend on other documents, so the same evidence has the same key in every batch.
std::vector<std::string> evidence_keys(const KnowledgeGraph& graph, const Relation& relation);

// Neo4j cannot index a property value longer than about 8 kB ("Property value is too large
// to index"), so the `id` of Entity and Document nodes, which the uniqueness constraints
// index, is the node's id when it has at most kMaxNodeKeyBytes bytes of UTF-8, and otherwise
// its first ~4000 bytes (cut at a code point boundary) + "~" + 16 hex digits of the FNV-1a
// 64-bit hash of the whole id. Everything that refers to a node by id (MENTIONS, relationship
// ends, evidence_documents) uses the same key; names and other text are never shortened.
inline constexpr std::size_t kMaxNodeKeyBytes = 4096;
std::string node_key(std::string_view id);

// The Neo4j property name of an external id: "xref_<scheme>" (e.g. xref_wikidata).
std::string xref_property(std::string_view scheme);

// Cypher continuing a statement in which `r` is the merged relationship and `row.ev` a
// list of evidence maps {key, document, date, sentence, start, end, label, confidence,
// negated, hypothetical, amount, role, rule}: appends the evidence whose key is new to
// the parallel evidence_* list properties and recomputes the summaries (weight,
// confidence, negated, hypothetical, label, amount, role) from the lists.
std::string_view relationship_evidence_merge();

// Cypher continuing a statement in which `e` is the merged entity and `row` has
// name and aliases: the newest load's name wins, every name seen stays in aliases.
std::string_view entity_name_merge();

// Cypher recomputing mention_count, document_count, first_date and last_date of the
// entity `e` from its incoming MENTIONS relationships.
std::string_view entity_aggregate_refresh();

// The constraints, each a statement ending with ";\n".
std::string_view constraint_statements();

// The bodies of the load statements: what follows `UNWIND <rows> AS row\n` (for
// entity_refresh_statement: `UNWIND <ids> AS id\n`), without a terminating ';'. The
// Cypher exporter renders the rows as literals (`UNWIND [...] AS row`), `kgforge push` as
// a JSON parameter (`UNWIND $rows AS row`); both use exactly these bodies. Row shapes:
//   entity:       {id, name, subtype, aliases: [string], xref: {xref_<scheme>: string}}
//   document:     {id, title, date, url, source, mentions: [{id, count}]}
//   relationship: {s, o, key, ev: [evidence maps, see relationship_evidence_merge()]}
//   refresh:      an entity id (string)
std::string entity_statement(EntityType type);
std::string document_statement();
std::string relationship_statement(const RelationTypeInfo& info);
std::string entity_refresh_statement();

}  // namespace kgforge::neo4j
