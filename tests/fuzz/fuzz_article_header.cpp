// libFuzzer target: the plain-text article reader (UTF-8 repair, then header detection).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kgforge/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kgforge::Diagnostics diagnostics(true);
    auto text = kgforge::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "fuzz", diagnostics);
    const auto length = text.size();
    auto doc = kgforge::parse_text_article(std::move(text), "id", "fuzz");
    // The header is padded, never removed (offsets of the body stay valid), except a BOM.
    const bool had_bom = length >= 3 && doc.text.size() == length - 3;
    if (doc.text.size() != length && !had_bom) std::abort();
    if (!doc.date.empty() && doc.date.size() != 10) std::abort();
    if (doc.title.size() > doc.text.size()) std::abort();
    return 0;
}
