// Cutting one document's extraction into keyed fragments (kgforge/distributed.hpp).
#include <map>
#include <set>
#include <vector>

#include "core/json_escape.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

namespace {

void write_unquoted(OutputStream& out, std::string_view text) {
    const auto quoted = json_quote(text);
    out << std::string_view(quoted).substr(1, quoted.size() - 2);
}

}  // namespace

std::string relation_key(std::string_view subject_id, RelationType type,
                         std::string_view object_id) {
    if (is_symmetric(type) && object_id < subject_id) std::swap(subject_id, object_id);
    std::string key(subject_id);
    key += '|';
    key += relation_type_name(type);
    key += '|';
    key += object_id;
    return key;
}

void write_keyed_fragments(const DocumentExtraction& extraction, OutputStream& out) {
    const auto& info = extraction.document;
    auto prefix = [&](char kind, std::string_view key) {
        out.put(kind);
        out.put('\t');
        write_unquoted(out, key);
        out.put('\t');
        write_unquoted(out, info.id);
        out.put('\t');
        write_unquoted(out, info.source);
        out.put('\t');
    };

    // Entities by graph id (two surface entities of a document may be one graph entity).
    std::vector<std::string> ids;
    ids.reserve(extraction.entities.size());
    std::map<std::string, std::vector<std::size_t>> by_id;
    std::map<std::string_view, std::size_t> by_key;
    std::set<std::string> schemes;
    for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
        const auto& e = extraction.entities[i];
        ids.push_back(entity_id(e.type, e.name, e.external_ids));
        by_id[ids.back()].push_back(i);
        by_key.emplace(e.key, i);
        for (const auto& [scheme, value] : e.external_ids) schemes.insert(scheme);
    }
    std::map<std::string, std::vector<std::size_t>> by_relation;
    for (std::size_t i = 0; i < extraction.relations.size(); ++i) {
        const auto& r = extraction.relations[i];
        const auto subject = by_key.find(r.subject);
        const auto object = by_key.find(r.object);
        if (subject == by_key.end() || object == by_key.end()) continue;  // as GraphBuilder
        by_relation[relation_key(ids[subject->second], r.type, ids[object->second])].push_back(i);
    }

    DocumentExtraction part;
    // The document with all its entities (its mentions need every entity id).
    part.document = info;
    part.entities = extraction.entities;
    prefix('D', info.id);
    write_extraction_json(part, out);
    out.put('\n');

    // An entity needs only the document's id and date (document count, first/last date).
    part.document = DocumentInfo{};
    part.document.id = info.id;
    part.document.date = info.date;
    for (const auto& [id, members] : by_id) {
        part.entities.clear();
        for (auto i : members) part.entities.push_back(extraction.entities[i]);
        prefix('E', id);
        write_extraction_json(part, out);
        out.put('\n');
    }

    // A relation carries the document (its evidence names it) and its two entities.
    part.document = info;
    for (const auto& [key, members] : by_relation) {
        part.entities.clear();
        part.relations.clear();
        std::set<std::size_t> ends;
        for (auto i : members) {
            const auto& r = extraction.relations[i];
            ends.insert(by_key.at(r.subject));
            ends.insert(by_key.at(r.object));
            part.relations.push_back(r);
        }
        for (auto i : ends) part.entities.push_back(extraction.entities[i]);
        prefix('R', key);
        write_extraction_json(part, out);
        out.put('\n');
    }

    for (const auto& scheme : schemes) {
        prefix('X', scheme);
        write_json_string(out, scheme);
        out.put('\n');
    }
}

}  // namespace kgforge
