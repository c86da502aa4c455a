#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporters.hpp"
#include "exporters/jsonld.hpp"
#include "exporters/rdf_terms.hpp"
#include "exporters/rdf_triples.hpp"
#include "kgforge/dataset_description.hpp"
#include "kgforge/error.hpp"
#include "linked_test_graph.hpp"

using namespace kgforge;

namespace {

std::string export_as(const KnowledgeGraph& graph, const std::string& format) {
    ExportOptions options;
    StringOutput out;
    find_exporter(format).write(graph, options, out);
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The quad's graph label, or "" for the default graph: the last IRI before " ." when the
// line has four terms. Literals in these tests never end in '>'.
std::string graph_of(const std::string& line) {
    const auto end = line.rfind(" .");
    if (end == std::string::npos || end == 0 || line[end - 1] != '>') return "";
    const auto start = line.rfind(" <", end);
    std::string without = line.substr(0, start) + " .";
    // Three terms then: subject, predicate, object (the object ended before the label).
    int terms = 0;
    bool in_literal = false;
    for (std::size_t i = 0; i < without.size(); ++i) {
        const char c = without[i];
        if (in_literal) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_literal = false;
        } else if (c == '"') {
            in_literal = true;
        } else if (c == ' ') {
            ++terms;
        }
    }
    return terms == 3 ? line.substr(start + 1, end - start - 1) : "";
}

std::string strip_graph(const std::string& line) {
    const auto g = graph_of(line);
    if (g.empty()) return line;
    return line.substr(0, line.size() - g.size() - 3) + " .";
}

}  // namespace

