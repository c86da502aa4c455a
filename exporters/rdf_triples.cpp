#include "exporters/rdf_triples.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "exporters/cypher_escape.hpp"
#include "exporters/jsonld.hpp"

namespace kgforge {

namespace {

constexpr std::array<RdfPrefix, 10> kPrefixes = {{
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"schema", "https://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"kg", "https://kgforge.org/vocab/v1#"},
    {"void", "http://rdfs.org/ns/void#"},
    {"dcat", "http://www.w3.org/ns/dcat#"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"foaf", "http://xmlns.com/foaf/0.1/"},
}};

#define KG_SCHEMA(name)                            \
    RdfIri {                                       \
        "https://schema.org/" name, "schema:" name \
    }
#define KG_VOCAB(name)                                   \
    RdfIri {                                             \
        "https://kgforge.org/vocab/v1#" name, "kg:" name \
    }

constexpr RdfIri kDataset = KG_SCHEMA("Dataset");
constexpr RdfIri kNewsArticle = KG_SCHEMA("NewsArticle");
constexpr RdfIri kName = KG_SCHEMA("name");
constexpr RdfIri kAlternateName = KG_SCHEMA("alternateName");
constexpr RdfIri kIdentifier = KG_SCHEMA("identifier");
constexpr RdfIri kSameAs = KG_SCHEMA("sameAs");
constexpr RdfIri kHeadline = KG_SCHEMA("headline");
constexpr RdfIri kDatePublished = KG_SCHEMA("datePublished");
constexpr RdfIri kUrl = KG_SCHEMA("url");
constexpr RdfIri kMentions = KG_SCHEMA("mentions");

constexpr RdfIri kEntity = KG_VOCAB("Entity");
constexpr RdfIri kEvidenceClass = KG_VOCAB("Evidence");
constexpr RdfIri kContextVersion = KG_VOCAB("contextVersion");
constexpr RdfIri kGenerator = KG_VOCAB("generator");
constexpr RdfIri kEntityCount = KG_VOCAB("entityCount");
constexpr RdfIri kRelationCount = KG_VOCAB("relationCount");
constexpr RdfIri kDocumentCount = KG_VOCAB("documentCount");
constexpr RdfIri kMentionCount = KG_VOCAB("mentionCount");
constexpr RdfIri kSubtype = KG_VOCAB("subtype");
constexpr RdfIri kExternalId = KG_VOCAB("externalId");
constexpr RdfIri kFirstDate = KG_VOCAB("firstDate");
constexpr RdfIri kLastDate = KG_VOCAB("lastDate");
constexpr RdfIri kDateText = KG_VOCAB("dateText");
constexpr RdfIri kUrlText = KG_VOCAB("urlText");
constexpr RdfIri kSource = KG_VOCAB("source");
constexpr RdfIri kRelationType = KG_VOCAB("relationType");
constexpr RdfIri kSymmetric = KG_VOCAB("symmetric");
constexpr RdfIri kWeight = KG_VOCAB("weight");
constexpr RdfIri kLabel = KG_VOCAB("label");
constexpr RdfIri kConfidence = KG_VOCAB("confidence");
constexpr RdfIri kAmount = KG_VOCAB("amount");
constexpr RdfIri kRole = KG_VOCAB("role");
constexpr RdfIri kNegated = KG_VOCAB("negated");
constexpr RdfIri kHypothetical = KG_VOCAB("hypothetical");
constexpr RdfIri kEvidence = KG_VOCAB("evidence");
constexpr RdfIri kSentence = KG_VOCAB("sentence");
constexpr RdfIri kStartOffset = KG_VOCAB("startOffset");
constexpr RdfIri kEndOffset = KG_VOCAB("endOffset");
constexpr RdfIri kDate = KG_VOCAB("date");
constexpr RdfIri kRule = KG_VOCAB("rule");
constexpr RdfIri kWasDerivedFrom{"http://www.w3.org/ns/prov#wasDerivedFrom", "prov:wasDerivedFrom"};

constexpr std::array<RdfIri, 10> kSchemaClasses = {{
    KG_SCHEMA("Person"),
    KG_SCHEMA("Organization"),
    KG_SCHEMA("GovernmentOrganization"),
    KG_SCHEMA("Corporation"),
    KG_SCHEMA("NewsMediaOrganization"),
    KG_SCHEMA("PoliticalParty"),
    KG_SCHEMA("Country"),
    KG_SCHEMA("Place"),
    KG_SCHEMA("City"),
    KG_SCHEMA("AdministrativeArea"),
}};

#undef KG_SCHEMA
#undef KG_VOCAB

const RdfIri& schema_class_iri(const Entity& entity) {
    const auto term = schema_class(entity);
    for (const auto& iri : kSchemaClasses)
        if (iri.prefixed.substr(7) == term) return iri;
    return kSchemaClasses[7];  // schema:Place, as schema_class's own fallback
}

// kg:ASSURED, ... one predicate per relation type.
struct RelationPredicates {
    std::array<std::string, kRelationTypeCount> iris;
    std::array<std::string, kRelationTypeCount> prefixed;
    std::array<std::string, kRelationTypeCount> refs;
    std::array<RdfIri, kRelationTypeCount> terms;
    RelationPredicates() {
        for (const auto& info : relation_types()) {
            const auto i = static_cast<std::size_t>(info.type);
            iris[i] = "https://kgforge.org/vocab/v1#" + std::string(info.name);
            prefixed[i] = "kg:" + std::string(info.name);
            refs[i] = "<" + iris[i] + "> ";
            terms[i] = RdfIri{iris[i], prefixed[i], refs[i]};
        }
    }
    const RdfIri& operator[](RelationType type) const {
        return terms[static_cast<std::size_t>(type)];
    }
};

const RelationPredicates& relation_predicates() {
    static const RelationPredicates predicates;
    return predicates;
}

// The IRIs of all entities (or articles) in one buffer: a million IRIs without a million
// allocations.
class IriTable {
  public:
    void add(std::string_view prefix, std::string_view id) {
        text_ += prefix;
        append_iri_segment(text_, id);
        ends_.push_back(text_.size());
    }
    void reserve(std::size_t count, std::size_t bytes) {
        ends_.reserve(count);
        text_.reserve(bytes);
    }
    std::string_view operator[](std::size_t i) const {
        const std::size_t begin = i ? ends_[i - 1] : 0;
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }

