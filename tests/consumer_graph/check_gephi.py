#!/usr/bin/python3
"""Checks that the Gephi Toolkit reads kgforge's GraphML and GEXF exports exactly.

Usage: check_gephi.py GEPHI_CHECK --json graph.json FILE.graphml|FILE.gexf...

GEPHI_CHECK is scripts/gephi-check (real Gephi Toolkit importers, headless). For each file,
Gephi must import it with no SEVERE or CRITICAL issue, the same node and edge counts as the
--format json export, and node labels equal to the entity names (characters XML 1.0 forbids
become U+FFFD; for an empty name Gephi shows the node id from GraphML, "" from GEXF). The GEXF edge kinds (and the
GraphML <edge label>, which Gephi reads as the kind) must be the relation types.
"""
import json
import subprocess
import sys

from check_python_consumers import sanitize, sanitize_id


def main():
    args = sys.argv[1:]
    if len(args) < 4 or args[1] != "--json":
        print(__doc__, file=sys.stderr)
        return 2
    gephi_check, json_path, files = args[0], args[2], args[3:]
    with open(json_path, encoding="utf-8") as f:
        graph = json.load(f)
    nodes, edges = graph["nodes"], graph["edges"]
    # An empty name: the GraphML has no label <data>, so Gephi shows the id; the GEXF has
    # label="", which Gephi keeps.
    labels = {ext: sorted({sanitize(n["name"]) or (sanitize_id(n["id"]) if ext == "graphml" else "")
                           for n in nodes}) for ext in ("graphml", "gexf")}
    kinds = sorted({e["type"] for e in edges})
    failed = False
    for path in files:
        command = [gephi_check, path, "--expect-nodes", str(len(nodes)), "--expect-edges",
                   str(len(edges)), "--layout", "none"]
        result = subprocess.run(command, capture_output=True, text=True)
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            print(f"FAIL: {' '.join(command)} exited {result.returncode} without a JSON "
                  f"report\n{result.stderr[-2000:]}", file=sys.stderr)
            return 1
        report = report[0] if isinstance(report, list) else report
        problems = list(report.get("failures", []))
        if result.returncode != 0:
            problems.append(f"gephi-check exited {result.returncode}")
        if report.get("issue_counts", {}).get("SEVERE") or report.get("issue_counts", {}).get("CRITICAL"):
            problems.append(f"import issues: {report.get('issues')}")
        expected = labels["gexf" if path.endswith(".gexf") else "graphml"]
        if sorted(set(report.get("node_labels", []))) != expected:
            seen = set(report.get("node_labels", []))
            problems.append(f"node labels differ: missing {sorted(set(expected) - seen)[:5]}, "
                            f"unexpected {sorted(seen - set(expected))[:5]}")
        if sorted(set(report.get("edge_kinds", []))) != kinds:
            problems.append(f"edge kinds {report.get('edge_kinds')} != relation types {kinds}")
        if problems:
            failed = True
            print(f"FAIL: Gephi on {path}: " + "; ".join(str(p)[:500] for p in problems),
                  file=sys.stderr)
        else:
            print(f"ok: Gephi {report.get('importer')}: {report.get('nodes')} nodes, "
                  f"{report.get('edges')} edges, labels and edge kinds match ({path})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
