#include "nlp/relation_extractor.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "nlp/coreference.hpp"
#include "nlp/gazetteer.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_util.hpp"

namespace kgforge::nlp {

using detail::lower_ascii;

namespace {

struct Arg {
    std::uint32_t first = 0;
    std::uint32_t end = 0;
    int entity = -1;
    EntityType type = EntityType::Organization;
    const Mention* mention = nullptr;
    bool pronoun = false;
    bool demonym = false;
};

bool is_prep(std::string_view w) {
    static constexpr std::string_view kPreps[] = {"in",      "at",      "on",      "with", "from",
                                                  "to",      "for",     "by",      "over", "about",
                                                  "against", "between", "among",   "into", "under",
                                                  "after",   "before",  "through", "via",  "than"};
    for (auto p : kPreps)
        if (w == p) return true;
    return false;
}

bool is_finite_verb(std::uint16_t pos) {
    return pos == ptb::VBD || pos == ptb::VBZ || pos == ptb::VBP;
}

bool is_negation(std::string_view w) {
    return w == "not" || w == "n't" || w == "never" || w == "no" || w == "nor" || w == "cannot" ||
           w == "neither";
}

bool is_modal_hypothetical(std::string_view w) {
    return w == "may" || w == "might" || w == "could" || w == "would" || w == "should" ||
           w == "if" || w == "unless" || w == "can";
}

bool is_scale_word(std::string_view w) {
    return w == "million" || w == "billion" || w == "trillion" || w == "bn" || w == "m" ||
           w == "mln" || w == "bln" || w == "tn" || w == "thousand" || w == "billions" ||
           w == "millions";
}

bool is_currency_word(std::string_view w) {
    return w == "dlrs" || w == "dollars" || w == "dollar" || w == "euros" || w == "euro" ||
           w == "pounds" || w == "yen" || w == "yuan" || w == "rupees" || w == "francs" ||
           w == "marks" || w == "stg" || w == "roubles" || w == "rubles" || w == "usd";
}

bool is_currency_symbol(std::string_view w) {
    return w == "$" || w == "US$" || w == "\xC2\xA3" || w == "\xE2\x82\xAC" || w == "\xC2\xA5" ||
           w == "Rs" || w == "Rs.";
}

bool starts_digit(std::string_view w) {
    return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

bool symmetric(RelationType t) {
    return is_symmetric(t);
}

// Head nouns after a trigger noun that keep its meaning ("trade volume", "trade ties").
bool keeps_relation(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "volume", "volumes", "value",    "ties",        "relations", "balance",
        "flows",  "links",   "deal",     "deals",       "agreement", "agreements",
        "pact",   "partner", "partners", "partnership", "surplus",   "deficit",
        "talks",  "accord",  "treaty",   "programme",   "program",   "venture"};
    for (auto k : kWords)
        if (w == k) return true;
    return false;
}

// Words that open a clause rather than continue a noun phrase.
bool is_clause_word(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "while",   "but",   "who",    "which", "that",   "as",     "when",     "although", "though",
        "because", "after", "before", "said",  "says",   "say",    "if",       "whose",    "where",
        "and",     "or",    "will",   "would", "has",    "have",   "had",      "is",       "was",
        "are",     "were",  "told",   "added", "adding", "saying", "according"};
    for (auto k : kWords)
        if (w == k) return true;
    return false;
}

class Run {
  public:
    Run(const AnnotatedDocument& doc, const Lexicon& lex, const Gazetteer* gaz,
        const RelationLimits& limits)
        : doc_(doc), lex_(lex), gaz_(gaz), lim_(limits) {
        lower_.reserve(doc.tokens.size());
        for (const auto& t : doc.tokens) lower_.push_back(lower_ascii(t.text));
        gov_.assign(doc.entities.size(), false);
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            const auto& ent = doc.entities[e];
            if (ent.type != EntityType::Organization) continue;
            if (ent.subtype == "GovernmentOrganization") gov_[e] = true;
            std::string w;
            for (char c : ent.name + " ") {
                if (c == ' ') {
                    if (!w.empty() && lex_.is_gov_head(lower_ascii(w))) gov_[e] = true;
                    w.clear();
                } else {
                    w.push_back(c);
                }
            }
        }
        // Every name and alias -> entity (for names embedded in organization names).
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            const auto& ent = doc.entities[e];
            if (ent.type != EntityType::Country && ent.type != EntityType::Organization) continue;
            name_entity_.emplace(detail::lower_ascii(ent.name), static_cast<int>(e));
            for (const auto& a : ent.aliases)
                name_entity_.emplace(lower_ascii(a), static_cast<int>(e));
        }
        // the country the article is about: most actor-like uses (see coreference)
        std::vector<int> score(doc.entities.size(), 0);
        for (const auto& m : doc.mentions) {
            if (m.entity < 0 ||
                doc.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Country)
                continue;
            if (is_pronominal_mention(m) && m.source != "coref:nominal") continue;
            bool actor =
                m.subtype == "Demonym" || m.subtype == "Capital" || m.source == "coref:nominal";
            if (m.end_token < doc.tokens.size()) {
                const auto p = doc.tokens[m.end_token].pos;
                if (is_verb(p) || p == ptb::MD || p == ptb::POS ||
                    detail::is_possessive_token(doc.tokens[m.end_token].text))
                    actor = true;
            }
            if (actor) score[static_cast<std::size_t>(m.entity)] += 2;
        }
        int best = -1;
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            if (score[e] < 4) continue;
            if (best < 0 || score[e] > score[static_cast<std::size_t>(best)])
                best = static_cast<int>(e);
        }
        main_country_ = best;
        {
            int second = -1;
            for (std::size_t e = 0; e < doc.entities.size(); ++e)
                if (static_cast<int>(e) != best && (second < 0 || score[e] > second))
                    second = score[e];
            if (best >= 0 &&
                2 * score[static_cast<std::size_t>(best)] >= 3 * std::max(second, 0) + 1)
                strict_country_ = best;
        }
        // the most mentioned country, when clearly ahead (>= 3 mentions, more than any other)
        {
            int first = -1, second = -1;
            for (std::size_t e = 0; e < doc.entities.size(); ++e) {
                if (doc.entities[e].type != EntityType::Country) continue;
                const int m = static_cast<int>(doc.entities[e].mentions);
                if (first < 0 ||
                    m > static_cast<int>(doc.entities[static_cast<std::size_t>(first)].mentions)) {
                    second = first;
                    first = static_cast<int>(e);
                } else if (second < 0 ||
                           m > static_cast<int>(
                                   doc.entities[static_cast<std::size_t>(second)].mentions)) {
                    second = static_cast<int>(e);
                }
            }
            if (first >= 0 && doc.entities[static_cast<std::size_t>(first)].mentions >= 3 &&
                score[static_cast<std::size_t>(first)] >= 2 &&
                (second < 0 || doc.entities[static_cast<std::size_t>(first)].mentions >
                                   doc.entities[static_cast<std::size_t>(second)].mentions))
                frequent_country_ = first;
        }
        best = -1;
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            if (doc.entities[e].type != EntityType::Organization || gov_[e]) continue;
            if (best < 0 ||
                doc.entities[e].mentions > doc.entities[static_cast<std::size_t>(best)].mentions)
                best = static_cast<int>(e);
        }
        if (best >= 0 && doc.entities[static_cast<std::size_t>(best)].mentions >= 3)
            main_company_ = best;
    }

    std::vector<RelationMention> run() {
        std::size_t mi = 0;
        const auto& mentions = doc_.mentions;
        for (std::uint32_t s = 0; s < doc_.sentences.size(); ++s) {
            const auto& sent = doc_.sentences[s];
            sb_ = sent.first_token;
            se_ = std::min<std::uint32_t>(sent.end_token,
                                          static_cast<std::uint32_t>(doc_.tokens.size()));
            sidx_ = s;
            args_.clear();
            while (mi < mentions.size() && mentions[mi].first_token < sb_) ++mi;
            std::size_t mj = mi;
            while (mj < mentions.size() && mentions[mj].first_token < se_) {
                const Mention& m = mentions[mj++];
                if (m.entity < 0 || m.end_token > se_) continue;
                if (args_.size() >= lim_.max_mentions_per_sentence) break;
                Arg a;
                a.first = m.first_token;
                a.end = m.end_token;
                a.entity = m.entity;
                a.type = doc_.entities[static_cast<std::size_t>(m.entity)].type;
                a.mention = &m;
                a.pronoun = is_pronominal_mention(m);
                a.demonym = m.subtype == "Demonym";
                args_.push_back(a);
            }
            arg_at_.assign(se_ - sb_, -1);
            for (std::size_t k = 0; k < args_.size(); ++k)
                for (auto t = args_[k].first; t < args_[k].end; ++t)
                    arg_at_[t - sb_] = static_cast<int>(k);
            candidates_ = 0;
            embedded_rules();
            if (!args_.empty()) {
                title_rules();
                apposition_rules();
                org_apposition_rules();
                place_apposition_rules();
                reverse_apposition_rules();
                possessive_rules();
                of_rules();
                based_in_rules();
                nationality_rules();
                list_rules();
                lexical_rules();
            }
        }
        government_body_rule();
        return std::move(out_);
    }

    // "Foreign Ministry", "the Foreign Office": a government body named without its country
    // belongs to the country the article is about (like "the government").
    void government_body_rule() {
        if (strict_country_ < 0) return;
        std::vector<bool> has_parent(doc_.entities.size(), false);
        for (const auto& r : out_)
            if (r.type == RelationType::PartOf || r.type == RelationType::LocatedIn)
                has_parent[static_cast<std::size_t>(r.subject)] = true;
        std::vector<bool> done(doc_.entities.size(), false);
        for (const auto& m : doc_.mentions) {
            if (m.entity < 0 || is_pronominal_mention(m)) continue;
            const auto e = static_cast<std::size_t>(m.entity);
            if (done[e] || has_parent[e] || !gov_[e]) continue;
            done[e] = true;
            const auto& entity = doc_.entities[e];
            // named for an international body or another country: not ours to guess
            if (entity.subtype == "InternationalOrganization") continue;
            // only ministries, departments, offices, embassies, cabinets, treasuries
            {
                const std::string lname = lower_ascii(entity.name);
                const auto sp = lname.rfind(' ');
                const std::string head = sp == std::string::npos ? lname : lname.substr(sp + 1);
                const bool body = head == "ministry" || head == "department" || head == "office" ||
                                  head == "embassy" || head == "cabinet" || head == "treasury" ||
                                  lname.rfind("ministry of ", 0) == 0 ||
                                  lname.rfind("department of ", 0) == 0;
                if (!body) continue;
            }
            bool named_country = false;
            if (gaz_) {
                std::string w;
                for (char c : entity.name + " ") {
                    if (c == ' ') {
                        if (!w.empty() && (gaz_->country_by_name(w) || gaz_->country_of_demonym(w)))
                            named_country = true;
                        w.clear();
                    } else {
                        w.push_back(c);
                    }
                }
            }
            if (named_country) continue;
            // the sentence of the first mention
            const auto it = std::upper_bound(
                doc_.sentences.begin(), doc_.sentences.end(), m.first_token,
                [](std::uint32_t tok, const Sentence& st) { return tok < st.first_token; });
            sidx_ = it == doc_.sentences.begin()
                        ? 0
                        : static_cast<std::uint32_t>(it - doc_.sentences.begin() - 1);
            candidates_ = 0;
            emit(m.entity, strict_country_, RelationType::PartOf, 0.45, "government-body",
                 std::string(detail::mention_text(doc_, m)));
        }
    }

  private:
    // ---- small helpers ----
    std::string_view low(std::uint32_t t) const { return lower_[t]; }
    std::string_view txt(std::uint32_t t) const { return doc_.tokens[t].text; }
    std::uint16_t pos(std::uint32_t t) const { return doc_.tokens[t].pos; }
    int arg_at(std::uint32_t t) const {
        if (t < sb_ || t >= se_) return -1;
        return arg_at_[t - sb_];
    }
    const ResolvedEntity& ent(int e) const { return doc_.entities[static_cast<std::size_t>(e)]; }
    bool is_role(std::string_view lower) const {
        return lex_.is_role(lower) || (gaz_ && gaz_->is_role_word(lower));
    }
    bool transparent(std::uint32_t t) const {
        const auto w = txt(t);
        return w == "<" || w == ">" || w == "\"" || w == "``" || w == "''" || w == "\xE2\x80\x9C" ||
               w == "\xE2\x80\x9D";
    }
    bool is_det(std::uint32_t t) const {
        const auto w = low(t);
        return w == "the" || w == "a" || w == "an" || pos(t) == ptb::DT;
    }
    bool based_after(const Arg& a) const {
        std::uint32_t t = a.end;
        if (t < se_ && (txt(t) == "-" || pos(t) == ptb::HYPH)) ++t;
        return t < se_ && (low(t) == "based" || low(t) == "headquartered");
    }
    // A token that may sit inside a title or a noun-phrase pre-modifier.
    bool modifier_like(std::uint32_t t) const {
        if (arg_at(t) >= 0) return false;
        const auto w = low(t);
        if (detail::is_possessive_token(txt(t))) return false;
        if (w == "-" || pos(t) == ptb::HYPH) return true;
        if (w == "former" || w == "ex" || w == "deputy" || w == "acting" || w == "senior" ||
            w == "chief" || w == "then" || w == "shadow" || w == "vice")
            return true;
        const auto p = pos(t);
        if (p == ptb::None)
            return !txt(t).empty() && std::isalpha(static_cast<unsigned char>(txt(t)[0]));
        return is_adjective(p) || is_noun(p) || p == ptb::VBN || p == ptb::VBG || p == ptb::CD;
    }
    bool sentence_has_role(std::uint32_t b, std::uint32_t e, std::string* role) const {
        bool found = false;
        for (auto t = b; t < e; ++t) {
            std::string two;
            if (t + 1 < e) two = lower_[t] + " " + lower_[t + 1];
            if (!two.empty() && is_role(two)) {
                found = true;
            } else if (is_role(low(t))) {
                found = true;
            }
        }
        if (found && role) {
            std::string r;
            for (auto t = b; t < e; ++t) {
                if (pos(t) == ptb::DT || transparent(t)) continue;
                if (!r.empty() && txt(t) != "-" && (r.back() != '-')) r.push_back(' ');
                r += lower_[t];
            }
            *role = r;
        }
        return found;
    }

    bool type_ok(int s, int o, RelationType t) const {
        const auto st = ent(s).type, ot = ent(o).type;
        using E = EntityType;
        switch (t) {
            case RelationType::AffiliatedWith:
                return st == E::Person && ot != E::Person;
            case RelationType::PartOf:
                return (st == E::Organization || st == E::Country) &&
                       (ot == E::Organization || ot == E::Country);
            case RelationType::LocatedIn:
                return (st == E::Organization || st == E::Location) &&
                       (ot == E::Location || ot == E::Country);
            case RelationType::Visited:
                return st != E::Location && (ot == E::Location || ot == E::Country);
            default:
                return st != E::Location && ot != E::Location;
        }
    }

    void emit(int s, int o, RelationType t, double conf, std::string_view rule, std::string label,
              std::string role = {}, std::string amount = {}, bool neg = false, bool hyp = false) {
        if (s < 0 || o < 0 || s == o) return;
        // "member of", "joined", "represents": a unit or member when the subject is not a person
        if (t == RelationType::AffiliatedWith && ent(s).type != EntityType::Person)
            t = RelationType::PartOf;
        if (!type_ok(s, o, t)) return;
        if (candidates_ >= lim_.max_candidates_per_sentence) return;
        ++candidates_;
        int a = s, b = o;
        if (symmetric(t) && b < a) std::swap(a, b);
        const auto key = std::make_tuple(a, static_cast<int>(t), b);
        auto it = index_.find(key);
        if (it != index_.end()) {
            auto& r = out_[it->second];
            if (conf > r.confidence) {
                r.confidence = conf;
                r.label = std::move(label);
                r.rule = std::string(rule);
                r.sentence = sidx_;
                r.role = std::move(role);
                if (!amount.empty()) r.amount = std::move(amount);
                r.negated = neg;
                r.hypothetical = hyp;
            } else if (r.amount.empty() && !amount.empty()) {
                r.amount = std::move(amount);
            }
            return;
        }
        RelationMention r;
        r.subject = s;
        r.object = o;
        r.type = t;
        r.label = std::move(label);
        r.confidence = conf;
        r.amount = std::move(amount);
        r.role = std::move(role);
        r.negated = neg;
        r.hypothetical = hyp;
        r.sentence = sidx_;
        r.rule = std::string(rule);
        index_.emplace(key, out_.size());
        out_.push_back(std::move(r));
    }

    std::string span(std::uint32_t b, std::uint32_t e) const {
        return std::string(detail::span_text(doc_, b, e));
    }

    // Previous / next arg index by token position.
    int arg_ending_at(std::uint32_t end) const {  // arg whose end == end
        if (end == 0) return -1;
        const int k = arg_at(end - 1);
        if (k >= 0 && args_[static_cast<std::size_t>(k)].end == end) return k;
        return -1;
    }
    int arg_starting_at(std::uint32_t first) const {
        const int k = arg_at(first);
        if (k >= 0 && args_[static_cast<std::size_t>(k)].first == first) return k;
        return -1;
    }
    // Skips "the"/"a" and quotes forward from t.
    std::uint32_t skip_det_fwd(std::uint32_t t) const {
        while (t < se_ && arg_at(t) < 0 && (is_det(t) || transparent(t))) ++t;
        return t;
    }
    std::uint32_t skip_det_back(std::uint32_t t) const {  // t = exclusive end
        while (t > sb_ && arg_at(t - 1) < 0 && (is_det(t - 1) || transparent(t - 1))) --t;
        return t;
    }

    // "Name (ACR)": the arg in parentheses stands for the arg before it.
    int head_of(int k) const {
        for (int guard = 0; guard < 4 && k >= 0; ++guard) {
            const auto& a = args_[static_cast<std::size_t>(k)];
            // parenthetical acronym of the previous arg
            if (a.first >= 1 && txt(a.first - 1) == "(" && a.end < se_ && txt(a.end) == ")") {
                const int p = arg_ending_at(a.first - 1);
                if (p >= 0 && args_[static_cast<std::size_t>(p)].entity == a.entity) {
                    k = p;
                    continue;
                }
            }
            // "X of (the) Y": Y modifies X
            const std::uint32_t b = skip_det_back(a.first);
            if (b > sb_ && low(b - 1) == "of") {
                const int p = arg_ending_at(b - 1);
                if (p >= 0 && args_[static_cast<std::size_t>(p)].type != EntityType::Person &&
                    a.type != EntityType::Person) {
                    k = p;
                    continue;
                }
            }
            break;
        }
        return k;
    }

    // Start of the noun phrase a person mention heads: "his Spanish counterpart X".
    std::uint32_t np_start(const Arg& a) const {
        std::uint32_t t = a.first;
        if (a.type != EntityType::Person) {
            // "the Ohio-based X", "Russian oil giant X"
            for (int g = 0; g < 5 && t > sb_; ++g) {
                if ((low(t - 1) == "based" || low(t - 1) == "headquartered") && t >= sb_ + 2) {
                    std::uint32_t u = t - 1;
                    if (u > sb_ && (txt(u - 1) == "-" || pos(u - 1) == ptb::HYPH)) --u;
                    const int k = u > sb_ ? arg_ending_at(u) : -1;
                    if (k >= 0) {
                        t = args_[static_cast<std::size_t>(k)].first;
                        continue;
                    }
                    break;
                }
                const int k = arg_at(t - 1);
                if (k >= 0) {
                    if (args_[static_cast<std::size_t>(k)].demonym) {
                        t = args_[static_cast<std::size_t>(k)].first;
                        continue;
                    }
                    break;
                }
                const auto w = txt(t - 1);
                if (w.empty() || !detail::is_lower_ascii(w[0]) || !modifier_like(t - 1) ||
                    is_clause_word(low(t - 1)))
                    break;
                --t;
            }
            return t;
        }
        for (int g = 0; g < 5 && t > sb_; ++g) {
            const int k = arg_at(t - 1);
            if (k >= 0) {
                const auto& b = args_[static_cast<std::size_t>(k)];
                const auto w = low(b.first);
                if (b.demonym ||
                    (b.pronoun && (w == "his" || w == "her" || w == "its" || w == "their"))) {
                    t = b.first;
                    continue;
                }
                break;
            }
            if (!modifier_like(t - 1) || transparent(t - 1)) break;
            --t;
        }
        return t;
    }

    // "X which ...": a relative clause makes X a list item of its own
    bool relative_after(const Arg& a) const {
        return a.end < se_ &&
               (low(a.end) == "which" || low(a.end) == "who" || low(a.end) == "whose");
    }

    // Coordinated members to the left of arg k (k included): "A, B and C".
    std::vector<int> expand_left(int k) const {
        std::vector<int> out{k};
        int cur = k;
        if (relative_after(args_[static_cast<std::size_t>(k)])) return out;
        for (int guard = 0; guard < 12; ++guard) {
            std::uint32_t t = skip_det_back(np_start(args_[static_cast<std::size_t>(cur)]));
            if (t <= sb_) break;
            bool conj = false;
            if (low(t - 1) == "and" || low(t - 1) == "&") {
                conj = true;
                --t;
                if (t > sb_ && txt(t - 1) == ",") --t;
            } else if (txt(t - 1) == ",") {
                conj = true;
                --t;
            }
            if (!conj) break;
            t = skip_det_back(t);
            // skip a parenthetical "(ACR)"
            if (t > sb_ + 2 && txt(t - 1) == ")") {
                const int p = arg_ending_at(t - 1);
                if (p >= 0 && args_[static_cast<std::size_t>(p)].first >= 1 &&
                    txt(args_[static_cast<std::size_t>(p)].first - 1) == "(")
                    t = args_[static_cast<std::size_t>(p)].first - 1;
            }
            int p = arg_ending_at(t);
            if (p < 0) break;
            p = head_of(p);
            if (args_[static_cast<std::size_t>(p)].pronoun) break;
            if (!coordinable(args_[static_cast<std::size_t>(k)],
                             args_[static_cast<std::size_t>(p)]))
                break;
            out.push_back(p);
            cur = p;
        }
        return out;
    }

    // Coordinated members to the right of arg k: "France, West Germany, the U.K. and Spain".
    std::vector<int> expand_right(int k) const {
        std::vector<int> out{k};
        int cur = k;
        for (int guard = 0; guard < 16; ++guard) {
            std::uint32_t t = args_[static_cast<std::size_t>(cur)].end;
            // skip "(ACR)" and "of (the) Y"
            if (t + 2 < se_ && txt(t) == "(" && arg_starting_at(t + 1) >= 0) {
                const int p = arg_starting_at(t + 1);
                if (args_[static_cast<std::size_t>(p)].end < se_ &&
                    txt(args_[static_cast<std::size_t>(p)].end) == ")")
                    t = args_[static_cast<std::size_t>(p)].end + 1;
            }
            if (t < se_ && low(t) == "of") {
                const int p = arg_starting_at(skip_det_fwd(t + 1));
                if (p >= 0) t = args_[static_cast<std::size_t>(p)].end;
            }
            if (t < se_ && (transparent(t))) ++t;
            if (t >= se_) break;
            bool conj = false;
            if (txt(t) == ",") {
                conj = true;
                ++t;
                if (t < se_ && low(t) == "and") ++t;
            } else if (low(t) == "and" || low(t) == "&") {
                conj = true;
                ++t;
            }
            if (!conj) break;
            t = skip_det_fwd(t);
            const int p = arg_starting_at(t);
            if (p < 0) break;
            const auto& pa = args_[static_cast<std::size_t>(p)];
            if (pa.pronoun || based_after(pa) || relative_after(pa)) break;
            // a comma list keeps to one kind of thing ("in Islamabad, the Missouri-based ...")
            if (!coordinable(args_[static_cast<std::size_t>(k)], pa)) break;
            out.push_back(p);
            cur = p;
        }
        return out;
    }

    static bool coordinable(const Arg& a, const Arg& b) {
        using E = EntityType;
        if (a.type == b.type) return true;
        const auto actor = [](E t) { return t == E::Country || t == E::Organization; };
        return actor(a.type) && actor(b.type);
    }

    std::string find_amount(std::uint32_t near) const {
        std::string best;
        std::uint32_t best_dist = ~0u;
        for (auto t = sb_; t < se_; ++t) {
            if (!starts_digit(txt(t))) continue;
            std::uint32_t b = t, e = t + 1;
            bool money = false;
            if (t > sb_ && is_currency_symbol(txt(t - 1))) {
                b = t - 1;
                money = true;
            }
            const auto w = low(t);
            if (w.size() > 2 && (w.ends_with("bn") || w.ends_with("m")) && money) {
            }
            if (e < se_ && is_scale_word(low(e))) ++e;
            if (e < se_ && is_currency_word(low(e))) {
                ++e;
                money = true;
            }
            if (!money) {
                // "578m euros" style is covered above; "9.3bn" after "$" too.
                continue;
            }
            const std::uint32_t dist = b > near ? b - near : near - b;
            if (dist < best_dist) {
                best_dist = dist;
                best = span(b, e);
            }
            t = e - 1;
        }
        return best;
    }

    void flags(std::uint32_t from, std::uint32_t to, bool& neg, bool& hyp) const {
        for (auto t = from; t < to && t < se_; ++t) {
            if (is_negation(low(t))) neg = true;
            if (pos(t) == ptb::MD && is_modal_hypothetical(low(t))) hyp = true;
        }
        for (auto t = sb_; t < from && t < se_; ++t)
            if (low(t) == "if" || low(t) == "unless") hyp = true;
    }

    // ---- structural rules ----

    // Government bodies named with a country or organization prefix: "US Embassy",
    // "US Energy Department", "EC Commission".
    void embedded_rules() {
        for (const auto& a : args_) {
            if (a.pronoun || a.type != EntityType::Organization) continue;
            if (a.end - a.first < 2) continue;
            for (std::uint32_t n = std::min<std::uint32_t>(3, a.end - a.first - 1); n >= 1; --n) {
                const std::string head = lower_ascii(span(a.first, a.first + n));
                auto it = name_entity_.find(head);
                int other = it != name_entity_.end() ? it->second : -1;
                if (other < 0 && gaz_) {
                    const std::string raw = span(a.first, a.first + n);
                    const CountryInfo* c = gaz_->country_by_name(raw);
                    if (!c) c = gaz_->country_of_demonym(raw);
                    if (c) {
                        auto ci = name_entity_.find(lower_ascii(c->name));
                        if (ci != name_entity_.end()) other = ci->second;
                    }
                }
                if (other < 0 || other == a.entity) continue;
                const auto ot = ent(other).type;
                if (ot == EntityType::Organization ||
                    (ot == EntityType::Country && gov_[static_cast<std::size_t>(a.entity)]))
                    emit(a.entity, other, RelationType::PartOf, 0.8, "embedded-name",
                         span(a.first, a.end));
                break;
            }
        }
    }

    // "Foreign Ministry spokesman Lin Jian", "UK Foreign Secretary Jack Straw",
    // "Gibraltar's Chief Minister Peter Caruana", "Prime Minister X" (-> the country).
    void title_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& p = args_[k];
            if (p.type != EntityType::Person || p.pronoun) continue;
            std::uint32_t t = p.first;
            std::uint32_t steps = 0;
            while (t > sb_ && steps < 6 && modifier_like(t - 1) && !transparent(t - 1)) {
                --t;
                ++steps;
            }
            // role words between t and p.first
            std::string role;
            const bool has_role = sentence_has_role(t, p.first, &role);
            int obj = -1;
            bool possessive = false;
            if (t > sb_) {
                if (detail::is_possessive_token(txt(t - 1)) && t - 1 > sb_) {
                    obj = arg_ending_at(t - 1);
                    possessive = obj >= 0;
                } else {
                    obj = arg_ending_at(t);
                }
            }
            if (obj >= 0) {
                const auto& o = args_[static_cast<std::size_t>(obj)];
                if (o.type == EntityType::Person && !possessive)
                    obj = -1;
                else if (o.type == EntityType::Person)
                    obj = -1;  // "Cherie Blair's husband"
            }
            if (obj >= 0 && (has_role || (possessive && steps == 0))) {
                const auto& o = args_[static_cast<std::size_t>(obj)];
                emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.85, "title-premodifier",
                     role.empty() ? span(o.first, p.first) : role, role);
                continue;
            }
            if (obj < 0 && has_role) {
                // a national-government title without a named body
                bool gov = false;
                for (auto u = t; u < p.first; ++u) {
                    std::string two = u + 1 < p.first ? lower_[u] + " " + lower_[u + 1] : "";
                    if (lex_.is_gov_role(low(u)) || (!two.empty() && lex_.is_gov_role(two)))
                        gov = true;
                }
                if (!gov) {
                    // "said chief executive X": the organization the article is about
                    if (main_company_ >= 0 && p.first > sb_ && t > sb_ &&
                        (low(t - 1) == "said" || low(t - 1) == "says" || txt(t - 1) == ","))
                        emit(p.entity, main_company_, RelationType::AffiliatedWith, 0.5,
                             "title-main-organization", role, role);
                    continue;
                }
                int country = -1;
                std::uint32_t best = ~0u;
                for (const auto& a : args_) {
                    if (a.type != EntityType::Country || a.entity == p.entity || a.pronoun)
                        continue;
                    std::uint32_t d = a.first > p.first ? a.first - p.first : p.first - a.first;
                    // "the Australian government", "Japan's government": the government's country
                    if (a.end < se_ && (low(a.end) == "government" || low(a.end) == "authorities" ||
                                        (detail::is_possessive_token(txt(a.end)) &&
                                         a.end + 1 < se_ && low(a.end + 1) == "government")))
                        d = 0;
                    // after a preposition ("talks with Japan") a country is less likely the
                    // employer
                    else if (a.first > sb_ && is_prep(low(a.first - 1)))
                        d += 20;
                    // "the Iraq war": a noun modifier, not a government
                    if (!a.demonym && a.end < se_ && arg_at(a.end) < 0 &&
                        (pos(a.end) == ptb::NN || pos(a.end) == ptb::NNS))
                        continue;
                    if (d < best) {
                        best = d;
                        country = a.entity;
                    }
                }
                // the capital the person spoke in
                for (const auto& a : args_) {
                    if (a.type != EntityType::Location || !gaz_ || a.pronoun) continue;
                    const CountryInfo* c = gaz_->country_of_capital(span(a.first, a.end));
                    if (!c) continue;
                    auto it = name_entity_.find(lower_ascii(c->name));
                    if (it != name_entity_.end()) {
                        country = it->second;
                        break;
                    }
                }
                if (country < 0) country = main_country_ >= 0 ? main_country_ : frequent_country_;
                if (country >= 0)
                    emit(p.entity, country, RelationType::AffiliatedWith, 0.55, "title-government",
                         role, role);
            }
        }
    }

    // "X, (a|the) role (of|at) ORG", "X, Japan's deputy minister of ...", "X, a senior KGB
    // officer".
    void apposition_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& p = args_[k];
            if (p.type != EntityType::Person || p.pronoun) continue;
            std::uint32_t t = p.end;
            // "Philippe Sands QC," : allow one capitalized suffix token
            if (t < se_ && arg_at(t) < 0 && t + 1 < se_ && txt(t + 1) == "," &&
                detail::looks_like_acronym(txt(t)))
                ++t;
            if (t >= se_ || !(txt(t) == "," || txt(t) == "-" || txt(t) == "--" ||
                              txt(t) == "\xE2\x80\x93" || txt(t) == "\xE2\x80\x94"))
                continue;
            ++t;
            // "X, who is a member of ...", "X, 50, a former ..."
            if (t + 1 < se_ && (low(t) == "who" || low(t) == "which") &&
                detail::is_be_form(low(t + 1)))
                t += 2;
            if (t + 1 < se_ && pos(t) == ptb::CD && txt(t + 1) == ",") t += 2;
            const std::uint32_t start = t;
            if (start >= se_) continue;  // "X," ends the sentence: nothing in apposition
            std::uint32_t limit = std::min<std::uint32_t>(se_, start + 16);
            std::uint32_t stop = start;
            {
                // an appositive starts like a noun phrase
                const auto w0 = low(start);
                if (is_clause_word(w0)) continue;
            }
            while (stop < limit) {
                const auto w = txt(stop);
                // "(MITI)": a parenthetical acronym stays inside the apposition
                if (w == "(" && stop + 2 < se_ && arg_starting_at(stop + 1) >= 0 &&
                    args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end < se_ &&
                    txt(args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end) == ")") {
                    stop = args_[static_cast<std::size_t>(arg_starting_at(stop + 1))].end + 1;
                    continue;
                }
                if (w == "," || w == ";" || w == "." || w == ":" || w == "(") break;
                if (is_clause_word(low(stop))) break;
                if (arg_at(stop) < 0 && (is_finite_verb(pos(stop)) || pos(stop) == ptb::MD ||
                                         low(stop) == "who" || low(stop) == "which"))
                    break;
                ++stop;
            }
            if (stop == start) continue;
            std::string role;
            if (!sentence_has_role(start, stop, &role)) continue;
            // the role phrase: words before the first entity
            for (auto u = start; u < stop; ++u) {
                const int a = arg_at(u);
                if (a < 0) continue;
                const auto& o = args_[static_cast<std::size_t>(a)];
                u = o.end - 1;
                if (o.pronoun) continue;
                if (o.type == EntityType::Person) {
                    if (o.end < stop && detail::is_possessive_token(txt(o.end))) continue;
                    break;
                }
                const bool possessor = o.end < stop && detail::is_possessive_token(txt(o.end));
                bool take = o.type == EntityType::Organization &&
                            !(possessor && next_is_org(o.end + 1, stop));
                if (!take && o.type != EntityType::Organization) {
                    // places and countries only as possessors or bare pre-modifiers of a role
                    const bool poss = o.end < stop && detail::is_possessive_token(txt(o.end));
                    const bool after_prep =
                        o.first > start && (low(o.first - 1) == "of" || low(o.first - 1) == "for");
                    bool role_next = false;
                    for (auto v = o.end; v < std::min(stop, o.end + 3); ++v)
                        if (is_role(low(v))) role_next = true;
                    take = poss || after_prep || (o.demonym && role_next) ||
                           (o.type == EntityType::Country && role_next);
                    // "the Tokyo office of X": a place before an office word is not the employer
                    if (o.end < stop && lex_.is_office_word(low(o.end))) take = false;
                }
                if (!take) continue;
                if (o.end < stop && lex_.is_office_word(low(o.end))) continue;
                std::string r;
                (void)sentence_has_role(start, o.first > start ? o.first : stop, &r);
                emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.8, "apposition",
                     r.empty() ? role : r, r.empty() ? role : r);
            }
        }
        // "role of ORG, PERSON": "the president of the EC's Executive Commission, Jacques Delors"
        // and "ORG's founder, PERSON" are rarer; not handled.
    }

    // An organization mention follows within a few modifier tokens.
    bool next_is_org(std::uint32_t t, std::uint32_t stop) const {
        for (int g = 0; g < 4 && t < stop; ++g, ++t) {
            const int k = arg_at(t);
            if (k >= 0) return args_[static_cast<std::size_t>(k)].type == EntityType::Organization;
            if (!modifier_like(t)) return false;
        }
        return false;
    }

    // "Bergen, a city in Norway", "Perm 35 - a labour camp in the Arctic": place appositions.
    void place_apposition_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.type != EntityType::Location || a.pronoun) continue;
            std::uint32_t t = a.end;
            if (t + 3 >= se_ || !(txt(t) == "," || txt(t) == "-" || txt(t) == "--")) continue;
            ++t;
            if (!is_det(t)) continue;
            ++t;
            bool place_noun = false;
            for (int g = 0; g < 5 && t < se_ && arg_at(t) < 0; ++g, ++t) {
                const auto w = low(t);
                if (w == "in" || w == "of" || w == "near") break;
                if (!modifier_like(t)) {
                    place_noun = false;
                    break;
                }
                if (w == "city" || w == "town" || w == "port" || w == "province" || w == "region" ||
                    w == "village" || w == "state" || w == "capital" || w == "island" ||
                    w == "district" || w == "camp" || w == "county" || w == "suburb" ||
                    w == "area" || w == "resort" || w == "house" || w == "base")
                    place_noun = true;
            }
            if (!place_noun || t >= se_ || !(low(t) == "in" || low(t) == "of" || low(t) == "near"))
                continue;
            const int bk = arg_starting_at(skip_det_fwd(t + 1));
            if (bk < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(bk)];
            if (b.type != EntityType::Location && b.type != EntityType::Country) continue;
            emit(a.entity, b.entity, RelationType::LocatedIn, 0.75, "place-apposition",
                 span(a.first, b.end));
        }
    }

    // "Gazpromneft, a former unit of Gazprom": organization appositions.
    void org_apposition_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.type != EntityType::Organization || a.pronoun) continue;
            std::uint32_t t = a.end;
            if (t >= se_ || txt(t) != ",") continue;
            ++t;
            bool unit = false, owner = false;
            std::uint32_t g = 0;
            for (; t < se_ && g < 6; ++t, ++g) {
                if (arg_at(t) >= 0) break;
                const auto w = low(t);
                if (lex_.is_unit_word(w)) unit = true;
                if (lex_.is_owner_word(w)) owner = true;
                if (w == "of" || is_det(t) || modifier_like(t)) continue;
                break;
            }
            if (!(unit || owner)) continue;
            if (t > sb_ && low(t - 1) != "of") {
                // "a unit of Russian gas monopoly Gazprom": allow a nationality pre-modifier
            }
            const int bk = arg_at(t);
            if (bk < 0) continue;
            // skip a nationality pre-modifier to reach the organization
            int target = bk;
            const auto& b0 = args_[static_cast<std::size_t>(bk)];
            if (b0.type == EntityType::Country) {
                std::uint32_t u = b0.end;
                for (int h = 0; h < 4 && u < se_ && arg_at(u) < 0 && modifier_like(u); ++h) ++u;
                target = arg_starting_at(u);
            }
            if (target < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(target)];
            if (b.type != EntityType::Organization) continue;
            if (unit)
                emit(a.entity, b.entity, RelationType::PartOf, 0.75, "org-apposition",
                     span(a.first, b.end));
            else
                emit(b.entity, a.entity, RelationType::PartOf, 0.75, "org-apposition",
                     span(a.first, b.end));
        }
    }

    // "Spain's director general for Europe, Jose Maria Pons", "the head of the Catholic
    // Church in England, Cardinal X": a role phrase, a comma, then the person.
    void reverse_apposition_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& p = args_[k];
            if (p.type != EntityType::Person || p.pronoun) continue;
            std::uint32_t t = np_start(p);
            if (t <= sb_ + 1 || txt(t - 1) != ",") continue;
            const std::uint32_t comma = t - 1;
            const std::uint32_t from = comma > sb_ + 10 ? comma - 10 : sb_;
            // the role word nearest before the comma
            std::uint32_t role_at = comma;
            for (std::uint32_t u = comma; u > from;) {
                --u;
                if (txt(u) == "," || txt(u) == ";" || is_clause_word(low(u)) ||
                    is_finite_verb(pos(u)))
                    break;
                if (arg_at(u) < 0 && is_role(low(u))) {
                    role_at = u;
                    break;
                }
            }
            if (role_at == comma) continue;
            // the role phrase start: "founder and ex-chief executive", "director general for
            // Europe"
            std::uint32_t rs = role_at;
            while (rs > from && arg_at(rs - 1) < 0 && !detail::is_possessive_token(txt(rs - 1)) &&
                   (modifier_like(rs - 1) || low(rs - 1) == "and" || is_role(low(rs - 1)) ||
                    txt(rs - 1).find('-') != std::string_view::npos))
                --rs;
            std::string role;
            (void)sentence_has_role(rs, role_at + 1, &role);
            int obj = -1;
            if (rs > sb_ + 1 && detail::is_possessive_token(txt(rs - 1))) {
                obj = arg_ending_at(rs - 1);
            } else if (rs > sb_ && (arg_ending_at(rs) >= 0)) {
                obj = arg_ending_at(rs);
            }
            if (obj < 0) {
                // "role of (the) ORG ..."
                std::uint32_t u = role_at + 1;
                while (u < comma && arg_at(u) < 0 && modifier_like(u)) ++u;
                if (u < comma && (low(u) == "of" || low(u) == "at" || low(u) == "for")) {
                    const int o = arg_starting_at(skip_det_fwd(u + 1));
                    if (o >= 0 &&
                        args_[static_cast<std::size_t>(o)].type == EntityType::Organization)
                        obj = o;
                }
            }
            if (obj < 0) continue;
            const auto& o = args_[static_cast<std::size_t>(obj)];
            if (o.type == EntityType::Person) continue;
            emit(p.entity, o.entity, RelationType::AffiliatedWith, 0.75, "reverse-apposition", role,
                 role);
        }
    }

    // "A's [mods] B"
    void possessive_rules() {
        // "its Yugansk division": a possessive pronoun owning a unit
        for (std::size_t k = 0; k + 1 < args_.size(); ++k) {
            const auto& a = args_[k];
            if (!a.pronoun || (low(a.first) != "its" && low(a.first) != "their")) continue;
            const int bk = arg_starting_at(a.end);
            if (bk < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(bk)];
            if (b.type != EntityType::Organization || b.end >= se_ ||
                !lex_.is_unit_word(low(b.end)))
                continue;
            if (ent(a.entity).type == EntityType::Organization)
                emit(b.entity, a.entity, RelationType::PartOf, 0.7, "possessive-unit",
                     span(a.first, b.end + 1));
        }
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.end >= se_ || !detail::is_possessive_token(txt(a.end))) continue;
            std::uint32_t t = a.end + 1;
            std::uint32_t steps = 0;
            bool owner = false, unit = false, state = false;
            while (t < se_ && steps < 4 && arg_at(t) < 0 && modifier_like(t)) {
                const auto w = low(t);
                if (lex_.is_owner_word(w)) owner = true;
                if (lex_.is_unit_word(w)) unit = true;
                if (w == "ruling" || w == "governing" || w == "state" || w == "state-owned" ||
                    w == "state-run" || w == "central")
                    state = true;
                ++t;
                ++steps;
            }
            const int bk = arg_starting_at(t);
            if (bk < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(bk)];
            using E = EntityType;
            const std::string label = span(a.first, b.end);
            if (a.type == E::Person && b.type == E::Organization && !a.pronoun) {
                emit(a.entity, b.entity, RelationType::AffiliatedWith, 0.75, "possessive", label);
            } else if (a.type == E::Organization && b.type == E::Organization) {
                if (owner)
                    emit(a.entity, b.entity, RelationType::PartOf, 0.8, "possessive-owner", label);
                else
                    emit(b.entity, a.entity, RelationType::PartOf, unit ? 0.8 : 0.6, "possessive",
                         label);
            } else if ((a.type == E::Country || a.type == E::Location) &&
                       b.type == E::Organization) {
                if (a.demonym) continue;
                if (gov_[static_cast<std::size_t>(b.entity)] || state)
                    emit(b.entity, a.entity, RelationType::PartOf, 0.8, "possessive", label);
                else
                    emit(b.entity, a.entity, RelationType::LocatedIn, 0.6, "possessive", label);
            } else if ((a.type == E::Country || a.type == E::Location) && b.type == E::Location) {
                emit(b.entity, a.entity, RelationType::LocatedIn, 0.7, "possessive", label);
            }
        }
    }

    // "the Frontier Works Organization of Pakistan", "the Tokyo office of X".
    void of_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.pronoun) continue;
            std::uint32_t t = a.end;
            bool office = false;
            if (t < se_ && lex_.is_office_word(low(t)) && a.type != EntityType::Person) {
                office = true;
                ++t;
            }
            if (t >= se_ || low(t) != "of") continue;
            std::uint32_t u = skip_det_fwd(t + 1);
            if (office) {
                // "of broker <X>": up to two lowercase modifiers
                for (int g = 0; g < 2 && u < se_ && arg_at(u) < 0 && modifier_like(u); ++g) ++u;
                u = skip_det_fwd(u);
            }
            const int bk = arg_starting_at(u);
            if (bk < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(bk)];
            if (b.pronoun) continue;
            using E = EntityType;
            const std::string label = span(a.first, b.end);
            if (office) {
                if (b.type == E::Organization && (a.type == E::Location || a.type == E::Country))
                    emit(b.entity, a.entity, RelationType::LocatedIn, 0.75, "office-of", label);
                continue;
            }
            if (a.type == E::Organization && (b.type == E::Organization || b.type == E::Country))
                emit(a.entity, b.entity, RelationType::PartOf, 0.75, "x-of-y", label);
            else if (a.type == E::Location && (b.type == E::Country || b.type == E::Location))
                emit(a.entity, b.entity, RelationType::LocatedIn, 0.6, "x-of-y", label);
        }
    }

    // "Missouri-based USSM", "the US Embassy in Islamabad", "Baghdad and Basra in Iraq".
    void based_in_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.pronoun) continue;
            if ((a.type == EntityType::Location || a.type == EntityType::Country) &&
                based_after(a)) {
                std::uint32_t t = a.end;
                while (t < se_ && low(t) != "based" && low(t) != "headquartered") ++t;
                ++t;
                for (std::uint32_t g = 0; t < se_ && g < 5; ++g, ++t) {
                    const int bk = arg_starting_at(t);
                    if (bk >= 0) {
                        const auto& b = args_[static_cast<std::size_t>(bk)];
                        if (b.type == EntityType::Organization || b.type == EntityType::Location)
                            emit(b.entity, a.entity, RelationType::LocatedIn, 0.9, "x-based",
                                 span(a.first, b.end));
                        break;
                    }
                    if (!modifier_like(t) && !is_det(t) && !transparent(t)) break;
                }
            }
            if (a.type != EntityType::Organization && a.type != EntityType::Location) continue;
            std::uint32_t t = a.end;
            if (t < se_ && (lex_.is_office_word(low(t)))) ++t;
            if (t < se_ && (low(t) == "based" || low(t) == "headquartered" || low(t) == "located"))
                ++t;
            if (t >= se_ || low(t) != "in") continue;
            const int bk = arg_starting_at(skip_det_fwd(t + 1));
            if (bk < 0) continue;
            const auto& b0 = args_[static_cast<std::size_t>(bk)];
            if (b0.type != EntityType::Location && b0.type != EntityType::Country) continue;
            if (b0.demonym || b0.pronoun) continue;
            auto subjects = expand_left(static_cast<int>(k));
            auto objects = expand_right(bk);
            for (int si : subjects) {
                const auto& s = args_[static_cast<std::size_t>(si)];
                if (s.type != a.type) continue;
                for (int oi : objects) {
                    const auto& o = args_[static_cast<std::size_t>(oi)];
                    if (o.type != EntityType::Location && o.type != EntityType::Country) continue;
                    const std::string label = span(s.first, o.end);
                    if (s.type == EntityType::Organization && o.type == EntityType::Country &&
                        gov_[static_cast<std::size_t>(s.entity)])
                        emit(s.entity, o.entity, RelationType::PartOf, 0.7, "x-in-y", label);
                    else
                        emit(s.entity, o.entity, RelationType::LocatedIn, 0.75, "x-in-y", label);
                }
            }
        }
    }

    // "Russian oil giant Yukos", "Japanese electronics firm X"; "EU member Britain".
    void nationality_rules() {
        for (std::size_t k = 0; k + 1 < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.pronoun) continue;
            std::uint32_t t = a.end;
            if (t < se_ && detail::is_possessive_token(txt(t))) continue;  // possessive rules
            std::uint32_t steps = 0;
            bool state = false, member = false, lowercase_noun = false;
            while (t < se_ && steps < 4 && arg_at(t) < 0 && modifier_like(t) && !transparent(t)) {
                const auto w = low(t);
                if (w == "state" || w == "state-owned" || w == "state-run" || w == "ruling" ||
                    w == "governing" || w == "owned" || w == "run")
                    state = true;
                if (lex_.is_member_word(w)) member = true;
                if (!txt(t).empty() && detail::is_lower_ascii(txt(t)[0])) lowercase_noun = true;
                ++t;
                ++steps;
            }
            while (t < se_ && transparent(t)) ++t;
            const int bk = arg_starting_at(t);
            if (bk < 0) continue;
            const auto& b = args_[static_cast<std::size_t>(bk)];
            if (b.pronoun) continue;
            using E = EntityType;
            const std::string label = span(a.first, b.end);
            if (member && a.type == E::Organization && b.type == E::Country) {
                for (int oi : expand_right(bk))
                    emit(args_[static_cast<std::size_t>(oi)].entity, a.entity, RelationType::PartOf,
                         0.75, "member-of", label);
                continue;
            }
            if (a.type != E::Country || b.type != E::Organization) continue;
            if (steps == 0) {
                if (gov_[static_cast<std::size_t>(b.entity)])
                    emit(b.entity, a.entity, RelationType::PartOf, 0.7, "country-body", label);
                continue;
            }
            if (!lowercase_noun) continue;
            if (state || gov_[static_cast<std::size_t>(b.entity)])
                emit(b.entity, a.entity, RelationType::PartOf, 0.75, "nationality-org", label);
            else
                emit(b.entity, a.entity, RelationType::LocatedIn, 0.8, "nationality-org", label);
        }
    }

    // "the Group of Seven -- the U.S., Japan, ... and Canada"; "members X and Y".
    void list_rules() {
        for (std::size_t k = 0; k < args_.size(); ++k) {
            const auto& a = args_[k];
            if (a.type != EntityType::Organization || a.pronoun) continue;
            std::uint32_t t = a.end;
            if (t >= se_) continue;
            const auto w = txt(t);
            if (!(w == "--" || w == ":" || w == "(" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" ||
                  w == "-"))
                continue;
            const int bk = arg_starting_at(skip_det_fwd(t + 1));
            if (bk < 0) continue;
            auto members = expand_right(bk);
            if (members.size() < 2) continue;
            bool all_countries = true;
            for (int m : members)
                if (args_[static_cast<std::size_t>(m)].type != EntityType::Country)
                    all_countries = false;
            if (!all_countries) continue;
            for (int m : members)
                emit(args_[static_cast<std::size_t>(m)].entity, a.entity, RelationType::PartOf, 0.7,
                     "member-list",
                     span(a.first, args_[static_cast<std::size_t>(members.back())].end));
        }
    }

    // ---- lexical (ReVerb-style) rules ----

    struct Trigger {
        std::uint32_t first = 0, end = 0;
        const LexEntry* entry = nullptr;
        std::vector<std::uint32_t> matched;  // the tokens that matched slots
    };

    bool match_entry(const LexEntry& e, std::uint32_t i, Trigger& out) const {
        out.matched.clear();
        out.matched.push_back(i);
        std::uint32_t t = i + 1;
        const std::uint32_t max_gap = e.kind == LexKind::Verb ? 3 : 1;
        for (std::size_t s = 1; s < e.slots.size(); ++s) {
            bool found = false;
            for (std::uint32_t g = 0; g <= max_gap && t + g < se_; ++g) {
                const auto u = t + g;
                if (arg_at(u) >= 0) break;
                if (std::find(e.slots[s].begin(), e.slots[s].end(), lower_[u]) !=
                    e.slots[s].end()) {
                    out.matched.push_back(u);
                    t = u + 1;
                    found = true;
                    break;
                }
                if (txt(u) == "," || txt(u) == "." || is_finite_verb(pos(u))) break;
            }
            if (!found) return false;
        }
        out.first = i;
        out.end = t;
        out.entry = &e;
        return true;
    }

    bool pos_ok(const LexEntry& e, std::uint32_t i) const {
        const auto p = pos(i);
        if (p == ptb::None) return true;
        if (e.kind == LexKind::Verb) return is_verb(p);
        if (e.kind == LexKind::Noun) return is_noun(p) || p == ptb::JJ;
        return true;
    }

    // Nearest plausible subject to the left of token i.
    int subject_before(std::uint32_t i, std::uint32_t window, bool allow_possessor = false) const {
        int skips = 0;
        for (std::uint32_t t = i; t > sb_;) {
            --t;
            if (i - t > window + 8) break;
            const int k = arg_at(t);
            if (k < 0) {
                if (txt(t) == ";" || txt(t) == ":") break;
                // another clause's verb in between ("X said the deal was backed by ..."),
                // auxiliaries and copulas aside
                if (is_finite_verb(pos(t))) {
                    const auto w = low(t);
                    // control verbs keep the subject: "it intends to take action against X"
                    const bool control = t + 1 < i && low(t + 1) == "to";
                    if (!(detail::is_be_form(w) || w == "has" || w == "have" || w == "had" ||
                          w == "does" || w == "do" || w == "did" || control))
                        break;
                }
                // "X, Japan's deputy minister of ..., are due to meet": skip the apposition
                if (txt(t) == "," && t > sb_) {
                    for (std::uint32_t u = t; u > sb_ && t - u < 16;) {
                        --u;
                        if (txt(u) != ",") continue;
                        const int pk = arg_ending_at(u);
                        if (pk >= 0 &&
                            args_[static_cast<std::size_t>(pk)].type == EntityType::Person &&
                            !args_[static_cast<std::size_t>(pk)].pronoun && i - u <= window + 16)
                            return pk;
                        break;
                    }
                }
                continue;
            }
            const auto& a = args_[static_cast<std::size_t>(k)];
            t = a.first;
            if (i - a.end > window) break;
            if (based_after(a)) continue;
            const std::uint32_t b = skip_det_back(a.first);
            // a passive agent acts: "a sale forced by Russia to settle a claim against X"
            const bool agent = b > sb_ + 1 && low(b - 1) == "by" && pos(b - 2) == ptb::VBN;
            if (!agent && b > sb_ && is_prep(low(b - 1)) && low(b - 1) != "of") {
                if (++skips > 2) break;
                continue;
            }
            if (!allow_possessor && a.end < se_ && detail::is_possessive_token(txt(a.end)) &&
                a.end + 1 < i) {
                // "A's N verb": the possessor is not the subject of a later verb
                // unless nothing else is available.
                if (++skips > 2) break;
                continue;
            }
            return head_of(k);
        }
        return -1;
    }

    // Nearest object to the right of token t (direct object), within `window`.
    int object_after(std::uint32_t t, std::uint32_t window, bool allow_verbs,
                     bool skip_modifiers = false) const {
        bool seen_noun = false;
        for (std::uint32_t u = t; u < se_ && u < t + window; ++u) {
            const int k = arg_at(u);
            if (k >= 0) {
                const auto& a = args_[static_cast<std::size_t>(k)];
                if (based_after(a)) {
                    u = a.end - 1;
                    continue;
                }
                // "her Danish counterpart": a possessive pronoun is not the object
                if (skip_modifiers && a.pronoun &&
                    (low(a.first) == "his" || low(a.first) == "her" || low(a.first) == "its" ||
                     low(a.first) == "their")) {
                    u = a.end - 1;
                    continue;
                }
                // "the British citizens": a modifier of the real object, unless a title
                // introduces a person ("her Danish counterpart Jens Holm")
                if (skip_modifiers && a.end < se_ && arg_at(a.end) < 0 && is_noun(pos(a.end)) &&
                    !is_proper_noun(pos(a.end))) {
                    std::uint32_t v = a.end;
                    for (int g = 0; g < 3 && v < se_ && arg_at(v) < 0 && modifier_like(v); ++g) ++v;
                    const int person = arg_starting_at(v);
                    if (person >= 0 &&
                        args_[static_cast<std::size_t>(person)].type == EntityType::Person)
                        return person;
                    return -1;
                }
                return k;
            }
            const auto w = txt(u);
            if (w == "." || w == ";" || w == ":") return -1;
            if (!allow_verbs && is_finite_verb(pos(u))) return -1;
            if (skip_modifiers) {
                // "criticised the government over its case for war in Iraq": the object
                // noun phrase ended before the preposition
                if (is_noun(pos(u)) && !is_proper_noun(pos(u)))
                    seen_noun = true;
                else if ((pos(u) == ptb::IN || pos(u) == ptb::TO) && seen_noun)
                    return -1;
            }
        }
        return -1;
    }

    // The argument after preposition `prep` within the window after token t.
    int object_after_prep(std::uint32_t t, std::string_view prep, std::uint32_t& prep_at) const {
        for (std::uint32_t u = t; u < se_ && u < t + lim_.object_window; ++u) {
            if (arg_at(u) >= 0) {
                continue;
            }
            if (txt(u) == "." || txt(u) == ";") return -1;
            if (is_finite_verb(pos(u)) || pos(u) == ptb::MD) return -1;
            if (low(u) == prep) {
                prep_at = u;
                return object_after(u + 1, 6, false);
            }
        }
        return -1;
    }

    // "MoU" for "memorandum of understanding": the capitals of the short form are the
    // initials of the phrase's words (function words skipped).
    static bool is_short_form_of(std::string_view short_form, std::string_view phrase) {
        if (short_form.size() < 2 || short_form.size() > 10) return false;
        std::string capitals;
        for (char c : short_form) {
            if (c >= 'A' && c <= 'Z')
                capitals += static_cast<char>(c - 'A' + 'a');
            else if (!(c >= 'a' && c <= 'z'))
                return false;
        }
        std::string initials;
        std::size_t at = 0;
        while (at < phrase.size()) {
            while (at < phrase.size() && phrase[at] == ' ') ++at;
            auto end = phrase.find(' ', at);
            if (end == std::string_view::npos) end = phrase.size();
            auto word = phrase.substr(at, end - at);
            if (!word.empty() && word != "of" && word != "and" && word != "the" && word != "for") {
                const char c = word.front();
                initials += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            at = end;
        }
        return capitals.size() >= 2 && capitals == initials;
    }

    std::string label_of(const Trigger& tr, std::uint32_t prep_at) const {
        std::string label;
        for (auto u : tr.matched) {
            if (!label.empty()) label.push_back(' ');
            label += std::string(txt(u));
        }
        if (tr.entry->kind == LexKind::Verb && tr.matched.size() == 1) {
            // add the object noun ("signed MoU", "signed memorandum of understanding")
            std::uint32_t u = tr.end;
            int nouns = 0;
            while (u < se_ && u < tr.end + 6 && arg_at(u) < 0) {
                const auto p = pos(u);
                if (is_det(u) || is_adjective(p)) {
                    ++u;
                    continue;
                }
                if (p == ptb::NN || p == ptb::NNS ||
                    (p == ptb::NNP && nouns == 0 && detail::looks_like_acronym(txt(u)))) {
                    const auto noun_at = label.size();
                    label += " " + std::string(txt(u));
                    ++nouns;
                    ++u;
                    if (u + 1 < se_ && low(u) == "of" && is_noun(pos(u + 1)) && arg_at(u + 1) < 0) {
                        label += " of " + std::string(txt(u + 1));
                        u += 2;
                    }
                    // "a memorandum of understanding (MoU)": the article's own short form
                    // makes the shorter label analysts write ("signed MoU with").
                    if (u + 2 < se_ && txt(u) == "(" && txt(u + 2) == ")" &&
                        is_short_form_of(txt(u + 1), std::string_view(label).substr(noun_at))) {
                        label.resize(noun_at);
                        label += " " + std::string(txt(u + 1));
                        u += 3;
                    }
                    continue;
                }
                break;
            }
        }
        if (prep_at != ~0u &&
            std::find(tr.matched.begin(), tr.matched.end(), prep_at) == tr.matched.end())
            label += " " + std::string(txt(prep_at));
        else if (prep_at == ~0u && tr.entry->kind == LexKind::Verb && tr.entry->type &&
                 is_symmetric(*tr.entry->type))
            label += " with";  // "X and Y signed an MoU": the phrase relating X to Y
        return label;
    }

    void lexical_rules() {
        std::uint32_t triggers = 0;
        Trigger tr;
        for (std::uint32_t i = sb_; i < se_ && triggers < lim_.max_triggers_per_sentence; ++i) {
            if (arg_at(i) >= 0) continue;
            const auto ids = lex_.starting_with(lower_[i]);
            if (ids.empty()) continue;
            bool matched = false;
            for (auto id : ids) {
                const auto& e = lex_.entry(id);
                if (!pos_ok(e, i)) continue;
                if (match_entry(e, i, tr)) {
                    matched = true;
                    break;
                }
            }
            if (!matched) continue;
            // "export control measures", "trade officials": a trigger noun used as a modifier
            if (tr.entry->kind == LexKind::Noun && tr.end < se_ && arg_at(tr.end) < 0 &&
                (pos(tr.end) == ptb::NN || pos(tr.end) == ptb::NNS) && !keeps_relation(low(tr.end)))
                continue;
            ++triggers;
            apply_trigger(tr);
            i = tr.end - 1;
        }
    }

    void apply_trigger(const Trigger& tr) {
        const LexEntry& e = *tr.entry;
        const RelationType type = *e.type;
        const bool noun = e.kind != LexKind::Verb;
        const std::uint32_t i = tr.first;
        std::vector<int> subjects, objects;
        std::uint32_t prep_at = ~0u;
        double conf = noun ? 0.6 : 0.7;
        std::string rule = noun ? "lex:noun" : "lex:verb";

        // passive: "was backed by X"
        bool passive = false;
        if (!noun && e.passive_by && pos(i) == ptb::VBN) {
            for (std::uint32_t b = i, g = 0; b > sb_ && g < 3; --b, ++g) {
                if (detail::is_be_form(low(b - 1))) {
                    passive = true;
                    break;
                }
                if (!is_adverb(pos(b - 1))) break;
            }
        }
        if (passive) {
            if (tr.end < se_ && low(tr.end) == "by") {
                int agent = object_after(tr.end + 1, 4, false);
                // "by the company's owner, X": the possessor is not the agent
                if (agent >= 0 && args_[static_cast<std::size_t>(agent)].end < se_ &&
                    detail::is_possessive_token(txt(args_[static_cast<std::size_t>(agent)].end)))
                    agent = -1;
                const int patient = subject_before(i, lim_.subject_window, true);
                if (agent >= 0 && patient >= 0) {
                    subjects = expand_right(agent);
                    objects = expand_left(patient);
                    prep_at = tr.end;
                    rule = "lex:passive";
                }
            }
            if (subjects.empty()) return;
        } else {
            // subject
            int subj = -1;
            if (noun) {
                // possessor: "Pakistan's cooperation", "Hong Kong's biggest export market"
                std::uint32_t t = i;
                for (int g = 0; g < 4 && t > sb_ && arg_at(t - 1) < 0 && modifier_like(t - 1); ++g)
                    --t;
                if (t > sb_ + 1 && detail::is_possessive_token(txt(t - 1)))
                    subj = arg_ending_at(t - 1);
                // "its cooperation with": a possessive pronoun
                if (subj < 0 && t > sb_) {
                    const int k = arg_ending_at(t);
                    if (k >= 0 && args_[static_cast<std::size_t>(k)].pronoun) {
                        const auto w = low(t - 1);
                        if (w == "its" || w == "his" || w == "her" || w == "their") subj = k;
                    }
                }
                // "Pakistan-US mineral cooperation"
                if (subj < 0) {
                    std::uint32_t u = i;
                    for (int g = 0; g < 2 && u > sb_ && arg_at(u - 1) < 0 && modifier_like(u - 1) &&
                                    txt(u - 1) != "-";
                         ++g)
                        --u;
                    const int right = arg_ending_at(u);
                    if (right >= 0) {
                        const auto& r = args_[static_cast<std::size_t>(right)];
                        if (r.first >= 2 &&
                            (txt(r.first - 1) == "-" || pos(r.first - 1) == ptb::HYPH)) {
                            const int left = arg_ending_at(r.first - 1);
                            if (left >= 0) {
                                subjects = {left};
                                objects = {right};
                                rule = "lex:noun-compound";
                            }
                        }
                    }
                }
                if (subj >= 0) {
                    subjects = expand_left(subj);
                    rule = "lex:noun-possessive";
                }
            }
            if (subjects.empty() && objects.empty()) {
                subj = subject_before(i, noun ? 8 : lim_.subject_window);
                if (subj >= 0) subjects = expand_left(subj);
                // "the Group of Seven -- A, B and C -- met": the list is an apposition
                if (subjects.size() >= 2) {
                    std::uint32_t first = args_[static_cast<std::size_t>(subjects.back())].first;
                    for (int s2 : subjects)
                        first = std::min(first, args_[static_cast<std::size_t>(s2)].first);
                    const std::uint32_t b = skip_det_back(first);
                    if (b > sb_ + 1 && (txt(b - 1) == "--" || txt(b - 1) == ":" ||
                                        txt(b - 1) == "(" || txt(b - 1) == "\xE2\x80\x94")) {
                        const int head = arg_ending_at(b - 1);
                        if (head >= 0) subjects = {head};
                    }
                }
            }
            // object
            if (objects.empty()) {
                if (tr.end < se_ && (low(tr.end) == "between" || low(tr.end) == "among")) {
                    const int first = object_after(tr.end + 1, 4, false);
                    if (first >= 0) {
                        auto both = expand_right(first);
                        if (both.size() >= 2) {
                            subjects = {both.front()};
                            objects.assign(both.begin() + 1, both.end());
                            prep_at = tr.end;
                            rule = "lex:between";
                        }
                    }
                }
            }
            if (objects.empty()) {
                int obj = -1;
                if (!e.prep.empty()) {
                    obj = object_after_prep(tr.end, e.prep, prep_at);
                    if (obj < 0 && e.prep == "with" && symmetric(type)) obj = -1;
                } else if (!noun) {
                    obj = object_after(tr.end, 6, false, true);
                }
                if (obj >= 0) objects = expand_right(obj);
            }
            // a place is no partner: "are due to meet in Washington"
            if (type != RelationType::Visited && type != RelationType::LocatedIn) {
                objects.erase(std::remove_if(objects.begin(), objects.end(),
                                             [&](int o) {
                                                 return args_[static_cast<std::size_t>(o)].type ==
                                                        EntityType::Location;
                                             }),
                              objects.end());
            }
            if (objects.empty() && e.clause) {
                std::uint32_t t = tr.end;
                if (t < se_ && low(t) == "that") {
                    for (std::size_t k = args_.size(); k-- > 0;) {
                        const auto& a = args_[k];
                        if (a.first <= t) break;
                        if (a.type == EntityType::Location) continue;
                        bool in_subj = false;
                        for (int s : subjects)
                            if (args_[static_cast<std::size_t>(s)].entity == a.entity)
                                in_subj = true;
                        if (in_subj) continue;
                        objects = {static_cast<int>(k)};
                        conf = 0.45;
                        rule = "lex:clause";
                        break;
                    }
                }
            }
            // "Pakistan and China are partners", "X and Y signed an MoU": pairs in the subject
            bool pair_ok = symmetric(type) && subjects.size() >= 2 &&
                           !(type == RelationType::TradesWith && !noun);
            if (pair_ok && noun) {
                // the group must be the subject of the noun ("are partners"), not a bystander
                // ("tabled by France and Germany following the G7 meeting")
                std::uint32_t last = 0;
                for (int s2 : subjects)
                    last = std::max(last, args_[static_cast<std::size_t>(s2)].end);
                for (std::uint32_t u = last; u < i; ++u)
                    if (pos(u) == ptb::IN || pos(u) == ptb::VBG || pos(u) == ptb::TO ||
                        (is_verb(pos(u)) && !detail::is_be_form(low(u)) && low(u) != "have" &&
                         low(u) != "has"))
                        pair_ok = false;
            }
            if (objects.empty() && pair_ok) {
                objects.assign(subjects.begin() + 1, subjects.end());
                subjects.resize(1);
                rule += "+coordination";
            }
            // "A is B's largest export market": the other side across a copula
            if (objects.empty() && subjects.size() == 1 && rule == "lex:noun-possessive") {
                const auto& p = args_[static_cast<std::size_t>(subjects[0])];
                for (std::uint32_t t = p.first, g = 0; t > sb_ && g < 4; --t, ++g) {
                    if (!detail::is_be_form(low(t - 1))) continue;
                    const int other = arg_ending_at(skip_det_back(t - 1));
                    if (other >= 0) {
                        objects = {other};
                        rule = "lex:noun-copula";
                    }
                    break;
                }
            }
            // "bilateral trade": the two nearest distinct countries before the trigger
            if (objects.empty() && i >= sb_ + 1 &&
                (low(i - 1) == "bilateral" || (i >= sb_ + 2 && low(i - 2) == "bilateral"))) {
                std::vector<int> found;
                for (std::size_t k = args_.size(); k-- > 0 && found.size() < 2;) {
                    const auto& a = args_[k];
                    if (a.end > i || a.type != EntityType::Country) continue;
                    bool dup = false;
                    for (int f : found)
                        if (args_[static_cast<std::size_t>(f)].entity == a.entity) dup = true;
                    if (!dup) found.push_back(static_cast<int>(k));
                }
                if (found.size() == 2) {
                    subjects = {found[1]};
                    objects = {found[0]};
                    rule = "lex:bilateral";
                    conf = 0.55;
                }
            }
        }
        if (noun && (low(i) == "partners" || low(i) == "members") && objects.empty()) {
            const int m = arg_ending_at(i);
            if (m >= 0 && args_[static_cast<std::size_t>(m)].type == EntityType::Organization &&
                !args_[static_cast<std::size_t>(m)].pronoun)
                objects = {m};
        }
        // "exporters to the EC, such as Senegal, Malaysia and Brazil": the listed members
        if (noun && !objects.empty() && (subjects.empty() || rule == "lex:noun")) {
            std::uint32_t t = args_[static_cast<std::size_t>(objects.back())].end;
            if (t < se_ && txt(t) == ",") ++t;
            std::uint32_t list_at = 0;
            if (t + 1 < se_ && low(t) == "such" && low(t + 1) == "as")
                list_at = t + 2;
            else if (t < se_ && (low(t) == "including" || low(t) == "like"))
                list_at = t + 1;
            if (list_at) {
                const int m = arg_starting_at(skip_det_fwd(list_at));
                if (m >= 0) {
                    subjects = expand_right(m);
                    rule = "lex:noun-such-as";
                }
            }
        }
        if (subjects.empty() || objects.empty()) return;
        if (e.reverse) std::swap(subjects, objects);
        RelationType rtype = type;
        if (noun && (low(i) == "partners" || low(i) == "members" || low(i) == "partner")) {
            const int m = arg_ending_at(i);
            if (m >= 0 && args_[static_cast<std::size_t>(m)].type == EntityType::Organization &&
                !args_[static_cast<std::size_t>(m)].pronoun) {
                const int subj =
                    subject_before(args_[static_cast<std::size_t>(m)].first, lim_.subject_window);
                if (subj < 0) return;
                for (int s2 : expand_left(subj))
                    emit(args_[static_cast<std::size_t>(s2)].entity,
                         args_[static_cast<std::size_t>(m)].entity, RelationType::PartOf, 0.6,
                         "lex:member-partners", label_of(tr, ~0u));
                return;
            }
        }
        bool neg = false, hyp = false;
        std::uint32_t from = i;
        for (int s : subjects) from = std::min(from, args_[static_cast<std::size_t>(s)].end);
        if (from > i) from = i;
        flags(from, tr.end, neg, hyp);
        std::string amount;
        if (type == RelationType::TradesWith || type == RelationType::InvestsIn ||
            type == RelationType::Acquired || type == RelationType::Aids ||
            type == RelationType::SignedAgreementWith || type == RelationType::Sanctions)
            amount = find_amount(i);
        const std::string label = label_of(tr, prep_at);
        for (int s : subjects)
            for (int o : objects) {
                const auto& sa = args_[static_cast<std::size_t>(s)];
                const auto& oa = args_[static_cast<std::size_t>(o)];
                emit(sa.entity, oa.entity, rtype, conf, rule, label, {}, amount, neg, hyp);
            }
    }

    const AnnotatedDocument& doc_;
    const Lexicon& lex_;
    const Gazetteer* gaz_;
    const RelationLimits& lim_;
    std::vector<std::string> lower_;
    std::vector<bool> gov_;
    std::map<std::string, int> name_entity_;
    int main_country_ = -1;
    int main_company_ = -1;
    int frequent_country_ = -1;
    int strict_country_ = -1;  // main country, clearly ahead of the others

    std::uint32_t sb_ = 0, se_ = 0, sidx_ = 0;
    std::vector<Arg> args_;
    std::vector<int> arg_at_;
    std::uint32_t candidates_ = 0;

    std::vector<RelationMention> out_;
    std::map<std::tuple<int, int, int>, std::size_t> index_;
};

}  // namespace

