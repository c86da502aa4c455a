// Sending a graph straight into a running Neo4j 5 over its HTTP API (transactional
// endpoint), in parameterized UNWIND batches that MERGE on stable ids, so pushing the
// same articles again leaves the graph unchanged.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kgforge/graph.hpp"

namespace kgforge {

struct Neo4jConnection {
    std::string url = "http://127.0.0.1:7474";  // http://host:port of the HTTP connector
    std::string database = "neo4j";
    std::string user = "neo4j";
    std::string password;
    double timeout_seconds = 60;
};

struct PushOptions {
    std::size_t batch_size = 1000;  // rows per UNWIND statement
    int max_attempts = 5;           // per batch, for transient errors
    int initial_backoff_ms = 200;   // doubled after each failed attempt
    std::function<void(std::size_t done, std::size_t total)> on_progress;
};

struct PushReport {
    std::size_t batches = 0;
    std::size_t entities = 0;
    std::size_t documents = 0;
    std::size_t relationships = 0;
    std::size_t retries = 0;
};

// Throws Error(Remote) naming the batch that failed; earlier batches stay committed
// (each batch is its own transaction, and every batch is idempotent).
PushReport push_graph(const KnowledgeGraph& graph, const Neo4jConnection& connection,
                      const PushOptions& options);

// One statement with JSON-encoded parameters, in its own transaction; returns the raw
// JSON response body of the transactional endpoint. For tools and tests.
std::string run_cypher(const Neo4jConnection& connection, const std::string& statement,
                       const std::string& parameters_json = "{}");

}  // namespace kgforge
