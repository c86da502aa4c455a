#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/progress.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

int run_extract(const ExtractOptions& options) {
    const auto sources = discover_inputs(options.inputs, false, stdin_options(options.stdin_input));
    Diagnostics diagnostics(options.common.keep_going);
    ProgressBar progress(!options.common.quiet && stderr_is_terminal());
    RunOptions run;
    run.threads = options.common.threads;
    run.on_progress = [&](const Progress& p) { progress.update(p); };

    ExtractorOptions extractor_options;
    extractor_options.models_dir = options.models_dir;
    extractor_options.explain = options.explain;
    extractor_options.threads = options.common.threads;
    auto extractor = make_default_extractor(extractor_options);

    std::unique_ptr<OutputStream> out;
    AtomicFileOutput* file = nullptr;
    if (options.output == "-") {
        out = std::make_unique<StdoutOutput>();
    } else {
        auto atomic = std::make_unique<AtomicFileOutput>(options.output);
        file = atomic.get();
        out = std::move(atomic);
    }
    std::uint64_t documents = 0;
    run_extraction(sources, *extractor, run, diagnostics, [&](DocumentExtraction&& extraction) {
        if (options.by_key) {
            write_keyed_fragments(extraction, *out);
        } else {
            write_extraction_json(extraction, *out);
            out->put('\n');
        }
        ++documents;
    });
    progress.finish();
    if (file)
        file->commit();
    else
        out->flush_buffer();
    report_diagnostics(diagnostics, options.common.quiet);
    if (!options.common.quiet) {
        fmt::print(stderr, "kgforge: {} documents extracted -> {}\n", documents, options.output);
    }
    return diagnostics.errors().empty() ? 0 : 3;
}

}  // namespace kgforge::cli
