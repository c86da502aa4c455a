// Plain-text articles: the header styles seen in practice.
#include <cctype>
#include <string>

#include "kgforge/input.hpp"

namespace kgforge {

namespace {

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) ||
                          s.front() == '\xEF'))  // also a stray BOM lead byte run below
        s.remove_prefix(s.front() == '\xEF' && s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

Document parse_text_article(std::string text, std::string id, std::string source) {
    Document doc;
    doc.id = std::move(id);
    doc.source = std::move(source);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 byte order mark

    const auto first_end = text.find('\n');
    std::string_view first_line(text.data(), first_end == std::string::npos ? text.size() : first_end);
    std::string_view trimmed = trim(first_line);

    // "date 2025-10-13 Title of the article": the date dates every relation in the body.
    if (trimmed.rfind("date ", 0) == 0 && trimmed.size() >= 15 && is_iso_date(trimmed.substr(5, 10))) {
        doc.date = std::string(trimmed.substr(5, 10));
        doc.title = std::string(trim(trimmed.substr(15)));
        // Keep the title in the text (extractors see the headline) but drop the date marker,
        // padding with spaces so offsets of the body are unchanged.
        const auto title_pos = static_cast<std::size_t>(trimmed.data() - text.data()) + 15;
        for (std::size_t i = 0; i < title_pos && i < text.size(); ++i) {
            if (text[i] != '\n') text[i] = ' ';
        }
    } else if (first_end != std::string::npos && !trimmed.empty() && trimmed.size() <= 300) {
        // A title line followed by a blank line.
        auto rest = std::string_view(text).substr(first_end + 1);
        auto second_end = rest.find('\n');
        auto second_line = rest.substr(0, second_end == std::string_view::npos ? rest.size() : second_end);
        if (trim(second_line).empty() && second_end != std::string_view::npos) {
            doc.title = std::string(trimmed);
        }
    }
    doc.text = std::move(text);
    return doc;
}

}  // namespace kgforge
