// Entity and relation types of the kgforge schema (schema/entity_types.json,
// schema/relation_types.json). A unit test keeps this table and the schema files in step.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kgforge {

enum class EntityType : std::uint8_t { Person, Organization, Country, Location };
inline constexpr int kEntityTypeCount = 4;

// "PERSON", "ORGANIZATION", ... (the coarse type names of the annotation guideline).
std::string_view entity_type_name(EntityType type);
// "Person", "Organization", ...: the label used in Neo4j, GEXF and JSON-LD.
std::string_view entity_type_label(EntityType type);
// Accepts either spelling, case-insensitively.
std::optional<EntityType> parse_entity_type(std::string_view text);

enum class RelationType : std::uint8_t {
    Assured,
    SignedAgreementWith,
    NegotiatesWith,
    MetWith,
    Visited,
    CooperatesWith,
    TradesWith,
    Supports,
    Criticizes,
    Sanctions,
    Threatens,
    Attacked,
    Acquired,
    InvestsIn,
    Aids,
    LegalActionAgainst,
    AffiliatedWith,
    PartOf,
    LocatedIn,
};
inline constexpr int kRelationTypeCount = 19;

struct RelationTypeInfo {
    RelationType type;
    std::string_view name;  // "SIGNED_AGREEMENT_WITH": also the Neo4j relationship type
    bool symmetric;
    std::string_view description;
};

std::span<const RelationTypeInfo> relation_types();
const RelationTypeInfo& relation_type_info(RelationType type);
inline std::string_view relation_type_name(RelationType type) {
    return relation_type_info(type).name;
}
inline bool is_symmetric(RelationType type) { return relation_type_info(type).symmetric; }
std::optional<RelationType> parse_relation_type(std::string_view text);

}  // namespace kgforge
