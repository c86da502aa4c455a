#include "exporters/json_records.hpp"

#include "core/json_escape.hpp"

namespace kgforge::json_records {
namespace {

class ObjectWriter {
  public:
    explicit ObjectWriter(OutputStream& out) : out_(out) {}
    void str(std::string_view key, std::string_view value) {
        write_json_string(out_, key);
        out_.put(':');
        write_json_string(out_, value);
    }
    void num(std::string_view key, std::uint64_t value) {
        write_json_string(out_, key);
        out_.put(':');
        out_.write_uint(value);
    }
    void real(std::string_view key, float value) {
        write_json_string(out_, key);
        out_.put(':');
        out_.write_float(value);  // 0.7, not the double nearest the float (0.699999988...)
    }
    void flag(std::string_view key, bool value) {
        write_json_string(out_, key);
        out_.write(value ? ":true" : ":false");
    }
    // The attributes a relation and each of its evidence records share.
    template <typename T>
    void attributes(const KnowledgeGraph& graph, const T& x) {
        real("confidence", x.confidence);
        out_.put(',');
        str("amount", graph.text(x.amount));
        out_.put(',');
        str("role", graph.text(x.role));
        out_.put(',');
        flag("negated", x.negated);
        out_.put(',');
        flag("hypothetical", x.hypothetical);
    }

  private:
    OutputStream& out_;
};

}  // namespace

void write_node(const KnowledgeGraph&, const Entity& e, OutputStream& out) {
    ObjectWriter w(out);
    out.put('{');
    w.str("id", e.id);
    out.put(',');
    w.str("name", e.name);
    out.put(',');
    w.str("type", entity_type_name(e.type));
    out.put(',');
    w.str("label", entity_type_label(e.type));
    out.put(',');
    w.str("subtype", e.subtype);
    out << ",\"aliases\":[";
    for (std::size_t a = 0; a < e.aliases.size(); ++a) {
        if (a) out.put(',');
        write_json_string(out, e.aliases[a]);
    }
    out << "],\"external_ids\":{";
    for (std::size_t x = 0; x < e.external_ids.size(); ++x) {
        if (x) out.put(',');
        w.str(e.external_ids[x].first, e.external_ids[x].second);
    }
    out << "},";
    w.num("mention_count", e.mention_count);
    out.put(',');
    w.num("document_count", e.document_count);
    out.put(',');
    w.str("first_date", e.first_date);
    out.put(',');
    w.str("last_date", e.last_date);
    out.put('}');
}

void write_edge(const KnowledgeGraph& graph, const Relation& r, OutputStream& out) {
    const auto entities = graph.entities();
    const auto documents = graph.documents();
    ObjectWriter w(out);
    out.put('{');
    w.str("id", graph.relation_id(r));
    out.put(',');
    w.str("source", entities[r.subject].id);
    out.put(',');
    w.str("target", entities[r.object].id);
    out.put(',');
    w.str("type", relation_type_name(r.type));
    out.put(',');
    w.flag("symmetric", is_symmetric(r.type));
    out.put(',');
    w.str("label", graph.text(r.label));
    out.put(',');
    w.num("weight", r.weight());
    out.put(',');
    w.attributes(graph, r);
    out << ",\"evidence\":[";
    bool first_evidence = true;
    for (const auto& ev : graph.evidence(r)) {
        const auto& doc = documents[ev.document];
        out << (first_evidence ? "{" : ",{");
        first_evidence = false;
        w.str("document", doc.id);
        out.put(',');
        w.str("title", doc.title);
        out.put(',');
        w.str("date", doc.date);
        out.put(',');
        w.str("url", doc.url);
        out.put(',');
        w.str("sentence", graph.text(ev.sentence));
        out.put(',');
        w.num("start", ev.start);
        out.put(',');
        w.num("end", ev.end);
        out.put(',');
        w.str("label", graph.text(ev.label));
        out.put(',');
        w.attributes(graph, ev);
        out.put(',');
        w.str("rule", graph.text(ev.rule));
        out.put('}');
    }
    out << "]}";
}

void write_document(const KnowledgeGraph& graph, const DocumentNode& doc, OutputStream& out) {
    const auto entities = graph.entities();
    ObjectWriter w(out);
    out.put('{');
    w.str("id", doc.id);
    out.put(',');
    w.str("title", doc.title);
    out.put(',');
    w.str("date", doc.date);
    out.put(',');
    w.str("url", doc.url);
    out.put(',');
    w.str("source", doc.source);
    out << ",\"mentions\":[";
    for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
        out << (m ? ",{" : "{");
        w.str("entity", entities[doc.mentions[m].entity].id);
        out.put(',');
        w.num("count", doc.mentions[m].count);
        out.put('}');
    }
    out << "]}";
}

}  // namespace kgforge::json_records
