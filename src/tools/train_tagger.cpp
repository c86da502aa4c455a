// kgforge-train-tagger: trains the averaged-perceptron POS tagger (models/pos-tagger.bin)
// on CoNLL-U files using the XPOS column (Penn Treebank tags).
//
//   kgforge-train-tagger --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//       --test en_ewt-ud-test.conllu --out models/pos-tagger.bin [--epochs 12]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "kgforge/error.hpp"
#include "nlp/pos_tagger.hpp"
#include "nlp/sentence_splitter.hpp"
#include "nlp/tokenizer.hpp"

using kgforge::nlp::PosTagger;
using kgforge::nlp::TaggedSentence;

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            cols.push_back(line.substr(start));
            return cols;
        }
        cols.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

std::vector<TaggedSentence> read_conllu(const std::string& path, std::size_t& unknown_tags) {
    std::ifstream in(path);
    if (!in) throw kgforge::Error(kgforge::ErrorKind::Io, "cannot open", path);
    std::vector<TaggedSentence> out;
    TaggedSentence cur;
    std::string line;
    bool space_after = true;
    auto flush = [&] {
        if (!cur.tokens.empty()) out.push_back(std::move(cur));
        cur = TaggedSentence{};
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            flush();
            space_after = true;
            continue;
        }
        if (line[0] == '#') continue;
        const auto cols = split_tabs(line);
        if (cols.size() < 5) continue;
        if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // MWT, empty
        const std::string_view form = cols[1];
        const auto tag = kgforge::nlp::ptb_tag_id(cols[4]);
        if (!tag) ++unknown_tags;
        // Rebuild the original spacing (MISC SpaceAfter=No) so Token::space_before is as
        // the tokenizer would set it.
        kgforge::nlp::Token t;
        t.space_before = !cur.text.empty() && space_after;
        if (t.space_before) cur.text.push_back(' ');
        t.begin = static_cast<std::uint32_t>(cur.text.size());
        cur.text.append(form);
        t.end = static_cast<std::uint32_t>(cur.text.size());
        space_after = cols.size() < 10 || cols[9].find("SpaceAfter=No") == std::string_view::npos;
        cur.tokens.push_back(t);
        cur.gold.push_back(tag.value_or(kgforge::nlp::ptb::XX));
    }
    flush();
    return out;
}

// The most frequent (gold -> predicted) confusions on `gold`.
void print_confusions(const PosTagger& tagger, const std::vector<TaggedSentence>& gold,
                      std::size_t top) {
    std::map<std::pair<std::uint16_t, std::uint16_t>, std::size_t> confusions;
    std::map<std::string, std::size_t> words;
    for (const auto& s : gold) {
        std::vector<kgforge::nlp::Token> tokens = s.tokens;
        for (auto& t : tokens) t.text = std::string_view(s.text).substr(t.begin, t.end - t.begin);
        tagger.tag(std::span<kgforge::nlp::Token>(tokens));
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].pos == s.gold[i]) continue;
            ++confusions[{s.gold[i], tokens[i].pos}];
            ++words[fmt::format("{}/{}->{}", tokens[i].text, tagger.tag_name(s.gold[i]),
                                tagger.tag_name(tokens[i].pos))];
        }
    }
    auto print_top = [&](const auto& m, auto&& fmt_key) {
        std::vector<std::pair<std::size_t, std::string>> v;
        for (const auto& [k, n] : m) v.emplace_back(n, fmt_key(k));
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (std::size_t i = 0; i < v.size() && i < top; ++i)
            fmt::print("  {:5d}  {}\n", v[i].first, v[i].second);
    };
    fmt::print("top confusions (gold -> predicted):\n");
    print_top(confusions, [&](const auto& k) {
        return fmt::format("{} -> {}", tagger.tag_name(k.first), tagger.tag_name(k.second));
    });
    fmt::print("top error words:\n");
    print_top(words, [](const std::string& k) { return k; });
}

std::size_t token_count(const std::vector<TaggedSentence>& v) {
    std::size_t n = 0;
    for (const auto& s : v) n += s.tokens.size();
    return n;
}

// Throughput of tokenizer + sentence splitter + tagger over the .txt files of `dir`,
// processed document by document and repeated until about `megabytes` of text.
// Thread CPU time, so that other processes on a shared machine do not count.
struct cpu_clock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<cpu_clock>;
    static constexpr bool is_steady = true;
    static time_point now() noexcept {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return time_point(duration(std::int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec));
    }
};

