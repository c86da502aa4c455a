// Buffered, atomic output. Exporters write through OutputStream, which batches into a
// large buffer (iostreams are too slow for multi-GB exports). Files are written to a
// temp name in the same folder and renamed on commit(), so a failure never leaves half
// a file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kgforge {

class OutputStream {
  public:
    virtual ~OutputStream() = default;
    // The fast path is kept tiny so it inlines: exporters call it tens of times per edge.
    void write(std::string_view text) {
        const std::size_t n = text.size();
        if (n <= 32 && capacity_ - used_ >= 32) [[likely]] {
            // Most pieces are short (a term, a separator): fixed-size overlapping copies
            // instead of a call to memcpy with a variable size.
            char* d = buffer_.get() + used_;
            const char* s = text.data();
            if (n >= 16) {
                std::memcpy(d, s, 16);
                std::memcpy(d + n - 16, s + n - 16, 16);
            } else if (n >= 8) {
                std::memcpy(d, s, 8);
                std::memcpy(d + n - 8, s + n - 8, 8);
            } else if (n >= 4) {
                std::memcpy(d, s, 4);
                std::memcpy(d + n - 4, s + n - 4, 4);
            } else if (n > 0) {
                d[0] = s[0];
                d[n >> 1] = s[n >> 1];
                d[n - 1] = s[n - 1];
            }
            used_ += n;
        } else if (n <= capacity_ - used_) {
            std::memcpy(buffer_.get() + used_, text.data(), n);
            used_ += n;
        } else {
            write_through(text);
        }
    }
    void put(char c) {
        if (used_ == capacity_) flush_buffer();
        buffer_[used_++] = c;
    }
    OutputStream& operator<<(std::string_view text) {
        write(text);
        return *this;
    }
    OutputStream& operator<<(char c) {
        put(c);
        return *this;
    }
    void write_uint(std::uint64_t value);
    void write_int(std::int64_t value);
    void write_double(double value);  // shortest round-trip form, "." decimal point
    void write_float(float value);    // shortest form that reads back as the same float
    void flush_buffer();

  protected:
    void write_through(std::string_view text);  // the buffer is full: flush, then append
    explicit OutputStream(std::size_t capacity = 1 << 20);
    virtual void sink(std::string_view bytes) = 0;

  private:
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_;
    std::size_t used_ = 0;
};

class StringOutput final : public OutputStream {
  public:
    StringOutput() : OutputStream(1 << 16) {}
    const std::string& str() {
        flush_buffer();
        return data_;
    }
    void clear() {
        flush_buffer();
        data_.clear();
    }

  private:
    void sink(std::string_view bytes) override { data_.append(bytes); }
    std::string data_;
};

// Writes to stdout (for "-o -").
class StdoutOutput final : public OutputStream {
  public:
    StdoutOutput() = default;
    ~StdoutOutput() override;

  private:
    void sink(std::string_view bytes) override;
};

// path.tmp-<pid>-<n> until commit(), then renamed over path. Destroyed without commit():
// the temp file is removed and path is untouched. A target that exists and is not a
// regular file (/dev/null, a FIFO) is written in place instead.
class AtomicFileOutput final : public OutputStream {
  public:
    explicit AtomicFileOutput(std::filesystem::path path);
    // `shown_as`: how errors name the file (FileSet: the final path, not the temp folder's).
    AtomicFileOutput(std::filesystem::path path, std::string shown_as);
    ~AtomicFileOutput() override;
    void commit();
    const std::filesystem::path& path() const { return path_; }

  private:
    void sink(std::string_view bytes) override;
    std::filesystem::path path_;
    std::filesystem::path temp_path_;
    std::string shown_as_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
    bool direct_ = false;
};

// A set of named files in one folder, written into a temp folder and moved into place
// as a whole on commit().
class FileSet {
  public:
    explicit FileSet(std::filesystem::path directory);
    ~FileSet();
    OutputStream& open(const std::string& file_name);  // the previous stream stays valid
    std::vector<std::string> file_names() const;
    void commit();
    void set_executable(const std::string& file_name);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kgforge
