#include "exporters/rdf_writers.hpp"

#include "exporters/rdf_terms.hpp"

namespace kgforge {

namespace {

constexpr std::string_view kIntegerSuffix = "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
constexpr std::string_view kTrue = "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>";
constexpr std::string_view kFalse = "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>";

// N-Triples spelling of an object: datatypes as full IRIs.
void write_full_object(OutputStream& out, const RdfObject& object) {
    switch (object.kind) {
        case RdfObject::Kind::Iri:
            if (object.checked) {
                out << '<' << object.text << '>';
            } else {
                write_iri_ref(out, object.text);
            }
            return;
        case RdfObject::Kind::String:
            write_string_literal(out, object.text);
            return;
        case RdfObject::Kind::Integer:
            out.put('"');
            out.write_uint(object.number);
            out << kIntegerSuffix;
            return;
        case RdfObject::Kind::Boolean:
            out << (object.number ? kTrue : kFalse);
            return;
        case RdfObject::Kind::Typed:
            write_string_literal(out, object.text);
            out << "^^<" << object.datatype->iri << '>';
            return;
    }
}

// Turtle spelling: integers and booleans bare, datatypes prefixed.
void write_turtle_object(OutputStream& out, const RdfObject& object) {
    switch (object.kind) {
        case RdfObject::Kind::Iri:
            if (object.datatype) {
                out << object.datatype->prefixed;
            } else {
                write_iri_ref(out, object.text);
            }
            return;
        case RdfObject::Kind::Integer:
            out.write_uint(object.number);
            return;
        case RdfObject::Kind::Boolean:
            out << (object.number ? "true" : "false");
            return;
        case RdfObject::Kind::Typed:
            write_string_literal(out, object.text);
            out << "^^" << object.datatype->prefixed;
            return;
        default:
            write_full_object(out, object);
    }
}

}  // namespace

TurtleWriter::TurtleWriter(OutputStream& out) : out_(out) {
    for (const auto& prefix : rdf_prefixes()) {
        out_ << "@prefix " << prefix.name << ": ";
        write_iri_ref(out_, prefix.iri);
        out_ << " .\n";
    }
}

void TurtleWriter::triple(std::string_view subject, const RdfIri& predicate,
                          const RdfObject& object, std::string_view) {
    if (predicate_ && subject == subject_) {
        if (&predicate == predicate_ || predicate.iri == predicate_->iri) {
            out_ << ", ";
        } else {
            out_ << " ;\n    " << predicate.prefixed << ' ';
        }
    } else {
        if (predicate_) out_ << " .\n";
        out_.put('\n');
        subject_.assign(subject);
        write_iri_ref(out_, subject);
        out_ << ' ' << predicate.prefixed << ' ';
    }
    predicate_ = &predicate;
    write_turtle_object(out_, object);
}

void TurtleWriter::finish() {
    if (predicate_) out_ << " .\n";
    predicate_ = nullptr;
    subject_.clear();
}

void LineWriter::triple(std::string_view subject, const RdfIri& predicate, const RdfObject& object,
                        std::string_view graph) {
    const bool same = subject_serial ? subject_serial == serial_ && !subject_ref_.empty()
                                     : subject == subject_ && !subject_ref_.empty();
    if (!same) {
        serial_ = subject_serial;
        subject_.assign(subject);
        subject_ref_ = iri_ref(subject);
        subject_ref_ += ' ';
    }
    out_ << subject_ref_;
    // Vocabulary IRIs are constants without characters to escape.
    if (!predicate.ref.empty()) {
        out_ << predicate.ref;
    } else {
        out_ << '<' << predicate.iri << "> ";
    }
    if (!quads_ || graph.empty()) {
        // The object fused with the statement's end: fewer, larger writes per line.
        switch (object.kind) {
            case RdfObject::Kind::Iri:
                if (object.checked) {
                    out_ << '<' << object.text << "> .\n";
                } else {
                    write_iri_ref(out_, object.text);
                    out_ << " .\n";
                }
                return;
            case RdfObject::Kind::String:
                out_.put('"');
                write_literal_body(out_, object.text);
                out_ << "\" .\n";
                return;
            case RdfObject::Kind::Integer:
                out_.put('"');
                out_.write_uint(object.number);
                out_ << "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
                return;
            case RdfObject::Kind::Boolean:
                out_ << (object.number
                             ? "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"
                             : "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n");
                return;
            case RdfObject::Kind::Typed:
                break;
        }
    }
    write_full_object(out_, object);
    if (quads_ && !graph.empty()) {
        if (graph != graph_ || graph_ref_.empty()) {
            graph_.assign(graph);
            graph_ref_ = ' ' + iri_ref(graph);
        }
        out_ << graph_ref_;
    }
    out_ << " .\n";
}

}  // namespace kgforge
