// Applies a function to a stream of items on worker threads and hands the results back in
// input order, on the calling thread. Unlike batch-at-a-time parallelism there is no barrier:
// workers keep busy while the caller reads the next items and consumes finished results, so
// reading and writing overlap with the work, and output order never depends on timing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace kgforge {

template <class In, class Out>
class OrderedParallelMap {
  public:
    // `work` runs on the workers (it must be safe to call concurrently); `emit` runs on the
    // thread that calls submit() and finish(), once per item, in submission order. At most
    // `window` items are in flight (submitted but not yet emitted).
    OrderedParallelMap(unsigned workers, std::size_t window, std::function<Out(In&)> work,
                       std::function<void(Out&&)> emit)
        : work_(std::move(work)), emit_(std::move(emit)), slots_(window < 1 ? 1 : window) {
        threads_.reserve(workers);
        for (unsigned t = 0; t < workers; ++t) threads_.emplace_back([this] { run_worker(); });
    }

    OrderedParallelMap(const OrderedParallelMap&) = delete;
    OrderedParallelMap& operator=(const OrderedParallelMap&) = delete;

    // Stops the workers without emitting what is left (used when the caller fails).
    ~OrderedParallelMap() { stop_workers(); }

    void submit(In&& item) {
        std::unique_lock lock(mutex_);
        while (submitted_ - emitted_ == slots_.size()) emit_head(lock, /*wait=*/true);
        Slot& slot = slots_[submitted_ % slots_.size()];
        slot.input = std::move(item);
        slot.output.reset();
        ++submitted_;
        work_ready_.notify_one();
        while (emitted_ < submitted_ && emit_head(lock, /*wait=*/false)) {
        }
    }

    // Emits every remaining result, stops the workers and rethrows the first exception a
    // worker raised (after which nothing more is emitted).
    void finish() {
        std::unique_lock lock(mutex_);
        while (emitted_ < submitted_) emit_head(lock, /*wait=*/true);
        lock.unlock();
        stop_workers();
    }

  private:
    struct Slot {
        In input{};
        std::optional<Out> output;
    };

    // Emits the oldest item if it is done (waiting for it if `wait`); false if it was not
    // done. Called with the lock held; releases it around emit_().
    bool emit_head(std::unique_lock<std::mutex>& lock, bool wait) {
        Slot& slot = slots_[emitted_ % slots_.size()];
        if (wait) {
            result_ready_.wait(lock, [&] { return slot.output.has_value() || failure_; });
        }
        if (failure_) {
            auto failure = failure_;
            lock.unlock();
            stop_workers();
            std::rethrow_exception(failure);
        }
        if (!slot.output) return false;
        Out out = std::move(*slot.output);
        slot.output.reset();
        slot.input = In{};
        ++emitted_;
        lock.unlock();
        emit_(std::move(out));
        lock.lock();
        return true;
    }

    void run_worker() {
        std::unique_lock lock(mutex_);
        for (;;) {
            work_ready_.wait(lock, [&] { return taken_ < submitted_ || stopping_ || failure_; });
            if (stopping_ || failure_) return;
            const std::uint64_t index = taken_++;
            Slot& slot = slots_[index % slots_.size()];
            lock.unlock();
            std::optional<Out> out;
            std::exception_ptr error;
            try {
                out.emplace(work_(slot.input));
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            if (error) {
                if (!failure_) failure_ = error;
                work_ready_.notify_all();
                result_ready_.notify_all();
                return;
            }
            slot.output = std::move(out);
            if (index == emitted_) result_ready_.notify_one();
        }
    }

    void stop_workers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        work_ready_.notify_all();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
        threads_.clear();
    }

    std::function<Out(In&)> work_;
    std::function<void(Out&&)> emit_;
    std::vector<Slot> slots_;  // ring: item i lives in slots_[i % size]
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable result_ready_;
    std::uint64_t submitted_ = 0;  // items handed in
    std::uint64_t taken_ = 0;      // items picked up by a worker
    std::uint64_t emitted_ = 0;    // items handed back
    bool stopping_ = false;
    std::exception_ptr failure_;
};

}  // namespace kgforge
