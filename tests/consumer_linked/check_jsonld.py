#!/usr/bin/python3
"""Checks a kgforge JSON-LD export with three independent JSON-LD processors.

Usage: check_jsonld.py GRAPH.jsonld GRAPH.json [--node NODE] [--js-script PATH]
         [--base-iri IRI]

GRAPH.json is the same graph written with --format json (the reference). rdflib
(Graph().parse(format="json-ld")), pyld (jsonld.to_rdf -> N-Quads) and jsonld.js
(jsonld_to_nquads.cjs) must each yield: one kg:Entity type triple per entity, names that
round-trip exactly, one schema:NewsArticle per document, an rdf:Statement with
subject/predicate/object per relation, the direct kg:TYPE triple for every relation that is
neither negated nor hypothetical, and all three the same set of triples.
Exits 1 with a message on the first failed check.
"""
import argparse
import json
import os
import subprocess
import sys
import urllib.parse

import rdflib
from pyld import jsonld

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG = "https://kgforge.org/vocab/v1#"
SCHEMA = "https://schema.org/"


def fail(message):
    print("check_jsonld: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def segment(text):
    return urllib.parse.quote(text, safe="-._~:")


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'",
            "\\": "\\"}


def _unescape(text, who):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = text[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in "uU":
            n = 4 if e == "u" else 8
            out.append(chr(int(text[i + 2:i + 2 + n], 16)))
            i += 2 + n
        else:
            fail(f"{who}: bad escape \\{e} in N-Quads")
    return "".join(out)


def _term(line, i, who):
    """Parses one N-Quads term at line[i:]; returns (term, next index)."""
    if line[i] == "<":
        end = line.index(">", i)
        return rdflib.URIRef(_unescape(line[i + 1:end], who)), end + 1
    if line[i] == "_":
        end = line.index(" ", i)
        return rdflib.BNode(line[i + 2:end]), end
    if line[i] == '"':
        j = i + 1
        while line[j] != '"':
            j += 2 if line[j] == "\\" else 1
        value = _unescape(line[i + 1:j], who)
        j += 1
        if line.startswith("^^<", j):
            end = line.index(">", j)
            return rdflib.Literal(value, datatype=rdflib.URIRef(line[j + 3:end])), end + 1
        if line.startswith("@", j):
            end = j + 1
            while end < len(line) and line[end] not in " \t":
                end += 1
            return rdflib.Literal(value, lang=line[j + 1:end]), end
        return rdflib.Literal(value), j
    fail(f"{who}: cannot parse N-Quads line {line!r}")
    return None, 0


def triples_from_nquads(text, who):
    """A strict little N-Quads reader (rdflib 6's unescapes \\u0041 inside \\\\u0041)."""
    triples = set()
    for line in text.split("\n"):  # not splitlines(): literals may hold U+2028, U+001C...
        line = line.strip(" \t\r")
        if not line or line.startswith("#"):
            continue
        terms = []
        i = 0
        while line[i] != ".":
            term, i = _term(line, i, who)
            terms.append(term)
            while line[i] in " \t":
                i += 1
        if len(terms) not in (3, 4):
            fail(f"{who}: N-Quads line with {len(terms)} terms: {line!r}")
        triples.add(tuple(terms[:3]))
    return triples


def normalized(triples):
    """Compares literals by lexical form, datatype and language, as RDF does."""
    result = set()
    for triple in triples:
        result.add(tuple((type(t).__name__, str(t), str(getattr(t, "datatype", None) or ""),
                          str(getattr(t, "language", None) or "")) for t in triple))
    return result


def check_processor(who, triples, reference, base):
    def lit_values(subject, predicate):
        return [o for s, p, o in triples if s == subject and p == predicate]

    by_sp = {}
    for s, p, o in triples:
        by_sp.setdefault((str(s), str(p)), []).append(o)
    entity_type = sum(1 for s, p, o in triples
                      if str(p) == RDF_TYPE and str(o) == KG + "Entity")
    if entity_type != len(reference["nodes"]):
        fail(f"{who}: {entity_type} kg:Entity type triples, expected {len(reference['nodes'])}")
    for node in reference["nodes"]:
        iri = base + "entity/" + segment(node["id"])
        names = [str(o) for o in by_sp.get((iri, SCHEMA + "name"), [])]
        if names != [node["name"]]:
            fail(f"{who}: entity {node['id']!r}: names {names!r}, expected [{node['name']!r}]")
        ids = [str(o) for o in by_sp.get((iri, SCHEMA + "identifier"), [])]
        if ids != [node["id"]]:
            fail(f"{who}: entity {node['id']!r}: identifier {ids!r}")
        aliases = sorted(str(o) for o in by_sp.get((iri, SCHEMA + "alternateName"), []))
        if aliases != sorted(set(node["aliases"])):
            fail(f"{who}: entity {node['id']!r}: aliases {aliases!r}, "
                 f"expected {sorted(set(node['aliases']))!r}")
        wikidata = node.get("external_ids", {}).get("wikidata", "")
        if wikidata[:1] == "Q" and wikidata[1:].isdigit():
            same = [str(o) for o in by_sp.get((iri, SCHEMA + "sameAs"), [])]
            if same != ["http://www.wikidata.org/entity/" + wikidata]:
                fail(f"{who}: entity {node['id']!r}: sameAs {same!r}")
    articles = sum(1 for s, p, o in triples
                   if str(p) == RDF_TYPE and str(o) == SCHEMA + "NewsArticle")
    if articles != len(reference["documents"]):
        fail(f"{who}: {articles} NewsArticle nodes, expected {len(reference['documents'])}")
    for doc in reference["documents"]:
        iri = base + "document/" + segment(doc["id"])
        ids = [str(o) for o in by_sp.get((iri, SCHEMA + "identifier"), [])]
        if ids != [doc["id"]]:
            fail(f"{who}: document {doc['id']!r}: identifier {ids!r}")
        if doc["title"]:
            titles = [str(o) for o in by_sp.get((iri, SCHEMA + "headline"), [])]
            if titles != [doc["title"]]:
                fail(f"{who}: document {doc['id']!r}: headline {titles!r}")
        mentioned = len(by_sp.get((iri, SCHEMA + "mentions"), []))
        if mentioned != len(doc["mentions"]):
            fail(f"{who}: document {doc['id']!r}: {mentioned} mentions, "
                 f"expected {len(doc['mentions'])}")
    statements = sum(1 for s, p, o in triples
                     if str(p) == RDF_TYPE and str(o) == RDF + "Statement")
    if statements != len(reference["edges"]):
        fail(f"{who}: {statements} rdf:Statement nodes, expected {len(reference['edges'])}")
    asserted = 0
    evidence_total = 0
    for edge in reference["edges"]:
        stmt = base + "statement/" + segment(edge["id"])
        subject = base + "entity/" + segment(edge["source"])
        obj = base + "entity/" + segment(edge["target"])
        predicate = KG + edge["type"]
        for p, expected in ((RDF + "subject", subject), (RDF + "predicate", predicate),
                            (RDF + "object", obj)):
            got = [str(o) for o in by_sp.get((stmt, p), [])]
            if got != [expected]:
                fail(f"{who}: statement {edge['id']!r}: {p} is {got!r}, expected {expected!r}")
        weight = [int(o) for o in by_sp.get((stmt, KG + "weight"), [])]
        if weight != [edge["weight"]]:
            fail(f"{who}: statement {edge['id']!r}: weight {weight!r}, expected {edge['weight']}")
        evidence = by_sp.get((stmt, KG + "evidence"), [])
        if len(evidence) != len(edge["evidence"]):
            fail(f"{who}: statement {edge['id']!r}: {len(evidence)} evidence nodes, "
                 f"expected {len(edge['evidence'])}")
        sentences = sorted(str(s) for ev in evidence
                           for s in by_sp.get((str(ev), KG + "sentence"), []))
        if sentences != sorted(ev["sentence"] for ev in edge["evidence"]):
            fail(f"{who}: statement {edge['id']!r}: evidence sentences do not round-trip")
        for ev in evidence:
            sources = by_sp.get((str(ev), "http://www.w3.org/ns/prov#wasDerivedFrom"), [])
            if len(sources) != 1 or not str(sources[0]).startswith(base + "document/"):
                fail(f"{who}: evidence {ev}: prov:wasDerivedFrom {sources!r}")
        evidence_total += len(evidence)
        direct = (rdflib.URIRef(subject), rdflib.URIRef(predicate), rdflib.URIRef(obj)) in triples
        should = not edge["negated"] and not edge["hypothetical"]
        if direct != should:
            fail(f"{who}: relation {edge['id']!r}: direct triple present={direct}, "
                 f"expected {should} (negated={edge['negated']}, "
                 f"hypothetical={edge['hypothetical']})")
        asserted += should
    for s, p, o in triples:
        for term in (s, p, o):
            if isinstance(term, rdflib.BNode):
                fail(f"{who}: unexpected blank node in ({s}, {p}, {o})")
    print(f"check_jsonld: {who}: {len(triples)} triples, {len(reference['nodes'])} entities, "
          f"{len(reference['edges'])} statements ({asserted} asserted), "
          f"{evidence_total} evidence, {len(reference['documents'])} articles: ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonld")
    parser.add_argument("reference", help="the same graph as --format json")
    parser.add_argument("--node", default="node")
    parser.add_argument("--js-script", default=os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "jsonld_to_nquads.cjs"))
    parser.add_argument("--base-iri", default="https://kgforge.org/id/")
    args = parser.parse_args()

    with open(args.jsonld, encoding="utf-8") as f:
        text = f.read()
    try:
        document = json.loads(text)
    except ValueError as error:
        fail(f"{args.jsonld} is not JSON: {error}")
    with open(args.reference, encoding="utf-8") as f:
        reference = json.load(f)
    context = document.get("@context")
    if not isinstance(context, dict) or context.get("@version") != 1.1:
        fail("the file must embed a JSON-LD 1.1 @context object (\"@version\": 1.1)")

    def no_remote(url, options=None):
        raise RuntimeError("remote context requested: " + url)

    results = {}
    # rdflib
    graph = rdflib.Graph()
    try:
        graph.parse(data=text, format="json-ld")
    except Exception as error:  # noqa: BLE001
        fail(f"rdflib cannot parse the file: {error}")
    results["rdflib"] = set(graph)
    # pyld
    try:
        nquads = jsonld.to_rdf(document, {"format": "application/n-quads",
                                          "documentLoader": no_remote})
    except Exception as error:  # noqa: BLE001
        fail(f"pyld cannot convert the file: {error}")
    results["pyld"] = triples_from_nquads(nquads, "pyld")
    # jsonld.js
    run = subprocess.run([args.node, args.js_script, args.jsonld], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        fail(f"jsonld.js failed: {run.stderr.strip()}")
    results["jsonld.js"] = triples_from_nquads(run.stdout, "jsonld.js")

    for who, triples in results.items():
        check_processor(who, triples, reference, args.base_iri)
    counts = {who: len(t) for who, t in results.items()}
    if len(set(counts.values())) != 1:
        fail(f"the processors disagree on the triple count: {counts}")
    if normalized(results["pyld"]) != normalized(results["jsonld.js"]):
        diff = sorted(map(str, normalized(results["pyld"]) ^ normalized(results["jsonld.js"])))[:5]
        fail(f"pyld and jsonld.js produce different triples, e.g. {diff}")
    if normalized(results["rdflib"]) != normalized(results["pyld"]):
        diff = sorted(map(str, normalized(results["rdflib"]) ^ normalized(results["pyld"])))[:5]
        fail(f"rdflib and pyld produce different triples, e.g. {diff}")
    print(f"check_jsonld: ok: all three processors agree on {counts['pyld']} triples")


if __name__ == "__main__":
    main()
