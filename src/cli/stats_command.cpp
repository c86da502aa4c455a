// `kgforge stats g.json`: a quick look at a graph written with --format json.
#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/json_escape.hpp"
#include "core/json_parse.hpp"
#include "input/file_reader.hpp"
#include "kgforge/error.hpp"

namespace kgforge::cli {

namespace {

struct NodeSummary {
    std::string id;
    std::string name;
    std::string type;
    std::uint64_t mentions = 0;
    std::uint64_t degree = 0;
};

// Names can hold anything (newlines, control and bidi characters, 10,000 characters):
// show them on one terminal line, shortened.
std::string printable(std::string_view name) {
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if ((c & 0xc0) != 0x80 && ++characters > 60) {
            out += "...";
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            out += ' ';
        } else if (c == 0xe2 && i + 2 < name.size() &&
                   static_cast<unsigned char>(name[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(name[i + 2]) & 0xf0) >= 0xa0 &&
                   static_cast<unsigned char>(name[i + 2]) <= 0xaf) {
            i += 2;  // U+2020..U+202F: bidi overrides and separators reorder the terminal line
        } else {
            out += name[i];
        }
    }
    return out;
}

std::string string_field(const rapidjson::Value& v, const char* key) {
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

}  // namespace

int run_stats(const StatsOptions& options) {
    // A graph is not one document: the document size limit does not apply.
    const auto text = read_whole_file(options.input, options.input, UINT64_MAX);
    rapidjson::Document json;
    parse_json(json, text, options.input);
    if (!json.IsObject() || !json.HasMember("nodes") || !json["nodes"].IsArray() ||
        !json.HasMember("edges") || !json["edges"].IsArray()) {
        throw Error(ErrorKind::Parse, "not a kgforge graph JSON (needs nodes and edges arrays)",
                    options.input);
    }
    std::vector<NodeSummary> nodes;
    std::map<std::string, std::size_t> index;
    std::map<std::string, std::uint64_t> by_entity_type;
    for (const auto& n : json["nodes"].GetArray()) {
        NodeSummary node{string_field(n, "id"), string_field(n, "name"), string_field(n, "type")};
        if (auto m = n.FindMember("mention_count"); m != n.MemberEnd() && m->value.IsUint64())
            node.mentions = m->value.GetUint64();
        by_entity_type[node.type] += 1;
        index[node.id] = nodes.size();
        nodes.push_back(std::move(node));
    }
    std::map<std::string, std::uint64_t> by_relation_type;
    std::uint64_t evidence = 0;
    for (const auto& e : json["edges"].GetArray()) {
        by_relation_type[string_field(e, "type")] += 1;
        if (auto s = index.find(string_field(e, "source")); s != index.end())
            nodes[s->second].degree++;
        if (auto t = index.find(string_field(e, "target")); t != index.end())
            nodes[t->second].degree++;
        if (auto w = e.FindMember("weight"); w != e.MemberEnd() && w->value.IsUint64())
            evidence += w->value.GetUint64();
    }
    const auto documents =
        json.HasMember("documents") && json["documents"].IsArray() ? json["documents"].Size() : 0u;
    std::vector<const NodeSummary*> top;
    for (const auto& node : nodes) top.push_back(&node);
    std::sort(top.begin(), top.end(), [](const NodeSummary* a, const NodeSummary* b) {
        return std::tie(b->degree, b->mentions, a->id) < std::tie(a->degree, a->mentions, b->id);
    });
    if (top.size() > options.top) top.resize(options.top);

    if (options.json) {
        std::string out =
            fmt::format("{{\"entities\":{},\"relations\":{},\"evidence\":{},\"documents\":{}",
                        nodes.size(), json["edges"].Size(), evidence, documents);
        auto counts = [&](const char* key, const std::map<std::string, std::uint64_t>& m) {
            out += fmt::format(",\"{}\":{{", key);
            bool first = true;
            for (const auto& [k, v] : m) {
                out += fmt::format("{}{}:{}", first ? "" : ",", json_quote(k), v);
                first = false;
            }
            out += "}";
        };
        counts("entities_by_type", by_entity_type);
        counts("relations_by_type", by_relation_type);
        out += ",\"top_entities\":[";
        for (std::size_t i = 0; i < top.size(); ++i) {
            out +=
                fmt::format("{}{{\"id\":{},\"name\":{},\"type\":{},\"degree\":{},\"mentions\":{}}}",
                            i ? "," : "", json_quote(top[i]->id), json_quote(top[i]->name),
                            json_quote(top[i]->type), top[i]->degree, top[i]->mentions);
        }
        out += "]}\n";
        fmt::print("{}", out);
        return 0;
    }
    fmt::print("{}: {} entities, {} relations ({} pieces of evidence), {} documents\n",
               options.input, nodes.size(), json["edges"].Size(), evidence, documents);
    fmt::print("\nentities by type\n");
    for (const auto& [type, count] : by_entity_type) fmt::print("  {:<24} {:>8}\n", type, count);
    fmt::print("\nrelations by type\n");
    for (const auto& [type, count] : by_relation_type) fmt::print("  {:<24} {:>8}\n", type, count);
    fmt::print("\ntop entities by degree\n");
    for (std::size_t i = 0; i < top.size(); ++i) {
        fmt::print("  {:>2}. {} ({}): degree {}, mentions {}\n", i + 1, printable(top[i]->name),
                   top[i]->type, top[i]->degree, top[i]->mentions);
    }
    return 0;
}

}  // namespace kgforge::cli
