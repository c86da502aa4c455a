#!/usr/bin/env python3
"""Checks that kgforge's Turtle, N-Triples and N-Quads exports hold exactly the triples of its
JSON-LD export, read by real RDF libraries, and that its VoID + DCAT description is true.

Usage: check_rdf.py DIR [--jena scripts/jena-check]

DIR holds graph.jsonld, graph.ttl, graph.nt, graph.nq, graph.json (the reference) and
dataset.ttl (tests/linked_data/build_rdf.sh). rdflib 7 parses all four RDF files; the Turtle,
the N-Triples and the union of the N-Quads graphs must each be isomorphic to the JSON-LD
(rdflib.compare.isomorphic; there are no blank nodes, so this is set equality, which is
compared first for a readable difference). Every named graph of the N-Quads must be an
article and hold only what that article states. pyoxigraph and Apache Jena (strict, a warning
fails) must parse every file to the same number of triples/quads. The description's counts,
date and dumps must match the graph. Exits 1 with a message on the first failed check.
"""
import argparse
import json
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

KG = rdflib.Namespace("https://kgforge.org/vocab/v1#")
SCHEMA = rdflib.Namespace("https://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
BASE = "https://kgforge.org/id/"


def fail(message):
    print("check_rdf: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def ok(message):
    print("check_rdf: ok: " + message)


def parse(path, fmt):
    g = rdflib.Dataset() if fmt == "nquads" else rdflib.Graph()
    try:
        g.parse(str(path), format=fmt)
    except Exception as e:  # noqa: BLE001 - any parser error is the failure to report
        fail(f"rdflib cannot parse {path} as {fmt}: {e}")
    return g


def triples_of(graph):
    return {(s, p, o) for s, p, o in graph}


def show(triples, limit=5):
    return "; ".join(" ".join(t.n3() for t in triple) for triple in sorted(triples)[:limit])


def same_triples(reference, name, other):
    a, b = triples_of(reference), triples_of(other)
    if a != b:
        fail(f"{name} differs from the JSON-LD: {len(a - b)} triple(s) missing, e.g. "
             f"{show(a - b)}; {len(b - a)} extra, e.g. {show(b - a)}")
    g = rdflib.Graph()
    for t in b:
        g.add(t)
    if not isomorphic(reference, g):
        fail(f"{name} is not isomorphic to the JSON-LD")
    ok(f"{name}: {len(b)} triples, isomorphic to the JSON-LD")


def check_quads(dataset, jsonld, reference):
    documents = {BASE + "document/" + urllib.parse.quote(d["id"], safe="-._~:")
                 for d in reference["documents"]}
    union = rdflib.Graph()
    named = {}
    default = dataset.default_graph
    for s, p, o, g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
        if g is not None and g != default.identifier and str(g) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID):
            named.setdefault(str(g), set()).add((s, p, o))
    same_triples(jsonld, "N-Quads (union of all graphs)", union)
    if not set(named) <= documents:
        fail(f"named graphs that are not articles: {sorted(set(named) - documents)[:3]}")
    for name, triples in named.items():
        doc = rdflib.URIRef(name)
        for s, p, o in triples:
            if p == SCHEMA.mentions:
                if s != doc:
                    fail(f"graph {name} holds another article's mention {s.n3()}")
            elif p == PROV.wasDerivedFrom:
                if o != doc:
                    fail(f"graph {name} holds {s.n3()} derived from {o.n3()}")
            elif p == KG.evidence:
                if (o, PROV.wasDerivedFrom, doc) not in triples:
                    fail(f"graph {name} links evidence {o.n3()} of another article")
            elif str(p).startswith(str(KG)) and isinstance(o, rdflib.URIRef) and "/entity/" in str(o):
                # A direct relation triple: its statement must be derived from this article.
                statements = set(jsonld.subjects(RDF.subject, s)) & set(jsonld.subjects(RDF.object, o)) \
                    & set(jsonld.subjects(RDF.predicate, p))
                if not any((st, PROV.wasDerivedFrom, doc) in jsonld for st in statements):
                    fail(f"graph {name} states {s.n3()} {p.n3()} {o.n3()} without evidence from it")
            elif (s, RDF.type, KG.Evidence) not in triples and p != RDF.type:
                fail(f"graph {name} holds a triple that is not the article's: {show([(s, p, o)])}")
    for ev in jsonld.subjects(RDF.type, KG.Evidence):
        doc = jsonld.value(ev, PROV.wasDerivedFrom)
        if (ev, KG.sentence, jsonld.value(ev, KG.sentence)) not in named.get(str(doc), ()):
            fail(f"evidence {ev.n3()} is not in the graph of its article {doc}")
    for s, p, o in default.triples((None, RDF.type, KG.Evidence)):
        fail(f"evidence {s.n3()} is in the default graph")
    ok(f"N-Quads: {len(named)} named graphs, one per article with mentions or evidence, each "
       f"holding only what its article states")


def check_counts(jsonld, reference):
    entities = set(jsonld.subjects(RDF.type, KG.Entity))
    statements = set(jsonld.subjects(RDF.type, RDF.Statement))
    articles = set(jsonld.subjects(RDF.type, SCHEMA.NewsArticle))
    if (len(entities), len(statements), len(articles)) != (
            len(reference["nodes"]), len(reference["edges"]), len(reference["documents"])):
        fail(f"{len(entities)} entities, {len(statements)} statements, {len(articles)} articles; "
             f"graph.json has {len(reference['nodes'])}, {len(reference['edges'])}, "
             f"{len(reference['documents'])}")
    names = {str(o) for o in jsonld.objects(None, SCHEMA.name)}
    for node in reference["nodes"]:
        if node["name"] not in names:
            fail(f"name {node['name']!r} does not round-trip")
    sentences = {str(o) for o in jsonld.objects(None, KG.sentence)}
    for edge in reference["edges"]:
        for ev in edge["evidence"]:
            if ev["sentence"] not in sentences:
                fail(f"sentence {ev['sentence'][:60]!r} does not round-trip")
    ok(f"{len(entities)} entities, {len(statements)} statements, {len(articles)} articles as in "
       f"graph.json; names and sentences round-trip")


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip() and not line.startswith(b"#"))


