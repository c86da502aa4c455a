#include "nlp/entity_recognizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "kgforge/error.hpp"
#include "nlp/ner_model.hpp"

namespace kgforge::nlp {

namespace {

constexpr std::uint32_t kMaxChunk = 256;  // tokens tagged at once when sentences are missing

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

bool is_lower_word(std::string_view t) {
    return !t.empty() && t[0] >= 'a' && t[0] <= 'z';
}

bool is_alpha_start(std::string_view t) {
    if (t.empty()) return false;
    auto c = static_cast<unsigned char>(t[0]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

bool is_hyphen(std::string_view t) {
    return t == "-" || t == "\xE2\x80\x90" || t == "\xE2\x80\x91" || t == "\xE2\x80\x93";
}

// Words that end a capitalized run or never start a name.
bool is_function_word(std::string_view t) {
    static constexpr std::array<std::string_view, 28> words = {
        "the", "a",    "an",   "of",   "and",   "in",    "on",   "for",  "to",   "at",
        "by",  "with", "from", "as",   "or",    "but",   "if",   "that", "this", "it",
        "he",  "she",  "into", "over", "after", "about", "amid", "upon"};
    for (auto w : words) {
        if (ieq(t, w)) return true;
    }
    return false;
}

// Possessive determiners never start a name ("Our Saviour", "His Excellency").
bool is_possessive_determiner(std::string_view t) {
    static constexpr std::array<std::string_view, 7> words = {"our", "my",  "your", "his",
                                                              "her", "its", "their"};
    for (auto w : words) {
        if (ieq(t, w)) return true;
    }
    return false;
}

// "G7", "G20", "MI6": an upper-case acronym with a number, the name of a group or agency.
bool is_digit_acronym(std::string_view t) {
    std::size_t letters = 0;
    while (letters < t.size() && t[letters] >= 'A' && t[letters] <= 'Z') ++letters;
    const std::size_t digits = t.size() - letters;
    if (letters < 1 || letters > 3 || digits < 1 || digits > 2) return false;
    for (std::size_t k = letters; k < t.size(); ++k) {
        if (t[k] < '0' || t[k] > '9') return false;
    }
    return true;
}

// Words around a name that mark it as a company ("Rosneft shares", "research firm Gartner").
bool is_company_cue(std::string_view t) {
    static constexpr std::array<std::string_view, 34> words = {
        "shares",      "share",    "stake",       "firm",       "firms",        "company",
        "companies",   "group",    "owner",       "owned",      "bought",       "sold",
        "buy",         "sell",     "unit",        "subsidiary", "takeover",     "merger",
        "acquisition", "acquired", "bid",         "profits",    "profit",       "revenue",
        "revenues",    "sales",    "customers",   "investors",  "shareholders", "listed",
        "operator",    "telecoms", "consultancy", "analysts"};
    for (auto w : words) {
        if (ieq(t, w)) return true;
    }
    return false;
}

// Verbs and auxiliaries after which a capital stands for its government ("Beijing said").
bool is_government_verb(std::string_view t) {
    static constexpr std::array<std::string_view, 58> words = {
        "said",       "says",     "say",       "has",      "have",       "had",        "is",
        "was",        "will",     "would",     "could",    "should",     "may",        "might",
        "must",       "can",      "assured",   "assures",  "insisted",   "warned",     "warns",
        "accused",    "accuses",  "urged",     "urges",    "rejected",   "rejects",    "denied",
        "denies",     "objected", "objects",   "claimed",  "announced",  "agreed",     "wants",
        "wanted",     "hopes",    "believes",  "expects",  "added",      "stated",     "responded",
        "reiterated", "called",   "condemned", "welcomed", "criticized", "criticised", "pledged",
        "vowed",      "promised", "signed",    "sent",     "imposed",    "threatened", "does",
        "were",       "are"};
    for (auto w : words) {
        if (t == w) return true;
    }
    return false;
}

std::string org_subtype(std::string_view suffix) {
    static constexpr std::array<std::string_view, 20> gov = {
        "ministry", "ministries", "department",     "embassy",   "consulate",
        "agency",   "council",    "commission",     "committee", "authority",
        "bureau",   "office",     "parliament",     "assembly",  "congress",
        "senate",   "court",      "administration", "army",      "navy"};
    static constexpr std::array<std::string_view, 20> company = {
        "corp",       "corp.",    "corporation", "inc",     "inc.",   "incorporated", "ltd",
        "ltd.",       "limited",  "llc",         "plc",     "co",     "co.",          "company",
        "industries", "holdings", "airlines",    "airways", "motors", "group"};
    static constexpr std::array<std::string_view, 11> media = {
        "times",   "post",  "journal",   "news",     "herald", "tribune",
        "gazette", "daily", "telegraph", "guardian", "network"};
    for (auto w : gov) {
        if (ieq(suffix, w)) return "GovernmentOrganization";
    }
    for (auto w : company) {
        if (ieq(suffix, w)) return "Company";
    }
    for (auto w : media) {
        if (ieq(suffix, w)) return "Media";
    }
    if (ieq(suffix, "party")) return "PoliticalParty";
    return {};
}

struct Candidate {
    std::uint32_t first = 0;
    std::uint32_t end = 0;
    EntityType type = EntityType::Organization;
    std::string subtype;
    std::string source;
    int priority = 0;  // higher wins on overlap
};

class SentenceRecognizer {
  public:
    SentenceRecognizer(const Gazetteer& gazetteer, const NerModel* model,
                       std::span<const Token> tokens)
        : gaz_(gazetteer), model_(model), tokens_(tokens) {}

    void run(std::vector<Candidate>& out) {
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        if (n == 0) return;
        matches_ = gaz_.find_all(tokens_);
        // all-caps sentences (headlines): short acronyms such as "US" are unreliable
        std::size_t upper = 0, lower = 0;
        for (const auto& t : tokens_) {
            for (char c : t.text) {
                upper += (c >= 'A' && c <= 'Z');
                lower += (c >= 'a' && c <= 'z');
            }
        }
        caps_ = upper >= 4 && lower * 10 < upper;

        std::vector<Candidate> found;
        if (model_) add_model_spans(found);
        add_title_patterns(found);
        add_org_suffix_patterns(found);
        add_based_patterns(found);
        add_digit_acronyms(found);
        add_lowercase_group(found);
        add_gazetteer(found);
        resolve(found, out);
    }

  private:
    const GazetteerMatch* match(std::uint32_t first, std::uint32_t end, GazetteerKind kind) const {
        for (const auto& m : matches_) {
            if (m.first_token == first && m.end_token == end && m.kind == kind) return &m;
            if (m.first_token > first) break;
        }
        return nullptr;
    }

    std::string_view text(std::uint32_t i) const { return tokens_[i].text; }

    // Capital used for its government: "Beijing said", "Washington's objections".
    bool capital_as_government(std::uint32_t first, std::uint32_t end) const {
        // "officials in Beijing said": a place
        if (first > 0) {
            static constexpr std::array<std::string_view, 9> preps = {
                "in", "at", "from", "to", "near", "outside", "into", "across", "around"};
            for (auto p : preps) {
                if (ieq(text(first - 1), p)) return false;
            }
        }
        // "..., said Beijing." / "said Beijing, adding ..."
        if (first > 0 && (text(first - 1) == "said" || text(first - 1) == "says") &&
            (end >= tokens_.size() || !is_alpha_start(text(end)))) {
            return true;
        }
        if (end >= tokens_.size()) return false;
        auto next = text(end);
        if (is_government_verb(next)) return true;
        // "Islamabad remained committed": a past-tense verb
        if (is_lower_word(next) && next.size() > 4 && next.ends_with("ed") &&
            gaz_.is_common_word(next)) {
            return true;
        }
        if ((next == "'s" || next == "\xE2\x80\x99s") && end + 1 < tokens_.size()) {
            return is_lower_word(text(end + 1));
        }
        // "could antagonise Washington, which is pushing for ...": a relative clause that
        // gives the capital a government's verb
        if (next == "," && end + 2 < tokens_.size() &&
            (text(end + 1) == "which" || text(end + 1) == "who"))
            return is_government_verb(text(end + 2));
        return false;
    }

    // LOC-like span -> Country / Location with subtype.
    Candidate place(std::uint32_t a, std::uint32_t b, std::string source, int priority,
                    bool allow_metonymy) const {
        Candidate c{a, b, EntityType::Location, {}, std::move(source), priority};
        if (match(a, b, GazetteerKind::Country)) {
            c.type = EntityType::Country;
            c.subtype = "Country";
            if (c.source == "ner") c.source = "gazetteer:country";
            return c;
        }
        if (const auto* m = match(a, b, GazetteerKind::Capital)) {
            (void)m;
            if (allow_metonymy && capital_as_government(a, b)) {
                c.type = EntityType::Country;
                c.subtype = "Capital";
                c.source = "gazetteer:capital";
                return c;
            }
            c.subtype = "City";
            return c;
        }
        if (const auto* m = match(a, b, GazetteerKind::City)) {
            c.subtype = gaz_.cities()[static_cast<std::size_t>(m->id)].subtype;
        }
        return c;
    }

    void add_model_spans(std::vector<Candidate>& found) const {
        auto labels = model_->predict(tokens_, gaz_, &matches_);
        for (const auto& span : ner_labels_to_spans(labels)) {
            auto a = span.first, b = span.end;
            // names do not start or end with lower-case words or punctuation ("nation said")
            while (a < b && !is_name_edge(a)) ++a;
            while (b > a && !is_name_edge(b - 1)) --b;
            if (a == b) continue;
            // role words at the edges belong to the person next to them, not to the name
            // ("MP Peter Duncan", "Ealing North MP"); the title pattern finds the person
            for (bool trimmed = true; trimmed && a < b;) {
                const auto before = std::pair{a, b};
                while (a < b && role_word_starting_at(a, b) > a) a = role_word_starting_at(a, b);
                while (b > a && is_role_at(b - 1) && role_start(b - 1) >= a) b = role_start(b - 1);
                while (a < b && !is_name_edge(a)) ++a;
                while (b > a && !is_name_edge(b - 1)) --b;
                // "Balmoral in 2002": a lower-case word with no name after it ends the name
                for (auto k = a + 1; k < b; ++k) {
                    if (!is_lower_word(text(k))) continue;
                    bool name_after = false;
                    for (auto j = k + 1; j < b; ++j)
                        name_after = name_after || starts_upper(text(j));
                    if (!name_after) {
                        b = k;
                        break;
                    }
                }
                trimmed = std::pair{a, b} != before;
            }
            // a capitalized function word does not start a name ("And Australia", "If Labour");
            // "The" may ("The Hague")
            while (b - a > 1 && is_function_word(text(a)) && !ieq(text(a), "the")) ++a;
            // "George W Bush": an initial without its full stop continues the name
            if (span.cls == 0 && b < tokens_.size() && b + 1 < tokens_.size() &&
                text(b - 1).size() == 1 && starts_upper(text(b - 1)) && is_name_token(b) &&
                !match(b, b + 1, GazetteerKind::Country))
                ++b;
            // "BBC Radio 4", "Channel 5": a broadcaster's channel number is part of its name
            if (span.cls == 1 && b < tokens_.size() && is_channel_word(text(b - 1)) &&
                text(b).size() <= 2 && std::isdigit(static_cast<unsigned char>(text(b)[0])))
                ++b;
            if (is_calendar_event(a, b)) continue;  // "Christmas": an event, not an entity
            // a name has a word in it: "Â£50", "37.5bn" are amounts
            bool has_word = false;
            for (auto k = a; k < b; ++k) has_word = has_word || starts_upper(text(k));
            if (!has_word) continue;
            if (a == b) continue;
            // a role word inside: two names ("Labour MP Tom Watson"), the person is the
            // title pattern's; the name before the role word is kept with the model's class
            if (const auto cut = inner_role_word(a, b); cut > a) b = cut;
            // a known organization directly before a person's name ("Liberal Democrat
            // Sarah Teather"): the organization, and the person as a name of its own
            if (const auto org_end = leading_organization(a, b); org_end > a) {
                found.push_back({a, org_end, EntityType::Organization,
                                 gaz_.organizations()[organization_row(a, org_end)].subtype,
                                 "gazetteer:organization", 2});
                if (span.cls <= 1) found.push_back({org_end, b, EntityType::Person, {}, "ner", 2});
                continue;
            }
            // the whole span is a known organization and no place or person of that name
            // exists: the gazetteer's type ("Tories" tagged as a place)
            if (span.cls != 1 && match(a, b, GazetteerKind::Organization) &&
                !match(a, b, GazetteerKind::Country) && !match(a, b, GazetteerKind::Capital) &&
                !match(a, b, GazetteerKind::City) && !match(a, b, GazetteerKind::Person)) {
                found.push_back({a, b, EntityType::Organization,
                                 gaz_.organizations()[organization_row(a, b)].subtype, "ner", 2});
                continue;
            }
            if (b - a == 1 && is_role_at(a)) continue;  // "Mr." or "President" alone
            if (span.cls <= 1 && is_possessive_determiner(text(a))) continue;  // "Our Saviour"
            // a capitalized common word alone at the start of a sentence ("Nine were ...")
            if (span.cls <= 1 && b - a == 1 && sentence_initial(a) &&
                gaz_.is_common_word(text(a)) && !has_name_match(a, b)) {
                continue;
            }
            // all-caps headline: runs of ordinary words ("ASIAN EXPORTERS") are not names
            if (caps_ && span.cls <= 1 && all_common(a, b)) continue;
            // "the U.S. Position appeared": a word capitalized after an abbreviation that ends
            // in a full stop is not part of a name; keep the country alone
            if (span.cls <= 1 && b - a >= 2 && text(a).size() > 1 && text(a).back() == '.' &&
                match(a, a + 1, GazetteerKind::Country) && all_common(a + 1, b) &&
                !gaz_.is_org_suffix(text(b - 1))) {
                found.push_back(place(a, a + 1, "ner", 2, true));
                continue;
            }
            // "Oldham East", "Leeds North West": a place and a compass point name a place
            // (a constituency or region), whatever the model's class
            if (const auto place_end = place_before_compass_point(a, b); place_end > a) {
                found.push_back({a, b, EntityType::Location, "Region", "ner", 2});
                continue;
            }
            switch (span.cls) {
                case 0:
                    // "Washington said": a capital tagged as a person stands for its government
                    if (match(a, b, GazetteerKind::Capital) && capital_as_government(a, b)) {
                        found.push_back(place(a, b, "ner", 2, true));
                    } else {
                        found.push_back({a, b, EntityType::Person, {}, "ner", 2});
                    }
                    break;
                case 1: {
                    // an ORG that is exactly a country name ("U.S." tagged ORG) is the country
                    if (match(a, b, GazetteerKind::Country) ||
                        (match(a, b, GazetteerKind::Capital) && capital_as_government(a, b))) {
                        found.push_back(place(a, b, "ner", 2, true));
                    } else {
                        std::string subtype;
                        if (const auto* m = match(a, b, GazetteerKind::Organization)) {
                            subtype = gaz_.organizations()[static_cast<std::size_t>(m->id)].subtype;
                        } else {
                            subtype = org_subtype(text(b - 1));
                        }
                        found.push_back({a, b, EntityType::Organization, subtype, "ner", 2});
                    }
                    break;
                }
                case 2:
                    found.push_back(place(a, b, "ner", 2, true));
                    break;
                default:  // MISC: only demonyms of countries
                    if (match(a, b, GazetteerKind::Demonym)) {
                        if (demonym_as_people(a, b)) break;
                        found.push_back(
                            {a, b, EntityType::Country, "Demonym", "gazetteer:demonym", 2});
                    } else if (match(a, b, GazetteerKind::Country) && b - a == 1 &&
                               b < tokens_.size() && is_alpha_start(text(b))) {
                        // "U.S. officials": a country alias used as an adjective
                        found.push_back(place(a, b, "ner", 2, false));
                    }
                    break;
            }
        }
    }

    bool sentence_initial(std::uint32_t a) const {
        for (std::uint32_t k = 0; k < a; ++k) {
            if (is_alpha_start(text(k)) || (text(k)[0] >= '0' && text(k)[0] <= '9')) return false;
        }
        return true;
    }

    bool has_name_match(std::uint32_t a, std::uint32_t b) const {
        for (const auto& m : matches_) {
            if (m.first_token < b && a < m.end_token && m.kind != GazetteerKind::RoleWord &&
                m.kind != GazetteerKind::OrgSuffix && m.kind != GazetteerKind::Description) {
                return true;
            }
        }
        return false;
    }

    bool all_common(std::uint32_t a, std::uint32_t b) const {
        for (auto k = a; k < b; ++k) {
            if (!gaz_.is_common_word(text(k)) && !match(k, k + 1, GazetteerKind::Demonym)) {
                return false;
            }
        }
        return true;
    }

    // "G7", "MI6".
    void add_digit_acronyms(std::vector<Candidate>& found) const {
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        for (std::uint32_t i = 0; i < n; ++i) {
            if (is_digit_acronym(text(i))) {
                found.push_back({i, i + 1, EntityType::Organization, {}, "pattern:acronym", 1});
            }
        }
    }

    // "the Tata group": a capitalized name before a lower-case "group".
    void add_lowercase_group(std::vector<Candidate>& found) const {
        if (caps_) return;
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        for (std::uint32_t i = 2; i < n; ++i) {
            if (text(i) != "group") continue;
            std::uint32_t a = i;
            while (a > 1 && i - a < 3 && starts_upper(text(a - 1)) && is_alpha_start(text(a - 1)) &&
                   !is_function_word(text(a - 1)) && !has_name_match(a - 1, a) &&
                   !is_role_at(a - 1)) {
                --a;
            }
            if (a == i || sentence_initial(a)) continue;
            found.push_back(
                {a, i + 1, EntityType::Organization, "Company", "pattern:org-suffix", 3});
        }
    }

    // "the Chinese said", "Pakistanis": a demonym used for people, not a country mention.
    bool demonym_as_people(std::uint32_t a, std::uint32_t b) const {
        const bool after_the = a > 0 && ieq(text(a - 1), "the");
        if (b >= tokens_.size()) return true;
        auto next = text(b);
        if (!is_alpha_start(next)) return true;
        return after_the && (is_government_verb(next) || is_function_word(next));
    }

    // The end of a role word that starts at token i and ends inside [i, limit), or i.
    std::uint32_t role_word_starting_at(std::uint32_t i, std::uint32_t limit) const {
        std::uint32_t end = i;
        for (const auto& m : matches_) {
            if (m.first_token > i) break;
            if (m.kind == GazetteerKind::RoleWord && m.first_token == i && m.end_token < limit &&
                m.end_token > end)
                end = m.end_token;
        }
        return end;
    }

    // The first token of the longest role word that ends with token i.
    std::uint32_t role_start(std::uint32_t i) const {
        std::uint32_t start = i;
        for (const auto& m : matches_) {
            if (m.first_token > i) break;
            if (m.kind == GazetteerKind::RoleWord && m.end_token == i + 1 && m.first_token < start)
                start = m.first_token;
        }
        return start;
    }

    // A lower- or upper-case role word strictly inside (a, b) followed by a name: its first
    // token, or a.
    std::uint32_t inner_role_word(std::uint32_t a, std::uint32_t b) const {
        for (const auto& m : matches_) {
            if (m.first_token >= b) break;
            if (m.kind == GazetteerKind::RoleWord && m.first_token > a && m.end_token < b)
                return m.first_token;
        }
        return a;
    }

    std::size_t organization_row(std::uint32_t a, std::uint32_t b) const {
        return static_cast<std::size_t>(match(a, b, GazetteerKind::Organization)->id);
    }

    // The end of a known organization's name that starts the span and is followed by at
    // least two capitalized words, or a.
    std::uint32_t leading_organization(std::uint32_t a, std::uint32_t b) const {
        if (b - a < 3) return a;
        for (std::uint32_t e = b - 2; e > a; --e) {
            if (!match(a, e, GazetteerKind::Organization)) continue;
            if (match(a, b, GazetteerKind::Organization)) return a;
            for (auto k = e; k < b; ++k)
                if (!is_name_token(k)) return a;
            return e;
        }
        return a;
    }

    static bool is_channel_word(std::string_view t) {
        return t == "Radio" || t == "Channel" || t == "TV" || t == "BBC" || t == "ITV";
    }

    bool is_calendar_event(std::uint32_t a, std::uint32_t b) const {
        static constexpr std::array<std::string_view, 8> events = {
            "Christmas", "Easter", "Ramadan",      "Eid",
            "Hanukkah",  "Diwali", "Thanksgiving", "Halloween"};
        for (auto k = a; k < b; ++k)
            for (auto e : events)
                if (text(k) == e) return true;
        return false;
    }

    // The end of a known place that is followed only by compass points up to b, or a.
    std::uint32_t place_before_compass_point(std::uint32_t a, std::uint32_t b) const {
        auto compass = [&](std::uint32_t k) {
            const auto t = text(k);
            return t == "North" || t == "South" || t == "East" || t == "West" || t == "Central" ||
                   t == "North-East" || t == "North-West" || t == "South-East" || t == "South-West";
        };
        std::uint32_t e = b;
        while (e > a && compass(e - 1)) --e;
        if (e == b || e == a) return a;
        for (auto k = a; k < e; ++k)
            if (!starts_upper(text(k)) && !is_hyphen(text(k)) && !ieq(text(k), "upon") &&
                text(k) != "and")
                return a;
        if (match(a, e, GazetteerKind::City) || match(a, e, GazetteerKind::Capital)) return e;
        return a;
    }

    bool is_name_edge(std::uint32_t i) const {
        auto t = text(i);
        if (t.empty()) return false;
        // "Â" before a symbol is a pound or euro sign decoded twice ("Â£50"), not a letter
        if (t.starts_with("\xC3\x82") &&
            (t.size() == 2 || static_cast<unsigned char>(t[2]) >= 0xC2 ||
             !std::isalpha(static_cast<unsigned char>(t[2]))))
            return false;
        auto c = static_cast<unsigned char>(t[0]);
        // U+0080-U+00BF and U+2000-U+2FFF are signs and punctuation ("£", "€", "—")
        if (c == 0xC2 || c == 0xE2) return false;
        if (c >= 'a' && c <= 'z') return t.size() > 1 && t.find('.') != std::string_view::npos;
        return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    bool is_role_at(std::uint32_t i) const {
        for (const auto& m : matches_) {
            if (m.first_token > i) break;
            if (m.kind == GazetteerKind::RoleWord && m.end_token == i + 1) return true;
        }
        return false;
    }

    bool is_name_token(std::uint32_t i) const {
        auto t = text(i);
        if (!starts_upper(t) || is_function_word(t)) return false;
        if (gaz_.is_role_word(t) || gaz_.is_org_suffix(t)) return false;
        return true;
    }

    // "spokesman Lin Jian", "Foreign Minister Wang Yi", "Mr Straw".
    void add_title_patterns(std::vector<Candidate>& found) const {
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        for (std::uint32_t i = 0; i + 1 < n; ++i) {
            if (!is_role_at(i)) continue;
            std::uint32_t a = i + 1;
            if (a < n && text(a) == ".") ++a;  // "Mr. X" when the period is split off
            std::uint32_t b = a;
            while (b < n && b - a < 4 && is_name_token(b)) {
                if (match(b, b + 1, GazetteerKind::Country) ||
                    match(b, b + 1, GazetteerKind::Demonym)) {
                    break;
                }
                ++b;
            }
            if (b == a) continue;
            if (caps_) continue;  // headline case carries no signal
            // a following org suffix means the run is an organization ("Minister Bank"): skip
            if (b < n && starts_upper(text(b)) && gaz_.is_org_suffix(text(b))) continue;
            found.push_back({a, b, EntityType::Person, {}, "pattern:title", 3});
        }
    }

    // "Frontier Works Organization", "Foreign Ministry", "US Energy Department",
    // "Ministry of Foreign Affairs", "Global Times".
    void add_org_suffix_patterns(std::vector<Candidate>& found) const {
        if (caps_) return;
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        for (std::uint32_t i = 0; i < n; ++i) {
            auto t = text(i);
            // bare "Co" only after "and"/"&" ("James Capel and Co"): alone it is too ambiguous
            const bool and_co = t == "Co" && i >= 2 && (text(i - 1) == "and" || text(i - 1) == "&");
            if (!starts_upper(t) || !(and_co || gaz_.is_org_suffix(t))) continue;
            // extend left over capitalized words (and inner "of"/"and"/"&")
            std::uint32_t a = i;
            while (a > 0) {
                auto prev = text(a - 1);
                // capitalized words, role words included ("General Motors"), not demonyms
                if (starts_upper(prev) && !is_function_word(prev) && is_alpha_start(prev) &&
                    !match(a - 1, a, GazetteerKind::Demonym)) {
                    --a;
                    continue;
                }
                // "Procter & Gamble", "James Capel and Co"
                if ((prev == "&" || (prev == "and" && org_subtype(t) == "Company" && a == i)) &&
                    a >= 2 && starts_upper(text(a - 2)) && is_alpha_start(text(a - 2)) &&
                    !is_function_word(text(a - 2))) {
                    a -= 2;
                    continue;
                }
                break;
            }
            // sentence-initial "The" is not part of the name
            std::uint32_t b = i + 1;
            // "Ministry of Foreign Affairs", "Bank of England"
            if (b + 1 < n && (text(b) == "of" || text(b) == "for") && starts_upper(text(b + 1)) &&
                !is_function_word(text(b + 1))) {
                std::uint32_t c = b + 1;
                while (c < n && c - b <= 4 && starts_upper(text(c)) && is_alpha_start(text(c)) &&
                       !is_function_word(text(c))) {
                    ++c;
                }
                b = c;
            }
            if (a == i && b == i + 1) continue;  // a bare "Ministry"
            // a person's name before a suffix is unusual except for companies ("Morgan
            // Stanley"), keep it: the org reading is safer
            found.push_back(
                {a, b, EntityType::Organization, org_subtype(t), "pattern:org-suffix", 3});
            i = b - 1 > i ? b - 1 : i;
        }
    }

    // "Missouri-based" (tokens: Missouri - based).
    void add_based_patterns(std::vector<Candidate>& found) const {
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        for (std::uint32_t i = 1; i + 1 < n; ++i) {
            if (!is_hyphen(text(i)) || !ieq(text(i + 1), "based")) continue;
            std::uint32_t b = i;
            std::uint32_t a = b;
            while (a > 0 && b - a < 4 && starts_upper(text(a - 1)) && is_alpha_start(text(a - 1)) &&
                   !is_function_word(text(a - 1))) {
                --a;
            }
            if (a == b) continue;
            // prefer the longest gazetteer place inside the run ending at b
            for (std::uint32_t s = a; s < b; ++s) {
                if (match(s, b, GazetteerKind::Country) || match(s, b, GazetteerKind::Capital) ||
                    match(s, b, GazetteerKind::City)) {
                    a = s;
                    break;
                }
            }
            found.push_back(place(a, b, "pattern:based", 4, false));
        }
    }

    void add_gazetteer(std::vector<Candidate>& found) const {
        for (const auto& m : matches_) {
            const auto a = m.first_token, b = m.end_token;
            switch (m.kind) {
                case GazetteerKind::Country: {
                    // short acronyms in headlines ("LET US") are not trusted
                    if (caps_ && b - a == 1 && text(a).size() <= 3) break;
                    auto c = place(a, b, "gazetteer:country", 1, true);
                    found.push_back(c);
                    break;
                }
                case GazetteerKind::Demonym:
                    // adjective use only: "Pakistani officials", not "the Pakistanis said"
                    if (!caps_ && !demonym_as_people(a, b)) {
                        found.push_back(
                            {a, b, EntityType::Country, "Demonym", "gazetteer:demonym", 1});
                    }
                    break;
                case GazetteerKind::Capital:
                    if (!caps_) found.push_back(place(a, b, "gazetteer:city", 1, true));
                    break;
                case GazetteerKind::City: {
                    const auto& city = gaz_.cities()[static_cast<std::size_t>(m.id)];
                    if (!caps_ && (b - a > 1 || city.population >= 200000)) {
                        found.push_back(
                            {a, b, EntityType::Location, city.subtype, "gazetteer:city", 0});
                    }
                    break;
                }
                case GazetteerKind::Organization: {
                    if (caps_ && b - a == 1 && text(a).size() <= 2) break;
                    const auto& org = gaz_.organizations()[static_cast<std::size_t>(m.id)];
                    found.push_back(
                        {a, b, EntityType::Organization, org.subtype, "gazetteer:organization", 1});
                    break;
                }
                case GazetteerKind::Person:
                    if (!caps_) {
                        found.push_back({a, b, EntityType::Person, {}, "gazetteer:person", 0});
                    }
                    break;
                case GazetteerKind::Description: {
                    // "the South Asian nation": only with a definite article before it
                    if (a > 0 && ieq(text(a - 1), "the") && starts_upper(text(a))) {
                        found.push_back({a - 1, b, EntityType::Country, "Description",
                                         "gazetteer:description", 3});
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    // Keeps the best non-overlapping candidates: higher priority first, then longer spans.
    // Place names found by the gazetteer inside a model span are fixed up (types/subtypes).
    static void resolve(std::vector<Candidate>& found, std::vector<Candidate>& out) {
        std::stable_sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
            if (x.priority != y.priority) return x.priority > y.priority;
            if (x.end - x.first != y.end - y.first) return x.end - x.first > y.end - y.first;
            return x.first < y.first;
        });
        std::vector<Candidate> kept;
        for (auto& c : found) {
            bool overlaps = false;
            for (const auto& k : kept) {
                if (c.first < k.end && k.first < c.end) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.push_back(std::move(c));
        }
        std::sort(kept.begin(), kept.end(),
                  [](const Candidate& x, const Candidate& y) { return x.first < y.first; });
        for (auto& k : kept) out.push_back(std::move(k));
    }

    const Gazetteer& gaz_;
    const NerModel* model_;
    std::span<const Token> tokens_;
    std::vector<GazetteerMatch> matches_;
    bool caps_ = false;
};

// A title-case headline ("Kenya Signs Farm Pact With Brazilian Miner") capitalizes every
// word, which the tagger (trained on ordinary and all-caps text) reads as one long name.
// Such lines are tagged on a copy where ordinary words that no gazetteer name covers are
// lower-cased ("Kenya signs farm pact with Brazilian miner"). Returns false (and leaves
// `out` alone) for other sentences.
bool recase_title_case(std::span<const Token> tokens, const Gazetteer& gazetteer,
                       std::vector<Token>& out, std::string& buffer) {
    std::size_t content = 0, upper = 0, common = 0, lower_letters = 0, upper_letters = 0;
    for (const auto& t : tokens) {
        for (char c : t.text) {
            lower_letters += (c >= 'a' && c <= 'z');
            upper_letters += (c >= 'A' && c <= 'Z');
        }
        if (t.text.size() >= 4 && is_alpha_start(t.text) && !is_function_word(t.text)) {
            ++content;
            if (!starts_upper(t.text)) return false;  // every content word is capitalized
            ++upper;
            if (gazetteer.is_common_word(t.text)) ++common;
        }
    }
    // a short line without final punctuation is a headline or subheading ("U.S. Position")
    const auto last = tokens.back().text;
    const bool headline = tokens.size() <= 8 && last != "." && last != "!" && last != "?" &&
                          last != ":" && last != ";" && last != "\"" && last != "'" &&
                          last != "\xE2\x80\x9D" && last != ")";
    if (headline ? (content < 2 || common < 1) : (content < 3 || common < 2)) return false;
    if (lower_letters * 10 < upper_letters) return false;  // all caps: the tagger knows those
    // tokens covered by a gazetteer name keep their case
    std::vector<char> keep(tokens.size(), 0);
    for (const auto& m : gazetteer.find_all(tokens)) {
        switch (m.kind) {
            case GazetteerKind::RoleWord:
            case GazetteerKind::OrgSuffix:
            case GazetteerKind::Description:
                break;
            default:
                for (auto k = m.first_token; k < m.end_token; ++k) keep[k] = 1;
        }
    }
    std::size_t total = 0;
    for (const auto& t : tokens) total += t.text.size();
    buffer.clear();
    buffer.reserve(total);  // views below point into buffer: no reallocation after this
    out.assign(tokens.begin(), tokens.end());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto text = tokens[i].text;
        const auto start = buffer.size();
        const bool lower = !keep[i] && starts_upper(text) && text.size() > 1 &&
                           !(text[1] >= 'A' && text[1] <= 'Z') && gazetteer.is_common_word(text);
        for (std::size_t k = 0; k < text.size(); ++k) {
            char c = text[k];
            if (lower && k == 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            buffer.push_back(c);
        }
        out[i].text = std::string_view(buffer).substr(start, text.size());
    }
    return true;
}

// Document-level consistency: the surname of a person named in full elsewhere in the document
// ("Lena Okoro" ... "Okoro said") is a Person mention wherever the tagger missed it or typed
// it as a place/organization without gazetteer support.
void add_document_surnames(AnnotatedDocument& doc, const Gazetteer& gazetteer) {
    std::unordered_set<std::string_view> surnames;
    for (const auto& m : doc.mentions) {
        if (m.type != EntityType::Person || m.end_token - m.first_token < 2) continue;
        auto last = doc.tokens[m.end_token - 1].text;
        if (last.size() < 3 || !starts_upper(last) || gazetteer.is_common_word(last)) continue;
        surnames.insert(last);
    }
    if (surnames.empty()) return;
    auto is_surname = [&](std::string_view t) { return surnames.count(t) != 0; };
    for (auto& m : doc.mentions) {
        if (m.end_token - m.first_token == 1 && m.source == "ner" && m.type != EntityType::Person &&
            m.subtype.empty() && is_surname(doc.tokens[m.first_token].text)) {
            m.type = EntityType::Person;
            m.source = "ner:document";
        }
    }
    std::vector<char> covered(doc.tokens.size(), 0);
    for (const auto& m : doc.mentions) {
        for (auto k = m.first_token; k < m.end_token; ++k) covered[k] = 1;
    }
    bool added = false;
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        if (covered[i] || !is_surname(doc.tokens[i].text)) continue;
        // not inside a capitalized run (that would be another name)
        if (i > 0 && !covered[i - 1] && starts_upper(doc.tokens[i - 1].text) &&
            is_alpha_start(doc.tokens[i - 1].text) && !is_function_word(doc.tokens[i - 1].text)) {
            continue;
        }
        if (i + 1 < doc.tokens.size() && !covered[i + 1] && starts_upper(doc.tokens[i + 1].text) &&
            is_alpha_start(doc.tokens[i + 1].text)) {
            continue;
        }
        Mention m;
        m.first_token = i;
        m.end_token = i + 1;
        m.type = EntityType::Person;
        m.source = "ner:document";
        doc.mentions.push_back(std::move(m));
        added = true;
    }
    if (added) {
        std::sort(doc.mentions.begin(), doc.mentions.end(),
                  [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
    }
}

// Document-level typing of company names the tagger reads as persons or places ("Rosneft
// shares", "research firm Gartner", "France Telecom"): a Person/Location name without gazetteer
// support becomes an Organization when
//   - it starts with a country name or demonym and has more tokens ("<Country> Telecom"), or
//   - it is one token, never follows a title or a first name anywhere in the document, and
//     company words (shares, stake, firm, bought, ...) stand near one of its mentions (three
//     tokens before, four after: "Gazpromneft, a former unit of").
// A closing sign-off ("... added. REUTER") is dropped.
void retype_companies(AnnotatedDocument& doc, const Gazetteer& gazetteer) {
    const auto n = static_cast<std::uint32_t>(doc.tokens.size());
    auto tok = [&](std::uint32_t i) { return doc.tokens[i].text; };
    // sign-off: the last token, an all-caps word after the final full stop
    if (!doc.mentions.empty()) {
        const auto& m = doc.mentions.back();
        const auto t = tok(m.first_token);
        bool caps = t.size() >= 4;
        for (char c : t) caps = caps && c >= 'A' && c <= 'Z';
        if (m.end_token == n && m.end_token - m.first_token == 1 && caps &&
            (m.first_token == 0 || !is_alpha_start(tok(m.first_token - 1))) &&
            (m.type == EntityType::Person || m.type == EntityType::Organization)) {
            doc.mentions.pop_back();
        }
    }
    auto key_of = [&](const Mention& m) {
        std::string k;
        for (auto i = m.first_token; i < m.end_token; ++i) {
            if (!k.empty()) k += ' ';
            k += tok(i);
        }
        return k;
    };
    std::unordered_set<std::string> personal, company;
    std::unordered_set<std::string_view> surnames;
    for (const auto& m : doc.mentions) {
        if (m.type == EntityType::Person && m.end_token - m.first_token >= 2) {
            surnames.insert(tok(m.end_token - 1));
        }
    }
    for (const auto& m : doc.mentions) {
        auto k = key_of(m);
        if (m.type == EntityType::Person && m.source != "ner" && m.source != "ner:document")
            personal.insert(k);
        if (m.type == EntityType::Person && m.first_token > 0) {
            auto prev = tok(m.first_token - 1);
            if (gazetteer.is_role_word(prev) || prev == "Mr" || prev == "Mr." || prev == "Mrs" ||
                prev == "Mrs." || prev == "Ms" || prev == "Ms." || prev == "Dr" || prev == "Dr.") {
                personal.insert(k);
            }
        }
        const auto lo = m.first_token >= 3 ? m.first_token - 3 : 0;
        const auto hi = std::min(n, m.end_token + 4);
        for (auto i = lo; i < hi; ++i) {
            if ((i < m.first_token || i >= m.end_token) && is_company_cue(tok(i))) {
                company.insert(k);
                break;
            }
        }
    }
    for (auto& m : doc.mentions) {
        if (m.source != "ner") continue;
        const bool person = m.type == EntityType::Person;
        if (!person && !(m.type == EntityType::Location && m.subtype.empty())) continue;
        const auto len = m.end_token - m.first_token;
        bool org = false;
        if (person && len >= 2) {
            // "France Telecom": a person's name does not start with a country
            for (const auto& g :
                 gazetteer.find_all(std::span<const Token>(doc.tokens).subspan(m.first_token, 1))) {
                if (g.kind == GazetteerKind::Country || g.kind == GazetteerKind::Demonym)
                    org = true;
            }
        } else if (len == 1) {
            const auto k = key_of(m);
            org = company.count(k) && !personal.count(k) && !surnames.count(tok(m.first_token)) &&
                  !gazetteer.is_common_word(tok(m.first_token));
        }
        if (org) {
            m.type = EntityType::Organization;
            m.subtype = "Company";
            m.source = "ner:document";
        }
    }
}

}  // namespace

EntityRecognizer EntityRecognizer::load(const std::filesystem::path& models_dir) {
    EntityRecognizer r;
    r.gazetteer_ = std::make_shared<const Gazetteer>(Gazetteer::load(models_dir / "gazetteer"));
    r.model_ = std::make_shared<const NerModel>(NerModel::load(models_dir / "ner.bin"));
    return r;
}

EntityRecognizer EntityRecognizer::rules_only(Gazetteer gazetteer) {
    EntityRecognizer r;
    r.gazetteer_ = std::make_shared<const Gazetteer>(std::move(gazetteer));
    return r;
}

std::vector<EntitySpan> EntityRecognizer::tag(std::span<const Token> tokens) const {
    std::vector<EntitySpan> out;
    if (!model_) return out;
    auto labels = model_->predict(tokens, *gazetteer_);
    for (const auto& s : ner_labels_to_spans(labels)) {
        out.push_back({s.first, s.end, std::string(kNerClasses[s.cls])});
    }
    return out;
}

void EntityRecognizer::recognize(AnnotatedDocument& doc) const {
    doc.mentions.clear();
    const auto n = static_cast<std::uint32_t>(doc.tokens.size());
    if (n == 0 || !gazetteer_) return;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    if (doc.sentences.empty()) {
        for (std::uint32_t a = 0; a < n; a += kMaxChunk)
            ranges.emplace_back(a, std::min(n, a + kMaxChunk));
    } else {
        for (const auto& s : doc.sentences) {
            std::uint32_t a = std::min(s.first_token, n);
            std::uint32_t e = std::min(s.end_token, n);
            for (; a < e; a += kMaxChunk) ranges.emplace_back(a, std::min(e, a + kMaxChunk));
        }
    }
    std::vector<Candidate> found;
    std::vector<Token> recased;
    std::string buffer;
    for (auto [a, e] : ranges) {
        if (a >= e) continue;
        found.clear();
        auto tokens = std::span<const Token>(doc.tokens).subspan(a, e - a);
        if (recase_title_case(tokens, *gazetteer_, recased, buffer)) tokens = recased;
        SentenceRecognizer sr(*gazetteer_, model_.get(), tokens);
        sr.run(found);
        for (auto& c : found) {
            Mention m;
            m.first_token = a + c.first;
            m.end_token = a + c.end;
            m.type = c.type;
            m.subtype = std::move(c.subtype);
            m.source = std::move(c.source);
            doc.mentions.push_back(std::move(m));
        }
    }
    add_document_surnames(doc, *gazetteer_);
    retype_companies(doc, *gazetteer_);
}

}  // namespace kgforge::nlp
