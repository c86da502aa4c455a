// neo4j-admin bulk-import CSV (Neo4j 5): a node file per label, a relationship file per
// type, import.sh with the full `neo4j-admin database import full` command, and
// load.cypher with equivalent idempotent LOAD CSV statements for a running server.
// docs/FORMATS-neo4j-jsonld.md describes the files and the choices below.
#include <algorithm>
#include <cctype>
#include <set>

#include "exporters/cypher_escape.hpp"
#include "exporters/exporters.hpp"

namespace kgforge {
namespace {

// U+001F (INFORMATION SEPARATOR ONE): the array (and label) delimiter. neo4j-admin takes
// it as --array-delimiter=U+001F; names and sentences do not contain it (a U+001F inside an
// array element is written as U+FFFD, as is U+0000 anywhere: CSV tools choke on NUL).
constexpr char kArrayDelimiter = '\x1f';
constexpr std::string_view kArrayDelimiterOption = "U+001F";
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

std::string entity_file(EntityType type) {
    return "entities_" + lower(entity_type_label(type)) + ".csv";
}
std::string relation_file(std::string_view type_name) {
    return "rel_" + std::string(type_name) + ".csv";
}

constexpr std::string_view kRelationHeader =
    ":START_ID(Entity),:END_ID(Entity),:TYPE,key:string,symmetric:boolean,weight:long,"
    "confidence:double,label:string,amount:string,role:string,negated:boolean,"
    "hypothetical:boolean,evidence_keys:string[],evidence_documents:string[],"
    "evidence_dates:string[],evidence_sentences:string[],evidence_starts:long[],"
    "evidence_ends:long[],evidence_labels:string[],evidence_confidences:double[],"
    "evidence_negated:boolean[],evidence_hypothetical:boolean[],evidence_amounts:string[],"
    "evidence_roles:string[],evidence_rules:string[]\n";

class Neo4jCsvExporter final : public Exporter {
  public:
    std::string_view name() const override { return "neo4j-csv"; }
    std::string_view description() const override {
        return "neo4j-admin import CSV folder (node and relationship files, import.sh, "
               "load.cypher)";
    }
    std::string_view default_file_name() const override { return "neo4j-import"; }
    bool writes_directory() const override { return true; }

    void write_files(const KnowledgeGraph& graph, const ExportOptions& options,
                     FileSet& files) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        const auto relations = graph.relations();

        std::set<std::string> xref_set;
        for (const auto& e : entities)
            for (const auto& [scheme, value] : e.external_ids)
                xref_set.insert(neo4j::xref_property(scheme));
        const std::vector<std::string> xrefs(xref_set.begin(), xref_set.end());

        // Entities: one file per type label, all with the same header.
        for (int t = 0; t < kEntityTypeCount; ++t) {
            const auto type = static_cast<EntityType>(t);
            auto& out = files.open(entity_file(type));
            out << "id:ID(Entity),:LABEL,name:string,subtype:string,aliases:string[],"
                   "mention_count:long,document_count:long,first_date:string,last_date:string";
            for (const auto& x : xrefs) out << ',' << x << ":string";
            out.put('\n');
            for (const auto& e : entities) {
                if (e.type != type) continue;
                write_csv_string(out, neo4j::node_key(e.id));
                out << ",\"Entity" << kArrayDelimiter << entity_type_label(type) << "\",";
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
                for (const auto& x : xrefs) {
                    out.put(',');
                    for (const auto& [scheme, value] : e.external_ids) {
                        if (neo4j::xref_property(scheme) == x) {
                            write_csv_string(out, value);  // empty (no quotes): no property
                            break;
                        }
                    }
                }
                out.put('\n');
            }
        }

        auto& docs = files.open("documents.csv");
        docs << "id:ID(Document),:LABEL,title:string,date:string,url:string,source:string\n";
        auto& mentions = files.open("mentions.csv");
        mentions << ":START_ID(Document),:END_ID(Entity),:TYPE,count:long\n";
        for (const auto& doc : documents) {
            write_csv_string(docs, neo4j::node_key(doc.id));
            docs << ",\"Document\",";
            write_csv_string(docs, doc.title);
            docs.put(',');
            write_csv_string(docs, doc.date);
            docs.put(',');
            write_csv_string(docs, doc.url);
            docs.put(',');
            write_csv_string(docs, doc.source);
            docs.put('\n');
            for (const auto& m : doc.mentions) {
                write_csv_string(mentions, neo4j::node_key(doc.id));
                mentions.put(',');
                write_csv_string(mentions, neo4j::node_key(entities[m.entity].id));
                mentions << ",\"MENTIONS\",";
                mentions.write_uint(m.count);
                mentions.put('\n');
            }
        }

