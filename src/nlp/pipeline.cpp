// The default extractor: tokenize -> split -> tag -> NER -> resolve -> relations, with the
// models loaded once and shared (read-only) by every thread.
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "kgforge/error.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/pipeline.hpp"
#include "nlp/annotation.hpp"
#include "nlp/coreference.hpp"
#include "nlp/entity_recognizer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_extractor.hpp"
#include "nlp/relation_util.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

#ifndef KGFORGE_SOURCE_DIR
#define KGFORGE_SOURCE_DIR "."
#endif

namespace kgforge {
namespace {

namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

bool looks_like_models_dir(const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_directory(dir / "gazetteer", ec);
}

fs::path find_models_dir(const ExtractorOptions& options) {
    if (!options.models_dir.empty()) {
        if (!fs::is_directory(options.models_dir))
            throw Error(ErrorKind::Model, "models folder not found", options.models_dir.string());
        return options.models_dir;
    }
    std::vector<fs::path> tried;
    if (const char* env = std::getenv("KGFORGE_MODELS"); env && *env) {
        tried.emplace_back(env);
        if (looks_like_models_dir(tried.back())) return tried.back();
    }
    if (const auto exe = executable_dir(); !exe.empty()) {
        tried.push_back(exe / ".." / "share" / "kgforge" / "models");
        if (looks_like_models_dir(tried.back())) return tried.back();
    }
    tried.push_back(fs::path(KGFORGE_SOURCE_DIR) / "models");
    if (looks_like_models_dir(tried.back())) return tried.back();
    std::string where;
    for (const auto& t : tried) where += (where.empty() ? "" : ", ") + t.string();
    throw Error(ErrorKind::Model,
                "no models folder found (set KGFORGE_MODELS or --models); tried: " + where);
}

// The relation lexicon lives in schema/ next to models/ (source tree and install tree).
fs::path find_lexicon(const fs::path& models_dir) {
    const fs::path candidates[] = {
        models_dir / "relation_lexicon.tsv",
        models_dir / ".." / "schema" / "relation_lexicon.tsv",
        fs::path(KGFORGE_SOURCE_DIR) / "schema" / "relation_lexicon.tsv",
    };
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, ec)) return c;
    throw Error(ErrorKind::Model, "relation lexicon (schema/relation_lexicon.tsv) not found",
                (models_dir / ".." / "schema" / "relation_lexicon.tsv").string());
}

class DefaultExtractor final : public Extractor {
  public:
    explicit DefaultExtractor(const ExtractorOptions& options) : explain_(options.explain) {
        const fs::path dir = find_models_dir(options);
        auto load_tagger = [dir] {
            return std::make_unique<nlp::PosTagger>(nlp::PosTagger::load(dir / "pos-tagger.bin"));
        };
        // The two big loads are independent: with more than one thread the tagger loads on
        // another thread while this one loads the recognizer (start-up is the serial part of
        // a run).
        if (resolve_thread_count(options.threads) > 1) {
            auto tagger = std::async(std::launch::async, load_tagger);
            recognizer_ = std::make_unique<nlp::EntityRecognizer>(nlp::EntityRecognizer::load(dir));
            tagger_ = tagger.get();
        } else {
            tagger_ = load_tagger();
            recognizer_ = std::make_unique<nlp::EntityRecognizer>(nlp::EntityRecognizer::load(dir));
        }
        lexicon_ = std::make_shared<const nlp::Lexicon>(nlp::Lexicon::load(find_lexicon(dir)));
        coreference_ = std::make_unique<nlp::Coreference>(&recognizer_->gazetteer());
        relations_ = std::make_unique<nlp::RelationExtractor>(lexicon_, &recognizer_->gazetteer());
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
            nlp::tokenize(docs[i]);
            nlp::split_sentences(docs[i]);
        }
        for (auto& doc : docs) tagger_->tag(doc);
        for (auto& doc : docs) recognizer_->recognize(doc);
        for (auto& doc : docs) coreference_->resolve(doc);
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
        (void)explain_;
        return out;
    }

    bool explain_ = false;
    std::unique_ptr<nlp::PosTagger> tagger_;
    std::unique_ptr<nlp::EntityRecognizer> recognizer_;
    std::shared_ptr<const nlp::Lexicon> lexicon_;
    std::unique_ptr<nlp::Coreference> coreference_;
    std::unique_ptr<nlp::RelationExtractor> relations_;
};

}  // namespace

std::unique_ptr<Extractor> make_default_extractor(const ExtractorOptions& options) {
    return std::make_unique<DefaultExtractor>(options);
}

}  // namespace kgforge
