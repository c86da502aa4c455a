// kgforge-extract-debug: runs the default extractor on text files and prints what it found.
//
//   kgforge-extract-debug FILE...                 human-readable entities and relations
//   kgforge-extract-debug FILE --json [-o OUT]    node-link JSON (the shape score.py reads)
//   kgforge-extract-debug FILE --bench N          extraction throughput over N repetitions
//   kgforge-extract-debug FILE --profile N        time per stage over N repetitions
//   kgforge-extract-debug FILE --tokens           tokens, tags and resolved mentions
//   options: --models DIR
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_escape.hpp"
#include "kgforge/error.hpp"
#include "kgforge/extractor.hpp"
#include "kgforge/types.hpp"
#include "nlp/coreference.hpp"
#include "nlp/entity_recognizer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/relation_extractor.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw kgforge::Error(kgforge::ErrorKind::Io, "cannot read", path);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

std::string to_json(const kgforge::DocumentExtraction& x) {
    using kgforge::json_quote;
    std::string out = "{\"doc\": " + json_quote(x.document.id) + ",\n \"nodes\": [";
    for (std::size_t i = 0; i < x.entities.size(); ++i) {
        const auto& e = x.entities[i];
        out += i ? ",\n  " : "\n  ";
        out += "{\"id\": " + json_quote(e.key) + ", \"name\": " + json_quote(e.name) +
               ", \"type\": " + json_quote(kgforge::entity_type_name(e.type)) +
               ", \"subtype\": " + json_quote(e.subtype) +
               ", \"mentions\": " + std::to_string(e.mentions) + ", \"aliases\": [";
        for (std::size_t a = 0; a < e.aliases.size(); ++a)
            out += (a ? ", " : "") + json_quote(e.aliases[a]);
        out += "]";
        for (const auto& [k, v] : e.external_ids)
            out += ", " + json_quote(k) + ": " + json_quote(v);
        out += "}";
    }
    out += "],\n \"edges\": [";
    for (std::size_t i = 0; i < x.relations.size(); ++i) {
        const auto& r = x.relations[i];
        out += i ? ",\n  " : "\n  ";
        char conf[32];
        std::snprintf(conf, sizeof conf, "%.2f", r.confidence);
        out += "{\"source\": " + json_quote(r.subject) + ", \"target\": " + json_quote(r.object) +
               ", \"type\": " + json_quote(kgforge::relation_type_name(r.type)) +
               ", \"label\": " + json_quote(r.label) + ", \"confidence\": " + conf +
               ", \"amount\": " + json_quote(r.amount) + ", \"role\": " + json_quote(r.role) +
               ", \"negated\": " + (r.negated ? "true" : "false") +
               ", \"hypothetical\": " + (r.hypothetical ? "true" : "false") +
               ", \"start\": " + std::to_string(r.start) + ", \"end\": " + std::to_string(r.end) +
               ", \"rule\": " + json_quote(r.rule) + ", \"sentence\": " + json_quote(r.sentence) +
               "}";
    }
    out += "]}\n";
    return out;
}

void print_text(const kgforge::DocumentExtraction& x) {
    std::cout << "== " << x.document.id << "\n";
    for (const auto& e : x.entities) {
        std::cout << "  " << e.key << "  " << kgforge::entity_type_name(e.type) << "/" << e.subtype
                  << "  " << e.name << "  x" << e.mentions;
        if (!e.aliases.empty()) {
            std::cout << "  [";
            for (std::size_t a = 0; a < e.aliases.size(); ++a)
                std::cout << (a ? " | " : "") << e.aliases[a];
            std::cout << "]";
        }
        for (const auto& [k, v] : e.external_ids) std::cout << "  " << k << ":" << v;
        std::cout << "\n";
    }
    auto name = [&](const std::string& key) -> std::string {
        for (const auto& e : x.entities)
            if (e.key == key) return e.name;
        return key;
    };
    for (const auto& r : x.relations) {
        std::cout << "  " << name(r.subject) << " " << kgforge::relation_type_name(r.type) << " "
                  << name(r.object) << "   \"" << r.label << "\"  " << r.rule << " "
                  << r.confidence;
        if (!r.amount.empty()) std::cout << " amount=" << r.amount;
        if (!r.role.empty()) std::cout << " role=" << r.role;
        if (r.negated) std::cout << " NEG";
        if (r.hypothetical) std::cout << " HYP";
        std::cout << "\n";
    }
}

// Tokens, tags and mentions (after resolution), one sentence per line.
void print_tokens(const std::string& models, const std::string& text) {
    namespace nlp = kgforge::nlp;
    const char* env = std::getenv("KGFORGE_MODELS");
    const std::filesystem::path dir = !models.empty() ? std::filesystem::path(models)
                                      : env           ? std::filesystem::path(env)
                                                      : std::filesystem::path("models");
    nlp::PosTagger tagger;
    if (std::filesystem::exists(dir / "pos-tagger.bin"))
        tagger = nlp::PosTagger::load(dir / "pos-tagger.bin");
    const auto ner = nlp::EntityRecognizer::load(dir);
    nlp::AnnotatedDocument doc;
    doc.text = text;
    nlp::tokenize(doc);
    nlp::split_sentences(doc);
    tagger.tag(doc);
    ner.recognize(doc);
    nlp::Coreference(&ner.gazetteer()).resolve(doc);
    std::size_t mi = 0;
    for (const auto& s : doc.sentences) {
        for (auto t = s.first_token; t < s.end_token; ++t) {
            while (mi < doc.mentions.size() && doc.mentions[mi].end_token <= t) ++mi;
            if (mi < doc.mentions.size() && doc.mentions[mi].first_token == t) {
                const auto& m = doc.mentions[mi];
                std::cout << "[" << kgforge::entity_type_name(m.type).substr(0, 3) << ":"
                          << m.source << (m.subtype.empty() ? "" : "/" + m.subtype) << "#"
                          << m.entity << " ";
            }
            std::cout << doc.tokens[t].text << "/" << nlp::ptb_tag_name(doc.tokens[t].pos);
            if (mi < doc.mentions.size() && doc.mentions[mi].end_token == t + 1 &&
                doc.mentions[mi].first_token <= t)
                std::cout << "]";
            std::cout << " ";
        }
        std::cout << "\n";
    }
}

