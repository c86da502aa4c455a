#!/usr/bin/env bash
# Proves scripts/render-gephi-picture headless on samples/ (the seed article is not part of the
# repository): the PNG is 2400 px wide, not blank, shows every entity type's colour and exactly the
# graph minus its entities without relations (tests/gephi/check_picture.py, networkx), no label
# hides another; a second rendering is byte-identical; a broken GEXF fails without leaving a PNG.
# Usage: tests/gephi/picture.sh KGFORGE_BIN [OUT_DIR]   (the pictures are left in OUT_DIR)
# Prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:?usage: picture.sh KGFORGE_BIN [OUT_DIR]}
OUT=${2:-$(mktemp -d "${TMPDIR:-/tmp}/kgforge-gephi-picture.XXXXXX")}
rm -rf "$OUT/first" "$OUT/second"
mkdir -p "$OUT/first" "$OUT/second"
pass=0 fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

render() {
    "$ROOT/scripts/render-gephi-picture" --out-dir "$OUT/$1" --seed-article none --kgforge "$BIN" \
        --report "$OUT/$1/report.json" 2>"$OUT/$1.log"
}

if render first && [[ -s $OUT/first/samples-gephi.png ]]; then
    ok "rendered $OUT/first/samples-gephi.png"
else
    bad "render-gephi-picture failed: $(tail -n 20 "$OUT/first.log")"
fi

"$BIN" build "$ROOT/samples/" --format json -o "$OUT/samples.json" --quiet
if /usr/bin/python3 "$ROOT/tests/gephi/check_picture.py" --report "$OUT/first/report.json" \
    --graph "$OUT/samples.json" --png "$OUT/first/samples-gephi.png" --width 2400 >"$OUT/check.log" 2>&1; then
    ok "$(sed 's/^ok: //' "$OUT/check.log")"
else
    bad "picture check: $(cat "$OUT/check.log")"
fi

if render second && cmp -s "$OUT/first/samples-gephi.png" "$OUT/second/samples-gephi.png"; then
    ok "second rendering is byte-identical"
else
    bad "second rendering differs (or failed): $(tail -n 5 "$OUT/second.log")"
fi

"$BIN" build "$ROOT/samples/" --format gexf -o "$OUT/samples.gexf" --quiet
head -c 3000 "$OUT/samples.gexf" >"$OUT/truncated.gexf"
"$ROOT/scripts/gephi-check" picture "$OUT/truncated.gexf" --png "$OUT/truncated.png" \
    >"$OUT/truncated.json" 2>/dev/null
rc=$?
leftovers=$(find "$OUT" -maxdepth 1 -name '.truncated.png*' | wc -l)
if [[ $rc == 2 && ! -e $OUT/truncated.png && $leftovers == 0 ]] && grep -q '"error"' "$OUT/truncated.json"; then
    ok "truncated GEXF -> exit 2, error in the JSON, no PNG written"
else
    bad "truncated GEXF: exit $rc, PNG $( [[ -e $OUT/truncated.png ]] && echo written || echo absent), $leftovers temp files"
fi

echo "$pass passed, $fail failed"
((fail == 0))
