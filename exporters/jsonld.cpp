// JSON-LD 1.1 for linked-data consumers: schema.org types, absolute IRIs under
// ExportOptions::base_iri, each relation as a direct kg: property (when asserted) and an
// rdf:Statement node with its evidence and PROV-O provenance. The @context is embedded in
// every file, so no remote context is fetched (docs/FORMATS-neo4j-jsonld.md).
#include <algorithm>

#include "core/json_escape.hpp"
#include "exporters/cypher_escape.hpp"
#include "exporters/exporters.hpp"
#include "exporters/jsonld.hpp"
#include "kgforge/error.hpp"

namespace kgforge {

// Must equal schema/context.jsonld byte for byte (a unit test checks it). Change both
// together and bump the version in "kg" and kJsonLdContextVersion when terms change meaning.
const std::string_view kJsonLdContext = R"KGCTX({
  "@context": {
    "@version": 1.1,
    "schema": "https://schema.org/",
    "kg": "https://kgforge.org/vocab/v1#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "contextVersion": "kg:contextVersion",
    "Dataset": "schema:Dataset",
    "Entity": "kg:Entity",
    "Person": "schema:Person",
    "Organization": "schema:Organization",
    "GovernmentOrganization": "schema:GovernmentOrganization",
    "Corporation": "schema:Corporation",
    "NewsMediaOrganization": "schema:NewsMediaOrganization",
    "PoliticalParty": "schema:PoliticalParty",
    "Country": "schema:Country",
    "Place": "schema:Place",
    "City": "schema:City",
    "AdministrativeArea": "schema:AdministrativeArea",
    "NewsArticle": "schema:NewsArticle",
    "Statement": "rdf:Statement",
    "Evidence": "kg:Evidence",
    "name": "schema:name",
    "alternateName": "schema:alternateName",
    "identifier": "schema:identifier",
    "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
    "headline": "schema:headline",
    "datePublished": {"@id": "schema:datePublished", "@type": "xsd:date"},
    "url": {"@id": "schema:url", "@type": "@id"},
    "mentions": {"@id": "schema:mentions", "@type": "@id"},
    "generator": "kg:generator",
    "entityCount": {"@id": "kg:entityCount", "@type": "xsd:integer"},
    "relationCount": {"@id": "kg:relationCount", "@type": "xsd:integer"},
    "documentCount": {"@id": "kg:documentCount", "@type": "xsd:integer"},
    "mentionCount": {"@id": "kg:mentionCount", "@type": "xsd:integer"},
    "subtype": "kg:subtype",
    "externalId": "kg:externalId",
    "firstDate": {"@id": "kg:firstDate", "@type": "xsd:date"},
    "lastDate": {"@id": "kg:lastDate", "@type": "xsd:date"},
    "dateText": "kg:dateText",
    "urlText": "kg:urlText",
    "source": "kg:source",
    "subject": {"@id": "rdf:subject", "@type": "@id"},
    "predicate": {"@id": "rdf:predicate", "@type": "@id"},
    "object": {"@id": "rdf:object", "@type": "@id"},
    "relationType": "kg:relationType",
    "symmetric": {"@id": "kg:symmetric", "@type": "xsd:boolean"},
    "weight": {"@id": "kg:weight", "@type": "xsd:integer"},
    "label": "kg:label",
    "confidence": {"@id": "kg:confidence", "@type": "xsd:decimal"},
    "amount": "kg:amount",
    "role": "kg:role",
    "negated": {"@id": "kg:negated", "@type": "xsd:boolean"},
    "hypothetical": {"@id": "kg:hypothetical", "@type": "xsd:boolean"},
    "evidence": {"@id": "kg:evidence", "@type": "@id", "@container": "@set"},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "sentence": "kg:sentence",
    "startOffset": {"@id": "kg:startOffset", "@type": "xsd:integer"},
    "endOffset": {"@id": "kg:endOffset", "@type": "xsd:integer"},
    "date": {"@id": "kg:date", "@type": "xsd:date"},
    "rule": "kg:rule",
    "ASSURED": {"@id": "kg:ASSURED", "@type": "@id"},
    "SIGNED_AGREEMENT_WITH": {"@id": "kg:SIGNED_AGREEMENT_WITH", "@type": "@id"},
    "NEGOTIATES_WITH": {"@id": "kg:NEGOTIATES_WITH", "@type": "@id"},
    "MET_WITH": {"@id": "kg:MET_WITH", "@type": "@id"},
    "VISITED": {"@id": "kg:VISITED", "@type": "@id"},
    "COOPERATES_WITH": {"@id": "kg:COOPERATES_WITH", "@type": "@id"},
    "TRADES_WITH": {"@id": "kg:TRADES_WITH", "@type": "@id"},
    "SUPPORTS": {"@id": "kg:SUPPORTS", "@type": "@id"},
    "CRITICIZES": {"@id": "kg:CRITICIZES", "@type": "@id"},
    "SANCTIONS": {"@id": "kg:SANCTIONS", "@type": "@id"},
    "THREATENS": {"@id": "kg:THREATENS", "@type": "@id"},
    "ATTACKED": {"@id": "kg:ATTACKED", "@type": "@id"},
    "ACQUIRED": {"@id": "kg:ACQUIRED", "@type": "@id"},
    "INVESTS_IN": {"@id": "kg:INVESTS_IN", "@type": "@id"},
    "AIDS": {"@id": "kg:AIDS", "@type": "@id"},
    "LEGAL_ACTION_AGAINST": {"@id": "kg:LEGAL_ACTION_AGAINST", "@type": "@id"},
    "AFFILIATED_WITH": {"@id": "kg:AFFILIATED_WITH", "@type": "@id"},
    "PART_OF": {"@id": "kg:PART_OF", "@type": "@id"},
    "LOCATED_IN": {"@id": "kg:LOCATED_IN", "@type": "@id"}
  }
}
)KGCTX";
const std::string_view kJsonLdContextVersion = "1";

