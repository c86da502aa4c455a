#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exporters/exporters.hpp"
#include "linked_test_graph.hpp"

using namespace kgforge;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

fs::path export_csv(const KnowledgeGraph& graph, const std::string& name) {
    const auto dir = fs::temp_directory_path() /
                     ("kgforge-neo4j-csv-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    export_graph(graph, find_exporter("neo4j-csv"), ExportOptions{}, dir);
    return dir;
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("neo4j-csv writes a folder of typed CSV files and scripts", "[neo4j-csv]") {
    const auto& exporter = find_exporter("neo4j-csv");
    CHECK(exporter.writes_directory());
    const auto graph = testing::linked_test_graph();
    const auto dir = export_csv(graph, "files");
    for (const char* name :
         {"entities_person.csv", "entities_organization.csv", "entities_country.csv",
          "entities_location.csv", "documents.csv", "mentions.csv", "rel_ASSURED.csv",
          "rel_PART_OF.csv", "rel_CRITICIZES.csv", "rel_LOCATED_IN.csv", "import.sh",
          "load.cypher"}) {
        INFO(name);
        CHECK(fs::exists(dir / name));
    }
    CHECK_FALSE(fs::exists(dir / "rel_MET_WITH.csv"));
    CHECK((fs::status(dir / "import.sh").permissions() & fs::perms::owner_exec) != fs::perms::none);

    const auto person = slurp(dir / "entities_person.csv");
    CHECK(person.rfind("id:ID(Entity),:LABEL,name:string,subtype:string,aliases:string[],"
                       "mention_count:long,document_count:long,first_date:string,"
                       "last_date:string,xref_wikidata:string\n",
                       0) == 0);
    // RFC 4180: quoted, quotes doubled, newline kept inside the quotes.
    CHECK(person.find("\"Ada \"\"The\"\" `Count`\nLovelace\"") != std::string::npos);
    // The label and array delimiter is U+001F; a U+001F inside an element becomes U+FFFD.
    CHECK(person.find("\"Entity\x1fPerson\"") != std::string::npos);
    CHECK(person.find("\"A. L.\x1f"
                      "Ada\xef\xbf\xbd"
                      "alias\"") != std::string::npos);

    const auto country = slurp(dir / "entities_country.csv");
    CHECK(country.find(",\"Q843\"\n") != std::string::npos);

    const auto assured = slurp(dir / "rel_ASSURED.csv");
    CHECK(assured.rfind(":START_ID(Entity),:END_ID(Entity),:TYPE,key:string,", 0) == 0);
    CHECK(assured.find(",false,2,0.9,") != std::string::npos);  // symmetric, weight, confidence
    CHECK(assured.find("\"doc-1 \"\"q\"\"#10-60\x1f"
                       "doc-1 \"\"q\"\"#10-60#2\"") != std::string::npos);
    CHECK(assured.find(",10\x1f"
                       "10,60\x1f"
                       "60,") != std::string::npos);

    const auto mentions = slurp(dir / "mentions.csv");
    std::size_t expected = 0;
    for (const auto& d : graph.documents()) expected += d.mentions.size();
    CHECK(count(mentions, "\"MENTIONS\"") == expected);

    const auto script = slurp(dir / "import.sh");
    CHECK(script.rfind("#!/bin/sh\n", 0) == 0);
    CHECK(script.find("database import full \"$database\" \\\n") != std::string::npos);
    CHECK(script.find("--multiline-fields=true") != std::string::npos);
    CHECK(script.find("--array-delimiter=U+001F") != std::string::npos);
    CHECK(script.find("--relationships=\"$here/rel_PART_OF.csv\"") != std::string::npos);

    const auto load = slurp(dir / "load.cypher");
    CHECK(load.find("CREATE CONSTRAINT entity_id IF NOT EXISTS") <
          load.find("LOAD CSV WITH HEADERS"));
    CHECK(load.find("'file:///rel_ASSURED.csv'") == std::string::npos);  // double-quoted
    CHECK(load.find("\"file:///rel_ASSURED.csv\"") != std::string::npos);
    CHECK(load.find("MERGE (s)-[r:`ASSURED`]->(o)") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("neo4j-csv output is deterministic", "[neo4j-csv]") {
    const auto a = export_csv(testing::linked_test_graph(false), "a");
    const auto b = export_csv(testing::linked_test_graph(true), "b");
    for (const auto& entry : fs::directory_iterator(a)) {
        INFO(entry.path().filename());
        CHECK(slurp(entry.path()) == slurp(b / entry.path().filename()));
    }
    fs::remove_all(a);
    fs::remove_all(b);
}
