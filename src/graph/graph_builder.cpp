// Merging extractions into the canonical graph. Everything accumulated here is
// commutative (sums, min/max, set unions, vote counts with content-based tie breaks),
// so the order and grouping of add() calls cannot change the result.
#include <malloc.h>
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "core/chunked_vector.hpp"
#include "graph/graph_impl.hpp"
#include "kgforge/extraction.hpp"

namespace kgforge {

namespace {

// Per-entity facts, kept compact because a merge may hold millions of entities: one heap
// block per entity holding all its name/subtype votes, aliases and external ids as
// 12-byte records (most entities have two or three), strings interned in the pool.
enum class FactKind : std::uint8_t { Name, Subtype, Alias, ExternalId };

struct Fact {
    TextId first;          // the name, subtype, alias or external-id scheme
    std::uint32_t second;  // the vote count, or the external-id value's TextId
    FactKind kind;
};

struct EntityAccumulator {
    TextId id = 0;
    EntityType type = EntityType::Organization;
    std::uint64_t mentions = 0;
    std::vector<Fact> facts;

    void vote(FactKind kind, TextId value, std::uint32_t weight) {
        for (auto& fact : facts) {
            if (fact.kind == kind && fact.first == value) {
                fact.second = fact.second > UINT32_MAX - weight ? UINT32_MAX : fact.second + weight;
                return;
            }
        }
        facts.push_back({value, weight, kind});
    }
    void alias(TextId value) {
        for (const auto& fact : facts)
            if (fact.kind == FactKind::Alias && fact.first == value) return;
        facts.push_back({value, 0, FactKind::Alias});
    }
    // The smallest value wins when two extractions disagree on an external id.
    void external_id(TextId scheme, TextId value, const StringPool& strings) {
        for (auto& fact : facts) {
            if (fact.kind == FactKind::ExternalId && fact.first == scheme) {
                if (strings.view(value) < strings.view(fact.second)) fact.second = value;
                return;
            }
        }
        facts.push_back({scheme, value, FactKind::ExternalId});
    }
};

struct DocumentAccumulator {
    DocumentInfo info;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> mentions;  // entity slot, count
};

// Highest count; ties go to the longer, then the lexicographically smaller string, so the
// winner depends on content only, never on the order votes arrived in.
std::string_view most_voted(const std::vector<Fact>& facts, FactKind kind,
                            const StringPool& strings) {
    std::string_view best;
    std::uint64_t best_count = 0;
    bool found = false;
    for (const auto& fact : facts) {
        if (fact.kind != kind) continue;
        auto value = strings.view(fact.first);
        auto count = fact.second;
        if (!found || count > best_count ||
            (count == best_count &&
             (value.size() > best.size() || (value.size() == best.size() && value < best)))) {
            best = value;
            best_count = count;
            found = true;
        }
    }
    return best;
}

}  // namespace

struct GraphBuilder::Impl {
    std::vector<EntityAccumulator> entities;
    // Open addressing over entity slots keyed by the interned id (4 bytes a slot).
    std::vector<std::uint32_t> entity_table;  // slot + 1; 0 = empty
    std::vector<DocumentAccumulator> documents;
    std::unordered_map<std::string, std::uint32_t> document_slots;
    // Entity/document fields hold builder slots until build(). Chunked: at millions of
    // entries a vector's copy-and-double would double the peak memory.
    ChunkedVector<Evidence> evidence;
    StringPool strings;

    std::uint32_t entity_slot(const ExtractedEntity& entity) {
        const auto id = strings.intern(entity_id(entity.type, entity.name, entity.external_ids));
        if ((entities.size() + 1) * 10 > entity_table.size() * 7) grow_entity_table();
        const auto mask = entity_table.size() - 1;
        auto i = std::hash<std::uint32_t>{}(id)*0x9E3779B97F4A7C15ull >> 20 & mask;
        for (; entity_table[i] != 0; i = (i + 1) & mask) {
            if (entities[entity_table[i] - 1].id == id) return entity_table[i] - 1;
        }
        const auto slot = static_cast<std::uint32_t>(entities.size());
        entities.emplace_back();
        entities.back().id = id;
        entities.back().type = entity.type;
        entity_table[i] = slot + 1;
        return slot;
    }

