// libFuzzer target: the whole extraction of one document with the real models (tokens,
// tags, entities, coreference, the dependency parse, the relation rules and model), whole
// and in small segments merged back (the path long documents take). Every relation names
// entities of its document, its offsets are inside the text, and its sentence is the text
// at those offsets. The analysis the relations start from is checked as well: no sentence
// is longer than the documented limit, and every parsed sentence is one tree inside itself.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "kgforge/extractor.hpp"
#include "kgforge/input.hpp"
#include "kgforge/limits.hpp"
#include "nlp/analyzer.hpp"
#include "nlp/model_paths.hpp"
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

const kgforge::nlp::Analyzer& analyzer() {
    static const kgforge::nlp::Analyzer instance(kgforge::nlp::resolve_models_dir({}), 1);
    return instance;
}

void check_analysis(const kgforge::Document& document) {
    std::vector<kgforge::nlp::AnnotatedDocument> docs(1);
    docs[0].document = &document;
    docs[0].text = document.text;
    analyzer().analyze(docs);
    const auto& doc = docs[0];
    std::uint32_t expected_first = 0;
    for (const auto& sentence : doc.sentences) {
        if (sentence.first_token != expected_first || sentence.end_token <= sentence.first_token ||
            sentence.end_token > doc.tokens.size())
            std::abort();
        expected_first = sentence.end_token;
        const std::uint32_t n = sentence.end_token - sentence.first_token;
        if (n > kgforge::limits::kMaxSentenceTokens) std::abort();
        if (doc.tokens[sentence.first_token].deprel == 0) continue;  // not parsed
        std::uint32_t roots = 0;
        for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
            const auto& token = doc.tokens[t];
            if (token.text.size() > kgforge::limits::kMaxTokenBytes || token.deprel == 0)
                std::abort();
            if (token.head < 0) ++roots;
            // Following heads reaches the root within n steps, never leaving the sentence.
            std::int32_t h = static_cast<std::int32_t>(t);
            for (std::uint32_t steps = 0; h >= 0; ++steps) {
                if (steps > n || h < static_cast<std::int32_t>(sentence.first_token) ||
                    h >= static_cast<std::int32_t>(sentence.end_token))
                    std::abort();
                h = doc.tokens[static_cast<std::size_t>(h)].head;
            }
        }
        if (roots == 0) std::abort();
    }
    if (expected_first != doc.tokens.size()) std::abort();
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
    analyzer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kgforge::Diagnostics diagnostics(true);
    auto text = kgforge::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "fuzz", diagnostics);
    const auto doc = kgforge::parse_text_article(std::move(text), "fuzz", "fuzz");
    check(extractor().extract(doc), doc.text);
    check_analysis(doc);

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
