#!/usr/bin/env bash
# Hostile input never crashes kgforge: each case ends with a clear message naming the file
# (and line and column) and the documented exit code, or with a valid graph. The limits
# are those of src/include/kgforge/limits.hpp (docs/RELIABILITY.md lists them).
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
valid_json() { /usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$1" || fail "$1 is not valid JSON"; }
py() { /usr/bin/python3 -c "$@"; }

# 200,000 nested '[': in a JSONL document, in extraction JSONL and in an extraction .json.
py "print('{\"id\":\"x\",\"text\":' + '['*200000 + '}')" >"$work/nested.jsonl"
expect 2 "nested.jsonl:1:81: nesting deeper than 64" -- "$kgforge" build "$work/nested.jsonl" -o "$work/o.json"
py "print('['*200000)" >"$work/nested-ext.jsonl"
expect 2 "nested-ext.jsonl:1:65: nesting deeper than 64" -- \
  "$kgforge" build --from-extractions "$work/nested-ext.jsonl" -o "$work/o.json"
py "print('{\"document\":\n' + '{\"a\":'*100000)" >"$work/nested-ext.json"
expect 2 "nested-ext.json:2:316: nesting deeper than 64" -- \
  "$kgforge" merge "$work/nested-ext.json" -o "$work/o.json"
[ ! -e "$work/o.json" ] || fail "output written despite bad input"
# ... and with --keep-going the other documents are kept.
{ echo '{"id":"good","text":"Kenya signed a deal with Uganda."}'; cat "$work/nested.jsonl"; } >"$work/mixed.jsonl"
expect 3 "skipped: .*mixed.jsonl:2:81: nesting deeper than 64" -- \
  "$kgforge" build "$work/mixed.jsonl" --keep-going -o "$work/o.json"
valid_json "$work/o.json"

# JSON that decodes to invalid UTF-8 (a lone surrogate escape), and a NUL byte after a
# complete object: errors, not silently accepted.
printf '{"id":"s","text":"bad \\udc00 escape"}\n' >"$work/surrogate.jsonl"
expect 2 "surrogate.jsonl:1:[0-9]+: string is not valid UTF-8" -- "$kgforge" build "$work/surrogate.jsonl" -o "$work/o.json"
printf '{"id":"n","text":"ok"}\0trailing\n' >"$work/nul.jsonl"
expect 2 "nul.jsonl:1:23: NUL byte in JSON text" -- "$kgforge" build "$work/nul.jsonl" -o "$work/o.json"

# A document over the size limit (a sparse file: no disk space used): named, not read.
truncate -s 129M "$work/huge.txt"
expect 2 "huge.txt: file is 129 MiB larger than the 128 MiB limit for one document" -- \
  "$kgforge" build "$work/huge.txt" -o "$work/o.json"
# A JSONL line over the line limit: skipped without being held; the next line is read.
truncate -s 129M "$work/long-line.jsonl"
printf '\n{"id":"after","text":"Ghana criticised Togo."}\n' >>"$work/long-line.jsonl"
expect 2 "long-line.jsonl:1: line is longer than the 128 MiB limit" -- \
  "$kgforge" build "$work/long-line.jsonl" -o "$work/o.json"
expect 3 "long-line.jsonl:1: line is longer than the 128 MiB limit" -- \
  "$kgforge" build "$work/long-line.jsonl" --keep-going -o "$work/o.json"
py "import json,sys; g=json.load(open(sys.argv[1])); assert [d['id'] for d in g['documents']]==['after'], g['documents']" \
  "$work/o.json" || fail "the line after the long one was not kept"

# Random bytes, and a 1 MB "sentence" without a full stop (several segments): a valid graph.
head -c 1000000 /dev/urandom >"$work/random.txt"
expect 0 "random.txt: invalid UTF-8 at byte offset" -- "$kgforge" build "$work/random.txt" -o "$work/o.json"
valid_json "$work/o.json"
py "import sys; sys.stdout.write(' '.join(['Kenya and Uganda traded coffee with Norway']*25000))" >"$work/no-stop.txt"
expect 0 "1 documents" -- "$kgforge" build "$work/no-stop.txt" -o "$work/o.json"
valid_json "$work/o.json"

# A long document is extracted in segments, and the result does not depend on threads.
for i in $(seq 1 2000); do
  echo "Kenya signed a geothermal agreement with Norway's Equinor, the ministry said on day $i."
  echo "Nairobi has assured Oslo that the project would not be delayed, Chirchir said."
  echo
done >"$work/long.txt"
"$kgforge" extract "$work/long.txt" -o "$work/long1.jsonl" -j1 -q || fail "extract -j1"
"$kgforge" extract "$work/long.txt" -o "$work/long2.jsonl" -j2 -q || fail "extract -j2"
cmp -s "$work/long1.jsonl" "$work/long2.jsonl" || fail "segmented extraction differs between -j1 and -j2"
py "
import json, sys
d = json.loads(open(sys.argv[1]).readline())
text = open(sys.argv[2], encoding='utf-8').read()
assert len(d['relations']) > 0 and d['relations'][-1]['evidence']['start'] > 200000, d['relations']
for r in d['relations']:
    ev = r['evidence']
    assert text[ev['start']:ev['end']] == ev['sentence'], (ev, text[ev['start']:ev['end']])
names = [e['name'] for e in d['entities']]
assert len(names) == len(set(names)), 'an entity is listed twice after merging segments'
" "$work/long1.jsonl" "$work/long.txt" || fail "segmented extraction: offsets or entities wrong"

if [ "$failures" -gt 0 ]; then echo "$failures failed" >&2; exit 1; fi
echo "hostile input: all checks passed"
