// GraphML for Gephi, yEd, networkx and igraph (mapping: docs/FORMATS-graphml-gexf.md).
// Every attribute is declared with a typed <key>; key ids are "v_<name>" / "e_<name>", never
// "dN" (Gephi reads d3/d7 as yEd labels). Empty strings are omitted (no <data>); numbers and
// booleans are always written.
#include <string>

#include "exporters/exporters.hpp"
#include "exporters/xml_escape.hpp"

namespace kgforge {
namespace {

struct Key {
    std::string_view id;
    std::string_view for_;
    std::string_view name;
    std::string_view type;
};

constexpr Key kNodeKeys[] = {
    {"v_label", "node", "label", "string"},
    {"v_name", "node", "name", "string"},
    {"v_type", "node", "type", "string"},
    {"v_subtype", "node", "subtype", "string"},
    {"v_aliases", "node", "aliases", "string"},
    {"v_wikidata", "node", "wikidata", "string"},
    {"v_mention_count", "node", "mention_count", "long"},
    {"v_document_count", "node", "document_count", "int"},
    {"v_first_date", "node", "first_date", "string"},
    {"v_last_date", "node", "last_date", "string"},
};
constexpr Key kDocumentKeys[] = {
    {"v_title", "node", "title", "string"},
    {"v_date", "node", "date", "string"},
    {"v_url", "node", "url", "string"},
    {"v_source", "node", "source", "string"},
};
constexpr Key kEdgeKeys[] = {
    {"e_label", "edge", "label", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_negated", "edge", "negated", "boolean"},
    {"e_hypothetical", "edge", "hypothetical", "boolean"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_amount", "edge", "amount", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_sentence", "edge", "sentence", "string"},
    {"e_document", "edge", "document", "string"},
};

constexpr std::string_view kDocumentPrefix = "document:";

void write_key(OutputStream& out, const Key& key) {
    out << "  <key id=\"";
    write_xml_escaped(out, key.id);
    out << "\" for=\"" << key.for_ << "\" attr.name=\"";
    write_xml_escaped(out, key.name);
    out << "\" attr.type=\"" << key.type << "\"/>\n";
}

class GraphmlExporter final : public Exporter {
  public:
    std::string_view name() const override { return "graphml"; }
    std::string_view description() const override {
        return "GraphML with typed keys (Gephi, yEd, networkx, igraph)";
    }
    std::string_view default_file_name() const override { return "graph.graphml"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        XmlValueWriter w(out, "</data>\n");

        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
        for (const auto& key : kNodeKeys) write_key(out, key);
        if (options.include_documents)
            for (const auto& key : kDocumentKeys) write_key(out, key);
        for (const auto& key : kEdgeKeys) write_key(out, key);
        out << "  <graph id=\"G\" edgedefault=\"directed\">\n";

        std::string aliases;
        for (const auto& e : entities) {
            out << "    <node id=\"";
            write_xml_id(out, e.id);
            out << "\">\n";
            w.text("      <data key=\"v_label\">", e.name);
            w.text("      <data key=\"v_name\">", e.name);
            w.text("      <data key=\"v_type\">", entity_type_name(e.type));
            w.text("      <data key=\"v_subtype\">", e.subtype);
            if (!e.aliases.empty()) w.text("      <data key=\"v_aliases\">", join_list(e.aliases));
            for (const auto& [scheme, value] : e.external_ids) {
                if (scheme == "wikidata") w.text("      <data key=\"v_wikidata\">", value);
            }
            w.uint("      <data key=\"v_mention_count\">", e.mention_count);
            w.uint("      <data key=\"v_document_count\">", e.document_count);
            w.text("      <data key=\"v_first_date\">", e.first_date);
            w.text("      <data key=\"v_last_date\">", e.last_date);
            out << "    </node>\n";
        }
        if (options.include_documents) {
            for (const auto& doc : documents) {
                out << "    <node id=\"";
                write_xml_id(out, kDocumentPrefix);
                write_xml_id(out, doc.id);
                out << "\">\n";
                w.text("      <data key=\"v_label\">", doc.title.empty() ? doc.id : doc.title);
                w.text("      <data key=\"v_name\">", doc.title);
                w.text("      <data key=\"v_type\">", "DOCUMENT");
                std::uint64_t mentions = 0;
                for (const auto& m : doc.mentions) mentions += m.count;
                w.uint("      <data key=\"v_mention_count\">", mentions);
                w.text("      <data key=\"v_first_date\">", doc.date);
                w.text("      <data key=\"v_last_date\">", doc.date);
                w.text("      <data key=\"v_title\">", doc.title);
                w.text("      <data key=\"v_date\">", doc.date);
                w.text("      <data key=\"v_url\">", doc.url);
                w.text("      <data key=\"v_source\">", doc.source);
                out << "    </node>\n";
            }
        }

        const auto relations = graph.relations();
        for (std::size_t ri = 0; ri < relations.size(); ++ri) {
            const auto& r = relations[ri];
            // Relations are sorted by subject; objects and evidence documents are random
            // accesses into large tables: fetch them a few edges ahead.
            if (ri + 16 < relations.size())
                __builtin_prefetch(&entities[relations[ri + 16].object]);
            if (ri + 8 < relations.size()) {
                __builtin_prefetch(entities[relations[ri + 8].object].id.data());
                const auto ahead = graph.evidence(relations[ri + 8]);
                if (!ahead.empty()) __builtin_prefetch(&documents[ahead.front().document]);
            }
            const auto& subject = entities[r.subject].id;
            const auto& object = entities[r.object].id;
            const auto type = relation_type_name(r.type);
            // The edge id is graph.relation_id(r), written piecewise (no allocation).
            out << "    <edge id=\"";
            write_xml_id(out, subject);
            out << '|' << type << '|';
            write_xml_id(out, object);
            out << "\" source=\"";
            write_xml_id(out, subject);
            out << "\" target=\"";
            write_xml_id(out, object);
            // Gephi's extension: the <edge label> attribute is the edge type ("kind"), so Gephi
            // keeps parallel edges of different relation types apart instead of merging them.
            out << "\" label=\"" << type << "\">\n";
            const auto label = graph.text(r.label);
            w.text("      <data key=\"e_label\">", label.empty() ? type : label);
            w.text("      <data key=\"e_type\">", type);
            w.real("      <data key=\"e_weight\">", static_cast<float>(r.weight()));
            w.real("      <data key=\"e_confidence\">", r.confidence);
            w.flag("      <data key=\"e_negated\">", r.negated);
            w.flag("      <data key=\"e_hypothetical\">", r.hypothetical);
            w.flag("      <data key=\"e_symmetric\">", is_symmetric(r.type));
            w.text("      <data key=\"e_amount\">", graph.text(r.amount));
            w.text("      <data key=\"e_role\">", graph.text(r.role));
            w.uint("      <data key=\"e_evidence_count\">", r.evidence_count);
            const auto evidence = graph.evidence(r);
            // Evidence is ordered by document, documents by (date, id): undated first.
            std::string_view first_date, last_date;
            for (const auto& ev : evidence) {
                const auto& date = documents[ev.document].date;
                if (date.empty()) continue;
                if (first_date.empty()) first_date = date;
                last_date = date;
            }
            w.text("      <data key=\"e_first_date\">", first_date);
            w.text("      <data key=\"e_last_date\">", last_date);
            if (!evidence.empty()) {
                w.text("      <data key=\"e_sentence\">", graph.text(evidence.front().sentence));
                w.text("      <data key=\"e_document\">", documents[evidence.front().document].id);
            }
            out << "    </edge>\n";
        }
        if (options.include_documents) {
            for (const auto& doc : documents) {
                for (const auto& m : doc.mentions) {
                    const auto& entity = entities[m.entity].id;
                    out << "    <edge id=\"";
                    write_xml_id(out, kDocumentPrefix);
                    write_xml_id(out, doc.id);
                    out << "|MENTIONS|";
                    write_xml_id(out, entity);
                    out << "\" source=\"";
                    write_xml_id(out, kDocumentPrefix);
                    write_xml_id(out, doc.id);
                    out << "\" target=\"";
                    write_xml_id(out, entity);
                    out << "\" label=\"MENTIONS\">\n";
                    w.text("      <data key=\"e_label\">", "MENTIONS");
                    w.text("      <data key=\"e_type\">", "MENTIONS");
                    w.real("      <data key=\"e_weight\">", static_cast<float>(m.count));
                    w.uint("      <data key=\"e_evidence_count\">", m.count);
                    w.text("      <data key=\"e_first_date\">", doc.date);
                    w.text("      <data key=\"e_last_date\">", doc.date);
                    w.text("      <data key=\"e_document\">", doc.id);
                    out << "    </edge>\n";
                }
            }
        }
        out << "  </graph>\n</graphml>\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_graphml_exporter() {
    return std::make_unique<GraphmlExporter>();
}

}  // namespace kgforge
