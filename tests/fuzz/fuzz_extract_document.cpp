// libFuzzer target: the whole extraction of one document with the real models, whole and
// in small segments merged back (the path long documents take). Every relation names
// entities of its document, its offsets are inside the text, and its sentence is the text
// at those offsets.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_set>

#include "kgforge/extractor.hpp"
#include "kgforge/input.hpp"
#include "pipeline/document_segments.hpp"

namespace {

const kgforge::Extractor& extractor() {
    static const auto instance = [] {
        kgforge::ExtractorOptions options;
        options.threads = 1;
        return kgforge::make_default_extractor(options);
    }();
    return *instance;
}

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            out.push_back(static_cast<char32_t>(i));
    return out;  // byte offset of each code point
}

void check(const kgforge::DocumentExtraction& extraction, const std::string& text) {
    std::unordered_set<std::string> keys;
    for (const auto& entity : extraction.entities) {
        if (entity.name.empty() || !keys.insert(entity.key).second) std::abort();
    }
    const auto starts = code_points(text);
    for (const auto& relation : extraction.relations) {
        if (!keys.count(relation.subject) || !keys.count(relation.object)) std::abort();
        if (relation.start > relation.end || relation.end > starts.size()) std::abort();
        const std::size_t begin =
            relation.start < starts.size() ? starts[relation.start] : text.size();
        const std::size_t end = relation.end < starts.size() ? starts[relation.end] : text.size();
        if (text.compare(begin, end - begin, relation.sentence) != 0) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    extractor();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kgforge::Diagnostics diagnostics(true);
    auto text = kgforge::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "fuzz", diagnostics);
    const auto doc = kgforge::parse_text_article(std::move(text), "fuzz", "fuzz");
    check(extractor().extract(doc), doc.text);

    // The segmented path with tiny segments: merged offsets refer to the whole text.
    kgforge::SegmentMerger merger;
    std::uint32_t offset = 0;
    for (auto [begin, end] : kgforge::segment_bounds(doc.text, 64)) {
        kgforge::Document part = doc;
        part.text = doc.text.substr(begin, end - begin);
        merger.add(extractor().extract(part), offset);
        offset += static_cast<std::uint32_t>(code_points(part.text).size());
    }
    if (offset != code_points(doc.text).size()) std::abort();
    check(merger.take(), doc.text);
    return 0;
}
