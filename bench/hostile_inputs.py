#!/usr/bin/python3
"""Hostile-input benchmark (issue 11): peak memory and speed of `kgforge build` on inputs
built to hurt, against the same text cut into ordinary 4 kB articles (the peer: kgforge on
news-sized documents, in the same run). Targets: peak RSS < 500 MB and >= 1 MB/s each.

  /usr/bin/python3 bench/hostile_inputs.py [--kgforge build/kgforge] [--runs 3] [--threads 2]
                                           [--scale 1.0] [--out bench/results/hostile_inputs.json]
                                           [--only NAME...]

Inputs, generated into bench/data/hostile/ (not committed), all from a few sentences written
for this benchmark, so no data set is needed:
  article-100mb.txt    100 MB of news-like paragraphs, one document
  line-100mb.txt       the same text with every line break replaced by a space
  random-30mb.txt      30 MB of random bytes (seeded)
  sentence-10mb.txt    10 MB of words without a full stop or line break
  news-4kb.jsonl       the article's text as 4 kB JSONL documents (the peer)
Each run: wall time, CPU time (user + system) and peak RSS (getrusage of the child) of
  kgforge build INPUT --format json -o /dev/null --quiet --threads T
CPU time is reported as well because the machine is shared: on a loaded machine the wall
time says more about the other users than about kgforge (MB per CPU-second does not).
"""
import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCES = [
    "Kenya signed a geothermal agreement with Norway's Equinor on Monday, the ministry said.",
    "Nairobi has assured Oslo that the project would not be delayed by land disputes.",
    "Brazil and Argentina agreed to cut tariffs on steel, according to officials in Brasilia.",
    "The Frontier Works Organization signed an agreement with US Strategic Metals last week.",
    "Pakistan trades with China worth $23 billion a year, the central bank reported.",
    "Minister Davis Chirchir told reporters in Nairobi that talks with Uganda would resume.",
    "Ghana criticised Togo over the border closure, a spokesman for the government said.",
]


def news_text(size, seed):
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6))) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def generate(folder, scale):
    os.makedirs(folder, exist_ok=True)
    mb = int(1_000_000 * scale)
    paths = {}

    def make(name, writer):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            writer(path)
        paths[name] = path

    article = news_text(100 * mb, 1)
    make("article-100mb.txt", lambda p: open(p, "w").write(article))
    make("line-100mb.txt", lambda p: open(p, "w").write(article.replace("\n", " ")))
    make("random-30mb.txt", lambda p: open(p, "wb").write(random.Random(2).randbytes(30 * mb)))
    words = " ".join(s.rstrip(".") for s in SENTENCES).replace(",", "").split()
    rng = random.Random(3)
    make("sentence-10mb.txt",
         lambda p: open(p, "w").write(" ".join(rng.choice(words) for _ in range(10 * mb // 6))))

    def peer(path):
        with open(path, "w") as f:
            for i in range(0, len(article), 4000):
                f.write(json.dumps({"id": f"d{i}", "text": article[i:i + 4000]}) + "\n")
    make("news-4kb.jsonl", peer)
    return paths


def run(kgforge, path, threads):
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # A fresh process per run: ru_maxrss of children is the maximum over all of them, so
    # each run is measured in its own child python that reports only its kgforge.
    code = ("import resource,subprocess,sys;"
            "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "sys.stdout.write(str(u.ru_maxrss)+' '+str(r.returncode)+' '+"
            "str(u.ru_utime+u.ru_stime))")
    out = subprocess.run(["/usr/bin/python3", "-c", code, kgforge, "build", path, "--format",
                          "json", "-o", "/dev/null", "--quiet", "--threads", str(threads)],
                         capture_output=True, text=True, check=True).stdout.split()
    seconds = time.monotonic() - start
    del before
    peak_kb, status, cpu = int(out[0]), int(out[1]), float(out[2])
    if status != 0:
        raise SystemExit(f"kgforge failed on {path} (exit {status})")
    return seconds, peak_kb / 1024, cpu


def save(out, threads, results):
    peer = results.get("news-4kb.jsonl")
    for r in results.values():
        if peer:
            r["speed_vs_4kb_news"] = round(r["mb_per_s"] / peer["mb_per_s"], 2)
            r["cpu_speed_vs_4kb_news"] = round(r["mb_per_cpu_s"] / peer["mb_per_cpu_s"], 2)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump({"threads": threads, "results": results}, f, indent=2)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kgforge", default=os.path.join(ROOT, "build", "kgforge"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=[],
                        help="input names to run (default: all); results merge into --out")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results",
                                                       "hostile_inputs.json"))
    args = parser.parse_args()
    paths = generate(os.path.join(ROOT, "bench", "data", "hostile"), args.scale)
    results = {}
    if args.only and os.path.exists(args.out):
        with open(args.out) as f:
            results = json.load(f)["results"]
    for name, path in paths.items():
        if args.only and name not in args.only:
            continue
        size = os.path.getsize(path) / 1e6
        runs = [run(args.kgforge, path, args.threads) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        results[name] = {"mb": round(size, 1), "seconds_median": round(seconds, 2),
                         "mb_per_s": round(size / seconds, 2), "cpu_seconds_median": round(cpu, 2),
                         "mb_per_cpu_s": round(size / cpu, 2), "peak_rss_mb": round(peak, 1),
                         "runs": args.runs, "load_average": round(os.getloadavg()[0], 1)}
        print(f"{name:20s} {size:7.1f} MB  {seconds:7.2f} s  {size / seconds:5.2f} MB/s  "
              f"cpu {cpu:7.2f} s  {size / cpu:5.2f} MB/cpu-s  peak {peak:6.1f} MB  "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
        save(args.out, args.threads, results)  # after each input: a long run can be cut short
    if "news-4kb.jsonl" not in results:
        raise SystemExit("the peer (news-4kb.jsonl) has not been run")


if __name__ == "__main__":
    main()