int bench(const std::string& model_path, const std::string& dir, double megabytes) {
    using clock = cpu_clock;
    const auto l0 = clock::now();
    const PosTagger tagger = PosTagger::load(model_path);
    const double load_ms = std::chrono::duration<double, std::milli>(clock::now() - l0).count();
    std::vector<std::string> texts;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (texts.empty()) {
        fmt::print(stderr, "no .txt files in {}\n", dir);
        return 1;
    }
    double t_tok = 0, t_split = 0, t_tag = 0;
    std::size_t bytes = 0, tokens = 0, sentences = 0, forced = 0;
    const auto target = static_cast<std::size_t>(megabytes * 1e6);
    kgforge::nlp::AnnotatedDocument doc;
    while (bytes < target) {
        for (const auto& text : texts) {
            doc.text = text;
            const auto a = clock::now();
            kgforge::nlp::tokenize(doc);
            const auto b = clock::now();
            forced += kgforge::nlp::split_sentences(doc);
            const auto c = clock::now();
            tagger.tag(doc);
            const auto d = clock::now();
            t_tok += std::chrono::duration<double>(b - a).count();
            t_split += std::chrono::duration<double>(c - b).count();
            t_tag += std::chrono::duration<double>(d - c).count();
            bytes += text.size();
            tokens += doc.tokens.size();
            sentences += doc.sentences.size();
        }
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    fmt::print("model load: {:.1f} ms ({} features, {} weights)\n", load_ms, tagger.feature_count(),
               tagger.weight_count());
    fmt::print("{} files, {:.1f} MB, {} tokens, {} sentences ({} forced splits)\n", texts.size(),
               mb, tokens, sentences, forced);
    fmt::print(
        "tokenizer: {:.1f} MB/s   splitter: {:.1f} MB/s   tagger: {:.1f} MB/s "
        "({:.2f} M tokens/s)\n",
        mb / t_tok, mb / t_split, mb / t_tag, static_cast<double>(tokens) / t_tag / 1e6);
    fmt::print("all three: {:.1f} MB/s per core (thread CPU time)\n",
               mb / (t_tok + t_split + t_tag));
    return 0;
}

void usage() {
    std::fputs(
        "usage: kgforge-train-tagger --train FILE --dev FILE [--test FILE] --out MODEL\n"
        "                            [--epochs N] [--seed N] [--prune X] [--stack]\n"
        "                            [--folds N] [--confusions N] [--no-refit]\n"
        "       kgforge-train-tagger --model MODEL --bench DIR [--megabytes N]\n"
        "       kgforge-train-tagger --model MODEL --test FILE   (accuracy of a saved model)\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    std::string train_path, dev_path, test_path, out_path;
    kgforge::nlp::TaggerTrainOptions options;
    std::size_t confusions = 0;
    bool refit = true;
    std::string model_path, bench_dir;
    double megabytes = 20;
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
        else if (arg == "--epochs")
            options.epochs = std::stoi(value());
        else if (arg == "--seed")
            options.seed = std::stoull(value());
        else if (arg == "--prune")
            options.prune_threshold = std::stof(value());
        else if (arg == "--confusions")
            confusions = std::stoul(value());
        else if (arg == "--stack")
            options.stacked = true;
        else if (arg == "--no-refit")
            refit = false;
        else if (arg == "--model")
            model_path = value();
        else if (arg == "--bench")
            bench_dir = value();
        else if (arg == "--megabytes")
            megabytes = std::stod(value());
        else if (arg == "--folds")
            options.folds = std::stoi(value());
        else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else {
            usage();
            return 2;
        }
    }
    if (!bench_dir.empty() && !model_path.empty()) {
        try {
            return bench(model_path, bench_dir, megabytes);
        } catch (const std::exception& e) {
            fmt::print(stderr, "error: {}\n", e.what());
            return 1;
        }
    }
    if (!model_path.empty() && !test_path.empty() && train_path.empty()) {
        try {
            const PosTagger tagger = PosTagger::load(model_path);
            std::size_t unknown = 0;
            const auto test = read_conllu(test_path, unknown);
            fmt::print("test accuracy ({}, {} tokens): {:.4f}\n",
                       std::string_view(test_path).substr(test_path.find_last_of('/') + 1),
                       token_count(test), kgforge::nlp::evaluate(tagger, test));
            return 0;
        } catch (const std::exception& e) {
            fmt::print(stderr, "error: {}\n", e.what());
            return 1;
        }
    }
    if (train_path.empty() || dev_path.empty() || out_path.empty() || options.epochs < 1) {
        usage();
        return 2;
    }
    try {
        std::size_t unknown = 0;
        const auto train = read_conllu(train_path, unknown);
        const auto dev = read_conllu(dev_path, unknown);
        std::vector<TaggedSentence> test;
        if (!test_path.empty()) test = read_conllu(test_path, unknown);
        fmt::print("train: {} sentences, {} tokens; dev: {} tokens; test: {} tokens\n",
                   train.size(), token_count(train), token_count(dev), token_count(test));
        if (unknown > 0)
            fmt::print("warning: {} tokens with unknown XPOS (mapped to XX)\n", unknown);

        auto base = [](const std::string& path) {
            return std::string_view(path).substr(path.find_last_of('/') + 1);
        };
        options.description = fmt::format(
            "tagger=averaged perceptron, greedy left-to-right{}\n"
            "tagset=Penn Treebank (UD XPOS)\n"
            "data=UD English EWT v2.16 (CC BY-SA 4.0)\n"
            "train={} ({} tokens)\ndev={}\nmax_epochs={}\nfolds={}\nseed={}\nprune={}\n"
            "tagdict_min_count={}\ntagdict_min_ratio={}\nlexicon_min_count={}\n"
            "lexicon_min_percent={}\n",
            options.stacked ? " + stacked second pass" : "", base(train_path), token_count(train),
            base(dev_path), options.epochs, options.folds, options.seed, options.prune_threshold,
            options.tagdict_min_count, options.tagdict_min_ratio, options.lexicon_min_count,
            options.lexicon_min_percent);
        const auto t0 = std::chrono::steady_clock::now();
        auto result = kgforge::nlp::train_pos_tagger(
            train, dev, options, [](const kgforge::nlp::TrainProgress& p) {
                if (p.dev_accuracy >= 0)
                    fmt::print("{} epoch {:2d}: train {:.4f}  dev {:.4f}  ({:.1f}s)\n", p.phase,
                               p.epoch, p.train_accuracy, p.dev_accuracy, p.seconds);
                else
                    fmt::print("{} epoch {:2d}: train {:.4f}  ({:.1f}s)\n", p.phase, p.epoch,
                               p.train_accuracy, p.seconds);
                std::fflush(stdout);
            });
        const double train_secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        PosTagger& best = result.tagger;
        fmt::print("stage 1: best epoch {} (dev {:.4f})\n", result.stage1_epochs,
                   result.stage1_dev_accuracy);
        if (result.stage2_epochs > 0)
            fmt::print("stage 2: best epoch {} (dev {:.4f})\n", result.stage2_epochs,
                       result.dev_accuracy);
        fmt::print("dev accuracy: {:.4f}  ({} features, {} weights, trained in {:.0f}s)\n",
                   result.dev_accuracy, best.feature_count(), best.weight_count(), train_secs);
        if (confusions > 0) print_confusions(best, dev, confusions);
        if (!test.empty())
            fmt::print("test accuracy (trained on train): {:.4f}\n",
                       kgforge::nlp::evaluate(best, test));
        if (refit) {
            // The final model: the same settings and number of epochs, on train + dev.
            std::vector<TaggedSentence> all = train;
            all.insert(all.end(), dev.begin(), dev.end());
            kgforge::nlp::TaggerTrainOptions final_options = options;
            final_options.epochs = result.stage1_epochs;
            if (options.stacked && result.stage2_epochs > 0) {
                final_options.epochs = std::max(result.stage1_epochs, result.stage2_epochs);
            } else {
                final_options.stacked = false;
            }
            final_options.description += fmt::format(
                "epochs={}\nfinal=retrained on train+dev ({} tokens)\ndev_accuracy={:.4f} "
                "(train-only model)\n",
                final_options.epochs, token_count(all), result.dev_accuracy);
            auto final_result = kgforge::nlp::train_pos_tagger(
                all, {}, final_options, [](const kgforge::nlp::TrainProgress& p) {
                    fmt::print("final {} epoch {:2d}: train {:.4f}  ({:.1f}s)\n", p.phase, p.epoch,
                               p.train_accuracy, p.seconds);
                    std::fflush(stdout);
                });
            result.tagger = std::move(final_result.tagger);
            if (!test.empty())
                fmt::print("test accuracy (final, trained on train+dev): {:.4f}\n",
                           kgforge::nlp::evaluate(best, test));
        }
        best.save(out_path);
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
