#include "exporters/cypher_escape.hpp"

#include <charconv>
#include <cmath>

namespace kgforge::neo4j {

void write_cypher_string(OutputStream& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.put('"');
    std::size_t run_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != '"' && c != '\\' && c >= 0x20 && c != 0x7f) continue;
        if (i > run_start) out.write(text.substr(run_start, i - run_start));
        run_start = i + 1;
        if (c == '"') {
            out.write("\\\"");
        } else if (c == '\\') {
            out.write("\\\\");
        } else if (c == '\n') {
            out.write("\\n");
        } else if (c == '\r') {
            out.write("\\r");
        } else if (c == '\t') {
            out.write("\\t");
        } else {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.write(std::string_view(escape, sizeof escape));
        }
    }
    if (text.size() > run_start) out.write(text.substr(run_start));
    out.put('"');
}

std::string cypher_quote(std::string_view text) {
    StringOutput out;
    write_cypher_string(out, text);
    return out.str();
}

void write_cypher_identifier(OutputStream& out, std::string_view name) {
    out.put('`');
    for (char c : name) {
        if (c == '`') out.put('`');
        out.put(c);
    }
    out.put('`');
}

std::string cypher_identifier(std::string_view name) {
    StringOutput out;
    write_cypher_identifier(out, name);
    return out.str();
}

std::string float_text(float value) {
    if (!std::isfinite(value)) value = 0.0f;
    char digits[32];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    std::string text(digits, static_cast<std::size_t>(result.ptr - digits));
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

void write_float(OutputStream& out, float value) {
    out.write(float_text(value));
}

std::vector<std::string> evidence_keys(const KnowledgeGraph& graph, const Relation& relation) {
    std::vector<std::string> keys;
    const auto documents = graph.documents();
    const Evidence* previous = nullptr;
    std::uint32_t repeat = 1;
    for (const auto& ev : graph.evidence(relation)) {
        std::string key = documents[ev.document].id;
        key += '#';
        key += std::to_string(ev.start);
        key += '-';
        key += std::to_string(ev.end);
        if (previous && previous->document == ev.document && previous->start == ev.start &&
            previous->end == ev.end) {
            ++repeat;
            key += '#';
            key += std::to_string(repeat);
        } else {
            repeat = 1;
        }
        previous = &ev;
        keys.push_back(std::move(key));
    }
    return keys;
}

std::string node_key(std::string_view id) {
    if (id.size() <= kMaxNodeKeyBytes) return std::string(id);
    std::size_t cut = kMaxNodeKeyBytes - 96;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xc0) == 0x80) --cut;
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key(id.substr(0, cut));
    key += '~';
    for (int shift = 60; shift >= 0; shift -= 4) key += kHex[(hash >> shift) & 0xf];
    return key;
}

std::string xref_property(std::string_view scheme) {
    std::string name = "xref_";
    for (char c : scheme) {
        const bool plain =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        name += plain ? c : '_';
    }
    return name;
}

// Lists that may hold empty strings are padded with '' up to the number of keys: the
// neo4j-admin importer cannot write a one-element list [''] (an empty field is no list).
#define KG_PADDED(list)                        \
    "    r." list " = coalesce(r." list        \
    ", []) + [i IN range(1, size(old_keys) - " \
    "size(coalesce(r." list ", []))) | ''] + "
#define KG_LATER                                                                      \
    "r.evidence_dates[i] > r.evidence_dates[b] OR (r.evidence_dates[i] = "            \
    "r.evidence_dates[b] AND (r.evidence_documents[i] > r.evidence_documents[b] OR "  \
    "(r.evidence_documents[i] = r.evidence_documents[b] AND r.evidence_starts[i] >= " \
    "r.evidence_starts[b])))"

