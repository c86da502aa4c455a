// kgforge_bench_graphml: loads extraction shards through GraphBuilder, then times in the
// same process (a) kgforge's exporter (GraphML by default, any format with --format) writing
// a file and (b) Boost 1.74's boost::write_graphml on a boost::adjacency_list holding the
// same nodes, edges and attributes (dynamic_properties). Reports medians, MB/s and ratio.
//
//   kgforge_bench_graphml SHARDS... [--runs N] [--boost-runs N] [--format F] [--no-boost]
//                         [--out-dir DIR] [--json FILE]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

// Boost 1.74 headers trip a few of the project's warnings in their own code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wconversion"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#pragma GCC diagnostic pop

#include "kgforge/error.hpp"
#include "kgforge/export.hpp"
#include "kgforge/graph.hpp"
#include "kgforge/input.hpp"
#include "kgforge/pipeline.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// CPU time of the process: the exports are single-threaded, and on a shared, overloaded
// machine the wall clock mostly measures waiting for a core.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The attributes kgforge's GraphML exporter writes (exporters/graphml.cpp), plus the entity
// id as data (Boost names nodes n0, n1, ... and edges e0, e1, ...).
struct VertexProps {
    std::string id, label, name, type, subtype, aliases, wikidata, first_date, last_date;
    unsigned long mention_count = 0;
    unsigned int document_count = 0;
};
struct EdgeProps {
    std::string label, type, amount, role, first_date, last_date, sentence, document;
    double weight = 0, confidence = 0;
    bool negated = false, hypothetical = false, symmetric = false;
    unsigned int evidence_count = 0;
};
using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;

std::string join_aliases(const std::vector<std::string_view>& aliases) {
    std::string joined;
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        if (i) joined += '|';
        for (char c : aliases[i]) {
            if (c == '|' || c == '\\') joined += '\\';
            joined += c;
        }
    }
    return joined;
}

std::unique_ptr<BoostGraph> to_boost(const kgforge::KnowledgeGraph& kg) {
    const auto entities = kg.entities();
    const auto documents = kg.documents();
    auto g = std::make_unique<BoostGraph>(entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const auto& e = entities[i];
        auto& v = (*g)[i];
        v.id = e.id;
        v.label = e.name;
        v.name = e.name;
        v.type = std::string(kgforge::entity_type_name(e.type));
        v.subtype = e.subtype;
        v.aliases = join_aliases(e.aliases);
        for (const auto& [scheme, value] : e.external_ids)
            if (scheme == "wikidata") v.wikidata = value;
        v.mention_count = e.mention_count;
        v.document_count = e.document_count;
        v.first_date = e.first_date;
        v.last_date = e.last_date;
    }
    for (const auto& r : kg.relations()) {
        EdgeProps p;
        const auto type = kgforge::relation_type_name(r.type);
        const auto label = kg.text(r.label);
        p.label = std::string(label.empty() ? type : label);
        p.type = std::string(type);
        p.weight = r.weight();
        p.confidence = r.confidence;
        p.negated = r.negated;
        p.hypothetical = r.hypothetical;
        p.symmetric = kgforge::is_symmetric(r.type);
        p.amount = std::string(kg.text(r.amount));
        p.role = std::string(kg.text(r.role));
        p.evidence_count = r.evidence_count;
        const auto evidence = kg.evidence(r);
        for (const auto& ev : evidence) {
            const auto& date = documents[ev.document].date;
            if (date.empty()) continue;
            if (p.first_date.empty()) p.first_date = date;
            p.last_date = date;
        }
        if (!evidence.empty()) {
            p.sentence = std::string(kg.text(evidence.front().sentence));
            p.document = documents[evidence.front().document].id;
        }
        boost::add_edge(r.subject, r.object, std::move(p), *g);
    }
    return g;
}

