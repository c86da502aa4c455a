// Named-entity recognition: a statistical tagger (averaged perceptron over BILOU tags, trained
// on CoNLL-2003 by kgforge-train-ner into models/ner.bin) combined with gazetteer matches and
// patterns. Fills AnnotatedDocument::mentions with PERSON / ORGANIZATION / COUNTRY / LOCATION
// mentions, sorted by first_token and non-overlapping.
//
// Mention::source values:
//   "ner"                    statistical tagger (PER, ORG, LOC)
//   "ner:document"           surname of a person named in full elsewhere in the document
//   "gazetteer:country"      country name or alias ("Pakistan", "U.S.")      -> Country
//   "gazetteer:demonym"      demonym adjective ("Pakistani")                 -> Country, subtype
//   "Demonym" "gazetteer:capital"      capital used for its government ("Beijing said",
//                            "Washington's objections")                      -> Country, subtype
//                            "Capital"
//   "gazetteer:city"         city / capital used as a place ("in Islamabad") -> Location, subtype
//   "City" "gazetteer:organization" international organization ("NATO")            -> Organization
//   "gazetteer:person"       known leader                                    -> Person
//   "pattern:title"          role word before a capitalized name             -> Person
//   "pattern:org-suffix"     "... Ministry", "... Corp", "Global Times"      -> Organization
//   "pattern:based"          X in "X-based"                                  -> Location / Country
//   "gazetteer:description"  "the South Asian nation" (NOT a name: a country description whose
//                            candidates are Gazetteer::countries_of_description; coreference
//                            must resolve or drop it). Type Country, subtype "Description".
// Subtypes: Country mentions "Country" (or "Demonym"/"Capital"/"Description" as above);
// Location "City" when in the city table; Organization "InternationalOrganization",
// "GovernmentOrganization" (ministry, department, embassy, ...), "Company", "Media", or empty.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "nlp/annotation.hpp"
#include "nlp/gazetteer.hpp"

namespace kgforge::nlp {

class NerModel;  // nlp/ner_model.hpp

// One recognised span before it becomes a Mention (token indices are document-wide).
struct EntitySpan {
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;
    std::string label;  // "PER", "ORG", "LOC", "MISC"
};

class EntityRecognizer {
  public:
    // Loads models_dir/gazetteer/*.tsv and models_dir/ner.bin.
    // Throws kgforge::Error(ErrorKind::Model) when missing or corrupt.
    static EntityRecognizer load(const std::filesystem::path& models_dir);
    // Gazetteer and patterns only (no statistical model); for tests and fallbacks.
    static EntityRecognizer rules_only(Gazetteer gazetteer);

    // Needs doc.tokens (and doc.sentences; when sentences are empty the whole token list is
    // one sentence). Replaces doc.mentions. Const and thread-safe.
    void recognize(AnnotatedDocument& doc) const;

    // The raw statistical tagger output for one token sequence (CoNLL labels PER/ORG/LOC/MISC);
    // empty when no model is loaded. Token indices are relative to `tokens`.
    std::vector<EntitySpan> tag(std::span<const Token> tokens) const;

    const Gazetteer& gazetteer() const { return *gazetteer_; }
    bool has_model() const { return model_ != nullptr; }

  private:
    EntityRecognizer() = default;
    std::shared_ptr<const Gazetteer> gazetteer_;
    std::shared_ptr<const NerModel> model_;
};

}  // namespace kgforge::nlp
