#include "nlp/tokenizer.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>

#include "kgforge/error.hpp"

namespace kgforge::nlp {
namespace {

// ---- character classes ----------------------------------------------------------------

enum : std::uint8_t {
    kLetter = 1,
    kDigit = 2,
    kUpper = 4,
    kLower = 8,
    kSpace = 16,
    kEmoji = 32,     // pictographic base or regional indicator
    kEmojiExt = 64,  // ZWJ, variation selectors, skin-tone modifiers, keycap, tag characters
    kMark = 128,     // combining marks, soft hyphen: continue a word
};
constexpr std::uint8_t kWordChar = kLetter | kDigit | kMark;
constexpr char32_t kInvalid = 0xFFFFFFFF;

constexpr std::array<std::uint8_t, 128> make_ascii_table() {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter | kLower;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter | kUpper;
    for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kSpace;
    return t;
}
constexpr auto kAscii = make_ascii_table();

std::uint8_t classify_nonascii(char32_t c) {
    if (c > 0x10FFFF) return 0;  // invalid byte: a symbol
    if (c >= 0x1F3FB && c <= 0x1F3FF) return kEmojiExt;
    if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x20E3 ||
        (c >= 0xE0020 && c <= 0xE007F))
        return kEmojiExt;
    if (c >= 0x1F1E6 && c <= 0x1F1FF) return kEmoji;
    if (c == 0x200B || c == 0xFEFF || c == 0x2060 || c == 0x85) return kSpace;
    if (c == 0xAD || c == 0x200C) return kMark;
    const auto uc = static_cast<UChar32>(c);
    if (u_hasBinaryProperty(uc, UCHAR_EXTENDED_PICTOGRAPHIC)) return kEmoji;
    switch (u_charType(uc)) {
        case U_UPPERCASE_LETTER:
        case U_TITLECASE_LETTER:
            return kLetter | kUpper;
        case U_LOWERCASE_LETTER:
            return kLetter | kLower;
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_LETTER_NUMBER:
            return kLetter;
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_COMBINING_SPACING_MARK:
            return kMark;
        case U_DECIMAL_DIGIT_NUMBER:
        case U_OTHER_NUMBER:
            return kDigit;
        case U_SPACE_SEPARATOR:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR:
            return kSpace;
        default:
            return 0;
    }
}

// Decodes one UTF-8 code point at s[0..n); invalid sequences yield kInvalid with len 1.
inline char32_t decode(const unsigned char* s, std::size_t n, std::size_t& len) {
    const unsigned char b0 = s[0];
    if (b0 < 0x80) {
        len = 1;
        return b0;
    }
    len = 1;
    auto cont = [&](std::size_t k) { return k < n && (s[k] & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (!cont(1)) return kInvalid;
        len = 2;
        return (char32_t(b0 & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2)) return kInvalid;
        const char32_t c =
            (char32_t(b0 & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kInvalid;
        len = 3;
        return c;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return kInvalid;
        const char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
                           (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF) return kInvalid;
        len = 4;
        return c;
    }
    return kInvalid;
}

inline std::uint8_t classify(char32_t c) {
    return c < 128 ? kAscii[c] : classify_nonascii(c);
}

// ---- word lists -------------------------------------------------------------------------

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

bool iends_with(std::string_view a, std::string_view suffix) {
    return a.size() >= suffix.size() && iequals(a.substr(a.size() - suffix.size()), suffix);
}

bool istarts_with(std::string_view a, std::string_view prefix) {
    return a.size() >= prefix.size() && iequals(a.substr(0, prefix.size()), prefix);
}

const std::unordered_set<std::string_view>& non_final_abbreviations() {
    static const std::unordered_set<std::string_view> set = {
        "Mr",   "Mrs", "Ms",   "Messrs", "Dr",   "Drs",    "Prof",   "Gov",   "Govs", "Sen",
        "Sens", "Rep", "Reps", "Gen",    "Col",  "Lt",     "Sgt",    "Capt",  "Cmdr", "Adm",
        "Maj",  "Rev", "Hon",  "Pres",   "Supt", "Det",    "Insp",   "Cpl",   "Pvt",  "Fr",
        "St",   "Mt",  "Ft",   "Ste",    "No",   "Nos",    "no",     "vs",    "v",    "cf",
        "viz",  "e.g", "i.e",  "E.g",    "I.e",  "approx", "Approx", "ca",    "Fig",  "fig",
        "Vol",  "vol", "pp",   "Art",    "Sec",  "Ch",     "Gens",   "Lieut", "Brig",
    };
    return set;
}

const std::unordered_set<std::string_view>& may_end_abbreviations() {
    static const std::unordered_set<std::string_view> set = {
        "Inc",  "Corp", "Co",    "Cos",  "Ltd",   "Bros", "Jr",   "Sr",   "Assn", "Dept",
        "Univ", "Inst", "Intl",  "Mfg",  "Jan",   "Feb",  "Mar",  "Apr",  "Jun",  "Jul",
        "Aug",  "Sep",  "Sept",  "Oct",  "Nov",   "Dec",  "Mon",  "Tue",  "Tues", "Wed",
        "Thu",  "Thur", "Thurs", "Fri",  "etc",   "al",   "est",  "Ave",  "Blvd", "Rd",
        "Sq",   "Ala",  "Ariz",  "Ark",  "Calif", "Colo", "Conn", "Fla",  "Ga",   "Kan",
        "Ky",   "Md",   "Mich",  "Minn", "Mont",  "Neb",  "Nev",  "Okla", "Ore",  "Pa",
        "Tenn", "Tex",  "Va",    "Vt",   "Wis",   "Wyo",  "ft",   "oz",   "lb",   "lbs",
        "yr",   "yrs",  "hr",    "hrs",  "min",   "mins", "sec",  "secs",
    };
    return set;
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "U.S", "e.g", "a.m", "Ph.D", "U.S.A": segments of 1-2 ASCII letters joined by periods.
bool is_dotted(std::string_view w) {
    std::size_t seg = 0;
    int segments = 0;
    for (char c : w) {
        if (c == '.') {
            if (seg == 0) return false;
            seg = 0;
            ++segments;
        } else if (is_ascii_letter(c)) {
            if (++seg > 2) return false;
        } else {
            return false;
        }
    }
    return seg > 0 && segments >= 1;
}

// Prefixes EWT keeps attached with their hyphen ("e-mail", "non-human", "mid-July").
bool is_kept_prefix(std::string_view w) {
    static constexpr std::string_view kPrefixes[] = {
        "e", "co", "pre", "post", "non", "anti", "multi", "mid", "ex", "re", "semi", "pro", "sub"};
    for (auto p : kPrefixes)
        if (iequals(w, p)) return true;
    return false;
}

bool is_url_char(char32_t c) {
    if (c >= 128) return false;
    if (kAscii[c] & (kLetter | kDigit)) return true;
    switch (c) {
        case '-':
        case '.':
        case '_':
        case '~':
        case ':':
        case '/':
        case '?':
        case '#':
        case '[':
        case ']':
        case '@':
        case '!':
        case '$':
        case '&':
        case '\'':
        case '(':
        case ')':
        case '*':
        case '+':
        case ',':
        case ';':
        case '=':
        case '%':
            return true;
        default:
            return false;
    }
}

bool is_email_char(char32_t c) {
    if (c >= 128) return false;
    if (kAscii[c] & (kLetter | kDigit)) return true;
    return c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@';
}

// ---- chunk processing -----------------------------------------------------------------

struct Cp {
    std::uint32_t off;
    char32_t c;
    std::uint8_t f;
};

class ChunkTokenizer {
  public:
    ChunkTokenizer(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

    // cps[0..n) with cps[n].off == end of the chunk.
    void run(const Cp* cps, int n, bool space_before) {
        cp_ = cps;
        n_ = n;
        space_before_ = space_before;
        bool url_checked = false;
        int i = 0;
        while (i < n) {
            const std::uint8_t f = cp_[i].f;
            const char32_t c = cp_[i].c;
            if (f & kWordChar) {
                if (!url_checked) {
                    url_checked = true;
                    const int e = match_url_or_email(i);
                    if (e > i) {
                        emit(i, e);
                        i = e;
                        continue;
                    }
                }
                i = word(i);
                continue;
            }
            if (f & kEmoji) {
                int j = i + 1;
                if (c >= 0x1F1E6 && c <= 0x1F1FF && j < n && cp_[j].c >= 0x1F1E6 &&
                    cp_[j].c <= 0x1F1FF)
                    ++j;  // a flag: two regional indicators
                j = emoji_tail(j);
                emit(i, j);
                i = j;
                continue;
            }
            if (f & kEmojiExt) {
                const int j = emoji_tail(i + 1);
                emit(i, j);
                i = j;
                continue;
            }
            // Hashtags and @handles stay whole.
            if ((c == '#' || c == '@') && i + 1 < n && (cp_[i + 1].f & kLetter)) {
                int j = i + 1;
                while (j < n && ((cp_[j].f & kWordChar) || cp_[j].c == '_')) ++j;
                emit(i, j);
                i = j;
                continue;
            }
            // Other punctuation and symbols: a run of the same character is one token
            // ("...", "--", "!!!", "''", "``"), except for a doubled "$" or brackets.
            int j = i + 1;
            if (c == '.' || c == '-' || c == '!' || c == '?' || c == '\'' || c == '`' || c == '*' ||
                c == '=' || c == '_' || c == '~' || c == '#' || c == '/' || c == 0x2014 ||
                c == 0x2013 || c == 0x2026 || c == kInvalid) {
                while (j < n && cp_[j].c == c) ++j;
            }
            emit(i, j);
            i = j;
        }
    }

  private:
    std::uint32_t off(int i) const { return cp_[i].off; }
    std::string_view slice(int i, int j) const { return text_.substr(off(i), off(j) - off(i)); }

    void emit_bytes(std::uint32_t b, std::uint32_t e) {
        out_.push_back(Token{b, e, text_.substr(b, e - b), 0, space_before_});
        space_before_ = false;
    }
    void emit(int i, int j) { emit_bytes(off(i), off(j)); }

    int emoji_tail(int j) const {
        while (j < n_ && (cp_[j].f & kEmojiExt)) {
            if (cp_[j].c == 0x200D) {
                if (j + 1 < n_ && (cp_[j + 1].f & kEmoji)) {
                    j += 2;
                    continue;
                }
                ++j;
                break;
            }
            ++j;
        }
        return j;
    }

    // A URL or e-mail address starting at i (the first word character of the chunk);
    // returns its end or i when there is none.
    int match_url_or_email(int i) const {
        int j = i;
        bool has_at = false;
        while (j < n_ && is_url_char(cp_[j].c)) {
            has_at |= cp_[j].c == '@';
            ++j;
        }
        if (j - i < 5) return i;
        const std::string_view s = slice(i, j);
        const bool url = istarts_with(s, "http://") || istarts_with(s, "https://") ||
                         istarts_with(s, "ftp://") ||
                         (istarts_with(s, "www.") && s.size() > 5 && s[4] != '.');
        if (url) {
            int open = 0;
            int close = 0;
            for (int k = i; k < j; ++k) {
                open += cp_[k].c == '(';
                close += cp_[k].c == ')';
            }
            while (j > i) {
                const char32_t c = cp_[j - 1].c;
                if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                    c == '\'' || c == '"') {
                    --j;
                } else if (c == ')' && close > open) {
                    --close;
                    --j;
                } else {
                    break;
                }
            }
            return j;
        }
        if (!has_at) return i;
        // local@domain.tld
        int e = i;
        int at = -1;
        while (e < n_ && is_email_char(cp_[e].c)) {
            if (cp_[e].c == '@') {
                if (at >= 0) return i;
                at = e;
            }
            ++e;
        }
        if (at <= i || at + 1 >= e) return i;
        while (e > at + 1 && (cp_[e - 1].c == '.' || cp_[e - 1].c == '-')) --e;
        bool dot = false;
        for (int k = at + 1; k < e - 1; ++k) dot |= cp_[k].c == '.' && (cp_[k + 1].f & kLetter);
        if (!dot || !(cp_[at + 1].f & (kLetter | kDigit))) return i;
        return e;
    }

    // A word starting at i: letters, digits, marks and word-internal connectors.
    int word(int i) {
        const int n = n_;
        int seg_start = i;  // start of the current hyphen-separated segment
        int j = i + 1;
        while (j < n) {
            const std::uint8_t f = cp_[j].f;
            if (f & kWordChar) {
                ++j;
                continue;
            }
            if ((f & kEmojiExt) && cp_[j].c != 0x200D) {  // variation selector, keycap
                ++j;
                continue;
            }
            if (j + 1 >= n) break;
            const char32_t c = cp_[j].c;
            const std::uint8_t pf = cp_[j - 1].f;
            const std::uint8_t nf = cp_[j + 1].f;
            if (!(nf & (kLetter | kDigit))) break;
            if (c == '.' || c == '_') {
                j += 2;
                continue;
            }
            if (c == ',' || c == ':' || c == '/') {
                if ((pf & kDigit) && (nf & kDigit)) {
                    j += 2;
                    continue;
                }
                break;
            }
            if (c == '-' || c == 0x2010 || c == 0x2011) {
                if (((pf & kDigit) && (nf & kDigit)) ||
                    ((nf & kLetter) && is_kept_prefix(slice(seg_start, j)))) {
                    j += 2;
                    seg_start = j - 1;
                    continue;
                }
                break;
            }
            if (c == '&') {
                if ((pf & kUpper) && (nf & kUpper)) {
                    j += 2;
                    continue;
                }
                break;
            }
            if (c == '\'' || c == 0x2019) {
                if ((pf & kLetter) && (nf & kLetter)) {
                    j += 2;
                    continue;
                }
                break;
            }
            break;
        }
        // A final period belongs to abbreviations and initials.
        if (j < n && cp_[j].c == '.' && !(j + 1 < n && cp_[j + 1].c == '.')) {
            const std::string_view w = slice(i, j);
            const AbbreviationKind kind = abbreviation_kind(w);
            bool attach = kind != AbbreviationKind::None;
            if (attach && (w == "No" || w == "Nos" || w == "no")) attach = digit_follows(j + 1);
            if (attach) {
                emit(i, j + 1);
                return j + 1;
            }
        }
        emit_word(off(i), off(j));
        return j;
    }

    // True when the next non-space character after cp index k is an ASCII digit.
    bool digit_follows(int k) const {
        std::size_t p = off(k);
        for (int steps = 0; p < text_.size() && steps < 4; ++p, ++steps) {
            const char ch = text_[p];
            if (ch == ' ' || ch == '\t') continue;
            return ch >= '0' && ch <= '9';
        }
        return false;
    }

    // Emits a word, splitting off clitics: n't, 's, 'm, 'd, 're, 've, 'll (' or ’).
    void emit_word(std::uint32_t b, std::uint32_t e) {
        const std::string_view w = text_.substr(b, e - b);
        auto split_at = [&](std::size_t k) {
            emit_bytes(b, b + static_cast<std::uint32_t>(k));
            emit_bytes(b + static_cast<std::uint32_t>(k), e);
        };
        if (w.size() >= 4) {
            if (iends_with(w, "n't") && w.size() > 3) return split_at(w.size() - 3);
            if (iends_with(w, "n\xE2\x80\x99t") && w.size() > 5) return split_at(w.size() - 5);
        }
        if (w.size() >= 3) {
            for (std::string_view apo : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
                for (std::string_view suf : {"s", "m", "d", "re", "ve", "ll"}) {
                    const std::size_t len = apo.size() + suf.size();
                    if (w.size() <= len || !iends_with(w, suf) ||
                        w.substr(w.size() - len, apo.size()) != apo)
                        continue;
                    const auto before = static_cast<unsigned char>(w[w.size() - len - 1]);
                    if (is_ascii_letter(static_cast<char>(before)) || before >= 0x80)
                        return split_at(w.size() - len);
                }
            }
        }
        if (w.size() == 6 && iequals(w, "cannot")) return split_at(3);
        if (w.size() == 5 && (iequals(w, "gonna") || iequals(w, "wanna") || iequals(w, "gotta")))
            return split_at(3);
        emit_bytes(b, e);
    }

    std::string_view text_;
    std::vector<Token>& out_;
    const Cp* cp_ = nullptr;
    int n_ = 0;
    bool space_before_ = false;
};

}  // namespace

AbbreviationKind abbreviation_kind(std::string_view w) {
    if (w.empty() || w.size() > 8) return AbbreviationKind::None;
    if (w.size() == 1) {
        if (w[0] >= 'A' && w[0] <= 'Z') return AbbreviationKind::NonFinal;  // initial
        if (w[0] == 'v') return AbbreviationKind::NonFinal;
        return AbbreviationKind::None;
    }
    if (non_final_abbreviations().count(w)) return AbbreviationKind::NonFinal;
    if (may_end_abbreviations().count(w)) return AbbreviationKind::MayEnd;
    if (is_dotted(w)) return AbbreviationKind::MayEnd;
    return AbbreviationKind::None;
}

void tokenize(std::string_view text, std::vector<Token>& out) {
    if (text.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error(ErrorKind::InvalidArgument, "document larger than 4 GiB cannot be tokenized");
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::array<Cp, kMaxTokenBytes + 1> buf;
    ChunkTokenizer chunker(text, out);
    std::size_t pos = 0;
    bool space_before = false;
    while (pos < n) {
        std::size_t len = 1;
        char32_t c = s[pos] < 0x80 ? s[pos] : decode(s + pos, n - pos, len);
        std::uint8_t f = classify(c);
        if (f & kSpace) {
            pos += len;
            space_before = true;
            continue;
        }
        const std::size_t chunk_start = pos;
        int m = 0;
        while (true) {
            buf[m++] = Cp{static_cast<std::uint32_t>(pos), c, f};
            pos += len;
            if (pos >= n) break;
            if (s[pos] < 0x80) {
                c = s[pos];
                len = 1;
            } else {
                c = decode(s + pos, n - pos, len);
            }
            f = classify(c);
            if ((f & kSpace) || pos + len - chunk_start > kMaxTokenBytes) break;
        }
        buf[m] = Cp{static_cast<std::uint32_t>(pos), 0, 0};
        chunker.run(buf.data(), m, space_before);
        space_before = false;
    }
}

void tokenize(AnnotatedDocument& doc) {
    doc.tokens.clear();
    doc.tokens.reserve(doc.text.size() / 5 + 16);
    tokenize(std::string_view(doc.text), doc.tokens);
}

void rebind_token_views(AnnotatedDocument& doc) {
    const std::string_view text(doc.text);
    for (Token& t : doc.tokens) {
        if (t.end <= text.size() && t.begin <= t.end)
            t.text = text.substr(t.begin, t.end - t.begin);
        else
            t.text = {};
    }
}

}  // namespace kgforge::nlp
