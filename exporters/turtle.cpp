// Turtle 1.1: the JSON-LD export's triples (exporters/rdf_triples.cpp), vocabulary terms
// prefixed, resources as full IRIs (no @base: a relative "entity/.." would be resolved away).
#include "exporters/exporters.hpp"
#include "exporters/rdf_writers.hpp"

namespace kgforge {

namespace {

class TurtleExporter final : public Exporter {
  public:
    std::string_view name() const override { return "turtle"; }
    std::string_view description() const override {
        return "Turtle: the JSON-LD's triples, one block per resource";
    }
    std::string_view default_file_name() const override { return "graph.ttl"; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        TurtleWriter writer(out);
        emit_triples(graph, options, writer);
        writer.finish();
    }
};

}  // namespace

std::unique_ptr<Exporter> make_turtle_exporter() {
    return std::make_unique<TurtleExporter>();
}

}  // namespace kgforge
