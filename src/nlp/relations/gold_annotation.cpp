#include "nlp/relations/gold_annotation.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "core/json_parse.hpp"
#include "kgforge/error.hpp"

namespace kgforge::nlp::relations {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c >= 0x80;
}

// Collapses whitespace runs to one space, remembering where each output byte came from.
std::string collapse_spaces(std::string_view s, std::vector<std::uint32_t>* origin) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            if (origin) origin->push_back(static_cast<std::uint32_t>(i));
            space = false;
        }
        out.push_back(c);
        if (origin) origin->push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

const rapidjson::Value& member(const rapidjson::Value& v, const char* name, const std::string& file,
                               const std::string& field) {
    if (!v.IsObject() || !v.HasMember(name))
        throw Error(ErrorKind::Parse, "missing field", file, 0, 0, field + "/" + name);
    return v[name];
}

std::string string_member(const rapidjson::Value& v, const char* name, const std::string& file,
                          const std::string& field) {
    const auto& m = member(v, name, file, field);
    if (!m.IsString())
        throw Error(ErrorKind::Parse, "expected a string", file, 0, 0, field + "/" + name);
    return std::string(m.GetString(), m.GetStringLength());
}

}  // namespace

std::uint32_t byte_offset(std::string_view text, std::uint32_t cp) {
    std::uint32_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (seen == cp) return static_cast<std::uint32_t>(i);
        ++seen;
    }
    return static_cast<std::uint32_t>(text.size());
}

std::string normalize_name(std::string_view name) {
    std::string s;
    for (std::size_t i = 0; i < name.size(); ++i) {
        // U+2019 -> '
        if (name.compare(i, 3, "\xE2\x80\x99") == 0) {
            s.push_back('\'');
            i += 2;
            continue;
        }
        char c = name[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        s.push_back(c);
    }
    // "'s" at a word end
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == 's' &&
            (i + 2 == s.size() || !is_word_byte(static_cast<unsigned char>(s[i + 2])))) {
            ++i;
            continue;
        }
        t.push_back(s[i]);
    }
    std::string u;
    for (const char c : t) {
        const auto b = static_cast<unsigned char>(c);
        if (is_word_byte(b) || c == ' ' || c == '\t' || c == '\n') u.push_back(c);
    }
    const std::string collapsed = collapse_spaces(u, nullptr);
    std::string_view v = trim(collapsed);
    if (v.substr(0, 4) == "the ") v.remove_prefix(4);
    return std::string(trim(v));
}

namespace {
void read_json(const std::filesystem::path& path, rapidjson::Document& d) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot open annotation", file);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    parse_json(d, json, file);
}
}  // namespace

std::string annotated_article(const std::filesystem::path& path) {
    rapidjson::Document d;
    read_json(path, d);
    return string_member(d, "doc", path.string(), "");
}

