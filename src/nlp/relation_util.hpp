// Small text helpers shared by the coreference and relation stages (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp::detail {

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

inline bool is_upper_ascii(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool starts_upper_ascii(std::string_view s) {
    return !s.empty() && is_upper_ascii(s[0]);
}

// The text covered by tokens [first, end).
inline std::string_view span_text(const AnnotatedDocument& doc, std::uint32_t first,
                                  std::uint32_t end) {
    if (first >= end || end > doc.tokens.size()) return {};
    const auto b = doc.tokens[first].begin;
    const auto e = doc.tokens[end - 1].end;
    return std::string_view(doc.text).substr(b, e - b);
}

// The sentence index of every token (-1 for tokens outside all sentences).
inline std::vector<int> sentence_of_each_token(const AnnotatedDocument& doc) {
    std::vector<int> out(doc.tokens.size(), -1);
    for (std::size_t s = 0; s < doc.sentences.size(); ++s)
        for (auto t = doc.sentences[s].first_token; t < doc.sentences[s].end_token; ++t)
            out[t] = static_cast<int>(s);
    return out;
}

inline std::string_view mention_text(const AnnotatedDocument& doc, const Mention& m) {
    return span_text(doc, m.first_token, m.end_token);
}

// An all-caps word of 2..8 letters (digits, '&', '.' and '-' allowed inside): "USSM", "S&P",
// "U.S.", "G-7".
inline bool looks_like_acronym(std::string_view s) {
    if (s.size() < 2 || s.size() > 12) return false;
    int letters = 0;
    for (char c : s) {
        if (is_upper_ascii(c))
            ++letters;
        else if (is_lower_ascii(c))
            return false;
        else if (!(c == '&' || c == '.' || c == '-' || (c >= '0' && c <= '9')))
            return false;
    }
    return letters >= 2;
}

// Count of UTF-8 code points in s.
inline std::uint32_t count_code_points(std::string_view s) {
    std::uint32_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

inline bool is_possessive_token(std::string_view t) {
    return t == "'s" || t == "'" || t == "\xE2\x80\x99s" || t == "\xE2\x80\x99" || t == "'S";
}

inline bool is_be_form(std::string_view lower) {
    return lower == "is" || lower == "was" || lower == "were" || lower == "are" || lower == "be" ||
           lower == "been" || lower == "being" || lower == "'s" || lower == "am";
}

}  // namespace kgforge::nlp::detail
