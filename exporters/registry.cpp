#include <array>
#include <filesystem>

#include "exporters/exporters.hpp"
#include "kgforge/error.hpp"

namespace kgforge {

void Exporter::write(const KnowledgeGraph&, const ExportOptions&, OutputStream&) const {
    throw Error(ErrorKind::InvalidArgument,
                "format '" + std::string(name()) + "' writes a folder, not a single stream");
}

void Exporter::write_files(const KnowledgeGraph& graph, const ExportOptions& options,
                           FileSet& files) const {
    write(graph, options, files.open(std::string(default_file_name())));
}

std::span<const std::unique_ptr<Exporter>> exporters() {
    // Registered here, explicitly, so the linker cannot drop a self-registering object.
    static const std::array<std::unique_ptr<Exporter>, 9> all = {
        make_graphml_exporter(),   make_gexf_exporter(),   make_cypher_exporter(),
        make_neo4j_csv_exporter(), make_jsonld_exporter(), make_turtle_exporter(),
        make_ntriples_exporter(),  make_nquads_exporter(), make_json_exporter(),
    };
    return all;
}

const Exporter& find_exporter(std::string_view name) {
    std::string valid;
    for (const auto& exporter : exporters()) {
        if (exporter->name() == name) return *exporter;
        if (!valid.empty()) valid += ", ";
        valid += exporter->name();
    }
    throw Error(ErrorKind::InvalidArgument,
                "unknown format '" + std::string(name) + "'; valid formats: " + valid + ", all");
}

void export_graph_to_stream(const KnowledgeGraph& graph, const Exporter& exporter,
                            const ExportOptions& options, OutputStream& out) {
    exporter.write(graph, options, out);
    out.flush_buffer();
}

void export_graph(const KnowledgeGraph& graph, const Exporter& exporter,
                  const ExportOptions& options, const std::filesystem::path& path) {
    if (exporter.writes_directory()) {
        FileSet files(path);
        exporter.write_files(graph, options, files);
        files.commit();
    } else {
        AtomicFileOutput out(path);
        exporter.write(graph, options, out);
        out.commit();
    }
}

}  // namespace kgforge