def check_other_parsers(directory, triples, jena):
    quads = count_lines(directory / "graph.nq")
    if count_lines(directory / "graph.nt") != triples:
        fail(f"graph.nt has {count_lines(directory / 'graph.nt')} lines for {triples} triples")
    expected = {"graph.ttl": (triples, "text/turtle"), "graph.nt": (triples, "application/n-triples"),
                "graph.nq": (quads, "application/n-quads")}
    for name, (count, mime) in expected.items():
        store = pyoxigraph.Store()
        try:
            store.load(path=str(directory / name), format=pyoxigraph.RdfFormat.from_media_type(mime))
        except Exception as e:  # noqa: BLE001
            fail(f"pyoxigraph cannot load {name}: {e}")
        # The store is a set of quads: duplicates across files would collapse, not here.
        if len(store) != count:
            fail(f"pyoxigraph loaded {len(store)} quads from {name}, expected {count}")
    ok(f"pyoxigraph loads graph.ttl, graph.nt ({triples} triples) and graph.nq ({quads} quads)")
    if jena:
        files = [str(directory / n) for n in ("graph.ttl", "graph.nt", "graph.nq", "graph.jsonld")]
        p = subprocess.run([jena, "parse", *files], capture_output=True, text=True)
        if p.returncode != 0:
            fail(f"Apache Jena (strict) rejects the files: {p.stderr.strip()[-2000:]}")
        counts = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
        got = [c["quads"] for c in counts]
        if got != [triples, triples, quads, triples]:
            fail(f"Apache Jena read {got} quads from ttl, nt, nq, jsonld; expected "
                 f"{[triples, triples, quads, triples]}")
        ok(f"Apache Jena parses all four strictly (no warning) to the same counts; "
           f"{counts[2]['named_graphs']} named graphs")


