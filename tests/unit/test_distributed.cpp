#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "exporters/json_records.hpp"
#include "exporters/neo4j_csv_rows.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/error.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"

using namespace kgforge;

namespace {

ExtractedEntity entity(std::string key, std::string name, EntityType type,
                       std::string wikidata = "") {
    ExtractedEntity e;
    e.key = std::move(key);
    e.name = std::move(name);
    e.type = type;
    e.mentions = 2;
    if (!wikidata.empty()) e.external_ids.emplace_back("wikidata", wikidata);
    return e;
}

ExtractedRelation relation(std::string s, RelationType type, std::string o, std::uint32_t at,
                           std::string amount = "") {
    ExtractedRelation r;
    r.subject = std::move(s);
    r.object = std::move(o);
    r.type = type;
    r.label = "label " + std::to_string(at % 3);
    r.sentence = "A sentence at " + std::to_string(at) + ".";
    r.start = at;
    r.end = at + 12;
    r.confidence = 0.5 + 0.1 * (at % 4);
    r.amount = std::move(amount);
    return r;
}

// Documents that share entities under different surface forms, symmetric and directed
// relations, two local entities of one graph entity, and dates that order the evidence.
std::vector<DocumentExtraction> documents() {
    std::vector<DocumentExtraction> docs;
    for (int d = 0; d < 12; ++d) {
        DocumentExtraction doc;
        doc.document.id = "doc-" + std::to_string(d);
        doc.document.title = "Title " + std::to_string(d);
        doc.document.date = "2024-0" + std::to_string(1 + d % 9) + "-1" + std::to_string(d % 10);
        doc.document.source = "news.jsonl:" + std::to_string(d + 1);
        doc.entities.push_back(
            entity("a", d % 2 ? "Kenya" : "Republic of Kenya", EntityType::Country, "Q114"));
        doc.entities.push_back(entity("b", "Norway", EntityType::Country, "Q20"));
        doc.entities.push_back(entity("c", "Person " + std::to_string(d % 4), EntityType::Person));
        doc.entities.push_back(entity("c2", "person " + std::to_string(d % 4), EntityType::Person));
        doc.relations.push_back(relation(d % 2 ? "a" : "b", RelationType::TradesWith,
                                         d % 2 ? "b" : "a", 10u * d,
                                         d % 3 ? "" : "$" + std::to_string(d) + " million"));
        doc.relations.push_back(relation("c", RelationType::AffiliatedWith, "a", 5u * d + 1));
        doc.relations.push_back(relation("c2", RelationType::MetWith, "b", 7u * d + 2));
        docs.push_back(std::move(doc));
    }
    return docs;
}

std::vector<std::string> split_lines(const std::string& text, char separator) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        auto end = text.find(separator, begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) lines.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return lines;
}

// sink -> sorted rows, merging the fragments in `ranges` key ranges.
std::map<std::string, std::vector<std::string>> merge_in_ranges(
    const std::vector<DocumentExtraction>& docs, std::size_t ranges) {
    StringOutput fragments;
    for (const auto& doc : docs) write_keyed_fragments(doc, fragments);
    std::vector<KeyRangeMerger> mergers(ranges);
    std::uint64_t number = 0;
    for (const auto& line : split_lines(fragments.str(), '\n')) {
        ++number;
        if (line[0] == 'X') {
            for (auto& m : mergers) m.add(line, "fragments", number);
            continue;
        }
        const auto key = line.substr(0, line.find('\t', 2));
        mergers[std::hash<std::string>{}(key) % ranges].add(line, "fragments", number);
    }
    std::map<std::string, std::vector<std::string>> sinks;
    for (auto& m : mergers) {
        StringOutput records;
        m.write_records(records);
        for (const auto& record : split_lines(records.str(), '\0')) {
            const auto tab = record.find('\t');
            sinks[record.substr(0, tab)].push_back(record.substr(tab + 1));
        }
    }
    for (auto& [sink, rows] : sinks) std::sort(rows.begin(), rows.end());
    return sinks;
}

