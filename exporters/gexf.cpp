// GEXF 1.3, Gephi's own format (mapping: docs/FORMATS-graphml-gexf.md). A dynamic graph
// with timeformat="date": nodes live from their first to their last article date, edges
// carry one <spell> per distinct evidence date, so Gephi's timeline follows the articles.
// Elements without a (valid) date are static. lastmodifieddate is the newest document date,
// never the clock, so output is deterministic.
#include <array>
#include <string>

#include "exporters/exporters.hpp"
#include "exporters/xml_escape.hpp"

namespace kgforge {
namespace {

struct Attribute {
    std::string_view id;
    std::string_view title;
    std::string_view type;
};

constexpr Attribute kNodeAttributes[] = {
    {"v_name", "name", "string"},
    {"v_type", "type", "string"},
    {"v_subtype", "subtype", "string"},
    {"v_aliases", "aliases", "string"},
    {"v_wikidata", "wikidata", "string"},
    {"v_mention_count", "mention_count", "long"},
    {"v_document_count", "document_count", "integer"},
    {"v_first_date", "first_date", "string"},
    {"v_last_date", "last_date", "string"},
};
constexpr Attribute kDocumentAttributes[] = {
    {"v_title", "title", "string"},
    {"v_date", "date", "string"},
    {"v_url", "url", "string"},
    {"v_source", "source", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"e_type", "type", "string"},
    {"e_phrase", "phrase", "string"},
    {"e_confidence", "confidence", "double"},
    {"e_negated", "negated", "boolean"},
    {"e_hypothetical", "hypothetical", "boolean"},
    {"e_symmetric", "symmetric", "boolean"},
    {"e_amount", "amount", "string"},
    {"e_role", "role", "string"},
    {"e_evidence_count", "evidence_count", "integer"},
    {"e_first_date", "first_date", "string"},
    {"e_last_date", "last_date", "string"},
    {"e_sentence", "sentence", "string"},
    {"e_document", "document", "string"},
};

// viz:color by entity type (Tableau 10 palette); documents are grey.
constexpr std::array<std::string_view, kEntityTypeCount> kEntityColors = {
    "r=\"31\" g=\"119\" b=\"180\"",  // PERSON: blue
    "r=\"255\" g=\"127\" b=\"14\"",  // ORGANIZATION: orange
    "r=\"44\" g=\"160\" b=\"44\"",   // COUNTRY: green
    "r=\"214\" g=\"39\" b=\"40\"",   // LOCATION: red
};
constexpr std::string_view kDocumentColor = "r=\"127\" g=\"127\" b=\"127\"";
constexpr std::string_view kDocumentPrefix = "document:";

void write_attributes(OutputStream& out, std::string_view cls,
                      std::initializer_list<std::span<const Attribute>> groups) {
    out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
    for (const auto& group : groups) {
        for (const auto& a : group) {
            out << "      <attribute id=\"";
            write_xml_escaped(out, a.id);
            out << "\" title=\"";
            write_xml_escaped(out, a.title);
            out << "\" type=\"" << a.type << "\"/>\n";
        }
    }
    out << "    </attributes>\n";
}

// start/end attributes of a node dated from `first` to `last` (either may be invalid).
void write_node_interval(OutputStream& out, std::string_view first, std::string_view last) {
    auto start = xml_date(first);
    auto end = xml_date(last);
    if (start.empty()) start = end;
    if (end.empty()) end = start;
    if (start.empty()) return;
    out << " start=\"" << start << "\" end=\"" << end << '"';
}

class GexfExporter final : public Exporter {
  public:
    std::string_view name() const override { return "gexf"; }
    std::string_view description() const override {
        return "GEXF 1.3 for Gephi (typed attributes, colours by type, timeline by article date)";
    }
    std::string_view default_file_name() const override { return "graph.gexf"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        XmlValueWriter w(out, "\"/>\n");

        std::string_view newest;
        for (auto it = documents.rbegin(); it != documents.rend() && newest.empty(); ++it)
            newest = xml_date(it->date);

        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
               "version=\"1.3\">\n";
        out << "  <meta";
        if (!newest.empty()) out << " lastmodifieddate=\"" << newest << '"';
        out << ">\n    <creator>";
        write_xml_escaped(out, options.generator);
        out << "</creator>\n    <description>knowledge graph: ";
        out.write_uint(entities.size());
        out << " entities, ";
        out.write_uint(graph.relations().size());
        out << " relations, ";
        out.write_uint(documents.size());
        out << " documents</description>\n  </meta>\n";
        out << "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
        if (options.include_documents)
            write_attributes(out, "node", {kNodeAttributes, kDocumentAttributes});
        else
            write_attributes(out, "node", {kNodeAttributes});
        write_attributes(out, "edge", {kEdgeAttributes});

        out << "    <nodes>\n";
        for (const auto& e : entities) {
            out << "      <node id=\"";
            write_xml_id(out, e.id);
            out << "\" label=\"";
            write_xml_escaped(out, e.name);
            out << '"';
            write_node_interval(out, e.first_date, e.last_date);
            out << ">\n        <attvalues>\n";
            w.text("          <attvalue for=\"v_name\" value=\"", e.name);
            w.text("          <attvalue for=\"v_type\" value=\"", entity_type_name(e.type));
            w.text("          <attvalue for=\"v_subtype\" value=\"", e.subtype);
            if (!e.aliases.empty())
                w.text("          <attvalue for=\"v_aliases\" value=\"", join_list(e.aliases));
            for (const auto& [scheme, value] : e.external_ids) {
                if (scheme == "wikidata")
                    w.text("          <attvalue for=\"v_wikidata\" value=\"", value);
            }
            w.uint("          <attvalue for=\"v_mention_count\" value=\"", e.mention_count);
            w.uint("          <attvalue for=\"v_document_count\" value=\"", e.document_count);
            w.text("          <attvalue for=\"v_first_date\" value=\"", e.first_date);
            w.text("          <attvalue for=\"v_last_date\" value=\"", e.last_date);
            out << "        </attvalues>\n        <viz:color "
                << kEntityColors[static_cast<std::size_t>(e.type)]
                << " a=\"1.0\"/>\n      </node>\n";
        }
        if (options.include_documents) {
            for (const auto& doc : documents) {
                out << "      <node id=\"";
                write_xml_id(out, kDocumentPrefix);
                write_xml_id(out, doc.id);
                out << "\" label=\"";
                write_xml_escaped(out, doc.title.empty() ? doc.id : doc.title);
                out << '"';
                write_node_interval(out, doc.date, doc.date);
                out << ">\n        <attvalues>\n";
                w.text("          <attvalue for=\"v_name\" value=\"", doc.title);
                w.text("          <attvalue for=\"v_type\" value=\"", "DOCUMENT");
                std::uint64_t mentions = 0;
                for (const auto& m : doc.mentions) mentions += m.count;
                w.uint("          <attvalue for=\"v_mention_count\" value=\"", mentions);
                w.text("          <attvalue for=\"v_first_date\" value=\"", doc.date);
                w.text("          <attvalue for=\"v_last_date\" value=\"", doc.date);
                w.text("          <attvalue for=\"v_title\" value=\"", doc.title);
                w.text("          <attvalue for=\"v_date\" value=\"", doc.date);
                w.text("          <attvalue for=\"v_url\" value=\"", doc.url);
                w.text("          <attvalue for=\"v_source\" value=\"", doc.source);
                out << "        </attvalues>\n        <viz:color " << kDocumentColor
                    << " a=\"1.0\"/>\n      </node>\n";
            }
        }
        out << "    </nodes>\n    <edges>\n";

        for (const auto& r : graph.relations()) {
            const auto& subject = entities[r.subject].id;
            const auto& object = entities[r.object].id;
            const auto type = relation_type_name(r.type);
            const auto phrase = graph.text(r.label);
            out << "      <edge id=\"";
            write_xml_id(out, subject);
            out << '|' << type << '|';
            write_xml_id(out, object);
            out << "\" source=\"";
            write_xml_id(out, subject);
            out << "\" target=\"";
            write_xml_id(out, object);
            out << "\" kind=\"" << type << "\" label=\"";
            write_xml_escaped(out, phrase.empty() ? type : phrase);
            out << "\" weight=\"";
            write_xml_float(out, static_cast<float>(r.weight()));
            out << "\">\n        <attvalues>\n";
            w.text("          <attvalue for=\"e_type\" value=\"", type);
            w.text("          <attvalue for=\"e_phrase\" value=\"", phrase);
            w.real("          <attvalue for=\"e_confidence\" value=\"", r.confidence);
            w.flag("          <attvalue for=\"e_negated\" value=\"", r.negated);
            w.flag("          <attvalue for=\"e_hypothetical\" value=\"", r.hypothetical);
            w.flag("          <attvalue for=\"e_symmetric\" value=\"", is_symmetric(r.type));
            w.text("          <attvalue for=\"e_amount\" value=\"", graph.text(r.amount));
            w.text("          <attvalue for=\"e_role\" value=\"", graph.text(r.role));
            w.uint("          <attvalue for=\"e_evidence_count\" value=\"", r.evidence_count);
            const auto evidence = graph.evidence(r);
            std::string_view first_date, last_date;
            bool dated = false;
            for (const auto& ev : evidence) {
                const auto& date = documents[ev.document].date;
                if (date.empty()) continue;
                if (first_date.empty()) first_date = date;
                last_date = date;
                if (!xml_date(date).empty()) dated = true;
            }
            w.text("          <attvalue for=\"e_first_date\" value=\"", first_date);
            w.text("          <attvalue for=\"e_last_date\" value=\"", last_date);
            if (!evidence.empty()) {
                w.text("          <attvalue for=\"e_sentence\" value=\"",
                       graph.text(evidence.front().sentence));
                w.text("          <attvalue for=\"e_document\" value=\"",
                       documents[evidence.front().document].id);
            }
            out << "        </attvalues>\n";
            if (dated) {
                // Evidence is ordered by document and documents by date: equal dates are
                // adjacent, so one spell per distinct date needs no set.
                out << "        <spells>\n";
                std::string_view previous;
                for (const auto& ev : evidence) {
                    const auto date = xml_date(documents[ev.document].date);
                    if (date.empty() || date == previous) continue;
                    previous = date;
                    out << "          <spell start=\"" << date << "\" end=\"" << date << "\"/>\n";
                }
                out << "        </spells>\n";
            }
            out << "      </edge>\n";
        }
        if (options.include_documents) {
            for (const auto& doc : documents) {
                const auto date = xml_date(doc.date);
                for (const auto& m : doc.mentions) {
                    const auto& entity = entities[m.entity].id;
                    out << "      <edge id=\"";
                    write_xml_id(out, kDocumentPrefix);
                    write_xml_id(out, doc.id);
                    out << "|MENTIONS|";
                    write_xml_id(out, entity);
                    out << "\" source=\"";
                    write_xml_id(out, kDocumentPrefix);
                    write_xml_id(out, doc.id);
                    out << "\" target=\"";
                    write_xml_id(out, entity);
                    out << "\" kind=\"MENTIONS\" label=\"MENTIONS\" weight=\"";
                    write_xml_float(out, static_cast<float>(m.count));
                    out << '"';
                    if (!date.empty()) out << " start=\"" << date << "\" end=\"" << date << '"';
                    out << ">\n        <attvalues>\n";
                    w.text("          <attvalue for=\"e_type\" value=\"", "MENTIONS");
                    w.uint("          <attvalue for=\"e_evidence_count\" value=\"", m.count);
                    w.text("          <attvalue for=\"e_first_date\" value=\"", doc.date);
                    w.text("          <attvalue for=\"e_last_date\" value=\"", doc.date);
                    w.text("          <attvalue for=\"e_document\" value=\"", doc.id);
                    out << "        </attvalues>\n      </edge>\n";
                }
            }
        }
        out << "    </edges>\n  </graph>\n</gexf>\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_gexf_exporter() {
    return std::make_unique<GexfExporter>();
}

}  // namespace kgforge
