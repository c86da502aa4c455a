// Exporters: one per format, each streaming the canonical graph in a deterministic order.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge {

struct ExportOptions {
    std::string base_iri = "https://kgforge.org/id/";  // JSON-LD: entities are <base>entity/<id>
    std::size_t batch_size = 1000;                      // Cypher UNWIND batch size
    bool include_documents = false;  // GraphML/GEXF: add document nodes and MENTIONS edges
    std::string generator = "kgforge";
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string_view name() const = 0;        // "graphml"
    virtual std::string_view description() const = 0;
    // File name (or folder name, for multi-file formats) used by --format all.
    virtual std::string_view default_file_name() const = 0;
    virtual bool writes_directory() const { return false; }
    // Single-file formats write to `out`. Multi-file formats ignore `out` and use `files`.
    virtual void write(const KnowledgeGraph& graph, const ExportOptions& options,
                       OutputStream& out) const;
    virtual void write_files(const KnowledgeGraph& graph, const ExportOptions& options,
                             FileSet& files) const;
};

// All exporters, in a fixed order; registered in one place (exporters/registry.cpp).
std::span<const std::unique_ptr<Exporter>> exporters();
// Throws Error(InvalidArgument) listing the valid names when `name` is unknown.
const Exporter& find_exporter(std::string_view name);

// Writes the graph in `format` to `path` atomically (temp file + rename); for
// multi-file formats `path` is a folder, replaced as a whole.
void export_graph(const KnowledgeGraph& graph, const Exporter& exporter,
                  const ExportOptions& options, const std::filesystem::path& path);
void export_graph_to_stream(const KnowledgeGraph& graph, const Exporter& exporter,
                            const ExportOptions& options, OutputStream& out);

}  // namespace kgforge
