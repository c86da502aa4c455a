#!/usr/bin/python3
"""Benchmark of `kgforge push` into a real Neo4j 5.26 (docs/BENCHMARKS.md, "Neo4j push").

  bench/neo4j_push.py [--build-dir build] [--scale 0.1] [--naive 2000] [--batch-size 1000]

1. Synthetic extraction shards from bench/generate_synthetic.cpp (scale 0.1 = 100,000
   entities, 500,000 relations; reuses bench/data/s<scale> when run_benchmarks.py made it).
2. A fresh test server (scripts/neo4j-test-server, own state dir), then
   `kgforge push SHARDS --from-extractions` (batched UNWIND $rows, one transaction per
   batch): wall time of the whole command, and of the push phase (from its summary line);
   relationships per second = relations / push-phase seconds (entity, document and
   count-refresh batches included, so this understates the relationship rate).
3. In the same run, on a subset (the relations of the first documents of shard 0, deleted
   first so both shapes create them): the naive shape, one parameterized MERGE statement
   per relationship, each its own HTTP request and transaction (same statement body as
   push, `WITH $row AS row` instead of `UNWIND $rows AS row`; persistent HTTP connection),
   vs `kgforge push` of the same subset, each run twice (the first plans the statements),
   the second measured. Ratios: full batched rate / naive rate, and subset batched / naive.
Writes bench/results/neo4j_push.json.
"""
import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "neo4j_live"))
os.environ.setdefault("KGFORGE_NEO4J_STATE",
                      os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                   f"kgforge-neo4j-bench-{os.getuid()}"))
# Full JIT and a larger heap than the test default (C1 only, 1 GB), for a long load; the
# naive and batched runs share the server, so the ratio does not depend on this.
os.environ.setdefault("KGFORGE_NEO4J_JAVA_OPTS", "-Xms2g -Xmx2g -XX:+UseParallelGC")
import live  # noqa: E402


def log(message):
    print(f"[neo4j_push] {message}", file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def shards(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".jsonl"))


def generate(build_dir, scale, seed, count):
    shared = os.path.join(HERE, "data", f"s{scale:g}")
    manifest = os.path.join(shared, "generator.manifest")
    if os.path.exists(manifest):
        m = json.load(open(manifest))
        if m.get("seed") == seed and m.get("shards") == count and len(shards(shared)) == count:
            log(f"reusing {shared}")
            return shared, m
    out = os.path.join(HERE, "data", f"neo4j-s{scale:g}")
    manifest = os.path.join(out, "generator.manifest")
    if not os.path.exists(manifest):
        run([os.path.join(build_dir, "bench", "kgforge_generate_synthetic"), "--scale", scale,
             "--shards", count, "--seed", seed, "--threads", "2", "--out", out])
    return out, json.load(open(manifest))


