// libFuzzer target: the extraction reader (schema validation, referential checks), as a
// JSONL file and as a whole .json file. Accepted extractions are consistent: relation ends
// name entities of the document, offsets are ordered; the extraction writer's output of an
// accepted one reads back to the same extraction.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_set>

#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace {

void check(const kgforge::DocumentExtraction& extraction) {
    std::unordered_set<std::string> keys;
    for (const auto& e : extraction.entities)
        if (!keys.insert(e.key).second) std::abort();
    for (const auto& r : extraction.relations) {
        if (!keys.count(r.subject) || !keys.count(r.object) || r.end < r.start) std::abort();
    }
    // Written and read back: the same document, entities and relations.
    kgforge::StringOutput out;
    kgforge::write_extraction_json(extraction, out);
    const auto again = kgforge::parse_extraction(out.str(), "rewritten", 1);
    if (again.document.id != extraction.document.id ||
        again.entities.size() != extraction.entities.size() ||
        again.relations.size() != extraction.relations.size())
        std::abort();
    for (std::size_t i = 0; i < again.entities.size(); ++i)
        if (again.entities[i].name != extraction.entities[i].name) std::abort();
    for (std::size_t i = 0; i < again.relations.size(); ++i)
        if (again.relations[i].sentence != extraction.relations[i].sentence) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string folder = [] {
        std::string dir = "/tmp/kgforge-fuzz-extraction-" + std::to_string(::getpid());
        ::mkdir(dir.c_str(), 0700);
        return dir;
    }();
    const bool whole_file = size > 0 && (data[0] & 1);
    const std::string path = folder + (whole_file ? "/input.json" : "/input.jsonl");
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    kgforge::InputSource source{path, "fuzz", "fuzz", kgforge::InputKind::Extractions};
    kgforge::Diagnostics diagnostics(true);
    try {
        read_extractions(source, diagnostics, check);
    } catch (const kgforge::Error&) {
        // Only I/O errors may escape with keep_going (none expected for a file we wrote).
        std::abort();
    }
    return 0;
}
