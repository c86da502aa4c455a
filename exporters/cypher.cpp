// Cypher script for Neo4j 5 (cypher-shell, Neo4j Browser). Literal UNWIND batches with
// MERGE on stable ids: running a script twice, or the scripts of two batches of articles
// one after the other, gives one correct graph (docs/FORMATS-neo4j-jsonld.md).
#include <algorithm>
#include <array>

#include "exporters/cypher_escape.hpp"
#include "exporters/exporters.hpp"

namespace kgforge {
namespace {

using neo4j::write_cypher_identifier;
using neo4j::write_cypher_string;

// Splits `items` into statements of at most `batch` rows: begin(), row(i) for each,
// end() after each batch.
template <typename Begin, typename Row, typename End>
void batched(const std::vector<std::uint32_t>& items, std::size_t batch, Begin begin, Row row,
             End end) {
    batch = std::max<std::size_t>(batch, 1);
    for (std::size_t first = 0; first < items.size(); first += batch) {
        const auto last = std::min(items.size(), first + batch);
        begin();
        for (auto i = first; i < last; ++i) {
            row(items[i], i == first);
        }
        end();
    }
}

class CypherExporter final : public Exporter {
  public:
    std::string_view name() const override { return "cypher"; }
    std::string_view description() const override {
        return "Cypher script for Neo4j 5 (idempotent MERGE batches; cypher-shell -f)";
    }
    std::string_view default_file_name() const override { return "graph.cypher"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        const auto relations = graph.relations();
        auto key = [&](std::string_view k) { out << k << ": "; };

        out << "// kgforge graph for Neo4j 5, written by ";
        out << sanitize_comment(options.generator);
        out << ".\n// Run with: cypher-shell -f graph.cypher (or paste into Neo4j Browser).\n"
               "// Every statement MERGEs on stable ids, so the script can be run again, and\n"
               "// scripts of other batches of articles add to the same graph.\n"
               "// Entities: ";
        out.write_uint(entities.size());
        out << ", documents: ";
        out.write_uint(documents.size());
        out << ", relations: ";
        out.write_uint(relations.size());
        out << ".\n";
        out << neo4j::constraint_statements();

        // Entities, one statement per batch of one type (the type is a label).
        for (int t = 0; t < kEntityTypeCount; ++t) {
            const auto type = static_cast<EntityType>(t);
            std::vector<std::uint32_t> items;
            for (std::uint32_t i = 0; i < entities.size(); ++i)
                if (entities[i].type == type) items.push_back(i);
            batched(
                items, options.batch_size, [&] { out << "UNWIND [\n"; },
                [&](std::uint32_t i, bool first) {
                    const auto& e = entities[i];
                    out << (first ? "{" : ",\n{");
                    key("id");
                    write_cypher_string(out, neo4j::node_key(e.id));
                    out << ", ";
                    key("name");
                    write_cypher_string(out, e.name);
                    out << ", ";
                    key("subtype");
                    write_cypher_string(out, e.subtype);
                    out << ", ";
                    key("aliases");
                    out.put('[');
                    for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                        if (a) out << ", ";
                        write_cypher_string(out, e.aliases[a]);
                    }
                    out << "], ";
                    key("xref");
                    out.put('{');
                    for (std::size_t x = 0; x < e.external_ids.size(); ++x) {
                        if (x) out << ", ";
                        write_cypher_identifier(out, neo4j::xref_property(e.external_ids[x].first));
                        out << ": ";
                        write_cypher_string(out, e.external_ids[x].second);
                    }
                    out << "}}";
                },
                [&] { out << "\n] AS row\n"
                          << neo4j::entity_statement(type) << ";\n"; });
        }

