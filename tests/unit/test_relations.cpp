// Relation rules (nlp/relation_extractor.hpp) on hand-built annotations, with the project's
// lexicon (schema/relation_lexicon.tsv) and gazetteer (models/gazetteer).
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "annotated_doc_builder.hpp"
#include "kgforge/error.hpp"
#include "nlp/coreference.hpp"
#include "nlp/gazetteer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/relation_extractor.hpp"

using namespace kgforge;
using kgforge::test::build_doc;

namespace {

const nlp::Gazetteer& gazetteer() {
    static const nlp::Gazetteer g = nlp::Gazetteer::load(KGFORGE_SOURCE_DIR "/models/gazetteer");
    return g;
}

std::shared_ptr<const nlp::Lexicon> lexicon() {
    static const auto lex = std::make_shared<const nlp::Lexicon>(
        nlp::Lexicon::load(KGFORGE_SOURCE_DIR "/schema/relation_lexicon.tsv"));
    return lex;
}

struct Result {
    nlp::AnnotatedDocument doc;
    std::vector<nlp::RelationMention> relations;

    const nlp::RelationMention* find(const std::string& s, RelationType t,
                                     const std::string& o) const {
        for (const auto& r : relations) {
            const auto& sn = doc.entities[static_cast<std::size_t>(r.subject)].name;
            const auto& on = doc.entities[static_cast<std::size_t>(r.object)].name;
            if (r.type != t) continue;
            if (sn == s && on == o) return &r;
            if (is_symmetric(t) && sn == o && on == s) return &r;
        }
        return nullptr;
    }
};

std::unique_ptr<Result> run(const std::string& notation) {
    auto res = std::make_unique<Result>();
    build_doc(res->doc, notation);
    nlp::Coreference(&gazetteer()).resolve(res->doc);
    nlp::RelationExtractor ex(lexicon(), &gazetteer());
    res->relations = ex.extract(res->doc);
    return res;
}

}  // namespace

TEST_CASE("lexicon parses entries and rejects malformed lines", "[relations][lexicon]") {
    const auto lex = nlp::Lexicon::parse(
        "# comment\nverb\tsign|signed\tSIGNED_AGREEMENT_WITH\twith\t-\tseed\n"
        "role\tspokesman|analyst\t-\nnoun\tcooperation\tCOOPERATES_WITH\twith\n");
    CHECK(lex.size() == 2);
    CHECK(lex.starting_with("signed").size() == 1);
    CHECK(lex.is_role("analyst"));
    CHECK_THROWS_AS(nlp::Lexicon::parse("verb\tsign\tNOT_A_TYPE\n"), Error);
    CHECK_THROWS_AS(nlp::Lexicon::parse("bogus\tsign\tASSURED\n"), Error);
    CHECK(lexicon()->size() > 100);
}

TEST_CASE("title pre-modifiers give AFFILIATED_WITH with the role", "[relations]") {
    auto r = run("[ORG Trade/NNP Ministry/NNP] spokeswoman/NN [PER Ana/NNP Ruiz/NNP] said/VBD ./.");
    const auto* rel = r->find("Ana Ruiz", RelationType::AffiliatedWith, "Trade Ministry");
    REQUIRE(rel != nullptr);
    CHECK(rel->role == "spokeswoman");

    auto r2 = run("[COU UK/NNP] Foreign/NNP Secretary/NNP [PER Tom/NNP Hale/NNP] spoke/VBD ./.");
    CHECK(r2->find("Tom Hale", RelationType::AffiliatedWith, "United Kingdom") != nullptr);

    auto r3 =
        run("[ORG Corvin/NNP Bank/NNP] 's/POS chief/JJ economist/NN [PER Ida/NNP Berg/NNP] "
            "said/VBD ./.");
    CHECK(r3->find("Ida Berg", RelationType::AffiliatedWith, "Corvin Bank") != nullptr);
}

TEST_CASE("appositions give AFFILIATED_WITH", "[relations]") {
    auto r =
        run("[PER Omar/NNP Haddad/NNP] ,/, secretary/NN general/NN of/IN the/DT "
            "[ORG Union/NNP of/IN Grain/NNP Shippers/NNPS] ,/, said/VBD ./.");
    CHECK(r->find("Omar Haddad", RelationType::AffiliatedWith, "Union of Grain Shippers") !=
          nullptr);
}

