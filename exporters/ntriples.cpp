// N-Triples: the JSON-LD export's triples (exporters/rdf_triples.cpp), one per line.
#include "exporters/exporters.hpp"
#include "exporters/rdf_writers.hpp"

namespace kgforge {

namespace {

class NTriplesExporter final : public Exporter {
  public:
    std::string_view name() const override { return "ntriples"; }
    std::string_view description() const override {
        return "N-Triples: the JSON-LD's triples, one per line";
    }
    std::string_view default_file_name() const override { return "graph.nt"; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        LineWriter writer(out, false);
        emit_triples(graph, options, writer);
    }
};

}  // namespace

std::unique_ptr<Exporter> make_ntriples_exporter() {
    return std::make_unique<NTriplesExporter>();
}

}  // namespace kgforge
