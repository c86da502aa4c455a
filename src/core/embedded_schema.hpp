// Schema files compiled into the library (generated from schema/ by CMake), so the
// binary validates input without the source tree.
#pragma once

#include <string_view>

namespace kgforge {

std::string_view embedded_extraction_schema();

}  // namespace kgforge
