"""What runs inside Spark tasks: kgforge in a subprocess, fed and drained on two threads
(as RDD.pipe does, with its exit status checked and its environment given explicitly),
and errors turned into one clear message that the driver prints once."""
import itertools
import json
import os
import socket
import subprocess
import threading
import zlib

from pyspark import SparkFiles
from pyspark.accumulators import AccumulatorParam

# The driver finds task errors in Spark's exception text by these markers.
MARK_BEGIN = "<<kgforge-error:"
MARK_END = ":kgforge-error>>"


# Key of the record a map task returns instead of fragments when kgforge rejects its input.
ERROR_KEY = None


class KgforgeTaskError(Exception):
    def __init__(self, message):
        super().__init__(MARK_BEGIN + message + MARK_END)


class Runtime:
    """Where kgforge is on an executor: the --archives folder, or --kgforge-home."""

    def __init__(self, archive_name, kgforge_home, explain):
        self.archive_name = archive_name
        self.kgforge_home = kgforge_home
        self.explain = explain

    def home(self):
        if self.kgforge_home:
            candidates = [self.kgforge_home]
        else:
            candidates = [os.path.join(os.getcwd(), self.archive_name),
                          os.path.join(SparkFiles.getRootDirectory(), self.archive_name)]
        for home in candidates:
            if os.path.isfile(os.path.join(home, "bin", "kgforge")):
                return home
        how = (f"--kgforge-home {self.kgforge_home}" if self.kgforge_home else
               f"spark-submit --archives build/kgforge-spark.tar.gz#{self.archive_name} "
               f"(scripts/build-spark-archive)")
        raise KgforgeTaskError(
            f"kgforge binary not found on executor {socket.gethostname()}: tried "
            + ", ".join(os.path.join(c, "bin", "kgforge") for c in candidates)
            + f"; ship it with {how}")

    def command(self, *arguments):
        home = self.home()
        binary = os.path.join(home, "bin", "kgforge")
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        models = os.path.join(home, "models")
        return [binary, *arguments, *(["--models", models] if arguments[0] == "extract" else [])]

    def environment(self):
        home = self.home()
        lib = os.path.join(home, "lib")
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
               "KGFORGE_MODELS": os.path.join(home, "models")}
        if os.path.isdir(lib):
            env["LD_LIBRARY_PATH"] = lib
        return env


def first_error(stderr, fallback):
    for line in stderr.splitlines():
        if line.startswith("kgforge: error: "):
            return line[len("kgforge: error: "):]
        if line.startswith("kgforge: internal error: "):
            return line[len("kgforge: "):]
    tail = stderr.strip().splitlines()[-3:]
    return fallback + (": " + " / ".join(tail) if tail else "")


def skipped_lines(stderr):
    return {line[len("kgforge: skipped: "):] for line in stderr.splitlines()
            if line.startswith("kgforge: skipped: ")}


def run_streaming(command, env, chunks, separator):
    """Runs `command` with `chunks` (bytes) on its stdin; yields its output records (split
    on `separator`); returns (exit status, stderr text) through the generator's value."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, bufsize=1 << 16)
    except OSError as error:
        raise KgforgeTaskError(f"cannot start {command[0]} on {socket.gethostname()}: {error}")
    feed_error = []
    stderr = []

    def feed():
        try:
            for chunk in chunks:
                process.stdin.write(chunk)
        except BrokenPipeError:
            pass  # kgforge stopped early; its exit status says why
        except BaseException as error:  # noqa: B902 - reported by the main thread
            feed_error.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain():
        stderr.append(process.stderr.read().decode("utf-8", "replace"))

    threads = [threading.Thread(target=feed, daemon=True),
               threading.Thread(target=drain, daemon=True)]
    for t in threads:
        t.start()
    if separator == b"\n":
        for line in process.stdout:
            yield line[:-1] if line.endswith(b"\n") else line
    else:
        pending = b""
        while True:
            block = process.stdout.read(1 << 16)
            if not block:
                break
            records = (pending + block).split(separator)
            pending = records.pop()
            yield from records
        if pending:
            yield pending
    status = process.wait()
    for t in threads:
        t.join()
    if feed_error:
        raise feed_error[0]
    return status, stderr[0] if stderr else ""


class SetParam(AccumulatorParam):
    """Set union: a retried task adds the same members again, which changes nothing."""

    def zero(self, value):
        return set()

    def addInPlace(self, a, b):
        a |= b
        return a


class DictParam(AccumulatorParam):
    """Dict update keyed by something a retried task computes again identically."""

    def zero(self, value):
        return {}

    def addInPlace(self, a, b):
        a.update(b)
        return a


def partition_of(partitions):
    """Spark partitioner of fragment keys: CRC-32 of KIND\\tKEY (the same in every Python
    process, unlike hash()); an X fragment's key is already its partition number."""
    def place(key):
        return key if isinstance(key, int) else zlib.crc32(key)
    return place


