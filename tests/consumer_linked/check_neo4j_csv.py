#!/usr/bin/python3
"""Checks a kgforge neo4j-admin CSV folder against the same graph as --format json.

Usage: check_neo4j_csv.py FOLDER GRAPH.json

Every file must parse with Python's csv module (RFC 4180, quoted multi-line fields), with
the typed headers neo4j-admin expects; row counts must match the graph (entities per
label, documents, MENTIONS, relationships per type); names, ids and evidence must
round-trip (arrays split on U+001F); import.sh must be executable and name every file with
the options the files need; load.cypher must load every file. Exits 1 on a failed check.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "neo4j_live"))
from live import node_key  # noqa: E402  (ids over Neo4j's index limit are shortened)

DELIM = "\x1f"
REPLACEMENT = "\ufffd"


def fail(message):
    print("check_neo4j_csv: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def clean(text, in_array=False):
    """What the exporter writes for a string: NUL (and U+001F in arrays) as U+FFFD."""
    text = text.replace("\0", REPLACEMENT)
    return text.replace(DELIM, REPLACEMENT) if in_array else text


def read(folder, name, header_expected=None):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        fail(f"{name} is missing")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows:
        fail(f"{name} has no header")
    header, body = rows[0], rows[1:]
    if header_expected is not None and header[:len(header_expected)] != header_expected:
        fail(f"{name}: header {header!r}, expected it to start with {header_expected!r}")
    for number, row in enumerate(body, 2):
        if len(row) != len(header):
            fail(f"{name}: record {number} has {len(row)} fields, the header {len(header)}")
    return header, [dict(zip(header, row)) for row in body]


def array(value):
    return value.split(DELIM) if value != "" else []


def main():
    if len(sys.argv) != 3:
        fail("usage: check_neo4j_csv.py FOLDER GRAPH.json")
    folder, reference_path = sys.argv[1], sys.argv[2]
    csv.field_size_limit(sys.maxsize)
    with open(reference_path, encoding="utf-8") as f:
        graph = json.load(f)

    entity_header = ["id:ID(Entity)", ":LABEL", "name:string", "subtype:string",
                     "aliases:string[]", "mention_count:long", "document_count:long",
                     "first_date:string", "last_date:string"]
    labels = {"PERSON": "Person", "ORGANIZATION": "Organization", "COUNTRY": "Country",
              "LOCATION": "Location"}
    nodes = {node_key(n["id"]): n for n in graph["nodes"]}
    seen = set()
    for label in labels.values():
        header, rows = read(folder, f"entities_{label.lower()}.csv", entity_header)
        for extra in header[len(entity_header):]:
            if not (extra.startswith("xref_") and extra.endswith(":string")):
                fail(f"entities_{label.lower()}.csv: unexpected column {extra!r}")
        for row in rows:
            node = nodes.get(row["id:ID(Entity)"])
            if node is None:
                fail(f"entity {row['id:ID(Entity)']!r} is not in the graph")
            if labels[node["type"]] != label:
                fail(f"entity {node['id']!r} of type {node['type']} is in the {label} file")
            if row[":LABEL"] != "Entity" + DELIM + label:
                fail(f"entity {node['id']!r}: :LABEL {row[':LABEL']!r}")
            if row["name:string"] != clean(node["name"]):
                fail(f"entity {node['id']!r}: name {row['name:string']!r}, "
                     f"expected {node['name']!r}")
            if array(row["aliases:string[]"]) != [clean(a, True) for a in node["aliases"]]:
                fail(f"entity {node['id']!r}: aliases {row['aliases:string[]']!r}")
            if int(row["mention_count:long"]) != node["mention_count"]:
                fail(f"entity {node['id']!r}: mention_count")
            for key, value in node.get("external_ids", {}).items():
                column = "xref_" + "".join(c if c.isalnum() and c.isascii() or c == "_" else "_"
                                           for c in key) + ":string"
                if row.get(column) != clean(value):
                    fail(f"entity {node['id']!r}: {column} is {row.get(column)!r}")
            seen.add(node_key(node["id"]))
    if seen != set(nodes):
        fail(f"{len(nodes) - len(seen)} entities are in no entity file")

    _, docs = read(folder, "documents.csv", ["id:ID(Document)", ":LABEL", "title:string",
                                             "date:string", "url:string", "source:string"])
    if [d["id:ID(Document)"] for d in docs] != [clean(d["id"]) for d in graph["documents"]]:
        fail("documents.csv: the document ids differ from the graph's")
    for row, doc in zip(docs, graph["documents"]):
        if row["title:string"] != clean(doc["title"]) or row["url:string"] != clean(doc["url"]):
            fail(f"document {doc['id']!r}: title or url does not round-trip")
    _, mentions = read(folder, "mentions.csv", [":START_ID(Document)", ":END_ID(Entity)",
                                                ":TYPE", "count:long"])
    expected_mentions = sum(len(d["mentions"]) for d in graph["documents"])
    if len(mentions) != expected_mentions:
        fail(f"mentions.csv: {len(mentions)} rows, expected {expected_mentions}")
    if any(m[":TYPE"] != "MENTIONS" for m in mentions):
        fail("mentions.csv: a :TYPE other than MENTIONS")

    rel_header = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key:string",
                  "symmetric:boolean", "weight:long", "confidence:double", "label:string",
                  "amount:string", "role:string", "negated:boolean", "hypothetical:boolean",
                  "evidence_keys:string[]", "evidence_documents:string[]",
                  "evidence_dates:string[]", "evidence_sentences:string[]",
                  "evidence_starts:long[]", "evidence_ends:long[]", "evidence_labels:string[]",
                  "evidence_confidences:double[]", "evidence_negated:boolean[]",
                  "evidence_hypothetical:boolean[]", "evidence_amounts:string[]",
                  "evidence_roles:string[]", "evidence_rules:string[]"]
    edges = {e["id"]: e for e in graph["edges"]}
    types = sorted({e["type"] for e in graph["edges"]})
    rel_files = sorted(f for f in os.listdir(folder) if f.startswith("rel_"))
    if rel_files != sorted(f"rel_{t}.csv" for t in types):
        fail(f"relationship files {rel_files!r}, expected one per type {types!r}")
    rel_count = 0
    for name in rel_files:
        _, rows = read(folder, name, rel_header)
        for row in rows:
            edge = edges.get(row["key:string"])
            if edge is None:
                fail(f"{name}: relation {row['key:string']!r} is not in the graph")
            if (row[":START_ID(Entity)"], row[":END_ID(Entity)"], row[":TYPE"]) != (
                    clean(node_key(edge["source"])), clean(node_key(edge["target"])), edge["type"]):
                fail(f"{name}: relation {edge['id']!r}: wrong ends or type")
            if int(row["weight:long"]) != edge["weight"]:
                fail(f"{name}: relation {edge['id']!r}: weight")
            for field in ("negated", "hypothetical", "symmetric"):
                if row[f"{field}:boolean"] != str(edge[field]).lower():
                    fail(f"{name}: relation {edge['id']!r}: {field}")
            float(row["confidence:double"])
            keys = array(row["evidence_keys:string[]"])
            if len(keys) != edge["weight"] or len(set(keys)) != len(keys):
                fail(f"{name}: relation {edge['id']!r}: {len(keys)} evidence keys "
                     f"(unique: {len(set(keys))}), weight {edge['weight']}")
            for column in ("evidence_documents:string[]", "evidence_starts:long[]",
                           "evidence_ends:long[]", "evidence_confidences:double[]",
                           "evidence_negated:boolean[]", "evidence_hypothetical:boolean[]"):
                if len(array(row[column])) != len(keys):
                    fail(f"{name}: relation {edge['id']!r}: {column} has "
                         f"{len(array(row[column]))} elements for {len(keys)} keys")
            # One-element arrays of '' are written as '' (the importer reads no list then).
            sentences = array(row["evidence_sentences:string[]"]) or [""]
            if sentences != [clean(ev["sentence"], True) for ev in edge["evidence"]]:
                fail(f"{name}: relation {edge['id']!r}: evidence sentences do not round-trip")
            starts = [int(x) for x in array(row["evidence_starts:long[]"])]
            if starts != [ev["start"] for ev in edge["evidence"]]:
                fail(f"{name}: relation {edge['id']!r}: evidence offsets")
            rel_count += 1
    if rel_count != len(edges):
        fail(f"{rel_count} relationship rows, expected {len(edges)}")

    script = os.path.join(folder, "import.sh")
    if not os.access(script, os.X_OK):
        fail("import.sh is not executable")
    with open(script, encoding="utf-8") as f:
        text = f.read()
    for needle in ["neo4j-admin", "database import full", "--multiline-fields=true",
                   "--array-delimiter=U+001F"] + \
            [f'--nodes="$here/entities_{label.lower()}.csv"' for label in labels.values()] + \
            ['--nodes="$here/documents.csv"', '--relationships="$here/mentions.csv"'] + \
            [f'--relationships="$here/{name}"' for name in rel_files]:
        if needle not in text:
            fail(f"import.sh does not contain {needle!r}")
    # Run import.sh with a stand-in neo4j-admin that records its arguments.
    with tempfile.TemporaryDirectory() as tmp:
        stub = os.path.join(tmp, "neo4j-admin")
        record = os.path.join(tmp, "args")
        with open(stub, "w", encoding="utf-8") as f:
            f.write(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{record}"\n')
        os.chmod(stub, 0o755)
        run = subprocess.run([script, "kgdb", "--verbose"], env=dict(os.environ, NEO4J_ADMIN=stub),
                             capture_output=True, text=True, check=False)
        if run.returncode != 0:
            fail(f"import.sh exited {run.returncode}: {run.stderr.strip()}")
        with open(record, encoding="utf-8") as f:
            args = f.read().split("\n")[:-1]
    if args[:4] != ["database", "import", "full", "kgdb"] or args[-1] != "--verbose":
        fail(f"import.sh runs neo4j-admin {' '.join(args[:4])} ... {args[-1:]}: expected "
             "'database import full kgdb' first and the extra options last")
    named = [a.split("=", 1)[1] for a in args if a.startswith(("--nodes=", "--relationships="))]
    csv_files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    if sorted(os.path.basename(p) for p in named) != csv_files:
        fail(f"import.sh imports {sorted(named)}, the folder has {csv_files}")
    for path in named:
        if not os.path.isabs(path) or not os.path.exists(path):
            fail(f"import.sh passes {path!r}, not an existing absolute path")
    with open(os.path.join(folder, "load.cypher"), encoding="utf-8") as f:
        load = f.read()
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv") and f"'file:///{name}'" not in load and \
                f'"file:///{name}"' not in load:
            fail(f"load.cypher does not load {name}")
    print(f"check_neo4j_csv: ok: {len(nodes)} entities, {len(docs)} documents, "
          f"{len(mentions)} mentions, {rel_count} relationships in {len(rel_files)} files")


if __name__ == "__main__":
    main()