        // Relationships: one file per type that occurs.
        std::vector<const RelationTypeInfo*> present;
        for (const auto& info : relation_types()) {
            const bool any = std::any_of(relations.begin(), relations.end(),
                                         [&](const Relation& r) { return r.type == info.type; });
            if (any) present.push_back(&info);
        }
        for (const auto* info : present) {
            auto& out = files.open(relation_file(info->name));
            out << kRelationHeader;
            for (const auto& r : relations) {
                if (r.type != info->type) continue;
                write_relation(graph, r, *info, out);
            }
        }

        write_import_script(present, files.open("import.sh"));
        files.set_executable("import.sh");
        write_load_cypher(present, xrefs, options, files.open("load.cypher"));
    }

  private:
    static void write_relation(const KnowledgeGraph& graph, const Relation& r,
                               const RelationTypeInfo& info, OutputStream& out) {
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
        write_csv_string_array(out, keys,
                               [](const std::string& k) -> std::string_view { return k; });
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
        text_array(
            [&](const Evidence& ev) -> std::string_view { return documents[ev.document].date; });
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
        out.put('\n');
    }

    static void write_import_script(const std::vector<const RelationTypeInfo*>& present,
                                    OutputStream& out) {
        out << "#!/bin/sh\n"
               "# Bulk import of this folder into a new Neo4j 5 database with neo4j-admin\n"
               "# (written by kgforge). Usage: ./import.sh [DATABASE] [more neo4j-admin "
               "options]\n"
               "# DATABASE defaults to neo4j; stop it first, or add --overwrite-destination=true"
               ".\n"
               "# Set NEO4J_ADMIN if neo4j-admin is not on PATH. The importer creates no\n"
               "# constraints: afterwards run the two CREATE CONSTRAINT statements at the top\n"
               "# of load.cypher, then later batches can be added with their graph.cypher.\n"
               "set -eu\n"
               "here=$(cd \"$(dirname \"$0\")\" && pwd)\n"
               "database=${1:-neo4j}\n"
               "[ $# -gt 0 ] && shift\n"
               "# The database name comes first: since Neo4j 5.19 a name after --nodes or\n"
               "# --relationships is read as one more file.\n"
               "exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"$database\" \\\n";
        for (int t = 0; t < kEntityTypeCount; ++t)
            out << "  --nodes=\"$here/" << entity_file(static_cast<EntityType>(t)) << "\" \\\n";
        out << "  --nodes=\"$here/documents.csv\" \\\n"
               "  --relationships=\"$here/mentions.csv\" \\\n";
        for (const auto* info : present)
            out << "  --relationships=\"$here/" << relation_file(info->name) << "\" \\\n";
        out << "  --multiline-fields=true \\\n"
               "  --array-delimiter="
            << kArrayDelimiterOption
            << " \\\n"
               "  --delimiter=, \\\n"
               "  --quote='\"' \\\n"
               "  \"$@\"\n";
    }