namespace {

// A-Z a-z 0-9 - . _ ~ : as a table: IRIs of millions of entities are encoded per byte.
struct UnreservedTable {
    bool keep[256] = {};
    constexpr UnreservedTable() {
        for (int c = 'a'; c <= 'z'; ++c) keep[c] = true;
        for (int c = 'A'; c <= 'Z'; ++c) keep[c] = true;
        for (int c = '0'; c <= '9'; ++c) keep[c] = true;
        for (const char c : {'-', '.', '_', '~', ':'}) keep[static_cast<unsigned char>(c)] = true;
    }
};
constexpr UnreservedTable kUnreserved;

bool is_unreserved(unsigned char c) { return kUnreserved.keep[c]; }

}  // namespace

void append_iri_segment(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_unreserved(c)) continue;
        out.append(text.substr(run, i - run));
        const char escape[3] = {'%', kHex[c >> 4], kHex[c & 0xf]};
        out.append(escape, 3);
        run = i + 1;
    }
    out.append(text.substr(run));
}

std::string iri_segment(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_iri_segment(out, text);
    return out;
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    // A real calendar day: "2024-02-30" is not an xsd:date, and RDF tools reject it.
    const int year =
        (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_absolute_iri(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = text[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool ok =
            alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok) return false;
    }
    if (colon + 1 == text.size()) return false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
            c == '|' || c == '\\' || c == '^' || c == '`')
            return false;
    }
    return true;
}

