// The dependency path between two tokens of a parsed sentence: up from the first to their
// lowest common ancestor, then down to the second. The head of a multi-token mention is its
// token whose syntactic head lies outside the mention.
#pragma once

#include <cstdint>
#include <vector>

#include "nlp/annotation.hpp"

namespace kgforge::nlp::relations {

struct PathStep {
    std::uint32_t token = 0;  // the dependent of the arc walked
    std::uint8_t deprel = 0;  // its relation to its head
};

struct DependencyPath {
    bool found = false;
    std::vector<PathStep> up;    // from the first token towards the ancestor
    std::uint32_t ancestor = 0;  // lowest common ancestor (may be either end)
    std::vector<PathStep> down;  // from the ancestor's child down to the second token
    std::size_t length() const { return up.size() + down.size(); }
};

std::uint32_t mention_head(const AnnotatedDocument& doc, const Mention& mention);

// Unparsed tokens give found = false.
DependencyPath dependency_path(const AnnotatedDocument& doc, std::uint32_t from, std::uint32_t to);

}  // namespace kgforge::nlp::relations