  private:
    std::string text_;
    std::vector<std::size_t> ends_;
};

// The dataset resource's triples (its counts are the whole graph's).
void emit_dataset(std::string_view base, const ExportOptions& options, std::uint64_t entities,
                  std::uint64_t relations, std::uint64_t documents, TripleSink& sink) {
    ++sink.subject_serial;
    sink.triple(base, rdf::kType, RdfObject::term(kDataset), {});
    sink.triple(base, kContextVersion, RdfObject::string(kJsonLdContextVersion), {});
    sink.triple(base, kGenerator, RdfObject::string(options.generator), {});
    sink.triple(base, kEntityCount, RdfObject::integer(entities), {});
    sink.triple(base, kRelationCount, RdfObject::integer(relations), {});
    sink.triple(base, kDocumentCount, RdfObject::integer(documents), {});
}

}  // namespace

namespace rdf_detail {

// Relation, evidence and document triples of one graph, in JSON-LD order.
class TripleEmitter {
  public:
    TripleEmitter(const KnowledgeGraph& graph, const ExportOptions& options, TripleSink& sink)
        : graph_(graph), options_(options), sink_(sink), quads_(sink.wants_graphs()) {
        base_ = linked_data_base_iri(options);
        entity_prefix_ = base_.size() + std::string_view("entity/").size();
        const std::string entity_prefix = base_ + "entity/";
        std::size_t bytes = 0;
        for (const auto& e : graph.entities()) bytes += entity_prefix.size() + e.id.size() + 4;
        entity_iris_.reserve(graph.entities().size(), bytes);
        for (const auto& e : graph.entities()) entity_iris_.add(entity_prefix, e.id);
        const std::string document_prefix = base_ + "document/";
        for (const auto& d : graph.documents()) document_iris_.add(document_prefix, d.id);
    }

    void run() {
        dataset();
        const auto entities = graph_.entities();
        const auto relations = graph_.relations();
        std::size_t next_relation = 0;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            entity(i);
            // Relations are sorted by (subject, type, object): this entity's come next.
            while (next_relation < relations.size() && relations[next_relation].subject < i)
                ++next_relation;
            for (auto r = next_relation; r < relations.size() && relations[r].subject == i; ++r)
                direct_triple(relations[r]);
        }
        for (std::size_t d = 0; d < graph_.documents().size(); ++d) document(d);
        for (const auto& rel : relations) statement(rel);
    }

  private:
    friend class kgforge::PartTriples;  // emits one part at a time

    void put(std::string_view subject, const RdfIri& predicate, const RdfObject& object,
             std::string_view graph = {}) {
        sink_.triple(subject, predicate, object, graph);
    }
    // Every triple until the next call has a new subject.
    void next_subject() { ++sink_.subject_serial; }
    void put_text(std::string_view subject, const RdfIri& predicate, std::string_view text,
                  std::string_view graph = {}) {
        if (!text.empty()) put(subject, predicate, RdfObject::string(text), graph);
    }
    void put_date(std::string_view subject, const RdfIri& predicate, std::string_view value) {
        if (is_iso_date(value)) put(subject, predicate, RdfObject::typed(value, rdf::kDate));
    }

