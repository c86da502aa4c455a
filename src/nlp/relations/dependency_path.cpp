#include "nlp/relations/dependency_path.hpp"

#include <algorithm>

namespace kgforge::nlp::relations {
namespace {
constexpr std::size_t kMaxDepth = 64;  // trees of the parser have no cycles; this bounds bad input
}

std::uint32_t mention_head(const AnnotatedDocument& doc, const Mention& mention) {
    std::uint32_t head = mention.end_token - 1;
    for (std::uint32_t t = mention.first_token; t < mention.end_token; ++t) {
        const std::int32_t h = doc.tokens[t].head;
        if (doc.tokens[t].deprel != 0 && (h < static_cast<std::int32_t>(mention.first_token) ||
                                          h >= static_cast<std::int32_t>(mention.end_token)))
            head = t;  // the last such token (names are head-final)
    }
    return head;
}

DependencyPath dependency_path(const AnnotatedDocument& doc, std::uint32_t from, std::uint32_t to) {
    DependencyPath path;
    if (from >= doc.tokens.size() || to >= doc.tokens.size() || doc.tokens[from].deprel == 0 ||
        doc.tokens[to].deprel == 0)
        return path;
    auto chain = [&](std::uint32_t t) {
        std::vector<std::uint32_t> c{t};
        while (c.size() < kMaxDepth) {
            const std::int32_t h = doc.tokens[c.back()].head;
            if (h < 0 || static_cast<std::size_t>(h) >= doc.tokens.size()) break;
            c.push_back(static_cast<std::uint32_t>(h));
        }
        return c;
    };
    const auto a = chain(from);
    const auto b = chain(to);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto it = std::find(b.begin(), b.end(), a[i]);
        if (it == b.end()) continue;
        path.found = true;
        path.ancestor = a[i];
        for (std::size_t k = 0; k < i; ++k) path.up.push_back({a[k], doc.tokens[a[k]].deprel});
        const auto j = static_cast<std::size_t>(it - b.begin());
        for (std::size_t k = j; k-- > 0;) path.down.push_back({b[k], doc.tokens[b[k]].deprel});
        return path;
    }
    return path;  // different trees (not one sentence)
}

}  // namespace kgforge::nlp::relations
