// --format / -o: the exporters asked for, into a file, a folder or stdout.
#include <filesystem>

#include "cli/graph_input.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"

namespace kgforge::cli {

namespace fs = std::filesystem;

namespace {

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

}  // namespace

std::vector<std::string> write_outputs(const KnowledgeGraph& graph, const GraphOutputOptions& out) {
    const auto options = export_options(out);
    std::vector<std::string> written;
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
            written.push_back(path.string());
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
        return {"<stdout>"};
    }
    fs::path path(out.output);
    std::error_code ec;
    if (!exporter.writes_directory() && fs::is_directory(path, ec)) {
        path /= std::string(exporter.default_file_name());
    }
    export_graph(graph, exporter, options, path);
    return {path.string()};
}

}  // namespace kgforge::cli