std::string_view relationship_evidence_merge() {
    return "WITH r, row, coalesce(r.evidence_keys, []) AS old_keys\n"
           "WITH r, old_keys, [ev IN row.ev WHERE NOT ev.key IN old_keys] AS fresh\n"
           "SET r.evidence_keys = old_keys + [ev IN fresh | ev.key],\n"
           KG_PADDED("evidence_documents") "[ev IN fresh | ev.document],\n"
           KG_PADDED("evidence_dates") "[ev IN fresh | ev.date],\n"
           KG_PADDED("evidence_sentences") "[ev IN fresh | ev.sentence],\n"
           "    r.evidence_starts = coalesce(r.evidence_starts, []) + [ev IN fresh | ev.start],\n"
           "    r.evidence_ends = coalesce(r.evidence_ends, []) + [ev IN fresh | ev.end],\n"
           KG_PADDED("evidence_labels") "[ev IN fresh | ev.label],\n"
           "    r.evidence_confidences = coalesce(r.evidence_confidences, []) + "
           "[ev IN fresh | ev.confidence],\n"
           "    r.evidence_negated = coalesce(r.evidence_negated, []) + "
           "[ev IN fresh | ev.negated],\n"
           "    r.evidence_hypothetical = coalesce(r.evidence_hypothetical, []) + "
           "[ev IN fresh | ev.hypothetical],\n"
           KG_PADDED("evidence_amounts") "[ev IN fresh | ev.amount],\n"
           KG_PADDED("evidence_roles") "[ev IN fresh | ev.role],\n"
           KG_PADDED("evidence_rules") "[ev IN fresh | ev.rule]\n"
           "WITH r, range(0, size(r.evidence_keys) - 1) AS idx\n"
           "WITH r, [i IN idx WHERE r.evidence_amounts[i] <> ''] AS amounts,\n"
           "     [i IN idx WHERE r.evidence_roles[i] <> ''] AS roles\n"
           "SET r.weight = size(r.evidence_keys),\n"
           "    r.confidence = reduce(m = 0.0, c IN r.evidence_confidences | "
           "CASE WHEN c > m THEN c ELSE m END),\n"
           "    r.negated = all(x IN r.evidence_negated WHERE x),\n"
           "    r.hypothetical = all(x IN r.evidence_hypothetical WHERE x),\n"
           "    r.label = reduce(b = '', l IN r.evidence_labels | CASE WHEN l <> '' AND "
           "(b = '' OR size([x IN r.evidence_labels WHERE x = l]) > "
           "size([x IN r.evidence_labels WHERE x = b]) OR "
           "(size([x IN r.evidence_labels WHERE x = l]) = "
           "size([x IN r.evidence_labels WHERE x = b]) AND l < b)) THEN l ELSE b END),\n"
           "    r.amount = CASE WHEN size(amounts) = 0 THEN '' ELSE "
           "r.evidence_amounts[reduce(b = head(amounts), i IN tail(amounts) | CASE WHEN "
           KG_LATER " THEN i ELSE b END)] END,\n"
           "    r.role = CASE WHEN size(roles) = 0 THEN '' ELSE "
           "r.evidence_roles[reduce(b = head(roles), i IN tail(roles) | CASE WHEN "
           KG_LATER " THEN i ELSE b END)] END";
}

#undef KG_PADDED
#undef KG_LATER

std::string_view entity_name_merge() {
    return "WITH e, row, coalesce(e.aliases, []) + CASE WHEN e.name IS NULL THEN [] "
           "ELSE [e.name] END + row.aliases AS names\n"
           "SET e.name = row.name,\n"
           "    e.aliases = reduce(acc = [], a IN names | CASE WHEN a = row.name OR a IN acc "
           "THEN acc ELSE acc + a END)";
}

std::string_view entity_aggregate_refresh() {
    return "OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)\n"
           "WITH e, sum(m.count) AS mentions, count(d) AS documents,\n"
           "     min(CASE WHEN d.date <> '' THEN d.date END) AS first,\n"
           "     max(CASE WHEN d.date <> '' THEN d.date END) AS last\n"
           "SET e.mention_count = mentions, e.document_count = documents,\n"
           "    e.first_date = coalesce(first, ''), e.last_date = coalesce(last, '')";
}

std::string_view constraint_statements() {
    return "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n"
           "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS "
           "UNIQUE;\n";
}

std::string entity_statement(EntityType type) {
    std::string s = "MERGE (e:Entity {id: row.id})\nSET e:";
    s += cypher_identifier(entity_type_label(type));
    s += ", e += row.xref,\n"
         "    e.subtype = CASE WHEN row.subtype <> '' THEN row.subtype "
         "ELSE coalesce(e.subtype, '') END\n";
    s += entity_name_merge();
    return s;
}

std::string document_statement() {
    return "MERGE (d:Document {id: row.id})\n"
           "SET d.title = row.title, d.date = row.date, d.url = row.url, "
           "d.source = row.source\n"
           "WITH d, row\n"
           "UNWIND row.mentions AS m\n"
           "MATCH (e:Entity {id: m.id})\n"
           "MERGE (d)-[r:MENTIONS]->(e)\n"
           "SET r.count = m.count";
}

std::string relationship_statement(const RelationTypeInfo& info) {
    std::string s = "MATCH (s:Entity {id: row.s})\nMATCH (o:Entity {id: row.o})\nMERGE (s)-[r:";
    s += cypher_identifier(info.name);
    s += "]->(o)\nSET r.key = row.key, r.symmetric = ";
    s += info.symmetric ? "true" : "false";
    s += '\n';
    s += relationship_evidence_merge();
    return s;
}

std::string entity_refresh_statement() {
    std::string s = "MATCH (e:Entity {id: id})\n";
    s += entity_aggregate_refresh();
    return s;
}

}  // namespace kgforge::neo4j
