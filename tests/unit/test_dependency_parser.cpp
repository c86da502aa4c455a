#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "kgforge/error.hpp"
#include "nlp/dependency_parser.hpp"
#include "nlp/parse/arc_eager.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

using namespace kgforge::nlp;

namespace {

const std::filesystem::path kModels = KGFORGE_SOURCE_DIR "/models";

const PosTagger& tagger() {
    static const PosTagger t = PosTagger::load(kModels / "pos-tagger.bin");
    return t;
}
const DependencyParser& parser() {
    static const DependencyParser p = DependencyParser::load(kModels / "parser.bin");
    return p;
}

AnnotatedDocument parsed(const std::string& text) {
    AnnotatedDocument doc;
    doc.text = text;
    tokenize(doc);
    split_sentences(doc);
    tagger().tag(doc);
    parser().parse(doc);
    return doc;
}

int find(const AnnotatedDocument& doc, std::string_view word) {
    for (std::size_t i = 0; i < doc.tokens.size(); ++i)
        if (doc.tokens[i].text == word) return static_cast<int>(i);
    FAIL("no token " << word);
    return -1;
}

// Runs the oracle's zero-cost moves from the start; returns the heads it ends with.
std::vector<int> oracle_parse(const std::vector<int>& gold) {
    const int n = static_cast<int>(gold.size());
    parse::ArcEagerState state(n);
    while (!state.terminal()) {
        bool moved = false;
        for (int m = 0; m < parse::kMoveCount && !moved; ++m) {
            const auto move = static_cast<parse::Move>(m);
            if (state.legal(move) && state.cost(move, gold) == 0) {
                state.apply(move, ud::dep);
                moved = true;
            }
        }
        REQUIRE(moved);
    }
    std::vector<int> heads(gold.size());
    for (int t = 0; t < n; ++t) heads[static_cast<std::size_t>(t)] = state.head(t);
    return heads;
}

}  // namespace

TEST_CASE("parser: relation names round-trip and universal parts", "[parser]") {
    for (std::uint8_t d = 1; d < kDeprelCount; ++d) CHECK(deprel_id(deprel_name(d)) == d);
    CHECK(deprel_name(ud::nmod_poss) == "nmod:poss");
    CHECK(universal_deprel(ud::nmod_poss) == ud::nmod);
    CHECK(universal_deprel(ud::obj) == ud::obj);
    CHECK_FALSE(deprel_id("nonsense").has_value());
}

TEST_CASE("parser: the dynamic oracle reaches every projective gold tree", "[parser]") {
    // root = n (the last index)
    const std::vector<std::vector<int>> trees = {
        {1, 4, 1, 4, 7, 6, 4},     // chains and right arcs
        {2, 2, 3, 8, 6, 6, 3, 3},  // "The company signed a deal with the state ."
        {3, 3, 3, 5, 5, 8, 7, 5},  // left-heavy
        {1},                       // one word: head is the root (n = 1)
    };
    for (const auto& gold : trees) CHECK(oracle_parse(gold) == gold);
}

TEST_CASE("parser: a news sentence gets its subject, object and oblique", "[parser]") {
    const auto doc =
        parsed("The Frontier Works Organization signed a memorandum with US Strategic Metals.");
    const int signed_ = find(doc, "signed");
    const auto& verb = doc.tokens[static_cast<std::size_t>(signed_)];
    CHECK(verb.head == -1);
    CHECK(verb.deprel == ud::root);
    const auto& organization = doc.tokens[static_cast<std::size_t>(find(doc, "Organization"))];
    CHECK(organization.head == signed_);
    CHECK(organization.deprel == ud::nsubj);
    const auto& memo = doc.tokens[static_cast<std::size_t>(find(doc, "memorandum"))];
    CHECK(memo.head == signed_);
    CHECK(memo.deprel == ud::obj);
    const int metals = find(doc, "Metals");
    CHECK(doc.tokens[static_cast<std::size_t>(find(doc, "with"))].head == metals);
    // every token has a head inside its sentence or is the root
    for (const auto& t : doc.tokens) {
        CHECK(t.deprel != ud::None);
        CHECK(t.head < static_cast<std::int32_t>(doc.tokens.size()));
    }
}

TEST_CASE("parser: heads are document indices, sentence by sentence; output deterministic",
          "[parser]") {
    const std::string text = "Kenya signed a deal. Norway welcomed the agreement on Monday.";
    const auto a = parsed(text);
    const auto b = parsed(text);
    REQUIRE(a.sentences.size() == 2);
    const auto& second = a.sentences[1];
    for (std::uint32_t t = second.first_token; t < second.end_token; ++t) {
        const auto h = a.tokens[t].head;
        CHECK((h == -1 || (h >= static_cast<std::int32_t>(second.first_token) &&
                           h < static_cast<std::int32_t>(second.end_token))));
        CHECK(h == b.tokens[t].head);
        CHECK(a.tokens[t].deprel == b.tokens[t].deprel);
    }
    CHECK(a.tokens[static_cast<std::size_t>(find(a, "Norway"))].deprel == ud::nsubj);
}

TEST_CASE("parser: missing, foreign and corrupt model files are refused", "[parser]") {
    CHECK_THROWS_AS(DependencyParser::load("/nonexistent/parser.bin"), kgforge::Error);
    CHECK_THROWS_AS(DependencyParser::load(kModels / "pos-tagger.bin"), kgforge::Error);
    const DependencyParser empty;
    AnnotatedDocument doc;
    doc.text = "Nothing happens.";
    tokenize(doc);
    split_sentences(doc);
    empty.parse(doc);
    for (const auto& t : doc.tokens) CHECK(t.deprel == ud::None);
}
