// kgforge push: the same MERGE logic as the Cypher exporter (exporters/cypher_escape.hpp
// holds the shared fragments), sent as parameterized `UNWIND $rows` statements so Neo4j
// plans each statement shape once and the data never needs Cypher escaping.
#include <algorithm>
#include <functional>
#include <memory>

#include "core/json_escape.hpp"
#include "exporters/cypher_escape.hpp"
#include "kgforge/error.hpp"
#include "kgforge/neo4j.hpp"
#include "kgforge/output.hpp"
#include "neo4j/http_transaction.hpp"

namespace kgforge {

namespace {

// One statement in its own transaction. The parameters ({"rows":[...]}) are rendered only
// when the batch is sent, so a large graph is never held twice in memory.
struct Batch {
    std::shared_ptr<const std::string> statement;
    std::function<std::string()> parameters;
    std::string what;  // for progress and error messages
};

// Cuts `count` rows into batches; `row(i, out)` writes row i as JSON. `row` must stay valid
// until the batches have been sent.
template <typename WriteRow>
void make_batches(std::size_t count, std::size_t batch_size, const std::string& statement,
                  const std::string& what, WriteRow row, std::vector<Batch>& batches) {
    batch_size = std::max<std::size_t>(batch_size, 1);
    auto shared = std::make_shared<const std::string>(statement);
    for (std::size_t first = 0; first < count; first += batch_size) {
        const auto last = std::min(count, first + batch_size);
        batches.push_back({shared,
                           [row, first, last] {
                               StringOutput out;
                               out << "{\"rows\":[";
                               for (auto i = first; i < last; ++i) {
                                   if (i > first) out.put(',');
                                   row(i, out);
                               }
                               out << "]}";
                               return out.str();
                           },
                           what + " " + std::to_string(first + 1) + "-" + std::to_string(last)});
    }
}

void key(OutputStream& out, std::string_view name, std::string_view value, bool comma = true) {
    if (comma) out.put(',');
    write_json_string(out, name);
    out.put(':');
    write_json_string(out, value);
}

}  // namespace

PushReport push_graph(const KnowledgeGraph& graph, const Neo4jConnection& connection,
                      const PushOptions& options) {
    const auto entities = graph.entities();
    const auto documents = graph.documents();
    const auto relations = graph.relations();
    std::vector<Batch> batches;

    // Constraints first, one statement each (schema and data cannot share a transaction).
    std::string constraints(neo4j::constraint_statements());
    for (std::size_t start = 0; start < constraints.size();) {
        auto end = constraints.find(";\n", start);
        if (end == std::string::npos) end = constraints.size();
        auto statement = constraints.substr(start, end - start);
        if (statement.find_first_not_of(" \n") != std::string::npos)
            batches.push_back({std::make_shared<const std::string>(statement),
                               [] { return std::string("{}"); }, "constraint"});
        start = end + 2;
    }

    for (int t = 0; t < kEntityTypeCount; ++t) {
        const auto type = static_cast<EntityType>(t);
        auto items = std::make_shared<std::vector<std::uint32_t>>();
        for (std::uint32_t i = 0; i < entities.size(); ++i)
            if (entities[i].type == type) items->push_back(i);
        make_batches(
            items->size(), options.batch_size,
            "UNWIND $rows AS row\n" + neo4j::entity_statement(type),
            std::string(entity_type_label(type)) + " entities",
            [&, items](std::size_t n, OutputStream& out) {
                const auto& e = entities[(*items)[n]];
                out.put('{');
                key(out, "id", neo4j::node_key(e.id), false);
                key(out, "name", e.name);
                key(out, "subtype", e.subtype);
                out << ",\"aliases\":[";
                for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                    if (a) out.put(',');
                    write_json_string(out, e.aliases[a]);
                }
                out << "],\"xref\":{";
                for (std::size_t x = 0; x < e.external_ids.size(); ++x)
                    key(out, neo4j::xref_property(e.external_ids[x].first),
                        e.external_ids[x].second, x > 0);
                out << "}}";
            },
            batches);
    }

