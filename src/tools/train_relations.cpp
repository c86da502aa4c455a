// kgforge-train-relations: trains the relation model (models/relations.bin) on annotated
// articles. Every article is analysed exactly as `kgforge build` analyses it (models/), its
// candidate pairs are labelled from the gold relations whose evidence lies in the pair's
// sentence (entities matched to the gold as the scorer matches them), and a logistic
// regression is fitted. With --folds K it also writes K fold models, each trained without
// one fold of articles (article i of the sorted list is in fold i mod K), for
// cross-validation by scripts/cross-validate.
//
// --extra ANNOTATIONS TEXTS adds articles that every model is trained on and no fold holds
// out (annotated text kept apart from the cross-validated set).
//
//   kgforge-train-relations --models models --data ANNOTATIONS TEXTS [--data ...]
//       [--extra ANNOTATIONS TEXTS ...]
//       --out models/relations.bin [--folds 5 --fold-dir DIR] [--epochs N] [--l2 X]
//       [--learning-rate X] [--threshold T] [--min-count N] [--positive-weight W]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "kgforge/error.hpp"
#include "kgforge/input.hpp"
#include "nlp/analyzer.hpp"
#include "nlp/relations/gold_annotation.hpp"
#include "nlp/relations/relation_classes.hpp"
#include "nlp/relations/relation_classifier.hpp"

namespace fs = std::filesystem;
using namespace kgforge::nlp;
using namespace kgforge::nlp::relations;