    static void write_load_cypher(const std::vector<const RelationTypeInfo*>& present,
                                  const std::vector<std::string>& xrefs,
                                  const ExportOptions& options, OutputStream& out) {
        const auto batch = std::to_string(std::max<std::size_t>(options.batch_size, 1));
        const auto tx = "} IN TRANSACTIONS OF " + batch + " ROWS;\n";
        auto load = [&](const std::string& file) {
            out << "LOAD CSV WITH HEADERS FROM " << neo4j::cypher_quote("file:///" + file)
                << " AS line\nCALL {\n  WITH line\n";
        };
        out << "// LOAD CSV equivalent of import.sh for a running Neo4j 5 (written by kgforge).\n"
               "// Copy the CSV files of this folder into the server's import directory, then:\n"
               "//   cypher-shell -f load.cypher\n"
               "// Idempotent like graph.cypher: MERGE on ids, evidence merged by key.\n"
               "// Arrays are split on U+001F.\n";
        out << neo4j::constraint_statements();
        for (int t = 0; t < kEntityTypeCount; ++t) {
            const auto type = static_cast<EntityType>(t);
            load(entity_file(type));
            out << "  WITH line, {id: line.`id:ID(Entity)`, name: coalesce(line.`name:string`, ''),"
                   " subtype: coalesce(line.`subtype:string`, ''),"
                   " aliases: [a IN coalesce(split(line.`aliases:string[]`, '\\u001f'), [])"
                   " WHERE a <> '']} AS row\n"
                   "  MERGE (e:Entity {id: row.id})\n"
                   "  SET e:";
            neo4j::write_cypher_identifier(out, entity_type_label(type));
            for (const auto& x : xrefs) {
                out << ", e.";
                neo4j::write_cypher_identifier(out, x);
                out << " = coalesce(line.";
                neo4j::write_cypher_identifier(out, x + ":string");
                out << ", e.";
                neo4j::write_cypher_identifier(out, x);
                out << ')';
            }
            out << ",\n    e.subtype = CASE WHEN row.subtype <> '' THEN row.subtype "
                   "ELSE coalesce(e.subtype, '') END\n  "
                << neo4j::entity_name_merge() << '\n'
                << tx;
        }
        load("documents.csv");
        out << "  MERGE (d:Document {id: line.`id:ID(Document)`})\n"
               "  SET d.title = coalesce(line.`title:string`, ''), "
               "d.date = coalesce(line.`date:string`, ''),\n"
               "    d.url = coalesce(line.`url:string`, ''), "
               "d.source = coalesce(line.`source:string`, '')\n"
            << tx;
        load("mentions.csv");
        out << "  MATCH (d:Document {id: line.`:START_ID(Document)`})\n"
               "  MATCH (e:Entity {id: line.`:END_ID(Entity)`})\n"
               "  MERGE (d)-[r:MENTIONS]->(e)\n"
               "  SET r.count = toInteger(line.`count:long`)\n"
            << tx;
        for (const auto* info : present) {
            load(relation_file(info->name));
            out << "  WITH line,\n";
            const char* lists[] = {"keys:evidence_keys:string[]",
                                   "documents:evidence_documents:string[]",
                                   "dates:evidence_dates:string[]",
                                   "sentences:evidence_sentences:string[]",
                                   "starts:evidence_starts:long[]",
                                   "ends:evidence_ends:long[]",
                                   "labels:evidence_labels:string[]",
                                   "confidences:evidence_confidences:double[]",
                                   "negated:evidence_negated:boolean[]",
                                   "hypothetical:evidence_hypothetical:boolean[]",
                                   "amounts:evidence_amounts:string[]",
                                   "roles:evidence_roles:string[]",
                                   "rules:evidence_rules:string[]"};
            bool first = true;
            for (std::string_view spec : lists) {
                const auto colon = spec.find(':');
                if (!first) out << ",\n";
                first = false;
                out << "    coalesce(split(line.";
                neo4j::write_cypher_identifier(out, spec.substr(colon + 1));
                out << ", '\\u001f'), []) AS " << spec.substr(0, colon);
            }
            out << "\n  WITH line, {key: line.`key:string`, ev: [i IN range(0, size(keys) - 1) | "
                   "{key: keys[i], document: coalesce(documents[i], ''), date: coalesce(dates[i], "
                   "''), sentence: coalesce(sentences[i], ''), start: toInteger(starts[i]), "
                   "end: toInteger(ends[i]), label: coalesce(labels[i], ''), "
                   "confidence: toFloat(confidences[i]), negated: negated[i] = 'true', "
                   "hypothetical: hypothetical[i] = 'true', amount: coalesce(amounts[i], ''), "
                   "role: coalesce(roles[i], ''), rule: coalesce(rules[i], '')}]} AS row\n"
                   "  MATCH (s:Entity {id: line.`:START_ID(Entity)`})\n"
                   "  MATCH (o:Entity {id: line.`:END_ID(Entity)`})\n"
                   "  MERGE (s)-[r:";
            neo4j::write_cypher_identifier(out, info->name);
            out << "]->(o)\n  SET r.key = row.key, r.symmetric = "
                << (info->symmetric ? "true" : "false") << '\n'
                << neo4j::relationship_evidence_merge() << '\n'
                << tx;
        }
        for (int t = 0; t < kEntityTypeCount; ++t) {
            load(entity_file(static_cast<EntityType>(t)));
            out << "  MATCH (e:Entity {id: line.`id:ID(Entity)`})\n"
                << neo4j::entity_aggregate_refresh() << '\n'
                << tx;
        }
    }
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_csv_exporter() {
    return std::make_unique<Neo4jCsvExporter>();
}

}  // namespace kgforge