    make_batches(
        documents.size(), options.batch_size, "UNWIND $rows AS row\n" + neo4j::document_statement(),
        "documents",
        [&](std::size_t d, OutputStream& out) {
            const auto& doc = documents[d];
            out.put('{');
            key(out, "id", neo4j::node_key(doc.id), false);
            key(out, "title", doc.title);
            key(out, "date", doc.date);
            key(out, "url", doc.url);
            key(out, "source", doc.source);
            out << ",\"mentions\":[";
            for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
                out << (m ? ",{" : "{");
                key(out, "id", neo4j::node_key(entities[doc.mentions[m].entity].id), false);
                out << ",\"count\":";
                out.write_uint(doc.mentions[m].count);
                out.put('}');
            }
            out << "]}";
        },
        batches);

    for (const auto& info : relation_types()) {
        auto items = std::make_shared<std::vector<std::uint32_t>>();
        for (std::uint32_t i = 0; i < relations.size(); ++i)
            if (relations[i].type == info.type) items->push_back(i);
        make_batches(
            items->size(), options.batch_size,
            "UNWIND $rows AS row\n" + neo4j::relationship_statement(info),
            std::string(info.name) + " relationships",
            [&, items](std::size_t n, OutputStream& out) {
                const auto& r = relations[(*items)[n]];
                out.put('{');
                key(out, "s", neo4j::node_key(entities[r.subject].id), false);
                key(out, "o", neo4j::node_key(entities[r.object].id));
                key(out, "key", graph.relation_id(r));
                out << ",\"ev\":[";
                const auto keys = neo4j::evidence_keys(graph, r);
                std::size_t k = 0;
                for (const auto& ev : graph.evidence(r)) {
                    const auto& doc = documents[ev.document];
                    out << (k ? ",{" : "{");
                    key(out, "key", keys[k], false);
                    key(out, "document", neo4j::node_key(doc.id));
                    key(out, "date", doc.date);
                    key(out, "sentence", graph.text(ev.sentence));
                    out << ",\"start\":";
                    out.write_uint(ev.start);
                    out << ",\"end\":";
                    out.write_uint(ev.end);
                    key(out, "label", graph.text(ev.label));
                    out << ",\"confidence\":" << neo4j::float_text(ev.confidence);
                    out << ",\"negated\":" << (ev.negated ? "true" : "false");
                    out << ",\"hypothetical\":" << (ev.hypothetical ? "true" : "false");
                    key(out, "amount", graph.text(ev.amount));
                    key(out, "role", graph.text(ev.role));
                    key(out, "rule", graph.text(ev.rule));
                    out.put('}');
                    ++k;
                }
                out << "]}";
            },
            batches);
    }

    make_batches(
        entities.size(), options.batch_size,
        "UNWIND $rows AS id\n" + neo4j::entity_refresh_statement(), "entity counts",
        [&](std::size_t i, OutputStream& out) {
            write_json_string(out, neo4j::node_key(entities[i].id));
        },
        batches);

    PushReport report;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        try {
            auto result =
                neo4j::commit_statement(connection, *batches[b].statement, batches[b].parameters(),
                                        options.max_attempts, options.initial_backoff_ms);
            report.retries += static_cast<std::size_t>(result.attempts - 1);
        } catch (const Error& error) {
            throw Error(ErrorKind::Remote,
                        "batch " + std::to_string(b + 1) + " of " + std::to_string(batches.size()) +
                            " (" + batches[b].what + ") failed: " + error.message() +
                            (b > 0 ? "; the " + std::to_string(b) +
                                         " batches before it are committed, and pushing again "
                                         "is safe (every batch MERGEs)"
                                   : ""));
        }
        report.batches += 1;
        if (options.on_progress) options.on_progress(b + 1, batches.size());
    }
    report.entities = entities.size();
    report.documents = documents.size();
    report.relationships = relations.size();
    return report;
}

}  // namespace kgforge
