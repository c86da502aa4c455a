// Test helper: builds an AnnotatedDocument from a compact notation, so coreference and
// relation rules can be tested without the tagger and NER models.
//   "[ORG Foreign/NNP Ministry/NNP] spokesman/NN [PER Lin/NNP Jian/NNP] said/VBD ./. || ..."
// Tokens are "word/TAG"; "[TYPE[:Subtype[:source]] ...]" wraps a mention (TYPE = PER, ORG, COU,
// LOC); "||" separates sentences. The text is the words joined by single spaces.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/pos_tagger.hpp"

namespace kgforge::test {

// Fills `doc` in place (token views point into doc.text, so the document must not move).
inline void build_doc(nlp::AnnotatedDocument& doc, const std::string& notation) {
    doc = {};
    struct Raw {
        std::string word;
        std::uint16_t tag;
    };
    std::vector<Raw> raws;
    std::vector<std::uint32_t> sentence_starts{0};
    std::vector<nlp::Mention> mentions;
    bool in_mention = false;
    nlp::Mention cur;
    std::istringstream in(notation);
    std::string item;
    while (in >> item) {
        if (item == "||") {
            sentence_starts.push_back(static_cast<std::uint32_t>(raws.size()));
            continue;
        }
        if (item[0] == '[' && item.size() > 1) {
            in_mention = true;
            cur = {};
            cur.first_token = static_cast<std::uint32_t>(raws.size());
            std::string spec = item.substr(1);
            std::vector<std::string> parts;
            std::stringstream ss(spec);
            std::string p;
            while (std::getline(ss, p, ':')) parts.push_back(p);
            const std::string t = parts.at(0);
            cur.type = t == "PER"   ? EntityType::Person
                       : t == "COU" ? EntityType::Country
                       : t == "LOC" ? EntityType::Location
                                    : EntityType::Organization;
            if (parts.size() > 1) cur.subtype = parts[1];
            cur.source = parts.size() > 2 ? parts[2] : "test";
            if (cur.type == EntityType::Country && parts.size() < 2) cur.subtype = "Country";
            continue;
        }
        bool close = false;
        if (item.size() > 1 && item.back() == ']') {
            close = true;
            item.pop_back();
        }
        const auto slash = item.rfind('/');
        if (slash == std::string::npos || slash == 0) throw std::runtime_error("bad token " + item);
        Raw r{item.substr(0, slash),
              nlp::ptb_tag_id(item.substr(slash + 1)).value_or(nlp::ptb::None)};
        raws.push_back(r);
        if (close) {
            if (!in_mention) throw std::runtime_error("unbalanced ]");
            cur.end_token = static_cast<std::uint32_t>(raws.size());
            mentions.push_back(cur);
            in_mention = false;
        }
    }
    for (std::size_t i = 0; i < raws.size(); ++i) {
        if (i) doc.text.push_back(' ');
        nlp::Token t;
        t.begin = static_cast<std::uint32_t>(doc.text.size());
        doc.text += raws[i].word;
        t.end = static_cast<std::uint32_t>(doc.text.size());
        t.pos = raws[i].tag;
        t.space_before = i > 0;
        doc.tokens.push_back(t);
    }
    for (auto& t : doc.tokens) t.text = std::string_view(doc.text).substr(t.begin, t.end - t.begin);
    sentence_starts.push_back(static_cast<std::uint32_t>(raws.size()));
    for (std::size_t s = 0; s + 1 < sentence_starts.size(); ++s) {
        if (sentence_starts[s] >= sentence_starts[s + 1]) continue;
        nlp::Sentence sent;
        sent.first_token = sentence_starts[s];
        sent.end_token = sentence_starts[s + 1];
        sent.begin = doc.tokens[sent.first_token].begin;
        sent.end = doc.tokens[sent.end_token - 1].end;
        doc.sentences.push_back(sent);
    }
    doc.mentions = std::move(mentions);
}

}  // namespace kgforge::test