TEST_CASE("RDF string literals escape per the N-Triples grammar", "[rdf]") {
    CHECK(string_literal("plain") == "\"plain\"");
    CHECK(string_literal("a \"q\" \\ b") == "\"a \\\"q\\\" \\\\ b\"");
    CHECK(string_literal("l1\nl2\r\tx\b\f") == "\"l1\\nl2\\r\\tx\\b\\f\"");
    CHECK(string_literal(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(string_literal("\x01\x1f\x7f") == "\"\\u0001\\u001F\\u007F\"");
    // \u0041 in the text is a backslash and five characters, not an escape.
    CHECK(string_literal("C:\\u0041") == "\"C:\\\\u0041\"");
    // Everything else stays UTF-8, including U+2028 and right-to-left marks.
    CHECK(string_literal("\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80") ==
          "\"\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80\"");
    CHECK(string_literal("") == "\"\"");
    // Long text is scanned 8 bytes at a time: an escape at every position of a word.
    for (std::size_t at = 0; at < 40; ++at) {
        for (const char c : {'"', '\\', '\n', '\x01', '\x1f', '\x7f'}) {
            std::string text(40, 'a');
            text[at] = c;
            std::string expected = "\"" + std::string(at, 'a');
            if (c == '"') expected += "\\\"";
            if (c == '\\') expected += "\\\\";
            if (c == '\n') expected += "\\n";
            if (c == '\x01') expected += "\\u0001";
            if (c == '\x1f') expected += "\\u001F";
            if (c == '\x7f') expected += "\\u007F";
            expected += std::string(39 - at, 'a') + "\"";
            INFO(at << " " << static_cast<int>(c));
            CHECK(string_literal(text) == expected);
        }
    }
    // Bytes of 0x80 and over (UTF-8) and ' ' / '!' / '#' next to the escaped ones are kept.
    CHECK(string_literal("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 !#[]~\xe2\x80\xa8") ==
          "\"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 !#[]~\xe2\x80\xa8\"");
}

TEST_CASE("RDF IRIs escape what IRIREF forbids", "[rdf]") {
    StringOutput out;
    write_iri_ref(out, "https://example.org/a b<c>\"{|}^`\\");
    CHECK(out.str() ==
          "<https://example.org/a\\u0020b\\u003Cc\\u003E\\u0022\\u007B\\u007C\\u007D\\u005E"
          "\\u0060\\u005C>");
    StringOutput plain;
    write_iri_ref(plain, "https://kgforge.org/id/entity/person:ada%20l\xc3\xa9");
    CHECK(plain.str() == "<https://kgforge.org/id/entity/person:ada%20l\xc3\xa9>");
}

TEST_CASE("RDF formats are registered and in --format all", "[rdf]") {
    CHECK(find_exporter("turtle").default_file_name() == "graph.ttl");
    CHECK(find_exporter("ntriples").default_file_name() == "graph.nt");
    CHECK(find_exporter("nquads").default_file_name() == "graph.nq");
    std::set<std::string> names;
    for (const auto& e : exporters()) names.insert(std::string(e->name()));
    CHECK(names.count("turtle"));
    CHECK(names.count("ntriples"));
    CHECK(names.count("nquads"));
}

TEST_CASE("N-Triples: one triple per line, the JSON-LD's IRIs and literals", "[rdf]") {
    const auto graph = testing::linked_test_graph();
    const auto text = export_as(graph, "ntriples");
    const auto lines = lines_of(text);
    CHECK(lines.size() == count_triples(graph, ExportOptions{}));
    for (const auto& line : lines) {
        INFO(line);
        REQUIRE(line.size() > 4);
        CHECK(line.front() == '<');
        CHECK(line.substr(line.size() - 2) == " .");
        CHECK(graph_of(line).empty());
    }
    const std::set<std::string> set(lines.begin(), lines.end());
    CHECK(set.size() == lines.size());  // no triple twice
    const std::string e = "<https://kgforge.org/id/entity/";
    const std::string kg = "<https://kgforge.org/vocab/v1#";
    CHECK(set.count(e + "wikidata:Q843> <https://schema.org/sameAs> "
                        "<http://www.wikidata.org/entity/Q843> ."));
    CHECK(set.count(e + "wikidata:Q843> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                        "<https://schema.org/Country> ."));
    CHECK(set.count(e + "wikidata:Q843> " + kg +
                    "mentionCount> \"4\"^^<http://www.w3.org/2001/XMLSchema#integer> ."));
    // Asserted relations are direct triples; the negated CRITICIZES is only a statement.
    CHECK(contains(text, "> " + kg + "ASSURED> " + e + "wikidata:Q843> ."));
    CHECK_FALSE(contains(text, "> " + kg + "CRITICIZES> <"));
    CHECK(contains(
        text, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> " + kg + "CRITICIZES> ."));
    CHECK(contains(text, kg + "sentence> \"Ada assured Pakistan;\\n// not a comment \\u0001 "
                              "\\\"x\\\"\" ."));
    CHECK(contains(text, kg + "confidence> \"0.9\"^^<http://www.w3.org/2001/XMLSchema#decimal> ."));
    CHECK(contains(text, kg + "negated> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."));
    CHECK(contains(text,
                   "<https://schema.org/datePublished> "
                   "\"2024-01-15\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
    CHECK(contains(text, kg + "urlText> \"not a url\" ."));
    // Same graph whatever the merge order.
    CHECK(text == export_as(testing::linked_test_graph(true), "ntriples"));
}

TEST_CASE("Turtle: prefixed vocabulary, one block per resource, bare numbers", "[rdf]") {
    const auto graph = testing::linked_test_graph();
    const auto text = export_as(graph, "turtle");
    CHECK(text.rfind("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n", 0) == 0);
    CHECK(contains(text, "@prefix kg: <https://kgforge.org/vocab/v1#> .\n"));
    CHECK(contains(text,
                   "\n<https://kgforge.org/id/entity/wikidata:Q843> a kg:Entity, "
                   "schema:Country ;\n    schema:identifier \"wikidata:Q843\" ;"));
    CHECK(contains(text, "    kg:mentionCount 4 ;"));
    CHECK(contains(text, "    kg:weight 2 ;"));
    CHECK(contains(text, "    kg:confidence \"0.9\"^^xsd:decimal ;"));
    CHECK(contains(text, "    kg:negated true ;"));
    CHECK(contains(text, "    rdf:predicate kg:ASSURED ;"));
    CHECK(text.substr(text.size() - 3) == " .\n");
    // One block per subject: every subject IRI starts a block once.
    std::set<std::string> subjects;
    for (const auto& line : lines_of(text)) {
        if (line.empty() || line[0] != '<') continue;
        const auto subject = line.substr(0, line.find(' '));
        CHECK(subjects.insert(subject).second);
    }
    CHECK(text == export_as(testing::linked_test_graph(true), "turtle"));
}

TEST_CASE("N-Quads: what each article states is in the article's graph", "[rdf]") {
    const auto graph = testing::linked_test_graph();
    const auto quads = lines_of(export_as(graph, "nquads"));
    const auto triples = lines_of(export_as(graph, "ntriples"));
    const std::string doc1 = "<https://kgforge.org/id/document/doc-1%20%22q%22>";
    std::set<std::string> union_of_graphs;
    std::size_t in_doc1 = 0;
    for (const auto& quad : quads) {
        INFO(quad);
        const auto g = graph_of(quad);
        union_of_graphs.insert(strip_graph(quad));
        if (g == doc1) ++in_doc1;
        if (contains(quad, "#sentence>") || contains(quad, "schema.org/mentions>") ||
            contains(quad, "vocab/v1#ASSURED> <") || contains(quad, "#evidence>")) {
            CHECK_FALSE(g.empty());
        }
        if (contains(quad, "schema.org/name>") || contains(quad, "#weight>") ||
            contains(quad, "schema.org/headline>")) {
            CHECK(g.empty());
        }
    }
    CHECK(in_doc1 > 10);
    CHECK(union_of_graphs == std::set<std::string>(triples.begin(), triples.end()));
}

TEST_CASE("the base IRI of the RDF exports is validated", "[rdf]") {
    const auto graph = testing::linked_test_graph();
    ExportOptions options;
    options.base_iri = "no iri";
    StringOutput out;
    CHECK_THROWS_AS(find_exporter("turtle").write(graph, options, out), Error);
    options.base_iri = "http://example.org/kg";
    StringOutput ok;
    find_exporter("ntriples").write(graph, options, ok);
    CHECK(contains(ok.str(), "<http://example.org/kg/entity/wikidata:Q843> "));
}

TEST_CASE("dates are real calendar days", "[rdf][jsonld]") {
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2023-02-29"));
    CHECK_FALSE(is_iso_date("2024-02-30"));
    CHECK_FALSE(is_iso_date("2024-04-31"));
    CHECK(is_iso_date("2000-02-29"));
    CHECK_FALSE(is_iso_date("1900-02-29"));
    CHECK(is_iso_date("2024-12-31"));
    CHECK_FALSE(is_iso_date("2024-00-10"));
}

TEST_CASE("VoID + DCAT description: exact counts, deterministic date, checked fields", "[rdf]") {
    const auto graph = testing::linked_test_graph();
    ExportOptions options;
    DatasetDescriptionOptions description;
    description.distributions = {{"turtle", "graph.ttl"}, {"nquads", "graph.nq"}};
    StringOutput out;
    write_dataset_description(graph, options, description, out);
    const auto text = out.str();
    CHECK(contains(text, "<https://kgforge.org/id/> a void:Dataset, dcat:Dataset ;"));
    CHECK(
        contains(text, "    void:triples " + std::to_string(count_triples(graph, options)) + " ;"));
    CHECK(contains(text, "    dcterms:created \"2024-01-15\"^^xsd:date ;"));  // latest article
    CHECK_FALSE(contains(text, "dcterms:license"));
    CHECK(contains(text, "void:dataDump <graph.ttl>, <graph.nq> ;"));
    CHECK(contains(text,
                   "dcat:mediaType <https://www.iana.org/assignments/media-types/text/turtle>"));
    CHECK(contains(text,
                   "<https://kgforge.org/id/dataset/property/ASSURED> void:property "
                   "<https://kgforge.org/vocab/v1#ASSURED> ;\n    void:triples 1 ."));
    CHECK(contains(text,
                   "<https://kgforge.org/id/dataset/property/CRITICIZES> void:property "
                   "<https://kgforge.org/vocab/v1#CRITICIZES> ;\n    void:triples 0 ."));

    description.created = "2025-01-02";
    description.license = "https://creativecommons.org/licenses/by/4.0/";
    StringOutput again;
    write_dataset_description(graph, options, description, again);
    CHECK(contains(again.str(), "dcterms:created \"2025-01-02\"^^xsd:date"));
    CHECK(contains(again.str(), "dcterms:license <https://creativecommons.org/licenses/by/4.0/>"));

    auto bad = description;
    bad.license = "CC BY";
    CHECK_THROWS_AS(check_dataset_description(bad), Error);
    bad = description;
    bad.created = "2025-02-30";
    CHECK_THROWS_AS(check_dataset_description(bad), Error);
    bad = description;
    bad.distributions = {{"graphml", "graph.graphml"}};
    CHECK_THROWS_AS(check_dataset_description(bad), Error);
}

TEST_CASE("dataset dumps are named relative to the description", "[rdf]") {
    CHECK(relative_file_iri("/data/out/graph.ttl", "/data/out/dataset.ttl") == "graph.ttl");
    CHECK(relative_file_iri("/data/out/graph.ttl", "/data/meta/d.ttl") == "../out/graph.ttl");
    CHECK(relative_file_iri("/data/my out/g#1.nt", "/data/d.ttl") == "my%20out/g%231.nt");
}
