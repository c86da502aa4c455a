#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>

#include "cli/commands.hpp"
#include "kgforge/error.hpp"

namespace {

constexpr const char* kFormats =
    "graphml, gexf, cypher, neo4j-csv, jsonld, turtle, ntriples, nquads, json, all";

void add_common(CLI::App& command, kgforge::cli::CommonOptions& common) {
    command.add_flag("-q,--quiet", common.quiet, "No progress bar or warnings on stderr");
    command.add_flag("--keep-going", common.keep_going,
                     "Skip malformed records and unreadable documents instead of stopping");
    command.add_option("-j,--threads", common.threads, "Worker threads (default: all cores)");
}

void add_graph_output(CLI::App& command, kgforge::cli::GraphOutputOptions& out) {
    command.add_option("-f,--format", out.format, std::string("Output format: ") + kFormats)
        ->capture_default_str();
    command.add_option("-o,--output", out.output,
                       "Output file, or folder for 'all' and neo4j-csv; '-' or none: stdout");
    command
        .add_option("--base-iri", out.base_iri,
                    "JSON-LD, Turtle, N-Triples, N-Quads: base IRI of the resources")
        ->capture_default_str();
    command.add_option("--batch-size", out.batch_size, "Cypher: rows per UNWIND batch")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command.add_flag("--with-documents", out.include_documents,
                     "GraphML/GEXF: add document nodes and MENTIONS edges");
    command.add_option("--dataset-metadata", out.dataset_metadata,
                       "Also write a VoID + DCAT description (Turtle) of the RDF export here");
    command.add_option("--dataset-title", out.dataset_title, "Dataset description: dcterms:title");
    command.add_option("--dataset-license", out.dataset_license,
                       "Dataset description: dcterms:license IRI (default: none)");
    command.add_option("--dataset-creator", out.dataset_creator,
                       "Dataset description: dcterms:creator");
    command.add_option("--dataset-created", out.dataset_created,
                       "Dataset description: dcterms:created, YYYY-MM-DD (default: the latest "
                       "article date)");
}

void add_stdin(CLI::App& command, kgforge::cli::StdinCliOptions& options) {
    command
        .add_option("--stdin-format", options.format,
                    "How '-' is read: text (one article), jsonl (one {\"id\",\"title\",\"date\","
                    "\"url\",\"text\"} document a line, streamed), text-jsonl (one "
                    "{\"id\",\"source\",\"text\"} a line, each text a whole text article)")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "jsonl", "text-jsonl"}));
    command
        .add_option("--stdin-name", options.name,
                    "How messages and document sources name standard input")
        ->capture_default_str();
    command
        .add_option("--stdin-id", options.document_id,
                    "Base of the ids of JSONL lines without \"id\" (ID:LINE)")
        ->capture_default_str();
    command
        .add_option("--stdin-first-line", options.first_line,
                    "Number of the first line of standard input (it is a slice of a file)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
}

}  // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) would kill kgforge mid-write; ignored, the write fails
    // with EFBIG and the usual error names the file (the temporary file is removed).
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"kgforge: news articles to a knowledge graph for Neo4j, Gephi and linked data"};
    app.set_version_flag("-V,--version", std::string("kgforge ") + KGFORGE_VERSION);
    app.require_subcommand(1);

    kgforge::cli::BuildOptions build;
    auto* build_cmd = app.add_subcommand(
        "build", "Extract entities and relations from articles and write the graph");
    build_cmd
        ->add_option("inputs", build.inputs,
                     "Text files, folders (*.txt, *.jsonl, recursively), JSONL files, or - "
                     "for stdin")
        ->required();
    build_cmd->add_flag("--from-extractions", build.from_extractions,
                        "Inputs are pre-extracted JSON/JSONL (schema/extraction.schema.json)");
    build_cmd->add_flag("--explain", build.explain, "Keep the rule or model behind each relation");
    build_cmd->add_option("--models", build.models_dir, "Folder with the trained models");
    add_common(*build_cmd, build.common);
    add_graph_output(*build_cmd, build.out);
    add_stdin(*build_cmd, build.stdin_input);

    kgforge::cli::BuildOptions merge;
    auto* merge_cmd = app.add_subcommand(
        "merge", "Build the graph from extraction shards (the reduce step after 'extract')");
    merge_cmd->add_option("shards", merge.inputs, "Extraction JSONL/JSON files or folders")
        ->required();
    add_common(*merge_cmd, merge.common);
    add_graph_output(*merge_cmd, merge.out);

    kgforge::cli::ExtractOptions extract;
    auto* extract_cmd =
        app.add_subcommand("extract", "Write per-document extractions as JSONL (the map step)");
    extract_cmd->add_option("inputs", extract.inputs, "Text files, folders, JSONL files, or -")
        ->required();
    extract_cmd->add_option("-o,--output", extract.output, "Output JSONL file ('-': stdout)")
        ->capture_default_str();
    extract_cmd->add_flag("--explain", extract.explain,
                          "Keep the rule or model behind each relation");
    extract_cmd->add_option("--models", extract.models_dir, "Folder with the trained models");
    extract_cmd->add_flag("--by-key", extract.by_key,
                          "Write keyed fragments for a distributed merge (merge-records) instead "
                          "of one extraction a document");
    add_common(*extract_cmd, extract.common);
    add_stdin(*extract_cmd, extract.stdin_input);

    kgforge::cli::MergeRecordsOptions merge_records;
    merge_records.graph.format.clear();  // records unless --format is given
    auto* merge_records_cmd = app.add_subcommand(
        "merge-records",
        "Merge the keyed fragments of one key range (extract --by-key, shuffled by key) into "
        "rows of the exports, NUL-terminated; with --format, the graph of all fragments");
    merge_records_cmd
        ->add_option("fragments", merge_records.inputs, "Fragment files, or - for stdin")
        ->capture_default_str();
    merge_records_cmd
        ->add_option("-o,--output", merge_records.output, "Output file or folder ('-': stdout)")
        ->capture_default_str();
    merge_records_cmd->add_option(
        "-f,--format", merge_records.graph.format,
        std::string("Write the merged graph in this format instead of records: ") + kFormats);
    merge_records_cmd->add_option("--base-iri", merge_records.graph.base_iri,
                                  "JSON-LD: base IRI of entity identifiers");
    merge_records_cmd->add_flag("--ntriples", merge_records.ntriples,
                                "Records: also the N-Triples of each entity, relation and "
                                "document (sink ntriples/triples)");
    merge_records_cmd->add_option(
        "--ntriples-dataset", merge_records.ntriples_dataset,
        "Write only the dataset resource's N-Triples with these whole-graph counts "
        "(ENTITIES,RELATIONS,DOCUMENTS): with every range's ntriples/triples rows, the graph's "
        "N-Triples");
    merge_records_cmd->add_flag("--with-documents", merge_records.graph.include_documents,
                                "GraphML/GEXF: add document nodes and MENTIONS edges");
    merge_records_cmd->add_flag("-q,--quiet", merge_records.common.quiet, "No warnings on stderr");
    merge_records_cmd->add_flag("--keep-going", merge_records.common.keep_going,
                                "Skip malformed fragments instead of stopping");

    kgforge::cli::StatsOptions stats;
    auto* stats_cmd =
        app.add_subcommand("stats", "Counts by type and top entities of a graph JSON");
    stats_cmd->add_option("graph", stats.input, "A graph written with --format json")->required();
    stats_cmd->add_option("--top", stats.top, "How many top entities to list")
        ->capture_default_str();
    stats_cmd->add_flag("--json", stats.json, "Machine-readable output");

    kgforge::cli::PushCommandOptions push;
    auto* push_cmd = app.add_subcommand(
        "push", "Build the graph and send it to a running Neo4j 5 (idempotent MERGE batches)");
    push_cmd->add_option("inputs", push.inputs, "Text files, folders, JSONL files, or -")
        ->required();
    push_cmd->add_option("--neo4j", push.url, "Neo4j HTTP connector URL")->capture_default_str();
    push_cmd->add_option("--database", push.database, "Neo4j database")->capture_default_str();
    push_cmd->add_option("--user", push.user, "Neo4j user")->capture_default_str();
    push_cmd
        ->add_option("--password-env", push.password_env,
                     "Environment variable holding the password ('' for no auth)")
        ->capture_default_str();
    push_cmd->add_option("--batch-size", push.batch_size, "Rows per UNWIND batch (one transaction)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    push_cmd->add_option("--timeout", push.timeout_seconds, "Seconds to wait for one batch")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    push_cmd->add_flag("--from-extractions", push.from_extractions,
                       "Inputs are pre-extracted JSON/JSONL (schema/extraction.schema.json)");
    push_cmd->add_option("--models", push.models_dir, "Folder with the trained models");
    add_common(*push_cmd, push.common);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }

    try {
        if (*build_cmd) return kgforge::cli::run_build(build);
        if (*merge_cmd) {
            merge.from_extractions = true;
            return kgforge::cli::run_build(merge);
        }
        if (*extract_cmd) return kgforge::cli::run_extract(extract);
        if (*merge_records_cmd) return kgforge::cli::run_merge_records(merge_records);
        if (*stats_cmd) return kgforge::cli::run_stats(stats);
        if (*push_cmd) return kgforge::cli::run_push(push);
    } catch (const kgforge::Error& error) {
        fmt::print(stderr, "kgforge: error: {}\n", error.what());
        return error.kind() == kgforge::ErrorKind::Internal ? 1 : 2;
    } catch (const std::exception& error) {
        fmt::print(stderr, "kgforge: internal error: {}\n", error.what());
        return 1;
    }
    return 0;
}
