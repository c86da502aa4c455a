#include "exporters/neo4j_csv_rows.hpp"

#include <cctype>

#include "exporters/cypher_escape.hpp"

namespace kgforge::neo4j_csv {
namespace {

// U+001F (INFORMATION SEPARATOR ONE): the array (and label) delimiter. neo4j-admin takes
// it as --array-delimiter=U+001F; names and sentences do not contain it (a U+001F inside an
// array element is written as U+FFFD, as is U+0000 anywhere: CSV tools choke on NUL).
constexpr char kArrayDelimiter = '\x1f';
constexpr std::string_view kReplacement = "\xef\xbf\xbd";

void write_csv_text(OutputStream& out, std::string_view text, bool in_array) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '"' && c != '\0' && !(in_array && c == kArrayDelimiter)) continue;
        if (i > run) out.write(text.substr(run, i - run));
        run = i + 1;
        out.write(c == '"' ? std::string_view("\"\"") : kReplacement);
    }
    if (text.size() > run) out.write(text.substr(run));
}

// RFC 4180: every string field is quoted, quotes inside doubled.
void write_csv_string(OutputStream& out, std::string_view text) {
    out.put('"');
    write_csv_text(out, text, false);
    out.put('"');
}

template <typename Range, typename Get>
void write_csv_string_array(OutputStream& out, const Range& items, Get get) {
    out.put('"');
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.put(kArrayDelimiter);
        first = false;
        write_csv_text(out, get(item), true);
    }
    out.put('"');
}

std::string lower(std::string_view text) {
    std::string result(text);
    for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

constexpr std::string_view kRelationHeader =
    ":START_ID(Entity),:END_ID(Entity),:TYPE,key:string,symmetric:boolean,weight:long,"
    "confidence:double,label:string,amount:string,role:string,negated:boolean,"
    "hypothetical:boolean,evidence_keys:string[],evidence_documents:string[],"
    "evidence_dates:string[],evidence_sentences:string[],evidence_starts:long[],"
    "evidence_ends:long[],evidence_labels:string[],evidence_confidences:double[],"
    "evidence_negated:boolean[],evidence_hypothetical:boolean[],evidence_amounts:string[],"
    "evidence_roles:string[],evidence_rules:string[]";

}  // namespace

std::string entity_file_stem(EntityType type) {
    return "entities_" + lower(entity_type_label(type));
}
std::string relation_file_stem(std::string_view type) {
    return "rel_" + std::string(type);
}

std::vector<std::string> xref_columns(const std::set<std::string>& schemes) {
    std::set<std::string> columns;
    for (const auto& scheme : schemes) columns.insert(neo4j::xref_property(scheme));
    return {columns.begin(), columns.end()};
}

std::string entity_header(const std::vector<std::string>& xref_columns) {
    std::string header =
        "id:ID(Entity),:LABEL,name:string,subtype:string,aliases:string[],"
        "mention_count:long,document_count:long,first_date:string,last_date:string";
    for (const auto& x : xref_columns) header += "," + x + ":string";
    return header;
}
std::string_view relation_header() {
    return kRelationHeader;
}
std::string_view document_header() {
    return "id:ID(Document),:LABEL,title:string,date:string,url:string,source:string";
}
std::string_view mention_header() {
    return ":START_ID(Document),:END_ID(Entity),:TYPE,count:long";
}

void write_entity_row(OutputStream& out, const Entity& e,
                      const std::vector<std::string>& xref_columns) {
    write_csv_string(out, neo4j::node_key(e.id));
    out << ",\"Entity" << kArrayDelimiter << entity_type_label(e.type) << "\",";
    write_csv_string(out, e.name);
    out.put(',');
    write_csv_string(out, e.subtype);
    out.put(',');
    write_csv_string_array(out, e.aliases, [](std::string_view a) { return a; });
    out.put(',');
    out.write_uint(e.mention_count);
    out.put(',');
    out.write_uint(e.document_count);
    out.put(',');
    write_csv_string(out, e.first_date);
    out.put(',');
    write_csv_string(out, e.last_date);
    for (const auto& x : xref_columns) {
        out.put(',');
        for (const auto& [scheme, value] : e.external_ids) {
            if (neo4j::xref_property(scheme) == x) {
                write_csv_string(out, value);  // empty (no quotes): no property
                break;
            }
        }
    }
}

