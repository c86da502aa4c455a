#!/usr/bin/env bash
# Proves scripts/gephi-check on the hand-written samples: counts, node labels, edge kinds (GEXF
# kind, GraphML edge attribute "type"), colours, PNG rendering, and that broken input fails.
# Usage: tests/gephi/smoke.sh [OUT_DIR]   (PNGs are left in OUT_DIR for a look; default a temp dir)
# Prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
G=$ROOT/scripts/gephi-check
SAMPLES=$ROOT/tests/gephi/samples
OUT=${1:-$(mktemp -d "${TMPDIR:-/tmp}/kgforge-gephi-smoke.XXXXXX")}
mkdir -p "$OUT"
pass=0 fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
field() { /usr/bin/env python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

if "$G" "$SAMPLES/small.gexf" --png "$OUT/small-gexf.png" --expect-nodes 5 --expect-edges 7 \
    --expect-edge-kinds BORN_IN,COLLABORATED_WITH,RECEIVED,SPOUSE_OF,WORKED_AT --fail-on-warning \
    >"$OUT/gexf.json" 2>"$OUT/gexf.log"; then
    ok "GEXF 1.3: 5 nodes, 7 edges, 5 kinds, no warnings"
else
    bad "GEXF: $(cat "$OUT/gexf.json")"
fi
[[ $(field "$OUT/gexf.json" "d['node_labels']") == "['Marie Curie', 'Nobel Prize in Physics', 'Pierre Curie', 'University of Paris', 'Warsaw']" ]] &&
    ok "GEXF node labels" || bad "GEXF node labels"
[[ $(field "$OUT/gexf.json" "'#e41a1c' in d['node_colors'] and '#984ea3' in d['edge_colors']") == True ]] &&
    ok "GEXF viz colours read" || bad "GEXF colours"
[[ $(field "$OUT/gexf.json" "d['directed'] and d['png']['bytes'] > 10000") == True ]] &&
    ok "GEXF directed, PNG rendered ($OUT/small-gexf.png)" || bad "GEXF PNG"

if "$G" "$SAMPLES/small.graphml" --png "$OUT/small-graphml.png" --expect-nodes 5 --expect-edges 6 \
    --expect-edge-kinds BORN_IN,RECEIVED,SPOUSE_OF,WORKED_AT --fail-on-warning \
    >"$OUT/graphml.json" 2>"$OUT/graphml.log"; then
    ok "GraphML: 5 nodes, 6 edges, edge attribute type has 4 values"
else
    bad "GraphML: $(cat "$OUT/graphml.json")"
fi
[[ $(field "$OUT/graphml.json" "d['edge_type_attribute'] == ['BORN_IN', 'RECEIVED', 'SPOUSE_OF', 'WORKED_AT'] and d['node_attributes']['kind']['values'] == ['Award', 'Organization', 'Person', 'Place']") == True ]] &&
    ok "GraphML attributes" || bad "GraphML attributes"

"$G" "$SAMPLES/small.gexf" --expect-nodes 4 --layout none >"$OUT/wrong.json" 2>/dev/null
[[ $? == 1 ]] && ok "wrong expectation -> exit 1" || bad "wrong expectation did not fail"

sed 's/target="n3"/target="nX"/' "$SAMPLES/small.gexf" >"$OUT/dangling.gexf"
"$G" "$OUT/dangling.gexf" --fail-on-warning --layout none >"$OUT/dangling.json" 2>/dev/null
[[ $? == 1 && $(field "$OUT/dangling.json" "d['auto_created_nodes']") == True ]] &&
    ok "dangling edge target -> auto-created node flagged" || bad "dangling edge not flagged"

head -c 1500 "$SAMPLES/small.graphml" >"$OUT/truncated.graphml"
"$G" "$OUT/truncated.graphml" --layout none >"$OUT/truncated.json" 2>/dev/null
[[ $? == 2 && $(field "$OUT/truncated.json" "'WstxEOFException' in d['error']") == True ]] &&
    ok "truncated XML -> exit 2 with parser error" || bad "truncated XML"

echo "$pass passed, $fail failed"
((fail == 0))