    void dataset() {
        emit_dataset(base_, options_, graph_.entities().size(), graph_.relations().size(),
                     graph_.documents().size(), sink_);
    }

    void entity(std::size_t i) {
        const auto& e = graph_.entities()[i];
        const std::string_view iri = entity_iris_[i];
        next_subject();
        put(iri, rdf::kType, RdfObject::term(kEntity));
        put(iri, rdf::kType, RdfObject::term(schema_class_iri(e)));
        put(iri, kIdentifier, RdfObject::string(e.id));
        put(iri, kName, RdfObject::string(e.name));
        for (const auto alias : e.aliases) put(iri, kAlternateName, RdfObject::string(alias));
        put_text(iri, kSubtype, e.subtype);
        bool same_as = false;
        for (const auto& [scheme, value] : e.external_ids) {
            if (scheme == "wikidata" && is_wikidata_item(value)) {
                // Only the first Wikidata item, as in the JSON-LD.
                if (same_as) continue;
                same_as = true;
                scratch_ = "http://www.wikidata.org/entity/";
                scratch_ += value;
                put(iri, kSameAs, RdfObject::iri(scratch_));
            }
        }
        for (const auto& [scheme, value] : e.external_ids) {
            if (scheme == "wikidata" && is_wikidata_item(value)) continue;
            scratch_.assign(scheme);
            scratch_ += ':';
            scratch_ += value;
            put(iri, kExternalId, RdfObject::string(scratch_));
        }
        put(iri, kMentionCount, RdfObject::integer(e.mention_count));
        put(iri, kDocumentCount, RdfObject::integer(e.document_count));
        put_date(iri, kFirstDate, e.first_date);
        put_date(iri, kLastDate, e.last_date);
    }

    // Only asserted relations (neither negated nor hypothetical) are direct triples.
    void direct_triple(const Relation& rel) {
        if (rel.negated || rel.hypothetical) return;
        const auto& predicate = relation_predicates()[rel.type];
        const auto object = RdfObject::iri(entity_iris_[rel.object]);
        if (!quads_) {
            put(entity_iris_[rel.subject], predicate, object);
            return;
        }
        for (const auto d : sources(rel))
            put(entity_iris_[rel.subject], predicate, object, document_iris_[d]);
    }

    void document(std::size_t d) {
        const auto& doc = graph_.documents()[d];
        const std::string_view iri = document_iris_[d];
        next_subject();
        put(iri, rdf::kType, RdfObject::term(kNewsArticle));
        put(iri, kIdentifier, RdfObject::string(doc.id));
        put_text(iri, kHeadline, doc.title);
        if (is_iso_date(doc.date)) {
            put(iri, kDatePublished, RdfObject::typed(doc.date, rdf::kDate));
        } else {
            put_text(iri, kDateText, doc.date);
        }
        if (is_absolute_iri(doc.url)) {
            put(iri, kUrl, RdfObject::iri(doc.url));
        } else {
            put_text(iri, kUrlText, doc.url);
        }
        put_text(iri, kSource, doc.source);
        for (const auto& m : doc.mentions)
            put(iri, kMentions, RdfObject::iri(entity_iris_[m.entity]), quads_ ? iri : "");
    }

    void statement(const Relation& rel) {
        // base/statement/<iri_segment(relation id)>, from the entities' encoded segments:
        // the id is "<subject id>|<TYPE>|<object id>" and '|' encodes as %7C.
        statement_.assign(base_);
        statement_ += "statement/";
        statement_ += entity_segment(rel.subject);
        statement_ += "%7C";
        statement_ += relation_type_name(rel.type);
        statement_ += "%7C";
        statement_ += entity_segment(rel.object);
        const std::string_view s = statement_;
        const auto type_name = relation_type_name(rel.type);
        next_subject();
        put(s, rdf::kType, RdfObject::term(rdf::kStatement));
        put(s, rdf::kSubject, RdfObject::iri(entity_iris_[rel.subject]));
        put(s, rdf::kPredicate, RdfObject::term(relation_predicates()[rel.type]));
        put(s, rdf::kObject, RdfObject::iri(entity_iris_[rel.object]));
        put(s, kRelationType, RdfObject::string(type_name));
        put(s, kSymmetric, RdfObject::boolean(is_symmetric(rel.type)));
        put(s, kWeight, RdfObject::integer(rel.weight()));
        put_text(s, kLabel, graph_.text(rel.label));
        const auto confidence = neo4j::float_text(rel.confidence);
        put(s, kConfidence, RdfObject::typed(confidence, rdf::kDecimal));
        put_text(s, kAmount, graph_.text(rel.amount));
        put_text(s, kRole, graph_.text(rel.role));
        put(s, kNegated, RdfObject::boolean(rel.negated));
        put(s, kHypothetical, RdfObject::boolean(rel.hypothetical));
        for (const auto d : sources(rel))
            put(s, kWasDerivedFrom, RdfObject::iri(document_iris_[d]), graph_name(d));

        const auto evidence = graph_.evidence(rel);
        const auto keys = neo4j::evidence_keys(graph_, rel);
        evidence_iris_.resize(evidence.size());
        for (std::size_t n = 0; n < evidence.size(); ++n) {
            evidence_iris_[n] = statement_ + "/evidence/" + iri_segment(keys[n]);
            put(s, kEvidence, RdfObject::iri(evidence_iris_[n]), graph_name(evidence[n].document));
        }
        for (std::size_t n = 0; n < evidence.size(); ++n) evidence_node(evidence[n], n);
    }

