#!/usr/bin/python3
"""Live proof of the Cypher exporter against a real Neo4j 5 (ctest neo4j_live.cypher_script).

  check_cypher_script.py KGFORGE WORKDIR

1. samples/ (text pipeline) and tests/data/adversarial.jsonl: the script of
   `kgforge build --format cypher`, run statement by statement over HTTP, gives exactly the
   graph of `--format json` (node counts per label, relationship counts per type, every
   property); running it a second time changes nothing (full dump compared).
2. Two batches sharing entities (batches.py): the scripts of batch 1 then batch 2, and of
   batch 2 then batch 1, give the graph of the union built at once (up to the order of
   evidence list elements and which name is the display name).
"""
import os
import sys

import live
from batches import write_batches


def build(kgforge, workdir, name, inputs, fmt, extra=()):
    suffix = {"cypher": ".cypher", "json": ".json"}[fmt]
    out = os.path.join(workdir, name + suffix)
    live.kgforge(kgforge, "build", *inputs, "--format", fmt, "-o", out, "-q", *extra)
    return out


def per_label_and_type(expected):
    labels, types = {}, {}
    for label_tuple, _ in expected[0].values():
        for label in label_tuple:
            labels[label] = labels.get(label, 0) + 1
    for (_, t, _) in expected[1]:
        types[t] = types.get(t, 0) + 1
    return labels, types


def load_and_compare(server, kgforge, workdir, name, inputs, extra=()):
    script = build(kgforge, workdir, name, inputs, "cypher", extra)
    graph = live.load_json(build(kgforge, workdir, name, inputs, "json", extra))
    expected = live.expected_from_graph_json(graph)
    server.wipe()
    statements = live.run_script(server, script)
    labels, types = server.counts()
    want_labels, want_types = per_label_and_type(expected)
    live.check(labels == want_labels, f"{name}: node counts per label {labels} != {want_labels}")
    live.check(types == want_types, f"{name}: relationship counts per type {types} != {want_types}")
    first = server.dump()
    live.require_same(first, expected, f"{name} (cypher script vs graph JSON)")
    live.run_script(server, script)
    live.require_same(server.dump(), first, f"{name} (script run twice)")
    print(f"ok: {name}: {statements} statements, {len(expected[0])} nodes, "
          f"{len(expected[1])} relationships, every property equal to the graph JSON; "
          f"second run changed nothing")
    return expected


def main():
    kgforge, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    server = live.Server()
    samples = load_and_compare(server, kgforge, workdir, "samples",
                               [os.path.join(live.ROOT, "samples")])
    live.check(len(samples[1]) > 0, "samples graph has no relationships")
    adversarial = [os.path.join(live.ROOT, "tests", "data", "adversarial.jsonl"),
                   "--from-extractions"]
    load_and_compare(server, kgforge, workdir, "adversarial", adversarial)
    load_and_compare(server, kgforge, workdir, "adversarial-batch2", adversarial,
                     ("--batch-size", "2"))

    batches = write_batches(workdir)
    scripts = {name: build(kgforge, workdir, name, [path, "--from-extractions"], "cypher",
                           ("--batch-size", "3"))
               for name, path in batches.items()}
    union_json = build(kgforge, workdir, "union", [batches["union"], "--from-extractions"], "json")
    expected = live.order_free(live.expected_from_graph_json(live.load_json(union_json)))
    server.wipe()
    live.run_script(server, scripts["union"])
    union_at_once = live.order_free(server.dump())
    live.require_same(union_at_once, expected, "union script vs union graph JSON")
    for order in (("batch1", "batch2"), ("batch2", "batch1")):
        server.wipe()
        for name in order:
            live.run_script(server, scripts[name])
        live.require_same(live.order_free(server.dump()), union_at_once,
                          f"scripts {order[0]} then {order[1]} vs the union's script")
        weights = [p["weight"] for k, p in server.dump()[1].items() if k[1] != "MENTIONS"]
        live.check(max(weights) == 2, f"no relation got evidence from both batches: {weights}")
    print("ok: two batches sharing entities (either order) = the union built at once "
          "(entities merged on id, evidence added without duplicates, weights and mention "
          "counts summed)")


if __name__ == "__main__":
    main()
