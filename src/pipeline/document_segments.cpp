#include "pipeline/document_segments.hpp"

#include <algorithm>
#include <string>

#include "kgforge/graph.hpp"

namespace kgforge {

namespace {

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Where to end a segment that starts at `begin`: the best break in (begin + target / 2,
// begin + target], searching back from the far end.
std::size_t cut_point(std::string_view text, std::size_t begin, std::size_t target) {
    const std::size_t far = begin + target;
    const std::size_t near = begin + target / 2;
    const std::string_view window = text.substr(near, far - near);
    for (std::string_view separator : {"\n\n", "\n", ". ", "! ", "? ", " "}) {
        const auto at = window.rfind(separator);
        if (at != std::string_view::npos) return near + at + separator.size();
    }
    std::size_t cut = far;
    while (cut > near && is_continuation_byte(text[cut])) --cut;
    return cut;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> segment_bounds(std::string_view text,
                                                                std::size_t target) {
    target = std::max<std::size_t>(target, 16);
    std::vector<std::pair<std::size_t, std::size_t>> bounds;
    std::size_t begin = 0;
    while (text.size() - begin > target) {
        const auto end = cut_point(text, begin, target);
        bounds.emplace_back(begin, end);
        begin = end;
    }
    bounds.emplace_back(begin, text.size());
    return bounds;
}

void SegmentMerger::add(DocumentExtraction&& segment, std::uint32_t code_point_offset) {
    if (first_) {
        merged_.document = std::move(segment.document);
        first_ = false;
    }
    if (truncated_) return;
    std::uint64_t cost = segment.relations.size();
    for (const auto& entity : segment.entities) cost += std::max<std::uint32_t>(entity.mentions, 1);
    if (mentions_ + cost > max_mentions_) {
        truncated_ = true;
        return;
    }
    mentions_ += cost;

    std::map<std::string, std::size_t, std::less<>> local;  // segment key -> merged index
    for (auto& entity : segment.entities) {
        auto id = entity_id(entity.type, entity.name, entity.external_ids);
        auto [it, fresh] = by_id_.try_emplace(std::move(id), merged_.entities.size());
        local.emplace(entity.key, it->second);
        if (fresh) {
            entity.key = "e" + std::to_string(merged_.entities.size());
            merged_.entities.push_back(std::move(entity));
            continue;
        }
        auto& kept = merged_.entities[it->second];
        kept.mentions += entity.mentions;
        auto add_alias = [&](std::string&& alias) {
            if (alias != kept.name &&
                std::find(kept.aliases.begin(), kept.aliases.end(), alias) == kept.aliases.end())
                kept.aliases.push_back(std::move(alias));
        };
        add_alias(std::move(entity.name));
        for (auto& alias : entity.aliases) add_alias(std::move(alias));
        if (kept.subtype.empty()) kept.subtype = std::move(entity.subtype);
        for (auto& external : entity.external_ids) {
            auto same = std::find_if(kept.external_ids.begin(), kept.external_ids.end(),
                                     [&](const auto& x) { return x.first == external.first; });
            if (same == kept.external_ids.end())
                kept.external_ids.push_back(std::move(external));
            else if (external.second < same->second)
                same->second = std::move(external.second);
        }
    }
    for (auto& relation : segment.relations) {
        auto subject = local.find(relation.subject);
        auto object = local.find(relation.object);
        if (subject == local.end() || object == local.end()) continue;
        relation.subject = merged_.entities[subject->second].key;
        relation.object = merged_.entities[object->second].key;
        relation.start += code_point_offset;
        relation.end += code_point_offset;
        merged_.relations.push_back(std::move(relation));
    }
}

DocumentExtraction SegmentMerger::take() {
    DocumentExtraction out = std::move(merged_);
    merged_ = {};
    by_id_.clear();
    mentions_ = 0;
    truncated_ = false;
    first_ = true;
    return out;
}

}  // namespace kgforge
