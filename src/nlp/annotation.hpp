// The in-memory annotation of one document that the NLP stages fill in turn
// (tokenizer -> sentence splitter -> tagger -> NER -> resolution -> relations).
// One struct owns the text; tokens, sentences and mentions are index ranges into it,
// so every relation can cite its source offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kgforge/document.hpp"
#include "kgforge/types.hpp"

namespace kgforge::nlp {

struct Token {
    std::uint32_t begin = 0;  // byte offsets into AnnotatedDocument::text
    std::uint32_t end = 0;
    std::string_view text;  // view into AnnotatedDocument::text
    std::uint16_t pos = 0;  // index into the tagger's tag set (Penn Treebank tags)
    bool space_before = false;
    std::uint8_t deprel = 0;  // ud::Deprel from the dependency parser; 0 = not parsed
    std::int32_t head = -1;   // token index of the syntactic head (-1: root or not parsed)
};

struct Sentence {
    std::uint32_t first_token = 0;  // [first_token, end_token)
    std::uint32_t end_token = 0;
    std::uint32_t begin = 0;  // byte offsets into text
    std::uint32_t end = 0;
    // False when it is neither prose nor a table of names and numbers (random bytes): such a
    // sentence is not parsed and gives the relation model no candidates.
    bool readable = true;
};

struct Mention {
    std::uint32_t first_token = 0;  // [first_token, end_token)
    std::uint32_t end_token = 0;
    EntityType type = EntityType::Organization;
    std::string subtype;
    std::string source;  // "ner", "gazetteer:country", "pattern:title", "coref:pronoun", ...
    int entity = -1;     // index into AnnotatedDocument::entities after resolution
};

struct ResolvedEntity {
    std::string name;  // canonical: the fullest proper name in the document
    EntityType type = EntityType::Organization;
    std::string subtype;
    std::vector<std::string> aliases;
    std::vector<std::pair<std::string, std::string>> external_ids;
    std::uint32_t mentions = 0;
};

struct AnnotatedDocument {
    const Document* document = nullptr;
    std::string text;  // the document text the offsets refer to
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<Mention> mentions;
    std::vector<ResolvedEntity> entities;
};

}  // namespace kgforge::nlp
