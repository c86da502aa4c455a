#!/usr/bin/env python3
"""Runs every SPARQL example of docs/LINKED-DATA.md on two real SPARQL stores, Oxigraph
(pyoxigraph) and Apache Jena (ARQ over an in-memory dataset), and checks the rows.

Usage: check_sparql.py DIR --jena scripts/jena-check [--doc docs/LINKED-DATA.md] [--expect]

Each example in the doc is a ```sparql block whose first line says which file it runs on
("# data: graph.ttl" or "# data: graph.nq", loaded from DIR, tests/linked_data/build_rdf.sh),
followed by a Markdown table of the rows it returns on tests/data/linked_data_example.jsonl.
With --expect (DIR built from that file) both stores must return exactly the doc's rows, in
order. Without it (any other graph) both stores must return the same rows; an article IRI
in a query is replaced by the first article of DIR that has a named graph. Exits 1 with a
message on the first failed check.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_ARTICLE = re.compile(r"<https://kgforge\.org/id/document/[^>]+>")


def fail(message):
    print("check_sparql: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def ok(message):
    print("check_sparql: ok: " + message, flush=True)


def examples(doc_path):
    """[(query, data file, expected rows (header first))] in the doc's order."""
    text = doc_path.read_text(encoding="utf-8")
    found = []
    blocks = list(re.finditer(r"```sparql\n(.*?)```", text, re.S))
    if not blocks:
        fail(f"no ```sparql block in {doc_path}")
    for i, block in enumerate(blocks):
        query = block.group(1)
        first = query.splitlines()[0]
        m = re.fullmatch(r"# data: (graph\.ttl|graph\.nq)", first.strip())
        if not m:
            fail(f"{doc_path}: SPARQL example {i + 1} does not start with '# data: graph.ttl|nq'")
        end = blocks[i + 1].start() if i + 1 < len(blocks) else len(text)
        rows = []
        for line in text[block.end():end].splitlines():
            if line.startswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-+:?", c) for c in cells):
                    continue
                rows.append([c[1:-1] if len(c) > 1 and c[0] == c[-1] == "`" else c for c in cells])
            elif rows:
                break
        if not rows:
            fail(f"{doc_path}: SPARQL example {i + 1} has no table of expected rows after it")
        found.append((query, m.group(1), rows))
    return found


def oxigraph_rows(store, query):
    result = store.query(query)
    names = [v.value for v in result.variables]
    rows = [[("" if s[n] is None else s[n].value) for n in names] for s in result]
    return [names] + rows


def jena_rows(jena, data, queries, workdir):
    files = []
    for i, q in enumerate(queries):
        path = Path(workdir) / f"q{i + 1}.rq"
        path.write_text(q, encoding="utf-8")
        files.append(str(path))
    p = subprocess.run([jena, "sparql", str(data), "--", *files], capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"Apache Jena could not run the queries on {data}: {p.stderr.strip()[-2000:]}")
    out = []
    for r in json.loads(p.stdout):
        names = r["head"]["vars"]
        out.append([names] + [[b.get(n, {}).get("value", "") for n in names]
                              for b in r["results"]["bindings"]])
    return out


def first_article_graph(nq_path):
    store = pyoxigraph.Store()
    store.load(path=str(nq_path), format=pyoxigraph.RdfFormat.N_QUADS)
    names = sorted(g.value for g in store.named_graphs())
    return f"<{names[0]}>" if names else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--jena", required=True)
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "LINKED-DATA.md")
    ap.add_argument("--expect", action="store_true", help="compare with the doc's rows")
    args = ap.parse_args()
    found = examples(args.doc)
    article = None if args.expect else first_article_graph(args.dir / "graph.nq")
    stores = {}
    for data, fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
                      ("graph.nq", pyoxigraph.RdfFormat.N_QUADS)):
        stores[data] = pyoxigraph.Store()
        stores[data].load(path=str(args.dir / data), format=fmt)
    with tempfile.TemporaryDirectory() as work:
        for data in ("graph.ttl", "graph.nq"):
            batch = [(i, q if args.expect or not article else EXAMPLE_ARTICLE.sub(article, q))
                     for i, (q, d, _) in enumerate(found) if d == data]
            if not batch:
                continue
            jena = jena_rows(args.jena, args.dir / data, [q for _, q in batch], work)
            for (i, query), jena_result in zip(batch, jena):
                ox = oxigraph_rows(stores[data], query)
                expected = found[i][2]
                label = f"example {i + 1} ({data})"
                if args.expect:
                    for store, got in (("Oxigraph", ox), ("Apache Jena", jena_result)):
                        if got != expected:
                            fail(f"{label}: {store} returned\n  {got}\nthe doc says\n  {expected}")
                    ok(f"{label}: Oxigraph and Jena return the doc's {len(expected) - 1} row(s)")
                else:
                    if ox[0] != jena_result[0] or sorted(ox[1:]) != sorted(jena_result[1:]):
                        fail(f"{label}: Oxigraph returned {ox[:6]} but Jena {jena_result[:6]}")
                    ok(f"{label}: Oxigraph and Jena agree on {len(ox) - 1} row(s)")
    print(f"check_sparql: all {len(found)} examples checked")


if __name__ == "__main__":
    main()
