// Within-document resolution (nlp/coreference.hpp) on hand-built annotations. Uses the
// project's own gazetteer tables (models/gazetteer), not ../shared.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "annotated_doc_builder.hpp"
#include "nlp/coreference.hpp"
#include "nlp/gazetteer.hpp"

using namespace kgforge;
using kgforge::test::build_doc;

namespace {

const nlp::Gazetteer& gazetteer() {
    static const nlp::Gazetteer g = nlp::Gazetteer::load(KGFORGE_SOURCE_DIR "/models/gazetteer");
    return g;
}

const nlp::ResolvedEntity* find_entity(const nlp::AnnotatedDocument& doc, const std::string& name) {
    for (const auto& e : doc.entities)
        if (e.name == name) return &e;
    return nullptr;
}

bool has_alias(const nlp::ResolvedEntity& e, const std::string& alias) {
    return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

int entity_of_token(const nlp::AnnotatedDocument& doc, std::uint32_t token) {
    for (const auto& m : doc.mentions)
        if (m.first_token <= token && token < m.end_token) return m.entity;
    return -1;
}

}  // namespace

TEST_CASE("acronym definitions become aliases and later acronyms resolve", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[ORG Northern/NNP Grain/NNP Traders/NNPS] (/-LRB- [ORG NGT/NNP] )/-RRB- opened/VBD "
              "./. || Analysts/NNS said/VBD NGT/NNP would/MD grow/VB ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    const auto* e = find_entity(doc, "Northern Grain Traders");
    REQUIRE(e != nullptr);
    CHECK(has_alias(*e, "NGT"));
    CHECK(e->mentions == 3);  // the name, the definition, the later bare acronym
    CHECK(doc.entities.size() == 1);
}

TEST_CASE("an acronym matching the initials of an earlier name joins it", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[ORG Ministry/NNP of/IN Coastal/NNP Fisheries/NNPS] spoke/VBD ./. || "
              "[ORG MCF/NNP] agreed/VBD ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    REQUIRE(doc.entities.size() == 1);
    CHECK(doc.entities[0].name == "Ministry of Coastal Fisheries");
    CHECK(has_alias(doc.entities[0], "MCF"));
}

TEST_CASE("surnames and titled names resolve to the full name", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[PER Maria/NNP Okafor/NNP] arrived/VBD ./. || [PER Ms/NNP Okafor/NNP] said/VBD "
              "./. || [PER Okafor/NNP] left/VBD ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    REQUIRE(doc.entities.size() == 1);
    CHECK(doc.entities[0].name == "Maria Okafor");
    CHECK(has_alias(doc.entities[0], "Okafor"));
    CHECK(has_alias(doc.entities[0], "Ms Okafor"));
    CHECK(doc.entities[0].type == EntityType::Person);
}

TEST_CASE("demonyms, abbreviations and capitals-as-actors resolve to countries", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(
        doc,
        "[COU:Demonym Brazilian/JJ] officials/NNS met/VBD ./. || [COU U.S./NNP] firms/NNS "
        "agreed/VBD ./. || [COU:Capital Brasilia/NNP] said/VBD ./. || "
        "[COU Brazil/NNP] exports/VBZ ./. || They/PRP met/VBD in/IN [LOC:City Brasilia/NNP] ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    const auto* brazil = find_entity(doc, "Brazil");
    REQUIRE(brazil != nullptr);
    CHECK(brazil->type == EntityType::Country);
    CHECK(has_alias(*brazil, "Brazilian"));
    CHECK(has_alias(*brazil, "Brasilia"));
    CHECK(!brazil->external_ids.empty());
    const auto* us = find_entity(doc, "United States");
    REQUIRE(us != nullptr);
    CHECK(has_alias(*us, "U.S."));
    // the place use of the capital stays a location of its own
    const auto* city = find_entity(doc, "Brasilia");
    REQUIRE(city != nullptr);
    CHECK(city->type == EntityType::Location);
}

TEST_CASE("a description of an already-mentioned country resolves to it", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[COU Peru/NNP] signed/VBD ./. || Mining/NN in/IN [COU:Description the/DT "
              "South/NNP American/NNP nation/NN] grew/VBD ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    const auto* peru = find_entity(doc, "Peru");
    REQUIRE(peru != nullptr);
    // the description either resolves to Peru or is dropped; it never becomes an entity
    CHECK(doc.entities.size() == 1);
}

TEST_CASE("organization 'of' country mentions are split", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[ORG The/DT Highland/NNP Roads/NNP Authority/NNP of/IN Kenya/NNP] said/VBD ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    CHECK(find_entity(doc, "Highland Roads Authority") != nullptr);
    CHECK(find_entity(doc, "Kenya") != nullptr);
}

TEST_CASE("pronouns resolve to the nearest compatible antecedent", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[PER Ravi/NNP Menon/NNP] of/IN [ORG Delta/NNP Mills/NNPS] said/VBD he/PRP "
              "would/MD stay/VB ./. || [ORG Delta/NNP Mills/NNPS] said/VBD its/PRP$ "
              "profits/NNS rose/VBD ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    // "he" (token 6) -> Ravi Menon; "its" (token 13) -> Delta Mills
    const int he = entity_of_token(doc, 6);
    const int its = entity_of_token(doc, 13);
    REQUIRE(he >= 0);
    REQUIRE(its >= 0);
    CHECK(doc.entities[static_cast<std::size_t>(he)].name == "Ravi Menon");
    CHECK(doc.entities[static_cast<std::size_t>(its)].name == "Delta Mills");
    // pronouns are not aliases
    for (const auto& e : doc.entities) {
        CHECK(!has_alias(e, "he"));
        CHECK(!has_alias(e, "its"));
    }
}

TEST_CASE("'the government' resolves to the main country", "[coreference]") {
    nlp::AnnotatedDocument doc;
    build_doc(doc,
              "[COU Chile/NNP] voted/VBD ./. || [COU Chile/NNP] won/VBD ./. || Critics/NNS "
              "attacked/VBD the/DT government/NN ./.");
    nlp::Coreference(&gazetteer()).resolve(doc);
    const int gov = entity_of_token(doc, 8);  // "the government"
    REQUIRE(gov >= 0);
    CHECK(doc.entities[static_cast<std::size_t>(gov)].name == "Chile");
}

TEST_CASE("resolution is bounded and safe on empty input", "[coreference]") {
    nlp::AnnotatedDocument doc;
    nlp::Coreference(&gazetteer()).resolve(doc);
    CHECK(doc.entities.empty());
    nlp::Coreference(nullptr).resolve(doc);
    CHECK(doc.entities.empty());
}
