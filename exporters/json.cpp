// Node-link JSON: the shape networkx's node_link_data and ../shared/eval/score.py read,
// with documents and full evidence alongside.
#include "core/json_escape.hpp"
#include "exporters/exporters.hpp"

namespace kgforge {
namespace {

class JsonExporter final : public Exporter {
  public:
    std::string_view name() const override { return "json"; }
    std::string_view description() const override {
        return "node-link JSON (nodes, edges with evidence, documents)";
    }
    std::string_view default_file_name() const override { return "graph.json"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        auto str = [&](std::string_view key, std::string_view value) {
            write_json_string(out, key);
            out.put(':');
            write_json_string(out, value);
        };
        auto num = [&](std::string_view key, std::uint64_t value) {
            write_json_string(out, key);
            out.put(':');
            out.write_uint(value);
        };
        auto real = [&](std::string_view key, float value) {
            write_json_string(out, key);
            out.put(':');
            out.write_float(value);  // 0.7, not the double nearest the float (0.699999988...)
        };
        auto flag = [&](std::string_view key, bool value) {
            write_json_string(out, key);
            out.write(value ? ":true" : ":false");
        };
        // The attributes a relation and each of its evidence records share.
        auto attributes = [&](const auto& x) {
            real("confidence", x.confidence);
            out.put(',');
            str("amount", graph.text(x.amount));
            out.put(',');
            str("role", graph.text(x.role));
            out.put(',');
            flag("negated", x.negated);
            out.put(',');
            flag("hypothetical", x.hypothetical);
        };

        // several typed relations may join two entities: node-link readers must keep them all
        out << "{\"directed\":true,\"multigraph\":true,\"graph\":{";
        str("generator", options.generator);
        out.put(',');
        num("entity_count", entities.size());
        out.put(',');
        num("relation_count", graph.relations().size());
        out.put(',');
        num("document_count", documents.size());
        out << "},\n\"nodes\":[";
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const auto& e = entities[i];
            out << (i ? ",\n{" : "\n{");
            str("id", e.id);
            out.put(',');
            str("name", e.name);
            out.put(',');
            str("type", entity_type_name(e.type));
            out.put(',');
            str("label", entity_type_label(e.type));
            out.put(',');
            str("subtype", e.subtype);
            out << ",\"aliases\":[";
            for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                if (a) out.put(',');
                write_json_string(out, e.aliases[a]);
            }
            out << "],\"external_ids\":{";
            for (std::size_t x = 0; x < e.external_ids.size(); ++x) {
                if (x) out.put(',');
                str(e.external_ids[x].first, e.external_ids[x].second);
            }
            out << "},";
            num("mention_count", e.mention_count);
            out.put(',');
            num("document_count", e.document_count);
            out.put(',');
            str("first_date", e.first_date);
            out.put(',');
            str("last_date", e.last_date);
            out.put('}');
        }
        out << "],\n\"edges\":[";
        bool first_edge = true;
        for (const auto& r : graph.relations()) {
            out << (first_edge ? "\n{" : ",\n{");
            first_edge = false;
            str("id", graph.relation_id(r));
            out.put(',');
            str("source", entities[r.subject].id);
            out.put(',');
            str("target", entities[r.object].id);
            out.put(',');
            str("type", relation_type_name(r.type));
            out.put(',');
            flag("symmetric", is_symmetric(r.type));
            out.put(',');
            str("label", graph.text(r.label));
            out.put(',');
            num("weight", r.weight());
            out.put(',');
            attributes(r);
            out << ",\"evidence\":[";
            bool first_evidence = true;
            for (const auto& ev : graph.evidence(r)) {
                const auto& doc = documents[ev.document];
                out << (first_evidence ? "{" : ",{");
                first_evidence = false;
                str("document", doc.id);
                out.put(',');
                str("title", doc.title);
                out.put(',');
                str("date", doc.date);
                out.put(',');
                str("url", doc.url);
                out.put(',');
                str("sentence", graph.text(ev.sentence));
                out.put(',');
                num("start", ev.start);
                out.put(',');
                num("end", ev.end);
                out.put(',');
                str("label", graph.text(ev.label));
                out.put(',');
                attributes(ev);
                out.put(',');
                str("rule", graph.text(ev.rule));
                out.put('}');
            }
            out << "]}";
        }
        out << "],\n\"documents\":[";
        for (std::size_t d = 0; d < documents.size(); ++d) {
            const auto& doc = documents[d];
            out << (d ? ",\n{" : "\n{");
            str("id", doc.id);
            out.put(',');
            str("title", doc.title);
            out.put(',');
            str("date", doc.date);
            out.put(',');
            str("url", doc.url);
            out.put(',');
            str("source", doc.source);
            out << ",\"mentions\":[";
            for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
                out << (m ? ",{" : "{");
                str("entity", entities[doc.mentions[m].entity].id);
                out.put(',');
                num("count", doc.mentions[m].count);
                out.put('}');
            }
            out << "]}";
        }
        out << "]}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() {
    return std::make_unique<JsonExporter>();
}

}  // namespace kgforge
