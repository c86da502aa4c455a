#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kgforge/error.hpp"
#include "nlp/gazetteer.hpp"

using namespace kgforge::nlp;

namespace {

const Gazetteer& gazetteer() {
    static const Gazetteer g = Gazetteer::load(KGFORGE_SOURCE_DIR "/models/gazetteer");
    return g;
}

// Whitespace tokens for tests (views into `text`, which must outlive them).
std::vector<Token> tokens_of(const std::string& text) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) {
            Token t;
            t.begin = static_cast<std::uint32_t>(i);
            t.end = static_cast<std::uint32_t>(j);
            t.text = std::string_view(text).substr(i, j - i);
            t.space_before = i > 0;
            out.push_back(t);
        }
        i = j;
    }
    return out;
}

}  // namespace

TEST_CASE("gazetteer: countries by name, alias and QID", "[gazetteer]") {
    const auto& g = gazetteer();
    REQUIRE(g.countries().size() > 200);
    const auto* pk = g.country_by_name("Pakistan");
    REQUIRE(pk != nullptr);
    CHECK(pk->qid == "Q843");
    CHECK(pk->iso3 == "PAK");
    CHECK(pk->region == "Asia");

    const auto* us = g.country_by_name("U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->name == "United States");
    CHECK(us->qid == "Q30");
    CHECK(g.country_by_name("US") == us);
    CHECK(g.country_by_name("the United States") == us);
    CHECK(g.country_by_name("America") == us);
    CHECK(g.country_by_name("us") == nullptr);  // acronyms match in their own case only

    const auto* uk = g.country_by_name("Britain");
    REQUIRE(uk != nullptr);
    CHECK(uk->name == "United Kingdom");
    CHECK(g.country_by_name("U.K.") == uk);
    CHECK(g.country_by_name("West Germany") != nullptr);
    CHECK(g.country_by_name("Soviet Union") != nullptr);
    CHECK(g.country_index("Atlantis") == -1);
    CHECK(g.country_by_iso3("CHN")->name == "China");
}

TEST_CASE("gazetteer: demonyms, capitals, descriptions", "[gazetteer]") {
    const auto& g = gazetteer();
    REQUIRE(g.country_of_demonym("Pakistani") != nullptr);
    CHECK(g.country_of_demonym("Pakistani")->name == "Pakistan");
    CHECK(g.country_of_demonym("Chinese")->name == "China");
    CHECK(g.country_of_demonym("Kenyan")->name == "Kenya");
    CHECK(g.country_of_demonym("Table") == nullptr);

    REQUIRE(g.country_of_capital("Beijing") != nullptr);
    CHECK(g.country_of_capital("Beijing")->name == "China");
    CHECK(g.country_of_capital("Islamabad")->name == "Pakistan");
    CHECK(g.country_of_capital("Washington")->name == "United States");
    CHECK(g.country_of_capital("Karachi") == nullptr);

    auto south_asian = g.countries_of_description("the South Asian nation");
    std::vector<std::string> names;
    for (const auto* c : south_asian) names.push_back(c->name);
    CHECK(std::find(names.begin(), names.end(), "Pakistan") != names.end());
    CHECK(std::find(names.begin(), names.end(), "India") != names.end());
    CHECK(std::find(names.begin(), names.end(), "China") == names.end());
    CHECK_FALSE(g.countries_of_description("East Asian country").empty());
    CHECK(g.countries_of_description("the big building").empty());
}

TEST_CASE("gazetteer: roles, suffixes, cities, organizations", "[gazetteer]") {
    const auto& g = gazetteer();
    CHECK(g.is_role_word("spokesman"));
    CHECK(g.is_role_word("Spokeswoman"));
    CHECK(g.is_role_word("ministers"));
    CHECK(g.is_role_word("foreign minister"));
    CHECK(g.is_role_word("president"));
    CHECK_FALSE(g.is_role_word("table"));
    CHECK(g.is_org_suffix("Ministry"));
    CHECK(g.is_org_suffix("Corp"));
    CHECK(g.is_org_suffix("Times"));
    CHECK_FALSE(g.is_org_suffix("river"));

    const auto* karachi = g.city("Karachi");
    REQUIRE(karachi != nullptr);
    REQUIRE(karachi->country >= 0);
    CHECK(g.countries()[static_cast<std::size_t>(karachi->country)].name == "Pakistan");
    CHECK(karachi->subtype == "City");

    REQUIRE(g.organization("NATO") != nullptr);
    REQUIRE(g.organization("United Nations") != nullptr);
    CHECK(g.organization("United Nations")->subtype == "InternationalOrganization");
}

TEST_CASE("gazetteer: longest matches over tokens with case rules", "[gazetteer]") {
    const auto& g = gazetteer();
    std::string text = "the United States of America and china met Pakistani officials in Karachi";
    auto tokens = tokens_of(text);
    auto matches = g.find_longest(tokens);
    auto has = [&](std::uint32_t a, std::uint32_t b, GazetteerKind kind) {
        for (const auto& m : matches) {
            if (m.first_token == a && m.end_token == b && m.kind == kind) return true;
        }
        return false;
    };
    CHECK(has(1, 5, GazetteerKind::Country));        // United States of America
    CHECK_FALSE(has(6, 7, GazetteerKind::Country));  // "china": not capitalized
    CHECK(has(8, 9, GazetteerKind::Demonym));
    CHECK(has(11, 12, GazetteerKind::City));
    for (std::size_t k = 1; k < matches.size(); ++k) {
        CHECK(matches[k - 1].end_token <= matches[k].first_token);
    }

    // kinds filter and priority
    const std::array<GazetteerKind, 1> only_roles = {GazetteerKind::RoleWord};
    std::string text2 = "Foreign Ministry spokesman Lin Jian";
    auto tokens2 = tokens_of(text2);
    auto roles = g.find_longest(tokens2, only_roles);
    REQUIRE(roles.size() == 1);
    CHECK(roles[0].first_token == 2);
}

TEST_CASE("gazetteer: all-caps, junk and empty input", "[gazetteer]") {
    const auto& g = gazetteer();
    std::string caps = "PAKISTAN AND CHINA SIGN DEAL IN ISLAMABAD";
    auto tokens = tokens_of(caps);
    auto matches = g.find_longest(tokens);
    bool pakistan = false;
    for (const auto& m : matches) {
        if (m.first_token == 0 && m.kind == GazetteerKind::Country) pakistan = true;
    }
    CHECK(pakistan);

    std::string junk =
        "\xff\xfe \xc3 \xe4\xb8\xad\xe5\x9b\xbd \xd0\x9c\xd0\xbe\xd1\x81 ''' --- "
        "\xf0\x9f\x98\x80 United";
    auto junk_tokens = tokens_of(junk);
    CHECK_NOTHROW(g.find_all(junk_tokens));
    CHECK(g.find_all(std::span<const Token>()).empty());

    Gazetteer empty;
    CHECK(empty.country_by_name("Pakistan") == nullptr);
    CHECK(empty.find_all(tokens).empty());
    CHECK_FALSE(empty.is_role_word("spokesman"));
}

TEST_CASE("gazetteer: missing tables throw a model error", "[gazetteer]") {
    CHECK_THROWS_AS(Gazetteer::load("/nonexistent/kgforge/models"), kgforge::Error);
}

TEST_CASE("gazetteer: case helpers", "[gazetteer]") {
    CHECK(fold_case("ÉCOLE Straße") == "école straße");
    CHECK(starts_upper("Österreich"));
    CHECK_FALSE(starts_upper("österreich"));
    CHECK_FALSE(starts_upper(""));
}

TEST_CASE("gazetteer: common words", "[gazetteer]") {
    const auto& g = gazetteer();
    CHECK(g.is_common_word("bank"));
    CHECK(g.is_common_word("Signs"));
    CHECK(g.is_common_word("talks"));
    CHECK(g.is_common_word("making"));
    CHECK_FALSE(g.is_common_word("Okafor"));
    CHECK_FALSE(g.is_common_word(""));
}