RelationExtractor::RelationExtractor(std::shared_ptr<const Lexicon> lexicon,
                                     const Gazetteer* gazetteer, RelationLimits limits)
    : lexicon_(std::move(lexicon)), gazetteer_(gazetteer), limits_(limits) {
    if (!lexicon_) lexicon_ = std::make_shared<Lexicon>();
}

std::vector<RelationMention> RelationExtractor::extract(const AnnotatedDocument& doc) const {
    if (doc.entities.empty() || doc.tokens.empty()) return {};
    AnnotatedDocument const* d = &doc;
    // No sentences: treat everything as one sentence (bounded by the caps).
    AnnotatedDocument copy;
    if (doc.sentences.empty()) {
        copy.text = doc.text;
        copy.tokens = doc.tokens;
        copy.mentions = doc.mentions;
        copy.entities = doc.entities;
        for (auto& t : copy.tokens)
            t.text = std::string_view(copy.text).substr(t.begin, t.end - t.begin);
        Sentence s;
        s.first_token = 0;
        s.end_token = static_cast<std::uint32_t>(copy.tokens.size());
        s.begin = copy.tokens.front().begin;
        s.end = copy.tokens.back().end;
        copy.sentences.push_back(s);
        d = &copy;
    }
    Run run(*d, *lexicon_, gazetteer_, limits_);
    return run.run();
}

}  // namespace kgforge::nlp