bool is_wikidata_item(std::string_view value) {
    if (value.size() < 2 || value[0] != 'Q') return false;
    return std::all_of(value.begin() + 1, value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view schema_class(const Entity& e) {
    switch (e.type) {
        case EntityType::Person:
            return "Person";
        case EntityType::Country:
            return "Country";
        case EntityType::Organization:
            if (e.subtype == "GovernmentOrganization") return "GovernmentOrganization";
            if (e.subtype == "Company") return "Corporation";
            if (e.subtype == "MediaOrganization") return "NewsMediaOrganization";
            if (e.subtype == "PoliticalParty") return "PoliticalParty";
            return "Organization";
        case EntityType::Location:
            if (e.subtype == "City") return "City";
            if (e.subtype == "Region") return "AdministrativeArea";
            return "Place";
    }
    return "Place";
}

std::string linked_data_base_iri(const ExportOptions& options) {
    std::string base = options.base_iri;
    if (!is_absolute_iri(base)) {
        throw Error(
            ErrorKind::InvalidArgument,
            "base IRI '" + base + "' is not an absolute IRI (e.g. https://example.org/id/)");
    }
    if (base.back() != '/' && base.back() != '#') base += '/';
    return base;
}

namespace {

class JsonLdExporter final : public Exporter {
  public:
    std::string_view name() const override { return "jsonld"; }
    std::string_view description() const override {
        return "JSON-LD 1.1 linked data (schema.org, PROV-O provenance, embedded context)";
    }
    std::string_view default_file_name() const override { return "graph.jsonld"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               OutputStream& out) const override {
        const std::string base = linked_data_base_iri(options);
        const auto entities = graph.entities();
        const auto documents = graph.documents();
        const auto relations = graph.relations();

        std::vector<std::string> entity_iris;
        entity_iris.reserve(entities.size());
        for (const auto& e : entities) entity_iris.push_back(base + "entity/" + iri_segment(e.id));
        std::vector<std::string> document_iris;
        document_iris.reserve(documents.size());
        for (const auto& d : documents)
            document_iris.push_back(base + "document/" + iri_segment(d.id));

        auto key = [&](std::string_view k) {
            write_json_string(out, k);
            out.put(':');
        };
        auto str = [&](std::string_view k, std::string_view value) {
            out.put(',');
            key(k);
            write_json_string(out, value);
        };
        auto opt = [&](std::string_view k, std::string_view value) {
            if (!value.empty()) str(k, value);
        };
        auto num = [&](std::string_view k, std::uint64_t value) {
            out.put(',');
            key(k);
            out.write_uint(value);
        };
        auto flag = [&](std::string_view k, bool value) {
            out.put(',');
            key(k);
            out.write(value ? "true" : "false");
        };
        auto date = [&](std::string_view k, std::string_view text_key, std::string_view value) {
            if (is_iso_date(value)) {
                str(k, value);
            } else if (!text_key.empty()) {
                opt(text_key, value);
            }
        };

        // The context file without its closing brace, then the graph.
        auto context = kJsonLdContext;
        context = context.substr(0, context.rfind('}'));
        while (!context.empty() && (context.back() == '\n' || context.back() == ' '))
            context.remove_suffix(1);
        out << context << ",\n  \"@graph\": [\n{";
        key("@id");
        write_json_string(out, base);
        str("@type", "Dataset");
        str("contextVersion", kJsonLdContextVersion);
        str("generator", options.generator);
        num("entityCount", entities.size());
        num("relationCount", relations.size());
        num("documentCount", documents.size());
        out.put('}');

        std::size_t next_relation = 0;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const auto& e = entities[i];
            out << ",\n{";
            key("@id");
            write_json_string(out, entity_iris[i]);
            out << ",\"@type\":[\"Entity\",";
            write_json_string(out, schema_class(e));
            out.put(']');
            str("identifier", e.id);
            str("name", e.name);
            if (!e.aliases.empty()) {
                out << ",\"alternateName\":[";
                for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                    if (a) out.put(',');
                    write_json_string(out, e.aliases[a]);
                }
                out.put(']');
            }
            opt("subtype", e.subtype);
            std::vector<std::string> same_as, other_ids;
            for (const auto& [scheme, value] : e.external_ids) {
                if (scheme == "wikidata" && is_wikidata_item(value)) {
                    same_as.push_back("http://www.wikidata.org/entity/" + std::string(value));
                } else {
                    other_ids.push_back(std::string(scheme) + ":" + std::string(value));
                }
            }
            if (!same_as.empty()) str("sameAs", same_as.front());
            if (!other_ids.empty()) {
                out << ",\"externalId\":[";
                for (std::size_t x = 0; x < other_ids.size(); ++x) {
                    if (x) out.put(',');
                    write_json_string(out, other_ids[x]);
                }
                out.put(']');
            }
            num("mentionCount", e.mention_count);
            num("documentCount", e.document_count);
            date("firstDate", "", e.first_date);
            date("lastDate", "", e.last_date);
            // Direct properties: the asserted relations (not negated, not hypothetical)
            // with this subject. Relations are sorted by (subject, type, object).
            while (next_relation < relations.size() && relations[next_relation].subject < i)
                ++next_relation;
            std::size_t r = next_relation;
            while (r < relations.size() && relations[r].subject == i) {
                const auto type = relations[r].type;
                bool open = false;
                for (;
                     r < relations.size() && relations[r].subject == i && relations[r].type == type;
                     ++r) {
                    const auto& rel = relations[r];
                    if (rel.negated || rel.hypothetical) continue;
                    if (!open) {
                        out.put(',');
                        key(relation_type_name(type));
                        out.put('[');
                        open = true;
                    } else {
                        out.put(',');
                    }
                    write_json_string(out, entity_iris[rel.object]);
                }
                if (open) out.put(']');
            }
            out.put('}');
        }

        for (std::size_t d = 0; d < documents.size(); ++d) {
            const auto& doc = documents[d];
            out << ",\n{";
            key("@id");
            write_json_string(out, document_iris[d]);
            str("@type", "NewsArticle");
            str("identifier", doc.id);
            opt("headline", doc.title);
            date("datePublished", "dateText", doc.date);
            if (is_absolute_iri(doc.url)) {
                str("url", doc.url);
            } else {
                opt("urlText", doc.url);
            }
            opt("source", doc.source);
            if (!doc.mentions.empty()) {
                out << ",\"mentions\":[";
                for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
                    if (m) out.put(',');
                    write_json_string(out, entity_iris[doc.mentions[m].entity]);
                }
                out.put(']');
            }
            out.put('}');
        }

        std::vector<DocumentIndex> sources;
        for (const auto& rel : relations) {
            const auto type_name = relation_type_name(rel.type);
            const auto statement = base + "statement/" + iri_segment(graph.relation_id(rel));
            out << ",\n{";
            key("@id");
            write_json_string(out, statement);
            str("@type", "Statement");
            str("subject", entity_iris[rel.subject]);
            str("predicate", "kg:" + std::string(type_name));
            str("object", entity_iris[rel.object]);
            str("relationType", type_name);
            flag("symmetric", is_symmetric(rel.type));
            num("weight", rel.weight());
            opt("label", graph.text(rel.label));
            str("confidence", neo4j::float_text(rel.confidence));
            opt("amount", graph.text(rel.amount));
            opt("role", graph.text(rel.role));
            flag("negated", rel.negated);
            flag("hypothetical", rel.hypothetical);
            const auto evidence = graph.evidence(rel);
            sources.clear();
            for (const auto& ev : evidence) sources.push_back(ev.document);
            std::sort(sources.begin(), sources.end());
            sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
            out << ",\"wasDerivedFrom\":[";
            for (std::size_t s = 0; s < sources.size(); ++s) {
                if (s) out.put(',');
                write_json_string(out, document_iris[sources[s]]);
            }
            out << "],\"evidence\":[";
            const auto keys = neo4j::evidence_keys(graph, rel);
            for (std::size_t n = 0; n < evidence.size(); ++n) {
                const auto& ev = evidence[n];
                out << (n ? ",\n  {" : "\n  {");
                key("@id");
                write_json_string(out, statement + "/evidence/" + iri_segment(keys[n]));
                str("@type", "Evidence");
                str("wasDerivedFrom", document_iris[ev.document]);
                str("sentence", graph.text(ev.sentence));
                num("startOffset", ev.start);
                num("endOffset", ev.end);
                date("date", "", documents[ev.document].date);
                opt("label", graph.text(ev.label));
                str("confidence", neo4j::float_text(ev.confidence));
                flag("negated", ev.negated);
                flag("hypothetical", ev.hypothetical);
                opt("amount", graph.text(ev.amount));
                opt("role", graph.text(ev.role));
                opt("rule", graph.text(ev.rule));
                out.put('}');
            }
            out << "]}";
        }
        out << "\n]}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonld_exporter() {
    return std::make_unique<JsonLdExporter>();
}

}  // namespace kgforge
