// Node-link JSON: the shape networkx's node_link_data and ../shared/eval/score.py read,
// with documents and full evidence alongside. Each object is written by json_records.
#include "core/json_escape.hpp"
#include "exporters/exporters.hpp"
#include "exporters/json_records.hpp"

namespace kgforge {
namespace {

class JsonExporter final : public Exporter {
  public:
    std::string_view name() const override { return "json"; }
    std::string_view description() const override {
        return "node-link JSON (nodes, edges with evidence, documents)";
    }
    std::string_view default_file_name() const override { return "graph.json"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        auto num = [&](std::string_view key, std::uint64_t value) {
            write_json_string(out, key);
            out.put(':');
            out.write_uint(value);
        };
        // several typed relations may join two entities: node-link readers must keep them all
        out << "{\"directed\":true,\"multigraph\":true,\"graph\":{";
        write_json_string(out, "generator");
        out.put(':');
        write_json_string(out, options.generator);
        out.put(',');
        num("entity_count", entities.size());
        out.put(',');
        num("relation_count", graph.relations().size());
        out.put(',');
        num("document_count", documents.size());
        out << "},\n\"nodes\":[";
        for (std::size_t i = 0; i < entities.size(); ++i) {
            out << (i ? ",\n" : "\n");
            json_records::write_node(graph, entities[i], out);
        }
        out << "],\n\"edges\":[";
        bool first_edge = true;
        for (const auto& r : graph.relations()) {
            out << (first_edge ? "\n" : ",\n");
            first_edge = false;
            json_records::write_edge(graph, r, out);
        }
        out << "],\n\"documents\":[";
        for (std::size_t d = 0; d < documents.size(); ++d) {
            out << (d ? ",\n" : "\n");
            json_records::write_document(graph, documents[d], out);
        }
        out << "]}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() {
    return std::make_unique<JsonExporter>();
}

}  // namespace kgforge
