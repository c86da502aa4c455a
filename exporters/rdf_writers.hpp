// Triple sinks that spell triples in the W3C syntaxes: Turtle (prefixed vocabulary, one
// block per subject) and the line-based N-Triples / N-Quads (one statement per line, so
// files can be split and concatenated).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "exporters/rdf_triples.hpp"
#include "kgforge/output.hpp"

namespace kgforge {

class TurtleWriter final : public TripleSink {
  public:
    explicit TurtleWriter(OutputStream& out);  // writes the @prefix lines
    void triple(std::string_view subject, const RdfIri& predicate, const RdfObject& object,
                std::string_view graph) override;
    void finish();  // ends the last subject's block

  private:
    OutputStream& out_;
    std::string subject_;
    const RdfIri* predicate_ = nullptr;
};

class LineWriter final : public TripleSink {
  public:
    LineWriter(OutputStream& out, bool quads) : out_(out), quads_(quads) {}
    bool wants_graphs() const override { return quads_; }
    void triple(std::string_view subject, const RdfIri& predicate, const RdfObject& object,
                std::string_view graph) override;

  private:
    OutputStream& out_;
    const bool quads_;
    // Consecutive triples mostly share their subject (and quads their graph): each is
    // escaped once, when it changes.
    std::string subject_;
    std::string subject_ref_;
    std::uint64_t serial_ = 0;
    std::string graph_;
    std::string graph_ref_;
};

}  // namespace kgforge
