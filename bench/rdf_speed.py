#!/usr/bin/env python3
"""kgforge's Turtle and N-Triples writers against rdflib's serializers, same graph, same run
(docs/BENCHMARKS.md, "RDF writers").

On a synthetic graph (kgforge_generate_synthetic: 200,000 entities by default):
  1. kgforge_bench_graphml --format turtle / ntriples --no-boost: the exporter alone, timed
     in-process over --runs runs (medians, wall and CPU), writing to tmpfs;
  2. rdflib (the .venv-linked rdflib 7) parses kgforge's N-Triples of the same graph, then
     serializes it as Turtle and as N-Triples --peer-runs times (medians, wall and CPU);
  3. peak RSS of `kgforge merge SHARDS --format turtle|ntriples|nquads|json` (/usr/bin/time -v),
     the same measure as for the other writers.
Ratios are rdflib median / kgforge median; the target is 30x. Results go to
bench/results/rdf_speed.json and a table is printed.

    nice -n 10 .venv-linked/bin/python bench/rdf_speed.py         # 200k entities, 20k relations
    nice -n 10 .venv-linked/bin/python bench/rdf_speed.py --entities 20000 --relations 20000 --runs 3 --peer-runs 2
"""
import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_benchmarks as rb  # noqa: E402  (shared build / generate / time helpers)


def generate(build_dir, entities, relations, shards, seed):
    out = rb.DATA / f"rdf-e{entities}-r{relations}"
    manifest = out / "generator.manifest"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("seed") == seed and len(list(out.glob("*.jsonl"))) == shards:
            rb.log(f"reusing {out}")
            return out, m
    rb.run([build_dir / "bench" / "kgforge_generate_synthetic", "--entities", entities,
            "--relations", relations, "--shards", shards, "--seed", seed, "--threads", "2",
            "--out", out])
    return out, json.loads(manifest.read_text())


def bench_rdflib(nt_path, runs, turtle_runs, tmp):
    import rdflib

    t0 = time.perf_counter()
    g = rdflib.Graph()
    g.parse(str(nt_path), format="nt")
    load_s = time.perf_counter() - t0
    rb.log(f"rdflib {rdflib.__version__} parsed {len(g):,} triples in {load_s:.1f} s")
    result = {"version": rdflib.__version__, "triples": len(g), "load_s": load_s}
    for fmt, name, repeat in (("nt", "ntriples", runs), ("turtle", "turtle", turtle_runs)):
        path = tmp / f"rdflib.{fmt}"
        times, cpu = [], []
        for _ in range(repeat):
            path.unlink(missing_ok=True)
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            g.serialize(destination=str(path), format=fmt, encoding="utf-8")
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            rb.log(f"rdflib serialize {fmt}: {times[-1]:.2f} s wall, {cpu[-1]:.2f} s cpu")
        if not times:
            continue
        result[name] = {"runs_s": times, "cpu_runs_s": cpu, "median_s": statistics.median(times),
                        "cpu_median_s": statistics.median(cpu), "bytes": path.stat().st_size}
        path.unlink()
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--relations", type=int, default=20_000)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=5, help="repetitions of each kgforge writer")
    ap.add_argument("--peer-runs", type=int, default=3, help="repetitions of rdflib's N-Triples serializer")
    ap.add_argument("--turtle-peer-runs", type=int, default=1,
                    help="repetitions of rdflib's Turtle serializer (minutes of CPU per run at 200k entities)")
    ap.add_argument("--build-dir", type=Path, default=rb.ROOT / "build-bench")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--results", type=Path, default=rb.RESULTS / "rdf_speed.json")
    args = ap.parse_args()
    if not args.skip_build:
        rb.build(args.build_dir, args.jobs)
    kgforge = args.build_dir / "kgforge"
    bench_bin = args.build_dir / "bench" / "kgforge_bench_graphml"
    rb.RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = rb.TMP / args.results.stem  # a folder per results file: runs may overlap
    tmp.mkdir(parents=True, exist_ok=True)

    shards, manifest = generate(args.build_dir, args.entities, args.relations, args.shards, args.seed)
    summary = {"machine": rb.machine(), "graph": manifest, "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    for fmt in ("turtle", "ntriples"):
        summary[f"kgforge_{fmt}"] = rb.bench_exporter(
            bench_bin, shards, fmt, args.runs, 0, tmp / f"rdf_speed_{fmt}.json", with_boost=False)

    memory = {}
    out = tmp / "rdf-out"
    for fmt in ("turtle", "ntriples", "nquads", "json"):
        out.unlink(missing_ok=True)
        wall, rss = rb.time_v([kgforge, "merge", *rb.shards_of(shards), "--format", fmt, "-o", out, "-q"])
        memory[fmt] = {"wall_s": wall, "max_rss_mib": rss / 1024, "bytes": out.stat().st_size}
        rb.log(f"merge --format {fmt}: {wall:.1f} s, peak RSS {rss / 1024:.0f} MiB")
        if fmt == "ntriples":
            nt = tmp / "rdf-graph.nt"
            shutil.move(out, nt)
    summary["merge_peak_rss"] = memory

    rd = bench_rdflib(nt, args.peer_runs, args.turtle_peer_runs, tmp)
    nt.unlink()
    summary["rdflib"] = rd
    formats = [f for f in ("turtle", "ntriples") if f in rd]
    for fmt in formats:
        kg = summary[f"kgforge_{fmt}"]["kgforge"]
        summary[f"ratio_{fmt}"] = {"wall": rd[fmt]["median_s"] / kg["median_s"],
                                   "cpu": rd[fmt]["cpu_median_s"] / kg["cpu_median_s"], "target": 30}
    args.results.write_text(json.dumps(summary, indent=2) + "\n")

    g = manifest
    print(f"\ngraph: {g['entities']:,} entities, {g['relations']:,} relations, "
          f"{rd['triples']:,} triples; {summary['machine']['cpu']}")
    print(f"{'writer':<22}{'median wall':>14}{'median cpu':>14}{'MB':>10}")
    for fmt in formats:
        kg = summary[f"kgforge_{fmt}"]["kgforge"]
        print(f"{'kgforge ' + fmt:<22}{kg['median_s']:>12.3f} s{kg['cpu_median_s']:>12.3f} s"
              f"{kg['bytes'] / 1e6:>10.1f}")
        r = rd[fmt]
        print(f"{'rdflib ' + fmt:<22}{r['median_s']:>12.3f} s{r['cpu_median_s']:>12.3f} s"
              f"{r['bytes'] / 1e6:>10.1f}")
        ratio = summary[f"ratio_{fmt}"]
        print(f"{'  ratio':<22}{ratio['wall']:>12.1f} x{ratio['cpu']:>12.1f} x   target >= 30x: "
              f"{'yes' if ratio['cpu'] >= 30 else 'NO'}")
    for fmt, m in memory.items():
        print(f"merge --format {fmt:<9} peak RSS {m['max_rss_mib']:8.0f} MiB, {m['wall_s']:6.1f} s")


if __name__ == "__main__":
    main()
