#include <atomic>
#include <exception>
#include <filesystem>
#include <thread>
#include <vector>

#include "kgforge/error.hpp"
#include "kgforge/pipeline.hpp"

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

// Extracts a batch on `threads` workers; results land in their input slots.
void extract_batch(const Extractor& extractor, std::vector<Document>& batch, unsigned threads,
                   std::vector<DocumentExtraction>& results) {
    results.assign(batch.size(), {});
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (;;) {
            auto i = next.fetch_add(1);
            if (i >= batch.size() || failed.load()) return;
            try {
                results[i] = extractor.extract(batch[i]);
            } catch (...) {
                if (!failed.exchange(true)) failure = std::current_exception();
                return;
            }
        }
    };
    const unsigned workers = std::min<unsigned>(threads, static_cast<unsigned>(batch.size()));
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
        for (auto& thread : pool) thread.join();
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

void run_extraction(std::span<const InputSource> sources, const Extractor& extractor,
                    const RunOptions& options, Diagnostics& diagnostics,
                    const std::function<void(DocumentExtraction&&)>& on_extraction) {
    const auto threads = resolve_thread_count(options.threads);
    Progress progress;
    progress.total_bytes = total_size(sources);
    std::vector<Document> batch;
    std::vector<DocumentExtraction> results;
    auto flush = [&] {
        if (batch.empty()) return;
        extract_batch(extractor, batch, threads, results);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            progress.documents += 1;
            progress.bytes += batch[i].text.size();
            on_extraction(std::move(results[i]));
        }
        batch.clear();
        if (options.on_progress) options.on_progress(progress);
    };
    for (const auto& source : sources) {
        try {
            read_documents(source, diagnostics, [&](Document&& document) {
                batch.push_back(std::move(document));
                if (batch.size() >= options.batch_documents) flush();
            });
        } catch (const Error& error) {
            diagnostics.error(error);
        }
    }
    flush();
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
