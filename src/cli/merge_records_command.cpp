#include <fmt/core.h>

#include <charconv>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "input/file_reader.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/input.hpp"

namespace kgforge::cli {

namespace {

// Records to stdout ("-") or atomically to a file.
template <class Write>
void write_to(const std::string& output, Write&& write) {
    if (output == "-") {
        StdoutOutput out;
        write(out);
        out.flush_buffer();
    } else {
        AtomicFileOutput out(output);
        write(out);
        out.commit();
    }
}

std::uint64_t count_field(std::string_view text, std::string_view what) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw Error(ErrorKind::InvalidArgument,
                    fmt::format("--ntriples-dataset: '{}' is not a count of {}", text, what));
    return value;
}

int write_dataset_triples(const MergeRecordsOptions& options) {
    const std::string_view spec = options.ntriples_dataset;
    const auto first = spec.find(',');
    const auto second = first == std::string_view::npos ? first : spec.find(',', first + 1);
    if (second == std::string_view::npos || spec.find(',', second + 1) != std::string_view::npos)
        throw Error(ErrorKind::InvalidArgument,
                    "--ntriples-dataset wants ENTITIES,RELATIONS,DOCUMENTS, e.g. 120,45,10");
    const auto entities = count_field(spec.substr(0, first), "entities");
    const auto relations = count_field(spec.substr(first + 1, second - first - 1), "relations");
    const auto documents = count_field(spec.substr(second + 1), "documents");
    const auto rdf = export_options(options.graph);
    write_to(options.output, [&](OutputStream& out) {
        write_dataset_ntriples(rdf, entities, relations, documents, out);
    });
    return 0;
}

}  // namespace

int run_merge_records(const MergeRecordsOptions& options) {
    if (!options.ntriples_dataset.empty()) return write_dataset_triples(options);
    const bool graph_out = !options.graph.format.empty();
    if (graph_out && options.graph.format != "all") find_exporter(options.graph.format);
    Diagnostics diagnostics(options.common.keep_going);
    KeyRangeMerger merger;
    for (const auto& input : options.inputs) {
        const std::string display = input == "-" ? "<stdin>" : input;
        try {
            for_each_line(
                input, display,
                [&](std::string_view line, std::uint64_t number) {
                    if (line.empty()) return;
                    try {
                        merger.add(line, display, number);
                    } catch (const Error& error) {
                        diagnostics.error(error);
                    }
                },
                [&](const Error& error) { diagnostics.error(error); });
        } catch (const Error& error) {
            diagnostics.error(error);
        }
    }
    report_diagnostics(diagnostics, options.common.quiet);
    if (graph_out) {
        auto graph = merger.build();
        GraphOutputOptions out = options.graph;
        out.output = options.output;
        auto written = write_outputs(graph, out);
        if (!options.common.quiet)
            fmt::print(stderr, "kgforge: {} entities, {} relations, {} documents -> {}\n",
                       graph.entities().size(), graph.relations().size(), graph.documents().size(),
                       written.size() == 1 ? written.front() : options.output);
    } else {
        RecordOptions records;
        records.ntriples = options.ntriples;
        records.rdf = export_options(options.graph);
        write_to(options.output, [&](OutputStream& out) { merger.write_records(out, records); });
    }
    return diagnostics.errors().empty() ? 0 : 3;
}

}  // namespace kgforge::cli
