#!/usr/bin/env bash
# Builds the graph of samples/ and compares it with samples/expected/graph.json.
set -euo pipefail
kgforge=$1
root=$2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
(cd "$root" && "$kgforge" build samples/ --format json -o "$actual" --quiet)
if ! diff -u "$root/samples/expected/graph.json" "$actual" >&2; then
  echo "the graph of samples/ differs from samples/expected/graph.json (scripts/update-golden after an intended change)" >&2
  exit 1
fi
echo "golden: the graph of samples/ is as expected"