TEST_CASE("X of Y, X-based, X in Y and nationality pre-modifiers", "[relations]") {
    auto r =
        run("The/DT [ORG Highland/NNP Roads/NNP Authority/NNP] of/IN [COU Kenya/NNP] "
            "and/CC the/DT [LOC:Region Ohio/NNP] -/HYPH based/VBN [ORG Pell/NNP Metals/NNPS] "
            "signed/VBD a/DT contract/NN ./.");
    CHECK(r->find("Highland Roads Authority", RelationType::PartOf, "Kenya") != nullptr);
    CHECK(r->find("Pell Metals", RelationType::LocatedIn, "Ohio") != nullptr);
    CHECK(r->find("Highland Roads Authority", RelationType::SignedAgreementWith, "Pell Metals") !=
          nullptr);

    auto r2 =
        run("the/DT [ORG:GovernmentOrganization Kenyan/JJ Embassy/NNP] in/IN "
            "[LOC:City Lima/NNP] and/CC [LOC:City Cusco/NNP] in/IN [COU Peru/NNP] ./.");
    CHECK(r2->find("Kenyan Embassy", RelationType::LocatedIn, "Lima") != nullptr);
    CHECK(r2->find("Cusco", RelationType::LocatedIn, "Peru") != nullptr);

    auto r3 = run("[COU:Demonym Swedish/JJ] truck/NN maker/NN [ORG Nordvik/NNP] rose/VBD ./.");
    CHECK(r3->find("Nordvik", RelationType::LocatedIn, "Sweden") != nullptr);
}

TEST_CASE("verb phrases with coordinated objects and passives", "[relations]") {
    auto r =
        run("[COU Canada/NNP] criticised/VBD [COU France/NNP] ,/, [COU Italy/NNP] and/CC "
            "[COU Spain/NNP] over/IN quotas/NNS ./.");
    CHECK(r->find("Canada", RelationType::Criticizes, "France") != nullptr);
    CHECK(r->find("Canada", RelationType::Criticizes, "Spain") != nullptr);

    auto r2 =
        run("The/DT plan/NN was/VBD backed/VBN by/IN [PER Lea/NNP Stone/NNP] and/CC "
            "opposed/VBN by/IN [ORG Vega/NNP Party/NNP] ./.");
    (void)r2;  // passive without a patient entity: nothing to relate, and no crash

    auto r3 =
        run("[PER Mr/NNP Cole/NNP] 's/POS bid/NN was/VBD backed/VBN by/IN "
            "[PER Lea/NNP Stone/NNP] ./.");
    CHECK(r3->find("Lea Stone", RelationType::Supports, "Cole") != nullptr);
}

TEST_CASE("nominal relations, amounts and reported speech", "[relations]") {
    auto r =
        run("[COU Peru/NNP] 's/POS cooperation/NN with/IN [COU Chile/NNP] grew/VBD ./. || "
            "[COU Peru/NNP] and/CC [COU Chile/NNP] said/VBD bilateral/JJ trade/NN "
            "reached/VBD $/$ 4/CD billion/CD ./.");
    CHECK(r->find("Peru", RelationType::CooperatesWith, "Chile") != nullptr);
    const auto* trade = r->find("Peru", RelationType::TradesWith, "Chile");
    REQUIRE(trade != nullptr);
    CHECK(trade->amount == "$ 4 billion");

    auto r2 =
        run("[COU:Capital Lima/NNP] has/VBZ assured/VBN that/IN the/DT deal/NN will/MD "
            "not/RB hurt/VB [COU Chile/NNP] ./.");
    CHECK(r2->find("Peru", RelationType::Assured, "Chile") != nullptr);
}

TEST_CASE("negation and modality flags", "[relations]") {
    auto r =
        run("[COU Peru/NNP] would/MD never/RB sign/VB a/DT deal/NN with/IN [COU Chile/NNP] ./.");
    const auto* rel = r->find("Peru", RelationType::SignedAgreementWith, "Chile");
    REQUIRE(rel != nullptr);
    CHECK(rel->negated);
    CHECK(rel->hypothetical);
}

TEST_CASE("relation extraction is bounded on long mention-dense sentences", "[relations]") {
    std::string s;
    for (int i = 0; i < 3000; ++i) s += "[COU Peru/NNP] criticised/VBD [COU Chile/NNP] and/CC ";
    s += "./.";
    // Bounded work is what the benchmarks measure (bench/hostile_inputs.py); here: the
    // result is the two relations, not one per repetition.
    auto r = run(s);
    CHECK(r->relations.size() <= 2);
}
