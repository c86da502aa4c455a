#include "input/file_reader.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "kgforge/error.hpp"

namespace kgforge {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f && f != stdin) std::fclose(f);
    }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr open_input(const std::string& path, const std::string& display) {
    if (path == "-") return FilePtr(stdin);
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) throw Error(ErrorKind::Io, std::string("cannot open: ") + std::strerror(errno), display);
    return file;
}

}  // namespace

std::string read_whole_file(const std::string& path, const std::string& display) {
    auto file = open_input(path, display);
    std::string data;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) data.append(buffer, n);
    if (std::ferror(file.get())) {
        throw Error(ErrorKind::Io, std::string("cannot read: ") + std::strerror(errno), display);
    }
    return data;
}

void for_each_line(const std::string& path, const std::string& display,
                   const std::function<void(std::string_view, std::uint64_t)>& on_line) {
    auto file = open_input(path, display);
    std::string pending;
    std::uint64_t line_number = 0;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        std::string_view chunk(buffer, n);
        while (!chunk.empty()) {
            auto newline = chunk.find('\n');
            if (newline == std::string_view::npos) {
                pending.append(chunk);
                break;
            }
            pending.append(chunk.substr(0, newline));
            chunk.remove_prefix(newline + 1);
            if (!pending.empty() && pending.back() == '\r') pending.pop_back();
            on_line(pending, ++line_number);
            pending.clear();
        }
    }
    if (std::ferror(file.get())) {
        throw Error(ErrorKind::Io, std::string("cannot read: ") + std::strerror(errno), display);
    }
    if (!pending.empty()) {
        if (pending.back() == '\r') pending.pop_back();
        on_line(pending, ++line_number);
    }
}

}  // namespace kgforge
