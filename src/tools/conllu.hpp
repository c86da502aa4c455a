// A CoNLL-U reader for the training tools: word lines only (multi-word token ranges and
// empty nodes are skipped), with the original spacing rebuilt from SpaceAfter=No so tokens
// look as the tokenizer makes them.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "kgforge/error.hpp"
#include "nlp/annotation.hpp"
#include "nlp/dependency_parser.hpp"
#include "nlp/pos_tagger.hpp"

namespace kgforge::tools {

struct ConlluSentence {
    std::string text;                   // forms with their original spacing
    std::vector<nlp::Token> tokens;     // offsets into text; pos = gold XPOS
    std::vector<std::int32_t> heads;    // index in the sentence, -1 for the root
    std::vector<std::uint8_t> deprels;  // ud::Deprel (ud::dep when unknown)
};

struct ConlluStats {
    std::size_t unknown_tags = 0;
    std::size_t unknown_deprels = 0;
};

inline std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            cols.push_back(line.substr(start));
            return cols;
        }
        cols.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

inline std::vector<ConlluSentence> read_conllu(const std::string& path, ConlluStats& stats) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::Io, "cannot open", path);
    std::vector<ConlluSentence> out;
    ConlluSentence cur;
    std::string line;
    bool space_after = true;
    std::uint64_t line_number = 0;
    auto flush = [&] {
        if (!cur.tokens.empty()) out.push_back(std::move(cur));
        cur = ConlluSentence{};
        space_after = true;
    };
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') continue;
        const auto cols = split_tabs(line);
        if (cols.size() < 8)
            throw Error(ErrorKind::Parse, "fewer than 8 columns", path, line_number);
        if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // MWT, empty node
        nlp::Token t;
        t.space_before = !cur.text.empty() && space_after;
        if (t.space_before) cur.text.push_back(' ');
        t.begin = static_cast<std::uint32_t>(cur.text.size());
        cur.text.append(cols[1]);
        t.end = static_cast<std::uint32_t>(cur.text.size());
        const auto tag = nlp::ptb_tag_id(cols[4]);
        if (!tag) ++stats.unknown_tags;
        t.pos = tag.value_or(nlp::ptb::XX);
        space_after = cols.size() < 10 || cols[9].find("SpaceAfter=No") == std::string_view::npos;
        cur.tokens.push_back(t);
        const std::string head(cols[6]);
        cur.heads.push_back(head == "_" ? -1 : std::stoi(head) - 1);
        const auto rel = nlp::deprel_id(cols[7]);
        if (!rel) ++stats.unknown_deprels;
        cur.deprels.push_back(rel.value_or(nlp::ud::dep));
    }
    flush();
    return out;
}

}  // namespace kgforge::tools
