// A news article as read from a text file, a JSONL line or stdin.
#pragma once

#include <string>

namespace kgforge {

struct Document {
    std::string id;      // stable: JSONL "id", or the file path relative to the input root
    std::string title;   // may be empty
    std::string date;    // ISO 8601 "YYYY-MM-DD", or empty when unknown
    std::string url;     // may be empty
    std::string source;  // where it was read from: "path" or "path:line"
    std::string text;    // the body, valid UTF-8 (repaired on input)
};

}  // namespace kgforge
