#include "core/json_escape.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

void write_extraction_json(const DocumentExtraction& extraction, OutputStream& out) {
    auto field = [&](std::string_view key, std::string_view value, bool comma = true) {
        if (comma) out.put(',');
        write_json_string(out, key);
        out.put(':');
        write_json_string(out, value);
    };
    const auto& d = extraction.document;
    out << "{\"document\":{";
    field("id", d.id, false);
    if (!d.title.empty()) field("title", d.title);
    if (!d.date.empty()) field("date", d.date);
    if (!d.url.empty()) field("url", d.url);
    if (!d.source.empty()) field("source", d.source);
    out << "},\"entities\":[";
    for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
        const auto& e = extraction.entities[i];
        out << (i ? ",{" : "{");
        field("id", e.key, false);
        field("name", e.name);
        field("type", entity_type_name(e.type));
        if (!e.subtype.empty()) field("subtype", e.subtype);
        out << ",\"aliases\":[";
        for (std::size_t a = 0; a < e.aliases.size(); ++a) {
            if (a) out.put(',');
            write_json_string(out, e.aliases[a]);
        }
        out << ']';
        if (!e.external_ids.empty()) {
            out << ",\"external_ids\":{";
            for (std::size_t x = 0; x < e.external_ids.size(); ++x)
                field(e.external_ids[x].first, e.external_ids[x].second, x > 0);
            out << '}';
        }
        out << ",\"mentions\":";
        out.write_uint(e.mentions);
        out << '}';
    }
    out << "],\"relations\":[";
    for (std::size_t i = 0; i < extraction.relations.size(); ++i) {
        const auto& r = extraction.relations[i];
        out << (i ? ",{" : "{");
        field("subject", r.subject, false);
        field("object", r.object);
        field("type", relation_type_name(r.type));
        field("label", r.label);
        out << ",\"confidence\":";
        out.write_double(r.confidence);
        out << ",\"attributes\":{";
        field("amount", r.amount, false);
        field("role", r.role);
        out << ",\"negated\":" << (r.negated ? "true" : "false");
        out << ",\"hypothetical\":" << (r.hypothetical ? "true" : "false");
        out << "},\"evidence\":{";
        field("sentence", r.sentence, false);
        out << ",\"start\":";
        out.write_uint(r.start);
        out << ",\"end\":";
        out.write_uint(r.end);
        out << '}';
        if (!r.rule.empty()) field("rule", r.rule);
        out << '}';
    }
    out << "]}";
}

}  // namespace kgforge