boost::dynamic_properties boost_properties(BoostGraph& g) {
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("id", boost::get(&VertexProps::id, g));
    dp.property("label", boost::get(&VertexProps::label, g));
    dp.property("name", boost::get(&VertexProps::name, g));
    dp.property("type", boost::get(&VertexProps::type, g));
    dp.property("subtype", boost::get(&VertexProps::subtype, g));
    dp.property("aliases", boost::get(&VertexProps::aliases, g));
    dp.property("wikidata", boost::get(&VertexProps::wikidata, g));
    dp.property("mention_count", boost::get(&VertexProps::mention_count, g));
    dp.property("document_count", boost::get(&VertexProps::document_count, g));
    dp.property("first_date", boost::get(&VertexProps::first_date, g));
    dp.property("last_date", boost::get(&VertexProps::last_date, g));
    dp.property("label", boost::get(&EdgeProps::label, g));
    dp.property("type", boost::get(&EdgeProps::type, g));
    dp.property("weight", boost::get(&EdgeProps::weight, g));
    dp.property("confidence", boost::get(&EdgeProps::confidence, g));
    dp.property("negated", boost::get(&EdgeProps::negated, g));
    dp.property("hypothetical", boost::get(&EdgeProps::hypothetical, g));
    dp.property("symmetric", boost::get(&EdgeProps::symmetric, g));
    dp.property("amount", boost::get(&EdgeProps::amount, g));
    dp.property("role", boost::get(&EdgeProps::role, g));
    dp.property("evidence_count", boost::get(&EdgeProps::evidence_count, g));
    dp.property("first_date", boost::get(&EdgeProps::first_date, g));
    dp.property("last_date", boost::get(&EdgeProps::last_date, g));
    dp.property("sentence", boost::get(&EdgeProps::sentence, g));
    dp.property("document", boost::get(&EdgeProps::document, g));
    return dp;
}

struct Timing {
    std::vector<double> runs;      // wall clock
    std::vector<double> cpu_runs;  // CPU time
    std::uintmax_t bytes = 0;
    double median_s() const { return median(runs); }
    double cpu_median_s() const { return median(cpu_runs); }
    double mb_per_s() const { return static_cast<double>(bytes) / 1e6 / median_s(); }
    double cpu_mb_per_s() const { return static_cast<double>(bytes) / 1e6 / cpu_median_s(); }
};

struct Stopwatch {
    Clock::time_point wall = Clock::now();
    double cpu = cpu_seconds();
    void stop(Timing& t) const {
        t.runs.push_back(seconds_since(wall));
        t.cpu_runs.push_back(cpu_seconds() - cpu);
    }
};

void print_timing(const char* what, const Timing& t, std::size_t elements) {
    std::printf(
        "%-22s wall %8.3f s %7.1f MB/s | cpu %8.3f s %7.1f MB/s %9.0f elements/s (%zu runs, %.1f "
        "MB)\n",
        what, t.median_s(), t.mb_per_s(), t.cpu_median_s(), t.cpu_mb_per_s(),
        static_cast<double>(elements) / t.cpu_median_s(), t.runs.size(),
        static_cast<double>(t.bytes) / 1e6);
}

void json_timing(std::FILE* f, const char* key, const Timing& t, std::size_t elements) {
    std::fprintf(f, "\"%s\":{\"runs_s\":[", key);
    for (std::size_t i = 0; i < t.runs.size(); ++i)
        std::fprintf(f, "%s%.6f", i ? "," : "", t.runs[i]);
    std::fprintf(f, "],\"cpu_runs_s\":[");
    for (std::size_t i = 0; i < t.cpu_runs.size(); ++i)
        std::fprintf(f, "%s%.6f", i ? "," : "", t.cpu_runs[i]);
    std::fprintf(f,
                 "],\"median_s\":%.6f,\"cpu_median_s\":%.6f,\"bytes\":%ju,\"mb_per_s\":%.3f,"
                 "\"cpu_mb_per_s\":%.3f,\"elements\":%zu,\"elements_per_cpu_s\":%.1f}",
                 t.median_s(), t.cpu_median_s(), t.bytes, t.mb_per_s(), t.cpu_mb_per_s(), elements,
                 static_cast<double>(elements) / t.cpu_median_s());
}

