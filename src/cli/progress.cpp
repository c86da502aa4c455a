#include "cli/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace kgforge::cli {

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() {
    finish();
}

void ProgressBar::update(const Progress& progress) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    drawn_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(progress.bytes) / 1e6;
    std::string bar;
    if (progress.total_bytes > 0) {
        const double fraction = std::min(
            1.0, static_cast<double>(progress.bytes) / static_cast<double>(progress.total_bytes));
        const int width = 30;
        const int filled = static_cast<int>(fraction * width);
        bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
              std::string(static_cast<std::size_t>(width - filled), ' ') + "] " +
              fmt::format("{:3.0f}% ", fraction * 100);
    }
    fmt::print(stderr, "\r{}{} documents, {:.1f} MB, {:.1f} MB/s   ", bar, progress.documents, mb,
               seconds > 0 ? mb / seconds : 0.0);
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (enabled_ && drawn_) {
        std::fputs("\n", stderr);
        drawn_ = false;
    }
}

}  // namespace kgforge::cli
