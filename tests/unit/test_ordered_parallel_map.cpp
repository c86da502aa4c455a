#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pipeline/ordered_parallel_map.hpp"

using kgforge::OrderedParallelMap;

namespace {

// Uneven work so that items finish out of order.
int slow_square(int& x) {
    std::this_thread::sleep_for(std::chrono::microseconds((x * 7919) % 300));
    return x * x;
}

}  // namespace

TEST_CASE("ordered parallel map emits results in submission order", "[pipeline]") {
    for (unsigned workers : {1u, 2u, 5u}) {
        for (std::size_t window : {1u, 3u, 64u}) {
            std::vector<int> out;
            std::thread::id emitter;
            OrderedParallelMap<int, int> map(workers, window, slow_square, [&](int&& r) {
                out.push_back(r);
                emitter = std::this_thread::get_id();
            });
            for (int i = 0; i < 200; ++i) map.submit(int{i});
            map.finish();
            REQUIRE(out.size() == 200);
            for (int i = 0; i < 200; ++i) CHECK(out[static_cast<std::size_t>(i)] == i * i);
            CHECK(emitter == std::this_thread::get_id());
        }
    }
}

TEST_CASE("ordered parallel map with nothing submitted", "[pipeline]") {
    int emitted = 0;
    OrderedParallelMap<int, int> map(3, 8, slow_square, [&](int&&) { ++emitted; });
    map.finish();
    CHECK(emitted == 0);
}

TEST_CASE("ordered parallel map rethrows a worker's exception and stops", "[pipeline]") {
    std::vector<int> out;
    OrderedParallelMap<int, int> map(
        2, 4,
        [](int& x) {
            if (x == 37) throw std::runtime_error("item 37 failed");
            return x;
        },
        [&](int&& r) { out.push_back(r); });
    auto run = [&] {
        for (int i = 0; i < 1000; ++i) map.submit(int{i});
        map.finish();
    };
    CHECK_THROWS_WITH(run(), "item 37 failed");
    // Everything emitted came before the failing item, in order.
    REQUIRE(out.size() <= 37);
    for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i] == static_cast<int>(i));
}

TEST_CASE("ordered parallel map stops cleanly when the consumer throws", "[pipeline]") {
    OrderedParallelMap<int, int> map(2, 4, slow_square, [](int&& r) {
        if (r == 25) throw std::runtime_error("cannot write");
    });
    auto run = [&] {
        for (int i = 0; i < 100; ++i) map.submit(int{i});
        map.finish();
    };
    CHECK_THROWS_WITH(run(), "cannot write");
}
