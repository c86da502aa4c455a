// Pre-extracted input: JSON validated against schema/extraction.schema.json, then
// checked for what a schema cannot say (relations must name entities of the document).
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <unordered_set>

#include "core/embedded_schema.hpp"
#include "core/json_parse.hpp"
#include "input/file_reader.hpp"
#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

namespace {

const rapidjson::SchemaDocument& extraction_schema() {
    static const rapidjson::SchemaDocument schema = [] {
        rapidjson::Document json;
        auto text = embedded_extraction_schema();
        json.Parse(text.data(), text.size());  // our own, trusted text
        if (json.HasParseError())
            throw Error(ErrorKind::Internal, "embedded schema is not valid JSON");
        return rapidjson::SchemaDocument(json);
    }();
    return schema;
}

std::string pointer_text(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    std::string text = buffer.GetString();
    return text.empty() ? "/" : text;
}

std::string get_string(const rapidjson::Value& object, const char* field) {
    auto it = object.FindMember(field);
    if (it == object.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool get_bool(const rapidjson::Value& object, const char* field) {
    auto it = object.FindMember(field);
    return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

DocumentExtraction convert(const rapidjson::Value& json, std::string_view where,
                           std::uint64_t line) {
    rapidjson::SchemaValidator validator(extraction_schema());
    if (!json.Accept(validator)) {
        std::string keyword = validator.GetInvalidSchemaKeyword();
        std::string message = "does not match the extraction schema (" + keyword + ")";
        if (keyword == "required") message = "a required field is missing here";
        if (keyword == "additionalProperties") message = "unknown field";
        if (keyword == "enum") message = "value is not one of the allowed values (see schema/)";
        if (keyword == "type") message = "wrong JSON type";
        throw Error(ErrorKind::Parse, message, std::string(where), line, 0,
                    pointer_text(validator.GetInvalidDocumentPointer()));
    }
    DocumentExtraction out;
    const auto& document = json["document"];
    out.document.id = get_string(document, "id");
    out.document.title = get_string(document, "title");
    out.document.date = get_string(document, "date");
    out.document.url = get_string(document, "url");
    out.document.source = get_string(document, "source");

    std::unordered_set<std::string> keys;
    const auto& entities = json["entities"];
    for (rapidjson::SizeType i = 0; i < entities.Size(); ++i) {
        const auto& e = entities[i];
        ExtractedEntity entity;
        entity.key = get_string(e, "id");
        if (!keys.insert(entity.key).second) {
            throw Error(ErrorKind::Parse, "duplicate entity id '" + entity.key + "'",
                        std::string(where), line, 0, "/entities/" + std::to_string(i) + "/id");
        }
        entity.name = get_string(e, "name");
        entity.type = *parse_entity_type(get_string(e, "type"));
        entity.subtype = get_string(e, "subtype");
        if (auto aliases = e.FindMember("aliases"); aliases != e.MemberEnd()) {
            for (const auto& alias : aliases->value.GetArray())
                entity.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
        }
        if (auto ids = e.FindMember("external_ids"); ids != e.MemberEnd()) {
            for (const auto& [scheme, value] : ids->value.GetObject())
                entity.external_ids.emplace_back(scheme.GetString(), value.GetString());
        }
        entity.mentions = 1;
        if (auto mentions = e.FindMember("mentions"); mentions != e.MemberEnd())
            entity.mentions = static_cast<std::uint32_t>(mentions->value.GetUint64());
        out.entities.push_back(std::move(entity));
    }
    const auto& relations = json["relations"];
    for (rapidjson::SizeType i = 0; i < relations.Size(); ++i) {
        const auto& r = relations[i];
        const auto field = "/relations/" + std::to_string(i);
        ExtractedRelation relation;
        relation.subject = get_string(r, "subject");
        relation.object = get_string(r, "object");
        if (!keys.count(relation.subject)) {
            throw Error(ErrorKind::Parse, "no entity with id '" + relation.subject + "'",
                        std::string(where), line, 0, field + "/subject");
        }
        if (!keys.count(relation.object)) {
            throw Error(ErrorKind::Parse, "no entity with id '" + relation.object + "'",
                        std::string(where), line, 0, field + "/object");
        }
        relation.type = *parse_relation_type(get_string(r, "type"));
        relation.label = get_string(r, "label");
        if (auto c = r.FindMember("confidence"); c != r.MemberEnd())
            relation.confidence = c->value.GetDouble();
        if (auto a = r.FindMember("attributes"); a != r.MemberEnd()) {
            relation.amount = get_string(a->value, "amount");
            relation.role = get_string(a->value, "role");
            relation.negated = get_bool(a->value, "negated");
            relation.hypothetical = get_bool(a->value, "hypothetical");
        }
        if (auto ev = r.FindMember("evidence"); ev != r.MemberEnd()) {
            relation.sentence = get_string(ev->value, "sentence");
            if (auto s = ev->value.FindMember("start"); s != ev->value.MemberEnd())
                relation.start = static_cast<std::uint32_t>(s->value.GetUint64());
            if (auto e = ev->value.FindMember("end"); e != ev->value.MemberEnd())
                relation.end = static_cast<std::uint32_t>(e->value.GetUint64());
            if (relation.end < relation.start) {
                throw Error(ErrorKind::Parse, "end is before start", std::string(where), line, 0,
                            field + "/evidence/end");
            }
        }
        relation.rule = get_string(r, "rule");
        out.relations.push_back(std::move(relation));
    }
    return out;
}

}  // namespace

DocumentExtraction parse_extraction(std::string_view json_text, std::string_view where,
                                    std::uint64_t line) {
    rapidjson::Document json;
    parse_json(json, json_text, std::string(where), line);
    return convert(json, where, line);
}

void read_extractions(const InputSource& source, Diagnostics& diagnostics,
                      const std::function<void(DocumentExtraction&&)>& on_extraction) {
    const bool whole_file = source.path != "-" && source.path.size() > 5 &&
                            source.path.compare(source.path.size() - 5, 5, ".json") == 0;
    if (!whole_file) {
        for_each_line(
            source.path, source.display,
            [&](std::string_view raw, std::uint64_t line) {
                if (raw.find_first_not_of(" \t") == std::string_view::npos) return;
                try {
                    auto text =
                        repair_utf8(raw, source.display + ":" + std::to_string(line), diagnostics);
                    on_extraction(parse_extraction(text, source.display, line));
                } catch (const Error& error) {
                    diagnostics.error(error);
                }
            },
            [&](const Error& error) { diagnostics.error(error); }, source.first_line);
        return;
    }
    // A .json file holds one extraction object or an array of them.
    auto text = repair_utf8_owned(read_whole_file(source.path, source.display), source.display,
                                  diagnostics);
    rapidjson::Document json;
    try {
        parse_json(json, text, source.display);
    } catch (const Error& error) {
        diagnostics.error(error);
        return;
    }
    if (json.IsArray()) {
        for (rapidjson::SizeType i = 0; i < json.Size(); ++i) {
            try {
                on_extraction(convert(json[i], source.display + " [" + std::to_string(i) + "]", 0));
            } catch (const Error& error) {
                diagnostics.error(error);
            }
        }
    } else {
        try {
            on_extraction(convert(json, source.display, 0));
        } catch (const Error& error) {
            diagnostics.error(error);
        }
    }
}

}  // namespace kgforge
