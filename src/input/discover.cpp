#include <algorithm>
#include <filesystem>
#include <system_error>

#include "kgforge/error.hpp"
#include "kgforge/input.hpp"

namespace kgforge {

namespace fs = std::filesystem;

void Diagnostics::error(const Error& error) {
    if (!keep_going_) throw error;
    errors_.push_back(error.what());
}

namespace {

bool has_extension(const fs::path& path, std::string_view extension) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == extension;
}

InputKind classify(const fs::path& path, bool extractions) {
    if (extractions) return InputKind::Extractions;
    if (has_extension(path, ".jsonl") || has_extension(path, ".ndjson")) return InputKind::Jsonl;
    return InputKind::Text;
}

}  // namespace

std::vector<InputSource> discover_inputs(std::span<const std::string> arguments, bool extractions,
                                         const StdinOptions& stdin_options) {
    std::vector<InputSource> sources;
    for (const auto& argument : arguments) {
        if (argument == "-") {
            sources.push_back({"-", stdin_options.name, stdin_options.document_id,
                               extractions ? InputKind::Extractions : stdin_options.kind,
                               stdin_options.first_line});
            continue;
        }
        fs::path path(argument);
        std::error_code ec;
        auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            throw Error(ErrorKind::Io, "no such file or folder", argument);
        }
        if (fs::is_directory(status)) {
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                                ec);
            if (ec) throw Error(ErrorKind::Io, "cannot read folder: " + ec.message(), argument);
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) throw Error(ErrorKind::Io, "cannot read folder: " + ec.message(), argument);
                if (!it->is_regular_file(ec)) continue;
                const auto& p = it->path();
                bool wanted = extractions ? has_extension(p, ".jsonl") || has_extension(p, ".json")
                                          : has_extension(p, ".txt") || has_extension(p, ".jsonl");
                if (wanted) found.push_back(p);
            }
            std::sort(found.begin(), found.end());
            for (const auto& p : found) {
                auto relative = p.lexically_relative(path).generic_string();
                sources.push_back({p.string(), p.string(), relative, classify(p, extractions)});
            }
        } else {
            sources.push_back(
                {argument, argument, path.filename().string(), classify(path, extractions)});
        }
    }
    return sources;
}

}  // namespace kgforge
