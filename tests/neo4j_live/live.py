"""Shared helpers of the live Neo4j tests (tests/neo4j_live): the connection to the test
server started by scripts/neo4j-test-server, a safe splitter for kgforge's Cypher scripts,
a canonical dump of the database, and the same canonical form computed from kgforge's
graph JSON (--format json), so the two can be compared exactly.

Standard library only; run with /usr/bin/python3.
"""
import json
import os
import struct
import subprocess
import sys
import urllib.error
import urllib.request
import base64

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVER = os.path.join(ROOT, "scripts", "neo4j-test-server")
# The live tests use their own server state dir, so they never disturb a developer's server
# or tests/neo4j's smoke test; ctest also serializes them with a RESOURCE_LOCK.
STATE = os.environ.setdefault("KGFORGE_NEO4J_STATE",
                              os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                           f"kgforge-neo4j-live-{os.getuid()}"))


class Neo4jError(Exception):
    pass


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def connection_info():
    info = os.path.join(STATE, "neo4j.json")
    if not os.path.exists(info):
        fail(f"no running test server ({info} missing): scripts/neo4j-test-server start "
             f"with KGFORGE_NEO4J_STATE={STATE}")
    with open(info, encoding="utf-8") as f:
        return json.load(f)


class Server:
    def __init__(self, info=None):
        self.info = info or connection_info()
        self.url = self.info["http_url"]
        self.user = self.info["user"]
        self.password = self.info["password"]
        self.database = self.info.get("database", "neo4j")
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        self.headers = {"Content-Type": "application/json", "Accept": "application/json",
                        "Authorization": "Basic " + token}

    def run_many(self, statements):
        """Runs [(statement, params)] in one transaction; returns a list of row lists."""
        body = json.dumps({"statements": [{"statement": s, "parameters": p or {}}
                                          for s, p in statements]}).encode("utf-8")
        request = urllib.request.Request(f"{self.url}/db/{self.database}/tx/commit", data=body,
                                         headers=self.headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                reply = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise Neo4jError(f"HTTP {error.code}: {error.read()[:300]!r}")
        if reply.get("errors"):
            e = reply["errors"][0]
            raise Neo4jError(f"{e.get('code')}: {e.get('message')}")
        return [[d["row"] for d in result["data"]] for result in reply["results"]]

    def run(self, statement, params=None):
        return self.run_many([(statement, params)])[0]

    def wipe(self):
        """Deletes all data and the kgforge constraints (a fresh database, without restart)."""
        self.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
        for name in ("entity_id", "document_id"):
            self.run(f"DROP CONSTRAINT {name} IF EXISTS")

    def counts(self):
        labels = {r[0]: r[1] for r in self.run(
            "MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)")}
        types = {r[0]: r[1] for r in self.run("MATCH ()-[r]->() RETURN type(r), count(*)")}
        return labels, types

    def dump(self):
        """The whole database in canonical form (see canonical())."""
        nodes = self.run("MATCH (n) RETURN labels(n), properties(n)")
        rels = self.run("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)")
        return canonical(nodes, rels)


# ---- canonical graph form -------------------------------------------------------------------
# nodes: {node id: (sorted labels, {property: value})}
# rels:  {(start id, type, end id): {property: value}}
# Floats are compared as float32 (kgforge stores confidences as float; the JSON export
# writes the double of that float, Cypher and push the shortest form that rounds to it).

EVIDENCE_LISTS = ["evidence_keys", "evidence_documents", "evidence_dates", "evidence_sentences",
                  "evidence_starts", "evidence_ends", "evidence_labels", "evidence_confidences",
                  "evidence_negated", "evidence_hypothetical", "evidence_amounts",
                  "evidence_roles", "evidence_rules"]


def norm_value(v):
    if isinstance(v, float):
        return ("float", struct.unpack("f", struct.pack("f", v))[0])
    if isinstance(v, list):
        return tuple(norm_value(x) for x in v)
    return v


def canonical(nodes, rels):
    out_nodes, out_rels = {}, {}
    for labels, props in nodes:
        key = props.get("id")
        if key in out_nodes:
            fail(f"two nodes with id {key!r}")
        out_nodes[key] = (tuple(sorted(labels)), {k: norm_value(v) for k, v in props.items()})
    for a, t, b, props in rels:
        key = (a, t, b)
        if key in out_rels:
            fail(f"two relationships {key!r}")
        out_rels[key] = {k: norm_value(v) for k, v in props.items()}
    return out_nodes, out_rels


def evidence_keys(evidence):
    """Python copy of neo4j::evidence_keys (docs/FORMATS-neo4j-jsonld.md)."""
    keys, previous, repeat = [], None, 1
    for ev in evidence:
        place = (ev["document"], ev["start"], ev["end"])
        key = f"{ev['document']}#{ev['start']}-{ev['end']}"
        if place == previous:
            repeat += 1
            key += f"#{repeat}"
        else:
            repeat = 1
        previous = place
        keys.append(key)
    return keys


MAX_NODE_KEY_BYTES = 4096


def node_key(node_id):
    """Python copy of neo4j::node_key: ids Neo4j cannot index (> 4096 bytes) are shortened
    to their first ~4000 bytes + "~" + FNV-1a 64 of the whole id, in hex."""
    data = node_id.encode("utf-8")
    if len(data) <= MAX_NODE_KEY_BYTES:
        return node_id
    cut = MAX_NODE_KEY_BYTES - 96
    while cut > 0 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return data[:cut].decode("utf-8") + "~" + format(h, "016x")


def expected_from_graph_json(graph):
    """The database kgforge's Neo4j loads must produce, from a graph written with
    --format json (docs/FORMATS-neo4j-jsonld.md, "The Neo4j graph model")."""
    nodes, rels = [], []
    for n in graph["nodes"]:
        props = {"id": node_key(n["id"]), "name": n["name"], "subtype": n["subtype"],
                 "aliases": list(n["aliases"]), "mention_count": n["mention_count"],
                 "document_count": n["document_count"], "first_date": n["first_date"],
                 "last_date": n["last_date"]}
        for scheme, value in n["external_ids"].items():
            name = "xref_" + "".join(c if (c.isascii() and (c.isalnum() or c == "_")) else "_"
                                     for c in scheme)
            props[name] = value
        nodes.append((["Entity", n["label"]], props))
    for d in graph["documents"]:
        props = {k: d[k] for k in ("id", "title", "date", "url", "source")}
        props["id"] = node_key(d["id"])
        nodes.append((["Document"], props))
        for m in d["mentions"]:
            rels.append((node_key(d["id"]), "MENTIONS", node_key(m["entity"]),
                         {"count": m["count"]}))
    for e in graph["edges"]:
        ev = e["evidence"]
        props = {"key": f"{e['source']}|{e['type']}|{e['target']}", "symmetric": e["symmetric"],
                 "weight": e["weight"], "confidence": float(e["confidence"]),
                 "label": e["label"], "amount": e["amount"], "role": e["role"],
                 "negated": e["negated"], "hypothetical": e["hypothetical"],
                 "evidence_keys": evidence_keys(ev),
                 "evidence_documents": [node_key(x["document"]) for x in ev],
                 "evidence_dates": [x["date"] for x in ev],
                 "evidence_sentences": [x["sentence"] for x in ev],
                 "evidence_starts": [x["start"] for x in ev],
                 "evidence_ends": [x["end"] for x in ev],
                 "evidence_labels": [x["label"] for x in ev],
                 "evidence_confidences": [float(x["confidence"]) for x in ev],
                 "evidence_negated": [x["negated"] for x in ev],
                 "evidence_hypothetical": [x["hypothetical"] for x in ev],
                 "evidence_amounts": [x["amount"] for x in ev],
                 "evidence_roles": [x["role"] for x in ev],
                 "evidence_rules": [x["rule"] for x in ev]}
        rels.append((node_key(e["source"]), e["type"], node_key(e["target"]), props))
    return canonical(nodes, rels)


def order_free(dump):
    """The dump with each relationship's evidence lists sorted by evidence key and each entity's
    name folded into its aliases: the parts that legitimately depend on load order."""
    nodes, rels = dump
    out_nodes = {}
    for key, (labels, props) in nodes.items():
        p = dict(props)
        if "Entity" in labels:
            p["names"] = tuple(sorted(set(p.get("aliases", ())) | {p.get("name")}))
            p.pop("name", None)
            p.pop("aliases", None)
        out_nodes[key] = (labels, p)
    out_rels = {}
    for key, props in rels.items():
        p = dict(props)
        if "evidence_keys" in p:
            order = sorted(range(len(p["evidence_keys"])), key=lambda i: p["evidence_keys"][i])
            for name in EVIDENCE_LISTS:
                if name in p:
                    p[name] = tuple(p[name][i] for i in order)
        out_rels[key] = p
    return out_nodes, out_rels


def short(v, n=120):
    s = repr(v)
    return s if len(s) <= n else s[:n] + "..."


def diff(actual, expected, what):
    """Compares two canonical dumps; returns a list of differences (empty if equal)."""
    problems = []
    for kind, a, e in (("node", actual[0], expected[0]), ("relationship", actual[1], expected[1])):
        for k in sorted(set(e) - set(a), key=repr)[:5]:
            problems.append(f"{what}: missing {kind} {short(k)}")
        for k in sorted(set(a) - set(e), key=repr)[:5]:
            problems.append(f"{what}: unexpected {kind} {short(k)}")
        for k in sorted(set(a) & set(e), key=repr):
            if a[k] != e[k]:
                av, ev = a[k], e[k]
                if isinstance(av, tuple):  # node: (labels, props)
                    if av[0] != ev[0]:
                        problems.append(f"{what}: {kind} {short(k)} labels {av[0]} != {ev[0]}")
                    av, ev = av[1], ev[1]
                for p in sorted(set(av) | set(ev)):
                    if av.get(p, "<missing>") != ev.get(p, "<missing>"):
                        problems.append(f"{what}: {kind} {short(k, 80)} property {p}: "
                                        f"got {short(av.get(p, '<missing>'))}, "
                                        f"want {short(ev.get(p, '<missing>'))}")
            if len(problems) > 20:
                return problems
    return problems


def require_same(actual, expected, what):
    problems = diff(actual, expected, what)
    if problems:
        for p in problems[:20]:
            print(p, file=sys.stderr)
        fail(f"{what}: {len(problems)} difference(s)")


# ---- Cypher scripts -------------------------------------------------------------------------

def split_cypher(text):
    """Splits a Cypher script into statements at ';' outside string literals, backticked
    identifiers and comments (like cypher-shell). Returns the statements without the ';'."""
    statements, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'`":
            i += 1
            while i < n and text[i] != c:
                if text[i] == "\\" and c != "`":
                    i += 1
                i += 1
            i += 1
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c == ";":
            statements.append(text[start:i])
            start = i + 1
        i += 1
    rest = text[start:]
    if rest.strip() and strip_comments(rest).strip():
        statements.append(rest)
    return [s for s in statements if strip_comments(s).strip()]


def strip_comments(statement):
    return "\n".join(line for line in statement.split("\n") if not line.lstrip().startswith("//"))


def run_script(server, path):
    """Runs a Cypher script statement by statement, each in its own transaction (as
    cypher-shell does). Returns the number of statements."""
    with open(path, encoding="utf-8") as f:
        statements = split_cypher(f.read())
    for number, statement in enumerate(statements, 1):
        try:
            server.run(statement)
        except Neo4jError as error:
            fail(f"{path}: statement {number} of {len(statements)} failed: {error}\n"
                 f"{statement[:400]}")
    return len(statements)


# ---- kgforge --------------------------------------------------------------------------------

def kgforge(binary, *args, check_rc=True, env=None):
    result = subprocess.run([binary, *args], capture_output=True, text=True, env=env)
    if check_rc and result.returncode != 0:
        fail(f"kgforge {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
