// A merge spread over many machines (Apache Spark, spark/): each document's extraction is
// cut into fragments keyed by entity id, relation key and document id; the cluster brings
// every fragment of one key to one place; there the fragments of a key range are merged by
// the GraphBuilder of a single-machine build and written as rows of the exports. No step
// holds the whole graph, and the rows are those of `kgforge build` on one machine.
//
// A fragment is one line:  KIND \t KEY \t DOCUMENT \t SOURCE \t JSON
//   KIND      E (an entity of one document), R (a relation of one document, with its two
//             entities), D (a document with all its entities), X (an external-id scheme)
//   KEY       entity id, relation key or document id (X: the scheme); DOCUMENT the
//             document id, SOURCE where it was read ("file:line"): all three JSON-escaped,
//             without quotes, so no tab or newline is in them
//   JSON      an extraction (schema/extraction.schema.json) holding only that part of the
//             document (X: the scheme as a JSON string)
// The X fragments exist because the neo4j-admin node header has a column per scheme: every
// key range must know all of them (spark/ sends each X fragment to every partition).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kgforge/export.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge {

// "<subject id>|<TYPE>|<object id>", the smaller id first for symmetric types: the id
// KnowledgeGraph::relation_id gives the merged relation.
std::string relation_key(std::string_view subject_id, RelationType type,
                         std::string_view object_id);

// Writes the fragments of one document, one a line, sorted by kind and key.
void write_keyed_fragments(const DocumentExtraction& extraction, OutputStream& out);

// Merges the fragments of a key range. Records are written as  SINK \t ROW \0  (NUL, not
// newline: a CSV row may span lines), sink by sink in name order, rows in graph order:
//   jsonl/entities, jsonl/relations, jsonl/documents    objects of the JSON export
//   neo4j-import/entities_<label>, .../documents, .../mentions, .../rel_<TYPE>
//                                                       rows of the neo4j-csv export
//   ntriples/triples                                    with RecordOptions::ntriples: the
//                                                       N-Triples lines of one entity,
//                                                       relation or document (no final
//                                                       newline); write_dataset_ntriples
//                                                       gives the dataset's own lines
//   _headers                                            "<sink>\t<header line>" per CSV sink
// Only keys that have a fragment of their own kind here are written: an entity that is only
// the end of a relation of this range belongs to another range.
struct RecordOptions {
    bool ntriples = false;  // also the N-Triples rows
    ExportOptions rdf;      // base IRI and generator of the N-Triples
};

// The N-Triples of the dataset resource with the whole graph's counts: with the
// ntriples/triples rows of every key range, exactly `--format ntriples` of the graph.
void write_dataset_ntriples(const ExportOptions& options, std::uint64_t entities,
                            std::uint64_t relations, std::uint64_t documents, OutputStream& out);

class KeyRangeMerger {
  public:
    KeyRangeMerger();
    ~KeyRangeMerger();
    KeyRangeMerger(const KeyRangeMerger&) = delete;
    KeyRangeMerger& operator=(const KeyRangeMerger&) = delete;

    // One fragment line (no newline); a malformed one throws Error naming where and line.
    void add(std::string_view line, const std::string& where, std::uint64_t line_number);
    std::uint64_t fragment_count() const;
    void write_records(OutputStream& out,
                       const RecordOptions& options = {});  // leaves the merger empty
    KnowledgeGraph build();  // the graph of every fragment given (final merge)

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kgforge
