#include <algorithm>
#include <array>
#include <cctype>

#include "kgforge/types.hpp"

namespace kgforge {
namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kEntityNames = {"PERSON", "ORGANIZATION",
                                                                         "COUNTRY", "LOCATION"};
constexpr std::array<std::string_view, kEntityTypeCount> kEntityLabels = {"Person", "Organization",
                                                                          "Country", "Location"};

constexpr std::array<RelationTypeInfo, kRelationTypeCount> kRelationTypes = {{
    {RelationType::Assured, "ASSURED", false, "promises, pledges, guarantees or assures to"},
    {RelationType::SignedAgreementWith, "SIGNED_AGREEMENT_WITH", true,
     "signed or concluded a deal, MoU, accord, treaty or contract with"},
    {RelationType::NegotiatesWith, "NEGOTIATES_WITH", true,
     "holds talks, negotiates, consults with"},
    {RelationType::MetWith, "MET_WITH", true, "met or held a meeting with"},
    {RelationType::Visited, "VISITED", false, "travels to a place or country"},
    {RelationType::CooperatesWith, "COOPERATES_WITH", true,
     "cooperation, partnership, alliance, working together"},
    {RelationType::TradesWith, "TRADES_WITH", true,
     "trade between them, exports to, imports from, trade surplus or deficit with"},
    {RelationType::Supports, "SUPPORTS", false, "backs, supports, endorses, welcomes, praises"},
    {RelationType::Criticizes, "CRITICIZES", false,
     "criticises, condemns, accuses, blames, rejects, objects to"},
    {RelationType::Sanctions, "SANCTIONS", false,
     "imposes a ban, embargo, tariff, sanction, restriction or levy on"},
    {RelationType::Threatens, "THREATENS", false, "threatens, warns of action against"},
    {RelationType::Attacked, "ATTACKED", false, "military or physical attack, fighting"},
    {RelationType::Acquired, "ACQUIRED", false, "buys, acquires, takes over, buys a stake in"},
    {RelationType::InvestsIn, "INVESTS_IN", false, "invests in, funds, holds a stake in"},
    {RelationType::Aids, "AIDS", false, "gives aid, loans, grants or debt relief to"},
    {RelationType::LegalActionAgainst, "LEGAL_ACTION_AGAINST", false,
     "sues, charges, fines, prosecutes, files a claim against"},
    {RelationType::AffiliatedWith, "AFFILIATED_WITH", false,
     "a person holds a role in, works for, represents or is a member of"},
    {RelationType::PartOf, "PART_OF", false,
     "an organization is a unit, subsidiary, ministry or member of another or of a country"},
    {RelationType::LocatedIn, "LOCATED_IN", false,
     "an organization or place is based or located in a place or country"},
}};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::string_view entity_type_name(EntityType type) {
    return kEntityNames[static_cast<std::size_t>(type)];
}
std::string_view entity_type_label(EntityType type) {
    return kEntityLabels[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
    for (int i = 0; i < kEntityTypeCount; ++i) {
        if (iequals(text, kEntityNames[i])) return static_cast<EntityType>(i);
    }
    return std::nullopt;
}

std::span<const RelationTypeInfo> relation_types() {
    return kRelationTypes;
}

const RelationTypeInfo& relation_type_info(RelationType type) {
    return kRelationTypes[static_cast<std::size_t>(type)];
}

std::optional<RelationType> parse_relation_type(std::string_view text) {
    for (const auto& info : kRelationTypes) {
        if (iequals(text, info.name)) return info.type;
    }
    return std::nullopt;
}

}  // namespace kgforge
