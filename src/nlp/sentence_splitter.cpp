#include "nlp/sentence_splitter.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "nlp/tokenizer.hpp"

namespace kgforge::nlp {
namespace {

bool is_upper_ascii(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit_ascii(char c) {
    return c >= '0' && c <= '9';
}

// First byte >= 0x80: treat as "not lowercase" (could be an uppercase non-ASCII letter, an
// opening quote or a symbol); only ASCII lowercase keeps a sentence going.
bool starts_lower(std::string_view t) {
    return !t.empty() && is_lower_ascii(t[0]);
}
bool starts_upper(std::string_view t) {
    if (t.empty()) return false;
    const auto c = static_cast<unsigned char>(t[0]);
    return is_upper_ascii(static_cast<char>(c)) || (c >= 0xC3 && c <= 0xD4);
}

// ".", "!", "?", "...", "?!", "…"
bool is_final_punct(std::string_view t) {
    if (t.empty()) return false;
    if (t == "\xE2\x80\xA6") return true;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '.' || c == '!' || c == '?'; });
}

bool is_closer(const Token& t) {
    const std::string_view s = t.text;
    if (s == ")" || s == "]" || s == "}" || s == "''" || s == "\xE2\x80\x9D" /* ” */ ||
        s == "\xE2\x80\x99" /* ’ */ || s == "\xC2\xBB" /* » */)
        return true;
    return (s == "\"" || s == "'") && !t.space_before;
}

bool is_opener(std::string_view s) {
    return s == "(" || s == "[" || s == "\"" || s == "'" || s == "``" || s == "`" ||
           s == "\xE2\x80\x9C" /* “ */ || s == "\xE2\x80\x98" /* ‘ */ || s == "\xC2\xAB";
}

// Words that clearly start a sentence when capitalized after an abbreviation such as
// "Inc." or "U.S.".
bool is_sentence_starter(std::string_view t) {
    static const std::unordered_set<std::string_view> set = {
        "The",        "A",         "An",      "He",       "She",       "It",     "They",
        "We",         "I",         "You",     "This",     "That",      "These",  "Those",
        "There",      "His",       "Her",     "Its",      "Their",     "Our",    "My",
        "But",        "And",       "In",      "On",       "At",        "For",    "As",
        "If",         "When",      "While",   "After",    "Before",    "Since",  "Although",
        "However",    "Meanwhile", "Mr.",     "Mrs.",     "Ms.",       "Dr.",    "Some",
        "Many",       "Most",      "Other",   "Analysts", "Officials", "Shares", "Earlier",
        "Last",       "Under",     "Now",     "So",       "Yet",       "Also",   "Then",
        "What",       "Why",       "How",     "Who",      "Both",      "Such",   "Each",
        "According",  "During",    "Despite", "With",     "By",        "From",   "Asked",
        "Separately",
    };
    return set.count(t) > 0;
}

enum class EndKind { None, Final, Abbrev };

}  // namespace

std::size_t split_sentences(AnnotatedDocument& doc, const SentenceSplitOptions& options) {
    doc.sentences.clear();
    const auto& tokens = doc.tokens;
    const std::string_view text(doc.text);
    const auto n = static_cast<std::uint32_t>(tokens.size());
    if (n == 0) return 0;
    const std::uint32_t max_tokens = std::max<std::uint32_t>(options.max_tokens, 2);
    std::size_t forced = 0;

    auto push = [&](std::uint32_t first, std::uint32_t end) {
        doc.sentences.push_back(Sentence{first, end, tokens[first].begin, tokens[end - 1].end});
    };

    // State of the sentence-final punctuation seen last: set by a final punctuation mark or
    // an abbreviation, kept over closing quotes/brackets.
    EndKind pending = EndKind::None;
    AbbreviationKind pending_abbrev = AbbreviationKind::None;
    std::uint32_t start = 0;
    std::uint32_t line_start = 0;
    bool first_line = true;

    for (std::uint32_t i = 0; i < n; ++i) {
        const Token& tok = tokens[i];
        // Update the pending sentence end with this token.
        if (is_final_punct(tok.text)) {
            pending = EndKind::Final;
        } else if (pending != EndKind::None && is_closer(tok)) {
            // keep pending
        } else if (tok.text.size() > 1 && tok.text.back() == '.') {
            pending_abbrev = abbreviation_kind(tok.text.substr(0, tok.text.size() - 1));
            pending = pending_abbrev == AbbreviationKind::None ? EndKind::Final : EndKind::Abbrev;
        } else {
            pending = EndKind::None;
        }

        if (i + 1 == n) {
            push(start, n);
            break;
        }

        const Token& next = tokens[i + 1];
        int newlines = 0;
        for (std::uint32_t p = tok.end; p < next.begin && newlines < 2; ++p)
            newlines += text[p] == '\n';

        bool boundary = false;
        if (newlines >= 2) {
            boundary = true;
        } else if (pending != EndKind::None && is_closer(next)) {
            boundary = false;  // the closing quote/bracket belongs to this sentence
        } else if (pending == EndKind::Final) {
            const std::string_view nt = next.text;
            boundary = !(starts_lower(nt) || nt == "," || nt == ";" || nt == ":" ||
                         is_final_punct(nt) || nt == "-" || nt == ")");
        } else if (pending == EndKind::Abbrev && pending_abbrev == AbbreviationKind::MayEnd) {
            const std::string_view nt = next.text;
            if (is_sentence_starter(nt)) {
                boundary = true;
            } else if (is_opener(nt) && i + 2 < n && starts_upper(tokens[i + 2].text)) {
                boundary = true;
            } else if (newlines == 1 && (starts_upper(nt) || is_digit_ascii(nt[0]))) {
                boundary = true;
            }
        }
        if (!boundary && newlines == 1 && pending == EndKind::None) {
            // A headline-like line: no final punctuation, followed by a capitalized line.
            const std::string_view last = tok.text;
            const std::string_view nt = next.text;
            const bool ends_open = last == "," || last == ";" || last == ":" || last == "-" ||
                                   last == "(" || last == "&";
            const bool next_starts = starts_upper(nt) || is_digit_ascii(nt[0]) || is_opener(nt);
            if (!ends_open && next_starts) {
                if (first_line) {
                    boundary = true;
                } else {
                    int words = 0;
                    int capitalized = 0;
                    for (std::uint32_t k = line_start; k <= i; ++k) {
                        const std::string_view w = tokens[k].text;
                        if (w.empty()) continue;
                        if (starts_upper(w)) {
                            ++words;
                            ++capitalized;
                        } else if (starts_lower(w)) {
                            ++words;
                        }
                    }
                    boundary = words > 0 && words <= 25 && capitalized * 10 >= words * 6;
                }
            }
        }

        if (newlines > 0) {
            line_start = i + 1;
            first_line = false;
        }
        if (boundary) {
            push(start, i + 1);
            start = i + 1;
            pending = EndKind::None;
            continue;
        }
        if (i + 1 - start >= max_tokens) {
            // Forced cut: prefer the last ; : , in the second half of the window.
            std::uint32_t cut = i + 1;
            for (std::uint32_t k = i; k > start + max_tokens / 2; --k) {
                const std::string_view w = tokens[k].text;
                if (w == ";" || w == ":" || w == ",") {
                    cut = k + 1;
                    break;
                }
            }
            push(start, cut);
            start = cut;
            ++forced;
        }
    }
    return forced;
}

}  // namespace kgforge::nlp
