// Name lists derived from ../shared/data by scripts/build-gazetteers (models/gazetteer/*.tsv):
// countries (with Wikidata QIDs), their names, aliases, demonyms, capitals and descriptions
// ("the South Asian nation"), cities, international organizations, known persons, role words
// ("spokesman", "minister") and organization suffixes ("Ministry", "Corp").
//
// Case rules for matching token sequences:
//  - entries marked exact-case (acronyms such as "US", "UN", "U.S.") match only in that case
//    (an all-caps headline still matches them, of course);
//  - other names match case-insensitively, but only when the first and last tokens of the
//    span start with an upper-case letter in the text ("China", "CHINA"; not "china");
//  - role words, suffixes and descriptions match case-insensitively anywhere.
// All lookups are const and thread-safe once loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

struct CountryInfo {
    std::string name;       // common short English name: "United States", "China"
    std::string qid;        // Wikidata QID: "Q30" (may be empty)
    std::string iso2;       // "US"
    std::string iso3;       // "USA"
    std::string capital;    // "Washington D.C." (first capital)
    std::string region;     // "Asia"
    std::string subregion;  // "Southern Asia"
    bool independent = false;
};

struct CityInfo {
    std::string name;  // "Karachi"
    int country = -1;  // index into Gazetteer::countries(), -1 when unknown
    std::uint64_t population = 0;
    std::string subtype;  // "City", or "Region" for provinces / states ("Missouri")
};

struct OrganizationInfo {
    std::string name;     // canonical full name: "United Nations"
    std::string acronym;  // "UN" (may be empty)
    std::string subtype;  // "InternationalOrganization", ...
};

struct PersonInfo {
    std::string name;  // "Hamid Karzai" (title case)
    int country = -1;  // country index of the actor code, -1 for international actors
};

enum class GazetteerKind : std::uint8_t {
    Country,       // name or alias of a country: "Pakistan", "U.S.", "Britain"
    Demonym,       // adjective of a country: "Pakistani", "Chinese"
    Capital,       // capital of a country: "Islamabad"
    City,          // other city above the population threshold: "Karachi"
    Organization,  // international organization: "United Nations", "NATO"
    Person,        // known leader / actor: "Hamid Karzai"
    Description,   // "South Asian nation", "European country" (without the article)
    RoleWord,      // "spokesman", "foreign minister", "president"
    OrgSuffix,     // "Ministry", "Corp", "Bank", "Times"
};
inline constexpr int kGazetteerKindCount = 9;
std::string_view gazetteer_kind_name(GazetteerKind kind);

struct GazetteerMatch {
    std::uint32_t first_token = 0;  // [first_token, end_token), indices into the span searched
    std::uint32_t end_token = 0;
    GazetteerKind kind = GazetteerKind::Country;
    int id = -1;  // Country/Demonym/Capital/Description: first country index;
                  // City: city index; Organization: organization index; Person: person index;
                  // RoleWord/OrgSuffix: -1
};

class Gazetteer {
  public:
    // Loads models_dir/gazetteer/*.tsv (or dir itself when it holds countries.tsv).
    // Throws kgforge::Error(ErrorKind::Model) when files are missing or malformed.
    static Gazetteer load(const std::filesystem::path& dir);
    // An empty gazetteer (no entries); useful for tests and as a fallback.
    Gazetteer();

    // ---- countries ----
    std::span<const CountryInfo> countries() const;
    // Name or alias ("United States", "US", "U.S.", "America", "Britain"), same case rules as
    // matching. Returns nullptr when unknown.
    const CountryInfo* country_by_name(std::string_view name) const;
    int country_index(std::string_view name) const;  // -1 when unknown
    const CountryInfo* country_by_iso3(std::string_view iso3) const;
    // "Pakistani" -> Pakistan; "Chinese" -> China (case-insensitive when capitalized).
    const CountryInfo* country_of_demonym(std::string_view adjective) const;
    // "Beijing" -> China; "Washington" -> United States.
    const CountryInfo* country_of_capital(std::string_view capital) const;
    // "the South Asian nation", "South Asian country", "Gulf state": candidate countries
    // (a leading "the"/"a"/"an" is ignored). Empty when not a known description.
    std::vector<const CountryInfo*> countries_of_description(std::string_view phrase) const;

    // ---- other tables ----
    const CityInfo* city(std::string_view name) const;  // capitals included
    std::span<const CityInfo> cities() const;
    const OrganizationInfo* organization(std::string_view name_or_acronym) const;
    std::span<const OrganizationInfo> organizations() const;
    const PersonInfo* person(std::string_view name) const;
    std::span<const PersonInfo> persons() const;
    // "spokesman", "Spokeswoman", "ministers", "foreign minister", "prime minister", "CEO".
    bool is_role_word(std::string_view phrase) const;
    // "Ministry", "Corp", "Inc", "Organization", "Times", ... (case-insensitive).
    bool is_org_suffix(std::string_view word) const;
    // An ordinary lower-case English word ("bank", "said", "talks"; case-insensitive, regular
    // inflections stripped); false for names such as "Okafor". From common_words.txt.
    bool is_common_word(std::string_view word) const;
    // True for the first or last word of a person in persons.tsv ("Kofi", "Annan").
    bool is_person_name_word(std::string_view word) const;

    // ---- matching over tokens ----
    // Every (start, kind) pair's longest match: overlapping matches of different kinds and
    // starts are all reported. Ordered by first_token, then kind. Linear in tokens.size().
    std::vector<GazetteerMatch> find_all(std::span<const Token> tokens) const;
    // Greedy left-to-right longest non-overlapping matches of the given kinds (all when
    // kinds is empty). Ties on length prefer the kind listed first in `kinds`.
    std::vector<GazetteerMatch> find_longest(std::span<const Token> tokens,
                                             std::span<const GazetteerKind> kinds = {}) const;

    struct Data;  // implementation detail (gazetteer.cpp)

  private:
    explicit Gazetteer(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> data_;
};

// Helpers shared with the recognizer and the coreference stage.
// ASCII + Latin-1-aware lower-casing of UTF-8 text (other bytes are kept as they are).
std::string fold_case(std::string_view text);
// True when the first character is an upper-case letter (ASCII or Latin/Greek/Cyrillic).
bool starts_upper(std::string_view text);

}  // namespace kgforge::nlp
