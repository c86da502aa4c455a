#!/bin/sh
# Writes one graph in the RDF formats (and graph.json, the reference) for the linked-data checks.
# Usage: build_rdf.sh KGFORGE OUTDIR BUILD-ARGS...   e.g.
#   build_rdf.sh build/kgforge /tmp/out --from-extractions tests/data/adversarial.jsonl
# OUTDIR gets graph.json, graph.jsonld, graph.ttl, graph.nt, graph.nq and dataset.ttl (VoID + DCAT).
set -eu
kgforge=$1
out=$2
shift 2
rm -rf "$out"
mkdir -p "$out"
for format in json jsonld turtle ntriples; do
  case $format in
    turtle) file=graph.ttl ;;
    ntriples) file=graph.nt ;;
    *) file=graph.$format ;;
  esac
  "$kgforge" build "$@" --quiet --format "$format" -o "$out/$file" || {
    echo "build_rdf: FAIL: kgforge build $* --format $format exited $?" >&2
    exit 1
  }
done
"$kgforge" build "$@" --quiet --format nquads -o "$out/graph.nq" \
  --dataset-metadata "$out/dataset.ttl" --dataset-license https://creativecommons.org/licenses/by/4.0/ \
  --dataset-creator "kgforge tests" || {
  echo "build_rdf: FAIL: kgforge build $* --format nquads --dataset-metadata exited $?" >&2
  exit 1
}
echo "build_rdf: ok: $out"
