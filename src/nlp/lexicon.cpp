#include "nlp/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "kgforge/error.hpp"

namespace kgforge::nlp {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::optional<LexKind> parse_kind(std::string_view k) {
    if (k == "verb") return LexKind::Verb;
    if (k == "noun") return LexKind::Noun;
    if (k == "phrase") return LexKind::Phrase;
    if (k == "role") return LexKind::Role;
    if (k == "govhead") return LexKind::GovHead;
    if (k == "govrole") return LexKind::GovRole;
    if (k == "owner") return LexKind::Owner;
    if (k == "unit") return LexKind::Unit;
    if (k == "member") return LexKind::Member;
    if (k == "office") return LexKind::Office;
    return std::nullopt;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

Lexicon Lexicon::parse(std::string_view tsv, const std::string& origin) {
    Lexicon lex;
    std::uint64_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= tsv.size()) {
        std::size_t nl = tsv.find('\n', pos);
        if (nl == std::string_view::npos) nl = tsv.size();
        std::string_view line = tsv.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        line = trim(line);
        if (line.empty() || line.front() == '#') {
            if (nl == tsv.size()) break;
            continue;
        }
        const auto cols = split(line, '\t');
        if (cols.size() < 2)
            throw Error(ErrorKind::Parse, "expected at least 2 tab-separated columns", origin,
                        line_no);
        const auto kind = parse_kind(trim(cols[0]));
        if (!kind)
            throw Error(ErrorKind::Parse, "unknown kind '" + std::string(cols[0]) + "'", origin,
                        line_no);
        const std::string pattern = lower_ascii(trim(cols[1]));
        if (pattern.empty()) throw Error(ErrorKind::Parse, "empty pattern", origin, line_no);
        WordSet* set = nullptr;
        switch (*kind) {
            case LexKind::Role:
                set = &lex.roles_;
                break;
            case LexKind::GovRole:
                set = &lex.gov_roles_;
                break;
            case LexKind::GovHead:
                set = &lex.gov_heads_;
                break;
            case LexKind::Owner:
                set = &lex.owners_;
                break;
            case LexKind::Unit:
                set = &lex.units_;
                break;
            case LexKind::Member:
                set = &lex.members_;
                break;
            case LexKind::Office:
                set = &lex.offices_;
                break;
            default:
                break;
        }
        if (set) {
            for (auto form : split(pattern, '|')) {
                form = trim(form);
                if (!form.empty()) (*set)[std::string(form)] = true;
            }
            if (nl == tsv.size()) break;
            continue;
        }
        LexEntry e;
        e.kind = *kind;
        for (auto slot : split(pattern, ' ')) {
            if (slot.empty()) continue;
            std::vector<std::string> forms;
            for (auto f : split(slot, '|'))
                if (!f.empty()) forms.emplace_back(f);
            if (!forms.empty()) e.slots.push_back(std::move(forms));
        }
        if (e.slots.empty()) throw Error(ErrorKind::Parse, "empty pattern", origin, line_no);
        if (cols.size() < 3)
            throw Error(ErrorKind::Parse, "missing relation type", origin, line_no);
        e.type = parse_relation_type(trim(cols[2]));
        if (!e.type)
            throw Error(ErrorKind::Parse, "unknown relation type '" + std::string(cols[2]) + "'",
                        origin, line_no);
        if (cols.size() >= 4) {
            const auto prep = trim(cols[3]);
            if (prep != "-") e.prep = lower_ascii(prep);
        }
        if (cols.size() >= 5) {
            for (auto f : split(trim(cols[4]), ',')) {
                f = trim(f);
                if (f == "clause")
                    e.clause = true;
                else if (f == "reverse")
                    e.reverse = true;
                else if (f == "no-passive")
                    e.passive_by = false;
                else if (f == "-" || f.empty() || f == "passive-by") {
                } else {
                    throw Error(ErrorKind::Parse, "unknown flag '" + std::string(f) + "'", origin,
                                line_no);
                }
            }
        }
        if (cols.size() >= 6) e.source = std::string(trim(cols[5]));
        const auto id = static_cast<std::uint32_t>(lex.entries_.size());
        for (const auto& form : e.slots.front()) lex.index_[form].push_back(id);
        lex.entries_.push_back(std::move(e));
        if (nl == tsv.size()) break;
    }
    for (auto& [word, ids] : lex.index_) {
        std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
            return lex.entries_[a].slots.size() > lex.entries_[b].slots.size();
        });
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    return lex;
}

Lexicon Lexicon::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read relation lexicon", file.string());
    std::ostringstream buf;
    buf << in.rdbuf();
    return parse(buf.str(), file.string());
}

std::span<const std::uint32_t> Lexicon::starting_with(std::string_view lower_word) const {
    const auto it = index_.find(lower_word);
    if (it == index_.end()) return {};
    return it->second;
}

}  // namespace kgforge::nlp
