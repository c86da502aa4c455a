// libFuzzer target: the JSONL document reader, through a real file (the reader's path).
// Whatever the bytes, it either delivers documents with valid UTF-8 or reports errors
// naming the file and line; it never crashes.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.hpp"
#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace {
bool valid(const std::string& s) {
    return kgforge::utf8::first_invalid(s) == s.size();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const int fd = ::memfd_create("fuzz.jsonl", 0);
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
        std::abort();
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    kgforge::InputSource source{path, "fuzz.jsonl", "fuzz.jsonl", kgforge::InputKind::Jsonl};
    kgforge::Diagnostics diagnostics(true);
    read_documents(source, diagnostics, [](kgforge::Document&& doc) {
        if (!valid(doc.id) || !valid(doc.title) || !valid(doc.text) || !valid(doc.url))
            std::abort();
        if (!doc.date.empty() && doc.date.size() != 10) std::abort();
    });
    for (const auto& error : diagnostics.errors())
        if (error.rfind("fuzz.jsonl:", 0) != 0) std::abort();
    return 0;
}
