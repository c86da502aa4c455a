#!/usr/bin/python3
"""Checks a picture made by scripts/render-gephi-picture against the graph it shows.

Usage: check_picture.py --report REPORT.json --graph GRAPH.json --png PICTURE.png [--width 2400]

REPORT.json is the harness's JSON for the picture (scripts/gephi-check picture), GRAPH.json the
same graph's `kgforge build --format json` export, read with networkx. Checks:
  - the PNG (decoded here with zlib, independently of Java) has the reported size, --width
    pixels across, and is not blank: some thousands of non-white pixels, many colours, and the
    exact fill colour of every entity type in the legend on some discs;
  - the harness drew what the graph holds minus the entities without relations: as many
    entities as networkx finds with degree > 0, every relation, and one drawn edge per pair of
    related entities (two when directed relations run both ways);
  - no label hides another label or a disc (the overlap counts are all zero).
Exits non-zero with a message on any mismatch.
"""
import argparse
import json
import os
import struct
import sys
import zlib

import networkx as nx


class Failure(Exception):
    pass


def read_png(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB / RGBA, non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise Failure(f"{path}: expected 8-bit RGB/RGBA, non-interlaced (got {header})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            corner = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
            elif kind != 0:
                raise Failure(f"{path}: unknown PNG filter {kind}")
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def expected_drawing(graph_path):
    with open(graph_path, encoding="utf-8") as f:
        data = json.load(f)
    # Built edge by edge: the export's "multigraph": false would make node_link_graph merge the
    # parallel relations (same two entities, different types) that the picture must all show.
    g = nx.MultiDiGraph()
    g.add_nodes_from(n["id"] for n in data["nodes"])
    for e in data["edges"]:
        g.add_edge(e["source"], e["target"], symmetric=e.get("symmetric", False))
    related = [n for n in g.nodes if g.degree(n) > 0]
    pairs = {}
    for s, t, attrs in g.edges(data=True):
        key = tuple(sorted((s, t)))
        ways = pairs.setdefault(key, set())
        if not attrs.get("symmetric", False):
            ways.add((s, t))
    drawn_edges = sum(2 if len(ways) == 2 else 1 for ways in pairs.values())
    return {
        "nodes_in_file": g.number_of_nodes(),
        "isolated_left_out": g.number_of_nodes() - len(related),
        "drawn_nodes": len(related),
        "relations_drawn": g.number_of_edges(),
        "drawn_edges": drawn_edges,
    }


def check(args):
    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    if isinstance(report, list):  # scripts/render-gephi-picture --report: one entry per picture
        path = os.path.abspath(args.png)
        report = next((r for r in report if r.get("png", {}).get("path") == path), None)
        if report is None:
            raise Failure(f"{args.report} has no entry for {path}")
    want = expected_drawing(args.graph)
    for key, value in want.items():
        if report.get(key) != value:
            raise Failure(f"{key}: the harness reports {report.get(key)}, networkx expects {value}")
    hidden = {k: v for k, v in report["overlaps"].items()
              if k in ("node_labels", "edge_labels", "edge_and_node_labels", "labels_on_other_discs")}
    if any(hidden.values()):
        raise Failure(f"labels overlap: {hidden}")

    width, height, bpp, rows = read_png(args.png)
    if (width, height) != (report["png"]["width"], report["png"]["height"]):
        raise Failure(f"PNG is {width}x{height}, the harness reports "
                      f"{report['png']['width']}x{report['png']['height']}")
    if width != args.width:
        raise Failure(f"PNG is {width} px wide, expected {args.width}")
    counts = {}
    for row in rows[::2]:  # every other row and pixel: plenty for these checks
        for i in range(0, len(row), 2 * bpp):
            rgb = row[i:i + 3]
            counts[rgb] = counts.get(rgb, 0) + 1
    sampled = sum(counts.values())
    non_white = sampled - counts.get(b"\xff\xff\xff", 0)
    if non_white < 0.02 * sampled or len(counts) < 50:
        raise Failure(f"PNG looks blank: {non_white} of {sampled} sampled pixels not white, "
                      f"{len(counts)} colours")
    for entry in report["legend"]:
        rgb = bytes.fromhex(entry["color"][1:])
        if counts.get(rgb, 0) < 20:
            raise Failure(f"legend colour {entry['color']} ({entry['type']}) is on no disc "
                          f"({counts.get(rgb, 0)} sampled pixels)")
    print(f"ok: {args.png}: {width}x{height}, {want['drawn_nodes']} entities "
          f"({want['isolated_left_out']} without relations left out), {want['relations_drawn']} "
          f"relations on {want['drawn_edges']} edges, {len(report['legend'])} types in the legend, "
          f"no hidden labels, {100.0 * non_white / sampled:.1f}% of pixels drawn")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", required=True)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--png", required=True)
    parser.add_argument("--width", type=int, default=2400)
    args = parser.parse_args()
    try:
        check(args)
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
