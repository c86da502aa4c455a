// libFuzzer target: UTF-8 repair. The output is valid UTF-8, repairing it again changes
// nothing, valid input comes back unchanged, and both entry points agree.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.hpp"
#include "kgforge/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    kgforge::Diagnostics diagnostics(true);
    const auto repaired = kgforge::repair_utf8(input, "fuzz", diagnostics);
    if (kgforge::utf8::first_invalid(repaired) != repaired.size()) std::abort();
    const bool was_valid = kgforge::utf8::first_invalid(input) == input.size();
    if (was_valid != diagnostics.warnings().empty()) std::abort();
    if (was_valid && repaired != input) std::abort();
    kgforge::Diagnostics again(true);
    if (kgforge::repair_utf8(repaired, "fuzz", again) != repaired || !again.warnings().empty())
        std::abort();
    if (kgforge::repair_utf8_owned(std::string(input), "fuzz", again) != repaired) std::abort();
    return 0;
}
