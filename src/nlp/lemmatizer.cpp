#include "nlp/lemmatizer.hpp"

#include <fstream>

#include "kgforge/error.hpp"
#include "nlp/pos_tagger.hpp"

namespace kgforge::nlp {
namespace {

char word_class(std::uint16_t pos) {
    if (is_noun(pos)) return 'N';
    if (is_verb(pos) || pos == ptb::MD) return 'V';
    if (is_adjective(pos)) return 'J';
    if (is_adverb(pos)) return 'R';
    return 'O';
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() + 1 && s.substr(s.size() - suffix.size()) == suffix;
}

std::string by_rule(std::string_view w, char cls) {
    std::string s(w);
    if (cls == 'N') {
        if (ends_with(w, "ies")) return s.substr(0, s.size() - 3) + "y";
        if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") ||
            ends_with(w, "shes"))
            return s.substr(0, s.size() - 2);
        if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us"))
            return s.substr(0, s.size() - 1);
    } else if (cls == 'V') {
        if (ends_with(w, "ies") || ends_with(w, "ied")) return s.substr(0, s.size() - 3) + "y";
        if (ends_with(w, "ing")) return s.substr(0, s.size() - 3);
        if (ends_with(w, "ed")) return s.substr(0, s.size() - 2);
        if (ends_with(w, "es") &&
            (ends_with(w, "shes") || ends_with(w, "ches") || ends_with(w, "sses")))
            return s.substr(0, s.size() - 2);
        if (ends_with(w, "s") && !ends_with(w, "ss")) return s.substr(0, s.size() - 1);
    }
    return s;
}

}  // namespace

Lemmatizer Lemmatizer::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::Io, "cannot open lemma table", path.string());
    Lemmatizer out;
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const auto a = line.find('\t');
        const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos || b != a + 2)
            throw Error(ErrorKind::Parse, "expected form<TAB>class<TAB>lemma", path.string(),
                        number);
        std::string key;
        key.reserve(a + 1);
        key.push_back(line[a + 1]);
        key.append(line, 0, a);
        out.table_.emplace(std::move(key), line.substr(b + 1));
    }
    return out;
}

std::string Lemmatizer::lemma(std::string_view lower, std::uint16_t pos) const {
    const char cls = word_class(pos);
    if (!table_.empty()) {
        std::string key;
        key.reserve(lower.size() + 1);
        key.push_back(cls);
        key.append(lower);
        if (const auto it = table_.find(key); it != table_.end()) return it->second;
    }
    return by_rule(lower, cls);
}

}  // namespace kgforge::nlp
