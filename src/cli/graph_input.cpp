#include "cli/graph_input.hpp"

#include <fmt/core.h>

#include "cli/progress.hpp"
#include "kgforge/error.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

void report_diagnostics(const Diagnostics& diagnostics, bool quiet) {
    if (quiet) return;
    for (const auto& warning : diagnostics.warnings())
        fmt::print(stderr, "kgforge: warning: {}\n", warning);
    for (const auto& error : diagnostics.errors())
        fmt::print(stderr, "kgforge: skipped: {}\n", error);
    if (!diagnostics.errors().empty())
        fmt::print(stderr, "kgforge: {} malformed record{} skipped (--keep-going)\n",
                   diagnostics.errors().size(), diagnostics.errors().size() == 1 ? "" : "s");
}

StdinOptions stdin_options(const StdinCliOptions& options) {
    StdinOptions result;
    if (options.format == "text") {
        result.kind = InputKind::Text;
    } else if (options.format == "jsonl") {
        result.kind = InputKind::Jsonl;
    } else if (options.format == "text-jsonl") {
        result.kind = InputKind::TextRecords;
    } else {
        throw Error(ErrorKind::InvalidArgument, "unknown --stdin-format '" + options.format +
                                                    "'; valid: text, jsonl, text-jsonl");
    }
    result.name = options.name;
    result.document_id = options.document_id;
    result.first_line = options.first_line;
    return result;
}

GraphInput read_graph(const std::vector<std::string>& inputs, bool from_extractions,
                      const std::string& models_dir, bool explain, const CommonOptions& common,
                      const StdinCliOptions& stdin_input) {
    const auto sources = discover_inputs(inputs, from_extractions, stdin_options(stdin_input));
    Diagnostics diagnostics(common.keep_going);
    ProgressBar progress(!common.quiet && stderr_is_terminal());
    RunOptions run;
    run.threads = common.threads;
    run.on_progress = [&](const Progress& p) { progress.update(p); };

    GraphBuilder builder;
    auto add = [&](DocumentExtraction&& extraction) { builder.add(std::move(extraction)); };
    if (from_extractions) {
        read_all_extractions(sources, run, diagnostics, add);
    } else {
        ExtractorOptions extractor_options;
        extractor_options.models_dir = models_dir;
        extractor_options.explain = explain;
        extractor_options.threads = common.threads;
        auto extractor = make_default_extractor(extractor_options);
        run_extraction(sources, *extractor, run, diagnostics, add);
    }
    progress.finish();
    report_diagnostics(diagnostics, common.quiet);

    GraphInput result;
    result.documents = builder.document_count();
    result.skipped_records = !diagnostics.errors().empty();
    result.graph = builder.build();
    return result;
}

}  // namespace kgforge::cli
