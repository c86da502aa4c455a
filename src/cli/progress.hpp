// A one-line progress bar on stderr, shown only when stderr is a terminal.
#pragma once

#include <chrono>

#include "kgforge/pipeline.hpp"

namespace kgforge::cli {

class ProgressBar {
  public:
    explicit ProgressBar(bool enabled);
    ~ProgressBar();
    void update(const Progress& progress);
    void finish();

  private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

bool stderr_is_terminal();

}  // namespace kgforge::cli
