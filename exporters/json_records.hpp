// The objects of the node-link JSON export, one at a time: the JSON exporter writes them
// into one document, a distributed merge (src/distributed/) writes them as JSON Lines
// parts. One writer, so both are the same bytes.
#pragma once

#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge::json_records {

void write_node(const KnowledgeGraph& graph, const Entity& entity, OutputStream& out);
void write_edge(const KnowledgeGraph& graph, const Relation& relation, OutputStream& out);
void write_document(const KnowledgeGraph& graph, const DocumentNode& document, OutputStream& out);

}  // namespace kgforge::json_records