    void evidence_node(const Evidence& ev, std::size_t n) {
        const std::string_view iri = evidence_iris_[n];
        const auto g = graph_name(ev.document);
        next_subject();
        put(iri, rdf::kType, RdfObject::term(kEvidenceClass), g);
        put(iri, kWasDerivedFrom, RdfObject::iri(document_iris_[ev.document]), g);
        put(iri, kSentence, RdfObject::string(graph_.text(ev.sentence)), g);
        put(iri, kStartOffset, RdfObject::integer(ev.start), g);
        put(iri, kEndOffset, RdfObject::integer(ev.end), g);
        const auto& date = graph_.documents()[ev.document].date;
        if (is_iso_date(date)) put(iri, kDate, RdfObject::typed(date, rdf::kDate), g);
        put_text(iri, kLabel, graph_.text(ev.label), g);
        const auto confidence = neo4j::float_text(ev.confidence);
        put(iri, kConfidence, RdfObject::typed(confidence, rdf::kDecimal), g);
        put(iri, kNegated, RdfObject::boolean(ev.negated), g);
        put(iri, kHypothetical, RdfObject::boolean(ev.hypothetical), g);
        put_text(iri, kAmount, graph_.text(ev.amount), g);
        put_text(iri, kRole, graph_.text(ev.role), g);
        put_text(iri, kRule, graph_.text(ev.rule), g);
    }

    // The articles a relation's evidence comes from, sorted, each once.
    const std::vector<DocumentIndex>& sources(const Relation& rel) {
        sources_.clear();
        for (const auto& ev : graph_.evidence(rel)) sources_.push_back(ev.document);
        std::sort(sources_.begin(), sources_.end());
        sources_.erase(std::unique(sources_.begin(), sources_.end()), sources_.end());
        return sources_;
    }

    std::string_view entity_segment(EntityIndex e) const {
        return std::string_view(entity_iris_[e]).substr(entity_prefix_);
    }

    std::string_view graph_name(DocumentIndex d) const {
        return quads_ ? std::string_view(document_iris_[d]) : std::string_view();
    }

    const KnowledgeGraph& graph_;
    const ExportOptions& options_;
    TripleSink& sink_;
    const bool quads_;
    std::string base_;
    std::size_t entity_prefix_ = 0;
    IriTable entity_iris_;
    IriTable document_iris_;
    std::vector<DocumentIndex> sources_;
    std::vector<std::string> evidence_iris_;
    std::string statement_;
    std::string scratch_;
};

}  // namespace rdf_detail

namespace {

class CountingSink final : public TripleSink {
  public:
    void triple(std::string_view, const RdfIri&, const RdfObject&, std::string_view) override {
        ++count;
    }
    std::uint64_t count = 0;
};

}  // namespace

std::span<const RdfPrefix> rdf_prefixes() {
    return kPrefixes;
}

void emit_triples(const KnowledgeGraph& graph, const ExportOptions& options, TripleSink& sink) {
    rdf_detail::TripleEmitter(graph, options, sink).run();
}

PartTriples::PartTriples(const KnowledgeGraph& graph, const ExportOptions& options,
                         TripleSink& sink)
    : graph_(graph), emitter_(std::make_unique<rdf_detail::TripleEmitter>(graph, options, sink)) {}
PartTriples::~PartTriples() = default;

void PartTriples::entity(std::size_t index) {
    emitter_->entity(index);
}

void PartTriples::relation(std::size_t index) {
    const Relation& rel = graph_.relations()[index];
    emitter_->next_subject();  // in a whole graph's stream it follows its subject's triples
    emitter_->direct_triple(rel);
    emitter_->statement(rel);
}

void PartTriples::document(std::size_t index) {
    emitter_->document(index);
}

void emit_dataset_triples(const ExportOptions& options, std::uint64_t entities,
                          std::uint64_t relations, std::uint64_t documents, TripleSink& sink) {
    emit_dataset(linked_data_base_iri(options), options, entities, relations, documents, sink);
}

std::uint64_t count_triples(const KnowledgeGraph& graph, const ExportOptions& options) {
    CountingSink sink;
    emit_triples(graph, options, sink);
    return sink.count;
}

}  // namespace kgforge
