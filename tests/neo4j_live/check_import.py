#!/usr/bin/python3
"""Live proof of the neo4j-admin CSV export (ctest neo4j_live.csv_import).

  check_import.py KGFORGE WORKDIR

For samples/ and tests/data/adversarial.jsonl:
1. The exported import.sh, run as is with NEO4J_ADMIN pointing at the test server's real
   neo4j-admin (`scripts/neo4j-test-server import`), bulk-imports a database with the same
   node counts per label, relationship counts per type and properties as the graph JSON
   (= what the Cypher script and push load), except the importer's documented limitation:
   it cannot write a one-element string list [""] nor an empty list (no property); and the
   CSV format's documented text change: U+001F in a list element is written as U+FFFD.
2. graph.cypher run on that imported database (after the two constraints) leaves it
   exactly equal to the Cypher path's graph, limitation included: the script pads.
3. load.cypher (LOAD CSV, CSV files copied to the server's import directory) into an empty
   database gives exactly the Cypher path's graph (up to the CSV's U+001F change, which
   also reaches the label/amount/role summaries recomputed from the lists).
"""
import os
import shutil
import stat
import subprocess
import sys

import live

STRING_LISTS = ["aliases", "evidence_keys", "evidence_documents", "evidence_dates",
                "evidence_sentences", "evidence_labels", "evidence_amounts", "evidence_roles",
                "evidence_rules"]


def fill_importer_gaps(dump, expected):
    """Adds the properties the importer leaves out where the expected value is a list of
    empty strings or an empty list; nothing else is changed."""
    nodes, rels = dump
    e_nodes, e_rels = expected
    filled = 0
    for key, (labels, props) in nodes.items():
        want = e_nodes.get(key, (None, {}))[1]
        for p in STRING_LISTS:
            if p not in props and p in want and all(x == "" for x in want[p]):
                props[p] = want[p]
                filled += 1
    for key, props in rels.items():
        want = e_rels.get(key, {})
        for p in STRING_LISTS:
            if p not in props and p in want and all(x == "" for x in want[p]):
                props[p] = want[p]
                filled += 1
    return filled


def csv_text(dump, summaries=False):
    """The documented text changes of the CSV format, applied to a dump: U+001F (the array
    delimiter) inside a list element becomes U+FFFD, and aliases are compared as a set (a
    Cypher load over an import then holds both spellings). With summaries, also in the
    relationship summaries label, amount and role, which a Cypher load over an import
    recomputes from the lists."""
    nodes, rels = dump

    def fix(props):
        out = {}
        for k, v in props.items():
            if isinstance(v, tuple):
                v = tuple(x.replace("\x1f", "\ufffd") if isinstance(x, str) else x for x in v)
                if k == "aliases":
                    v = tuple(sorted(set(v)))
            elif summaries and k in ("label", "amount", "role") and isinstance(v, str):
                v = v.replace("\x1f", "\ufffd")
            out[k] = v
        return out

    return ({k: (labels, fix(p)) for k, (labels, p) in nodes.items()},
            {k: fix(p) for k, p in rels.items()})


def main():
    kgforge, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    # import.sh calls "$NEO4J_ADMIN database import full neo4j --nodes=... ..."; this
    # stand-in hands the rest to the test server's real neo4j-admin.
    admin = os.path.join(workdir, "neo4j-admin")
    with open(admin, "w") as f:
        f.write('#!/bin/sh\n[ "$1 $2 $3 $4" = "database import full neo4j" ] || '
                '{ echo "unexpected neo4j-admin call: $*" >&2; exit 2; }\nshift 4\n'
                f'exec "{live.SERVER}" import "$@"\n')
    os.chmod(admin, os.stat(admin).st_mode | stat.S_IEXEC)

    cases = (("samples", [os.path.join(live.ROOT, "samples")]),
             ("adversarial", [os.path.join(live.ROOT, "tests", "data", "adversarial.jsonl"),
                              "--from-extractions"]))
    for name, inputs in cases:
        csv_dir = os.path.join(workdir, name + "-csv")
        shutil.rmtree(csv_dir, ignore_errors=True)
        graph_json = os.path.join(workdir, name + ".json")
        script = os.path.join(workdir, name + ".cypher")
        live.kgforge(kgforge, "build", *inputs, "--format", "neo4j-csv", "-o", csv_dir, "-q")
        live.kgforge(kgforge, "build", *inputs, "--format", "json", "-o", graph_json, "-q")
        live.kgforge(kgforge, "build", *inputs, "--format", "cypher", "-o", script, "-q")
        expected = live.expected_from_graph_json(live.load_json(graph_json))

        with open(os.path.join(csv_dir, "entities_location.csv"), encoding="utf-8") as f:
            longest = max(len(line.split('",')[0].encode()) for line in f)
        live.check(longest <= live.MAX_NODE_KEY_BYTES + 2,
                   f"{name}: the CSV has an id of {longest} bytes, which Neo4j cannot index "
                   f"(graph.cypher and push shorten such ids with neo4j::node_key): "
                   f"exporters/neo4j_csv.cpp must write neo4j::node_key(id) for node ids, "
                   f":START_ID/:END_ID and evidence_documents")
        env = dict(os.environ, NEO4J_ADMIN=admin)
        result = subprocess.run([os.path.join(csv_dir, "import.sh")], env=env,
                                capture_output=True, text=True)
        live.check(result.returncode == 0,
                   f"{name}: import.sh failed ({result.returncode}):\n{result.stderr[-3000:]}")
        server = live.Server(live.connection_info())  # restarted, on new ports
        imported = server.dump()
        filled = fill_importer_gaps(imported, expected)
        live.require_same(csv_text(imported), csv_text(expected),
                          f"{name} (neo4j-admin import vs graph JSON)")
        print(f"ok: {name}: import.sh (real neo4j-admin) gave {len(expected[0])} nodes and "
              f"{len(expected[1])} relationships equal to the graph JSON ({filled} all-empty "
              f"string lists not imported, as documented)")

        with open(os.path.join(csv_dir, "load.cypher"), encoding="utf-8") as f:
            constraints = [s for s in live.split_cypher(f.read()) if "CREATE CONSTRAINT" in s]
        live.check(len(constraints) == 2, f"{name}: load.cypher has {len(constraints)} constraints")
        for statement in constraints:
            server.run(statement)
        live.run_script(server, script)
        live.require_same(csv_text(server.dump(), True), csv_text(expected, True),
                          f"{name} (graph.cypher over the import)")
        print(f"ok: {name}: graph.cypher over the imported database = the Cypher path's graph")

        import_dir = os.path.join(server.info["home_dir"], "import")
        os.makedirs(import_dir, exist_ok=True)
        for entry in os.listdir(csv_dir):
            if entry.endswith(".csv"):
                shutil.copy(os.path.join(csv_dir, entry), import_dir)
        server.wipe()
        live.run_script(server, os.path.join(csv_dir, "load.cypher"))
        live.require_same(csv_text(server.dump(), True), csv_text(expected, True),
                          f"{name} (load.cypher vs graph JSON)")
        print(f"ok: {name}: load.cypher (LOAD CSV) = the Cypher path's graph")


if __name__ == "__main__":
    main()
