#include "kgforge/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <system_error>

#include "kgforge/error.hpp"

namespace kgforge {

OutputStream::OutputStream(std::size_t capacity)
    : buffer_(new char[capacity]), capacity_(capacity) {}

void OutputStream::flush_buffer() {
    if (used_ > 0) {
        sink(std::string_view(buffer_.get(), used_));
        used_ = 0;
    }
}

void OutputStream::write_through(std::string_view text) {
    flush_buffer();
    if (text.size() > capacity_) {
        sink(text);
        return;
    }
    std::memcpy(buffer_.get() + used_, text.data(), text.size());
    used_ += text.size();
}

void OutputStream::write_uint(std::uint64_t value) {
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    write(std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
}

void OutputStream::write_int(std::int64_t value) {
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    write(std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
}

void OutputStream::write_double(double value) {
    if (!std::isfinite(value)) value = 0.0;  // no format we write can carry NaN/Inf
    char digits[32];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    std::string_view text(digits, static_cast<std::size_t>(result.ptr - digits));
    write(text);
    // Keep it recognisably a float for typed readers ("1" -> "1.0").
    if (text.find_first_of(".e") == std::string_view::npos) write(".0");
}

void OutputStream::write_float(float value) {
    if (!std::isfinite(value)) value = 0.0f;
    char digits[32];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    std::string_view text(digits, static_cast<std::size_t>(result.ptr - digits));
    write(text);
    if (text.find_first_of(".e") == std::string_view::npos) write(".0");
}

StdoutOutput::~StdoutOutput() {
    try {
        flush_buffer();
    } catch (...) {
    }
    std::fflush(stdout);
}

void StdoutOutput::sink(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
        throw Error(ErrorKind::Io,
                    "cannot write to standard output: " + std::string(std::strerror(errno)));
    }
}

namespace {
std::atomic<unsigned> temp_counter{0};

std::filesystem::path temp_name_for(const std::filesystem::path& path) {
    auto name = "." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                std::to_string(temp_counter.fetch_add(1));
    return path.parent_path() / name;
}

// Says what happened to the target: a failed write never replaces it.
Error write_failed(const std::string& shown_as, bool direct) {
    return Error(ErrorKind::Io,
                 "write failed: " + std::string(std::strerror(errno)) +
                     (direct ? "" : "; nothing was replaced (a previous file there is unchanged)"),
                 shown_as);
}

// Temporaries of `path` left by a kgforge that was killed (kill -9, power cut) before its
// commit: ".<name>.tmp-<pid>-<n>" whose process is gone. Removed after a commit of the same
// target, so a killed run leaves litter only until the next successful one.
void remove_stale_temporaries(const std::filesystem::path& path) {
    const auto prefix = "." + path.filename().string() + ".tmp-";
    auto folder = path.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const auto pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        std::error_code ignored;
        std::filesystem::remove_all(it->path(), ignored);
    }
}
}  // namespace

AtomicFileOutput::AtomicFileOutput(std::filesystem::path path)
    : AtomicFileOutput(path, path.string()) {}

AtomicFileOutput::AtomicFileOutput(std::filesystem::path path, std::string shown_as)
    : path_(std::move(path)), temp_path_(temp_name_for(path_)), shown_as_(std::move(shown_as)) {
    std::error_code status_error;
    const auto status = std::filesystem::status(path_, status_error);
    if (!status_error && std::filesystem::exists(status) &&
        !std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status)) {
        // /dev/null, a FIFO, /dev/stdout: write in place. Renaming over a device would
        // replace it with a regular file (for root, /dev/null itself).
        direct_ = true;
        file_ = std::fopen(path_.c_str(), "wb");
        if (!file_) {
            throw Error(ErrorKind::Io, "cannot open output: " + std::string(std::strerror(errno)),
                        path_.string());
        }
        return;
    }
    if (path_.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path_.parent_path(), ec);
    }
    file_ = std::fopen(temp_path_.c_str(), "wb");
    if (!file_) {
        throw Error(ErrorKind::Io,
                    "cannot create output file: " + std::string(std::strerror(errno)), shown_as_);
    }
}

AtomicFileOutput::~AtomicFileOutput() {
    if (file_) std::fclose(file_);
    if (!committed_ && !direct_) {
        std::error_code ec;
        std::filesystem::remove(temp_path_, ec);
    }
}

void AtomicFileOutput::sink(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
        throw write_failed(shown_as_, direct_);
    }
}

