#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/undirected_graph.hpp>

#include <algorithm>
#include <limits>

#include "graph/graph_impl.hpp"

namespace kgforge {

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

std::span<const Entity> KnowledgeGraph::entities() const {
    return impl_->entities;
}
std::span<const Relation> KnowledgeGraph::relations() const {
    return impl_->relations;
}
std::span<const DocumentNode> KnowledgeGraph::documents() const {
    return impl_->documents;
}

std::span<const Evidence> KnowledgeGraph::evidence(const Relation& relation) const {
    return std::span<const Evidence>(impl_->evidence)
        .subspan(relation.evidence_begin, relation.evidence_count);
}

std::string_view KnowledgeGraph::text(TextId id) const {
    return impl_->strings.view(id);
}

std::string KnowledgeGraph::relation_id(const Relation& relation) const {
    std::string id(impl_->entities[relation.subject].id);
    id += '|';
    id += relation_type_name(relation.type);
    id += '|';
    id += impl_->entities[relation.object].id;
    return id;
}

std::optional<EntityIndex> KnowledgeGraph::find_entity(std::string_view id) const {
    auto found = std::lower_bound(impl_->entities.begin(), impl_->entities.end(), id,
                                  [](const Entity& e, std::string_view key) { return e.id < key; });
    if (found == impl_->entities.end() || found->id != id) return std::nullopt;
    return static_cast<EntityIndex>(found - impl_->entities.begin());
}

const BoostGraph& KnowledgeGraph::Impl::index() const {
    std::call_once(index_once, [this] {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> endpoints;
        std::vector<std::uint32_t> relation_index;
        endpoints.reserve(relations.size());
        relation_index.reserve(relations.size());
        for (std::uint32_t i = 0; i < relations.size(); ++i) {
            endpoints.emplace_back(relations[i].subject, relations[i].object);
            relation_index.push_back(i);
        }
        graph = BoostGraph(boost::edges_are_unsorted_multi_pass, endpoints.begin(), endpoints.end(),
                           relation_index.begin(), static_cast<std::uint32_t>(entities.size()));
    });
    return graph;
}

std::vector<std::uint32_t> KnowledgeGraph::incident_relations(EntityIndex entity) const {
    std::vector<std::uint32_t> result;
    const auto& g = impl_->index();
    for (auto [it, end] = boost::out_edges(entity, g); it != end; ++it) result.push_back(g[*it]);
    for (auto [it, end] = boost::in_edges(entity, g); it != end; ++it) {
        if (boost::source(*it, g) != entity) result.push_back(g[*it]);  // self-loops once
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::uint32_t KnowledgeGraph::degree(EntityIndex entity) const {
    return static_cast<std::uint32_t>(incident_relations(entity).size());
}

std::vector<EntityIndex> KnowledgeGraph::shortest_path(EntityIndex from, EntityIndex to) const {
    const auto& g = impl_->index();
    const auto n = boost::num_vertices(g);
    if (from >= n || to >= n) return {};
    // Breadth-first over both edge directions; neighbours in index order keep it deterministic.
    constexpr auto kUnseen = std::numeric_limits<EntityIndex>::max();
    std::vector<EntityIndex> parent(n, kUnseen);
    std::vector<EntityIndex> queue{from};
    parent[from] = from;
    for (std::size_t head = 0; head < queue.size() && parent[to] == kUnseen; ++head) {
        auto v = queue[head];
        std::vector<EntityIndex> neighbours;
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
            neighbours.push_back(static_cast<EntityIndex>(boost::target(*it, g)));
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
            neighbours.push_back(static_cast<EntityIndex>(boost::source(*it, g)));
        std::sort(neighbours.begin(), neighbours.end());
        for (auto w : neighbours) {
            if (parent[w] == kUnseen) {
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    if (parent[to] == kUnseen) return {};
    std::vector<EntityIndex> path{to};
    while (path.back() != from) path.push_back(parent[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
}

std::uint32_t KnowledgeGraph::connected_component_count() const {
    const auto& g = impl_->index();
    // connected_components needs an undirected view: the edges in both directions.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> both;
    both.reserve(2 * boost::num_edges(g));
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        auto s = static_cast<std::uint32_t>(boost::source(*it, g));
        auto t = static_cast<std::uint32_t>(boost::target(*it, g));
        both.emplace_back(s, t);
        both.emplace_back(t, s);
    }
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>
        undirected(boost::edges_are_unsorted_multi_pass, both.begin(), both.end(),
                   static_cast<std::uint32_t>(boost::num_vertices(g)));
    std::vector<int> component(boost::num_vertices(undirected));
    if (component.empty()) return 0;
    return static_cast<std::uint32_t>(boost::connected_components(undirected, component.data()));
}

}  // namespace kgforge
