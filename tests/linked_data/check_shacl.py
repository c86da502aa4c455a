#!/usr/bin/env python3
"""Validates kgforge's RDF exports against schema/shapes.ttl with two SHACL engines, pySHACL
and Apache Jena SHACL, and proves the shapes catch a deliberately broken graph.

Usage:
  check_shacl.py DIR --jena scripts/jena-check [--shapes schema/shapes.ttl]
      DIR from tests/linked_data/build_rdf.sh: graph.ttl, graph.jsonld (pySHACL) and
      graph.ttl, graph.nq (Jena, all graphs merged) must conform.
  check_shacl.py --broken DIR --jena scripts/jena-check [--shapes ...]
      breaks DIR/graph.ttl in seven ways (DIR/broken.ttl) and requires both engines to
      report each defect: the focus node and the constraint (path or message). Both reports
      are printed, as a user would see them.
Exits 1 with a message on the first failed check.
"""
import argparse
import logging
import subprocess
import sys
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import RDF, SH

KG = rdflib.Namespace("https://kgforge.org/vocab/v1#")
SCHEMA = rdflib.Namespace("https://schema.org/")
ROOT = Path(__file__).resolve().parents[2]


def fail(message):
    print("check_shacl: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def ok(message):
    print("check_shacl: ok: " + message, flush=True)


def pyshacl_validate(data, shapes):
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                              advanced=True, allow_warnings=False)
    return conforms, report, text


def jena_validate(jena, shapes_path, files):
    p = subprocess.run([jena, "shacl", str(shapes_path), *map(str, files)], capture_output=True,
                       text=True)
    if p.returncode not in (0, 1):
        fail(f"Apache Jena SHACL could not run: {p.stderr.strip()[-2000:]}")
    text, _, turtle = p.stdout.partition("# SHACL validation report (Turtle)\n")
    report = rdflib.Graph()
    if turtle:
        report.parse(data=turtle, format="turtle")
    return p.returncode == 0, report, text


def results(report):
    """(focus node, path, message, constraint component) of every sh:ValidationResult."""
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append((report.value(r, SH.focusNode), report.value(r, SH.resultPath),
                    " ".join(str(m) for m in report.objects(r, SH.resultMessage)),
                    report.value(r, SH.sourceConstraintComponent)))
    return out


def check_valid(args, shapes):
    d = args.dir
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        data = rdflib.Graph().parse(str(d / name), format=fmt)
        conforms, _, text = pyshacl_validate(data, shapes)
        if not conforms:
            fail(f"pySHACL: {d / name} does not conform:\n{text[:4000]}")
        ok(f"pySHACL: {name} conforms ({len(data)} triples)")
    for files in (["graph.ttl"], ["graph.nq"]):
        conforms, _, text = jena_validate(args.jena, args.shapes, [d / f for f in files])
        if not conforms:
            fail(f"Apache Jena SHACL: {files} does not conform:\n{text[:4000]}")
        ok(f"Apache Jena SHACL: {' '.join(files)} conforms ({text.strip()})")


def break_graph(g):
    """Seven defects, each with the focus node and what a validator must name."""
    defects = []
    entity = sorted(g.subjects(RDF.type, KG.Entity))[0]
    g.remove((entity, SCHEMA.name, None))
    defects.append(("entity without schema:name", entity, SCHEMA.name, None))

    statements = sorted(g.subjects(RDF.type, RDF.Statement))
    asserted = [s for s in statements if g.value(s, KG.negated).toPython() is False
                and g.value(s, KG.hypothetical).toPython() is False]
    st = asserted[0]
    g.set((st, KG.weight, rdflib.Literal("two")))
    defects.append(("statement weight not an integer", st, KG.weight, None))

    st2 = asserted[1]
    g.remove((g.value(st2, RDF.subject), g.value(st2, RDF.predicate), g.value(st2, RDF.object)))
    defects.append(("asserted statement without its direct triple", st2, None, "direct triple"))

    evidence = sorted(g.subjects(RDF.type, KG.Evidence))
    g.add((evidence[0], KG.colour, rdflib.Literal("red")))
    defects.append(("evidence with a property the model does not have", evidence[0], KG.colour, None))

    ev = evidence[1]
    g.set((ev, KG.startOffset, rdflib.Literal(g.value(ev, KG.endOffset).toPython() + 5)))
    defects.append(("evidence starting after its end", ev, None, "startOffset is after"))

    st3 = asserted[2]
    g.set((st3, RDF.object, rdflib.URIRef("https://kgforge.org/id/entity/nobody")))
    defects.append(("statement whose object is not an entity", st3, RDF.object, None))

    article = sorted(g.subjects(RDF.type, SCHEMA.NewsArticle))[0]
    g.add((article, SCHEMA.datePublished, rdflib.Literal("2024-02-31", datatype=rdflib.XSD.date)))
    defects.append(("article with an impossible second date", article, SCHEMA.datePublished, None))
    return defects


def check_broken(args, shapes):
    d = args.broken
    g = rdflib.Graph().parse(str(d / "graph.ttl"), format="turtle")
    defects = break_graph(g)
    broken = d / "broken.ttl"
    g.serialize(destination=str(broken), format="turtle")
    for engine in ("pySHACL", "Apache Jena SHACL"):
        if engine == "pySHACL":
            conforms, report, text = pyshacl_validate(g, shapes)
        else:
            conforms, report, text = jena_validate(args.jena, args.shapes, [broken])
        print(f"---- {engine} report for {broken} ----\n{text.strip()}\n---- end of report ----")
        if conforms:
            fail(f"{engine}: the broken graph conforms")
        found = results(report)
        if not found:
            fail(f"{engine}: no sh:ValidationResult in the report")
        for what, focus, path, message in defects:
            hit = [r for r in found if r[0] == focus and (path is None or r[1] == path)
                   and (message is None or message in r[2])]
            if not hit:
                fail(f"{engine} does not report the {what} ({focus.n3()})")
            if str(focus) not in text:
                fail(f"{engine}'s text report does not name {focus} ({what})")
        ok(f"{engine}: the broken graph fails with {len(found)} result(s), naming each of the "
           f"{len(defects)} defects' focus node and constraint")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, nargs="?")
    ap.add_argument("--broken", type=Path)
    ap.add_argument("--jena", required=True)
    ap.add_argument("--shapes", type=Path, default=ROOT / "schema" / "shapes.ttl")
    args = ap.parse_args()
    # rdflib logs a traceback for the broken graph's ill-typed date; the validators report it.
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
    shapes = rdflib.Graph().parse(str(args.shapes), format="turtle")
    if args.broken:
        check_broken(args, shapes)
    elif args.dir:
        check_valid(args, shapes)
    else:
        ap.error("give DIR or --broken DIR")
    print("check_shacl: all checks passed")


if __name__ == "__main__":
    main()
