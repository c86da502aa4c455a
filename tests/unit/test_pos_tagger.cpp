#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "kgforge/error.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

using kgforge::nlp::AnnotatedDocument;
using kgforge::nlp::PosTagger;

namespace {

const std::filesystem::path kModel = KGFORGE_SOURCE_DIR "/models/pos-tagger.bin";

const PosTagger& tagger() {
    static const PosTagger t = PosTagger::load(kModel);
    return t;
}

std::vector<std::string> tags(const std::string& text) {
    AnnotatedDocument doc;
    doc.text = text;
    kgforge::nlp::tokenize(doc);
    kgforge::nlp::split_sentences(doc);
    tagger().tag(doc);
    std::vector<std::string> out;
    for (const auto& t : doc.tokens) out.emplace_back(tagger().tag_name(t.pos));
    return out;
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("pos: tag set names and ids", "[pos]") {
    using namespace kgforge::nlp;
    CHECK(ptb_tag_name(ptb::NNP) == "NNP");
    CHECK(ptb_tag_name(ptb::PRP_S) == "PRP$");
    CHECK(ptb_tag_name(ptb::LRB) == "-LRB-");
    CHECK(ptb_tag_name(ptb::None).empty());
    CHECK(ptb_tag_name(9999).empty());
    for (std::uint16_t t = 1; t < kTagCount; ++t) CHECK(ptb_tag_id(ptb_tag_name(t)) == t);
    CHECK(!ptb_tag_id("NOPE").has_value());
    CHECK(is_proper_noun(ptb::NNPS));
    CHECK(is_verb(ptb::VBZ));
    CHECK(!is_verb(ptb::MD));
}

TEST_CASE("pos: tags a news sentence", "[pos]") {
    CHECK(tags("The president of France met German officials in Berlin on Monday.") ==
          V{"DT", "NN", "IN", "NNP", "VBD", "JJ", "NNS", "IN", "NNP", "IN", "NNP", "."});
    CHECK(tags("She said the company will sign a $7.2 billion deal.") ==
          V{"PRP", "VBD", "DT", "NN", "MD", "VB", "DT", "$", "CD", "CD", "NN", "."});
    CHECK(tags("It wasn't Russia's fault.") == V{"PRP", "VBD", "RB", "NNP", "POS", "NN", "."});
}

TEST_CASE("pos: model loads and is small", "[pos]") {
    const PosTagger t = PosTagger::load(kModel);
    CHECK(!t.empty());
    CHECK(t.description().find("EWT") != std::string::npos);
    CHECK(std::filesystem::file_size(kModel) < 6u * 1024 * 1024);
}

TEST_CASE("pos: save is deterministic and round-trips", "[pos]") {
    const auto out = std::filesystem::temp_directory_path() / "kgforge-test-pos-roundtrip.bin";
    tagger().save(out);
    CHECK(read_all(out) == read_all(kModel));
    std::filesystem::remove(out);
}

TEST_CASE("pos: bad model files are rejected", "[pos]") {
    CHECK_THROWS_AS(PosTagger::load("/nonexistent/pos-tagger.bin"), kgforge::Error);
    const auto bad = std::filesystem::temp_directory_path() / "kgforge-test-pos-bad.bin";
    {
        std::string bytes = read_all(kModel);
        bytes[bytes.size() / 2] ^= 0x5A;  // checksum mismatch
        std::ofstream(bad, std::ios::binary) << bytes;
    }
    CHECK_THROWS_AS(PosTagger::load(bad), kgforge::Error);
    {
        std::ofstream(bad, std::ios::binary) << "KGFPOSTG";  // truncated
    }
    CHECK_THROWS_AS(PosTagger::load(bad), kgforge::Error);
    std::filesystem::remove(bad);
}

TEST_CASE("pos: empty input and untagged default", "[pos]") {
    AnnotatedDocument doc;
    tagger().tag(doc);
    CHECK(doc.tokens.empty());
    PosTagger empty;
    CHECK(empty.empty());
    doc.text = "Hello there.";
    kgforge::nlp::tokenize(doc);
    empty.tag(doc);
    for (const auto& t : doc.tokens) CHECK(t.pos == kgforge::nlp::ptb::None);
}

TEST_CASE("pos: concurrent tagging gives the same result", "[pos]") {
    const std::string text =
        "Britain and West Germany told their European Community partners they would "
        "strongly oppose major elements of proposals to rid the EC of its farm surpluses.";
    const auto expected = tags(text);
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results)
        threads.emplace_back([&r, &text] {
            for (int i = 0; i < 20; ++i) r = tags(text);
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == expected);
}
