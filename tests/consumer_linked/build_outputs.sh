#!/bin/sh
# Writes one graph in the formats the linked-data and Neo4j checks read.
# Usage: build_outputs.sh KGFORGE OUTDIR BUILD-ARGS...   e.g.
#   build_outputs.sh build/kgforge /tmp/out --from-extractions tests/data/adversarial.jsonl
# OUTDIR gets graph.json, graph.jsonld, graph.cypher and neo4j-csv/.
set -eu
kgforge=$1
out=$2
shift 2
rm -rf "$out"
mkdir -p "$out"
for format in json jsonld cypher; do
  "$kgforge" build "$@" --quiet --format "$format" -o "$out/graph.$format" || {
    echo "build_outputs: FAIL: kgforge build $* --format $format exited $?" >&2
    exit 1
  }
done
"$kgforge" build "$@" --quiet --format neo4j-csv -o "$out/neo4j-csv" || {
  echo "build_outputs: FAIL: kgforge build $* --format neo4j-csv exited $?" >&2
  exit 1
}
echo "build_outputs: ok: $out"
