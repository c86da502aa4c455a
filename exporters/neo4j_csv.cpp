// Stub: replaced by the real exporter.
#include "exporters/exporters.hpp"

namespace kgforge {
namespace {

class Stub final : public Exporter {
public:
    std::string_view name() const override { return "neo4j-csv"; }
    std::string_view description() const override { return "neo4j-admin import CSV files"; }
    std::string_view default_file_name() const override { return "neo4j-csv"; }
    bool writes_directory() const override { return true; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        if (true) {
            Exporter::write(graph, options, out);
        }
    }
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_csv_exporter() { return std::make_unique<Stub>(); }

}  // namespace kgforge
