#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

using namespace kgforge;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir() {
    auto dir = fs::temp_directory_path() / ("kgforge-test-input-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}
void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("the 'date YYYY-MM-DD Title' header", "[input]") {
    auto doc = parse_text_article(" date 2025-10-13 Some headline: here\n\nBody text.\n", "a.txt",
                                  "a.txt");
    CHECK(doc.date == "2025-10-13");
    CHECK(doc.title == "Some headline: here");
    // Offsets of the body are unchanged; the date marker is blanked out.
    CHECK(doc.text.find("Body text.") ==
          std::string(" date 2025-10-13 Some headline: here\n\n").size());
    CHECK(doc.text.find("2025") == std::string::npos);
}

TEST_CASE("a title line then a blank line", "[input]") {
    auto doc = parse_text_article("The title\n\nThe body.", "b", "b");
    CHECK(doc.title == "The title");
    CHECK(doc.date.empty());
    auto no_header = parse_text_article("Just a body that goes on.\nSecond line.", "c", "c");
    CHECK(no_header.title.empty());
}

TEST_CASE("invalid UTF-8 is repaired with a warning naming the offset", "[input]") {
    Diagnostics diagnostics;
    auto repaired = repair_utf8(std::string("ab\xff") + "cd\xc3", "x.txt", diagnostics);
    CHECK(repaired ==
          "ab\xEF\xBF\xBD"
          "cd\xEF\xBF\xBD");
    REQUIRE(diagnostics.warnings().size() == 1);
    CHECK(diagnostics.warnings()[0].find("x.txt: invalid UTF-8 at byte offset 2") == 0);
    Diagnostics clean;
    CHECK(repair_utf8("héllo 😀", "y", clean) == "héllo 😀");
    CHECK(clean.warnings().empty());
}

TEST_CASE("folders are read recursively in sorted order", "[input]") {
    auto dir = temp_dir() / "tree";
    fs::create_directories(dir / "sub");
    write_file(dir / "b.txt", "B");
    write_file(dir / "sub" / "a.txt", "A");
    write_file(dir / "notes.md", "ignored");
    write_file(dir / "docs.jsonl", "{\"id\":\"j1\",\"text\":\"J\"}\n");
    std::vector<std::string> args{dir.string()};
    auto sources = discover_inputs(args, false);
    REQUIRE(sources.size() == 3);
    CHECK(sources[0].document_id == "b.txt");
    CHECK(sources[1].kind == InputKind::Jsonl);
    CHECK(sources[2].document_id == "sub/a.txt");
    fs::remove_all(dir);
}

TEST_CASE("a missing input is an I/O error naming it", "[input]") {
    std::vector<std::string> args{"/no/such/file.txt"};
    try {
        discover_inputs(args, false);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Io);
        CHECK(std::string(error.what()).find("/no/such/file.txt") != std::string::npos);
    }
}

TEST_CASE("malformed JSONL names file, line and column; --keep-going continues", "[input]") {
    auto dir = temp_dir();
    auto path = dir / "bad.jsonl";
    write_file(path,
               "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\":}\n{\"id\":\"3\",\"text\":"
               "\"ok\"}\n");
    InputSource source{path.string(), "bad.jsonl", "bad.jsonl", InputKind::Jsonl};
    std::vector<std::string> ids;
    Diagnostics strict;
    CHECK_THROWS_WITH(read_documents(source, strict, [&](Document&& d) { ids.push_back(d.id); }),
                      Catch::Contains("bad.jsonl:2:18"));
    ids.clear();
    Diagnostics lenient(true);
    read_documents(source, lenient, [&](Document&& d) { ids.push_back(d.id); });
    CHECK(ids == std::vector<std::string>{"1", "3"});
    CHECK(lenient.errors().size() == 1);
    fs::remove_all(dir);
}

TEST_CASE("extraction input is validated against the schema", "[input][schema]") {
    auto ok = parse_extraction(
        R"({"document":{"id":"d1","date":"2024-01-01"},"entities":[{"id":"a","name":"Acme","type":"ORGANIZATION"},{"id":"b","name":"Kenya","type":"COUNTRY","external_ids":{"wikidata":"Q114"}}],"relations":[{"subject":"a","object":"b","type":"LOCATED_IN","evidence":{"sentence":"Acme of Kenya","start":0,"end":13}}]})",
        "x.jsonl", 1);
    CHECK(ok.entities.size() == 2);
    CHECK(ok.relations[0].type == RelationType::LocatedIn);
    CHECK(ok.entities[1].external_ids[0].second == "Q114");

    CHECK_THROWS_WITH(
        parse_extraction(
            R"({"document":{"id":"d"},"entities":[{"id":"a","name":"A","type":"ALIEN"}],"relations":[]})",
            "x.jsonl", 4),
        Catch::Contains("x.jsonl:4") && Catch::Contains("/entities/0/type"));
    CHECK_THROWS_WITH(
        parse_extraction(
            R"({"document":{"id":"d"},"entities":[],"relations":[{"subject":"a","object":"b","type":"ASSURED"}]})",
            "x.jsonl", 2),
        Catch::Contains("/relations/0/subject"));
    CHECK_THROWS_WITH(parse_extraction(R"({"document":{"id":"d"},"entities":[]})", "x.jsonl", 3),
                      Catch::Contains("required"));
    CHECK_THROWS_WITH(
        parse_extraction(R"({"document":{"id":"d"},"entities":[],"relations":[],"extra":1})",
                         "x.jsonl", 3),
        Catch::Contains("unknown field"));
}

TEST_CASE("extraction JSON round-trips through the writer", "[input]") {
    DocumentExtraction doc;
    doc.document = {"id \"1\"", "T", "2024-02-03", "http://x", "src"};
    doc.entities.push_back({"e1", "Name \n with newline", EntityType::Person, "", {"N"}, {}, 3});
    doc.entities.push_back(
        {"e2", "Org", EntityType::Organization, "Company", {}, {{"wikidata", "Q1"}}, 1});
    ExtractedRelation r;
    r.subject = "e1";
    r.object = "e2";
    r.type = RelationType::AffiliatedWith;
    r.label = "works for";
    r.role = "chief";
    r.sentence = "Name works for Org.";
    r.start = 5;
    r.end = 24;
    r.confidence = 0.75;
    doc.relations.push_back(r);
    StringOutput out;
    write_extraction_json(doc, out);
    auto back = parse_extraction(out.str(), "roundtrip", 1);
    CHECK(back.document.id == doc.document.id);
    CHECK(back.entities[0].name == doc.entities[0].name);
    CHECK(back.entities[0].mentions == 3);
    CHECK(back.entities[1].external_ids == doc.entities[1].external_ids);
    CHECK(back.relations[0].role == "chief");
    CHECK(back.relations[0].confidence == Approx(0.75));
    CHECK(back.relations[0].end == 24);
}
