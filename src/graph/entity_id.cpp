#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>

#include "kgforge/graph.hpp"

namespace kgforge {

std::string normalize_name(std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
    std::string folded;
    if (U_SUCCESS(status)) {
        auto input = icu::UnicodeString::fromUTF8(
            icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
        auto output = folding->normalize(input, status);
        if (U_SUCCESS(status)) output.toUTF8String(folded);
    }
    if (!U_SUCCESS(status)) folded.assign(name);
    // Collapse whitespace and punctuation that names vary in ("U.S." / "US", "Co-op").
    std::string result;
    result.reserve(folded.size());
    bool pending_space = false;
    for (char ch : folded) {
        auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = !result.empty();
            continue;
        }
        if (c == '.' || c == ',' || c == '\'' || c == '"') continue;
        if (pending_space) result += ' ';
        pending_space = false;
        result += ch;
    }
    if (result.rfind("the ", 0) == 0) result.erase(0, 4);
    return result;
}

std::string entity_id(EntityType type, std::string_view name,
                      std::span<const std::pair<std::string, std::string>> external_ids) {
    for (const auto& [scheme, value] : external_ids) {
        if (scheme == "wikidata" && !value.empty()) return "wikidata:" + value;
    }
    std::string id;
    for (char c : entity_type_name(type))
        id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    id += ':';
    id += normalize_name(name);
    return id;
}

}  // namespace kgforge
