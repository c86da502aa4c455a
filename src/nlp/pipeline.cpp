// The default extractor: the analysis (tokens, tags, entities, coreference, parse) and the
// relation model, loaded once and shared (read-only) by every thread.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kgforge/error.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/pipeline.hpp"
#include "nlp/analyzer.hpp"
#include "nlp/annotation.hpp"
#include "nlp/model_paths.hpp"
#include "nlp/relation_util.hpp"
#include "nlp/relations/relation_classifier.hpp"

namespace kgforge {
namespace {

namespace fs = std::filesystem;

class DefaultExtractor final : public Extractor {
  public:
    explicit DefaultExtractor(const ExtractorOptions& options) {
        const fs::path dir = nlp::resolve_models_dir(options.models_dir);
        analyzer_ = std::make_unique<nlp::Analyzer>(dir, resolve_thread_count(options.threads));
        auto model = std::make_shared<const nlp::relations::RelationModel>(
            nlp::relations::RelationModel::load(dir / "relations.bin"));
        nlp::relations::ClassifierOptions classifier_options;
        classifier_options.explain = options.explain;
        classifier_options.override_rules = nlp::relations::default_override_rules();
        relations_ = std::make_unique<nlp::relations::RelationClassifier>(
            analyzer_->lexicon(), &analyzer_->lemmatizer(), &analyzer_->gazetteer(),
            std::move(model), std::move(classifier_options));
    }

    DocumentExtraction extract(const Document& document) const override {
        return std::move(extract_many(std::span<const Document>(&document, 1)).front());
    }

    // Stage by stage over all the documents: each model's tables stay in the CPU cache for a
    // whole group instead of being evicted by the other stages after every document.
    std::vector<DocumentExtraction> extract_many(
        std::span<const Document> documents) const override {
        std::vector<nlp::AnnotatedDocument> docs(documents.size());
        for (std::size_t i = 0; i < documents.size(); ++i) {
            docs[i].document = &documents[i];
            docs[i].text = documents[i].text;
        }
        analyzer_->analyze(docs);
        std::vector<DocumentExtraction> out;
        out.reserve(docs.size());
        for (std::size_t i = 0; i < docs.size(); ++i)
            out.push_back(convert(documents[i], docs[i], relations_->extract(docs[i])));
        return out;
    }

  private:
    DocumentExtraction convert(const Document& document, const nlp::AnnotatedDocument& doc,
                               const std::vector<nlp::RelationMention>& relations) const {
        DocumentExtraction out;
        out.document = {document.id, document.title, document.date, document.url, document.source};
        out.entities.reserve(doc.entities.size());
        for (std::size_t e = 0; e < doc.entities.size(); ++e) {
            const auto& r = doc.entities[e];
            ExtractedEntity x;
            x.key = "e" + std::to_string(e);
            x.name = r.name;
            x.type = r.type;
            x.subtype = r.subtype;
            x.aliases = r.aliases;
            x.external_ids = r.external_ids;
            x.mentions = r.mentions == 0 ? 1 : r.mentions;
            out.entities.push_back(std::move(x));
        }
        // Sentence offsets in code points: one forward pass over the text.
        std::vector<std::uint32_t> cp_begin(doc.sentences.size()), cp_end(doc.sentences.size());
        {
            std::uint32_t byte = 0, cp = 0;
            auto advance = [&](std::uint32_t to) {
                const std::string_view text(doc.text);
                to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
                if (to > byte) {
                    cp += nlp::detail::count_code_points(text.substr(byte, to - byte));
                    byte = to;
                }
                return cp;
            };
            for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
                cp_begin[s] = advance(doc.sentences[s].begin);
                cp_end[s] = advance(doc.sentences[s].end);
            }
        }
        out.relations.reserve(relations.size());
        for (const auto& r : relations) {
            ExtractedRelation x;
            x.subject = "e" + std::to_string(r.subject);
            x.object = "e" + std::to_string(r.object);
            x.type = r.type;
            x.label = r.label;
            x.confidence = r.confidence;
            x.amount = r.amount;
            x.role = r.role;
            x.negated = r.negated;
            x.hypothetical = r.hypothetical;
            if (r.sentence < doc.sentences.size()) {
                const auto& s = doc.sentences[r.sentence];
                x.sentence = doc.text.substr(s.begin, s.end - s.begin);
                x.start = cp_begin[r.sentence];
                x.end = cp_end[r.sentence];
            }
            x.rule = r.rule;
            out.relations.push_back(std::move(x));
        }
        return out;
    }

    std::unique_ptr<nlp::Analyzer> analyzer_;
    std::unique_ptr<nlp::relations::RelationClassifier> relations_;
};

}  // namespace

std::unique_ptr<Extractor> make_default_extractor(const ExtractorOptions& options) {
    return std::make_unique<DefaultExtractor>(options);
}

}  // namespace kgforge