GoldDocument read_gold_annotation(const std::filesystem::path& path, std::string_view text) {
    const std::string file = path.string();
    rapidjson::Document d;
    read_json(path, d);
    GoldDocument gold;
    gold.doc = string_member(d, "doc", file, "");
    std::map<std::string, std::size_t> by_name;
    const auto& entities = member(d, "entities", file, "");
    if (!entities.IsArray())
        throw Error(ErrorKind::Parse, "expected an array", file, 0, 0, "/entities");
    for (rapidjson::SizeType i = 0; i < entities.Size(); ++i) {
        const std::string field = "/entities/" + std::to_string(i);
        GoldEntity e;
        e.name = string_member(entities[i], "name", file, field);
        const auto type = parse_entity_type(string_member(entities[i], "type", file, field));
        if (!type)
            throw Error(ErrorKind::Parse, "unknown entity type", file, 0, 0, field + "/type");
        e.type = *type;
        if (entities[i].HasMember("aliases") && entities[i]["aliases"].IsArray())
            for (const auto& a : entities[i]["aliases"].GetArray())
                if (a.IsString()) e.aliases.emplace_back(a.GetString(), a.GetStringLength());
        by_name.emplace(e.name, gold.entities.size());
        gold.entities.push_back(std::move(e));
    }
    std::vector<std::uint32_t> origin;
    const std::string flat = collapse_spaces(text, &origin);
    const auto& relations = member(d, "relations", file, "");
    if (!relations.IsArray())
        throw Error(ErrorKind::Parse, "expected an array", file, 0, 0, "/relations");
    for (rapidjson::SizeType i = 0; i < relations.Size(); ++i) {
        const std::string field = "/relations/" + std::to_string(i);
        const auto& r = relations[i];
        GoldRelation g;
        const auto subject = by_name.find(string_member(r, "subject", file, field));
        const auto object = by_name.find(string_member(r, "object", file, field));
        if (subject == by_name.end() || object == by_name.end())
            throw Error(ErrorKind::Parse, "relation names an entity that is not listed", file, 0, 0,
                        field);
        g.subject = subject->second;
        g.object = object->second;
        const auto type = parse_relation_type(string_member(r, "type", file, field));
        if (!type)
            throw Error(ErrorKind::Parse, "unknown relation type", file, 0, 0, field + "/type");
        g.type = *type;
        if (r.HasMember("role") && r["role"].IsString()) g.role = r["role"].GetString();
        g.negated = r.HasMember("negated") && r["negated"].IsBool() && r["negated"].GetBool();
        g.hypothetical = r.HasMember("hypothetical") && r["hypothetical"].IsBool() &&
                         r["hypothetical"].GetBool();
        if (r.HasMember("evidence_spans") && r["evidence_spans"].IsArray()) {
            for (const auto& span : r["evidence_spans"].GetArray()) {
                if (!span.IsArray() || span.Size() != 2 || !span[0].IsUint() || !span[1].IsUint())
                    throw Error(ErrorKind::Parse, "expected [start, end]", file, 0, 0,
                                field + "/evidence_spans");
                const auto b = byte_offset(text, span[0].GetUint());
                const auto e = byte_offset(text, span[1].GetUint());
                if (b >= e)
                    throw Error(ErrorKind::Parse, "empty or reversed span", file, 0, 0, field);
                g.evidence.emplace_back(b, e);
            }
        } else if (r.HasMember("evidence") && r["evidence"].IsString()) {
            const std::string quote(r["evidence"].GetString(), r["evidence"].GetStringLength());
            std::size_t from = 0;
            while (from <= quote.size()) {
                std::size_t to = quote.find(" ... ", from);
                if (to == std::string::npos) to = quote.size();
                const std::string piece =
                    collapse_spaces(trim(std::string_view(quote).substr(from, to - from)), nullptr);
                if (!piece.empty()) {
                    const auto at = flat.find(piece);
                    if (at == std::string::npos) {
                        ++gold.unlocated_evidence;
                    } else {
                        g.evidence.emplace_back(origin[at], origin[at + piece.size() - 1] + 1);
                    }
                }
                from = to + 5;
            }
        }
        gold.relations.push_back(std::move(g));
    }
    return gold;
}

std::vector<int> align_entities(const AnnotatedDocument& doc, const GoldDocument& gold) {
    std::vector<std::set<std::string>> gold_surfaces(gold.entities.size());
    std::vector<std::string> gold_names(gold.entities.size());
    for (std::size_t i = 0; i < gold.entities.size(); ++i) {
        gold_names[i] = normalize_name(gold.entities[i].name);
        gold_surfaces[i].insert(gold_names[i]);
        for (const auto& a : gold.entities[i].aliases)
            if (auto n = normalize_name(a); !n.empty()) gold_surfaces[i].insert(std::move(n));
    }
    std::vector<int> out(doc.entities.size(), -1);
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
        const auto& entity = doc.entities[e];
        const std::string name = normalize_name(entity.name);
        std::set<std::string> surfaces{name};
        for (const auto& a : entity.aliases)
            if (auto n = normalize_name(a); !n.empty()) surfaces.insert(std::move(n));
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < gold.entities.size(); ++i)
            if (gold_surfaces[i].count(name) != 0) candidates.push_back(i);
        for (std::size_t i = 0; i < gold.entities.size(); ++i)
            if (surfaces.count(gold_names[i]) != 0 &&
                std::find(candidates.begin(), candidates.end(), i) == candidates.end())
                candidates.push_back(i);
        std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t x, std::size_t y) {
            const auto rank = [&](std::size_t i) {
                return std::pair<bool, bool>(gold_names[i] != name,
                                             gold.entities[i].type != entity.type);
            };
            return rank(x) < rank(y);
        });
        if (!candidates.empty()) out[e] = static_cast<int>(candidates.front());
    }
    return out;
}

}  // namespace kgforge::nlp::relations
