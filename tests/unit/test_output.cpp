#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>

#include "kgforge/error.hpp"
#include "kgforge/output.hpp"

using namespace kgforge;
namespace fs = std::filesystem;

TEST_CASE("an uncommitted atomic file leaves no trace and keeps the old file", "[output]") {
    auto dir = fs::temp_directory_path() / ("kgforge-test-output-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto path = dir / "graph.json";
    std::ofstream(path) << "old";
    {
        AtomicFileOutput out(path);
        out << "partial new content";
        out.flush_buffer();
        // destroyed without commit(), as when an exporter throws
    }
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    CHECK(text.str() == "old");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    {
        AtomicFileOutput out(path);
        out << "new";
        out.commit();
    }
    std::stringstream updated;
    updated << std::ifstream(path).rdbuf();
    CHECK(updated.str() == "new");
    fs::remove_all(dir);
}

TEST_CASE("a file set replaces its folder only on commit", "[output]") {
    auto dir = fs::temp_directory_path() / ("kgforge-test-fileset-" + std::to_string(::getpid()));
    {
        FileSet files(dir);
        files.open("a.csv") << "a";
        files.open("b.csv") << "b";
    }
    CHECK_FALSE(fs::exists(dir));
    {
        FileSet files(dir);
        files.open("a.csv") << "a";
        files.commit();
    }
    CHECK(fs::exists(dir / "a.csv"));
    fs::remove_all(dir);
}

TEST_CASE("numbers are written in their shortest exact form", "[output]") {
    StringOutput out;
    out.write_uint(18446744073709551615ull);
    out << ' ';
    out.write_double(0.1);
    out << ' ';
    out.write_double(2.0);
    CHECK(out.str() == "18446744073709551615 0.1 2.0");
}

TEST_CASE("a device or FIFO target is written in place, never replaced", "[output]") {
    auto dir = fs::temp_directory_path() / ("kgforge-test-fifo-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(fifo);
        std::stringstream text;
        text << in.rdbuf();
        received = text.str();
    });
    {
        AtomicFileOutput out(fifo);
        out << "through the pipe";
        out.commit();
    }
    reader.join();
    CHECK(received == "through the pipe");
    CHECK(fs::is_fifo(fifo));
    {
        AtomicFileOutput out("/dev/null");
        out << "discarded";
        out.commit();
    }
    CHECK(fs::is_character_file("/dev/null"));
    fs::remove_all(dir);
}
