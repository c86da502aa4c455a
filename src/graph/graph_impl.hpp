// The storage behind KnowledgeGraph. Only src/graph/ includes this (and Boost).
#pragma once

// Boost 1.74 adjacency_list trips -Wmaybe-uninitialized in its own code under -O2.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <vector>

#include "core/string_pool.hpp"
#include "kgforge/graph.hpp"

namespace kgforge {

// Vertices are entity indices (vecS), edge bundles are relation indices, so the Boost
// graph is a thin adjacency index over the canonical entity and relation tables.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, std::uint32_t>;

struct KnowledgeGraph::Impl {
    StringPool strings;
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    std::vector<Evidence> evidence;
    std::vector<DocumentNode> documents;
    BoostGraph graph;

    void build_index();
};

}  // namespace kgforge