[[noreturn]] void usage(int code) {
    std::fprintf(code ? stderr : stdout,
                 "usage: kgforge_bench_graphml SHARDS... [--runs N] [--boost-runs N] [--format F]\n"
                 "         [--no-boost] [--out-dir DIR] [--json FILE]\n");
    std::exit(code);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> inputs;
    int runs = 5, boost_runs = 3;
    bool with_boost = true;
    std::string format = "graphml", out_dir, json_path;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(2);
            return argv[++i];
        };
        if (a == "--runs")
            runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--boost-runs")
            boost_runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--format")
            format = value();
        else if (a == "--no-boost")
            with_boost = false;
        else if (a == "--out-dir")
            out_dir = value();
        else if (a == "--json")
            json_path = value();
        else if (a == "-h" || a == "--help")
            usage(0);
        else if (!a.empty() && a[0] == '-')
            usage(2);
        else
            inputs.push_back(a);
    }
    if (inputs.empty()) usage(2);
    if (format != "graphml") with_boost = false;
    if (out_dir.empty()) out_dir = fs::temp_directory_path().string();

    try {
        const auto& exporter = kgforge::find_exporter(format);
        auto t0 = Clock::now();
        const auto sources = kgforge::discover_inputs(inputs, true);
        kgforge::Diagnostics diagnostics;
        kgforge::RunOptions run;
        kgforge::GraphBuilder builder;
        kgforge::read_all_extractions(
            sources, run, diagnostics,
            [&](kgforge::DocumentExtraction&& x) { builder.add(std::move(x)); });
        const double read_s = seconds_since(t0);
        t0 = Clock::now();
        const auto graph = builder.build();
        const double build_s = seconds_since(t0);
        const auto n_entities = graph.entities().size();
        const auto n_relations = graph.relations().size();
        const auto elements = n_entities + n_relations;
        std::printf(
            "graph: %zu entities, %zu relations, %zu documents (read %.2f s, build %.2f s)\n",
            n_entities, n_relations, graph.documents().size(), read_s, build_s);

        kgforge::ExportOptions options;
        options.generator = "kgforge bench";
        Timing kg;
        const auto kg_path = fs::path(out_dir) / ("bench-kgforge." + format);
        for (int r = 0; r < runs; ++r) {
            fs::remove_all(kg_path);
            Stopwatch watch;
            kgforge::export_graph(graph, exporter, options, kg_path);
            watch.stop(kg);
        }
        if (exporter.writes_directory()) {
            for (const auto& entry : fs::recursive_directory_iterator(kg_path))
                if (entry.is_regular_file()) kg.bytes += entry.file_size();
        } else {
            kg.bytes = fs::file_size(kg_path);
        }
        fs::remove_all(kg_path);
        print_timing(("kgforge " + format).c_str(), kg, elements);

        Timing bo;
        double convert_s = 0;
        if (with_boost) {
            t0 = Clock::now();
            auto bg = to_boost(graph);
            convert_s = seconds_since(t0);
            auto dp = boost_properties(*bg);
            const auto boost_path = fs::path(out_dir) / "bench-boost.graphml";
            std::vector<char> buffer(1 << 20);
            for (int r = 0; r < boost_runs; ++r) {
                fs::remove(boost_path);
                Stopwatch watch;
                {
                    std::ofstream out;
                    // A 1 MiB stream buffer, like kgforge's OutputStream: the comparison is of
                    // the serializers, not of the default 8 KiB buffer.
                    out.rdbuf()->pubsetbuf(buffer.data(),
                                           static_cast<std::streamsize>(buffer.size()));
                    out.open(boost_path, std::ios::binary | std::ios::trunc);
                    boost::write_graphml(out, *bg, dp, true);
                    out.close();
                    if (!out)
                        throw kgforge::Error(kgforge::ErrorKind::Io, "write failed",
                                             boost_path.string());
                }
                watch.stop(bo);
            }
            bo.bytes = fs::file_size(boost_path);
            fs::remove(boost_path);
            print_timing("boost::write_graphml", bo, elements);
            std::printf("ratio boost / kgforge: %.2fx wall, %.2fx cpu (target >= 3x)\n",
                        bo.median_s() / kg.median_s(), bo.cpu_median_s() / kg.cpu_median_s());
        }
        if (!json_path.empty()) {
            std::FILE* f = std::fopen(json_path.c_str(), "wb");
            if (!f) throw kgforge::Error(kgforge::ErrorKind::Io, "cannot write", json_path);
            std::fprintf(f,
                         "{\"format\":\"%s\",\"entities\":%zu,\"relations\":%zu,\"documents\":%zu,"
                         "\"read_s\":%.3f,\"build_s\":%.3f,\"boost_convert_s\":%.3f,",
                         format.c_str(), n_entities, n_relations, graph.documents().size(), read_s,
                         build_s, convert_s);
            json_timing(f, "kgforge", kg, elements);
            if (with_boost) {
                std::fputc(',', f);
                json_timing(f, "boost", bo, elements);
                std::fprintf(f, ",\"ratio\":%.3f,\"cpu_ratio\":%.3f", bo.median_s() / kg.median_s(),
                             bo.cpu_median_s() / kg.cpu_median_s());
            }
            std::fprintf(f, ",\"peak_rss_kb\":%ld}\n", peak_rss_kb());
            if (std::fclose(f) != 0)
                throw kgforge::Error(kgforge::ErrorKind::Io, "cannot write", json_path);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "kgforge_bench_graphml: %s\n", error.what());
        return 1;
    }
    return 0;
}
