#!/usr/bin/python3
"""Checks that Python graph libraries read kgforge's GraphML and GEXF exports exactly.

Usage: check_python_consumers.py --json graph.json [--with-documents]
                                 [--graphml graph.graphml] [--gexf graph.gexf]

graph.json is the same graph's `--format json` export (the reference). For each file given:
  GraphML: networkx.read_graphml and igraph.Graph.Read_GraphML
  GEXF:    networkx.read_gexf
must read the same number of nodes and edges, the same node ids and edge ids, and exactly the
same entity names (node "name" and "label"), after the documented replacement of characters
XML 1.0 forbids (docs/FORMATS-graphml-gexf.md). With --with-documents the files were written
with ExportOptions::include_documents: one more node per document ("document:<id>", name =
title, label = title or id) and one MENTIONS edge per (document, entity) mention.
Exits non-zero with a message on any mismatch.
"""
import argparse
import collections
import json
import re
import sys

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
ID_ESCAPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\uffff]")


def sanitize(text):
    """Text fields: each character XML 1.0 forbids becomes U+FFFD."""
    return FORBIDDEN.sub("\ufffd", text)


def sanitize_id(text):
    """Ids: U+FFFD plus four hex digits, so distinct ids stay distinct."""
    return ID_ESCAPED.sub(lambda m: "\ufffd%04X" % ord(m.group()), text)


class Failure(Exception):
    pass


def show(value, limit=80):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(value)} chars)"


def compare_multiset(what, expected, actual):
    expected, actual = collections.Counter(expected), collections.Counter(actual)
    if expected != actual:
        missing = list((expected - actual).elements())[:5]
        extra = list((actual - expected).elements())[:5]
        raise Failure(f"{what} differ: missing {[show(x) for x in missing]}, "
                      f"unexpected {[show(x) for x in extra]}")


def load_reference(path, with_documents):
    with open(path, encoding="utf-8") as f:
        graph = json.load(f)
    nodes = graph["nodes"]
    ref = {
        "node_ids": [sanitize_id(n["id"]) for n in nodes],
        "edge_ids": [sanitize_id(e["id"]) for e in graph["edges"]],
        "names": [sanitize(n["name"]) for n in nodes],
        "labels": [sanitize(n["name"]) for n in nodes],
    }
    if with_documents:
        for doc in graph["documents"]:
            node_id = sanitize_id("document:" + doc["id"])
            ref["node_ids"].append(node_id)
            ref["names"].append(sanitize(doc["title"]))
            ref["labels"].append(sanitize(doc["title"] or doc["id"]))
            for mention in doc["mentions"]:
                ref["edge_ids"].append(node_id + "|MENTIONS|" + sanitize_id(mention["entity"]))
    ref["node_count"] = len(ref["node_ids"])
    ref["edge_count"] = len(ref["edge_ids"])
    return ref


def check(consumer, ref, node_count, edge_count, node_ids, edge_ids, names, labels):
    if node_count != ref["node_count"]:
        raise Failure(f"{consumer}: {node_count} nodes, JSON export has {ref['node_count']}")
    if edge_count != ref["edge_count"]:
        raise Failure(f"{consumer}: {edge_count} edges, JSON export has {ref['edge_count']}")
    compare_multiset(f"{consumer}: node ids", ref["node_ids"], node_ids)
    compare_multiset(f"{consumer}: edge ids", ref["edge_ids"], edge_ids)
    compare_multiset(f"{consumer}: node names", ref["names"], names)
    compare_multiset(f"{consumer}: node labels", ref["labels"], labels)
    print(f"ok: {consumer}: {node_count} nodes, {edge_count} edges, ids and names match")


def edge_ids_of(graph):
    if graph.is_multigraph():
        return [key for _, _, key in graph.edges(keys=True)]
    return [data.get("id") for _, _, data in graph.edges(data=True)]


