#!/usr/bin/env python3
"""Checks schema/vocab.ttl (the kg: vocabulary) and schema/shapes.ttl against the schema and
the exports.

Usage: check_vocab.py GRAPH.ttl... [--jena scripts/jena-check]

Both files must parse (rdflib; Apache Jena, strict, when --jena is given). The vocabulary must
be an owl:Ontology; define every kg: class and property that the given exports use, each
with an English rdfs:label and rdfs:comment and (properties) an rdfs:domain and rdfs:range;
have the 19 relation types of schema/relation_types.json as owl:ObjectProperty sub-properties
of kg:relatedTo with domain and range kg:Entity, owl:SymmetricProperty exactly for the
symmetric ones, and a declared inverse (owl:inverseOf both ways) for each other one. The
shapes must cover every relation type. Exits 1 with a message on the first failed check.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

ROOT = Path(__file__).resolve().parents[2]
KG = rdflib.Namespace("https://kgforge.org/vocab/v1#")


def fail(message):
    print("check_vocab: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def ok(message):
    print("check_vocab: ok: " + message)


def english(g, term, p):
    values = [v for v in g.objects(term, p) if isinstance(v, rdflib.Literal) and v.language == "en"]
    if len(values) != 1 or not str(values[0]).strip():
        fail(f"{term} has {len(values)} English {p.n3(g.namespace_manager)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("exports", nargs="+", type=Path)
    ap.add_argument("--jena")
    args = ap.parse_args()
    vocab_path, shapes_path = ROOT / "schema" / "vocab.ttl", ROOT / "schema" / "shapes.ttl"
    vocab = rdflib.Graph().parse(str(vocab_path), format="turtle")
    shapes = rdflib.Graph().parse(str(shapes_path), format="turtle")
    if args.jena:
        p = subprocess.run([args.jena, "parse", str(vocab_path), str(shapes_path)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            fail(f"Apache Jena rejects the vocabulary or the shapes: {p.stderr.strip()}")
    ok(f"vocab.ttl ({len(vocab)} triples) and shapes.ttl ({len(shapes)} triples) parse")
    if (rdflib.URIRef(str(KG)), RDF.type, OWL.Ontology) not in vocab:
        fail("vocab.ttl does not declare the owl:Ontology <https://kgforge.org/vocab/v1#>")

    used = set()
    for path in args.exports:
        g = rdflib.Graph().parse(str(path), format="turtle")
        for s, p, o in g:
            for term in (p, o if p == RDF.type else None):
                if term is not None and str(term).startswith(str(KG)):
                    used.add(term)
    for term in sorted(used):
        kinds = set(vocab.objects(term, RDF.type))
        if not kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}:
            fail(f"the exports use {term}, which vocab.ttl does not define")
        english(vocab, term, RDFS.label)
        english(vocab, term, RDFS.comment)
        if kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            if vocab.value(term, RDFS.domain) is None or vocab.value(term, RDFS.range) is None:
                fail(f"{term} has no rdfs:domain or rdfs:range")
    ok(f"vocab.ttl defines, labels and comments all {len(used)} kg: terms the exports use")

    types = json.loads((ROOT / "schema" / "relation_types.json").read_text())["relation_types"]
    if len(types) != 19:
        fail(f"schema/relation_types.json has {len(types)} types, the guideline 19")
    shape_text = shapes_path.read_text(encoding="utf-8")
    for t in types:
        prop = KG[t["name"]]
        kinds = set(vocab.objects(prop, RDF.type))
        if OWL.ObjectProperty not in kinds:
            fail(f"{prop} is not an owl:ObjectProperty")
        if (prop, RDFS.subPropertyOf, KG.relatedTo) not in vocab:
            fail(f"{prop} is not a sub-property of kg:relatedTo")
        if vocab.value(prop, RDFS.domain) != KG.Entity or vocab.value(prop, RDFS.range) != KG.Entity:
            fail(f"{prop} does not go from kg:Entity to kg:Entity")
        symmetric = OWL.SymmetricProperty in kinds
        if symmetric != t["symmetric"]:
            fail(f"{prop}: owl:SymmetricProperty is {symmetric}, relation_types.json says {t['symmetric']}")
        inverse = vocab.value(prop, OWL.inverseOf)
        if symmetric and inverse is not None:
            fail(f"symmetric {prop} has an inverse")
        if not symmetric:
            if inverse is None or (inverse, OWL.inverseOf, prop) not in vocab:
                fail(f"{prop} has no inverse declared both ways")
            english(vocab, inverse, RDFS.label)
        if f"kg:{t['name']} " not in shape_text and f"kg:{t['name']}," not in shape_text:
            fail(f"shapes.ttl does not mention kg:{t['name']}")
    ok("the 19 relation types: object properties between entities, symmetric as in "
       "relation_types.json, an inverse for each other one, all in the shapes")
    print("check_vocab: all checks passed")


if __name__ == "__main__":
    main()
