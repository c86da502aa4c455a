#!/usr/bin/python3
"""Test fixture: writes one graph as JSON, GraphML and GEXF with the kgforge CLI.

Usage: export_graph_files.py KGFORGE OUT_DIR BUILD_ARG...

Runs `KGFORGE build -q BUILD_ARG... --format F -o OUT_DIR/graph.EXT` for json, graphml and
gexf, and again for graphml and gexf with --with-documents (graph-docs.EXT).
"""
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    kgforge, out_dir, build_args = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    runs = [("json", "graph.json", []), ("graphml", "graph.graphml", []),
            ("gexf", "graph.gexf", []),
            ("graphml", "graph-docs.graphml", ["--with-documents"]),
            ("gexf", "graph-docs.gexf", ["--with-documents"])]
    for fmt, name, extra in runs:
        path = os.path.join(out_dir, name)
        command = [kgforge, "build", "-q", *build_args, "--format", fmt, *extra, "-o", path]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0 or not os.path.isfile(path):
            print(f"FAIL: {' '.join(command)} exited {result.returncode}\n{result.stderr}",
                  file=sys.stderr)
            return 1
        print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
