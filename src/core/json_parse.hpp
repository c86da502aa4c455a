// Parsing untrusted JSON: iteratively (RapidJSON's own parser recurses once per nesting
// level, so 200,000 '[' overflow the stack) and no deeper than limits::kMaxJsonNesting
// (the DOM's Accept() and the schema validator recurse too). Errors name the place.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace kgforge {

// Parses `text` into `document`. On failure throws Error(Parse) naming `where`, the line
// and column of the problem: with line > 0 the text is that line of a JSONL file and the
// column is counted from its start; with line == 0 both are computed from the text.
void parse_json(rapidjson::Document& document, std::string_view text, const std::string& where,
                std::uint64_t line = 0);

// One JSONL line (line > 0), parsed in place: strings of `document` point into `text`,
// which must outlive it and is overwritten. Saves a copy of every string (a 100 MB line
// is not doubled).
void parse_json_line_in_place(rapidjson::Document& document, std::string& text,
                              const std::string& where, std::uint64_t line);

}  // namespace kgforge
