// Running extraction over many inputs on several threads, with results delivered in
// input order so output is identical for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "kgforge/extractor.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

struct Progress {
    std::uint64_t documents = 0;
    std::uint64_t bytes = 0;
    std::uint64_t total_bytes = 0;  // of all input files (0 when unknown, e.g. stdin)
};

struct RunOptions {
    unsigned threads = 0;            // 0 = all cores
    std::size_t batch_documents = 256;
    std::function<void(const Progress&)> on_progress;  // called from the calling thread
};

// Reads every source, extracts each document, and calls on_extraction in input order.
void run_extraction(std::span<const InputSource> sources, const Extractor& extractor,
                    const RunOptions& options, Diagnostics& diagnostics,
                    const std::function<void(DocumentExtraction&&)>& on_extraction);

// Reads pre-extracted sources (no NLP) and calls on_extraction in input order.
void read_all_extractions(std::span<const InputSource> sources, const RunOptions& options,
                          Diagnostics& diagnostics,
                          const std::function<void(DocumentExtraction&&)>& on_extraction);

unsigned resolve_thread_count(unsigned requested);

}  // namespace kgforge
