// The parser's model (both weight tables) and the greedy decoder that training and parsing
// share, so the dev scores seen while training are those of the shipped parser.
#pragma once

#include <string>

#include "nlp/dependency_parser.hpp"
#include "nlp/parse/arc_eager.hpp"
#include "nlp/parse/parser_features.hpp"
#include "nlp/parse/parser_weights.hpp"

namespace kgforge::nlp {

struct DependencyParser::Model {
    std::string description;
    parse::MoveWeights moves;
    parse::LabelWeights labels;
};

namespace parse {

// The best legal move by the scores (ties: the lower move id).
Move best_legal_move(const ArcEagerState& state, const std::int32_t* scores);
// The best label of the arc head -> dependent: "root" for the root's dependents, never
// "root" elsewhere.
std::uint8_t best_label(const ArcEagerState& state, const std::int32_t* scores, int head);

// Runs the parser from `state` (freshly reset for atoms.size() tokens) to the end.
void decode(const DependencyParser::Model& model, const SentenceAtoms& atoms, ArcEagerState& state);

}  // namespace parse
}  // namespace kgforge::nlp
