// What the exporter fuzz targets share: rendering a fuzzed graph in one format, and
// failing loudly (abort, which libFuzzer reports with the input) when it does not read back.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kgforge/export.hpp"
#include "kgforge/graph.hpp"

namespace kgforge::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view output) {
    std::fprintf(stderr, "export check failed: %.*s\n--- output ---\n%.*s\n",
                 static_cast<int>(what.size()), what.data(),
                 static_cast<int>(std::min<std::size_t>(output.size(), 4000)), output.data());
    std::abort();
}

inline std::string render(const KnowledgeGraph& graph, std::string_view format,
                          const ExportOptions& options = {}) {
    StringOutput out;
    export_graph_to_stream(graph, find_exporter(format), options, out);
    return out.str();
}

}  // namespace kgforge::fuzz
