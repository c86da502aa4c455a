// The "inputs to graph" step shared by `build`, `merge` and `push`: find the inputs, extract
// (or read extractions) with a progress bar, report warnings and skipped records, build.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "kgforge/dataset_description.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/input.hpp"

namespace kgforge::cli {

struct GraphInput {
    KnowledgeGraph graph;
    std::size_t documents = 0;
    bool skipped_records = false;  // --keep-going skipped something: exit code 3
};

GraphInput read_graph(const std::vector<std::string>& inputs, bool from_extractions,
                      const std::string& models_dir, bool explain, const CommonOptions& common,
                      const StdinCliOptions& stdin_input = {});

// --stdin-format and companions as the library's StdinOptions; throws on an unknown format.
StdinOptions stdin_options(const StdinCliOptions& options);

// The --dataset-* options as the library's dataset description (VoID + DCAT).
DatasetDescriptionOptions dataset_description(const GraphOutputOptions& out);

// Writes the graph as --format/-o ask (and the dataset description of the RDF files with
// --dataset-metadata); returns the paths written (for the summary line).
std::vector<std::string> write_outputs(const KnowledgeGraph& graph, const GraphOutputOptions& out);
// The exporters' options of these output options (base IRI, batch size, generator).
ExportOptions export_options(const GraphOutputOptions& out);

// Warnings and skipped records on stderr, unless --quiet.
void report_diagnostics(const Diagnostics& diagnostics, bool quiet);

}  // namespace kgforge::cli
