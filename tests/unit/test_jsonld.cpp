#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <rapidjson/document.h>

#include "exporters/exporters.hpp"
#include "exporters/jsonld.hpp"
#include "kgforge/error.hpp"
#include "linked_test_graph.hpp"

using namespace kgforge;

namespace {

std::string export_jsonld(const KnowledgeGraph& graph, const std::string& base = "") {
    ExportOptions options;
    if (!base.empty()) options.base_iri = base;
    StringOutput out;
    find_exporter("jsonld").write(graph, options, out);
    return out.str();
}

const rapidjson::Value* node(const rapidjson::Document& doc, const std::string& id) {
    for (const auto& n : doc["@graph"].GetArray())
        if (n.HasMember("@id") && n["@id"].GetString() == id) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("the embedded JSON-LD context is schema/context.jsonld", "[jsonld]") {
    std::ifstream in(std::string(KGFORGE_SOURCE_DIR) + "/schema/context.jsonld", std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == std::string(kJsonLdContext));
    rapidjson::Document doc;
    doc.Parse(text.str().c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["@context"]["@version"].GetDouble() == 1.1);
    CHECK(std::string(doc["@context"]["kg"].GetString())
              .find("/v" + std::string(kJsonLdContextVersion) + "#") != std::string::npos);
    for (const auto& info : relation_types()) {
        INFO(info.name);
        CHECK(doc["@context"].HasMember(std::string(info.name).c_str()));
    }
}

TEST_CASE("IRI segments are percent-encoded", "[jsonld]") {
    CHECK(iri_segment("wikidata:Q843") == "wikidata:Q843");
    CHECK(iri_segment("person:imran khan") == "person:imran%20khan");
    CHECK(iri_segment("a/b#c?d%e\"f") == "a%2Fb%23c%3Fd%25e%22f");
    CHECK(iri_segment("\xc3\xa9") == "%C3%A9");
    CHECK(iri_segment("") == "");
    CHECK(is_iso_date("2024-01-15"));
    CHECK_FALSE(is_iso_date("2024-13-01"));
    CHECK_FALSE(is_iso_date("15/01/2024"));
    CHECK_FALSE(is_iso_date(""));
    CHECK(is_absolute_iri("https://example.org/x?a=1"));
    CHECK_FALSE(is_absolute_iri("not a url"));
    CHECK_FALSE(is_absolute_iri("/relative"));
    CHECK_FALSE(is_absolute_iri("https://example.org/a b"));
}

TEST_CASE("JSON-LD export: context, types, IRIs, statements and provenance", "[jsonld]") {
    const auto graph = testing::linked_test_graph();
    const auto text = export_jsonld(graph);
    CHECK(text.rfind(std::string(kJsonLdContext.substr(0, kJsonLdContext.rfind('}') - 2)), 0) == 0);
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc["@graph"].IsArray());
    const std::string base = "https://kgforge.org/id/";

    const auto* pakistan = node(doc, base + "entity/wikidata:Q843");
    REQUIRE(pakistan);
    CHECK(std::string((*pakistan)["sameAs"].GetString()) == "http://www.wikidata.org/entity/Q843");
    CHECK(std::string((*pakistan)["@type"][1].GetString()) == "Country");
    CHECK((*pakistan)["mentionCount"].GetUint() == 4);

    const auto* ministry = node(doc, base + "entity/organization:ministry%20of%20%5C%20finance");
    REQUIRE(ministry);
    CHECK(std::string((*ministry)["@type"][1].GetString()) == "GovernmentOrganization");
    REQUIRE((*ministry).HasMember("PART_OF"));
    CHECK(std::string((*ministry)["PART_OF"][0].GetString()) == base + "entity/wikidata:Q843");

    // The negated CRITICIZES relation is a statement, not a direct triple.
    CHECK_FALSE(pakistan->HasMember("CRITICIZES"));
    const auto* negated = node(
        doc, base +
                 "statement/"
                 "wikidata:Q843%7CCRITICIZES%7Cperson:ada%20%22the%22%20%60count%60%20lovelace");
    if (!negated) {
        // The normalized person id is not spelled out here; find the statement by type.
        for (const auto& n : doc["@graph"].GetArray())
            if (n.HasMember("relationType") &&
                std::string(n["relationType"].GetString()) == "CRITICIZES")
                negated = &n;
    }
    REQUIRE(negated);
    CHECK((*negated)["negated"].GetBool());

    const rapidjson::Value* assured = nullptr;
    for (const auto& n : doc["@graph"].GetArray())
        if (n.HasMember("relationType") && std::string(n["relationType"].GetString()) == "ASSURED")
            assured = &n;
    REQUIRE(assured);
    CHECK(std::string((*assured)["@type"].GetString()) == "Statement");
    CHECK(std::string((*assured)["predicate"].GetString()) == "kg:ASSURED");
    CHECK((*assured)["weight"].GetUint() == 2);
    CHECK(std::string((*assured)["confidence"].GetString()) == "0.9");
    REQUIRE((*assured)["evidence"].Size() == 2);
    const auto& ev = (*assured)["evidence"][0];
    CHECK(std::string(ev["wasDerivedFrom"].GetString()) == base + "document/doc-1%20%22q%22");
    CHECK(std::string(ev["sentence"].GetString()) ==
          "Ada assured Pakistan;\n// not a comment \x01 \"x\"");
    CHECK(ev["startOffset"].GetUint() == 10);
    CHECK(std::string(ev["date"].GetString()) == "2024-01-15");
    CHECK(std::string(ev["@id"].GetString()).find("/evidence/doc-1%20%22q%22%2310-60") !=
          std::string::npos);

    const auto* article = node(doc, base + "document/doc-1%20%22q%22");
    REQUIRE(article);
    CHECK(std::string((*article)["@type"].GetString()) == "NewsArticle");
    CHECK(std::string((*article)["datePublished"].GetString()) == "2024-01-15");
    CHECK(std::string((*article)["url"].GetString()) == "https://example.org/a?b=1");
    CHECK((*article)["mentions"].Size() == 4);
    const auto* second = node(doc, base + "document/doc-2");
    REQUIRE(second);
    CHECK_FALSE(second->HasMember("url"));
    CHECK(std::string((*second)["urlText"].GetString()) == "not a url");
    CHECK_FALSE(second->HasMember("datePublished"));
}

TEST_CASE("JSON-LD base IRI is configurable and validated", "[jsonld]") {
    const auto graph = testing::linked_test_graph();
    const auto text = export_jsonld(graph, "http://example.org/kg");
    CHECK(text.find("\"http://example.org/kg/entity/wikidata:Q843\"") != std::string::npos);
    CHECK_THROWS_AS(export_jsonld(graph, "not an iri"), Error);
    CHECK(export_jsonld(testing::linked_test_graph(false)) ==
          export_jsonld(testing::linked_test_graph(true)));
}
