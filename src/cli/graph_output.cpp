// --format / -o: the exporters asked for, into a file, a folder or stdout; and, with
// --dataset-metadata, the VoID + DCAT description of the RDF files written.
#include <filesystem>

#include "cli/graph_input.hpp"
#include "kgforge/dataset_description.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/output.hpp"

namespace kgforge::cli {

namespace fs = std::filesystem;

ExportOptions export_options(const GraphOutputOptions& out) {
    ExportOptions options;
    options.base_iri = out.base_iri;
    if (!options.base_iri.empty() && options.base_iri.back() != '/' &&
        options.base_iri.back() != '#')
        options.base_iri += '/';
    options.batch_size = out.batch_size;
    options.include_documents = out.include_documents;
    options.generator = std::string("kgforge ") + KGFORGE_VERSION;
    return options;
}

namespace {

struct Written {
    std::string format;
    std::string path;
};

// The VoID + DCAT description of the RDF files just written (--dataset-metadata).
void write_description(const KnowledgeGraph& graph, const GraphOutputOptions& out,
                       const std::vector<Written>& written) {
    auto description = dataset_description(out);
    for (const auto& w : written) {
        if (is_rdf_format(w.format) && w.path != "<stdout>")
            description.distributions.push_back(
                {w.format, relative_file_iri(w.path, out.dataset_metadata)});
    }
    AtomicFileOutput file(out.dataset_metadata);
    write_dataset_description(graph, export_options(out), description, file);
    file.commit();
}

std::vector<Written> write_exports(const KnowledgeGraph& graph, const GraphOutputOptions& out) {
    const auto options = export_options(out);
    std::vector<Written> written;
    if (out.format == "all") {
        if (out.output.empty() || out.output == "-") {
            throw Error(ErrorKind::InvalidArgument,
                        "--format all writes several files: give -o FOLDER");
        }
        fs::path folder(out.output);
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec)
            throw Error(ErrorKind::Io, "cannot create output folder: " + ec.message(), out.output);
        for (const auto& exporter : exporters()) {
            auto path = folder / std::string(exporter->default_file_name());
            export_graph(graph, *exporter, options, path);
            written.push_back({std::string(exporter->name()), path.string()});
        }
        return written;
    }
    const auto& exporter = find_exporter(out.format);
    if (out.output.empty() || out.output == "-") {
        if (exporter.writes_directory()) {
            throw Error(ErrorKind::InvalidArgument,
                        "format '" + out.format + "' writes a folder: give -o FOLDER");
        }
        StdoutOutput stdout_stream;
        export_graph_to_stream(graph, exporter, options, stdout_stream);
        return {{out.format, "<stdout>"}};
    }
    fs::path path(out.output);
    std::error_code ec;
    if (!exporter.writes_directory() && fs::is_directory(path, ec)) {
        path /= std::string(exporter.default_file_name());
    }
    export_graph(graph, exporter, options, path);
    return {{out.format, path.string()}};
}

}  // namespace

DatasetDescriptionOptions dataset_description(const GraphOutputOptions& out) {
    DatasetDescriptionOptions description;
    if (!out.dataset_title.empty()) description.title = out.dataset_title;
    description.license = out.dataset_license;
    description.creator = out.dataset_creator;
    description.created = out.dataset_created;
    return description;
}

std::vector<std::string> write_outputs(const KnowledgeGraph& graph, const GraphOutputOptions& out) {
    const auto written = write_exports(graph, out);
    if (!out.dataset_metadata.empty()) write_description(graph, out, written);
    std::vector<std::string> paths;
    paths.reserve(written.size());
    for (const auto& w : written) paths.push_back(w.path);
    return paths;
}

}  // namespace kgforge::cli