        // Documents and their MENTIONS.
        std::vector<std::uint32_t> doc_items(documents.size());
        for (std::uint32_t d = 0; d < documents.size(); ++d) doc_items[d] = d;
        batched(
            doc_items, options.batch_size, [&] { out << "UNWIND [\n"; },
            [&](std::uint32_t d, bool first) {
                const auto& doc = documents[d];
                out << (first ? "{" : ",\n{");
                key("id");
                write_cypher_string(out, neo4j::node_key(doc.id));
                out << ", ";
                key("title");
                write_cypher_string(out, doc.title);
                out << ", ";
                key("date");
                write_cypher_string(out, doc.date);
                out << ", ";
                key("url");
                write_cypher_string(out, doc.url);
                out << ", ";
                key("source");
                write_cypher_string(out, doc.source);
                out << ", mentions: [";
                for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
                    out << (m ? ", {id: " : "{id: ");
                    write_cypher_string(out, neo4j::node_key(entities[doc.mentions[m].entity].id));
                    out << ", count: ";
                    out.write_uint(doc.mentions[m].count);
                    out.put('}');
                }
                out << "]}";
            },
            [&] { out << "\n] AS row\n"
                      << neo4j::document_statement() << ";\n"; });

        // Relationships, one statement per batch of one type.
        for (const auto& info : relation_types()) {
            std::vector<std::uint32_t> items;
            for (std::uint32_t i = 0; i < relations.size(); ++i)
                if (relations[i].type == info.type) items.push_back(i);
            batched(
                items, options.batch_size, [&] { out << "UNWIND [\n"; },
                [&](std::uint32_t i, bool first) {
                    const auto& r = relations[i];
                    out << (first ? "{" : ",\n{");
                    key("s");
                    write_cypher_string(out, neo4j::node_key(entities[r.subject].id));
                    out << ", ";
                    key("o");
                    write_cypher_string(out, neo4j::node_key(entities[r.object].id));
                    out << ", ";
                    key("key");
                    write_cypher_string(out, graph.relation_id(r));
                    out << ", ev: [";
                    const auto keys = neo4j::evidence_keys(graph, r);
                    std::size_t n = 0;
                    for (const auto& ev : graph.evidence(r)) {
                        const auto& doc = documents[ev.document];
                        out << (n ? ",\n  {" : "\n  {");
                        key("key");
                        write_cypher_string(out, keys[n]);
                        out << ", ";
                        key("document");
                        write_cypher_string(out, neo4j::node_key(doc.id));
                        out << ", ";
                        key("date");
                        write_cypher_string(out, doc.date);
                        out << ", ";
                        key("sentence");
                        write_cypher_string(out, graph.text(ev.sentence));
                        out << ", ";
                        key("start");
                        out.write_uint(ev.start);
                        out << ", ";
                        key("end");
                        out.write_uint(ev.end);
                        out << ", ";
                        key("label");
                        write_cypher_string(out, graph.text(ev.label));
                        out << ", ";
                        key("confidence");
                        neo4j::write_float(out, ev.confidence);
                        out << ", ";
                        key("negated");
                        out << (ev.negated ? "true" : "false") << ", ";
                        key("hypothetical");
                        out << (ev.hypothetical ? "true" : "false") << ", ";
                        key("amount");
                        write_cypher_string(out, graph.text(ev.amount));
                        out << ", ";
                        key("role");
                        write_cypher_string(out, graph.text(ev.role));
                        out << ", ";
                        key("rule");
                        write_cypher_string(out, graph.text(ev.rule));
                        out.put('}');
                        ++n;
                    }
                    out << "]}";
                },
                [&] { out << "\n] AS row\n"
                          << neo4j::relationship_statement(info) << ";\n"; });
        }

        // Entity counts and dates from all documents loaded so far (this and earlier runs).
        std::vector<std::uint32_t> all(entities.size());
        for (std::uint32_t i = 0; i < entities.size(); ++i) all[i] = i;
        batched(
            all, options.batch_size, [&] { out << "UNWIND [\n"; },
            [&](std::uint32_t i, bool first) {
                if (!first) out << ",\n";
                write_cypher_string(out, neo4j::node_key(entities[i].id));
            },
            [&] { out << "\n] AS id\n"
                      << neo4j::entity_refresh_statement() << ";\n"; });
    }

  private:
    static std::string sanitize_comment(std::string_view text) {
        std::string clean;
        for (char c : text) clean += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
        return clean;
    }
};

}  // namespace

std::unique_ptr<Exporter> make_cypher_exporter() {
    return std::make_unique<CypherExporter>();
}

}  // namespace kgforge
