// N-Quads: the JSON-LD export's triples with what each article states (its mentions, the
// relation triples and evidence it supports) in a named graph per article, the article's
// IRI; the rest in the default graph. Provenance then survives a merge in a quad store.
#include "exporters/exporters.hpp"
#include "exporters/rdf_writers.hpp"

namespace kgforge {

namespace {

class NQuadsExporter final : public Exporter {
  public:
    std::string_view name() const override { return "nquads"; }
    std::string_view description() const override {
        return "N-Quads: the JSON-LD's triples, one named graph per source article";
    }
    std::string_view default_file_name() const override { return "graph.nq"; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        LineWriter writer(out, true);
        emit_triples(graph, options, writer);
    }
};

}  // namespace

std::unique_ptr<Exporter> make_nquads_exporter() {
    return std::make_unique<NQuadsExporter>();
}

}  // namespace kgforge
