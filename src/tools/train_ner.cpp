// kgforge-train-ner: trains models/ner.bin on CoNLL-2003 (IOB1, columns token POS chunk NER;
// only the token and NER columns are used) and reports conlleval-style entity F1 on the
// validation file.
//
//   kgforge-train-ner --data ../shared/data --models models --out models/ner.bin
//                     [--iterations 10] [--min-count 2] [--prune 0.0] [--seed 1]
//   kgforge-train-ner --eval-only --models models   (evaluates models/ner.bin)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kgforge/error.hpp"
#include "nlp/gazetteer.hpp"
#include "nlp/ner_model.hpp"

namespace fs = std::filesystem;
using namespace kgforge;
using namespace kgforge::nlp;

namespace {

struct Corpus {
    std::vector<std::string> storage;  // one string per sentence holding its tokens
    std::vector<NerSentence> sentences;
    std::vector<std::vector<std::tuple<std::uint32_t, std::uint32_t, int>>> gold;  // spans
};

int class_index(const std::string& name) {
    for (int c = 0; c < kNerClassCount; ++c) {
        if (kNerClasses[c] == name) return c;
    }
    return -1;
}

// IOB1 tags -> spans (a chunk starts at B-X or at I-X not continuing an X chunk).
std::vector<std::tuple<std::uint32_t, std::uint32_t, int>> iob1_spans(
    const std::vector<std::string>& tags) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, int>> spans;
    int open = -1;
    std::uint32_t first = 0;
    for (std::uint32_t i = 0; i <= tags.size(); ++i) {
        int cls = -1;
        bool begin = false;
        if (i < tags.size() && tags[i] != "O" && tags[i].size() > 2) {
            cls = class_index(tags[i].substr(2));
            begin = tags[i][0] == 'B';
        }
        if (open >= 0 && (cls != open || begin)) {
            spans.emplace_back(first, i, open);
            open = -1;
        }
        if (cls >= 0 && open < 0) {
            open = cls;
            first = i;
        }
    }
    return spans;
}

Corpus read_conll(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw Error(ErrorKind::Io, "cannot open", file.string());
    Corpus corpus;
    std::vector<std::string> words, tags;
    bool doc_start = false;
    auto flush = [&] {
        if (words.empty()) return;
        std::string text;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> offsets;
        for (const auto& w : words) {
            if (!text.empty()) text.push_back(' ');
            offsets.emplace_back(static_cast<std::uint32_t>(text.size()),
                                 static_cast<std::uint32_t>(text.size() + w.size()));
            text += w;
        }
        corpus.storage.push_back(std::move(text));
        NerSentence sent;
        sent.document_start = doc_start;
        doc_start = false;
        auto spans = iob1_spans(tags);
        sent.labels.assign(words.size(), 0);
        for (auto [a, b, c] : spans) {
            if (b - a == 1) {
                sent.labels[a] = static_cast<std::uint8_t>(1 + 4 * c + 3);
            } else {
                sent.labels[a] = static_cast<std::uint8_t>(1 + 4 * c + 0);
                for (auto k = a + 1; k + 1 < b; ++k)
                    sent.labels[k] = static_cast<std::uint8_t>(1 + 4 * c + 1);
                sent.labels[b - 1] = static_cast<std::uint8_t>(1 + 4 * c + 2);
            }
        }
        corpus.gold.push_back(std::move(spans));
        corpus.sentences.push_back(std::move(sent));
        // tokens are filled after all strings are stored (views must stay valid)
        corpus.sentences.back().tokens.resize(offsets.size());
        for (std::size_t k = 0; k < offsets.size(); ++k) {
            corpus.sentences.back().tokens[k].begin = offsets[k].first;
            corpus.sentences.back().tokens[k].end = offsets[k].second;
            corpus.sentences.back().tokens[k].space_before = k > 0;
        }
        words.clear();
        tags.clear();
    };
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            flush();
            continue;
        }
        if (line.rfind("-DOCSTART-", 0) == 0) {
            flush();
            doc_start = true;
            continue;
        }
        auto first_space = line.find(' ');
        auto last_space = line.rfind(' ');
        if (first_space == std::string::npos) continue;
        words.push_back(line.substr(0, first_space));
        tags.push_back(line.substr(last_space + 1));
    }
    flush();
    for (std::size_t s = 0; s < corpus.sentences.size(); ++s) {
        std::string_view text = corpus.storage[s];
        for (auto& t : corpus.sentences[s].tokens) t.text = text.substr(t.begin, t.end - t.begin);
    }
    return corpus;
}

struct Counts {
    std::size_t tp = 0, pred = 0, gold = 0;
};

void print_prf(const std::string& name, const Counts& c) {
    double p = c.pred ? static_cast<double>(c.tp) / static_cast<double>(c.pred) : 0.0;
    double r = c.gold ? static_cast<double>(c.tp) / static_cast<double>(c.gold) : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    std::printf("%-6s P %.4f  R %.4f  F1 %.4f  (gold %zu, predicted %zu)\n", name.c_str(), p, r, f,
                c.gold, c.pred);
}

