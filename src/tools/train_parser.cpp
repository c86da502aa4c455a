// kgforge-train-parser: trains the dependency parser (models/parser.bin) on UD English EWT
// with the project's own POS tags: the training and dev sentences are tagged by jackknifing
// (K taggers, each trained without the fold it tags), the test sentences by the shipped
// tagger, so the parser learns from tags as wrong as the ones it will see.
//
//   kgforge-train-parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//       --test en_ewt-ud-test.conllu --tagger models/pos-tagger.bin --out models/parser.bin
//   kgforge-train-parser --model models/parser.bin --tagger models/pos-tagger.bin --test FILE
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "kgforge/error.hpp"
#include "nlp/dependency_parser.hpp"
#include "nlp/pos_tagger.hpp"
#include "tools/conllu.hpp"

namespace {

using kgforge::nlp::DependencyParser;
using kgforge::nlp::ParsedSentence;
using kgforge::nlp::PosTagger;
using kgforge::nlp::TaggedSentence;
using kgforge::tools::ConlluSentence;

TaggedSentence as_tagged(const ConlluSentence& s) {
    TaggedSentence t;
    t.text = s.text;
    t.tokens = s.tokens;
    for (const auto& tok : s.tokens) t.gold.push_back(tok.pos);
    return t;
}

// The sentence with the tags `tagger` gives it.
ParsedSentence tagged_by(const PosTagger& tagger, const ConlluSentence& s) {
    ParsedSentence p;
    p.text = s.text;
    p.tokens = s.tokens;
    p.heads = s.heads;
    p.deprels = s.deprels;
    for (auto& t : p.tokens) t.text = std::string_view(p.text).substr(t.begin, t.end - t.begin);
    tagger.tag(std::span<kgforge::nlp::Token>(p.tokens));
    for (auto& t : p.tokens) t.text = {};
    return p;
}

// Jackknifed tags: fold k (sentences i with i % folds == k) is tagged by a tagger trained on
// the other folds. Folds run on `threads` threads; the result does not depend on them.
std::vector<ParsedSentence> jackknife(const std::vector<ConlluSentence>& data, int folds,
                                      int tagger_epochs, int threads, double& tag_accuracy) {
    std::vector<ParsedSentence> out(data.size());
    std::vector<double> correct(static_cast<std::size_t>(folds)), total(correct.size());
    auto run_fold = [&](int k) {
        std::vector<TaggedSentence> train;
        for (std::size_t i = 0; i < data.size(); ++i)
            if (static_cast<int>(i % static_cast<std::size_t>(folds)) != k)
                train.push_back(as_tagged(data[i]));
        kgforge::nlp::TaggerTrainOptions options;
        options.epochs = tagger_epochs;
        auto result = kgforge::nlp::train_pos_tagger(train, {}, options);
        for (std::size_t i = static_cast<std::size_t>(k); i < data.size();
             i += static_cast<std::size_t>(folds)) {
            out[i] = tagged_by(result.tagger, data[i]);
            for (std::size_t j = 0; j < data[i].tokens.size(); ++j) {
                correct[static_cast<std::size_t>(k)] +=
                    out[i].tokens[j].pos == data[i].tokens[j].pos;
                total[static_cast<std::size_t>(k)] += 1;
            }
        }
        fmt::print("  jackknife fold {}/{} tagged\n", k + 1, folds);
        std::fflush(stdout);
    };
    for (int first = 0; first < folds; first += threads) {
        std::vector<std::thread> pool;
        for (int k = first; k < std::min(folds, first + threads); ++k)
            pool.emplace_back(run_fold, k);
        for (auto& t : pool) t.join();
    }
    double c = 0, n = 0;
    for (std::size_t k = 0; k < correct.size(); ++k) {
        c += correct[k];
        n += total[k];
    }
    tag_accuracy = n > 0 ? c / n : 0;
    return out;
}

std::size_t token_count(const std::vector<ConlluSentence>& v) {
    std::size_t n = 0;
    for (const auto& s : v) n += s.tokens.size();
    return n;
}

void print_scores(std::string_view what, const kgforge::nlp::ParserScores& s) {
    fmt::print(
        "{}: UAS {:.4f}  LAS {:.4f}  LAS(universal labels) {:.4f}  UAS(no punct) {:.4f}  "
        "({} tokens)\n",
        what, s.uas, s.las, s.las_universal, s.uas_no_punct, s.tokens);
}

void usage() {
    std::fputs(
        "usage: kgforge-train-parser --train FILE --dev FILE --test FILE --tagger MODEL --out "
        "MODEL\n"
        "                            [--epochs N] [--folds K] [--tagger-epochs N] [--threads N]\n"
        "                            [--seed N] [--explore P] [--prune X] [--no-refit]\n"
        "       kgforge-train-parser --model MODEL --tagger MODEL --test FILE\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    std::string train_path, dev_path, test_path, out_path, tagger_path, model_path;
    kgforge::nlp::ParserTrainOptions options;
    int folds = 10, tagger_epochs = 9, threads = 2;
    bool refit = true;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--train")
            train_path = value();
        else if (arg == "--dev")
            dev_path = value();
        else if (arg == "--test")
            test_path = value();
        else if (arg == "--out")
            out_path = value();
        else if (arg == "--tagger")
            tagger_path = value();
        else if (arg == "--model")
            model_path = value();
        else if (arg == "--epochs")
            options.epochs = std::stoi(value());
        else if (arg == "--folds")
            folds = std::stoi(value());
        else if (arg == "--tagger-epochs")
            tagger_epochs = std::stoi(value());
        else if (arg == "--threads")
            threads = std::max(1, std::stoi(value()));
        else if (arg == "--seed")
            options.seed = std::stoull(value());
        else if (arg == "--explore")
            options.explore = std::stod(value());
        else if (arg == "--prune")
            options.prune_threshold = std::stof(value());
        else if (arg == "--no-refit")
            refit = false;
        else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else {
            usage();
            return 2;
        }
    }
    try {
        kgforge::tools::ConlluStats stats;
        if (!model_path.empty()) {
            if (tagger_path.empty() || test_path.empty()) {
                usage();
                return 2;
            }
            const auto tagger = PosTagger::load(tagger_path);
            const auto parser = DependencyParser::load(model_path);
            std::vector<ParsedSentence> test;
            for (const auto& s : kgforge::tools::read_conllu(test_path, stats))
                test.push_back(tagged_by(tagger, s));
            const auto t0 = std::chrono::steady_clock::now();
            const auto scores = kgforge::nlp::evaluate(parser, test);
            const double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            print_scores("test", scores);
            fmt::print("parsing speed: {:.0f} tokens/s ({} features)\n",
                       static_cast<double>(scores.tokens) / secs, parser.feature_count());
            return 0;
        }
        if (train_path.empty() || dev_path.empty() || test_path.empty() || tagger_path.empty() ||
            out_path.empty() || folds < 2) {
            usage();
            return 2;
        }
        const auto train = kgforge::tools::read_conllu(train_path, stats);
        const auto dev = kgforge::tools::read_conllu(dev_path, stats);
        const auto test_gold = kgforge::tools::read_conllu(test_path, stats);
        fmt::print("train {} sentences / {} tokens, dev {} tokens, test {} tokens\n", train.size(),
                   token_count(train), token_count(dev), token_count(test_gold));
        if (stats.unknown_deprels > 0 || stats.unknown_tags > 0)
            fmt::print("warning: {} unknown relations (as dep), {} unknown tags (as XX)\n",
                       stats.unknown_deprels, stats.unknown_tags);

        // Jackknife over train + dev together: both are then tagged as unseen text is.
        std::vector<ConlluSentence> all = train;
        all.insert(all.end(), dev.begin(), dev.end());
        const auto t0 = std::chrono::steady_clock::now();
        double jack_accuracy = 0;
        auto tagged_all = jackknife(all, folds, tagger_epochs, threads, jack_accuracy);
        fmt::print("jackknifed tags: accuracy {:.4f} ({} folds, {:.0f}s)\n", jack_accuracy, folds,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        const std::vector<ParsedSentence> train_tagged(
            tagged_all.begin(), tagged_all.begin() + static_cast<long>(train.size()));
        const std::vector<ParsedSentence> dev_tagged(
            tagged_all.begin() + static_cast<long>(train.size()), tagged_all.end());
        const auto tagger = PosTagger::load(tagger_path);
        std::vector<ParsedSentence> test;
        for (const auto& s : test_gold) test.push_back(tagged_by(tagger, s));

        auto base = [](const std::string& path) {
            return std::string_view(path).substr(path.find_last_of('/') + 1);
        };
        options.description = fmt::format(
            "parser=arc-eager (root last), greedy, dynamic oracle, averaged perceptron\n"
            "labels=UD relations with subtypes, chosen when the arc is made\n"
            "data=UD English EWT v2.16 (CC BY-SA 4.0)\ntrain={}\ndev={}\n"
            "tags=jackknifed, {} folds, tagger epochs {}\nmax_epochs={}\nexplore={}\nseed={}\n"
            "prune={}\n",
            base(train_path), base(dev_path), folds, tagger_epochs, options.epochs, options.explore,
            options.seed, options.prune_threshold);
        auto progress = [](const kgforge::nlp::ParserTrainProgress& p) {
            if (p.dev_uas >= 0)
                fmt::print("epoch {:2d}: train UAS {:.4f}  dev UAS {:.4f} LAS {:.4f}  ({:.1f}s)\n",
                           p.epoch, p.train_uas, p.dev_uas, p.dev_las, p.seconds);
            else
                fmt::print("epoch {:2d}: train UAS {:.4f}  ({:.1f}s)\n", p.epoch, p.train_uas,
                           p.seconds);
            std::fflush(stdout);
        };
        auto result =
            kgforge::nlp::train_dependency_parser(train_tagged, dev_tagged, options, progress);
        fmt::print("best epoch {} ({} features)\n", result.epochs, result.parser.feature_count());
        print_scores("dev (jackknifed tags)", result.dev);
        print_scores("test, trained on train", kgforge::nlp::evaluate(result.parser, test));
        if (refit) {
            std::vector<ParsedSentence> both = train_tagged;
            both.insert(both.end(), dev_tagged.begin(), dev_tagged.end());
            auto final_options = options;
            final_options.epochs = result.epochs;
            final_options.description += fmt::format(
                "epochs={}\nfinal=retrained on train+dev\ndev_las={:.4f} (train-only model)\n",
                result.epochs, result.dev.las);
            auto final_result =
                kgforge::nlp::train_dependency_parser(both, {}, final_options, progress);
            result.parser = std::move(final_result.parser);
            print_scores("test, final (trained on train+dev)",
                         kgforge::nlp::evaluate(result.parser, test));
        }
        result.parser.save(out_path);
        fmt::print("wrote {}\n", out_path);
    } catch (const kgforge::Error& e) {
        fmt::print(stderr, "error: {}: {}\n", e.file(), e.message());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    return 0;
}
