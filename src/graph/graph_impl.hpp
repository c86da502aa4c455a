// The storage behind KnowledgeGraph. Only src/graph/ includes this (and Boost).
#pragma once

// Boost 1.74 adjacency_list trips g++'s -Wmaybe-uninitialized in its own code under -O2
// (clang has no such warning and would warn about the pragma instead).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <mutex>
#include <vector>

#include "core/string_pool.hpp"
#include "kgforge/graph.hpp"

namespace kgforge {

// Vertices are entity indices, edge bundles are relation indices, so the Boost graph is a
// thin adjacency index over the canonical entity and relation tables. The graph never
// changes once built, so a compressed sparse row graph (32-bit indices) serves: about
// 20 bytes per relation where an adjacency_list takes over 70.
using BoostGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                      std::uint32_t, boost::no_property,
                                                      std::uint32_t, std::uint32_t>;

struct KnowledgeGraph::Impl {
    StringPool strings;
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    std::vector<Evidence> evidence;
    std::vector<DocumentNode> documents;
    // Built on first use (graph queries), not by GraphBuilder: merging and exporting never
    // need adjacency, and for millions of relations the index is a hundred megabytes.
    mutable std::once_flag index_once;
    mutable BoostGraph graph;

    const BoostGraph& index() const;
};

}  // namespace kgforge
