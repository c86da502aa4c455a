#include <rapidjson/document.h>

#include <cctype>
#include <cstring>

#include "core/json_parse.hpp"
#include "input/file_reader.hpp"
#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

namespace {

bool is_iso_date_prefix(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string optional_string(const rapidjson::Value& object, const char* field,
                            const std::string& where, std::uint64_t line) {
    auto it = object.FindMember(field);
    if (it == object.MemberEnd() || it->value.IsNull()) return {};
    if (!it->value.IsString()) {
        throw Error(ErrorKind::Parse, "must be a string", where, line, 0, field);
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

// Every non-blank line of `source` as a JSON object (UTF-8 repaired, parsed in place in
// `buffer`); a line that is not one is reported with its file and line and skipped.
void for_each_json_object(
    const InputSource& source, Diagnostics& diagnostics,
    const std::function<void(rapidjson::Document& json, std::string& buffer, std::uint64_t line,
                             const std::string& where)>& on_object) {
    auto report = [&](const Error& error) { diagnostics.error(error); };
    for_each_line(
        source.path, source.display,
        [&](std::string_view raw, std::uint64_t line) {
            if (raw.find_first_not_of(" \t") == std::string_view::npos) return;
            try {
                const auto where = source.display + ":" + std::to_string(line);
                std::string buffer = repair_utf8(raw, where, diagnostics);
                rapidjson::Document json;
                parse_json_line_in_place(json, buffer, source.display, line);
                if (!json.IsObject()) {
                    throw Error(ErrorKind::Parse, "expected a JSON object per line", source.display,
                                line);
                }
                on_object(json, buffer, line, where);
            } catch (const Error& error) {
                diagnostics.error(error);
            }
        },
        report, source.first_line);
}

void read_jsonl_documents(const InputSource& source, Diagnostics& diagnostics,
                          const std::function<void(Document&&)>& on_document) {
    for_each_json_object(
        source, diagnostics,
        [&](rapidjson::Document& json, std::string& buffer, std::uint64_t line,
            const std::string& where) {
            Document doc;
            doc.id = optional_string(json, "id", source.display, line);
            if (doc.id.empty()) doc.id = source.document_id + ":" + std::to_string(line);
            doc.title = optional_string(json, "title", source.display, line);
            doc.date = optional_string(json, "date", source.display, line);
            if (!doc.date.empty()) {
                if (is_iso_date_prefix(doc.date)) {
                    doc.date.resize(10);
                } else {
                    diagnostics.warn(where + ": date: '" + doc.date +
                                     "' is not YYYY-MM-DD; the document is left undated");
                    doc.date.clear();
                }
            }
            doc.url = optional_string(json, "url", source.display, line);
            auto text = json.FindMember("text");
            if (text == json.MemberEnd()) {
                throw Error(ErrorKind::Parse, "missing required field", source.display, line, 0,
                            "text");
            }
            if (!text->value.IsNull() && !text->value.IsString()) {
                throw Error(ErrorKind::Parse, "must be a string", source.display, line, 0, "text");
            }
            if (text->value.IsString()) {
                // The parse left the text inside `buffer`: move it to the front and keep
                // the buffer as the document's text, so a long line is never copied.
                const auto length = text->value.GetStringLength();
                std::memmove(buffer.data(), text->value.GetString(), length);
                buffer.resize(length);
                doc.text = std::move(buffer);
            }
            doc.source = where;
            on_document(std::move(doc));
        });
}

// {"id","source","text"} per line, each text a whole text article: what a distributed job
// sends for text files it read itself, so their headers are parsed exactly as here.
void read_text_records(const InputSource& source, Diagnostics& diagnostics,
                       const std::function<void(Document&&)>& on_document) {
    for_each_json_object(
        source, diagnostics,
        [&](rapidjson::Document& json, std::string&, std::uint64_t line, const std::string& where) {
            auto id = optional_string(json, "id", source.display, line);
            if (id.empty())
                throw Error(ErrorKind::Parse, "missing required field", source.display, line, 0,
                            "id");
            auto origin = optional_string(json, "source", source.display, line);
            if (origin.empty()) origin = where;
            auto text = optional_string(json, "text", source.display, line);
            on_document(parse_text_article(std::move(text), std::move(id), std::move(origin)));
        });
}

}  // namespace

void read_documents(const InputSource& source, Diagnostics& diagnostics,
                    const std::function<void(Document&&)>& on_document) {
    if (source.kind == InputKind::Jsonl) {
        read_jsonl_documents(source, diagnostics, on_document);
        return;
    }
    if (source.kind == InputKind::TextRecords) {
        read_text_records(source, diagnostics, on_document);
        return;
    }
    auto text = repair_utf8_owned(read_whole_file(source.path, source.display), source.display,
                                  diagnostics);
    on_document(parse_text_article(std::move(text), source.document_id, source.display));
}

}  // namespace kgforge
