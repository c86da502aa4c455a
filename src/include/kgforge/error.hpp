// The one exception type the library throws. It carries where the problem is (file,
// line, column, field) so the CLI can print an actionable message and pick an exit code.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kgforge {

enum class ErrorKind {
    InvalidArgument,  // bad option value, unknown format name
    Io,               // missing or unreadable file, failed write
    Parse,            // malformed JSON/JSONL or schema violation
    Model,            // missing or corrupt model file
    Remote,           // Neo4j or HTTP errors
    Internal,
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, std::string file = {}, std::uint64_t line = 0,
          std::uint64_t column = 0, std::string field = {});

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& file() const noexcept { return file_; }
    std::uint64_t line() const noexcept { return line_; }
    std::uint64_t column() const noexcept { return column_; }
    const std::string& field() const noexcept { return field_; }
    const std::string& message() const noexcept { return message_; }

private:
    ErrorKind kind_;
    std::string message_;
    std::string file_;
    std::uint64_t line_;
    std::uint64_t column_;
    std::string field_;
};

// "file:line:column: field: message" with the parts that are known.
std::string format_location(const std::string& file, std::uint64_t line, std::uint64_t column);

}  // namespace kgforge
