#!/usr/bin/python3
"""Faults of the Spark job (ctest spark.faults):

  check_faults.py KGFORGE BUILD_DIR WORKDIR

1. A task killed mid-partition (its kgforge extract process gets SIGKILL while it works) on
   local[2,4], where Spark retries a failed task: the job succeeds and its graph still
   equals kgforge build's.
2. A malformed JSONL line fails the job (exit 2) with one message naming the input file and
   line, and leaves no output; with --keep-going the line is skipped, counted and reported,
   the exit status is 3 as kgforge's, and the graph equals kgforge build --keep-going's.
3. A missing binary, and a model missing from the archive, give one clear error (exit 2, no
   Python traceback, no output).
"""
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time

import spark_test as t


def descendants(root):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().split(b"\0")
    except OSError:
        return []


def kill_one_extraction(job, killed):
    """Kills the first `kgforge extract --by-key` of the job that has run for 0.3 s."""
    first_seen = {}
    while job.poll() is None and not killed:
        now = time.time()
        for pid in descendants(job.pid):
            args = cmdline(pid)
            if len(args) > 2 and args[0].endswith(b"/bin/kgforge") and b"--by-key" in args:
                first_seen.setdefault(pid, now)
                if now - first_seen[pid] >= 0.3:
                    try:
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
                    except ProcessLookupError:
                        continue
                    return
        time.sleep(0.05)


def main():
    kgforge, build_dir, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    corpus = t.make_corpus(workdir)
    single = os.path.join(workdir, "single")
    shutil.rmtree(single, ignore_errors=True)
    t.kgforge(kgforge, "build", corpus, "--format", "all", "-o", single, "-q")

    # 1. A task killed mid-partition, retried.
    output = os.path.join(workdir, "killed")
    env = dict(os.environ, KGFORGE_SPARK_MASTER="local[2,4]")
    job = subprocess.Popen([t.SUBMIT, corpus, "-o", output, "--partitions", "2"], env=env,
                           cwd=build_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    killed = []
    watcher = threading.Thread(target=kill_one_extraction, args=(job, killed))
    watcher.start()
    stderr, _ = job.communicate()
    watcher.join()
    t.check(killed, "the extraction ended before it could be killed: nothing was tested")
    t.check(job.returncode == 0, f"the job did not survive a killed task ({job.returncode}):"
                                 f"\n{stderr[-3000:]}")
    t.compare_with_single(output, os.path.join(single, "graph.json"),
                          os.path.join(single, "neo4j-import"), "killed task")
    print(f"ok: kgforge extract (pid {killed[0]}) killed mid-partition on local[2,4]: the task "
          f"was retried and the graph equals kgforge build's")

    # 2. A malformed record.
    bad = os.path.join(workdir, "corpus-bad")
    shutil.rmtree(bad, ignore_errors=True)
    shutil.copytree(corpus, bad)
    path = os.path.join(bad, "news-b.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    bad_line = 41
    lines[bad_line - 1] = '{"id": "broken", "text": "no closing quote}'
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    output = os.path.join(workdir, "bad")
    shutil.rmtree(output, ignore_errors=True)
    status, stderr = t.spark(build_dir, bad, "-o", output, check_status=False)
    where = f"{path}:{bad_line}"
    t.check(status == 2, f"a malformed line: exit status {status}, not 2:\n{stderr[-3000:]}")
    errors = [line for line in stderr.splitlines() if "error:" in line]
    t.check(len(errors) == 1 and where in errors[0] and "Traceback" not in stderr,
            f"a malformed line: want one error naming {where}, got:\n{stderr[-3000:]}")
    t.check(not os.path.exists(output), "a failed job left an output folder")
    print(f"ok: a malformed line fails the job with one message: {errors[0]}")

    status, stderr = t.spark(build_dir, bad, "-o", output, "--keep-going", check_status=False)
    t.check(status == 3, f"--keep-going: exit status {status}, not 3:\n{stderr[-3000:]}")
    t.check(f"kgforge-spark: skipped: {where}" in stderr and "1 malformed records skipped"
            in stderr, f"--keep-going: the skipped line is not reported:\n{stderr[-3000:]}")
    single_bad = os.path.join(workdir, "single-bad")
    shutil.rmtree(single_bad, ignore_errors=True)
    t.kgforge(kgforge, "build", bad, "--format", "all", "-o", single_bad, "-q", "--keep-going",
              expect=(3,))
    t.compare_with_single(output, os.path.join(single_bad, "graph.json"),
                          os.path.join(single_bad, "neo4j-import"), "--keep-going")
    print(f"ok: --keep-going skips, counts and reports {where}; the graph equals kgforge "
          f"build --keep-going's")

    # 3. Nothing to run on the executors.
    output = os.path.join(workdir, "missing")
    status, stderr = t.spark(build_dir, corpus, "-o", output, "--kgforge-home",
                             os.path.join(workdir, "no-such-kgforge"), check_status=False)
    errors = [line for line in stderr.splitlines() if "error:" in line]
    t.check(status == 2 and len(errors) == 1 and "kgforge binary not found" in errors[0]
            and "Traceback" not in stderr and not os.path.exists(output),
            f"a missing binary: want one clear error, got ({status}):\n{stderr[-3000:]}")
    print(f"ok: a missing binary gives one error: {errors[0]}")

    archive = os.path.join(build_dir, "kgforge-spark.tar.gz")
    broken = os.path.join(workdir, "kgforge-spark-no-ner.tar.gz")
    with tarfile.open(archive) as source, tarfile.open(broken, "w:gz") as target:
        for member in source.getmembers():
            if member.name != "models/ner.bin":
                target.addfile(member, source.extractfile(member) if member.isfile() else None)
    status, stderr = t.spark(build_dir, corpus, "-o", output, archive=broken,
                             check_status=False)
    errors = [line for line in stderr.splitlines() if "error:" in line]
    t.check(status == 2 and len(errors) == 1 and "ner.bin" in errors[0]
            and "Traceback" not in stderr and not os.path.exists(output),
            f"a missing model: want one clear error naming ner.bin, got ({status}):\n"
            f"{stderr[-3000:]}")
    print(f"ok: a model missing on the executors gives one error: {errors[0]}")


if __name__ == "__main__":
    main()