void evaluate(const NerModel& model, const Gazetteer& gazetteer, const Corpus& corpus) {
    std::vector<Counts> per(kNerClassCount);
    Counts all;
    std::size_t tokens = 0, bytes = 0;
    timespec cpu0{}, cpu1{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
    std::vector<std::vector<std::uint8_t>> predictions;
    predictions.reserve(corpus.sentences.size());
    for (const auto& sent : corpus.sentences) {
        predictions.push_back(model.predict(sent.tokens, gazetteer));
        tokens += sent.tokens.size();
    }
    for (const auto& text : corpus.storage) bytes += text.size() + 1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
    double seconds = static_cast<double>(cpu1.tv_sec - cpu0.tv_sec) +
                     static_cast<double>(cpu1.tv_nsec - cpu0.tv_nsec) * 1e-9;
    for (std::size_t s = 0; s < corpus.sentences.size(); ++s) {
        std::set<std::tuple<std::uint32_t, std::uint32_t, int>> gold(corpus.gold[s].begin(),
                                                                     corpus.gold[s].end());
        for (auto [a, b, c] : corpus.gold[s]) ++per[static_cast<std::size_t>(c)].gold;
        for (const auto& span : ner_labels_to_spans(predictions[s])) {
            ++per[static_cast<std::size_t>(span.cls)].pred;
            if (gold.count({span.first, span.end, span.cls}))
                ++per[static_cast<std::size_t>(span.cls)].tp;
        }
    }
    for (int c = 0; c < kNerClassCount; ++c) {
        const auto& k = per[static_cast<std::size_t>(c)];
        all.tp += k.tp;
        all.pred += k.pred;
        all.gold += k.gold;
        print_prf(std::string(kNerClasses[c]), k);
    }
    print_prf("all", all);
    std::printf(
        "tagging: %zu tokens, %.3f s CPU, %.0f tokens/s, %.2f MB/s (features + gazetteer + "
        "decoding, one thread)\n",
        tokens, seconds, static_cast<double>(tokens) / seconds,
        static_cast<double>(bytes) / seconds / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = "../shared/data";
    fs::path models = "models";
    fs::path out;
    bool eval_only = false;
    NerTrainingSettings settings;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "missing value for %s\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--data") {
            data = value();
        } else if (arg == "--models") {
            models = value();
        } else if (arg == "--out") {
            out = value();
        } else if (arg == "--iterations") {
            settings.iterations = static_cast<std::uint32_t>(std::stoul(value()));
        } else if (arg == "--min-count") {
            settings.min_feature_count = static_cast<std::uint32_t>(std::stoul(value()));
        } else if (arg == "--prune") {
            settings.prune_threshold = std::stof(value());
        } else if (arg == "--seed") {
            settings.seed = static_cast<std::uint32_t>(std::stoul(value()));
        } else if (arg == "--eval-only") {
            eval_only = true;
        } else if (arg == "-h" || arg == "--help") {
            std::printf(
                "usage: kgforge-train-ner [--data DIR] [--models DIR] [--out FILE] "
                "[--iterations N] [--min-count N] [--prune X] [--seed N] [--eval-only]\n");
            return 0;
        } else {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    if (out.empty()) out = models / "ner.bin";
    try {
        auto gazetteer = Gazetteer::load(models / "gazetteer");
        auto valid = read_conll(data / "conll2003" / "valid.txt");
        if (eval_only) {
            auto t0 = std::chrono::steady_clock::now();
            auto model = NerModel::load(out);
            double load_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::printf("model %s: %zu features, loaded in %.3f s\n", out.string().c_str(),
                        model.feature_count(), load_s);
            evaluate(model, gazetteer, valid);
            return 0;
        }
        auto train = read_conll(data / "conll2003" / "train.txt");
        std::printf("train: %zu sentences; valid: %zu sentences\n", train.sentences.size(),
                    valid.sentences.size());
        auto t0 = std::chrono::steady_clock::now();
        auto model =
            NerModel::train(train.sentences, gazetteer, settings, [](const std::string& line) {
                std::printf("%s\n", line.c_str());
                std::fflush(stdout);
            });
        std::printf("trained in %.1f s, %zu features kept\n",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                    model.feature_count());
        model.save(out);
        auto t1 = std::chrono::steady_clock::now();
        auto loaded = NerModel::load(out);
        std::printf("saved %s (%ju bytes), reloaded in %.3f s\n", out.string().c_str(),
                    static_cast<std::uintmax_t>(fs::file_size(out)),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
        std::printf("CoNLL-2003 valid (entity-level, exact span + type):\n");
        evaluate(loaded, gazetteer, valid);
    } catch (const Error& e) {
        std::fprintf(stderr, "kgforge-train-ner: %s: %s\n", e.file().c_str(), e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kgforge-train-ner: %s\n", e.what());
        return 1;
    }
    return 0;
}
