#!/usr/bin/env bash
# Bad input gets a clear error and loses nothing.
set -uo pipefail
kgforge=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE PATTERN -- command...: exit code and a stderr pattern
expect() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$code" ] || fail "$* exited $got, expected $code: $(head -c 300 "$work/stderr")"
  grep -qE -- "$pattern" "$work/stderr" || fail "$*: stderr lacks /$pattern/: $(head -c 300 "$work/stderr")"
}

# Missing file: named, exit 2, no output written.
expect 2 "no/such/article.txt: no such file" -- "$kgforge" build no/such/article.txt -o "$work/g.json"
[ ! -e "$work/g.json" ] || fail "output written despite a missing input"

# Unknown format: the valid ones are listed.
echo "Some text." >"$work/a.txt"
expect 2 "unknown format 'dot'.*graphml.*gexf.*cypher.*neo4j-csv.*jsonld.*json" -- \
  "$kgforge" build "$work/a.txt" --format dot -o "$work/g.dot"

# Invalid UTF-8: repaired, with a warning naming file and byte offset.
printf 'Kenya and \xff\xfe Uganda signed a deal.\n' >"$work/bad-utf8.txt"
expect 0 "bad-utf8.txt: invalid UTF-8 at byte offset 10" -- \
  "$kgforge" build "$work/bad-utf8.txt" --format json -o "$work/u.json"
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/u.json" || fail "repaired output is not JSON"

# Empty input: a valid empty graph in every format.
: >"$work/empty.txt"
expect 0 "1 documents, 0 entities, 0 relations" -- "$kgforge" build "$work/empty.txt" --format all -o "$work/empty-out"
/usr/bin/python3 - "$work/empty-out" <<'PY' || fail "empty graph exports are not valid"
import json, sys, xml.dom.minidom, os
d = sys.argv[1]
g = json.load(open(os.path.join(d, "graph.json")))
assert g["nodes"] == [] and g["edges"] == [], g
json.load(open(os.path.join(d, "graph.jsonld")))
xml.dom.minidom.parse(os.path.join(d, "graph.graphml"))
xml.dom.minidom.parse(os.path.join(d, "graph.gexf"))
PY
for rdf in graph.ttl graph.nt graph.nq; do
  [ -f "$work/empty-out/$rdf" ] || fail "--format all wrote no $rdf"
done
grep -q "schema:Dataset" "$work/empty-out/graph.ttl" || fail "empty Turtle lacks the dataset node"

# The dataset description: only for RDF formats, checked before any work, nothing written.
expect 2 "--dataset-metadata describes an RDF export" -- \
  "$kgforge" build "$work/a.txt" --format graphml -o "$work/d.graphml" --dataset-metadata "$work/d.ttl"
expect 2 "dataset license 'CC BY' is not an absolute IRI" -- \
  "$kgforge" build "$work/a.txt" --format turtle -o "$work/d.ttl" --dataset-metadata "$work/v.ttl" --dataset-license "CC BY"
expect 2 "dataset creation date '2024-02-30' is not YYYY-MM-DD" -- \
  "$kgforge" build "$work/a.txt" --format ntriples -o "$work/d.nt" --dataset-metadata "$work/v.ttl" --dataset-created 2024-02-30
[ ! -e "$work/d.ttl" ] && [ ! -e "$work/d.nt" ] && [ ! -e "$work/v.ttl" ] || fail "output written despite a bad description option"
expect 2 "base IRI 'not an iri/?' is not an absolute IRI" -- \
  "$kgforge" build "$work/a.txt" --format turtle -o "$work/b.ttl" --base-iri "not an iri"
[ ! -e "$work/b.ttl" ] || fail "Turtle written despite a bad base IRI"

empty_dir=$(mktemp -d -p "$work")
expect 0 "0 documents" -- "$kgforge" build "$empty_dir" --format json -o "$work/none.json"

# Malformed JSONL: file, line and column; nothing written; --keep-going processes the rest.
cat >"$work/docs.jsonl" <<'JSONL'
{"id": "d1", "title": "One", "date": "2024-01-01", "text": "Kenya signed a deal with Uganda."}
{"id": "d2", "title": "Two", "text": "broken
{"id": "d3", "title": "Three", "date": "2024-01-03", "text": "Ghana criticised Togo."}
JSONL
expect 2 "docs.jsonl:2:[0-9]+: " -- "$kgforge" build "$work/docs.jsonl" --format json -o "$work/j.json"
[ ! -e "$work/j.json" ] || fail "output written despite malformed JSONL"
expect 3 "skipped: .*docs.jsonl:2:[0-9]+" -- "$kgforge" build "$work/docs.jsonl" --keep-going --format json -o "$work/j.json"
/usr/bin/python3 -c "import json,sys; g=json.load(open(sys.argv[1])); assert len(g['documents'])==2, g['documents']" "$work/j.json" \
  || fail "--keep-going did not keep the two good documents"

# Extraction input that breaks the schema: file, line and JSON field.
cat >"$work/ext.jsonl" <<'JSONL'
{"document":{"id":"x"},"entities":[{"id":"a","name":"A","type":"ORGANIZATION"}],"relations":[]}
{"document":{"id":"y"},"entities":[{"id":"a","name":"A","type":"ORGANIZATION"}],"relations":[{"subject":"a","object":"zz","type":"PART_OF"}]}
JSONL
expect 2 "ext.jsonl:2: /relations/0/object: no entity with id 'zz'" -- \
  "$kgforge" merge "$work/ext.jsonl" --format json -o "$work/m.json"

# A failing export never leaves a partial file: an existing output stays as it was.
echo "previous" >"$work/keep.json"
expect 2 "unknown format" -- "$kgforge" build "$work/a.txt" --format nope -o "$work/keep.json"
[ "$(cat "$work/keep.json")" = "previous" ] || fail "existing output was touched"
ls -a "$work" | grep -q '\.tmp-' && fail "temporary files left behind"

# A device as output is written in place, never replaced by a file (as root, /dev/null).
"$kgforge" build "$work/a.txt" --format json -o /dev/null --quiet || fail "-o /dev/null failed"
[ -c /dev/null ] || fail "/dev/null is no longer a character device"

# --help on every command, --version.
for command in build merge extract stats; do
  "$kgforge" "$command" --help >/dev/null || fail "$command --help"
done
"$kgforge" --version | grep -qE '^kgforge [0-9]+\.[0-9]+\.[0-9]+' || fail "--version"

if [ "$failures" -gt 0 ]; then echo "$failures failed" >&2; exit 1; fi
echo "bad input: all checks passed"
