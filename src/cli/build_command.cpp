#include <fmt/core.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

namespace fs = std::filesystem;

namespace {

void report(const Diagnostics& diagnostics, bool quiet) {
    if (quiet) return;
    for (const auto& warning : diagnostics.warnings()) fmt::print(stderr, "kgforge: warning: {}\n", warning);
    for (const auto& error : diagnostics.errors()) fmt::print(stderr, "kgforge: skipped: {}\n", error);
}

ExportOptions export_options(const GraphOutputOptions& out) {
    ExportOptions options;
    options.base_iri = out.base_iri;
    if (!options.base_iri.empty() && options.base_iri.back() != '/' && options.base_iri.back() != '#')
        options.base_iri += '/';
    options.batch_size = out.batch_size;
    options.include_documents = out.include_documents;
    options.generator = std::string("kgforge ") + KGFORGE_VERSION;
    return options;
}

// Writes the graph; returns the paths written (for the summary line).
std::vector<std::string> write_outputs(const KnowledgeGraph& graph, const GraphOutputOptions& out) {
    const auto options = export_options(out);
    std::vector<std::string> written;
    if (out.format == "all") {
        if (out.output.empty() || out.output == "-") {
            throw Error(ErrorKind::InvalidArgument, "--format all writes several files: give -o FOLDER");
        }
        fs::path folder(out.output);
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) throw Error(ErrorKind::Io, "cannot create output folder: " + ec.message(), out.output);
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

}  // namespace

int run_build(const BuildOptions& options) {
    // Reject a bad format before doing any work.
    if (options.out.format != "all") find_exporter(options.out.format);

    const auto sources = discover_inputs(options.inputs, options.from_extractions);
    Diagnostics diagnostics(options.common.keep_going);
    ProgressBar progress(!options.common.quiet && stderr_is_terminal());
    RunOptions run;
    run.threads = options.common.threads;
    run.on_progress = [&](const Progress& p) { progress.update(p); };

    GraphBuilder builder;
    auto add = [&](DocumentExtraction&& extraction) { builder.add(std::move(extraction)); };
    if (options.from_extractions) {
        read_all_extractions(sources, run, diagnostics, add);
    } else {
        ExtractorOptions extractor_options;
        extractor_options.models_dir = options.models_dir;
        extractor_options.explain = options.explain;
        auto extractor = make_default_extractor(extractor_options);
        run_extraction(sources, *extractor, run, diagnostics, add);
    }
    progress.finish();
    report(diagnostics, options.common.quiet);

    const auto documents = builder.document_count();
    auto graph = builder.build();
    auto written = write_outputs(graph, options.out);
    if (!options.common.quiet) {
        fmt::print(stderr, "kgforge: {} documents, {} entities, {} relations -> {}\n", documents,
                   graph.entities().size(), graph.relations().size(),
                   written.size() == 1 ? written.front() : options.out.output);
    }
    return diagnostics.errors().empty() ? 0 : 3;
}

}  // namespace kgforge::cli
