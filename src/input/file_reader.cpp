#include "input/file_reader.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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
    if (!file)
        throw Error(ErrorKind::Io, std::string("cannot open: ") + std::strerror(errno), display);
    return file;
}

std::string mebibytes(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

[[noreturn]] void throw_too_large(const std::string& display, std::uint64_t size,
                                  std::uint64_t max_bytes) {
    throw Error(ErrorKind::Parse,
                (size > max_bytes ? "file is " + mebibytes(size) : std::string("file is")) +
                    " larger than the " + mebibytes(max_bytes) +
                    " limit for one document; split it into several files",
                display);
}

}  // namespace

std::string read_whole_file(const std::string& path, const std::string& display,
                            std::uint64_t max_bytes) {
    auto file = open_input(path, display);
    std::string data;
    struct stat info {};
    if (::fstat(::fileno(file.get()), &info) == 0 && S_ISREG(info.st_mode)) {
        const auto size = static_cast<std::uint64_t>(info.st_size);
        if (size > max_bytes) throw_too_large(display, size, max_bytes);
        data.reserve(size);
    }
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        if (data.size() + n > max_bytes) throw_too_large(display, data.size() + n, max_bytes);
        data.append(buffer, n);
    }
    if (std::ferror(file.get())) {
        throw Error(ErrorKind::Io, std::string("cannot read: ") + std::strerror(errno), display);
    }
    return data;
}

void for_each_line(const std::string& path, const std::string& display,
                   const std::function<void(std::string_view, std::uint64_t)>& on_line,
                   const std::function<void(const Error&)>& on_bad_line, std::uint64_t first_line) {
    auto file = open_input(path, display);
    std::string pending;
    bool skipping = false;  // inside a line longer than the limit
    std::uint64_t line_number = first_line - 1;
    auto too_long = [&] {
        skipping = true;
        pending = std::string();  // give the memory back
        on_bad_line(
            Error(ErrorKind::Parse,
                  "line is longer than the " + mebibytes(limits::kMaxLineBytes) + " limit; skipped",
                  display, line_number + 1));
    };
    auto finish_line = [&] {
        if (!pending.empty() && pending.back() == '\r') pending.pop_back();
        ++line_number;
        if (!skipping) on_line(pending, line_number);
        skipping = false;
        pending.clear();
    };
    char buffer[1 << 16];
    const int fd = ::fileno(file.get());
    for (;;) {
        const auto got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0)
            throw Error(ErrorKind::Io, std::string("cannot read: ") + std::strerror(errno),
                        display);
        if (got == 0) break;
        std::string_view chunk(buffer, static_cast<std::size_t>(got));
        while (!chunk.empty()) {
            const auto newline = chunk.find('\n');
            const auto piece = chunk.substr(0, newline);
            if (!skipping) {
                if (pending.size() + piece.size() > limits::kMaxLineBytes)
                    too_long();
                else
                    pending.append(piece);
            }
            if (newline == std::string_view::npos) break;
            chunk.remove_prefix(newline + 1);
            finish_line();
        }
    }
    if (!pending.empty() || skipping) {
        if (skipping) {
            ++line_number;
        } else {
            finish_line();
        }
    }
}

}  // namespace kgforge
