#include "nlp/relations/embedded_names.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "nlp/gazetteer.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp::relations {
namespace {

// Head words of public bodies: such a body named after a country is part of it.
constexpr std::array<std::string_view, 24> kPublicBodyHeads = {
    "ministry",   "department", "embassy",   "consulate",  "agency",  "council",
    "commission", "committee",  "authority", "bureau",     "office",  "parliament",
    "assembly",   "congress",   "senate",    "court",      "army",    "navy",
    "reserve",    "treasury",   "police",    "government", "service", "force"};

bool is_public_body(const ResolvedEntity& e) {
    if (e.subtype == "GovernmentOrganization") return true;
    const auto space = e.name.find_last_of(' ');
    const std::string head =
        detail::lower_ascii(space == std::string::npos ? e.name : e.name.substr(space + 1));
    return std::find(kPublicBodyHeads.begin(), kPublicBodyHeads.end(), head) !=
           kPublicBodyHeads.end();
}

}  // namespace

std::vector<RelationMention> embedded_name_relations(const AnnotatedDocument& doc,
                                                     const Gazetteer* gazetteer) {
    std::vector<RelationMention> out;
    std::vector<bool> done(doc.entities.size(), false);
    const std::vector<int> sentence_of_token = detail::sentence_of_each_token(doc);
    // entity of each surface the article uses on its own (name and aliases), by exact text
    auto entity_named = [&](std::string_view text, int except) {
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            if (static_cast<int>(e) == except) continue;
            const auto& ent = doc.entities[e];
            if (ent.name == text) return static_cast<int>(e);
            for (const auto& a : ent.aliases)
                if (a == text) return static_cast<int>(e);
        }
        return -1;
    };
    for (const auto& m : doc.mentions) {
        if (m.entity < 0 || done[static_cast<std::size_t>(m.entity)]) continue;
        if (m.source.starts_with("coref:") || m.end_token - m.first_token < 2) continue;
        const auto& ent = doc.entities[static_cast<std::size_t>(m.entity)];
        if (ent.type != EntityType::Organization) continue;
        if (m.end_token > doc.tokens.size() || sentence_of_token[m.first_token] < 0) continue;
        // the longest leading run of words that names another entity of the article
        int inner = -1;
        std::uint32_t inner_end = m.first_token;
        for (auto e = m.end_token - 1; e > m.first_token; --e) {
            const auto text = detail::span_text(doc, m.first_token, e);
            inner = entity_named(text, m.entity);
            if (inner < 0 && gazetteer) {
                // a demonym before the body ("Iraqi oil ministry") names the country
                if (const auto* c = gazetteer->country_of_demonym(text))
                    inner = entity_named(c->name, m.entity);
            }
            if (inner >= 0) {
                inner_end = e;
                break;
            }
        }
        if (inner < 0) continue;
        const auto& container = doc.entities[static_cast<std::size_t>(inner)];
        // Only a public body named after a country or after another organization: the
        // annotators relate "US Federal Reserve" to the United States and "BBC Radio 4" to
        // the BBC, but not a company to the country or city in its name ("France Telecom",
        // "London School of Economics"), which names it without placing it (measured: 22 of
        // 28 such relations were not in the gold).
        if (container.type != EntityType::Country && container.type != EntityType::Organization)
            continue;
        if (!is_public_body(ent) && container.type == EntityType::Country) continue;
        if (container.type == EntityType::Organization && inner_end - m.first_token > 1) continue;
        const RelationType type = RelationType::PartOf;
        RelationMention r;
        r.subject = m.entity;
        r.object = inner;
        r.type = type;
        r.sentence = static_cast<std::uint32_t>(sentence_of_token[m.first_token]);
        r.confidence = 0.5;
        r.label = std::string(detail::span_text(doc, m.first_token, inner_end));
        r.rule = "embedded-name";
        out.push_back(std::move(r));
        done[static_cast<std::size_t>(m.entity)] = true;
    }
    return out;
}

}  // namespace kgforge::nlp::relations
