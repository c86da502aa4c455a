#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/progress.hpp"
#include "kgforge/dataset_description.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

int run_build(const BuildOptions& options) {
    // Reject a bad format or dataset description before doing any work.
    if (options.out.format != "all") find_exporter(options.out.format);
    if (!options.out.dataset_metadata.empty()) {
        if (options.out.format != "all" && !is_rdf_format(options.out.format)) {
            throw Error(ErrorKind::InvalidArgument,
                        "--dataset-metadata describes an RDF export: use --format turtle, "
                        "ntriples, nquads, jsonld or all");
        }
        check_dataset_description(dataset_description(options.out));
    }

    auto input = read_graph(options.inputs, options.from_extractions, options.models_dir,
                            options.explain, options.common, options.stdin_input);
    const auto& graph = input.graph;
    auto written = write_outputs(graph, options.out);
    if (!options.common.quiet) {
        fmt::print(stderr, "kgforge: {} documents, {} entities, {} relations -> {}\n",
                   input.documents, graph.entities().size(), graph.relations().size(),
                   written.size() == 1 ? written.front() : options.out.output);
    }
    return input.skipped_records ? 3 : 0;
}

}  // namespace kgforge::cli
