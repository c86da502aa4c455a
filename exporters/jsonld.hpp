// JSON-LD helpers, shared with the other RDF writers (Turtle, N-Triples, N-Quads) so that
// every serialization names the same resources with the same IRIs.
#pragma once

#include <string>
#include <string_view>

#include "kgforge/export.hpp"
#include "kgforge/graph.hpp"

namespace kgforge {

// The embedded JSON-LD context: identical to schema/context.jsonld.
extern const std::string_view kJsonLdContext;
extern const std::string_view kJsonLdContextVersion;

// Percent-encodes all but A-Z a-z 0-9 - . _ ~ : (UTF-8 bytes one by one).
std::string iri_segment(std::string_view text);
void append_iri_segment(std::string& out, std::string_view text);
bool is_iso_date(std::string_view text);        // YYYY-MM-DD
bool is_absolute_iri(std::string_view text);    // scheme ":" rest, no forbidden chars
bool is_wikidata_item(std::string_view value);  // Q followed by digits

// ExportOptions::base_iri, checked (Error when not an absolute IRI), ending in '/' or '#'.
std::string linked_data_base_iri(const ExportOptions& options);
// The schema.org class of an entity, as a context term: "Person", "Corporation", ...
// (all are schema: terms).
std::string_view schema_class(const Entity& entity);

}  // namespace kgforge