void AtomicFileOutput::commit() {
    flush_buffer();
    if (std::fflush(file_) != 0 || std::fclose(file_) != 0) {
        const int error = errno;
        file_ = nullptr;
        errno = error;
        throw write_failed(shown_as_, direct_);
    }
    file_ = nullptr;
    if (direct_) {
        committed_ = true;
        return;
    }
    std::error_code ec;
    std::filesystem::rename(temp_path_, path_, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot rename into place: " + ec.message(), path_.string());
    committed_ = true;
    remove_stale_temporaries(path_);
}

struct FileSet::Impl {
    std::filesystem::path directory;
    std::filesystem::path temp_directory;
    std::map<std::string, std::unique_ptr<AtomicFileOutput>> files;
    std::vector<std::string> executables;
    bool committed = false;
};

FileSet::FileSet(std::filesystem::path directory) : impl_(std::make_unique<Impl>()) {
    impl_->directory = std::move(directory);
    if (impl_->directory.filename().empty()) impl_->directory = impl_->directory.parent_path();
    impl_->temp_directory = temp_name_for(impl_->directory);
    std::error_code ec;
    std::filesystem::create_directories(impl_->temp_directory, ec);
    if (ec) {
        throw Error(ErrorKind::Io,
                    "cannot create output folder: " + ec.message() +
                        "; nothing was replaced (a previous folder there is unchanged)",
                    impl_->directory.string());
    }
}

FileSet::~FileSet() {
    if (!impl_->committed) {
        impl_->files.clear();
        std::error_code ec;
        std::filesystem::remove_all(impl_->temp_directory, ec);
    }
}

OutputStream& FileSet::open(const std::string& file_name) {
    auto& slot = impl_->files[file_name];
    if (!slot)
        slot = std::make_unique<AtomicFileOutput>(impl_->temp_directory / file_name,
                                                  (impl_->directory / file_name).string());
    return *slot;
}

std::vector<std::string> FileSet::file_names() const {
    std::vector<std::string> names;
    for (const auto& [name, file] : impl_->files) names.push_back(name);
    return names;
}

void FileSet::set_executable(const std::string& file_name) {
    impl_->executables.push_back(file_name);
}

void FileSet::commit() {
    for (auto& [name, file] : impl_->files) file->commit();
    for (const auto& name : impl_->executables) {
        std::error_code ec;
        std::filesystem::permissions(impl_->temp_directory / name,
                                     std::filesystem::perms::owner_exec |
                                         std::filesystem::perms::group_exec |
                                         std::filesystem::perms::others_exec,
                                     std::filesystem::perm_options::add, ec);
    }
    impl_->files.clear();
    // Replace the old folder only once the new one is complete, in one step: exchanging the
    // two names leaves no moment at which the target is missing or half there, whenever the
    // process is killed. The old folder then has the temporary name and is removed.
    std::error_code ec;
    if (std::filesystem::is_directory(impl_->directory, ec)) {
        if (::renameat2(AT_FDCWD, impl_->temp_directory.c_str(), AT_FDCWD, impl_->directory.c_str(),
                        RENAME_EXCHANGE) == 0) {
            impl_->committed = true;
            std::filesystem::remove_all(impl_->temp_directory, ec);
            remove_stale_temporaries(impl_->directory);
            return;
        }
        if (errno != EINVAL && errno != ENOSYS) {
            throw Error(ErrorKind::Io,
                        "cannot replace output folder: " + std::string(std::strerror(errno)),
                        impl_->directory.string());
        }
        // A file system without RENAME_EXCHANGE: move the old folder aside first.
        const auto old_directory = temp_name_for(impl_->directory);
        std::filesystem::rename(impl_->directory, old_directory, ec);
        if (ec) {
            throw Error(ErrorKind::Io, "cannot replace output folder: " + ec.message(),
                        impl_->directory.string());
        }
        std::filesystem::rename(impl_->temp_directory, impl_->directory, ec);
        if (ec) {
            std::error_code restore;
            std::filesystem::rename(old_directory, impl_->directory, restore);
            throw Error(ErrorKind::Io, "cannot move output folder into place: " + ec.message(),
                        impl_->directory.string());
        }
        impl_->committed = true;
        std::filesystem::remove_all(old_directory, ec);
        remove_stale_temporaries(impl_->directory);
        return;
    }
    std::filesystem::rename(impl_->temp_directory, impl_->directory, ec);
    if (ec) {
        throw Error(ErrorKind::Io, "cannot move output folder into place: " + ec.message(),
                    impl_->directory.string());
    }
    impl_->committed = true;
}

}  // namespace kgforge
