#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <vector>

#include "kgforge/error.hpp"
#include "kgforge/limits.hpp"
#include "kgforge/pipeline.hpp"
#include "pipeline/document_segments.hpp"
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

std::uint32_t count_code_points(std::string_view text) {
    std::uint32_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
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
    auto read_all = [&](const std::function<void(Document &&)>& on_document) {
        for (const auto& source : sources) {
            try {
                read_documents(source, diagnostics, on_document);
            } catch (const Error& error) {
                diagnostics.error(error);
            }
        }
    };
    // Documents go to the extractor in small groups (Extractor::extract_many runs a group
    // stage by stage): big enough to keep each stage's tables in cache, small enough to keep
    // the workers evenly busy and the memory in flight low. A document longer than a segment
    // travels as several segments (document_segments.hpp), merged again on delivery.
    constexpr std::size_t kGroupDocuments = 64;
    constexpr std::size_t kGroupBytes = 256 * 1024;
    struct Part {
        std::uint32_t index = 0;  // segment index; `count` segments make the document
        std::uint32_t count = 1;
        std::uint32_t code_point_offset = 0;
        std::size_t document_bytes = 0;  // of the whole document (for progress)
    };
    struct Group {
        std::vector<Document> documents;
        std::vector<Part> parts;
    };
    struct Done {
        std::vector<DocumentExtraction> extractions;
        std::vector<Part> parts;
    };
    auto run_group = [&](Group& group) {
        Done done;
        done.extractions = extractor.extract_many(group.documents);
        done.parts = std::move(group.parts);
        return done;
    };
    SegmentMerger merger;
    auto deliver_group = [&](Done&& done) {
        for (std::size_t i = 0; i < done.extractions.size(); ++i) {
            const Part& part = done.parts[i];
            if (part.count == 1) {
                delivered(std::move(done.extractions[i]), part.document_bytes);
                continue;
            }
            merger.add(std::move(done.extractions[i]), part.code_point_offset);
            if (part.index + 1 < part.count) continue;
            const bool truncated = merger.truncated();
            auto whole = merger.take();
            if (truncated) {
                diagnostics.warn(whole.document.source + ": more than " +
                                 std::to_string(limits::kMaxMentionsPerDocument) +
                                 " entity mentions and relations (the limit per document); "
                                 "the rest of the document is left out of the graph");
            }
            delivered(std::move(whole), part.document_bytes);
        }
    };
    // Calls `on_group` with each full group and the last partial one.
    auto read_groups = [&](const std::function<void(Group &&)>& on_group) {
        Group group;
        std::size_t bytes = 0;
        auto add = [&](Document&& document, Part part) {
            bytes += document.text.size();
            group.documents.push_back(std::move(document));
            group.parts.push_back(part);
            if (group.documents.size() >= kGroupDocuments || bytes >= kGroupBytes) {
                on_group(std::move(group));
                group = Group();
                bytes = 0;
            }
        };
        read_all([&](Document&& document) {
            const auto document_bytes = document.text.size();
            if (document_bytes <= limits::kSegmentBytes) {
                add(std::move(document), Part{0, 1, 0, document_bytes});
                return;
            }
            const auto bounds = segment_bounds(document.text);
            std::uint32_t code_points = 0;
            for (std::size_t k = 0; k < bounds.size(); ++k) {
                const auto [begin, end] = bounds[k];
                Document segment;
                segment.id = document.id;
                segment.title = document.title;
                segment.date = document.date;
                segment.url = document.url;
                segment.source = document.source;
                segment.text = document.text.substr(begin, end - begin);
                const Part part{static_cast<std::uint32_t>(k),
                                static_cast<std::uint32_t>(bounds.size()), code_points,
                                document_bytes};
                code_points += count_code_points(segment.text);
                add(std::move(segment), part);
            }
        });
        if (!group.documents.empty()) on_group(std::move(group));
    };
    if (threads <= 1) {
        // One thread does everything: no worker, no hand-over.
        read_groups([&](Group&& group) { deliver_group(run_group(group)); });
    } else {
        // The calling thread reads and delivers; `threads` workers extract.
        const std::size_t window = std::max<std::size_t>(options.batch_documents / kGroupDocuments,
                                                         4 * std::size_t{threads});
        OrderedParallelMap<Group, Done> map(threads, window, run_group, deliver_group);
        read_groups([&](Group&& group) { map.submit(std::move(group)); });
        map.finish();
    }
    if (options.on_progress && progress.documents % report_every != 0)
        options.on_progress(progress);
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
                if (options.on_progress && progress.documents % 4096 == 0)
                    options.on_progress(progress);
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
