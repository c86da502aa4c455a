// Merging the fragments of one key range (kgforge/distributed.hpp). The fragments of each
// document are put back together (as much of the document as this range has) and given to
// the single-machine GraphBuilder, so votes, counts, dates, evidence order and relation
// summaries are computed by the same code as `kgforge build`; then only the keys this range
// owns are written.
#include <rapidjson/document.h>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/json_parse.hpp"
#include "exporters/json_records.hpp"
#include "exporters/neo4j_csv_rows.hpp"
#include "exporters/rdf_triples.hpp"
#include "exporters/rdf_writers.hpp"
#include "kgforge/distributed.hpp"
#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

namespace {

struct PartialDocument {
    DocumentExtraction extraction;
    std::unordered_set<std::string> entity_keys;  // local keys already added
};

void fill(std::string& field, std::string& from) {
    if (field.empty() && !from.empty()) field = std::move(from);
}

}  // namespace

struct KeyRangeMerger::Impl {
    std::vector<PartialDocument> documents;
    std::unordered_map<std::string, std::size_t> document_slots;
    std::set<std::string> schemes;
    std::unordered_set<std::string> owned_entities, owned_relations, owned_documents;
    std::uint64_t fragments = 0;

    void add(std::string_view line, const std::string& where, std::uint64_t line_number) {
        std::string_view fields[5];
        std::size_t begin = 0;
        for (int f = 0; f < 4; ++f) {
            const auto tab = line.find('\t', begin);
            if (tab == std::string_view::npos)
                throw Error(ErrorKind::Parse,
                            "not a keyed fragment (KIND, KEY, DOCUMENT, SOURCE, JSON separated "
                            "by tabs; `kgforge extract --by-key` writes them)",
                            where, line_number);
            fields[f] = line.substr(begin, tab - begin);
            begin = tab + 1;
        }
        fields[4] = line.substr(begin);
        const auto kind = fields[0];
        ++fragments;
        if (kind == "X") {
            rapidjson::Document json;
            parse_json(json, fields[4], where, line_number);
            if (!json.IsString())
                throw Error(ErrorKind::Parse, "an X fragment holds a JSON string", where,
                            line_number);
            schemes.emplace(json.GetString(), json.GetStringLength());
            return;
        }
        if (kind != "E" && kind != "R" && kind != "D")
            throw Error(ErrorKind::Parse,
                        "unknown fragment kind '" + std::string(kind) + "' (E, R, D or X)", where,
                        line_number);
        auto extraction = parse_extraction(fields[4], where, line_number);
        if (kind == "D") {
            owned_documents.insert(extraction.document.id);
        } else if (kind == "E") {
            if (extraction.entities.empty())
                throw Error(ErrorKind::Parse, "an E fragment has no entity", where, line_number, 0,
                            "entities");
            for (const auto& e : extraction.entities)
                owned_entities.insert(entity_id(e.type, e.name, e.external_ids));
        } else {
            std::unordered_map<std::string_view, std::string> ids;
            for (const auto& e : extraction.entities)
                ids.emplace(e.key, entity_id(e.type, e.name, e.external_ids));
            if (extraction.relations.empty())
                throw Error(ErrorKind::Parse, "an R fragment has no relation", where, line_number,
                            0, "relations");
            for (const auto& r : extraction.relations)
                owned_relations.insert(relation_key(ids.at(r.subject), r.type, ids.at(r.object)));
        }
        combine(std::move(extraction));
    }

    void combine(DocumentExtraction&& part) {
        auto [slot, fresh] = document_slots.try_emplace(part.document.id, documents.size());
        if (fresh) {
            documents.emplace_back();
            documents.back().extraction.document = std::move(part.document);
        }
        auto& doc = documents[slot->second];
        auto& info = doc.extraction.document;
        fill(info.title, part.document.title);
        fill(info.date, part.document.date);
        fill(info.url, part.document.url);
        fill(info.source, part.document.source);
        for (auto& e : part.entities) {
            if (doc.entity_keys.insert(e.key).second)
                doc.extraction.entities.push_back(std::move(e));
        }
        for (auto& r : part.relations) doc.extraction.relations.push_back(std::move(r));
    }

    KnowledgeGraph build() {
        GraphBuilder builder;
        for (auto& doc : documents) builder.add(std::move(doc.extraction));
        documents = {};
        document_slots = {};
        return builder.build();
    }

