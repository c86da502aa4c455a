#include <catch2/catch.hpp>

#include <string>

#include "core/json_parse.hpp"
#include "kgforge/error.hpp"
#include "kgforge/limits.hpp"

using kgforge::Error;

namespace {
std::string error_of(const std::string& text, std::uint64_t line = 0) {
    rapidjson::Document json;
    try {
        kgforge::parse_json(json, text, "f.json", line);
    } catch (const Error& error) {
        return error.what();
    }
    return "";
}
}  // namespace

TEST_CASE("json_parse: nesting is limited, not recursed into", "[json]") {
    const auto depth = kgforge::limits::kMaxJsonNesting;
    CHECK(error_of(std::string(depth, '[') + std::string(depth, ']')).empty());
    CHECK(error_of(std::string(depth + 1, '[') + std::string(depth + 1, ']')) ==
          "f.json:1:65: nesting deeper than 64 arrays/objects (the limit for JSON input)");
    // Far deeper than any stack: an error, no crash.
    CHECK(error_of(std::string(1'000'000, '[')).find("nesting deeper than 64") !=
          std::string::npos);
    CHECK(error_of("{\"a\":\n  {\"b\": [1, 2,]}}").rfind("f.json:2:", 0) == 0);
}

TEST_CASE("json_parse: JSONL columns, NUL bytes, lone surrogates", "[json]") {
    CHECK(error_of("{\"a\": tru}", 7) == "f.json:7:10: Invalid value.");
    CHECK(error_of(std::string("{}\0{}", 5), 3) == "f.json:3:3: NUL byte in JSON text");
    CHECK(error_of("[\"\\udc00\"]", 1).find("not valid UTF-8") != std::string::npos);
    CHECK(error_of("[\"\\ud83d\\ude00 ok\"]", 1).empty());  // a surrogate pair is fine

    rapidjson::Document json;
    std::string line = "{\"text\": \"a \\\"quoted\\\" word\"}";
    kgforge::parse_json_line_in_place(json, line, "f.jsonl", 1);
    CHECK(std::string(json["text"].GetString()) == "a \"quoted\" word");
}
