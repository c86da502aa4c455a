// Within-document entity resolution: groups the mentions found by NER into entities and
// picks each entity's canonical name (the fullest proper name; a country's common short
// English name from the gazetteer). Handles
//  - countries named by name, abbreviation, demonym or capital-as-government, and
//    descriptions of an already-mentioned country ("the South Asian nation");
//  - acronym definitions "US Strategic Metals (USSM)" and acronyms matching an earlier
//    name's initials ("MITI");
//  - surnames and titled short forms of earlier full names ("Straw", "Mr Straw");
//  - organization names with and without a country prefix ("Energy Department");
//  - pronouns (he/she/his/her/its/it) and a few nominals ("the government", "the company")
//    resolved to the nearest compatible antecedent; they are added to doc.mentions with
//    source "coref:pronoun" / "coref:nominal" and never become aliases.
// Fills doc.entities and Mention::entity; keeps doc.mentions sorted and non-overlapping.
#pragma once

#include <string>

#include "nlp/annotation.hpp"

namespace kgforge::nlp {

class Gazetteer;

struct CoreferenceOptions {
    bool pronouns = true;                // resolve he/she/his/her/its/it
    bool nominals = true;                // resolve "the government", "the company", ...
    std::uint32_t pronoun_window = 150;  // tokens back to look for an antecedent
};

class Coreference {
  public:
    // `gazetteer` may be null (then countries are grouped by their surface only).
    explicit Coreference(const Gazetteer* gazetteer, CoreferenceOptions options = {});

    // Needs doc.tokens, doc.sentences and doc.mentions. Const and thread-safe.
    void resolve(AnnotatedDocument& doc) const;

  private:
    void repair_mentions(AnnotatedDocument& doc) const;
    static void type_lists_of_places(AnnotatedDocument& doc);
    bool is_person_cue(const std::string& word_before) const;

    const Gazetteer* gazetteer_;
    CoreferenceOptions options_;
};

// True for the mention sources that the coreference stage adds for pronouns and nominals.
bool is_pronominal_mention(const Mention& mention);

}  // namespace kgforge::nlp
