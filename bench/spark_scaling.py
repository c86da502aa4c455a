#!/usr/bin/python3
"""Spark benchmark (issue 10): kgforge on Apache Spark local mode against plain
`kgforge build` on the same machine, in the same run, medians of several runs.

  /usr/bin/python3 bench/spark_scaling.py [--runs 3] [--copies 520,5200]
                                          [--out bench/results/spark_scaling.json]

For each corpus size (tests/spark/make_corpus.py: samples/ and COPIES copies of each of its
4 articles, 2,114 documents for 520) it measures
  build      kgforge build CORPUS --format all --threads 2 (the single-machine peer)
  spark-1    scripts/spark-submit on local[1] (one executor core), --partitions 2
  spark-2    the same on local[2] (two executor cores)
and reports wall times, the job's phase times (--timings), extraction throughput of the
map phase in MB/s with 1 and 2 cores (target ratio >= 1.7), the merge-by-key phase in
fragments/s, `kgforge merge-records` alone in fragments/s, and Spark's overhead against
kgforge build (target < 2x on 2,000+ documents).

CPU times are reported but only kgforge build's is complete: the JVM does not reap Spark's
Python worker daemon before it exits, so the CPU of the executors' Python workers and of their
kgforge processes is missing from a Spark run's "cpu_s" (a lower bound; docs use wall times).
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KGFORGE = os.path.join(ROOT, "build", "kgforge")
DATA = os.path.join(ROOT, "bench", "data", "spark")


CPU = []  # (wall, cpu) of every timed() run, in order


def timed(command, env=None):
    """Wall seconds of `command`; its CPU seconds (user + system of it and every process it
    waited for: the JVM, Python workers, kgforge) go to CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout.decode()[-3000:]}")
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def spark_run(corpus, cores, work):
    out = os.path.join(work, f"spark-{cores}")
    timings = os.path.join(work, f"timings-{cores}.json")
    env = dict(os.environ, KGFORGE_SPARK_MASTER=f"local[{cores}]")
    wall = timed([os.path.join(ROOT, "scripts", "spark-submit"), corpus, "-o", out,
                  "--partitions", "2", "--timings", timings], env)
    with open(timings, encoding="utf-8") as f:
        phases = json.load(f)
    phases["cpu_s"] = CPU[-1]
    shutil.rmtree(out, ignore_errors=True)
    return wall, phases


def median_of(values):
    return round(statistics.median(values), 3)


def measure(copies, runs):
    corpus = os.path.join(DATA, f"corpus-{copies}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "spark", "make_corpus.py"),
                        os.path.join(ROOT, "samples"), corpus, str(copies)], check=True)
    work = os.path.join(DATA, f"work-{copies}")
    os.makedirs(work, exist_ok=True)
    build_times, spark = [], {1: [], 2: []}
    for _ in range(runs):
        # Interleaved, so a change of machine load hits every contender alike.
        build_times.append((timed([KGFORGE, "build", corpus, "--format", "all", "--threads",
                                   "2", "-o", os.path.join(work, "single"), "-q"]), CPU[-1]))
        for cores in (1, 2):
            spark[cores].append(spark_run(corpus, cores, work))
    fragments = os.path.join(work, "fragments")
    with open(fragments, "wb") as f:
        subprocess.run([KGFORGE, "extract", corpus, "--by-key", "-q", "--threads", "2"],
                       stdout=f, check=True)
    with open(fragments, "rb") as f:
        fragment_count = sum(1 for _ in f)
    merge_times = [timed([KGFORGE, "merge-records", fragments, "-o", os.path.join(work, "rec")])
                   for _ in range(runs)]
    result = {"copies": copies, "runs": runs,
              "build_wall_s": median_of([w for w, _ in build_times]),
              "build_cpu_s": median_of([c for _, c in build_times]),
              "merge_records_fragments": fragment_count,
              "merge_records_s": median_of(merge_times),
              "merge_records_fragments_per_s": round(fragment_count / median_of(merge_times))}
    for cores, values in spark.items():
        walls = [w for w, _ in values]
        phases = {name: median_of([p["phases"][name] for _, p in values])
                  for name in values[0][1]["phases"]}
        totals = values[0][1]["totals"]
        mb = values[0][1]["input_bytes"] / 1e6
        result[f"spark_{cores}"] = {
            "wall_s": median_of(walls), "cpu_s": median_of([p["cpu_s"] for _, p in values]),
            "phases_s": phases,
            "documents": totals.get("jsonl.documents"), "input_mb": round(mb, 2),
            "extraction_mb_per_s": round(mb / phases["extraction (map)"], 3),
            "merge_fragments_per_s": round(totals.get("_fragments", 0)
                                           / phases["shuffle, merge by key, write parts"]),
        }
    result["extraction_speedup_2_vs_1_cores"] = round(
        result["spark_2"]["extraction_mb_per_s"] / result["spark_1"]["extraction_mb_per_s"], 2)
    result["spark_2_vs_build"] = round(result["spark_2"]["wall_s"] / result["build_wall_s"], 2)
    result["spark_2_vs_build_cpu"] = round(result["spark_2"]["cpu_s"] / result["build_cpu_s"], 2)
    fixed = result["spark_2"]["phases_s"]["session and preflight"]
    result["spark_2_vs_build_without_session_start"] = round(
        (result["spark_2"]["wall_s"] - fixed) / result["build_wall_s"], 2)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--copies", default="520,5200")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results",
                                                      "spark_scaling.json"))
    args = parser.parse_args()
    with open("/proc/loadavg") as f:
        load_before = f.read().split()[:3]
    results = [measure(int(c), args.runs) for c in args.copies.split(",")]
    with open("/proc/loadavg") as f:
        load_after = f.read().split()[:3]
    report = {"load_average_before": load_before, "load_average_after": load_after,
              "nproc": os.cpu_count(), "results": results}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
