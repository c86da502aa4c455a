#!/usr/bin/env bash
# kill -9 in the middle of writing any format never leaves a partial file in place of a
# good one: the previous output stays byte-identical, and the next successful run removes
# the dead run's temporary file.
#   check_kill_mid_write.sh KGFORGE GENERATOR SOURCE_DIR
set -uo pipefail
kgforge=$1 generator=$2 source_dir=$3
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# A graph large enough that writing it takes a while (~100 MB per format).
"$generator" --entities 20000 --relations 100000 --out "$work/big" >/dev/null || fail "generator"
for format in graphml gexf cypher neo4j-csv jsonld turtle ntriples nquads json; do
  out=$work/out-$format
  mkdir -p "$out"
  name=graph.$format
  [ "$format" = neo4j-csv ] && name=neo4j-import
  [ "$format" = turtle ] && name=graph.ttl
  [ "$format" = ntriples ] && name=graph.nt
  [ "$format" = nquads ] && name=graph.nq
  "$kgforge" build "$source_dir/samples" --format "$format" -o "$out/$name" -q || fail "good $format"
  cp -a "$out/$name" "$work/good-$name"
  "$kgforge" merge "$work/big" --format "$format" -o "$out/$name" -q &
  pid=$!
  # Wait until the temporary output holds more than 1 MB, then kill.
  killed=""
  for _ in $(seq 1 600); do
    size=$(du -sk "$out"/.$name.tmp-* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
    if [ "$size" -gt 1024 ]; then
      kill -9 "$pid" && killed=yes
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  wait "$pid" 2>/dev/null
  [ -n "$killed" ] || { fail "$format: the write ended before it could be killed"; continue; }
  diff -r "$work/good-$name" "$out/$name" >/dev/null || fail "$format: killed mid-write, the good output changed"
  ls -A "$out" | grep -q "^\.$name\.tmp-" || fail "$format: no temporary left (was it killed mid-write?)"
  # The next run succeeds and clears the dead run's temporary.
  "$kgforge" build "$source_dir/samples" --format "$format" -o "$out/$name" -q || fail "rerun $format"
  ! ls -A "$out" | grep -q '\.tmp-' || fail "$format: stale temporary not removed: $(ls -A "$out")"
  diff -r "$work/good-$name" "$out/$name" >/dev/null || fail "$format: rerun output differs"
  echo "ok: $format killed with ${size} kB written: the good output is intact"
done
if [ "$failures" -gt 0 ]; then echo "$failures failed" >&2; exit 1; fi
echo "kill -9 mid-write: every format left its previous output intact"
