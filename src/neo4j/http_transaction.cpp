#include "neo4j/http_transaction.hpp"

#include <httplib.h>
#include <rapidjson/document.h>

#include <chrono>
#include <thread>

#include "core/json_escape.hpp"
#include "kgforge/error.hpp"

namespace kgforge::neo4j {

namespace {

struct Endpoint {
    std::string scheme_host_port;
    std::string path_prefix;
};

Endpoint parse_url(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos || url.compare(0, scheme_end, "http") != 0) {
        throw Error(
            ErrorKind::InvalidArgument,
            "Neo4j URL must look like http://host:7474 (the HTTP connector), got '" + url + "'");
    }
    const auto path_start = url.find('/', scheme_end + 3);
    Endpoint endpoint;
    endpoint.scheme_host_port = url.substr(0, path_start);
    if (path_start != std::string::npos) endpoint.path_prefix = url.substr(path_start);
    while (!endpoint.path_prefix.empty() && endpoint.path_prefix.back() == '/')
        endpoint.path_prefix.pop_back();
    return endpoint;
}

struct Neo4jFailure {
    bool transient = false;
    std::string message;
};

std::string describe(httplib::Error error, const Neo4jConnection& c) {
    switch (error) {
        case httplib::Error::Connection:
            return "connection failed (is Neo4j running, and is this its HTTP port? Bolt, "
                   "usually 7687, is not HTTP)";
        case httplib::Error::ConnectionTimeout:
            return "connection timed out";
        case httplib::Error::Read:
            return "no complete answer within " +
                   std::to_string(static_cast<long>(c.timeout_seconds)) +
                   " s (read failed or timed out)";
        case httplib::Error::Write:
            return "sending the request failed";
        default:
            return httplib::to_string(error);
    }
}

// Returns a failure if the response reports one (HTTP status or errors[] in the body).
std::optional<Neo4jFailure> failure_of(const httplib::Result& result, const Neo4jConnection& c) {
    if (!result) {
        return Neo4jFailure{true,
                            "cannot reach Neo4j at " + c.url + ": " + describe(result.error(), c)};
    }
    const auto status = result->status;
    rapidjson::Document json;
    // Iterative: a reply is not trusted to be shallow (the recursive parser overflows the stack).
    json.Parse<rapidjson::kParseIterativeFlag>(result->body.data(), result->body.size());
    std::string code;
    std::string message;
    if (!json.HasParseError() && json.IsObject() && json.HasMember("errors") &&
        json["errors"].IsArray() && json["errors"].Size() > 0) {
        const auto& first = json["errors"][0];
        if (first.HasMember("code") && first["code"].IsString()) code = first["code"].GetString();
        if (first.HasMember("message") && first["message"].IsString())
            message = first["message"].GetString();
    }
    if (status == 401 || code == "Neo.ClientError.Security.Unauthorized") {
        return Neo4jFailure{
            false, "Neo4j rejected user '" + c.user + "': wrong user or password (HTTP 401)"};
    }
    if (code == "Neo.ClientError.Database.DatabaseNotFound" || (status == 404 && code.empty())) {
        return Neo4jFailure{false, "Neo4j has no database '" + c.database + "'" +
                                       (message.empty() ? "" : ": " + message)};
    }
    if (!code.empty()) {
        const bool transient = code.rfind("Neo.TransientError", 0) == 0;
        return Neo4jFailure{transient, code + ": " + message};
    }
    if (status >= 500) return Neo4jFailure{true, "Neo4j answered HTTP " + std::to_string(status)};
    if (status >= 400) {
        return Neo4jFailure{false, "Neo4j answered HTTP " + std::to_string(status) + ": " +
                                       result->body.substr(0, 300)};
    }
    return std::nullopt;
}

}  // namespace

StatementResult commit_statement(const Neo4jConnection& connection, const std::string& statement,
                                 const std::string& parameters_json, int max_attempts,
                                 int initial_backoff_ms) {
    const auto endpoint = parse_url(connection.url);
    httplib::Client client(endpoint.scheme_host_port);
    client.set_basic_auth(connection.user.c_str(), connection.password.c_str());
    const auto timeout = static_cast<time_t>(connection.timeout_seconds);
    client.set_connection_timeout(std::min<time_t>(timeout, 10), 0);
    client.set_read_timeout(timeout, 0);
    client.set_write_timeout(timeout, 0);
    client.set_keep_alive(false);

    std::string body = "{\"statements\":[{\"statement\":" + json_quote(statement) +
                       ",\"parameters\":" + parameters_json + "}]}";
    const auto path = endpoint.path_prefix + "/db/" + connection.database + "/tx/commit";
    httplib::Headers headers{{"Accept", "application/json;charset=UTF-8"}};
    int backoff = initial_backoff_ms;
    for (int attempt = 1;; ++attempt) {
        auto result = client.Post(path.c_str(), headers, body, "application/json");
        auto failure = failure_of(result, connection);
        if (!failure) return {result->body, attempt};
        if (!failure->transient || attempt >= max_attempts) {
            throw Error(
                ErrorKind::Remote,
                failure->message +
                    (attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : ""));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
        backoff *= 2;
    }
}

}  // namespace kgforge::neo4j

namespace kgforge {

std::string run_cypher(const Neo4jConnection& connection, const std::string& statement,
                       const std::string& parameters_json) {
    return neo4j::commit_statement(connection, statement, parameters_json, 3, 200).body;
}

}  // namespace kgforge
