// The subcommands; each is a thin layer over the kgforge library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kgforge::cli {

struct CommonOptions {
    bool quiet = false;
    bool keep_going = false;
    unsigned threads = 0;
};

// --stdin-format and its companions: how "-" is read (kgforge::StdinOptions).
struct StdinCliOptions {
    std::string format = "text";  // text | jsonl | text-jsonl
    std::string name = "<stdin>";
    std::string document_id = "stdin";
    std::uint64_t first_line = 1;
};

struct GraphOutputOptions {
    std::string format = "json";
    std::string output;  // file, folder (for "all" and multi-file formats) or "-"
    std::string base_iri = "https://kgforge.org/id/";
    std::size_t batch_size = 1000;
    bool include_documents = false;
    std::string dataset_metadata;  // a VoID + DCAT description is written here ("": none)
    std::string dataset_title;
    std::string dataset_license;
    std::string dataset_creator;
    std::string dataset_created;
};

struct BuildOptions {
    CommonOptions common;
    GraphOutputOptions out;
    std::vector<std::string> inputs;
    bool from_extractions = false;
    bool explain = false;
    std::string models_dir;
    StdinCliOptions stdin_input;
};

struct ExtractOptions {
    CommonOptions common;
    std::vector<std::string> inputs;
    std::string output = "-";
    bool explain = false;
    bool by_key = false;  // keyed fragments for a distributed merge (kgforge/distributed.hpp)
    std::string models_dir;
    StdinCliOptions stdin_input;
};

// `merge-records`: the merge of one key range of a distributed run.
struct MergeRecordsOptions {
    CommonOptions common;
    std::vector<std::string> inputs = {"-"};
    std::string output = "-";
    GraphOutputOptions graph;  // with --format (cleared by default): the graph instead
    bool ntriples = false;     // records: also the ntriples/triples rows
    // "ENTITIES,RELATIONS,DOCUMENTS": only the dataset resource's N-Triples, no input read
    std::string ntriples_dataset;
};

struct StatsOptions {
    std::string input;
    std::size_t top = 10;
    bool json = false;
};

struct PushCommandOptions {
    CommonOptions common;
    std::vector<std::string> inputs;
    bool from_extractions = false;
    std::string models_dir;
    std::string url = "http://127.0.0.1:7474";  // --neo4j: the HTTP connector
    std::string database = "neo4j";
    std::string user = "neo4j";
    std::string password_env = "NEO4J_PASSWORD";  // name of the variable holding the password
    std::size_t batch_size = 1000;
    double timeout_seconds = 60;
};

// Each returns the process exit code.
int run_build(const BuildOptions& options);  // also `merge` (from_extractions = true)
int run_extract(const ExtractOptions& options);
int run_merge_records(const MergeRecordsOptions& options);
int run_stats(const StatsOptions& options);
int run_push(const PushCommandOptions& options);  // exit 2 on any Neo4j error

}  // namespace kgforge::cli