def extract_jsonl(runtime, partitions, keep_going, skipped):
    """Map task over the lines of one JSONL file slice; owners[partition] = (file, number
    of the slice's first line)."""
    def task(owners):
        def run(index, lines):
            f, first_line = owners[index]
            lines = iter(lines)
            first = next(lines, None)
            if first is None:
                return  # an empty slice starts no kgforge
            chunks = (line.encode("utf-8") + b"\n" for line in itertools.chain([first], lines))
            command = runtime.command(
                "extract", "-", "--by-key", "--threads", "1", "--stdin-format", "jsonl",
                "--stdin-name", f.display, "--stdin-id", f.document_id,
                "--stdin-first-line", str(first_line),
                *(["--keep-going"] if keep_going else []),
                *(["--explain"] if runtime.explain else []))
            yield from _extract(runtime, command, chunks, partitions, keep_going, skipped,
                                f"kgforge extract failed on {f.display} from line "
                                f"{first_line}")
        return run
    return task


def extract_text(runtime, partitions, keep_going, skipped):
    """Map task over (uri, bytes) of whole text files."""
    def task(by_uri):
        def run(contents):
            names = []

            def chunks():
                for uri, data in contents:
                    f = by_uri.get(uri)
                    if f is None:
                        raise KgforgeTaskError(f"{uri}: not among the listed inputs")
                    names.append(f.display)
                    record = {"id": f.document_id, "source": f.display,
                              "text": bytes(data).decode("utf-8", "replace")}
                    yield json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"

            command = runtime.command(
                "extract", "-", "--by-key", "--threads", "1", "--stdin-format", "text-jsonl",
                "--stdin-name", "<text files>",
                *(["--keep-going"] if keep_going else []),
                *(["--explain"] if runtime.explain else []))
            yield from _extract(runtime, command, chunks(), partitions, keep_going, skipped,
                                "kgforge extract failed on text files")
        return run
    return task


def _extract(runtime, command, chunks, partitions, keep_going, skipped, failure):
    """Yields (KIND\tKEY, fragment line) pairs; X fragments once to every key range, since
    every range needs every external-id scheme (a column of the node header)."""
    schemes = set()
    outcome = []
    for line in _returning(run_streaming(command, runtime.environment(), chunks, b"\n"),
                           outcome):
        if line[:1] == b"X":
            schemes.add(line)
            continue
        yield line[:line.index(b"\t", 2)], line
    status, stderr = outcome[0]
    if status == 3 and keep_going:
        skipped.add(skipped_lines(stderr))
    elif status < 0:
        # Killed (a lost executor, the OOM killer): Spark runs the task again.
        raise KgforgeTaskError(f"{failure}: killed by signal {-status}")
    elif status != 0:
        # Bad input fails the same way every time: no retry, and no aborted job whose other
        # tasks are cancelled mid-write; the driver reports the message and stops.
        yield ERROR_KEY, first_error(stderr, f"{failure} (exit status {status})").encode()
        return
    for line in sorted(schemes):
        for p in range(partitions):
            yield p, line


def _returning(generator, outcome):
    """Yields what `generator` yields and appends its return value to `outcome`."""
    outcome.append((yield from generator))


def merge(runtime, sink_counts, headers, ntriples=False):
    """Reduce task: one key range's fragments through kgforge merge-records."""
    arguments = ["merge-records", "-"] + (["--ntriples"] if ntriples else [])

    def run(index, pairs):
        fed = [0]

        def chunks():
            for _, value in pairs:
                fed[0] += 1
                yield value + b"\n"
        counts = {}
        seq = 0
        outcome = []
        for record in _returning(
                run_streaming(runtime.command(*arguments), runtime.environment(),
                              chunks(), b"\0"), outcome):
            sink, row = record.split(b"\t", 1)
            if sink == b"_headers":
                name, header = row.decode("utf-8").split("\t", 1)
                headers.add({name.replace("/", "."): header})
                continue
            name = sink.decode("utf-8").replace("/", ".")
            counts[name] = counts.get(name, 0) + 1
            seq += 1
            yield name, seq, row.decode("utf-8")
        status, stderr = outcome[0]
        if status != 0:
            raise KgforgeTaskError(first_error(
                stderr, f"kgforge merge-records failed on key range {index} "
                        f"(exit status {status})"))
        counts["_fragments"] = fed[0]
        sink_counts.add({index: counts})
    return run


def preflight(runtime):
    """Starts kgforge (models loaded) once per task: a missing binary, library or model is
    reported by the driver as one message before any work."""
    def run(_):
        try:
            command = runtime.command("extract", "-", "--stdin-format", "jsonl", "-q")
            result = subprocess.run(command, input=b"", capture_output=True,
                                    env=runtime.environment())
            if result.returncode != 0:
                stderr = result.stderr.decode("utf-8", "replace")
                return [f"kgforge cannot start on executor {socket.gethostname()}: "
                        + first_error(stderr, f"exit status {result.returncode}")]
            return [""]
        except KgforgeTaskError as error:
            return [str(error)[len(MARK_BEGIN):-len(MARK_END)]]
        except OSError as error:
            return [f"kgforge cannot start on executor {socket.gethostname()}: {error}"]
    return run