def check_description(directory, jsonld, reference):
    path = directory / "dataset.ttl"
    d = parse(path, "turtle")
    dataset = rdflib.URIRef(BASE)
    if (dataset, RDF.type, VOID.Dataset) not in d or (dataset, RDF.type, DCAT.Dataset) not in d:
        fail("dataset.ttl: <base> is not a void:Dataset and a dcat:Dataset")
    def one(p):
        values = list(d.objects(dataset, p))
        if len(values) != 1:
            fail(f"dataset.ttl: {len(values)} values of {p}")
        return values[0]
    if one(VOID.triples).toPython() != len(jsonld):
        fail(f"void:triples {one(VOID.triples)} but the graph has {len(jsonld)} triples")
    subjects = set(jsonld.subjects())
    if one(VOID.entities).toPython() != len(subjects):
        fail(f"void:entities {one(VOID.entities)} but the graph describes {len(subjects)} resources")
    if one(VOID.properties).toPython() != len(set(jsonld.predicates())):
        fail(f"void:properties {one(VOID.properties)} != {len(set(jsonld.predicates()))}")
    dates = [doc["date"] for doc in reference["documents"] if doc["date"]]
    if dates:
        if one(DCTERMS.created) != rdflib.Literal(max(dates), datatype=XSD.date):
            fail(f"dcterms:created {one(DCTERMS.created)} is not the latest article date {max(dates)}")
    for p in (DCTERMS.title, DCTERMS.license, DCTERMS.creator, KG.generator):
        one(p)
    for part in d.objects(dataset, VOID.classPartition):
        cls, n = d.value(part, VOID["class"]), d.value(part, VOID.entities).toPython()
        if len(set(jsonld.subjects(RDF.type, cls))) != n:
            fail(f"class partition {cls}: {n}, the graph has {len(set(jsonld.subjects(RDF.type, cls)))}")
    for part in d.objects(dataset, VOID.propertyPartition):
        prop, n = d.value(part, VOID.property), d.value(part, VOID.triples).toPython()
        if len(list(jsonld.triples((None, prop, None)))) != n:
            fail(f"property partition {prop}: {n} triples, the graph has "
                 f"{len(list(jsonld.triples((None, prop, None))))}")
    dumps = list(d.objects(dataset, VOID.dataDump))
    if not dumps:
        fail("dataset.ttl names no void:dataDump")
    for dump in dumps:
        file = Path(urllib.parse.unquote(urllib.parse.urlparse(str(dump)).path))
        if not file.is_file():
            fail(f"void:dataDump {dump} is not a file beside the description")
    for dist in d.objects(dataset, DCAT.distribution):
        if d.value(dist, DCAT.downloadURL) not in dumps or d.value(dist, DCAT.mediaType) is None:
            fail(f"distribution {dist} has no download URL among the dumps or no media type")
    examples = list(d.objects(dataset, VOID.exampleResource))
    if not all((e, None, None) in jsonld for e in examples):
        fail("an example resource is not described in the graph")
    ok(f"dataset.ttl: void:triples {len(jsonld)}, counts per class and relation type, created "
       f"{max(dates) if dates else '(no dated article)'}, {len(dumps)} dump(s), {len(examples)} examples")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--jena", help="scripts/jena-check (Apache Jena's strict parsers)")
    args = ap.parse_args()
    d = args.dir
    reference = json.loads((d / "graph.json").read_text(encoding="utf-8"))
    jsonld = parse(d / "graph.jsonld", "json-ld")
    for s, p, o in jsonld:
        if isinstance(s, rdflib.BNode) or isinstance(o, rdflib.BNode):
            fail("the JSON-LD has a blank node")
    check_counts(jsonld, reference)
    same_triples(jsonld, "Turtle", parse(d / "graph.ttl", "turtle"))
    same_triples(jsonld, "N-Triples", parse(d / "graph.nt", "nt"))
    check_quads(parse(d / "graph.nq", "nquads"), jsonld, reference)
    check_other_parsers(d, len(jsonld), args.jena)
    check_description(d, jsonld, reference)
    print("check_rdf: all checks passed")


if __name__ == "__main__":
    main()
