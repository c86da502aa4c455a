// Binary model files shared by the statistical components: little-endian fields, a magic
// tag, and an XXH64 checksum over everything before it, so a truncated or corrupt file is
// refused with a clear error instead of giving wrong answers.
#pragma once

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "kgforge/error.hpp"

namespace kgforge::nlp {

class ModelWriter {
  public:
    void bytes(const void* p, std::size_t n) { buf_.append(static_cast<const char*>(p), n); }
    template <class T>
    void put(T v) {
        static_assert(std::is_integral_v<T> || std::is_floating_point_v<T>);
        unsigned char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        if constexpr (std::endian::native == std::endian::big) std::reverse(b, b + sizeof(T));
        bytes(b, sizeof(T));
    }
    void str(std::string_view s) {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    // Appends the checksum and writes the file (whole, or an Io error naming `what`).
    void finish(const std::filesystem::path& path, std::string_view what) {
        put<std::uint64_t>(XXH64(buf_.data(), buf_.size(), 0));
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(ErrorKind::Io, "cannot write " + std::string(what), path.string());
        out.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        if (!out) throw Error(ErrorKind::Io, "failed writing " + std::string(what), path.string());
    }

  private:
    std::string buf_;
};

// Reads a whole model file and checks its magic and checksum; then fields in order.
class ModelReader {
  public:
    ModelReader(const std::filesystem::path& path, std::string_view magic, std::string what)
        : file_(path.string()), what_(std::move(what)) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in) throw Error(ErrorKind::Io, "cannot open " + what_, file_);
        data_.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
        in.seekg(0);
        in.read(data_.data(), static_cast<std::streamsize>(data_.size()));
        if (in.gcount() != static_cast<std::streamsize>(data_.size()))
            throw Error(ErrorKind::Io, "cannot read " + what_, file_);
        if (data_.size() < magic.size() + 8 || data_.compare(0, magic.size(), magic) != 0)
            throw Error(ErrorKind::Model, "not a kgforge " + what_ + " (bad magic)", file_);
        std::uint64_t stored = 0;
        std::memcpy(&stored, data_.data() + data_.size() - 8, 8);
        if constexpr (std::endian::native == std::endian::big) stored = __builtin_bswap64(stored);
        if (stored != XXH64(data_.data(), data_.size() - 8, 0))
            throw Error(ErrorKind::Model, what_ + " is corrupt (checksum mismatch)", file_);
        end_ = data_.size() - 8;
        pos_ = magic.size();
    }
    template <class T>
    T get() {
        need(sizeof(T));
        unsigned char b[sizeof(T)];
        std::memcpy(b, data_.data() + pos_, sizeof(T));
        if constexpr (std::endian::native == std::endian::big) std::reverse(b, b + sizeof(T));
        pos_ += sizeof(T);
        T v;
        std::memcpy(&v, b, sizeof(T));
        return v;
    }
    std::string_view str() {
        const auto n = get<std::uint32_t>();
        need(n);
        const std::string_view s = std::string_view(data_).substr(pos_, n);
        pos_ += n;
        return s;
    }
    void need(std::size_t n) const {
        if (end_ - pos_ < n) fail("truncated file");
    }
    void expect_end() const {
        if (pos_ != end_) fail("trailing bytes");
    }
    [[noreturn]] void fail(const std::string& problem) const {
        throw Error(ErrorKind::Model, what_ + ": " + problem, file_);
    }

  private:
    std::string file_;
    std::string what_;
    std::string data_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
};

}  // namespace kgforge::nlp
