// The rows of the neo4j-admin import CSV, one at a time, and the headers and file names
// they go under: the neo4j-csv exporter writes whole files with them, a distributed merge
// (src/distributed/) writes part files. One writer, so both hold the same bytes.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge::neo4j_csv {

// neo4j-admin's --array-delimiter for the files (U+001F).
inline constexpr std::string_view kArrayDelimiterOption = "U+001F";

std::string entity_file_stem(EntityType type);          // "entities_country"
std::string relation_file_stem(std::string_view type);  // "rel_ASSURED"

// The node property names of the external-id schemes ("wikidata"), sorted: one column each.
std::vector<std::string> xref_columns(const std::set<std::string>& schemes);

// Header lines, without the newline.
std::string entity_header(const std::vector<std::string>& xref_columns);
std::string_view relation_header();
std::string_view document_header();
std::string_view mention_header();

// Rows, without the newline (a row may still span lines: text fields are quoted).
void write_entity_row(OutputStream& out, const Entity& entity,
                      const std::vector<std::string>& xref_columns);
void write_document_row(OutputStream& out, const DocumentNode& document);
void write_mention_row(OutputStream& out, const KnowledgeGraph& graph, const DocumentNode& document,
                       const DocumentMention& mention);
void write_relation_row(OutputStream& out, const KnowledgeGraph& graph, const Relation& relation);

}  // namespace kgforge::neo4j_csv
