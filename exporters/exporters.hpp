// Factories of the built-in exporters; exporters/registry.cpp lists them in one place.
#pragma once

#include <memory>

#include "kgforge/export.hpp"

namespace kgforge {

std::unique_ptr<Exporter> make_graphml_exporter();
std::unique_ptr<Exporter> make_gexf_exporter();
std::unique_ptr<Exporter> make_cypher_exporter();
std::unique_ptr<Exporter> make_neo4j_csv_exporter();
std::unique_ptr<Exporter> make_jsonld_exporter();
std::unique_ptr<Exporter> make_turtle_exporter();
std::unique_ptr<Exporter> make_ntriples_exporter();
std::unique_ptr<Exporter> make_nquads_exporter();
std::unique_ptr<Exporter> make_json_exporter();

}  // namespace kgforge