def push(kgforge, server, inputs, batch_size):
    env = dict(os.environ, KG_BENCH_PASSWORD=server.password)
    t0 = time.perf_counter()
    result = subprocess.run([kgforge, "push", *inputs, "--from-extractions", "--neo4j", server.url,
                             "--user", server.user, "--password-env", "KG_BENCH_PASSWORD",
                             "--batch-size", str(batch_size), "--timeout", "600"],
                            env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if result.returncode != 0:
        sys.exit(f"kgforge push failed ({result.returncode}):\n{result.stderr}")
    m = re.search(r"pushed (\d+) entities, (\d+) documents, (\d+) relationships .* in (\d+) "
                  r"batches, ([\d.]+) s", result.stderr)
    if not m:
        sys.exit(f"no summary line in:\n{result.stderr}")
    entities, documents, relations, batches = map(int, m.groups()[:4])
    return {"wall_s": wall, "push_s": float(m.group(5)), "entities": entities,
            "documents": documents, "relationships": relations, "batches": batches}


def relationship_bodies(script_path):
    """{TYPE: statement body after `] AS row\\n`} from a kgforge Cypher script."""
    bodies = {}
    with open(script_path, encoding="utf-8") as f:
        for statement in live.split_cypher(f.read()):
            m = re.search(r"MERGE \(s\)-\[r:`([A-Z_]+)`\]->\(o\)", statement)
            if m and m.group(1) not in bodies:
                bodies[m.group(1)] = statement[statement.index("\n] AS row\n") + 10:]
    return bodies


def naive_rows(graph):
    for e in graph["edges"]:
        ev = e["evidence"]
        keys = live.evidence_keys(ev)
        yield e["type"], {
            "s": e["source"], "o": e["target"], "key": f"{e['source']}|{e['type']}|{e['target']}",
            "ev": [{"key": k, "document": x["document"], "date": x["date"],
                    "sentence": x["sentence"], "start": x["start"], "end": x["end"],
                    "label": x["label"], "confidence": x["confidence"], "negated": x["negated"],
                    "hypothetical": x["hypothetical"], "amount": x["amount"], "role": x["role"],
                    "rule": x["rule"]} for k, x in zip(keys, ev)]}


def naive(server, graph, bodies):
    url = urllib.parse.urlparse(server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    path = f"/db/{server.database}/tx/commit"
    n = 0
    t0 = time.perf_counter()
    for rel_type, row in naive_rows(graph):
        body = json.dumps({"statements": [{"statement": "WITH $row AS row\n" + bodies[rel_type],
                                           "parameters": {"row": row}}]})
        connection.request("POST", path, body=body, headers=server.headers)
        reply = json.loads(connection.getresponse().read())
        if reply.get("errors"):
            sys.exit(f"naive MERGE failed: {reply['errors']}")
        n += 1
    return {"relationships": n, "wall_s": time.perf_counter() - t0}


def delete_relations(server, graph):
    rows = [{"s": e["source"], "o": e["target"], "t": e["type"]} for e in graph["edges"]]
    server.run("UNWIND $rows AS row MATCH (:Entity {id: row.s})-[r]->(:Entity {id: row.o}) "
               "WHERE type(r) = row.t DELETE r", {"rows": rows})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    ap.add_argument("--scale", type=float, default=0.1, help="0.1 = 100k entities, 500k relations")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--naive", type=int, default=2000, help="relations in the naive subset (about)")
    ap.add_argument("--keep-server", action="store_true", help="leave the server running")
    args = ap.parse_args()
    build_dir = os.path.abspath(args.build_dir)
    run(["ninja", "-C", build_dir, "-j2", "kgforge_cli", "kgforge_generate_synthetic"])
    kgforge = os.path.join(build_dir, "kgforge")
    folder, manifest = generate(build_dir, args.scale, args.seed, args.shards)
    inputs = shards(folder)
    work = os.path.join(HERE, "data", "neo4j_push-work")
    os.makedirs(work, exist_ok=True)

    # Subset: the first documents of shard 0, about --naive relations.
    subset = os.path.join(work, "subset.jsonl")
    relations_per_doc = max(1, manifest["relations"] // max(1, manifest["documents"]))
    with open(inputs[0], encoding="utf-8") as f, open(subset, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= max(1, args.naive // relations_per_doc):
                break
            out.write(line)
    subset_json = os.path.join(work, "subset.json")
    subset_cypher = os.path.join(work, "subset.cypher")
    run([kgforge, "build", subset, "--from-extractions", "--format", "json", "-o", subset_json, "-q"])
    run([kgforge, "build", subset, "--from-extractions", "--format", "cypher", "-o", subset_cypher,
         "-q"])
    graph = live.load_json(subset_json)
    bodies = relationship_bodies(subset_cypher)

    run([live.SERVER, "start"], stdout=subprocess.DEVNULL)
    server = live.Server(live.connection_info())
    result = {"machine": {"cpus": os.cpu_count()}, "neo4j": server.info.get("version"),
              "scale": args.scale, "batch_size": args.batch_size,
              "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        log(f"pushing {manifest['entities']} entities, {manifest['relations']} relations")
        full = push(kgforge, server, inputs, args.batch_size)
        full["relationships_per_s"] = full["relationships"] / full["push_s"]
        labels, types = server.counts()
        full["nodes_in_db"] = sum(v for k, v in labels.items() if k in ("Entity", "Document"))
        full["relationships_in_db"] = sum(types.values())
        result["full"] = full
        log(f"full push: {full}")

        # Each shape twice on the subset, relationships deleted before each run: the first
        # run plans the statements (0.3-0.7 s per shape after the database grew), the second
        # is measured, so the subset ratio compares execution, not planning.
        for attempt in ("warm-up", "measured"):
            delete_relations(server, graph)
            naive_run = naive(server, graph, bodies)
            naive_run["relationships_per_s"] = naive_run["relationships"] / naive_run["wall_s"]
            log(f"naive ({attempt}): {naive_run}")
            delete_relations(server, graph)
            batched = push(kgforge, server, [subset], args.batch_size)
            batched["relationships_per_s"] = batched["relationships"] / batched["push_s"]
            log(f"batched subset ({attempt}): {batched}")
        result["naive_subset"] = naive_run
        result["batched_subset"] = batched

        result["speedup_full_vs_naive"] = full["relationships_per_s"] / naive_run["relationships_per_s"]
        result["speedup_subset_vs_naive"] = (batched["relationships_per_s"] /
                                             naive_run["relationships_per_s"])
    finally:
        if not args.keep_server:
            run([live.SERVER, "stop"])
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "neo4j_push.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
    target = result["speedup_full_vs_naive"] >= 10
    print(f"batched push: {full['relationships_per_s']:.0f} relationships/s; naive one MERGE per "
          f"relationship: {naive_run['relationships_per_s']:.0f}/s; speedup "
          f"{result['speedup_full_vs_naive']:.1f}x (subset {result['speedup_subset_vs_naive']:.1f}x)"
          f" -> target >= 10x {'met' if target else 'NOT met'}")


if __name__ == "__main__":
    main()