namespace {

struct Article {
    std::string id;  // file stem
    fs::path annotation;
    fs::path text;
    std::vector<RelationExample> examples;
    int fold = -1;  // -1: always trained on, never held out (--extra)
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw kgforge::Error(kgforge::ErrorKind::Io, "cannot open", p.string());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Stats {
    std::size_t gold_relations = 0, reachable = 0, positives = 0, candidates = 0, skipped = 0;
    std::size_t gold_entities = 0, aligned_entities = 0, unlocated = 0;
    std::map<int, std::size_t> per_class;
    std::ofstream* report = nullptr;
};

// Labels the candidates of one analysed article.
std::vector<RelationExample> label(const AnnotatedDocument& doc, const GoldDocument& gold,
                                   const std::vector<ScoredCandidate>& candidates, Stats& stats) {
    const auto align = align_entities(doc, gold);
    std::set<int> aligned(align.begin(), align.end());
    aligned.erase(-1);
    stats.gold_entities += gold.entities.size();
    stats.aligned_entities += aligned.size();
    stats.gold_relations += gold.relations.size();
    stats.unlocated += gold.unlocated_evidence;
    std::set<std::size_t> reached;
    struct Labelled {
        std::vector<int> classes;
        std::uint32_t gap;
        std::tuple<std::uint32_t, int, int> group;
        bool skip = false;
    };
    std::vector<Labelled> labelled(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i].candidate;
        const Mention& a = doc.mentions[c.first];
        const Mention& b = doc.mentions[c.second];
        const int ga = align[static_cast<std::size_t>(a.entity)];
        const int gb = align[static_cast<std::size_t>(b.entity)];
        Labelled& l = labelled[i];
        l.gap = b.first_token - a.end_token;
        l.group = {c.sentence, std::min(ga, gb), std::max(ga, gb)};
        if (ga < 0 || gb < 0 || ga == gb) continue;
        const Sentence& s = doc.sentences[c.sentence];
        bool elsewhere = false;
        for (std::size_t r = 0; r < gold.relations.size(); ++r) {
            const GoldRelation& g = gold.relations[r];
            const bool forward = g.subject == static_cast<std::size_t>(ga) &&
                                 g.object == static_cast<std::size_t>(gb);
            const bool backward = g.subject == static_cast<std::size_t>(gb) &&
                                  g.object == static_cast<std::size_t>(ga);
            if (!forward && !backward) continue;
            bool here = g.evidence.empty();
            for (const auto& [eb, ee] : g.evidence) here = here || (eb < s.end && ee > s.begin);
            if (!here) {
                elsewhere = true;
                continue;
            }
            const int cls = relation_class_index(g.type, backward);
            if (std::find(l.classes.begin(), l.classes.end(), cls) == l.classes.end())
                l.classes.push_back(cls);
            reached.insert(r);
        }
        if (l.classes.empty() && elsewhere) l.skip = true;  // stated in another sentence
    }
    // one positive per (sentence, entity pair): the closest mentions; the others are skipped
    std::map<std::tuple<std::uint32_t, int, int>, std::size_t> closest;
    for (std::size_t i = 0; i < labelled.size(); ++i) {
        if (labelled[i].classes.empty()) continue;
        auto [it, inserted] = closest.emplace(labelled[i].group, i);
        if (!inserted && labelled[i].gap < labelled[it->second].gap) it->second = i;
    }
    std::vector<RelationExample> out;
    for (std::size_t i = 0; i < labelled.size(); ++i) {
        ++stats.candidates;
        const auto& l = labelled[i];
        if (l.skip || (!l.classes.empty() && closest[l.group] != i)) {
            ++stats.skipped;
            continue;
        }
        RelationExample e;
        e.keys = candidates[i].features;
        e.labels = l.classes.empty() ? std::vector<int>{kNoRelation} : l.classes;
        if (!l.classes.empty()) ++stats.positives;
        for (const int c : e.labels) ++stats.per_class[c];
        out.push_back(std::move(e));
    }
    stats.reachable += reached.size();
    if (stats.report) {
        for (std::size_t r = 0; r < gold.relations.size(); ++r) {
            if (reached.count(r)) continue;
            const GoldRelation& g = gold.relations[r];
            const bool has_s = aligned.count(static_cast<int>(g.subject)) != 0;
            const bool has_o = aligned.count(static_cast<int>(g.object)) != 0;
            const char* why = !has_s && !has_o ? "both entities missing"
                              : !has_s         ? "subject missing"
                              : !has_o         ? "object missing"
                                               : "no candidate in the evidence sentence";
            std::string evidence;
            for (const auto& [b, e] : g.evidence)
                evidence += (evidence.empty() ? "" : " ... ") +
                            doc.text.substr(b, std::min<std::size_t>(e - b, 160));
            for (auto& ch : evidence)
                if (ch == '\n') ch = ' ';
            *stats.report << gold.doc << '\t' << why << '\t' << gold.entities[g.subject].name
                          << '\t' << relation_type_name(g.type) << '\t'
                          << gold.entities[g.object].name << '\t' << evidence << '\n';
        }
    }
    return out;
}

void usage() {
    std::fputs(
        "usage: kgforge-train-relations --models DIR --data ANNOTATIONS TEXTS [--data ...] "
        "[--extra ANNOTATIONS TEXTS]\n"
        "           --out FILE [--folds K --fold-dir DIR] [--epochs N] [--l2 X]\n"
        "           [--learning-rate X] [--threshold T] [--min-count N] [--positive-weight W]\n"
        "           [--override-rules RULE,...|'*'|'']\n"
        "defaults (the shipped model's): --epochs 30 --learning-rate 0.2 --l2 1e-3\n"
        "           --threshold 0.5 --min-count 2 --positive-weight 1 --override-rules '*'\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path models, out, fold_dir, report_path, dump_path;
    std::vector<std::pair<fs::path, fs::path>> data, extra;
    int folds = 0;
    RelationTrainOptions options;
    bool override_rules_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--models")
            models = value();
        else if (arg == "--out")
            out = value();
        else if (arg == "--data") {
            fs::path annotations = value();
            data.emplace_back(annotations, value());
        } else if (arg == "--extra") {
            fs::path annotations = value();
            extra.emplace_back(annotations, value());
        } else if (arg == "--folds")
            folds = std::stoi(value());
        else if (arg == "--fold-dir")
            fold_dir = value();
        else if (arg == "--report")
            report_path = value();
        else if (arg == "--dump")
            dump_path = value();
        else if (arg == "--epochs")
            options.epochs = std::stoi(value());
        else if (arg == "--l2")
            options.l2 = std::stod(value());
        else if (arg == "--learning-rate")
            options.learning_rate = std::stod(value());
        else if (arg == "--threshold")
            options.threshold = std::stof(value());
        else if (arg == "--min-count")
            options.min_feature_count = std::stoi(value());
        else if (arg == "--positive-weight")
            options.positive_weight = std::stod(value());
        else if (arg == "--override-rules") {
            const std::string list = value();
            if (!override_rules_given) options.override_rules.clear();  // replaces the default
            override_rules_given = true;
            for (std::size_t from = 0; from <= list.size();) {
                const auto comma = std::min(list.find(',', from), list.size());
                if (comma > from) options.override_rules.push_back(list.substr(from, comma - from));
                from = comma + 1;
            }
        } else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else {
            usage();
            return 2;
        }
    }
    if (models.empty() || out.empty() || data.empty() || (folds > 0 && fold_dir.empty())) {
        usage();
        return 2;
    }
    try {
        std::vector<Article> articles;
        auto read_set = [&](const auto& sets) {
            std::vector<Article> found;
            for (const auto& [annotations, texts] : sets)
                for (const auto& e : fs::directory_iterator(annotations))
                    if (e.path().extension() == ".json")
                        found.push_back({e.path().stem().string(), e.path(), texts, {}});
            std::sort(found.begin(), found.end(),
                      [](const Article& a, const Article& b) { return a.id < b.id; });
            return found;
        };
        // folds by article over --data only; --extra articles are in every fold's training
        articles = read_set(data);
        for (std::size_t a = 0; a < articles.size(); ++a)
            articles[a].fold =
                folds > 0 ? static_cast<int>(a % static_cast<std::size_t>(folds)) : 0;
        for (auto& article : read_set(extra)) articles.push_back(std::move(article));

        const Analyzer analyzer(models, 2);
        const RelationClassifier classifier(analyzer.lexicon(), &analyzer.lemmatizer(),
                                            &analyzer.gazetteer(), nullptr);
        Stats stats;
        std::ofstream dump;
        if (!dump_path.empty()) dump.open(dump_path);
        std::ofstream report;
        if (!report_path.empty()) {
            report.open(report_path);
            stats.report = &report;
        }
        for (Article& article : articles) {
            // the text file the annotation names, in the texts folder
            article.text = article.text / annotated_article(article.annotation);
            kgforge::Document document = kgforge::parse_text_article(
                read_file(article.text), article.id, article.text.string());
            AnnotatedDocument doc;
            doc.document = &document;
            doc.text = document.text;
            analyzer.analyze(std::span<AnnotatedDocument>(&doc, 1));
            const GoldDocument gold = read_gold_annotation(article.annotation, doc.text);
            if (std::getenv("KGFORGE_DEBUG_ENTITIES"))
                for (const auto& e : doc.entities)
                    fmt::print(stderr, "{}\t{}\t{}\n", article.id, e.name, e.aliases.size());
            const auto candidates = classifier.featurize(doc, !dump_path.empty());
            article.examples = label(doc, gold, candidates, stats);
            if (!dump_path.empty()) {
                // every example with its labels and feature names, for analysis
                std::map<std::uint64_t, const std::string*> names;
                for (const auto& c : candidates)
                    for (std::size_t f = 0; f < c.features.size(); ++f)
                        names[c.features[f]] = &c.feature_names[f];
                for (const auto& e : article.examples) {
                    dump << article.id;
                    for (std::size_t l = 0; l < e.labels.size(); ++l)
                        dump << (l ? ',' : '\t') << e.labels[l];
                    for (const auto k : e.keys) dump << '\t' << *names[k];
                    dump << '\n';
                }
            }
        }
        fmt::print("{} articles: {} candidates, {} examples ({} positive, {} skipped)\n",
                   articles.size(), stats.candidates, stats.candidates - stats.skipped,
                   stats.positives, stats.skipped);
        fmt::print("gold entities matched by an extracted entity: {}/{} ({:.1f}%)\n",
                   stats.aligned_entities, stats.gold_entities,
                   100.0 * static_cast<double>(stats.aligned_entities) /
                       static_cast<double>(std::max<std::size_t>(stats.gold_entities, 1)));
        fmt::print(
            "gold relations reachable (both entities found, one candidate in the evidence "
            "sentence): {}/{} ({:.1f}%); evidence pieces not found in the text: {}\n",
            stats.reachable, stats.gold_relations,
            100.0 * static_cast<double>(stats.reachable) /
                static_cast<double>(std::max<std::size_t>(stats.gold_relations, 1)),
            stats.unlocated);
        const int classes = relation_class_count();
        auto describe = [&](std::size_t n) {
            return fmt::format(
                "model=multinomial logistic regression (AdaGrad, L2)\nexamples={}\nepochs={}\n"
                "learning_rate={}\nl2={}\nmin_feature_count={}\npositive_weight={}\nthreshold={}\n",
                n, options.epochs, options.learning_rate, options.l2, options.min_feature_count,
                options.positive_weight, options.threshold);
        };
        auto train_on = [&](auto&& keep) {
            std::vector<RelationExample> examples;
            for (std::size_t a = 0; a < articles.size(); ++a)
                if (keep(a))
                    examples.insert(examples.end(), articles[a].examples.begin(),
                                    articles[a].examples.end());
            auto opts = options;
            opts.description = describe(examples.size());
            return train_relation_model(examples, classes, opts);
        };
        std::size_t cv_tp = 0, cv_fp = 0, cv_fn = 0;
        for (int k = 0; k < folds; ++k) {
            const fs::path dir = fold_dir / ("fold-" + std::to_string(k));
            fs::create_directories(dir);
            const auto model = train_on([&](std::size_t a) { return articles[a].fold != k; });
            // candidate-level check on the held-out fold (the CLI run is the real measure)
            std::vector<float> p(static_cast<std::size_t>(classes));
            for (std::size_t a = 0; a < articles.size(); ++a) {
                if (articles[a].fold != k) continue;
                for (const auto& e : articles[a].examples) {
                    model.probabilities(e.keys, p.data());
                    for (int c = 1; c < classes; ++c) {
                        const bool gold =
                            std::find(e.labels.begin(), e.labels.end(), c) != e.labels.end();
                        const bool predicted = p[static_cast<std::size_t>(c)] >= model.threshold();
                        cv_tp += gold && predicted;
                        cv_fp += !gold && predicted;
                        cv_fn += gold && !predicted;
                    }
                }
            }
            model.save(dir / "relations.bin");
            std::ofstream list(dir / "held-out.tsv");
            for (std::size_t a = 0; a < articles.size(); ++a)
                if (articles[a].fold == k)
                    list << articles[a].id << '\t' << articles[a].annotation.string() << '\t'
                         << articles[a].text.string() << '\n';
            fmt::print("fold {}: {} features\n", k, model.feature_count());
        }
        if (folds > 0)
            fmt::print("held-out candidates: P {:.3f} R {:.3f} ({} right, {} wrong, {} missed)\n",
                       static_cast<double>(cv_tp) /
                           static_cast<double>(std::max<std::size_t>(cv_tp + cv_fp, 1)),
                       static_cast<double>(cv_tp) /
                           static_cast<double>(std::max<std::size_t>(cv_tp + cv_fn, 1)),
                       cv_tp, cv_fp, cv_fn);
        const auto model = train_on([](std::size_t) { return true; });
        model.save(out);
        fmt::print("wrote {} ({} features)\n", out.string(), model.feature_count());
    } catch (const kgforge::Error& e) {
        fmt::print(stderr, "error: {}: {} {}\n", e.file(), e.message(), e.field());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    return 0;
}
