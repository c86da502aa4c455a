// The classes the relation model chooses among for an ordered pair of mentions (first, second
// in text order): none, or a relation type with its direction. A symmetric type has one class,
// an asymmetric type two (first -> second, second -> first).
#pragma once

#include <array>

#include "kgforge/types.hpp"

namespace kgforge::nlp::relations {

struct RelationClass {
    bool none = true;
    RelationType type = RelationType::CooperatesWith;
    bool reversed = false;  // the second mention is the subject
};

inline constexpr int kNoRelation = 0;

namespace detail {
struct ClassTable {
    std::array<RelationClass, 64> classes{};
    std::array<int, kRelationTypeCount * 2> index{};
    int count = 0;
};
inline ClassTable make_class_table() {
    ClassTable t;
    t.classes[0] = RelationClass{};
    t.count = 1;
    for (int i = 0; i < kRelationTypeCount; ++i) {
        const auto type = static_cast<RelationType>(i);
        t.index[static_cast<std::size_t>(2 * i)] = t.count;
        t.classes[static_cast<std::size_t>(t.count++)] = RelationClass{false, type, false};
        if (is_symmetric(type)) {
            t.index[static_cast<std::size_t>(2 * i + 1)] = t.index[static_cast<std::size_t>(2 * i)];
        } else {
            t.index[static_cast<std::size_t>(2 * i + 1)] = t.count;
            t.classes[static_cast<std::size_t>(t.count++)] = RelationClass{false, type, true};
        }
    }
    return t;
}
inline const ClassTable& class_table() {
    static const ClassTable table = make_class_table();
    return table;
}
}  // namespace detail

// 1 + 14 x 2 + 5 = 34 for the 19 types of the schema.
inline int relation_class_count() {
    return detail::class_table().count;
}
inline const RelationClass& relation_class(int c) {
    return detail::class_table().classes[static_cast<std::size_t>(c)];
}
inline int relation_class_index(RelationType type, bool reversed) {
    return detail::class_table()
        .index[static_cast<std::size_t>(2 * static_cast<int>(type) + (reversed ? 1 : 0))];
}
inline constexpr int kMaxRelationClasses = 64;

}  // namespace kgforge::nlp::relations
