#include "nlp/coreference.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/gazetteer.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp {

using detail::lower_ascii;

bool is_pronominal_mention(const Mention& mention) {
    return mention.source.rfind("coref:pronoun", 0) == 0 ||
           mention.source.rfind("coref:nominal", 0) == 0;
}

namespace {

bool is_title_word(std::string_view lower) {
    static constexpr std::string_view kTitles[] = {"mr",   "mr.", "mrs", "mrs.", "ms",    "ms.",
                                                   "miss", "dr",  "dr.", "prof", "prof.", "mister"};
    for (auto t : kTitles)
        if (lower == t) return true;
    return false;
}

// Titles that are part of how a person is named ("Lord Falconer", "Baroness Morgan").
bool is_peerage_title(std::string_view lower) {
    return lower == "lord" || lower == "lady" || lower == "baroness" || lower == "baron" ||
           lower == "sir" || lower == "dame" || lower == "cardinal" || lower == "prince" ||
           lower == "princess";
}

// Post-nominal letters that are not part of the surname: "Philippe Sands QC".
bool is_name_suffix(std::string_view word) {
    return word == "QC" || word == "MP" || word == "Jr" || word == "Jr." || word == "Sr" ||
           word == "Sr." || word == "KC" || word == "MEP" || word == "II" || word == "III";
}

bool is_stop_initial(std::string_view lower) {
    return lower == "of" || lower == "and" || lower == "the" || lower == "for" || lower == "on" ||
           lower == "in" || lower == "&" || lower == "de" || lower == "du" || lower == "la" ||
           lower == "at" || lower == "to";
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Upper-case letters of an acronym, without dots, '&' and hyphens: "S&P" -> "SP".
std::string acronym_letters(std::string_view s) {
    std::string out;
    for (char c : s)
        if (detail::is_upper_ascii(c) || (c >= '0' && c <= '9')) out.push_back(c);
    return out;
}

// Initials of a multi-word name; all-caps words contribute all their letters
// ("US Strategic Metals" -> "USSM"). Function words are skipped.
std::string initials(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (w.empty()) continue;
        const std::string lw = lower_ascii(w);
        if (is_stop_initial(lw)) continue;
        if (detail::looks_like_acronym(w)) {
            out += acronym_letters(w);
        } else if (detail::is_upper_ascii(w[0])) {
            out.push_back(w[0]);
        } else if (detail::is_lower_ascii(w[0])) {
            out.push_back(static_cast<char>(w[0] - 'a' + 'A'));
        }
    }
    return out;
}

struct Builder {
    EntityType type = EntityType::Organization;
    int country = -1;                   // gazetteer country index
    std::vector<std::string> surfaces;  // distinct surface forms, first-seen order
    std::vector<std::string> names;     // proper-name forms (no descriptions, titles kept)
    std::vector<std::vector<std::string>> name_words;  // names split into words
    std::string subtype;
    std::uint32_t mentions = 0;
    int votes[kEntityTypeCount] = {0, 0, 0, 0};
    std::vector<std::string> words;  // longest person name's words (for surname matching)
    bool person_cue = false;         // a title, a first name or the person gazetteer
    bool from_tagger_only = true;    // every mention so far from the statistical tagger
    bool alive = true;
};

void add_unique(std::vector<std::string>& v, std::string s) {
    if (s.empty() || v.size() >= 64) return;  // bounded: junk text can make endless variants
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Strips a leading "the"/"The" and a trailing possessive from a surface.
std::string clean_surface(std::string_view s) {
    std::string out(s);
    if (out.size() > 4 && (out.rfind("the ", 0) == 0 || out.rfind("The ", 0) == 0)) out.erase(0, 4);
    for (std::string_view suffix :
         {std::string_view(" 's"), std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        if (out.size() > suffix.size() &&
            out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
            out.erase(out.size() - suffix.size());
            break;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
    return out;
}

// Matching key: lower case, no dots, single spaces.
std::string key_of(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '.') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string strip_titles(std::string_view s) {
    auto words = split_words(s);
    while (words.size() > 1 && is_name_suffix(words.back())) words.pop_back();
    std::size_t k = 0;
    while (k + 1 < words.size() && is_title_word(lower_ascii(words[k]))) ++k;
    std::string out;
    for (std::size_t i = k; i < words.size(); ++i) {
        if (!out.empty()) out.push_back(' ');
        out += words[i];
    }
    return out;
}

}  // namespace

Coreference::Coreference(const Gazetteer* gazetteer, CoreferenceOptions options)
    : gazetteer_(gazetteer), options_(options) {}

// Boundary repairs before grouping:
//  - "Frontier Works Organization of Pakistan" (one organization mention ending in "of" + a
//    country) becomes the organization and a country mention, so that the name is the
//    organization's and "of Pakistan" can yield PART_OF;
//  - a place or organization mention followed by "nation", "country", ... that together form a
//    known country description ("the South Asian nation") becomes a description mention.
void Coreference::repair_mentions(AnnotatedDocument& doc) const {
    if (!gazetteer_) return;
    const auto& toks = doc.tokens;
    std::vector<Mention> out;
    out.reserve(doc.mentions.size() + 4);
    for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
        Mention m = doc.mentions[mi];
        if (m.end_token > toks.size() || m.first_token >= m.end_token) continue;
        // "Schulte - Strathaus": two mentions of one type joined by an unspaced hyphen
        while (mi + 1 < doc.mentions.size() && m.end_token + 1 < toks.size() &&
               doc.mentions[mi + 1].first_token == m.end_token + 1 &&
               doc.mentions[mi + 1].type == m.type && m.type != EntityType::Country &&
               toks[m.end_token].text == "-" && !toks[m.end_token].space_before &&
               !toks[m.end_token + 1].space_before) {
            m.end_token = doc.mentions[mi + 1].end_token;
            ++mi;
        }
        if (m.type == EntityType::Person && m.end_token + 1 < toks.size() &&
            toks[m.end_token].text == "-" && !toks[m.end_token].space_before &&
            !toks[m.end_token + 1].space_before &&
            detail::starts_upper_ascii(toks[m.end_token + 1].text) &&
            (mi + 1 >= doc.mentions.size() || doc.mentions[mi + 1].first_token > m.end_token + 1))
            m.end_token += 2;
        // "Hong Kong-based Hutchison Whampoa": what directly follows "-based" is an organization
        if (m.type == EntityType::Person && m.first_token >= 2 &&
            lower_ascii(toks[m.first_token - 1].text) == "based" &&
            toks[m.first_token - 2].text == "-")
            m.type = EntityType::Organization;
        // A capitalized peerage title right before the mention, not inside the previous one.
        auto peerage_title_before = [&] {
            return m.first_token > 0 &&
                   is_peerage_title(lower_ascii(toks[m.first_token - 1].text)) &&
                   detail::starts_upper_ascii(toks[m.first_token - 1].text) &&
                   (out.empty() || out.back().end_token < m.first_token);
        };
        // "Baroness Kennedy" tagged as a company or a place: a peer is a person (not "Lord
        // Chancellor": a title and a role word name an office)
        if (m.source == "ner" &&
            (m.type == EntityType::Organization || m.type == EntityType::Location)) {
            const std::uint32_t n = m.end_token - m.first_token;
            const bool title_inside =
                n == 2 && is_peerage_title(lower_ascii(toks[m.first_token].text));
            const bool title_before = n == 1 && peerage_title_before();
            const std::string_view name = toks[m.end_token - 1].text;
            if ((title_inside || title_before) && detail::starts_upper_ascii(name) &&
                !(gazetteer_ && gazetteer_->is_role_word(lower_ascii(name)))) {
                if (title_before) m.first_token -= 1;
                m.type = EntityType::Person;
            }
        }
        // "Lord Falconer": the peerage title belongs to the name
        if (m.type == EntityType::Person && peerage_title_before()) m.first_token -= 1;
        // Statistical mentions running into a verb ("U.S. Has", "U.S. Views would be
        // considered"): keep the part before it; a country name at the start stands alone.
        if (m.source == "ner" && m.end_token - m.first_token >= 2) {
            bool truncated = false;
            for (std::uint32_t t = m.first_token + 1; t < m.end_token; ++t) {
                const auto p = toks[t].pos;
                if (is_verb(p) || p == ptb::MD) {
                    m.end_token = t;
                    truncated = true;
                    break;
                }
            }
            // "U.S. Threat against Japan", "U.S. Complaint": country + a common word
            for (std::uint32_t n = std::min<std::uint32_t>(2, m.end_token - m.first_token - 1);
                 n >= 1; --n) {
                const std::string head(detail::span_text(doc, m.first_token, m.first_token + n));
                if (!gazetteer_->country_by_name(head)) continue;
                const std::uint32_t rest = m.first_token + n;
                bool org_like = false;
                for (std::uint32_t t = rest; t < m.end_token; ++t)
                    if (gazetteer_->is_org_suffix(toks[t].text)) org_like = true;
                const bool one_word = m.end_token - rest == 1;
                bool has_prep = false;
                for (std::uint32_t t = rest; t < m.end_token; ++t)
                    if (toks[t].pos == ptb::IN && lower_ascii(toks[t].text) != "of")
                        has_prep = true;
                // "U.S. Threat against Japan": a common word used as a noun before a preposition
                const bool before_prep =
                    m.end_token < toks.size() &&
                    (toks[m.end_token].pos == ptb::IN || toks[m.end_token].pos == ptb::TO) &&
                    lower_ascii(toks[m.end_token].text) != "of";
                if (!org_like && ((one_word && (truncated || before_prep)) || has_prep) &&
                    m.type != EntityType::Person) {
                    Mention c = m;
                    c.end_token = rest;
                    c.type = EntityType::Country;
                    c.subtype = "Country";
                    c.source = "coref:split";
                    out.push_back(c);
                    // a country after a preposition inside the rest ("... against Japan")
                    for (std::uint32_t t = rest; t + 1 < m.end_token; ++t) {
                        if (toks[t].pos != ptb::IN) continue;
                        const std::string tail(detail::span_text(doc, t + 1, m.end_token));
                        if (gazetteer_->country_by_name(tail)) {
                            Mention c2 = c;
                            c2.first_token = t + 1;
                            c2.end_token = m.end_token;
                            out.push_back(c2);
                        }
                        break;
                    }
                    m.end_token = m.first_token;  // dropped
                }
                break;
            }
            if (m.end_token <= m.first_token) continue;
        }
        if (m.type == EntityType::Organization && m.end_token - m.first_token >= 3) {
            // "Catholic Church in England": an organization and the place it is in
            bool split_in = false;
            for (std::uint32_t p = m.first_token + 2; p + 1 < m.end_token; ++p) {
                if (toks[p].text != "in") continue;
                const std::string rest(detail::span_text(doc, p + 1, m.end_token));
                const bool country = gazetteer_->country_by_name(rest) != nullptr;
                if (!country && gazetteer_->city(rest) == nullptr) continue;
                Mention org = m;
                org.end_token = p;
                Mention place;
                place.first_token = p + 1;
                place.end_token = m.end_token;
                place.type = country ? EntityType::Country : EntityType::Location;
                place.subtype = country ? "Country" : "";
                place.source = "coref:split";
                out.push_back(org);
                out.push_back(place);
                split_in = true;
                break;
            }
            if (split_in) continue;
        }
        if (m.type == EntityType::Organization && m.end_token - m.first_token >= 4) {
            bool split = false;
            for (std::uint32_t p = m.first_token + 2; p + 1 < m.end_token; ++p) {
                if (toks[p].text != "of") continue;
                // "Environment Ministry of Brazil" (a government body before "of"), or at least
                // three words before it; "Bank of Japan" and "Central Bank of Russia" stay whole
                const std::string before = lower_ascii(toks[p - 1].text);
                const bool body = before == "ministry" || before == "department" ||
                                  before == "embassy" || before == "agency" ||
                                  before == "commission" || before == "office";
                if (p - m.first_token < 3 && !body) continue;
                std::uint32_t c = p + 1;
                if (lower_ascii(toks[c].text) == "the" && c + 1 < m.end_token) ++c;
                const std::string rest(detail::span_text(doc, c, m.end_token));
                if (gazetteer_->country_by_name(rest) == nullptr) continue;
                Mention org = m;
                org.end_token = p;
                Mention country;
                country.first_token = c;
                country.end_token = m.end_token;
                country.type = EntityType::Country;
                country.subtype = "Country";
                country.source = "coref:split";
                out.push_back(org);
                out.push_back(country);
                split = true;
                break;
            }
            if (split) continue;
        }
        // A capital in actor position ("Washington charged ...", "Madrid's objections") stands
        // for the government; "in Washington" stays a place.
        if (m.type == EntityType::Location && m.end_token < toks.size() &&
            m.source != "pattern:based" &&
            gazetteer_->country_of_capital(detail::mention_text(doc, m)) != nullptr) {
            const auto& next = toks[m.end_token];
            const std::string prev =
                m.first_token > 0 ? lower_ascii(toks[m.first_token - 1].text) : std::string();
            const bool after_prep =
                m.first_token > 0 && (toks[m.first_token - 1].pos == ptb::IN || prev == "in" ||
                                      prev == "to" || prev == "from" || prev == "at");
            bool actor = next.pos == ptb::VBD || next.pos == ptb::VBZ || next.pos == ptb::VBP ||
                         next.pos == ptb::MD;
            // "Beijing on Monday said": a short time phrase before the verb
            if (!actor && next.pos == ptb::IN) {
                for (std::uint32_t t = m.end_token + 1; t < toks.size() && t < m.end_token + 4;
                     ++t) {
                    const auto p = toks[t].pos;
                    if (p == ptb::VBD || p == ptb::VBZ || p == ptb::VBP || p == ptb::MD) {
                        actor = true;
                        break;
                    }
                    if (!(p == ptb::NNP || p == ptb::CD || p == ptb::DT || p == ptb::NN)) break;
                }
            }
            if (!after_prep && actor) {
                m.type = EntityType::Country;
                m.subtype = "Capital";
                m.source = "coref:capital";
            }
        }
        if ((m.type == EntityType::Location || m.type == EntityType::Organization) &&
            m.end_token < toks.size()) {
            const std::string next = lower_ascii(toks[m.end_token].text);
            if (next == "nation" || next == "country" || next == "state" || next == "kingdom" ||
                next == "republic" || next == "neighbour" || next == "neighbor" ||
                next == "economy" || next == "island" || next == "emirate") {
                const bool free_next =
                    mi + 1 >= doc.mentions.size() || doc.mentions[mi + 1].first_token > m.end_token;
                const std::string phrase =
                    std::string(detail::span_text(doc, m.first_token, m.end_token + 1));
                if (free_next && !gazetteer_->countries_of_description(phrase).empty()) {
                    m.end_token += 1;
                    if (m.first_token > 0 && lower_ascii(toks[m.first_token - 1].text) == "the")
                        m.first_token -= 1;
                    m.type = EntityType::Country;
                    m.subtype = "Description";
                    m.source = "coref:description";
                }
            }
        }
        out.push_back(std::move(m));
    }
    doc.mentions = std::move(out);
    type_lists_of_places(doc);
}

// "The marginals are Aberdeen South, Dumfriesshire, Ochil, Stirling and Western Isles": in a
// list of four or more names joined by commas and "and", mostly places, the tagger's
// companies and people are places too.
void Coreference::type_lists_of_places(AnnotatedDocument& doc) {
    const auto& toks = doc.tokens;
    auto& mentions = doc.mentions;
    auto joined = [&](const Mention& a, const Mention& b) {
        // only "," / "and" / ", and" between them
        if (b.first_token <= a.end_token || b.first_token - a.end_token > 2) return false;
        for (std::uint32_t t = a.end_token; t < b.first_token; ++t)
            if (toks[t].text != "," && toks[t].text != "and") return false;
        return true;
    };
    std::size_t begin = 0;
    while (begin < mentions.size()) {
        std::size_t end = begin + 1;
        while (end < mentions.size() && joined(mentions[end - 1], mentions[end])) ++end;
        const std::size_t n = end - begin;
        std::size_t places = 0;
        for (std::size_t i = begin; i < end; ++i)
            places += mentions[i].type == EntityType::Location;
        if (n >= 4 && places * 5 >= n * 3) {
            for (std::size_t i = begin; i < end; ++i) {
                Mention& m = mentions[i];
                if (m.source == "ner" &&
                    (m.type == EntityType::Organization || m.type == EntityType::Person))
                    m.type = EntityType::Location;
            }
        }
        begin = end;
    }
}

// The word before a one-word name that makes it a person: a title or a family word
// ("his wife Maggie").
bool Coreference::is_person_cue(const std::string& word_before) const {
    static constexpr std::string_view kFamily[] = {
        "wife",    "husband", "son",     "daughter", "mother",   "father",
        "brother", "sister",  "uncle",   "aunt",     "niece",    "nephew",
        "cousin",  "widow",   "partner", "friend",   "grandson", "granddaughter"};
    for (auto w : kFamily)
        if (word_before == w) return true;
    return gazetteer_ && gazetteer_->is_role_word(word_before);
}

void Coreference::resolve(AnnotatedDocument& doc) const {
    auto& mentions = doc.mentions;
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
        return a.first_token < b.first_token;
    });
    // Drop pronominal mentions left over from an earlier run.
    mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                  [](const Mention& m) { return is_pronominal_mention(m); }),
                   mentions.end());

    repair_mentions(doc);

    std::vector<Builder> ents;
    std::unordered_map<int, int> country_entity;
    std::unordered_map<std::string, int> surface_entity;  // key -> entity (non-country)
    std::unordered_map<std::string, int> acronym_entity;  // "USSM" -> entity
    std::vector<std::size_t> descriptions;

    const auto& toks = doc.tokens;
    auto new_entity = [&](EntityType type) {
        ents.emplace_back();
        ents.back().type = type;
        return static_cast<int>(ents.size() - 1);
    };

    // Name matching looks back over the most recent entities only (bounded work per mention).
    constexpr int kScanEntities = 256;
    auto scan_floor = [&]() { return std::max(0, static_cast<int>(ents.size()) - kScanEntities); };

    auto country_of = [&](const Mention& m, std::string_view text) -> int {
        if (!gazetteer_) return -1;
        const std::string cleaned = clean_surface(text);
        const CountryInfo* info = nullptr;
        if (m.subtype == "Demonym")
            info = gazetteer_->country_of_demonym(cleaned);
        else if (m.subtype == "Capital")
            info = gazetteer_->country_of_capital(cleaned);
        if (!info) info = gazetteer_->country_by_name(cleaned);
        if (!info && m.subtype != "Capital") info = gazetteer_->country_of_demonym(cleaned);
        if (!info) return -1;
        const auto all = gazetteer_->countries();
        return static_cast<int>(info - all.data());
    };

    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
        Mention& m = mentions[mi];
        m.entity = -1;
        if (m.first_token >= m.end_token || m.end_token > toks.size()) continue;
        const std::string_view text = detail::mention_text(doc, m);
        if (m.type == EntityType::Country && m.subtype == "Description") {
            descriptions.push_back(mi);
            continue;
        }
        std::string surface = clean_surface(text);
        if (surface.empty()) continue;
        int ent = -1;
        int cidx = -1;
        // A country name tagged as something else (not a place use of a capital).
        // Seats of government used for the state: "the Kremlin said".
        if (m.type != EntityType::Person && gazetteer_) {
            static constexpr std::pair<std::string_view, std::string_view> kSeats[] = {
                {"Kremlin", "RUS"}, {"Elysee", "FRA"}, {"Zhongnanhai", "CHN"}};
            for (const auto& [seat, iso3] : kSeats) {
                if (surface != seat) continue;
                if (const auto* c = gazetteer_->country_by_iso3(iso3)) {
                    cidx = static_cast<int>(c - gazetteer_->countries().data());
                    m.type = EntityType::Country;
                    m.subtype = "Capital";
                }
            }
        }
        if (cidx >= 0) {
        } else if (m.type == EntityType::Country ||
                   ((m.type == EntityType::Location || m.type == EntityType::Organization) &&
                    m.source != "gazetteer:city" && gazetteer_ &&
                    gazetteer_->country_by_name(surface) != nullptr &&
                    gazetteer_->country_of_capital(surface) == nullptr)) {
            cidx = country_of(m, text);
            if (cidx >= 0) m.type = EntityType::Country;
        }
        if (m.type == EntityType::Country && cidx >= 0) {
            auto it = country_entity.find(cidx);
            if (it != country_entity.end()) {
                ent = it->second;
            } else {
                ent = new_entity(EntityType::Country);
                ents[static_cast<std::size_t>(ent)].country = cidx;
                country_entity.emplace(cidx, ent);
            }
        } else {
            const bool is_person = m.type == EntityType::Person;
            const std::string name = is_person ? strip_titles(surface) : surface;
            // the names of one known organization are one entity ("Tories", "Conservatives")
            const OrganizationInfo* known = m.type == EntityType::Organization && gazetteer_
                                                ? gazetteer_->organization(name)
                                                : nullptr;
            const std::string key = known ? "org:" + key_of(known->name) : key_of(name);
            auto it = surface_entity.find(key);
            if (it == surface_entity.end() && m.type == EntityType::Organization &&
                key.size() > 4) {
                it = key.back() == 's' ? surface_entity.find(key.substr(0, key.size() - 1))
                                       : surface_entity.find(key + "s");
            }
            if (it != surface_entity.end() &&
                ents[static_cast<std::size_t>(it->second)].type != EntityType::Country) {
                ent = it->second;
                // Same string, different type: keep one entity (types are voted) unless
                // a place and an organization are clearly different kinds.
            }
            if (ent < 0 && !is_person) {
                auto ai = acronym_entity.find(acronym_letters(surface));
                if (detail::looks_like_acronym(surface) && ai != acronym_entity.end())
                    ent = ai->second;
            }
            if (ent < 0 && is_person) {
                auto words = split_words(name);
                if (words.size() == 2 && is_peerage_title(lower_ascii(words[0])))
                    words.erase(words.begin());
                if (words.size() == 1) {
                    // Surname (or given name) of the nearest earlier full name.
                    for (int e = static_cast<int>(ents.size()) - 1; e >= scan_floor(); --e) {
                        const auto& b = ents[static_cast<std::size_t>(e)];
                        if (b.type != EntityType::Person || b.words.size() < 2) continue;
                        if (b.words.back() == words[0] || b.words.front() == words[0]) {
                            ent = e;
                            break;
                        }
                    }
                } else {
                    // Spelling variants of the given name: "Victor Makarov" / "Viktor Makarov".
                    for (int e = static_cast<int>(ents.size()) - 1; e >= scan_floor() && ent < 0;
                         --e) {
                        const auto& b = ents[static_cast<std::size_t>(e)];
                        if (b.type != EntityType::Person || b.words.size() != words.size() ||
                            words.size() != 2 || b.words.back() != words.back())
                            continue;
                        const auto& x = b.words.front();
                        const auto& y = words.front();
                        if (x.size() >= 4 && x.size() == y.size() && x[0] == y[0]) {
                            int diff = 0;
                            for (std::size_t c = 0; c < x.size(); ++c) diff += x[c] != y[c];
                            if (diff == 1) ent = e;
                        }
                    }
                    // A full name after its surname was seen alone (also when the tagger
                    // called the surname alone a company or a place: "NAKASONE SAYS ...").
                    for (int e = static_cast<int>(ents.size()) - 1; e >= scan_floor() && ent < 0;
                         --e) {
                        auto& b = ents[static_cast<std::size_t>(e)];
                        if (b.type == EntityType::Person && b.words.size() == 1 &&
                            b.words[0] == words.back()) {
                            ent = e;
                            break;
                        }
                        if ((b.type == EntityType::Organization ||
                             b.type == EntityType::Location) &&
                            b.from_tagger_only && b.name_words.size() <= 2 &&
                            !b.name_words.empty() && b.name_words[0].size() == 1 &&
                            lower_ascii(b.name_words[0][0]) == lower_ascii(words.back()) &&
                            !detail::looks_like_acronym(words.back())) {
                            ent = e;
                            b.type = EntityType::Person;
                            b.votes[static_cast<int>(EntityType::Person)] +=
                                b.votes[static_cast<int>(EntityType::Organization)] +
                                b.votes[static_cast<int>(EntityType::Location)];
                            b.votes[static_cast<int>(EntityType::Organization)] = 0;
                            b.votes[static_cast<int>(EntityType::Location)] = 0;
                            break;
                        }
                    }
                }
            }
            // The surname of an earlier full name that the tagger called a company or a place
            // ("Yasuhiro Nakasone ... Nakasone said"): the person.
            if (ent < 0 && !is_person && m.source == "ner" &&
                (m.type == EntityType::Organization || m.type == EntityType::Location)) {
                const auto words = split_words(name);
                if (words.size() == 1 && !detail::looks_like_acronym(words[0])) {
                    for (int e = static_cast<int>(ents.size()) - 1; e >= scan_floor(); --e) {
                        const auto& b = ents[static_cast<std::size_t>(e)];
                        if (b.type != EntityType::Person || b.words.size() < 2) continue;
                        if (b.words.back() == words[0]) {
                            ent = e;  // retyped a person where the mention votes
                            break;
                        }
                    }
                }
            }
            // An acronym matching the initials of earlier names: the first-introduced one
            // ("EC" = European Community, not the later "EC's Executive Commission").
            if (ent < 0 && m.type != EntityType::Person && detail::looks_like_acronym(surface) &&
                split_words(surface).size() == 1) {
                const std::string letters = acronym_letters(surface);
                // "EC's Executive Commission", "EC Commission": the acronym names another body
                std::string next_name;
                std::uint32_t nt = m.end_token;
                if (nt < toks.size() && detail::is_possessive_token(toks[nt].text)) ++nt;
                for (std::size_t k = mi + 1; k < mentions.size() && mentions[k].first_token <= nt;
                     ++k)
                    if (mentions[k].first_token == nt)
                        next_name = clean_surface(detail::mention_text(doc, mentions[k]));
                for (int e = scan_floor(); e < static_cast<int>(ents.size()) && ent < 0; ++e) {
                    const auto& b = ents[static_cast<std::size_t>(e)];
                    if (b.type != EntityType::Organization) continue;
                    for (std::size_t ni = 0; ni < b.names.size(); ++ni) {
                        if (b.name_words[ni].size() < 2 || initials(b.name_words[ni]) != letters)
                            continue;
                        if (!next_name.empty() && b.names[ni] == next_name) continue;
                        ent = e;
                        break;
                    }
                }
            }
            // "the EC's Executive Commission": preceded by the acronym, so not its expansion
            auto after_acronym = [&](const std::string& acr) {
                std::uint32_t t = m.first_token;
                if (t > 0 && detail::is_possessive_token(toks[t - 1].text)) --t;
                return t > 0 && toks[t - 1].text == acr;
            };
            // (persons too: the statistical tagger sometimes calls a company a person)
            if (ent < 0 && (m.type == EntityType::Organization || m.type == EntityType::Person)) {
                const auto words = split_words(surface);
                const std::string letters = acronym_letters(surface);
                for (int e = static_cast<int>(ents.size()) - 1; e >= scan_floor() && ent < 0; --e) {
                    const auto& b = ents[static_cast<std::size_t>(e)];
                    if (b.type != EntityType::Organization) continue;
                    for (std::size_t ni = 0; ni < b.names.size(); ++ni) {
                        const auto& n = b.names[ni];
                        const auto& nw = b.name_words[ni];
                        // (acronyms of earlier names are handled above)
                        // an earlier acronym spelled out now
                        if (nw.size() == 1 && detail::looks_like_acronym(n) && words.size() >= 2 &&
                            initials(words) == acronym_letters(n) && !after_acronym(n)) {
                            ent = e;
                            break;
                        }
                        // "Energy Department" vs "US Energy Department": same tail, extra head
                        // is a country; "Menatep" vs "Menatep Group": same head word.
                        const auto& shorter = nw.size() < words.size() ? nw : words;
                        const auto& longer = nw.size() < words.size() ? words : nw;
                        if (shorter.size() == longer.size() || shorter.empty()) continue;
                        const std::size_t extra = longer.size() - shorter.size();
                        if (std::equal(shorter.begin(), shorter.end(),
                                       longer.begin() + static_cast<std::ptrdiff_t>(extra))) {
                            std::string head;
                            for (std::size_t k = 0; k < extra; ++k) {
                                if (k) head.push_back(' ');
                                head += longer[k];
                            }
                            if (gazetteer_ && (gazetteer_->country_by_name(head) ||
                                               gazetteer_->country_of_demonym(head))) {
                                ent = e;
                                break;
                            }
                        }
                        if (shorter.size() == 1 && !detail::looks_like_acronym(shorter[0]) &&
                            shorter[0] == longer[0] && longer.size() >= 2) {
                            ent = e;
                            break;
                        }
                        // "Andes Copper" vs "Andes Copper Corp": the rest is legal-form suffixes
                        if (gazetteer_ &&
                            std::equal(shorter.begin(), shorter.end(), longer.begin())) {
                            bool suffixes = true;
                            for (std::size_t k = shorter.size(); k < longer.size(); ++k)
                                if (!gazetteer_->is_org_suffix(longer[k])) suffixes = false;
                            if (suffixes) {
                                ent = e;
                                break;
                            }
                        }
                        // "Foreign Office" vs "Foreign and Commonwealth Office": same first and
                        // last word, the shorter's words in order inside the longer
                        if (shorter.size() >= 2 && shorter.front() == longer.front() &&
                            shorter.back() == longer.back()) {
                            std::size_t j = 0;
                            for (const auto& w : longer)
                                if (j < shorter.size() && w == shorter[j]) ++j;
                            if (j == shorter.size()) {
                                ent = e;
                                break;
                            }
                        }
                    }
                }
            }
            if (ent < 0) ent = new_entity(m.type);
            auto& b = ents[static_cast<std::size_t>(ent)];
            surface_entity.emplace(key, ent);
            if (is_person) {
                auto words = split_words(name);
                if (!words.empty() && is_peerage_title(lower_ascii(words[0])))
                    words.erase(words.begin());
                if (words.size() > b.words.size()) b.words = std::move(words);
            }
        }
        auto& b = ents[static_cast<std::size_t>(ent)];
        m.entity = ent;
        b.mentions++;
        if (m.source != "ner") b.from_tagger_only = false;
        // The surname alone of a person named in full, tagged as a company or a place.
        if (b.type == EntityType::Person && m.source == "ner" && b.words.size() >= 2 &&
            (m.type == EntityType::Organization || m.type == EntityType::Location) &&
            lower_ascii(surface) == lower_ascii(b.words.back()))
            m.type = EntityType::Person;
        b.votes[static_cast<int>(m.type)]++;
        if (m.type == EntityType::Person &&
            (m.source != "ner" || split_words(surface).size() > 1 ||
             (m.first_token > 0 && is_person_cue(lower_ascii(toks[m.first_token - 1].text))) ||
             (gazetteer_ && gazetteer_->is_person_name_word(surface))))
            b.person_cue = true;
        if (b.subtype.empty() && !m.subtype.empty() && m.subtype != "Demonym" &&
            m.subtype != "Capital")
            b.subtype = m.subtype;
        add_unique(b.surfaces, std::string(text));
        if (m.subtype != "Demonym" && m.subtype != "Capital" && b.names.size() < 64 &&
            std::find(b.names.begin(), b.names.end(), surface) == b.names.end()) {
            b.name_words.push_back(split_words(surface));
            b.names.push_back(surface);
        }
        // Acronym definition: "Name (ACR)".
        const std::uint32_t e = m.end_token;
        if (m.type != EntityType::Person && e + 2 < toks.size() && toks[e].text == "(" &&
            toks[e + 2].text == ")" && detail::looks_like_acronym(toks[e + 1].text)) {
            const std::string acr(toks[e + 1].text);
            acronym_entity.emplace(acronym_letters(acr), ent);
            surface_entity.emplace(key_of(acr), ent);
        }
    }

    // Country descriptions: the most recently mentioned candidate country.
    std::unordered_map<int, std::vector<std::uint32_t>> positions;  // entity -> mention starts
    if (!descriptions.empty())
        for (const auto& o : mentions)
            if (o.entity >= 0) positions[o.entity].push_back(o.first_token);
    for (std::size_t mi : descriptions) {
        Mention& m = mentions[mi];
        if (!gazetteer_) continue;
        const auto text = detail::mention_text(doc, m);
        const auto cands = gazetteer_->countries_of_description(text);
        const auto all = gazetteer_->countries();
        int best = -1;
        std::uint32_t best_pos = 0;
        bool best_before = false;
        for (const auto* c : cands) {
            const int cidx = static_cast<int>(c - all.data());
            auto it = country_entity.find(cidx);
            if (it == country_entity.end()) continue;
            // latest mention of that entity before this description (or the first after it)
            bool before = false;
            std::uint32_t pos = 0;
            const auto& ps = positions[it->second];
            const auto lb = std::lower_bound(ps.begin(), ps.end(), m.first_token);
            if (lb != ps.begin()) {
                before = true;
                pos = *(lb - 1);
            } else if (lb != ps.end()) {
                pos = *lb;
            }
            if (best < 0 || (before && !best_before) ||
                (before == best_before && (before ? pos > best_pos : pos < best_pos))) {
                best = it->second;
                best_pos = pos;
                best_before = before;
            }
        }
        if (best >= 0) {
            m.entity = best;
            auto& b = ents[static_cast<std::size_t>(best)];
            b.mentions++;
            add_unique(b.surfaces, std::string(text));
        }
    }

    // Coverage of tokens by mentions.
    std::vector<int> covered(toks.size(), -1);
    for (std::size_t mi = 0; mi < mentions.size(); ++mi)
        for (auto t = mentions[mi].first_token; t < mentions[mi].end_token && t < toks.size(); ++t)
            covered[t] = static_cast<int>(mi);

    std::vector<Mention> added;
    // Later bare uses of a defined acronym that NER did not tag.
    if (!acronym_entity.empty()) {
        for (std::uint32_t t = 0; t < toks.size(); ++t) {
            if (covered[t] >= 0 || !detail::looks_like_acronym(toks[t].text)) continue;
            if (t > 0 && toks[t - 1].text == "(") continue;  // the definition itself
            auto it = acronym_entity.find(acronym_letters(toks[t].text));
            if (it == acronym_entity.end()) continue;
            const auto& b = ents[static_cast<std::size_t>(it->second)];
            // only when the exact string was defined (not just the letters)
            if (surface_entity.find(key_of(toks[t].text)) == surface_entity.end()) continue;
            Mention m;
            m.first_token = t;
            m.end_token = t + 1;
            m.type = b.type;
            m.subtype = b.subtype;
            m.source = "coref:acronym";
            m.entity = it->second;
            added.push_back(m);
            covered[t] = -2;
            ents[static_cast<std::size_t>(it->second)].mentions++;
            add_unique(ents[static_cast<std::size_t>(it->second)].surfaces,
                       std::string(toks[t].text));
        }
    }

    // Country the article is about: the country used most often as an actor (subject of a
    // verb, possessor, demonym or capital); "the Iraq war" does not count.
    int main_country = -1;
    {
        std::vector<int> score(ents.size(), 0);
        for (const auto& m : mentions) {
            if (m.entity < 0 ||
                ents[static_cast<std::size_t>(m.entity)].type != EntityType::Country)
                continue;
            bool actor = m.subtype == "Demonym" || m.subtype == "Capital";
            if (m.end_token < toks.size()) {
                const auto p = toks[m.end_token].pos;
                if (is_verb(p) || p == ptb::MD || p == ptb::POS ||
                    detail::is_possessive_token(toks[m.end_token].text))
                    actor = true;
            }
            if (actor)
                score[static_cast<std::size_t>(m.entity)] += 2;
            else
                score[static_cast<std::size_t>(m.entity)] += 0;
        }
        for (std::size_t e = 0; e < ents.size(); ++e) {
            if (ents[e].type != EntityType::Country || score[e] < 4) continue;
            if (main_country < 0 || score[e] > score[static_cast<std::size_t>(main_country)] ||
                (score[e] == score[static_cast<std::size_t>(main_country)] &&
                 ents[e].mentions > ents[static_cast<std::size_t>(main_country)].mentions))
                main_country = static_cast<int>(e);
        }
    }

    // The company the article is about: the non-government organization mentioned most.
    int main_company = -1;
    for (std::size_t e = 0; e < ents.size(); ++e) {
        const auto& b = ents[e];
        if (b.type == EntityType::Country || b.subtype == "GovernmentOrganization") continue;
        if (b.votes[static_cast<int>(EntityType::Organization)] == 0) continue;
        if (main_company < 0 || b.mentions > ents[static_cast<std::size_t>(main_company)].mentions)
            main_company = static_cast<int>(e);
    }
    if (main_company >= 0 && ents[static_cast<std::size_t>(main_company)].mentions < 3)
        main_company = -1;

    if (options_.pronouns || options_.nominals) {
        // Sentence index of every token (for "subject-like" preference we only need order).
        std::vector<const Mention*> ordered;
        ordered.reserve(mentions.size());
        for (const auto& m : mentions)
            if (m.entity >= 0) ordered.push_back(&m);
        std::size_t cursor = 0;  // first mention not before the current token
        for (std::uint32_t t = 0; t < toks.size(); ++t) {
            while (cursor < ordered.size() && ordered[cursor]->end_token <= t) ++cursor;
            if (covered[t] != -1) continue;
            // Pronouns and "the company"-like phrases are short: skip longer words before
            // lower-casing (this loop sees every token of the document).
            if (toks[t].text.size() > 7) continue;
            const std::string lw_storage = lower_ascii(toks[t].text);
            const std::string_view lw = lw_storage;
            int want = 0;  // 1 person, 2 org/country, 3 government, 4 company
            std::uint32_t len = 1;
            std::string_view source = "coref:pronoun";
            if (options_.pronouns) {
                if (lw == "he" || lw == "him" || lw == "his" || lw == "himself" || lw == "she" ||
                    lw == "her" || lw == "hers" || lw == "herself")
                    want = 1;
                else if (lw == "its" || lw == "itself")
                    want = 2;
                else if (lw == "it" && t + 1 < toks.size()) {
                    const auto next = lower_ascii(toks[t + 1].text);
                    const auto pos = toks[t + 1].pos;
                    if ((is_verb(pos) || pos == ptb::MD) && !detail::is_be_form(next) &&
                        next != "has" && next != "seems" && next != "appears")
                        want = 2;
                }
            }
            if (!want && options_.nominals && (lw == "the") && t + 1 < toks.size() &&
                covered[t + 1] == -1) {
                const std::string next_storage = lower_ascii(toks[t + 1].text);
                const std::string_view next = next_storage;
                if (next == "government" || next == "authorities" || next == "administration") {
                    want = 3;
                    len = 2;
                } else if (next == "company" || next == "firm" || next == "group") {
                    want = 4;
                    len = 2;
                }
                source = "coref:nominal";
            }
            if (!want) continue;
            int ent = -1;
            if (want == 3) {
                ent = main_country;
            } else {
                int fallback = -1;
                for (std::size_t k = cursor; k-- > 0;) {
                    const Mention& a = *ordered[k];
                    if (a.end_token + options_.pronoun_window < t) break;
                    const auto& b = ents[static_cast<std::size_t>(a.entity)];
                    const int per = b.votes[static_cast<int>(EntityType::Person)];
                    const int org = b.votes[static_cast<int>(EntityType::Organization)];
                    const bool person = b.type == EntityType::Person && per > org;
                    const bool organization = b.type == EntityType::Organization || org > 0;
                    bool ok = false;
                    if (want == 1)
                        ok = person;
                    else if (want == 2)
                        ok = organization || b.type == EntityType::Country;
                    else if (want == 4)
                        ok = organization && b.subtype != "GovernmentOrganization";
                    if (!ok) continue;
                    // "the company": the article's main company when it is in reach
                    if (want == 4 && main_company >= 0 && a.entity != main_company) {
                        bool in_reach = false;
                        for (std::size_t k2 = cursor; k2-- > 0;) {
                            const Mention& a2 = *ordered[k2];
                            if (a2.end_token + options_.pronoun_window < t) break;
                            if (a2.entity == main_company) in_reach = true;
                        }
                        if (in_reach) {
                            ent = main_company;
                            break;
                        }
                    }
                    if (a.subtype == "Demonym") continue;
                    if (want != 2) {
                        ent = a.entity;
                        break;
                    }
                    // "its": prefer a subject-like or possessor antecedent
                    if (fallback < 0) fallback = a.entity;
                    const auto e2 = a.end_token;
                    if (e2 < toks.size()) {
                        const auto pos = toks[e2].pos;
                        if (detail::is_possessive_token(toks[e2].text) || is_verb(pos) ||
                            pos == ptb::MD) {
                            ent = a.entity;
                            break;
                        }
                    }
                }
                if (ent < 0) ent = fallback;
            }
            if (ent < 0) continue;
            Mention m;
            m.first_token = t;
            m.end_token = t + len;
            m.type = ents[static_cast<std::size_t>(ent)].type;
            m.source = std::string(source);
            m.entity = ent;
            added.push_back(m);
            ents[static_cast<std::size_t>(ent)].mentions++;
            for (std::uint32_t k = t; k < t + len; ++k) covered[k] = -2;
            t += len - 1;
        }
    }
    if (!added.empty()) {
        mentions.insert(mentions.end(), added.begin(), added.end());
        std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
            return a.first_token < b.first_token;
        });
    }

    // Final entities, in first-mention order; drop entities without mentions.
    std::vector<int> remap(ents.size(), -1);
    doc.entities.clear();
    for (const auto& m : mentions) {
        if (m.entity < 0 || remap[static_cast<std::size_t>(m.entity)] >= 0) continue;
        const auto& b = ents[static_cast<std::size_t>(m.entity)];
        ResolvedEntity r;
        r.type = b.type;
        if (b.type != EntityType::Country) {
            int best = static_cast<int>(b.type);
            const int per = static_cast<int>(EntityType::Person);
            const int org = static_cast<int>(EntityType::Organization);
            for (int k = 0; k < kEntityTypeCount; ++k)
                if (k != static_cast<int>(EntityType::Country) && b.votes[k] > b.votes[best])
                    best = k;
            // One-word "persons" that are sometimes tagged as organizations are organizations
            // (people are introduced with their full names): "Yukos", "Rosneft".
            if (best == per && b.votes[org] > 0 &&
                (b.votes[org] == b.votes[per] || b.words.size() <= 1))
                best = org;
            // News introduces people with a first name or a title; a one-word "person" the
            // article never names so is a company or a body ("Tesco", "Halliburton").
            if (best == per && !b.person_cue && b.words.size() <= 1) best = org;
            r.type = static_cast<EntityType>(best);
        }
        if (b.country >= 0 && gazetteer_) {
            const auto& info = gazetteer_->countries()[static_cast<std::size_t>(b.country)];
            r.name = info.name;
            // The article's own name for the country when it never uses the table's one
            // ("Turkey", not "Türkiye"; "Burma", not "Myanmar"); the table's stays an alias.
            // Informal short names are not display names: the guideline says "United
            // Kingdom" for "Britain".
            if (std::find(b.surfaces.begin(), b.surfaces.end(), info.name) == b.surfaces.end()) {
                static constexpr std::string_view kInformal[] = {"Britain", "Great Britain",
                                                                 "America", "Holland"};
                for (const auto& surface : b.surfaces) {
                    const std::string cleaned = clean_surface(surface);
                    if (cleaned.size() < 4 || detail::looks_like_acronym(cleaned)) continue;
                    if (std::find(std::begin(kInformal), std::end(kInformal), cleaned) !=
                        std::end(kInformal))
                        continue;
                    if (gazetteer_->country_by_name(cleaned) != &info) continue;
                    r.aliases.push_back(info.name);
                    r.name = cleaned;
                    break;
                }
            }
            if (!info.qid.empty()) r.external_ids.emplace_back("wikidata", info.qid);
            r.subtype = "Country";
            // dependent territories ("Hong Kong", "Gibraltar") are places, not states
            if (!info.independent) {
                r.type = EntityType::Location;
                r.subtype = "Territory";
            }
        } else {
            // Fullest proper name: most words, then longest; acronyms only when nothing else.
            std::string best;
            std::size_t best_words = 0;
            bool best_acr = true;
            for (const auto& n : b.names) {
                const std::string cand = r.type == EntityType::Person ? strip_titles(n) : n;
                auto cw = split_words(cand);
                std::size_t words = cw.size();
                // "Peter Goldsmith" is fuller than "Lord Goldsmith"
                if (r.type == EntityType::Person && !cw.empty() &&
                    is_peerage_title(lower_ascii(cw[0])))
                    words = words > 1 ? words - 1 : words;
                const bool acr = detail::looks_like_acronym(cand);
                if (best.empty() || (best_acr && !acr) ||
                    (acr == best_acr &&
                     (words > best_words || (words == best_words && cand.size() > best.size())))) {
                    best = cand;
                    best_words = words;
                    best_acr = acr;
                }
            }
            if (best.empty() && !b.surfaces.empty()) best = clean_surface(b.surfaces.front());
            r.name = best;
            r.subtype = b.subtype;
            if (r.type == EntityType::Country && r.subtype.empty()) r.subtype = "Country";
        }
        for (const auto& s : b.surfaces)
            if (s != r.name) add_unique(r.aliases, s);
        r.mentions = b.mentions;
        remap[static_cast<std::size_t>(m.entity)] = static_cast<int>(doc.entities.size());
        doc.entities.push_back(std::move(r));
    }
    for (auto& m : mentions)
        if (m.entity >= 0) m.entity = remap[static_cast<std::size_t>(m.entity)];
}

}  // namespace kgforge::nlp
