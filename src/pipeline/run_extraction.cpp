#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <vector>

#include "kgforge/error.hpp"
#include "kgforge/pipeline.hpp"
#include "pipeline/ordered_parallel_map.hpp"

namespace kgforge {

unsigned resolve_thread_count(unsigned requested) {
    if (requested > 0) return requested;
    auto cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

namespace {

std::uint64_t total_size(std::span<const InputSource> sources) {
    std::uint64_t total = 0;
    for (const auto& source : sources) {
        std::error_code ec;
        if (source.path == "-") return 0;
        auto size = std::filesystem::file_size(source.path, ec);
        if (!ec) total += size;
    }
    return total;
}

}  // namespace

void run_extraction(std::span<const InputSource> sources, const Extractor& extractor,
                    const RunOptions& options, Diagnostics& diagnostics,
                    const std::function<void(DocumentExtraction&&)>& on_extraction) {
    const auto threads = resolve_thread_count(options.threads);
    Progress progress;
    progress.total_bytes = total_size(sources);
    const std::size_t report_every = std::max<std::size_t>(options.batch_documents, 1);
    auto delivered = [&](DocumentExtraction&& extraction, std::size_t text_bytes) {
        progress.documents += 1;
        progress.bytes += text_bytes;
        on_extraction(std::move(extraction));
        if (options.on_progress && progress.documents % report_every == 0)
            options.on_progress(progress);
    };
    auto read_all = [&](const std::function<void(Document&&)>& on_document) {
        for (const auto& source : sources) {
            try {
                read_documents(source, diagnostics, on_document);
            } catch (const Error& error) {
                diagnostics.error(error);
            }
        }
    };
    if (threads <= 1) {
        // One thread does everything: no worker, no hand-over.
        read_all([&](Document&& document) {
            delivered(extractor.extract(document), document.text.size());
        });
    } else {
        // The calling thread reads and delivers; `threads` workers extract.
        struct Done {
            DocumentExtraction extraction;
            std::size_t text_bytes = 0;
        };
        OrderedParallelMap<Document, Done> map(
            threads, std::max<std::size_t>(options.batch_documents, 4 * std::size_t{threads}),
            [&](Document& document) {
                return Done{extractor.extract(document), document.text.size()};
            },
            [&](Done&& done) { delivered(std::move(done.extraction), done.text_bytes); });
        read_all([&](Document&& document) { map.submit(std::move(document)); });
        map.finish();
    }
    if (options.on_progress && progress.documents % report_every != 0) options.on_progress(progress);
}

void read_all_extractions(std::span<const InputSource> sources, const RunOptions& options,
                          Diagnostics& diagnostics,
                          const std::function<void(DocumentExtraction&&)>& on_extraction) {
    Progress progress;
    progress.total_bytes = total_size(sources);
    for (const auto& source : sources) {
        try {
            read_extractions(source, diagnostics, [&](DocumentExtraction&& extraction) {
                progress.documents += 1;
                on_extraction(std::move(extraction));
                if (options.on_progress && progress.documents % 4096 == 0) options.on_progress(progress);
            });
        } catch (const Error& error) {
            diagnostics.error(error);
        }
        if (source.path != "-") {
            std::error_code ec;
            auto size = std::filesystem::file_size(source.path, ec);
            if (!ec) progress.bytes += size;
        }
        if (options.on_progress) options.on_progress(progress);
    }
}

}  // namespace kgforge