    void grow_entity_table() {
        entity_table.assign(entity_table.empty() ? 1024 : entity_table.size() * 2, 0);
        const auto mask = entity_table.size() - 1;
        for (std::uint32_t slot = 0; slot < entities.size(); ++slot) {
            auto i =
                std::hash<std::uint32_t>{}(entities[slot].id) * 0x9E3779B97F4A7C15ull >> 20 & mask;
            while (entity_table[i] != 0) i = (i + 1) & mask;
            entity_table[i] = slot + 1;
        }
    }

    void add(const DocumentExtraction& extraction) {
        auto [doc_it, inserted] = document_slots.try_emplace(
            extraction.document.id, static_cast<std::uint32_t>(documents.size()));
        if (!inserted) return;  // the same document again: merging stays idempotent
        const auto doc_slot = doc_it->second;
        documents.emplace_back();
        documents.back().info = extraction.document;

        std::unordered_map<std::string_view, std::uint32_t> local;  // entity key -> slot
        std::unordered_map<std::string_view, TextId> sentences;     // repeats within the document
        for (const auto& entity : extraction.entities) {
            const auto slot = entity_slot(entity);
            local.emplace(entity.key, slot);
            auto& acc = entities[slot];
            const auto weight = std::max<std::uint32_t>(entity.mentions, 1);
            acc.vote(FactKind::Name, strings.intern(entity.name), weight);
            if (!entity.subtype.empty())
                acc.vote(FactKind::Subtype, strings.intern(entity.subtype), weight);
            for (const auto& alias : entity.aliases) acc.alias(strings.intern(alias));
            for (const auto& [scheme, value] : entity.external_ids)
                acc.external_id(strings.intern(scheme), strings.intern(value), strings);
            acc.mentions += entity.mentions;
            documents[doc_slot].mentions.emplace_back(slot, entity.mentions);
        }
        for (const auto& relation : extraction.relations) {
            auto subject = local.find(relation.subject);
            auto object = local.find(relation.object);
            if (subject == local.end() || object == local.end()) continue;  // validated upstream
            Evidence ev;
            ev.subject = subject->second;
            ev.object = object->second;
            ev.type = relation.type;
            ev.document = doc_slot;
            auto [sentence, fresh] = sentences.try_emplace(relation.sentence, 0);
            if (fresh) sentence->second = strings.append(relation.sentence);
            ev.sentence = sentence->second;
            ev.label = strings.intern(relation.label);
            ev.amount = strings.intern(relation.amount);
            ev.role = strings.intern(relation.role);
            ev.rule = strings.intern(relation.rule);
            ev.start = relation.start;
            ev.end = relation.end;
            ev.confidence = static_cast<float>(relation.confidence);
            ev.negated = relation.negated;
            ev.hypothetical = relation.hypothetical;
            evidence.push_back(ev);
        }
    }

