// libFuzzer target: the neo4j-admin CSV files of a fuzzed graph (written as a real folder,
// as `--format neo4j-csv` does), read back by an RFC 4180 reader: every quote closes,
// every row has as many fields as its header, node files hold one row per entity, and
// each entity name comes back exactly (NUL is written as U+FFFD, by design).
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export_check.hpp"
#include "fuzzed_graph.hpp"

namespace {

using Row = std::vector<std::string>;

std::vector<Row> read_csv(const std::string& text, const std::string& name) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false, in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c != '"') {
                field += c;
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                in_quotes = false;
            }
            continue;
        }
        if (c == '"') {
            if (!field.empty() || quoted)
                kgforge::fuzz::fail(name + ": quote inside a field", text);
            in_quotes = quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            quoted = false;
        } else if (c == '\n') {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
            row.clear();
            field.clear();
            quoted = false;
        } else {
            if (quoted) kgforge::fuzz::fail(name + ": text after a closing quote", text);
            field += c;
        }
    }
    if (in_quotes) kgforge::fuzz::fail(name + ": unclosed quote", text);
    if (!field.empty() || !row.empty()) kgforge::fuzz::fail(name + ": no final newline", text);
    return rows;
}

std::string replace_nul(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\0')
            out += "\xef\xbf\xbd";
        else
            out += c;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    static const fs::path folder =
        fs::temp_directory_path() / ("kgforge-fuzz-csv-" + std::to_string(::getpid()));
    FuzzedDataProvider in(data, size);
    const auto graph = kgforge::fuzz::fuzzed_graph(in);
    kgforge::export_graph(graph, kgforge::find_exporter("neo4j-csv"), {}, folder);

    std::set<std::string> names;
    std::size_t entity_rows = 0;
    for (const auto& file : fs::directory_iterator(folder)) {
        if (file.path().extension() != ".csv") continue;
        std::ifstream stream(file.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << stream.rdbuf();
        const auto name = file.path().filename().string();
        const auto rows = read_csv(buffer.str(), name);
        if (rows.empty()) kgforge::fuzz::fail(name + ": no header", buffer.str());
        for (const auto& row : rows)
            if (row.size() != rows[0].size())
                kgforge::fuzz::fail(name + ": a row's field count differs from the header's",
                                    buffer.str());
        if (name.rfind("entities_", 0) != 0) continue;
        entity_rows += rows.size() - 1;
        std::size_t name_column = rows[0].size();
        for (std::size_t c = 0; c < rows[0].size(); ++c)
            if (rows[0][c].rfind("name", 0) == 0) name_column = c;
        if (name_column == rows[0].size())
            kgforge::fuzz::fail(name + ": no name column", buffer.str());
        for (std::size_t r = 1; r < rows.size(); ++r) names.insert(rows[r][name_column]);
    }
    if (entity_rows != graph.entities().size()) kgforge::fuzz::fail("entity rows != entities", "");
    for (const auto& entity : graph.entities())
        if (!names.count(replace_nul(entity.name)))
            kgforge::fuzz::fail("an entity name did not read back", std::string(entity.name));
    return 0;
}
