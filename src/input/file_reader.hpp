// Whole-file and line-by-line reading with errors that name the file, within the size
// limits of kgforge/limits.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kgforge/limits.hpp"

namespace kgforge {

class Error;

// Throws Error(Parse) naming the file when it holds more than max_bytes (checked before
// reading when the size is known, and while reading for pipes and stdin).
std::string read_whole_file(const std::string& path, const std::string& display,
                            std::uint64_t max_bytes = limits::kMaxDocumentBytes);

// Calls on_line(line_without_newline, line_number) for each line; works on stdin ("-").
// A line longer than limits::kMaxLineBytes is never held in memory: it is skipped and
// on_bad_line gets an error naming file and line (it may throw to stop reading).
// Lines are numbered from first_line. Reads with read(2), so lines arriving on a pipe are
// handed on as they come, not when a 64 kB buffer is full.
void for_each_line(const std::string& path, const std::string& display,
                   const std::function<void(std::string_view, std::uint64_t)>& on_line,
                   const std::function<void(const Error&)>& on_bad_line,
                   std::uint64_t first_line = 1);

}  // namespace kgforge
