#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "input/file_reader.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/input.hpp"

namespace kgforge::cli {

int run_merge_records(const MergeRecordsOptions& options) {
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
    } else if (options.output == "-") {
        StdoutOutput out;
        merger.write_records(out);
    } else {
        AtomicFileOutput out(options.output);
        merger.write_records(out);
        out.commit();
    }
    return diagnostics.errors().empty() ? 0 : 3;
}

}  // namespace kgforge::cli
