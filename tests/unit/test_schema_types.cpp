#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kgforge/types.hpp"

using namespace kgforge;

TEST_CASE("relation types in code match schema/relation_types.json", "[schema]") {
    std::ifstream file(KGFORGE_SOURCE_DIR "/schema/relation_types.json");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    rapidjson::Document json;
    json.Parse(text.str().c_str());
    REQUIRE(json.IsObject());
    const auto& list = json["relation_types"];
    REQUIRE(list.Size() == static_cast<rapidjson::SizeType>(kRelationTypeCount));
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        auto info = relation_types()[i];
        CHECK(info.name == list[i]["name"].GetString());
        CHECK(info.symmetric == list[i]["symmetric"].GetBool());
        CHECK(parse_relation_type(list[i]["name"].GetString()) == info.type);
    }
}

TEST_CASE("entity types parse in either spelling", "[schema]") {
    CHECK(parse_entity_type("COUNTRY") == EntityType::Country);
    CHECK(parse_entity_type("person") == EntityType::Person);
    CHECK(parse_entity_type("Organization") == EntityType::Organization);
    CHECK_FALSE(parse_entity_type("MISC"));
    CHECK(entity_type_label(EntityType::Location) == "Location");
}
