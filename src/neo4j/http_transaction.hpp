// The Neo4j HTTP transactional endpoint (POST /db/<database>/tx/commit) with retries.
#pragma once

#include <string>

#include "kgforge/neo4j.hpp"

namespace kgforge::neo4j {

struct StatementResult {
    std::string body;  // the JSON response
    int attempts = 1;
};

// Runs one statement with its parameters (a JSON object text) in one transaction.
// Transient failures (connection errors, HTTP 5xx, Neo.TransientError.*) are retried with
// exponential backoff; anything else throws Error(Remote) with Neo4j's code and message.
StatementResult commit_statement(const Neo4jConnection& connection, const std::string& statement,
                                 const std::string& parameters_json, int max_attempts,
                                 int initial_backoff_ms);

}  // namespace kgforge::neo4j
