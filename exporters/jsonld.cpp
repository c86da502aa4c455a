// Stub: replaced by the real exporter.
#include "exporters/exporters.hpp"

namespace kgforge {
namespace {

class Stub final : public Exporter {
public:
    std::string_view name() const override { return "jsonld"; }
    std::string_view description() const override { return "JSON-LD 1.1 linked data"; }
    std::string_view default_file_name() const override { return "graph.jsonld"; }
    bool writes_directory() const override { return false; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        if (false) {
            Exporter::write(graph, options, out);
        }
    }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonld_exporter() { return std::make_unique<Stub>(); }

}  // namespace kgforge
