#!/usr/bin/python3
"""kgforge benchmarks (docs/BENCHMARKS.md).

Runs, on synthetic extraction shards from kgforge_generate_synthetic:
  1. peak memory and wall time of `kgforge merge SHARDS --format all -o OUT` (/usr/bin/time -v)
  2. kgforge GraphML exporter vs Boost 1.74 boost::write_graphml, same graph, same process
     (kgforge_bench_graphml)
  3. kgforge GraphML export vs networkx.write_graphml, and kgforge JSON-LD export vs rdflib
     JSON-LD serialization, on the same graph (the "peer" scale, smaller by default because
     the Python libraries need minutes and gigabytes for the full graph)
Results go to bench/results/*.json; a table is printed at the end.

    /usr/bin/python3 bench/run_benchmarks.py            # full run (1M entities, 5M relations)
    /usr/bin/python3 bench/run_benchmarks.py --quick    # ~2 minute smoke run
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = BENCH / "data"
RESULTS = BENCH / "results"
# Exports are timed into tmpfs when there is one, so the disk (shared, slow) is not measured.
TMP = Path("/dev/shm/kgforge-bench") if Path("/dev/shm").is_dir() else DATA / "tmp"
TARGETS = ["kgforge_cli", "kgforge_generate_synthetic", "kgforge_bench_graphml"]


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(cmd, **kwargs):
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def build(build_dir, jobs):
    if not (build_dir / "build.ninja").exists():
        run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"])
    run(["ninja", "-C", build_dir, f"-j{jobs}"] + TARGETS)


def scale_name(scale):
    return f"s{scale:g}"


def generate(build_dir, scale, shards, seed):
    out = DATA / scale_name(scale)
    manifest = out / "generator.manifest"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("seed") == seed and m.get("shards") == shards and len(list(out.glob("*.jsonl"))) == shards:
            log(f"reusing {out} ({m['entities']} entities, {m['relations']} relations)")
            return out, m
    t0 = time.perf_counter()
    run([build_dir / "bench" / "kgforge_generate_synthetic", "--scale", scale, "--shards", shards,
         "--seed", seed, "--threads", "2", "--out", out])
    m = json.loads(manifest.read_text())
    m["generate_s"] = time.perf_counter() - t0
    manifest.write_text(json.dumps(m) + "\n")
    return out, m


def shards_of(folder):
    return sorted(str(p) for p in folder.glob("*.jsonl"))


def time_v(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, max RSS in KiB)."""
    log("$ /usr/bin/time -v " + " ".join(str(c) for c in cmd))
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + [str(c) for c in cmd], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit(f"command failed ({p.returncode}): {cmd}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return wall, rss


def bench_merge_memory(kgforge, shards_dir, out_dir, runs):
    results = []
    for _ in range(runs):
        shutil.rmtree(out_dir, ignore_errors=True)
        wall, rss = time_v([kgforge, "merge", *shards_of(shards_dir), "--format", "all", "-o", out_dir, "-q"])
        results.append({"wall_s": wall, "max_rss_kb": rss})
        log(f"merge --format all: {wall:.1f} s, max RSS {rss / 1024:.0f} MiB")
    files = {str(p.relative_to(out_dir)): p.stat().st_size for p in Path(out_dir).rglob("*") if p.is_file()}
    shutil.rmtree(out_dir, ignore_errors=True)  # tens of GB at full size
    return {
        "runs": results,
        "median_wall_s": statistics.median(r["wall_s"] for r in results),
        "max_rss_mib": max(r["max_rss_kb"] for r in results) / 1024,
        "output_bytes": files,
        "target_mib": 1536,
    }


def bench_exporter(bench_bin, shards_dir, fmt, runs, boost_runs, json_path, with_boost=True):
    cmd = [bench_bin, *shards_of(shards_dir), "--format", fmt, "--runs", runs, "--json", json_path,
           "--out-dir", TMP]
    if with_boost:
        cmd += ["--boost-runs", boost_runs]
    else:
        cmd += ["--no-boost"]
    run(cmd)
    return json.loads(Path(json_path).read_text())


def networkx_graph(graph_json):
    """The graph kgforge's GraphML exporter writes, as a networkx DiGraph with the same
    node and edge attributes (empty strings omitted, like kgforge)."""
    import networkx as nx

    data = json.loads(Path(graph_json).read_text())
    dates = {d["id"]: d["date"] for d in data["documents"]}
    g = nx.DiGraph()
    for n in data["nodes"]:
        attrs = {"label": n["name"], "name": n["name"], "type": n["type"], "subtype": n["subtype"],
                 "aliases": "|".join(a.replace("\\", "\\\\").replace("|", "\\|") for a in n["aliases"]),
                 "wikidata": n["external_ids"].get("wikidata", ""),
                 "mention_count": n["mention_count"], "document_count": n["document_count"],
                 "first_date": n["first_date"], "last_date": n["last_date"]}
        g.add_node(n["id"], **{k: v for k, v in attrs.items() if v != ""})
    for e in data["edges"]:
        ev = e["evidence"]
        ev_dates = [x["date"] for x in ev if x["date"]]
        attrs = {"label": e["label"] or e["type"], "type": e["type"], "weight": float(e["weight"]),
                 "confidence": float(e["confidence"]), "negated": e["negated"],
                 "hypothetical": e["hypothetical"], "symmetric": e["symmetric"],
                 "amount": e["amount"], "role": e["role"], "evidence_count": len(ev),
                 "first_date": ev_dates[0] if ev_dates else "",
                 "last_date": ev_dates[-1] if ev_dates else "",
                 "sentence": ev[0]["sentence"] if ev else "", "document": ev[0]["document"] if ev else ""}
        g.add_edge(e["source"], e["target"], id=e["id"], **{k: v for k, v in attrs.items() if v != ""})
    del data, dates
    return g


def bench_networkx(graph_json, runs, tmp):
    import networkx as nx

    t0 = time.perf_counter()
    g = networkx_graph(graph_json)
    load_s = time.perf_counter() - t0
    path = tmp / "networkx.graphml"
    times, cpu = [], []
    for _ in range(runs):
        path.unlink(missing_ok=True)
        t0, c0 = time.perf_counter(), time.process_time()
        nx.write_graphml(g, str(path))  # lxml writer when lxml is installed (it is on Debian)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        log(f"networkx.write_graphml: {times[-1]:.2f} s wall, {cpu[-1]:.2f} s cpu")
    size = path.stat().st_size
    path.unlink()
    elements = g.number_of_nodes() + g.number_of_edges()
    return {"version": nx.__version__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "load_s": load_s, "runs_s": times, "cpu_runs_s": cpu, "median_s": statistics.median(times),
            "cpu_median_s": statistics.median(cpu), "bytes": size,
            "mb_per_s": size / 1e6 / statistics.median(times),
            "cpu_mb_per_s": size / 1e6 / statistics.median(cpu),
            "elements": elements, "elements_per_cpu_s": elements / statistics.median(cpu)}


def bench_rdflib(graph_jsonld, runs, tmp):
    import rdflib

    t0 = time.perf_counter()
    g = rdflib.Graph()
    g.parse(str(graph_jsonld), format="json-ld")
    load_s = time.perf_counter() - t0
    log(f"rdflib parsed {len(g)} triples from kgforge's JSON-LD in {load_s:.1f} s")
    path = tmp / "rdflib.jsonld"
    times, cpu = [], []
    for _ in range(runs):
        path.unlink(missing_ok=True)
        t0, c0 = time.perf_counter(), time.process_time()
        g.serialize(destination=str(path), format="json-ld")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        log(f"rdflib serialize json-ld: {times[-1]:.2f} s wall, {cpu[-1]:.2f} s cpu")
    size = path.stat().st_size
    path.unlink()
    return {"version": rdflib.__version__, "triples": len(g), "load_s": load_s, "runs_s": times,
            "cpu_runs_s": cpu, "median_s": statistics.median(times), "cpu_median_s": statistics.median(cpu),
            "bytes": size, "mb_per_s": size / 1e6 / statistics.median(times),
            "cpu_mb_per_s": size / 1e6 / statistics.median(cpu),
            "triples_per_cpu_s": len(g) / statistics.median(cpu)}


def machine():
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        mem = int(open("/proc/meminfo").readline().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem, "kernel": platform.release(),
            "python": platform.python_version()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smoke run: scale 0.01, few repetitions (~2 min)")
    ap.add_argument("--scale", type=float, default=1.0, help="main graph: 1.0 = 1M entities, 5M relations")
    ap.add_argument("--peer-scale", type=float, default=0.05,
                    help="graph for networkx/rdflib and the kgforge runs compared with them")
    ap.add_argument("--rdflib-scale", type=float, default=0.005,
                    help="graph for rdflib (rdflib needs ~2 s per 25,000 triples)")
    ap.add_argument("--runs", type=int, default=5, help="repetitions of each kgforge export")
    ap.add_argument("--boost-runs", type=int, default=3)
    ap.add_argument("--peer-runs", type=int, default=3, help="repetitions of networkx/rdflib")
    ap.add_argument("--memory-runs", type=int, default=1, help="repetitions of merge --format all")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--build-dir", type=Path, default=ROOT / "build-bench")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--only", default="memory,boost,networkx,rdflib",
                    help="comma-separated subset of memory,boost,networkx,rdflib")
    args = ap.parse_args()
    if args.quick:
        args.scale, args.peer_scale, args.rdflib_scale = 0.01, 0.005, 0.001
        args.runs, args.boost_runs, args.peer_runs = 3, 2, 2
    rdflib_scale = args.rdflib_scale
    only = set(args.only.split(","))
    tag = "quick" if args.quick else "full"

    if not args.skip_build:
        build(args.build_dir, args.jobs)
    kgforge = args.build_dir / "kgforge"
    bench_bin = args.build_dir / "bench" / "kgforge_bench_graphml"
    RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = TMP
    tmp.mkdir(parents=True, exist_ok=True)

    summary = {"machine": machine(), "mode": tag, "scale": args.scale, "peer_scale": args.peer_scale,
               "rdflib_scale": rdflib_scale, "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    main_dir, main_manifest = generate(args.build_dir, args.scale, args.shards, args.seed)
    summary["graph"] = main_manifest

    if "memory" in only:
        summary["merge_all"] = bench_merge_memory(kgforge, main_dir, DATA / f"out-{scale_name(args.scale)}",
                                                  args.memory_runs)
        (RESULTS / f"merge_memory_{tag}.json").write_text(json.dumps(summary["merge_all"], indent=2) + "\n")

    if "boost" in only:
        summary["graphml_vs_boost"] = bench_exporter(bench_bin, main_dir, "graphml", args.runs, args.boost_runs,
                                                     RESULTS / f"graphml_vs_boost_{tag}.json")
        summary["jsonld_kgforge_main"] = bench_exporter(bench_bin, main_dir, "jsonld", args.runs, 0,
                                                        RESULTS / f"jsonld_kgforge_{tag}.json", with_boost=False)

    def peer_graph(scale):
        folder, manifest = generate(args.build_dir, scale, args.shards, args.seed)
        out = DATA / f"out-{scale_name(scale)}"
        # Always rewritten: the peers must load what the current exporters write.
        shutil.rmtree(out, ignore_errors=True)
        run([kgforge, "merge", *shards_of(folder), "--format", "all", "-o", out, "-q"])
        return folder, manifest, out

    if "networkx" in only:
        folder, manifest, out = peer_graph(args.peer_scale)
        kg = bench_exporter(bench_bin, folder, "graphml", args.runs, 0,
                            RESULTS / f"graphml_peer_{tag}.json", with_boost=False)
        nx_result = bench_networkx(out / "graph.json", args.peer_runs, tmp)
        summary["networkx"] = {"graph": manifest, "kgforge": kg, "networkx": nx_result,
                               "ratio": nx_result["median_s"] / kg["kgforge"]["median_s"],
                               "cpu_ratio": nx_result["cpu_median_s"] / kg["kgforge"]["cpu_median_s"],
                               "target": 30}
        (RESULTS / f"networkx_{tag}.json").write_text(json.dumps(summary["networkx"], indent=2) + "\n")

    if "rdflib" in only:
        folder, manifest, out = peer_graph(rdflib_scale)
        kg = bench_exporter(bench_bin, folder, "jsonld", args.runs, 0,
                            RESULTS / f"jsonld_peer_{tag}.json", with_boost=False)
        jsonld = out / "graph.jsonld"
        if jsonld.stat().st_size < 100:
            raise SystemExit("kgforge's JSON-LD exporter wrote nothing (still a stub?)")
        rd = bench_rdflib(jsonld, args.peer_runs, tmp)
        summary["rdflib"] = {"graph": manifest, "kgforge": kg, "rdflib": rd,
                             "ratio": rd["median_s"] / kg["kgforge"]["median_s"],
                             "cpu_ratio": rd["cpu_median_s"] / kg["kgforge"]["cpu_median_s"], "target": 30}
        (RESULTS / f"rdflib_{tag}.json").write_text(json.dumps(summary["rdflib"], indent=2) + "\n")

    (RESULTS / f"summary_{tag}.json").write_text(json.dumps(summary, indent=2) + "\n")
    print_table(summary)


def print_table(s):
    """Times are medians: wall clock and CPU time (the exports are single-threaded; on a
    shared machine the wall clock also counts waiting for a core). Ratios: CPU (wall)."""
    rows = []

    def gname(m):
        return f"{m['entities']:,} ent / {m['relations']:,} rel"

    def t(x):
        return f"{x['median_s']:.3f} s wall, {x['cpu_median_s']:.3f} s cpu, {x['cpu_mb_per_s']:.0f} MB/cpu-s"

    def ratio(what, graph, r, target):
        rows.append((what, graph, f"{r['cpu_ratio']:.1f}x cpu ({r['ratio']:.1f}x wall)", f">= {target}x",
                     "yes" if r["cpu_ratio"] >= target else "NO"))

    if "merge_all" in s:
        m = s["merge_all"]
        rows.append(("merge --format all: peak RSS", gname(s["graph"]),
                     f"{m['max_rss_mib']:.0f} MiB ({m['median_wall_s']:.1f} s wall)", "< 1536 MiB",
                     "yes" if m["max_rss_mib"] < 1536 else "NO"))
    if "graphml_vs_boost" in s:
        b = s["graphml_vs_boost"]
        rows.append(("GraphML kgforge", gname(s["graph"]), t(b["kgforge"]), "", ""))
        rows.append(("GraphML boost::write_graphml", gname(s["graph"]), t(b["boost"]), "", ""))
        ratio("GraphML boost / kgforge", gname(s["graph"]), b, 3)
    if "jsonld_kgforge_main" in s:
        rows.append(("JSON-LD kgforge", gname(s["graph"]), t(s["jsonld_kgforge_main"]["kgforge"]), "", ""))
    if "networkx" in s:
        n = s["networkx"]
        rows.append(("GraphML kgforge", gname(n["graph"]), t(n["kgforge"]["kgforge"]), "", ""))
        rows.append(("GraphML networkx.write_graphml", gname(n["graph"]), t(n["networkx"]), "", ""))
        ratio("GraphML networkx / kgforge", gname(n["graph"]), n, 30)
    if "rdflib" in s:
        r = s["rdflib"]
        rows.append(("JSON-LD kgforge", gname(r["graph"]), t(r["kgforge"]["kgforge"]), "", ""))
        rows.append((f"JSON-LD rdflib ({r['rdflib']['triples']:,} triples)", gname(r["graph"]), t(r["rdflib"]), "", ""))
        ratio("JSON-LD rdflib / kgforge", gname(r["graph"]), r, 30)
    header = ("what", "graph", "measured (medians)", "target", "met")
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(5)]
    for row in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))


if __name__ == "__main__":
    main()
