#include "kgforge/error.hpp"

#include <utility>

namespace kgforge {

std::string format_location(const std::string& file, std::uint64_t line, std::uint64_t column) {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

static std::string compose(const std::string& message, const std::string& file, std::uint64_t line,
                           std::uint64_t column, const std::string& field) {
    std::string out;
    if (!file.empty()) out = format_location(file, line, column) + ": ";
    if (!field.empty()) out += field + ": ";
    return out + message;
}

Error::Error(ErrorKind kind, std::string message, std::string file, std::uint64_t line,
             std::uint64_t column, std::string field)
    : std::runtime_error(compose(message, file, line, column, field)),
      kind_(kind),
      message_(std::move(message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      field_(std::move(field)) {}

}  // namespace kgforge