void write_document_row(OutputStream& out, const DocumentNode& doc) {
    write_csv_string(out, neo4j::node_key(doc.id));
    out << ",\"Document\",";
    write_csv_string(out, doc.title);
    out.put(',');
    write_csv_string(out, doc.date);
    out.put(',');
    write_csv_string(out, doc.url);
    out.put(',');
    write_csv_string(out, doc.source);
}

void write_mention_row(OutputStream& out, const KnowledgeGraph& graph, const DocumentNode& doc,
                       const DocumentMention& m) {
    write_csv_string(out, neo4j::node_key(doc.id));
    out.put(',');
    write_csv_string(out, neo4j::node_key(graph.entities()[m.entity].id));
    out << ",\"MENTIONS\",";
    out.write_uint(m.count);
}

void write_relation_row(OutputStream& out, const KnowledgeGraph& graph, const Relation& r) {
    const auto& info = relation_type_info(r.type);
    const auto entities = graph.entities();
    const auto documents = graph.documents();
    const auto evidence = graph.evidence(r);
    write_csv_string(out, neo4j::node_key(entities[r.subject].id));
    out.put(',');
    write_csv_string(out, neo4j::node_key(entities[r.object].id));
    out << ",\"" << info.name << "\",";
    write_csv_string(out, graph.relation_id(r));
    out << (info.symmetric ? ",true," : ",false,");
    out.write_uint(r.weight());
    out.put(',');
    neo4j::write_float(out, r.confidence);
    out.put(',');
    write_csv_string(out, graph.text(r.label));
    out.put(',');
    write_csv_string(out, graph.text(r.amount));
    out.put(',');
    write_csv_string(out, graph.text(r.role));
    out << (r.negated ? ",true" : ",false") << (r.hypothetical ? ",true," : ",false,");
    const auto keys = neo4j::evidence_keys(graph, r);
    write_csv_string_array(out, keys, [](const std::string& k) -> std::string_view { return k; });
    auto text_array = [&](auto get) {
        out.put(',');
        write_csv_string_array(out, evidence, get);
    };
    // Numbers and booleans are unquoted; arrays of them too.
    auto plain_array = [&](auto write_one) {
        out.put(',');
        bool first = true;
        for (const auto& ev : evidence) {
            if (!first) out.put(kArrayDelimiter);
            first = false;
            write_one(ev);
        }
    };
    text_array([&](const Evidence& ev) { return neo4j::node_key(documents[ev.document].id); });
    text_array([&](const Evidence& ev) -> std::string_view { return documents[ev.document].date; });
    text_array([&](const Evidence& ev) { return graph.text(ev.sentence); });
    plain_array([&](const Evidence& ev) { out.write_uint(ev.start); });
    plain_array([&](const Evidence& ev) { out.write_uint(ev.end); });
    text_array([&](const Evidence& ev) { return graph.text(ev.label); });
    plain_array([&](const Evidence& ev) { neo4j::write_float(out, ev.confidence); });
    plain_array([&](const Evidence& ev) { out << (ev.negated ? "true" : "false"); });
    plain_array([&](const Evidence& ev) { out << (ev.hypothetical ? "true" : "false"); });
    text_array([&](const Evidence& ev) { return graph.text(ev.amount); });
    text_array([&](const Evidence& ev) { return graph.text(ev.role); });
    text_array([&](const Evidence& ev) { return graph.text(ev.rule); });
}

}  // namespace kgforge::neo4j_csv
