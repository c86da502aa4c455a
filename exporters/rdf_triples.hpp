// The RDF graph of a KnowledgeGraph as a stream of triples: exactly the triples the JSON-LD
// export implies (same IRIs, same literals and datatypes), in the JSON-LD's order, so the
// Turtle, N-Triples and N-Quads writers only decide how to spell them.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "kgforge/export.hpp"
#include "kgforge/graph.hpp"

namespace kgforge {

// A vocabulary IRI with its prefixed name for Turtle ("schema:name").
struct RdfIri {
    std::string_view iri;
    std::string_view prefixed;
    std::string_view ref = {};  // "<iri> ", as the line-based writers spell a predicate
};

struct RdfPrefix {
    std::string_view name;  // "schema"
    std::string_view iri;   // "https://schema.org/"
};
// The prefixes the writers declare (the JSON-LD context's, plus those of the dataset
// description: VoID, DCAT, Dublin Core terms).
std::span<const RdfPrefix> rdf_prefixes();

namespace rdf {
inline constexpr RdfIri kType{"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "a",
                              "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "};
inline constexpr RdfIri kStatement{"http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
                                   "rdf:Statement",
                                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> "};
inline constexpr RdfIri kSubject{"http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                                 "rdf:subject",
                                 "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> "};
inline constexpr RdfIri kPredicate{"http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate",
                                   "rdf:predicate",
                                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> "};
inline constexpr RdfIri kObject{"http://www.w3.org/1999/02/22-rdf-syntax-ns#object", "rdf:object",
                                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> "};
inline constexpr RdfIri kInteger{"http://www.w3.org/2001/XMLSchema#integer", "xsd:integer",
                                 "<http://www.w3.org/2001/XMLSchema#integer> "};
inline constexpr RdfIri kDecimal{"http://www.w3.org/2001/XMLSchema#decimal", "xsd:decimal",
                                 "<http://www.w3.org/2001/XMLSchema#decimal> "};
inline constexpr RdfIri kBoolean{"http://www.w3.org/2001/XMLSchema#boolean", "xsd:boolean",
                                 "<http://www.w3.org/2001/XMLSchema#boolean> "};
inline constexpr RdfIri kDate{"http://www.w3.org/2001/XMLSchema#date", "xsd:date",
                              "<http://www.w3.org/2001/XMLSchema#date> "};
}  // namespace rdf

// The object of a triple. Integers and booleans are kept as values so that Turtle can
// write them bare; their datatypes are xsd:integer and xsd:boolean.
struct RdfObject {
    enum class Kind : std::uint8_t { Iri, String, Integer, Boolean, Typed };
    Kind kind = Kind::String;
    std::string_view text;             // Iri: the IRI; String, Typed: the lexical form
    std::uint64_t number = 0;          // Integer; Boolean (0 or 1)
    const RdfIri* datatype = nullptr;  // Typed: the datatype; Iri: the vocabulary term, if one

    // Checked: the IRI has no character that IRIREF forbids (kgforge's own IRIs are
    // percent-encoded segments under a checked base), so writers copy it verbatim.
    bool checked = false;

    static RdfObject iri(std::string_view value) { return {Kind::Iri, value, 0, nullptr, true}; }
    // An IRI from elsewhere: the writers escape it.
    static RdfObject unchecked_iri(std::string_view value) {
        return {Kind::Iri, value, 0, nullptr, false};
    }
    // A vocabulary IRI (a class, a relation type): Turtle writes its prefixed name.
    static RdfObject term(const RdfIri& iri) { return {Kind::Iri, iri.iri, 0, &iri, true}; }
    static RdfObject string(std::string_view value) { return {Kind::String, value, 0, nullptr}; }
    static RdfObject integer(std::uint64_t value) { return {Kind::Integer, {}, value, nullptr}; }
    static RdfObject boolean(bool value) { return {Kind::Boolean, {}, value ? 1u : 0u, nullptr}; }
    static RdfObject typed(std::string_view lexical, const RdfIri& type) {
        return {Kind::Typed, lexical, 0, &type};
    }
};

class TripleSink {
  public:
    virtual ~TripleSink() = default;
    // Bumped by emit_triples when the subject changes, so writers need not compare IRIs
    // (0: never bumped; writers then compare the subject text).
    std::uint64_t subject_serial = 0;
    // True for quad writers: what an article states (its mentions, the direct relation
    // triples and evidence it supports) then comes once per article, named by the article's
    // IRI; everything else in the default graph (empty name).
    virtual bool wants_graphs() const { return false; }
    virtual void triple(std::string_view subject, const RdfIri& predicate, const RdfObject& object,
                        std::string_view graph) = 0;
};

namespace rdf_detail {
class TripleEmitter;
}

// The triples of one part of a graph at a time, for the writer of one key range of a
// distributed merge (src/distributed): the triples of every entity, relation and document,
// each emitted once by the range that owns it, plus emit_dataset_triples() once with the
// whole graph's counts, are exactly emit_triples' (in another order). For line-based sinks only (no
// quads).
class PartTriples {
  public:
    PartTriples(const KnowledgeGraph& graph, const ExportOptions& options, TripleSink& sink);
    ~PartTriples();
    PartTriples(const PartTriples&) = delete;
    PartTriples& operator=(const PartTriples&) = delete;

    void entity(std::size_t index);    // the entity's own triples
    void relation(std::size_t index);  // its direct triple, its statement and evidence
    void document(std::size_t index);  // the article and what it mentions

  private:
    const KnowledgeGraph& graph_;
    std::unique_ptr<rdf_detail::TripleEmitter> emitter_;
};

// Every triple once (for a quad sink: once per graph that holds it). No triple repeats,
// so the number of calls to a triple sink is the size of the RDF graph.
void emit_triples(const KnowledgeGraph& graph, const ExportOptions& options, TripleSink& sink);
std::uint64_t count_triples(const KnowledgeGraph& graph, const ExportOptions& options);
// Only the dataset resource's triples, with the counts of the whole graph (see PartTriples).
void emit_dataset_triples(const ExportOptions& options, std::uint64_t entities,
                          std::uint64_t relations, std::uint64_t documents, TripleSink& sink);

}  // namespace kgforge
