// The relation lexicon: trigger phrases (verbs, nouns, multi-word phrases) mapped to the 19
// relation types, plus the small word classes the structural rules need (role words,
// government-body heads, ownership nouns). Loaded from schema/relation_lexicon.tsv, which
// scripts/build-relation-lexicon derives from CAMEO verb patterns, WordNet and seed entries.
//
// File format (UTF-8, tab-separated, '#' starts a comment line):
//   kind <TAB> pattern <TAB> type <TAB> prep <TAB> flags <TAB> source
//   kind    verb | noun | phrase (relation triggers) or a word class: role (person roles),
//           govrole (roles that belong to a national government), govhead (head nouns of
//           government bodies and parties), owner / unit ("owner", "subsidiary"), member,
//           office ("office", "headquarters": "the Tokyo office of X")
//   pattern space-separated slots; each slot lists its lower-case forms separated by '|'
//           ("sign|signs|signed|signing memorandum|mou")
//   type    a relation type name (SIGNED_AGREEMENT_WITH) or '-' for word classes
//   prep    the preposition that introduces the object ("with", "against") or '-' (direct)
//   flags   comma-separated: passive-by (a "by" agent is the subject), clause (object may be
//           in a that-clause), reverse (object acts on subject), pair (needs both sides in a
//           coordination), '-' for none
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kgforge/types.hpp"

namespace kgforge::nlp {

enum class LexKind : std::uint8_t {
    Verb,
    Noun,
    Phrase,
    Role,
    GovRole,
    GovHead,
    Owner,
    Unit,
    Member,
    Office
};

struct LexEntry {
    LexKind kind = LexKind::Verb;
    std::vector<std::vector<std::string>> slots;  // alternatives per slot (lower case)
    std::optional<RelationType> type;
    std::string prep;  // "" = direct object
    bool passive_by = true;
    bool clause = false;
    bool reverse = false;
    std::string source;
};

class Lexicon {
  public:
    Lexicon() = default;
    // Parses the TSV text; throws kgforge::Error(ErrorKind::Parse) with the line number.
    static Lexicon parse(std::string_view tsv, const std::string& origin = "relation_lexicon");
    static Lexicon load(const std::filesystem::path& file);  // throws Error(Io/Parse)

    // Entries whose first slot contains `lower_word`, longest patterns first.
    std::span<const std::uint32_t> starting_with(std::string_view lower_word) const;
    const LexEntry& entry(std::uint32_t id) const { return entries_[id]; }
    std::size_t size() const { return entries_.size(); }

    // Single-word (or multi-word, space-joined) class membership, lower case.
    bool is_role(std::string_view lower) const { return has(roles_, lower); }
    bool is_gov_head(std::string_view lower) const { return has(gov_heads_, lower); }
    bool is_owner_word(std::string_view lower) const { return has(owners_, lower); }
    bool is_unit_word(std::string_view lower) const { return has(units_, lower); }
    bool is_member_word(std::string_view lower) const { return has(members_, lower); }
    bool is_office_word(std::string_view lower) const { return has(offices_, lower); }
    bool is_gov_role(std::string_view lower) const { return has(gov_roles_, lower); }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    using WordSet = std::unordered_map<std::string, bool, Hash, std::equal_to<>>;
    static bool has(const WordSet& set, std::string_view key) { return set.find(key) != set.end(); }

    std::vector<LexEntry> entries_;
    std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> index_;
    WordSet roles_, gov_roles_, gov_heads_, owners_, units_, members_, offices_;
};

}  // namespace kgforge::nlp
