// JSON string escaping shared by the JSON, JSON-LD and extraction writers.
// Input is valid UTF-8; non-ASCII passes through, control characters become \u00XX,
// and U+2028/U+2029 are escaped so the output is also valid JavaScript.
#pragma once

#include <string>
#include <string_view>

#include "kgforge/output.hpp"

namespace kgforge {

void write_json_string(OutputStream& out, std::string_view text);  // with the quotes
std::string json_quote(std::string_view text);

}  // namespace kgforge