    void write_records(OutputStream& out, const RecordOptions& options) {
        const auto graph = build();
        const auto xrefs = neo4j_csv::xref_columns(schemes);
        std::map<std::string, std::unique_ptr<StringOutput>> sinks;
        auto sink = [&](const std::string& name) -> OutputStream& {
            auto& stream = sinks[name];
            if (!stream) stream = std::make_unique<StringOutput>();
            *stream << name;
            stream->put('\t');
            return *stream;
        };
        // One N-Triples row per record, without its last newline (the part writer adds it).
        // The emitter (IRIs of every entity and document) only when the rows are wanted.
        StringOutput triples;
        LineWriter triple_writer(triples, false);
        std::optional<PartTriples> part_triples;
        if (options.ntriples) part_triples.emplace(graph, options.rdf, triple_writer);
        auto triples_row = [&](auto&& emit) {
            if (!part_triples) return;
            triples.clear();
            emit(*part_triples);
            std::string_view lines = triples.str();
            if (lines.empty()) return;
            if (lines.back() == '\n') lines.remove_suffix(1);
            auto& stream = sink("ntriples/triples");
            stream << lines;
            stream.put('\0');
        };
        std::map<std::string, std::string> headers;
        for (std::size_t i = 0; i < graph.entities().size(); ++i) {
            const auto& e = graph.entities()[i];
            if (!owned_entities.count(std::string(e.id))) continue;
            triples_row([&](PartTriples& part) { part.entity(i); });
            json_records::write_node(graph, e, sink("jsonl/entities"));
            sinks["jsonl/entities"]->put('\0');
            const auto name = "neo4j-import/" + neo4j_csv::entity_file_stem(e.type);
            neo4j_csv::write_entity_row(sink(name), e, xrefs);
            sinks[name]->put('\0');
            headers.try_emplace(name, neo4j_csv::entity_header(xrefs));
        }
        for (std::size_t i = 0; i < graph.relations().size(); ++i) {
            const auto& r = graph.relations()[i];
            if (!owned_relations.count(graph.relation_id(r))) continue;
            triples_row([&](PartTriples& part) { part.relation(i); });
            json_records::write_edge(graph, r, sink("jsonl/relations"));
            sinks["jsonl/relations"]->put('\0');
            const auto name =
                "neo4j-import/" + neo4j_csv::relation_file_stem(relation_type_name(r.type));
            neo4j_csv::write_relation_row(sink(name), graph, r);
            sinks[name]->put('\0');
            headers.try_emplace(name, neo4j_csv::relation_header());
        }
        for (std::size_t d = 0; d < graph.documents().size(); ++d) {
            const auto& doc = graph.documents()[d];
            if (!owned_documents.count(doc.id)) continue;
            triples_row([&](PartTriples& part) { part.document(d); });
            json_records::write_document(graph, doc, sink("jsonl/documents"));
            sinks["jsonl/documents"]->put('\0');
            neo4j_csv::write_document_row(sink("neo4j-import/documents"), doc);
            sinks["neo4j-import/documents"]->put('\0');
            headers.try_emplace("neo4j-import/documents", neo4j_csv::document_header());
            for (const auto& m : doc.mentions) {
                neo4j_csv::write_mention_row(sink("neo4j-import/mentions"), graph, doc, m);
                sinks["neo4j-import/mentions"]->put('\0');
            }
            if (!doc.mentions.empty())
                headers.try_emplace("neo4j-import/mentions", neo4j_csv::mention_header());
        }
        for (const auto& [name, header] : headers) {
            auto& stream = sink("_headers");
            stream << name;
            stream.put('\t');
            stream << header;
            stream.put('\0');
        }
        for (auto& [name, stream] : sinks) out << stream->str();
        out.flush_buffer();
        owned_entities = {};
        owned_relations = {};
        owned_documents = {};
    }
};

KeyRangeMerger::KeyRangeMerger() : impl_(std::make_unique<Impl>()) {}
KeyRangeMerger::~KeyRangeMerger() = default;

void KeyRangeMerger::add(std::string_view line, const std::string& where,
                         std::uint64_t line_number) {
    impl_->add(line, where, line_number);
}
std::uint64_t KeyRangeMerger::fragment_count() const {
    return impl_->fragments;
}
void KeyRangeMerger::write_records(OutputStream& out, const RecordOptions& options) {
    impl_->write_records(out, options);
}

void write_dataset_ntriples(const ExportOptions& options, std::uint64_t entities,
                            std::uint64_t relations, std::uint64_t documents, OutputStream& out) {
    LineWriter writer(out, false);
    emit_dataset_triples(options, entities, relations, documents, writer);
}
KnowledgeGraph KeyRangeMerger::build() {
    return impl_->build();
}

}  // namespace kgforge
