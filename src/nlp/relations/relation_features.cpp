#include "nlp/relations/relation_features.hpp"

#include <algorithm>
#include <string_view>

#include "nlp/dependency_parser.hpp"
#include "nlp/pos_tagger.hpp"

namespace kgforge::nlp::relations {
namespace {

constexpr std::size_t kMaxPathForWords = 6;  // longer paths contribute their shape only
constexpr std::uint32_t kMaxGapForWords = 10;

std::string_view type_code(EntityType t) {
    switch (t) {
        case EntityType::Person:
            return "PER";
        case EntityType::Organization:
            return "ORG";
        case EntityType::Country:
            return "CTY";
        case EntityType::Location:
            return "LOC";
    }
    return "?";
}

char mention_kind(const AnnotatedDocument& doc, const Mention& m) {
    if (m.source == "coref:pronoun") return 'P';
    if (m.source == "coref:nominal") return 'O';
    if (m.subtype == "Demonym") return 'D';
    if (m.subtype == "Capital") return 'C';
    if (m.subtype == "Description") return 'O';
    (void)doc;
    return 'N';
}

std::string_view gap_bucket(std::uint32_t gap) {
    if (gap == 0) return "0";
    if (gap == 1) return "1";
    if (gap == 2) return "2";
    if (gap == 3) return "3";
    if (gap <= 5) return "4-5";
    if (gap <= 8) return "6-8";
    if (gap <= 12) return "9-12";
    return "13+";
}

std::string_view count_bucket(std::size_t n) {
    static constexpr std::string_view kNames[] = {"0", "1", "2", "3+"};
    return kNames[std::min<std::size_t>(n, 3)];
}

// The lemma of a case-marking child of `head` ("with" in "talks with X"), or "".
std::string_view case_marker(const TokenContext& ctx, std::uint32_t head, std::uint32_t first,
                             std::uint32_t end) {
    const auto& tokens = ctx.doc().tokens;
    for (std::uint32_t t = first; t < end; ++t)
        if (tokens[t].head == static_cast<std::int32_t>(head) &&
            (tokens[t].deprel == ud::case_ || tokens[t].deprel == ud::mark))
            return ctx[t].lemma;
    return {};
}

bool negated_node(const TokenContext& ctx, std::uint32_t node, std::uint32_t first,
                  std::uint32_t end) {
    const auto& tokens = ctx.doc().tokens;
    for (std::uint32_t t = first; t < end; ++t)
        if (tokens[t].head == static_cast<std::int32_t>(node) &&
            (ctx[t].classes & kNegationWord) != 0)
            return true;
    return false;
}

void add_trigger_types(std::uint32_t mask, std::string_view prefix, std::string_view extra,
                       FeatureSink& out) {
    for (int i = 0; i < kRelationTypeCount; ++i) {
        if ((mask >> i & 1u) == 0) continue;
        const auto name = relation_type_name(static_cast<RelationType>(i));
        if (extra.empty())
            out.add(prefix, name);
        else
            out.add(prefix, name, extra);
    }
}

}  // namespace

DependencyPath relation_features(const TokenContext& ctx, const RelationCandidate& c,
                                 const std::vector<RuleHint>& hints, FeatureSink& out) {
    out.clear();
    const AnnotatedDocument& doc = ctx.doc();
    const Mention& a = doc.mentions[c.first];
    const Mention& b = doc.mentions[c.second];
    const Sentence& sentence = doc.sentences[c.sentence];
    const auto& ea = doc.entities[static_cast<std::size_t>(a.entity)];
    const auto& eb = doc.entities[static_cast<std::size_t>(b.entity)];
    std::string types(type_code(ea.type));
    types += '>';
    types += type_code(eb.type);
    const char kinds[] = {mention_kind(doc, a), mention_kind(doc, b), '\0'};

    out.add("BIAS");
    out.add("T", types);
    out.add("K", std::string_view(kinds));
    out.add("TK", types, std::string_view(kinds));
    if (!ea.subtype.empty() || !eb.subtype.empty()) out.add("S", ea.subtype, eb.subtype);

    // ---- the dependency path ----
    const std::uint32_t ha = mention_head(doc, a);
    const std::uint32_t hb = mention_head(doc, b);
    DependencyPath path = dependency_path(doc, ha, hb);
    if (path.found) {
        const std::string_view end_a =
            path.up.empty() ? "ANC" : deprel_name(path.up.front().deprel);
        const std::string_view end_b =
            path.down.empty() ? "ANC" : deprel_name(path.down.back().deprel);
        const std::string_view anc = ctx[path.ancestor].lemma;
        const bool anc_inside = path.up.empty() || path.down.empty();
        std::string shape;  // relations only
        std::string words;  // relations and the words in between
        for (const PathStep& s : path.up) {
            shape.append(deprel_name(s.deprel)).append("<");
            if (s.token != ha) words.append(ctx[s.token].lemma).append("<");
            words.append(deprel_name(s.deprel)).append("<");
        }
        shape.append(ptb_tag_name(doc.tokens[path.ancestor].pos));
        words.append(anc_inside ? std::string_view("*") : anc);
        for (const PathStep& s : path.down) {
            shape.append(">").append(deprel_name(s.deprel));
            words.append(">").append(deprel_name(s.deprel));
            if (s.token != hb) words.append(">").append(ctx[s.token].lemma);
        }
        out.add("PL", count_bucket(path.length() > 3 ? 3 : path.length()),
                path.length() > 6 ? "long" : "short");
        out.add("PD", shape);
        out.add("PDT", types, shape);
        if (path.length() <= kMaxPathForWords) out.add("P", words);
        out.add("E", end_a, end_b);
        out.add("ET", types, end_a, end_b);
        if (!anc_inside) {
            out.add("PA", anc);
            out.add("EA", end_a, anc, end_b);
            out.add("TA", types, anc);
        }
        const std::string_view ca = case_marker(ctx, ha, sentence.first_token, sentence.end_token);
        const std::string_view cb = case_marker(ctx, hb, sentence.first_token, sentence.end_token);
        if (!ca.empty()) out.add("CA", ca);
        if (!cb.empty()) {
            out.add("CB", cb);
            if (!anc_inside) out.add("ACB", anc, cb);
        }
        // words and triggers on the path (the ends excluded, the ancestor included)
        std::uint32_t on_path = 0;
        bool negated = false;
        auto visit = [&](std::uint32_t t) {
            if (t == ha || t == hb) return;
            if (path.length() <= kMaxPathForWords) {
                out.add("PW", ctx[t].lemma);
                out.add("PWT", types, ctx[t].lemma);
            }
            on_path |= ctx[t].trigger_types;
            if ((ctx[t].classes & kRoleWord) != 0) out.add("PROLE", types);
            negated = negated || negated_node(ctx, t, sentence.first_token, sentence.end_token);
        };
        for (const PathStep& s : path.up) visit(s.token);
        visit(path.ancestor);
        for (const PathStep& s : path.down) visit(s.token);
        add_trigger_types(on_path, "PX", {}, out);
        const std::string ends = std::string(end_a) + "|" + std::string(end_b);
        add_trigger_types(on_path, "PXE", ends, out);
        add_trigger_types(on_path, "PXT", types, out);
        if (!cb.empty()) add_trigger_types(on_path, "PXC", cb, out);
        if (negated) out.add("NEG");
    } else {
        out.add("NOPATH");
    }

    // ---- the surface ----
    const std::uint32_t gap = b.first_token >= a.end_token ? b.first_token - a.end_token : 0;
    out.add("G", gap_bucket(gap));
    out.add("GT", types, gap_bucket(gap));
    std::uint32_t between_triggers = 0;
    std::uint8_t between_classes = 0;
    bool coordination = false;
    if (gap <= kMaxGapForWords) {
        std::string sequence;
        for (std::uint32_t t = a.end_token; t < b.first_token; ++t) {
            out.add("BW", ctx[t].lemma);
            if (gap <= 4) sequence.append(ctx[t].lower).append(" ");
            if (ctx[t].lower == "and" || ctx[t].lower == "," || ctx[t].lower == "or")
                coordination = coordination || gap <= 2;
        }
        if (gap > 0) {
            out.add("BF", ctx[a.end_token].lemma);
            out.add("BL", ctx[b.first_token - 1].lemma);
        }
        if (gap <= 4) out.add("BS", types, sequence);
    }
    for (std::uint32_t t = a.end_token; t < b.first_token; ++t) {
        between_triggers |= ctx[t].trigger_types;
        between_classes |= ctx[t].classes;
    }
    add_trigger_types(between_triggers, "BX", {}, out);
    add_trigger_types(between_triggers, "BXT", types, out);
    std::uint32_t outside = 0;
    for (std::uint32_t t = a.first_token; t-- > sentence.first_token && a.first_token - t <= 6;)
        outside |= ctx[t].trigger_types;
    for (std::uint32_t t = b.end_token; t < sentence.end_token && t - b.end_token < 6; ++t)
        outside |= ctx[t].trigger_types;
    add_trigger_types(outside & ~between_triggers, "OX", {}, out);
    if (coordination) out.add("COORD", types);
    static constexpr std::pair<WordClass, std::string_view> kClasses[] = {
        {kRoleWord, "role"},    {kGovernmentHead, "gov"}, {kOwnerWord, "owner"},
        {kUnitWord, "unit"},    {kMemberWord, "member"},  {kOfficeWord, "office"},
        {kNegationWord, "neg"}, {kModalWord, "modal"}};
    for (const auto& [cls, name] : kClasses)
        if ((between_classes & cls) != 0) out.add("BC", name, types);
    if (a.first_token > sentence.first_token) {
        const auto& before = ctx[a.first_token - 1];
        out.add("WA-1", before.lemma);
        if ((before.classes & kRoleWord) != 0) out.add("ROLE-A", types);
    }
    if (b.end_token < sentence.end_token) {
        const auto& after = ctx[b.end_token];
        out.add("WB+1", after.lemma);
        if (after.lower == "'s" || after.lower == "\xE2\x80\x99s") out.add("POSS-B", types);
    }
    if (a.end_token < sentence.end_token) {
        const auto& after_a = ctx[a.end_token];
        if (after_a.lower == "'s" || after_a.lower == "\xE2\x80\x99s") out.add("POSS-A", types);
        if (after_a.lower == "-" && a.end_token + 1 < sentence.end_token &&
            ctx[a.end_token + 1].lower == "based")
            out.add("BASED-A", types);
    }
    if (b.first_token > 0 && (ctx[b.first_token - 1].classes & kRoleWord) != 0)
        out.add("ROLE-B", types);
    std::size_t mentions_between = 0;
    for (std::uint32_t m = c.first + 1; m < c.second; ++m)
        if (doc.mentions[m].entity >= 0) ++mentions_between;
    out.add("MB", count_bucket(mentions_between));

    // ---- what the pattern rules say ----
    for (const RuleHint& h : hints) {
        if (h.sentence != c.sentence) continue;
        const bool forward = h.subject == a.entity && h.object == b.entity;
        const bool backward = h.subject == b.entity && h.object == a.entity;
        if (!forward && !backward) continue;
        const std::string_view dir = forward ? "f" : "r";
        out.add("R", h.rule, relation_type_name(h.type), dir);
        out.add("RT", relation_type_name(h.type), dir);
    }
    return path;
}

std::string describe_path(const TokenContext& ctx, const RelationCandidate& c,
                          const DependencyPath& path) {
    const AnnotatedDocument& doc = ctx.doc();
    if (!path.found) return "no dependency path";
    auto word = [&](std::uint32_t t) { return std::string(doc.tokens[t].text); };
    std::string out = word(mention_head(doc, doc.mentions[c.first]));
    for (const PathStep& s : path.up) {
        const std::int32_t h = doc.tokens[s.token].head;
        out += " -" + std::string(deprel_name(s.deprel)) + "-> " +
               (h >= 0 ? word(static_cast<std::uint32_t>(h)) : std::string("ROOT"));
    }
    for (const PathStep& s : path.down)
        out += " <-" + std::string(deprel_name(s.deprel)) + "- " + word(s.token);
    return out;
}

}  // namespace kgforge::nlp::relations