// Time per stage over `reps` runs of `text`.
void profile(const std::string& models, const std::string& text, int reps) {
    namespace nlp = kgforge::nlp;
    using clock = std::chrono::steady_clock;
    const char* env = std::getenv("KGFORGE_MODELS");
    const std::filesystem::path dir = !models.empty() ? std::filesystem::path(models)
                                      : env           ? std::filesystem::path(env)
                                                      : std::filesystem::path("models");
    const auto tagger = nlp::PosTagger::load(dir / "pos-tagger.bin");
    const auto ner = nlp::EntityRecognizer::load(dir);
    const auto lexicon = std::make_shared<const nlp::Lexicon>(
        nlp::Lexicon::load(dir / ".." / "schema" / "relation_lexicon.tsv"));
    const nlp::Coreference coref(&ner.gazetteer());
    const nlp::RelationExtractor rel(lexicon, &ner.gazetteer());
    double t[6] = {0, 0, 0, 0, 0, 0};
    for (int r = 0; r < reps; ++r) {
        nlp::AnnotatedDocument doc;
        doc.text = text;
        auto t0 = clock::now();
        nlp::tokenize(doc);
        auto t1 = clock::now();
        nlp::split_sentences(doc);
        auto t2 = clock::now();
        tagger.tag(doc);
        auto t3 = clock::now();
        ner.recognize(doc);
        auto t4 = clock::now();
        coref.resolve(doc);
        auto t5 = clock::now();
        const auto rels = rel.extract(doc);
        auto t6 = clock::now();
        const clock::time_point ts[] = {t0, t1, t2, t3, t4, t5, t6};
        for (int k = 0; k < 6; ++k)
            t[k] += std::chrono::duration<double>(ts[k + 1] - ts[k]).count();
    }
    const char* names[] = {"tokenize", "split", "tag", "ner", "coref", "relations"};
    const double mb = static_cast<double>(text.size()) * reps / 1e6;
    for (int k = 0; k < 6; ++k)
        std::cout << names[k] << ": " << t[k] << " s (" << mb / t[k] << " MB/s)\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    std::string output;
    bool json = false;
    int bench = 0;
    bool tokens = false;
    int profile_reps = 0;
    kgforge::ExtractorOptions options;
    options.explain = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json")
            json = true;
        else if (a == "-o" && i + 1 < argc)
            output = argv[++i];
        else if (a == "--models" && i + 1 < argc)
            options.models_dir = argv[++i];
        else if (a == "--bench" && i + 1 < argc)
            bench = std::stoi(argv[++i]);
        else if (a == "--tokens")
            tokens = true;
        else if (a == "--profile" && i + 1 < argc)
            profile_reps = std::stoi(argv[++i]);
        else if (a == "-h" || a == "--help") {
            std::cout << "usage: kgforge-extract-debug FILE... [--json] [-o OUT] [--models DIR] "
                         "[--bench N]\n";
            return 0;
        } else
            files.push_back(a);
    }
    if (files.empty()) {
        std::cerr << "kgforge-extract-debug: no input file\n";
        return 2;
    }
    try {
        std::unique_ptr<kgforge::Extractor> extractor;
        if (!tokens && profile_reps == 0) extractor = kgforge::make_default_extractor(options);
        std::string all;
        for (const auto& f : files) {
            kgforge::Document doc;
            doc.id = f;
            doc.source = f;
            doc.text = read_file(f);
            if (profile_reps > 0) {
                profile(options.models_dir.string(), doc.text, profile_reps);
                continue;
            }
            if (tokens) {
                print_tokens(options.models_dir.string(), doc.text);
                continue;
            }
            if (bench > 0) {
                const auto t0 = std::chrono::steady_clock::now();
                std::size_t rels = 0;
                for (int k = 0; k < bench; ++k) rels += extractor->extract(doc).relations.size();
                const double secs =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::cout << f << ": " << doc.text.size() * static_cast<std::size_t>(bench)
                          << " bytes in " << secs
                          << " s = " << static_cast<double>(doc.text.size()) * bench / secs / 1e6
                          << " MB/s (" << rels << " relations)\n";
                continue;
            }
            const auto x = extractor->extract(doc);
            if (json)
                all += to_json(x);
            else
                print_text(x);
        }
        if (json) {
            if (output.empty())
                std::cout << all;
            else {
                std::ofstream out(output, std::ios::binary);
                out << all;
                if (!out) throw kgforge::Error(kgforge::ErrorKind::Io, "cannot write", output);
            }
        }
    } catch (const kgforge::Error& e) {
        std::cerr << "kgforge-extract-debug: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
