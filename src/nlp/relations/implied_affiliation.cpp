#include "nlp/relations/implied_affiliation.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "nlp/gazetteer.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp::relations {
namespace {

// Offices of a national government, as the title before a name (lower-cased words, the
// last word directly before the name). Offices that name another state (ambassador, envoy)
// or no state (chairman, chief executive) are not here.
constexpr std::array<std::string_view, 13> kOfficeHeads = {
    "president", "premier",   "chancellor", "minister", "secretary", "taoiseach", "king",
    "queen",     "treasurer", "speaker",    "general",  "justice",   "governor"};
constexpr std::array<std::string_view, 9> kSecretaryKinds = {
    "home", "foreign", "defence", "defense", "trade", "treasury", "state", "chief", "culture"};

// The words of the title that ends right before token `first`, or 0 if there is none.
std::uint32_t office_title_length(const AnnotatedDocument& doc, std::uint32_t first,
                                  std::uint32_t sentence_first) {
    if (first == sentence_first) return 0;
    const std::string head = detail::lower_ascii(doc.tokens[first - 1].text);
    const bool known =
        std::find(kOfficeHeads.begin(), kOfficeHeads.end(), head) != kOfficeHeads.end();
    if (!known || doc.tokens[first - 1].text.empty() ||
        !(doc.tokens[first - 1].text[0] >= 'A' && doc.tokens[first - 1].text[0] <= 'Z'))
        return 0;  // a capitalized title: "Prime Minister", not "the minister"
    const std::string before = first - 1 > sentence_first
                                   ? detail::lower_ascii(doc.tokens[first - 2].text)
                                   : std::string();
    if (head == "secretary" || head == "general" || head == "justice")
        return std::find(kSecretaryKinds.begin(), kSecretaryKinds.end(), before) !=
                           kSecretaryKinds.end() ||
                       before == "attorney" || before == "chief"
                   ? 2
                   : 0;
    if (head == "governor" || head == "speaker" || head == "king" || head == "queen")
        return before == "the" || first - 1 == sentence_first ? 1 : 0;
    return 1;
}

}  // namespace

std::vector<RelationMention> implied_affiliations(const AnnotatedDocument& doc,
                                                  const Gazetteer* gazetteer) {
    std::vector<RelationMention> out;
    // the article's country: the most mentioned one, if it is clearly the most mentioned
    std::vector<std::uint32_t> counts(doc.entities.size(), 0);
    for (const auto& m : doc.mentions)
        if (m.entity >= 0 &&
            doc.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Country)
            ++counts[static_cast<std::size_t>(m.entity)];
    int main_country = -1;
    std::uint32_t best = 0, second = 0;
    for (std::size_t e = 0; e < counts.size(); ++e) {
        if (counts[e] > best) {
            second = best;
            best = counts[e];
            main_country = static_cast<int>(e);
        } else if (counts[e] > second) {
            second = counts[e];
        }
    }
    if (best == second) main_country = -1;

    const std::vector<int> sentence_of_token = detail::sentence_of_each_token(doc);
    std::vector<bool> sentence_has_country(doc.sentences.size(), false);
    for (const auto& m : doc.mentions)
        if (m.entity >= 0 && m.first_token < doc.tokens.size() &&
            doc.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Country &&
            sentence_of_token[m.first_token] >= 0)
            sentence_has_country[static_cast<std::size_t>(sentence_of_token[m.first_token])] = true;

    std::vector<bool> done(doc.entities.size(), false);
    for (const auto& m : doc.mentions) {
        if (m.entity < 0 || done[static_cast<std::size_t>(m.entity)]) continue;
        const auto& person = doc.entities[static_cast<std::size_t>(m.entity)];
        if (person.type != EntityType::Person || m.source.starts_with("coref:")) continue;
        if (m.first_token >= doc.tokens.size() || sentence_of_token[m.first_token] < 0) continue;
        const auto s = static_cast<std::size_t>(sentence_of_token[m.first_token]);
        if (sentence_has_country[s]) continue;  // the sentence's own pairs decide
        auto title = office_title_length(doc, m.first_token, doc.sentences[s].first_token);
        if (title == 0) continue;
        // "Prime Minister", "Foreign Minister": the capitalized word before is the title's
        if (title == 1 && m.first_token >= doc.sentences[s].first_token + 2) {
            const auto& word = doc.tokens[m.first_token - 2].text;
            if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z' &&
                m.first_token - 2 > doc.sentences[s].first_token)
                title = 2;
        }
        int country = main_country;
        if (gazetteer) {
            if (const PersonInfo* known = gazetteer->person(person.name);
                known && known->country >= 0) {
                const auto& name =
                    gazetteer->countries()[static_cast<std::size_t>(known->country)].name;
                for (std::size_t e = 0; e < doc.entities.size(); ++e)
                    if (doc.entities[e].type == EntityType::Country && doc.entities[e].name == name)
                        country = static_cast<int>(e);
            }
        }
        if (country < 0) continue;
        RelationMention r;
        r.subject = m.entity;
        r.object = country;
        r.type = RelationType::AffiliatedWith;
        r.sentence = static_cast<std::uint32_t>(s);
        r.confidence = 0.5;
        for (auto t = m.first_token - title; t < m.first_token; ++t)
            r.label += (r.label.empty() ? "" : " ") + std::string(doc.tokens[t].text);
        r.role = detail::lower_ascii(r.label);
        r.rule = "implied-country";
        out.push_back(std::move(r));
        done[static_cast<std::size_t>(m.entity)] = true;
    }
    return out;
}

}  // namespace kgforge::nlp::relations