// The same sinks from the graph one GraphBuilder makes of every document.
std::map<std::string, std::vector<std::string>> single_machine(
    const std::vector<DocumentExtraction>& docs) {
    GraphBuilder builder;
    for (const auto& doc : docs) builder.add(doc);
    const auto graph = builder.build();
    std::map<std::string, std::vector<std::string>> sinks;
    auto row = [&](const std::string& sink, auto write) {
        StringOutput out;
        write(out);
        sinks[sink].push_back(out.str());
    };
    const auto xrefs = neo4j_csv::xref_columns({"wikidata"});
    for (const auto& e : graph.entities()) {
        row("jsonl/entities", [&](auto& out) { json_records::write_node(graph, e, out); });
        row("neo4j-import/" + neo4j_csv::entity_file_stem(e.type),
            [&](auto& out) { neo4j_csv::write_entity_row(out, e, xrefs); });
    }
    for (const auto& r : graph.relations()) {
        row("jsonl/relations", [&](auto& out) { json_records::write_edge(graph, r, out); });
        row("neo4j-import/" + neo4j_csv::relation_file_stem(relation_type_name(r.type)),
            [&](auto& out) { neo4j_csv::write_relation_row(out, graph, r); });
    }
    for (const auto& d : graph.documents()) {
        row("jsonl/documents", [&](auto& out) { json_records::write_document(graph, d, out); });
        row("neo4j-import/documents", [&](auto& out) { neo4j_csv::write_document_row(out, d); });
        for (const auto& m : d.mentions)
            row("neo4j-import/mentions",
                [&](auto& out) { neo4j_csv::write_mention_row(out, graph, d, m); });
    }
    for (auto& [sink, rows] : sinks) std::sort(rows.begin(), rows.end());
    return sinks;
}

}  // namespace

TEST_CASE("relation keys put the smaller id first for symmetric types only") {
    CHECK(relation_key("wikidata:Q20", RelationType::TradesWith, "wikidata:Q114") ==
          "wikidata:Q114|TRADES_WITH|wikidata:Q20");
    CHECK(relation_key("wikidata:Q20", RelationType::Assured, "wikidata:Q114") ==
          "wikidata:Q20|ASSURED|wikidata:Q114");
}

TEST_CASE("merging keyed fragments in any number of key ranges gives the single graph's rows") {
    const auto docs = documents();
    const auto want = single_machine(docs);
    for (std::size_t ranges : {1u, 2u, 3u, 7u, 40u}) {
        INFO("key ranges: " << ranges);
        auto got = merge_in_ranges(docs, ranges);
        CHECK(got.count("_headers") == 1);
        got.erase("_headers");
        CHECK(got == want);
    }
}

TEST_CASE("every key range writes the same CSV header, with a column per scheme seen anywhere") {
    auto got = merge_in_ranges(documents(), 5);
    std::map<std::string, std::string> headers;
    for (const auto& line : got["_headers"]) {
        const auto tab = line.find('\t');
        auto [it, fresh] = headers.emplace(line.substr(0, tab), line.substr(tab + 1));
        CHECK(it->second == line.substr(tab + 1));
    }
    CHECK(headers.at("neo4j-import/entities_person") ==
          neo4j_csv::entity_header(neo4j_csv::xref_columns({"wikidata"})));
    CHECK(headers.at("neo4j-import/rel_TRADES_WITH") == neo4j_csv::relation_header());
}

TEST_CASE("a key range's whole graph is the graph of its documents") {
    const auto docs = documents();
    StringOutput fragments;
    for (const auto& doc : docs) write_keyed_fragments(doc, fragments);
    KeyRangeMerger merger;
    std::uint64_t number = 0;
    for (const auto& line : split_lines(fragments.str(), '\n')) merger.add(line, "f", ++number);
    CHECK(merger.fragment_count() == number);
    const auto merged = merger.build();
    GraphBuilder builder;
    for (const auto& doc : docs) builder.add(doc);
    const auto single = builder.build();
    REQUIRE(merged.entities().size() == single.entities().size());
    REQUIRE(merged.relations().size() == single.relations().size());
    CHECK(merged.documents().size() == single.documents().size());
    for (std::size_t i = 0; i < single.relations().size(); ++i)
        CHECK(merged.relation_id(merged.relations()[i]) ==
              single.relation_id(single.relations()[i]));
}

TEST_CASE("malformed fragments are errors naming the file and line") {
    KeyRangeMerger merger;
    try {
        merger.add("E\tno-tabs-after-this", "part-3", 17);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(std::string(error.what()).find("part-3:17") != std::string::npos);
    }
    CHECK_THROWS_WITH(merger.add("Q\tk\td\ts\t{}", "part-3", 18),
                      Catch::Contains("part-3:18") && Catch::Contains("unknown fragment kind"));
    CHECK_THROWS_WITH(merger.add("E\tk\td\ts\t{\"document\":{\"id\":\"d\"},\"entities\":[],"
                                 "\"relations\":[]}",
                                 "part-3", 19),
                      Catch::Contains("part-3:19") && Catch::Contains("no entity"));
}