def check_networkx_graphml(path, ref):
    import networkx as nx

    g = nx.read_graphml(path)
    nodes = g.nodes(data=True)
    # networkx drops a <data> element without text, and kgforge omits empty strings.
    check("networkx read_graphml", ref, g.number_of_nodes(), g.number_of_edges(),
          list(g.nodes), edge_ids_of(g),
          [d.get("name", "") for _, d in nodes], [d.get("label", "") for _, d in nodes])
    for _, _, d in g.edges(data=True):
        for key, kind in (("weight", float), ("type", str), ("evidence_count", int),
                          ("confidence", float), ("negated", bool)):
            if key not in d and key in ("confidence", "negated") and d.get("type") == "MENTIONS":
                continue
            if not isinstance(d.get(key), kind):
                raise Failure(f"networkx read_graphml: edge attribute {key} is "
                              f"{type(d.get(key)).__name__}, expected {kind.__name__}")
    for _, d in nodes:
        if not isinstance(d.get("mention_count"), int):
            raise Failure("networkx read_graphml: mention_count is not an int")


def check_igraph_graphml(path, ref):
    import igraph

    g = igraph.Graph.Read_GraphML(path)
    names = g.vs["name"] if g.vcount() else []
    labels = g.vs["label"] if g.vcount() else []
    # igraph keeps GraphML node and edge ids in the "id" attributes. Its libxml2 SAX reader
    # runs without entity substitution, so an '&' in an XML attribute value (ids, not <data>
    # text) comes back as "&#38;" (source and target alike, so the structure is intact).
    def unquote(ids):
        return [i.replace("&#38;", "&") for i in ids]

    check("igraph Read_GraphML", ref, g.vcount(), g.ecount(),
          unquote(g.vs["id"]) if g.vcount() else [], unquote(g.es["id"]) if g.ecount() else [],
          names, labels)
    if g.ecount() and not all(isinstance(w, float) for w in g.es["weight"]):
        raise Failure("igraph Read_GraphML: weight is not numeric")


def check_networkx_gexf(path, ref):
    import networkx as nx
    from networkx.readwrite import gexf

    # networkx < 3.0 (Debian's 2.8) only knows the GEXF 1.1draft and 1.2draft namespaces;
    # networkx 3.x registers 1.3 exactly like this. The reader logic is the same.
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    g = nx.read_gexf(path)
    nodes = g.nodes(data=True)
    check("networkx read_gexf", ref, g.number_of_nodes(), g.number_of_edges(), list(g.nodes),
          edge_ids_of(g), [d.get("name", "") for _, d in nodes],
          [d.get("label", "") for _, d in nodes])
    if g.graph.get("mode") != "dynamic":
        raise Failure("networkx read_gexf: graph mode is not dynamic")


def check_networkx_node_link(path, ref):
    """The JSON export itself, read as networkx node-link data: every relation survives."""
    import networkx as nx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:  # the edge list's keyword: "edges" from networkx 3.4, "link" before
        g = nx.node_link_graph(data, edges="edges", key="id")
    except TypeError:
        g = nx.node_link_graph(data, link="edges", key="id")
    if not g.is_multigraph():
        raise Failure("networkx node_link_graph: the JSON export is not read as a multigraph")
    # against the JSON's own strings (the reference is sanitized as GraphML/GEXF must be)
    own = {"node_count": len(data["nodes"]), "edge_count": len(data["edges"]),
           "node_ids": [n["id"] for n in data["nodes"]], "edge_ids": [e["id"] for e in data["edges"]],
           "names": [n["name"] for n in data["nodes"]], "labels": [n["name"] for n in data["nodes"]]}
    if own["node_count"] != ref["node_count"] or own["edge_count"] != ref["edge_count"]:
        raise Failure("networkx node_link_graph: the JSON export and the reference differ in size")
    names = [d.get("name", "") for _, d in g.nodes(data=True)]
    check("networkx node_link_graph", own, g.number_of_nodes(), g.number_of_edges(),
          list(g.nodes), edge_ids_of(g), names, names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", required=True, help="the graph's --format json export")
    parser.add_argument("--with-documents", action="store_true",
                        help="the files include document nodes and MENTIONS edges")
    parser.add_argument("--graphml", help="GraphML export to check")
    parser.add_argument("--gexf", help="GEXF export to check")
    args = parser.parse_args()
    if not args.graphml and not args.gexf:
        parser.error("give --graphml and/or --gexf")
    try:
        ref = load_reference(args.json, args.with_documents)
        if not args.with_documents:
            check_networkx_node_link(args.json, ref)
        if args.graphml:
            check_networkx_graphml(args.graphml, ref)
            check_igraph_graphml(args.graphml, ref)
        if args.gexf:
            check_networkx_gexf(args.gexf, ref)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    except Exception as error:  # a parser refusing the file is a failure too
        print(f"FAIL: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
