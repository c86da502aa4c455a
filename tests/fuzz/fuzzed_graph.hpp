// Builds a small knowledge graph from fuzzer bytes, with the invariants the readers
// guarantee (strings are valid UTF-8, relation ends name entities of their document) and
// nothing else: any bytes in names, sentences, labels, ids, dates; any number, NaN too.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <string>

#include "kgforge/extraction.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/input.hpp"
#include "kgforge/types.hpp"

namespace kgforge::fuzz {

inline std::string text(FuzzedDataProvider& in, std::size_t max = 24) {
    Diagnostics diagnostics(true);
    return repair_utf8(in.ConsumeRandomLengthString(max), "fuzz", diagnostics);
}

inline KnowledgeGraph fuzzed_graph(FuzzedDataProvider& in) {
    GraphBuilder builder;
    const int documents = in.ConsumeIntegralInRange(1, 3);
    for (int d = 0; d < documents && in.remaining_bytes() > 0; ++d) {
        DocumentExtraction x;
        x.document = {text(in), text(in), text(in, 12), text(in), text(in)};
        const int entities = in.ConsumeIntegralInRange(1, 5);
        for (int e = 0; e < entities; ++e) {
            ExtractedEntity entity;
            entity.key = "e" + std::to_string(e);
            entity.name = text(in);
            entity.type = static_cast<EntityType>(in.ConsumeIntegralInRange(0, 3));
            entity.subtype = text(in, 8);
            if (in.ConsumeBool()) entity.aliases.push_back(text(in));
            if (in.ConsumeBool()) entity.external_ids.emplace_back(text(in, 8), text(in, 8));
            entity.mentions = in.ConsumeIntegralInRange<std::uint32_t>(1, 5);
            x.entities.push_back(std::move(entity));
        }
        const int relations = in.ConsumeIntegralInRange(0, 6);
        for (int r = 0; r < relations; ++r) {
            ExtractedRelation relation;
            relation.subject = "e" + std::to_string(in.ConsumeIntegralInRange(0, entities - 1));
            relation.object = "e" + std::to_string(in.ConsumeIntegralInRange(0, entities - 1));
            relation.type = static_cast<RelationType>(
                in.ConsumeIntegralInRange<int>(0, kRelationTypeCount - 1));
            relation.label = text(in, 12);
            relation.confidence = in.ConsumeFloatingPoint<double>();
            relation.amount = text(in, 8);
            relation.role = text(in, 8);
            relation.negated = in.ConsumeBool();
            relation.hypothetical = in.ConsumeBool();
            relation.sentence = text(in, 40);
            relation.start = in.ConsumeIntegralInRange<std::uint32_t>(0, UINT32_MAX - 1000);
            relation.end = relation.start + in.ConsumeIntegralInRange<std::uint32_t>(0, 1000);
            relation.rule = text(in, 8);
            x.relations.push_back(std::move(relation));
        }
        builder.add(std::move(x));
    }
    return builder.build();
}

}  // namespace kgforge::fuzz
