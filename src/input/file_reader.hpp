// Whole-file and line-by-line reading with errors that name the file.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace kgforge {

std::string read_whole_file(const std::string& path, const std::string& display);

// Calls on_line(line_without_newline, line_number) for each line; works on stdin ("-").
void for_each_line(const std::string& path, const std::string& display,
                   const std::function<void(std::string_view, std::uint64_t)>& on_line);

}  // namespace kgforge
