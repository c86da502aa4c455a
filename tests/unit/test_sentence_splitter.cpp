#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

using kgforge::nlp::AnnotatedDocument;

namespace {

std::vector<std::string> sentences(const std::string& text, std::size_t* forced = nullptr,
                                   std::uint32_t max_tokens = 200) {
    AnnotatedDocument doc;
    doc.text = text;
    kgforge::nlp::tokenize(doc);
    kgforge::nlp::SentenceSplitOptions options;
    options.max_tokens = max_tokens;
    const std::size_t f = kgforge::nlp::split_sentences(doc, options);
    if (forced) *forced = f;
    std::vector<std::string> out;
    std::uint32_t expected_first = 0;
    for (const auto& s : doc.sentences) {
        REQUIRE(s.first_token == expected_first);  // contiguous, in order, non-empty
        REQUIRE(s.end_token > s.first_token);
        expected_first = s.end_token;
        out.emplace_back(doc.text.substr(s.begin, s.end - s.begin));
    }
    REQUIRE(expected_first == doc.tokens.size());
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("splitter: basic end punctuation", "[splitter]") {
    CHECK(sentences("It rained. Then it stopped! Did it? Yes.") ==
          V{"It rained.", "Then it stopped!", "Did it?", "Yes."});
    CHECK(sentences("no final punctuation") == V{"no final punctuation"});
    CHECK(sentences("").empty());
}

TEST_CASE("splitter: abbreviations and initials", "[splitter]") {
    CHECK(sentences("U.S. officials said. They left.") == V{"U.S. officials said.", "They left."});
    CHECK(sentences("Mr. Smith met Dr. Jones at 5 p.m. yesterday.") ==
          V{"Mr. Smith met Dr. Jones at 5 p.m. yesterday."});
    CHECK(sentences("J. R. Smith spoke.") == V{"J. R. Smith spoke."});
    CHECK(sentences("Apple Inc. Chief Executive Tim Cook spoke.") ==
          V{"Apple Inc. Chief Executive Tim Cook spoke."});
    // "Inc." ends a sentence when the next word clearly starts one.
    CHECK(sentences("He joined Acme Inc. The firm grew.") ==
          V{"He joined Acme Inc.", "The firm grew."});
    CHECK(sentences("Troops left the U.S. They went home.") ==
          V{"Troops left the U.S.", "They went home."});
}

TEST_CASE("splitter: quotes and brackets end sentences", "[splitter]") {
    CHECK(sentences("\"We will win.\" He smiled.") == V{"\"We will win.\"", "He smiled."});
    CHECK(sentences("\xE2\x80\x9CNo!\xE2\x80\x9D she said.") ==
          V{"\xE2\x80\x9CNo!\xE2\x80\x9D she said."});
    CHECK(sentences("(This is aside.) Next one.") == V{"(This is aside.)", "Next one."});
    CHECK(sentences("He said \"stop.\" Then left.") == V{"He said \"stop.\"", "Then left."});
}

TEST_CASE("splitter: headlines and paragraphs", "[splitter]") {
    CHECK(sentences("Yukos unit buyer faces loan claim\nThe owners of Yukos are to ask.") ==
          V{"Yukos unit buyer faces loan claim", "The owners of Yukos are to ask."});
    CHECK(sentences("U.K. AND GERMANY LEAD ATTACK ON EC FARM REFORMS\n\nBritain and West "
                    "Germany told\ntheir partners they would oppose it.") ==
          V{"U.K. AND GERMANY LEAD ATTACK ON EC FARM REFORMS",
            "Britain and West Germany told\ntheir partners they would oppose it."});
    CHECK(sentences("first paragraph without stop\n\nsecond paragraph") ==
          V{"first paragraph without stop", "second paragraph"});
    // A hard-wrapped line inside a sentence is not a headline.
    CHECK(sentences("Officials said on Monday that\nthe talks had failed.") ==
          V{"Officials said on Monday that\nthe talks had failed."});
}

TEST_CASE("splitter: long sentences are cut", "[splitter]") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += (i % 30 == 29) ? "word, " : "word ";
    std::size_t forced = 0;
    const auto s = sentences(text, &forced, 200);
    CHECK(forced >= 2);
    CHECK(s.size() == forced + 1);
    std::size_t none = 0;
    CHECK(sentences("A short one. Another.", &none).size() == 2);
    CHECK(none == 0);
}