    KnowledgeGraph build();
};

GraphBuilder::GraphBuilder() : impl_(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

void GraphBuilder::add(const DocumentExtraction& extraction) {
    impl_->add(extraction);
}
void GraphBuilder::add(DocumentExtraction&& extraction) {
    impl_->add(extraction);
}
std::size_t GraphBuilder::document_count() const {
    return impl_->documents.size();
}

KnowledgeGraph GraphBuilder::build() {
    auto result = impl_->build();
    impl_ = std::make_unique<Impl>();
    return result;
}

KnowledgeGraph GraphBuilder::Impl::build() {
    KnowledgeGraph graph;
    auto& g = *graph.impl_;

    // Canonical order: entities by id, documents by (date, id).
    std::vector<std::uint32_t> entity_order(entities.size());
    for (std::uint32_t i = 0; i < entity_order.size(); ++i) entity_order[i] = i;
    std::sort(entity_order.begin(), entity_order.end(), [&](auto a, auto b) {
        return strings.view(entities[a].id) < strings.view(entities[b].id);
    });
    std::vector<EntityIndex> entity_index(entities.size());
    for (std::uint32_t i = 0; i < entity_order.size(); ++i) entity_index[entity_order[i]] = i;

    std::vector<std::uint32_t> document_order(documents.size());
    for (std::uint32_t i = 0; i < document_order.size(); ++i) document_order[i] = i;
    std::sort(document_order.begin(), document_order.end(), [&](auto a, auto b) {
        const auto& x = documents[a].info;
        const auto& y = documents[b].info;
        return std::tie(x.date, x.id) < std::tie(y.date, y.id);
    });
    std::vector<DocumentIndex> document_index(documents.size());
    for (std::uint32_t i = 0; i < document_order.size(); ++i) document_index[document_order[i]] = i;

    g.entities.reserve(entities.size());
    for (auto slot : entity_order) {
        auto& acc = entities[slot];
        Entity entity;
        entity.id = strings.view(acc.id);
        entity.name = most_voted(acc.facts, FactKind::Name, strings);
        entity.type = acc.type;
        entity.subtype = most_voted(acc.facts, FactKind::Subtype, strings);
        for (const auto& fact : acc.facts) {
            if (fact.kind != FactKind::Name && fact.kind != FactKind::Alias) continue;
            auto text = strings.view(fact.first);  // other names are aliases too
            if (!text.empty() && text != entity.name) entity.aliases.push_back(text);
        }
        std::sort(entity.aliases.begin(), entity.aliases.end());
        entity.aliases.erase(std::unique(entity.aliases.begin(), entity.aliases.end()),
                             entity.aliases.end());
        for (const auto& fact : acc.facts) {
            if (fact.kind == FactKind::ExternalId)
                entity.external_ids.emplace_back(strings.view(fact.first),
                                                 strings.view(fact.second));
        }
        entity.aliases.shrink_to_fit();
        std::sort(entity.external_ids.begin(), entity.external_ids.end());
        entity.mention_count = acc.mentions;
        g.entities.push_back(std::move(entity));
        acc = EntityAccumulator{};
    }
    entities = {};
    entity_table = {};

    g.documents.reserve(documents.size());
    for (auto slot : document_order) {
        auto& acc = documents[slot];
        DocumentNode doc;
        doc.id = std::move(acc.info.id);
        doc.title = std::move(acc.info.title);
        doc.date = std::move(acc.info.date);
        doc.url = std::move(acc.info.url);
        doc.source = std::move(acc.info.source);
        for (const auto& [entity_slot, count] : acc.mentions)
            doc.mentions.push_back({entity_index[entity_slot], count});
        std::sort(doc.mentions.begin(), doc.mentions.end(),
                  [](const auto& a, const auto& b) { return a.entity < b.entity; });
        // Two surface entities of one document can resolve to the same graph entity.
        std::size_t kept = 0;
        for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
            if (kept > 0 && doc.mentions[kept - 1].entity == doc.mentions[m].entity) {
                doc.mentions[kept - 1].count += doc.mentions[m].count;
            } else {
                doc.mentions[kept++] = doc.mentions[m];
            }
        }
        doc.mentions.resize(kept);
        acc.mentions = {};
        const auto date = strings.view(strings.intern(doc.date));
        for (const auto& mention : doc.mentions) {
            auto& entity = g.entities[mention.entity];
            entity.document_count += 1;
            if (!date.empty()) {
                if (entity.first_date.empty() || date < entity.first_date) entity.first_date = date;
                if (entity.last_date.empty() || date > entity.last_date) entity.last_date = date;
            }
        }
        g.documents.push_back(std::move(doc));
    }
    documents = {};
    document_slots = {};
    // The entity and document accumulators were millions of small allocations; return
    // their pages before the large relation tables are allocated (lower peak memory).
    ::malloc_trim(0);

    // Evidence: remap to final indices, put symmetric relations in canonical direction,
    // sort by relation then by document and offsets, with string contents as tie breaks.
    auto& all = g.evidence;
    evidence.move_into(all);
    for (auto& ev : all) {
        ev.subject = entity_index[ev.subject];
        ev.object = entity_index[ev.object];
        ev.document = document_index[ev.document];
        if (is_symmetric(ev.type) && ev.object < ev.subject) std::swap(ev.subject, ev.object);
    }
    auto text = [&](TextId id) { return strings.view(id); };
    auto less = [&](const Evidence& a, const Evidence& b) {
        if (a.subject != b.subject) return a.subject < b.subject;
        if (a.type != b.type) return a.type < b.type;
        if (a.object != b.object) return a.object < b.object;
        if (a.document != b.document) return a.document < b.document;
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        if (a.label != b.label) return text(a.label) < text(b.label);
        if (a.amount != b.amount) return text(a.amount) < text(b.amount);
        if (a.role != b.role) return text(a.role) < text(b.role);
        if (a.rule != b.rule) return text(a.rule) < text(b.rule);
        if (a.sentence != b.sentence) return text(a.sentence) < text(b.sentence);
        if (a.confidence != b.confidence) return a.confidence < b.confidence;
        if (a.negated != b.negated) return a.negated < b.negated;
        return a.hypothetical < b.hypothetical;
    };
    std::sort(all.begin(), all.end(), less);
    all.erase(std::unique(
                  all.begin(), all.end(),
                  [&](const Evidence& a, const Evidence& b) { return !less(a, b) && !less(b, a); }),
              all.end());

    std::size_t relation_count = all.empty() ? 0 : 1;
    for (std::size_t i = 1; i < all.size(); ++i) {
        if (all[i].subject != all[i - 1].subject || all[i].type != all[i - 1].type ||
            all[i].object != all[i - 1].object)
            ++relation_count;
    }
    g.relations.reserve(relation_count);
    std::map<std::string_view, std::uint32_t> label_votes;
    for (std::size_t begin = 0; begin < all.size();) {
        std::size_t end = begin + 1;
        while (end < all.size() && all[end].subject == all[begin].subject &&
               all[end].type == all[begin].type && all[end].object == all[begin].object)
            ++end;
        Relation relation;
        relation.subject = all[begin].subject;
        relation.object = all[begin].object;
        relation.type = all[begin].type;
        relation.evidence_begin = static_cast<std::uint32_t>(begin);
        relation.evidence_count = static_cast<std::uint32_t>(end - begin);
        relation.negated = relation.hypothetical = true;
        label_votes.clear();
        for (auto i = begin; i < end; ++i) {
            const auto& ev = all[i];
            relation.negated = relation.negated && ev.negated;
            relation.hypothetical = relation.hypothetical && ev.hypothetical;
            relation.confidence = std::max(relation.confidence, ev.confidence);
            if (ev.amount) relation.amount = ev.amount;  // later documents come later
            if (ev.role) relation.role = ev.role;
            if (ev.label) label_votes[text(ev.label)] += 1;
        }
        std::string_view best_label;
        std::uint32_t best_votes = 0;
        for (const auto& [label, votes] : label_votes) {
            if (votes > best_votes) {
                best_label = label;
                best_votes = votes;
            }
        }
        relation.label = strings.intern(best_label);
        g.relations.push_back(relation);
        begin = end;
    }
    strings.freeze();
    g.strings = std::move(strings);
    // The accumulators were many small allocations; hand their pages back to the system
    // before the exporters run, so peak memory is the graph, not the graph plus garbage.
    ::malloc_trim(0);
    return graph;
}

}  // namespace kgforge
