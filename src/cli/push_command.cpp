// kgforge push: extract (or read extractions), build the graph, and send it to a running
// Neo4j 5 over HTTP in idempotent UNWIND batches (src/neo4j/push.cpp). Success is reported
// only when every batch has committed; any remote failure is an error (exit 2) that names
// the batch.
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/progress.hpp"
#include "kgforge/error.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/neo4j.hpp"
#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

namespace {

// "[#####     ]  50% batch 12/24" on one line of stderr, redrawn at most every 100 ms.
class BatchBar {
  public:
    explicit BatchBar(bool enabled) : enabled_(enabled) {}
    ~BatchBar() { clear(); }
    void update(std::size_t done, std::size_t total) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        const double fraction =
            total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        const int width = 30;
        const auto filled = static_cast<std::size_t>(fraction * width);
        fmt::print(stderr, "\rpushing [{}{}] {:3.0f}% batch {}/{}   ", std::string(filled, '#'),
                   std::string(static_cast<std::size_t>(width) - filled, ' '), fraction * 100, done,
                   total);
        std::fflush(stderr);
    }
    // Erases the bar, so what follows (the summary or an error) starts on a clean line.
    void clear() {
        if (enabled_ && drawn_) {
            fmt::print(stderr, "\r{:78}\r", "");
            std::fflush(stderr);
            drawn_ = false;
        }
    }

  private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int run_push(const PushCommandOptions& options) {
    Neo4jConnection connection;
    connection.url = options.url;
    connection.database = options.database;
    connection.user = options.user;
    connection.timeout_seconds = options.timeout_seconds;
    // Check what can be checked before the (possibly long) extraction.
    if (options.url.rfind("http://", 0) != 0) {
        throw Error(ErrorKind::InvalidArgument,
                    "--neo4j must be the HTTP connector, like http://127.0.0.1:7474, got '" +
                        options.url + "'");
    }
    if (options.database.empty()) throw Error(ErrorKind::InvalidArgument, "--database is empty");
    if (!options.password_env.empty()) {
        const char* password = std::getenv(options.password_env.c_str());
        if (!password) {
            throw Error(ErrorKind::InvalidArgument, "environment variable " + options.password_env +
                                                        " (--password-env) is not set");
        }
        connection.password = password;
    }

    const auto input = read_graph(options.inputs, options.from_extractions, options.models_dir,
                                  false, options.common);
    const auto& graph = input.graph;
    const bool show = !options.common.quiet && stderr_is_terminal();

    PushOptions push;
    push.batch_size = options.batch_size;
    BatchBar bar(show);
    push.on_progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
    const auto started = std::chrono::steady_clock::now();
    PushReport report;
    try {
        report = push_graph(graph, connection, push);
    } catch (...) {
        bar.clear();  // the error message (printed by main) gets its own line
        throw;
    }
    bar.clear();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.common.quiet) {
        fmt::print(stderr,
                   "kgforge: pushed {} entities, {} documents, {} relationships to {} (database "
                   "{}) in {} batches, {:.2f} s{}\n",
                   report.entities, report.documents, report.relationships, connection.url,
                   connection.database, report.batches, seconds,
                   report.retries ? fmt::format(", {} retries", report.retries) : std::string());
    }
    return input.skipped_records ? 3 : 0;
}

}  // namespace kgforge::cli
