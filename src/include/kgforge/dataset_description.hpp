// A VoID + DCAT description of an RDF export (the dataset <base IRI>): what researchers
// publish beside the dumps. Written as its own Turtle file, not into the exports, so that
// N-Triples / N-Quads files of several batches still concatenate into one consistent graph
// (counts of one batch would contradict those of the next).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kgforge/export.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/output.hpp"

namespace kgforge {

struct DatasetDistribution {
    std::string format;        // an RDF exporter's name: "turtle", "ntriples", "nquads", "jsonld"
    std::string download_url;  // IRI of the file, absolute or relative to the description
};

struct DatasetDescriptionOptions {
    std::string title = "Knowledge graph of news articles (kgforge)";
    std::string license;  // IRI for dcterms:license; none by default: the articles' terms decide
    std::string creator;  // dcterms:creator (a name), optional
    // dcterms:created, YYYY-MM-DD. Empty: the latest article date, so the same input always
    // gives the same description (never the clock).
    std::string created;
    std::vector<DatasetDistribution> distributions;
};

bool is_rdf_format(const std::string& format);  // turtle, ntriples, nquads, jsonld

// Checks the description options alone (before any work): Error(InvalidArgument) as below.
void check_dataset_description(const DatasetDescriptionOptions& description);

// The relative IRI of `file` seen from the folder of `description_file` (each path segment
// percent-encoded), for DatasetDistribution::download_url.
std::string relative_file_iri(const std::filesystem::path& file,
                              const std::filesystem::path& description_file);

// Throws Error(InvalidArgument) for a license that is not an absolute IRI, a date that is
// not YYYY-MM-DD, or a distribution format that is not RDF.
void write_dataset_description(const KnowledgeGraph& graph, const ExportOptions& options,
                               const DatasetDescriptionOptions& description, OutputStream& out);

}  // namespace kgforge
