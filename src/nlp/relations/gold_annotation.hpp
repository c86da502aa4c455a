// Gold annotations of an article in the format of the annotation guideline: entities (name,
// type, aliases) and relations (subject, type, object, evidence). Evidence is either quoted
// ("evidence": the shared dev gold; pieces joined by " ... ") or given as character offsets
// into the article ("evidence_spans": [[start, end], ...], Unicode code points, end exclusive;
// the project's own annotations, which keep dataset text out of the repository).
// Also the entity matching of the scorer (shared/eval/score.py): names and aliases compared
// after normalisation, so that training aligns exactly as scoring does.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgforge/types.hpp"
#include "nlp/annotation.hpp"

namespace kgforge::nlp::relations {

struct GoldEntity {
    std::string name;
    EntityType type = EntityType::Organization;
    std::vector<std::string> aliases;
};

struct GoldRelation {
    std::size_t subject = 0;  // indices into GoldDocument::entities
    std::size_t object = 0;
    RelationType type = RelationType::CooperatesWith;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> evidence;  // byte ranges in the text
    std::string role;
    bool negated = false;
    bool hypothetical = false;
};

struct GoldDocument {
    std::string doc;  // the article's file name
    std::vector<GoldEntity> entities;
    std::vector<GoldRelation> relations;
    std::size_t unlocated_evidence = 0;  // quoted pieces not found in the text
};

// Reads one annotation file; `text` is the article it annotates. Throws kgforge::Error
// (Io, Parse with file/line/column or field) on unreadable or invalid files.
GoldDocument read_gold_annotation(const std::filesystem::path& path, std::string_view text);

// The "doc" field of an annotation file: the file name of the article it annotates.
std::string annotated_article(const std::filesystem::path& path);

// The scorer's normalisation: lower case, "'s" and punctuation removed, a leading "the"
// dropped, spaces collapsed.
std::string normalize_name(std::string_view name);

// For every entity of `doc`, the gold entity the scorer would match it to, or -1.
std::vector<int> align_entities(const AnnotatedDocument& doc, const GoldDocument& gold);

// Byte offset of code point `cp` in `text` (text.size() past the end).
std::uint32_t byte_offset(std::string_view text, std::uint32_t cp);

}  // namespace kgforge::nlp::relations
