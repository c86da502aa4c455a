// Closed word lists the relation rules test tokens against (internal to nlp/rules).
#pragma once

#include <cstdint>
#include <string_view>

#include "kgforge/types.hpp"

namespace kgforge::nlp::rules {

bool is_prep(std::string_view w);
bool is_finite_verb(std::uint16_t pos);
bool is_negation(std::string_view w);
bool is_modal_hypothetical(std::string_view w);
bool is_scale_word(std::string_view w);
bool is_currency_word(std::string_view w);
bool is_currency_symbol(std::string_view w);  // "$", "US$", "£", "€", "¥", "Rs"
bool starts_digit(std::string_view w);
bool symmetric(RelationType t);
// Head nouns after a trigger noun that keep its meaning ("trade volume", "trade ties").
bool keeps_relation(std::string_view w);
// Words that open a clause rather than continue a noun phrase.
bool is_clause_word(std::string_view w);

}  // namespace kgforge::nlp::rules
