#include <catch2/catch.hpp>

#include <string>

#include "kgforge/graph.hpp"
#include "pipeline/document_segments.hpp"

using kgforge::DocumentExtraction;
using kgforge::EntityType;

TEST_CASE("segments: cover the text, cut at the best break, never inside UTF-8", "[segments]") {
    CHECK(kgforge::segment_bounds("short text", 64).size() == 1);
    std::string text;
    for (int i = 0; i < 50; ++i) text += "Kenya signed a deal. Uganda agreed.\n\n";
    const auto bounds = kgforge::segment_bounds(text, 100);
    REQUIRE(bounds.size() > 1);
    std::size_t next = 0;
    for (auto [begin, end] : bounds) {
        CHECK(begin == next);
        CHECK(end - begin <= 100);
        if (end < text.size()) CHECK(text.compare(end - 2, 2, "\n\n") == 0);
        next = end;
    }
    CHECK(next == text.size());

    std::string no_breaks;
    for (int i = 0; i < 100; ++i) no_breaks += "\xE2\x82\xAC";  // euro signs, no space
    for (auto [begin, end] : kgforge::segment_bounds(no_breaks, 32)) {
        CHECK((static_cast<unsigned char>(no_breaks[begin]) & 0xC0) != 0x80);
        CHECK(end > begin);
    }
}

TEST_CASE("segments: merged entities are one per graph id, offsets move", "[segments]") {
    auto part = [](const std::string& a, const std::string& b, std::uint32_t start) {
        DocumentExtraction x;
        x.document.id = "doc";
        x.entities = {{"k1", a, EntityType::Country, "", {}, {}, 2},
                      {"k2", b, EntityType::Person, "", {}, {}, 1}};
        auto& r = x.relations.emplace_back();
        r.subject = "k2";
        r.object = "k1";
        r.sentence = "s";
        r.start = start;
        r.end = start + 1;
        return x;
    };
    kgforge::SegmentMerger merger;
    merger.add(part("Kenya", "Ada Lovelace", 3), 0);
    merger.add(part("KENYA", "Alan Turing", 5), 100);
    const auto merged = merger.take();
    CHECK(merged.document.id == "doc");
    REQUIRE(merged.entities.size() == 3);  // Kenya, Ada Lovelace, Alan Turing
    CHECK(merged.entities[0].name == "Kenya");
    CHECK(merged.entities[0].mentions == 4);
    CHECK(merged.entities[0].aliases == std::vector<std::string>{"KENYA"});
    REQUIRE(merged.relations.size() == 2);
    CHECK(merged.relations[0].subject == "e1");
    CHECK(merged.relations[1].subject == "e2");
    CHECK(merged.relations[1].object == "e0");
    CHECK(merged.relations[1].start == 105);

    kgforge::SegmentMerger limited(4);  // 3 mentions + 1 relation fit, a second part not
    limited.add(part("Kenya", "Ada", 0), 0);
    limited.add(part("Kenya", "Ada", 0), 10);
    CHECK(limited.truncated());
    CHECK(limited.take().relations.size() == 1);
}
