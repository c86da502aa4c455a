#!/usr/bin/env bash
# Proves scripts/neo4j-test-server: a real Neo4j 5.26 answers the HTTP transactional API with
# auth, runs CREATE CONSTRAINT ... IF NOT EXISTS and UNWIND+MERGE, and neo4j-admin bulk import
# of CSV files produces a database the server then opens. Uses its own state dir; stops the
# server at the end. Prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
S=$ROOT/scripts/neo4j-test-server
export KGFORGE_NEO4J_STATE=${KGFORGE_NEO4J_STATE:-${TMPDIR:-/tmp}/kgforge-neo4j-smoke-$(id -u)-$$}
pass=0 fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
trap '"$S" stop >/dev/null 2>&1; rm -rf "$KGFORGE_NEO4J_STATE"' EXIT

q() { # JSON body -> response
    curl -sS -u "neo4j:$NEO4J_PASSWORD" -H 'Content-Type: application/json' \
        -H 'Accept: application/json' -d "$1" "$NEO4J_TX_COMMIT_URL"
}
noerr() { [[ $1 == *'"errors":[]'* ]]; }

if url=$("$S" start); then ok "start: $url"; else bad "start"; echo "0 passed, 1 failed"; exit 1; fi
eval "$("$S" env)"
[[ $("$S" url) == "$url" ]] && ok "url" || bad "url"
[[ $("$S" start) == "$url" ]] && ok "start is idempotent" || bad "second start"

r=$(q '{"statements":[{"statement":"RETURN 1 AS one"}]}')
[[ $r == *'"row":[1]'* ]] && noerr "$r" && ok "RETURN 1" || bad "RETURN 1: $r"

code=$(curl -s -o /dev/null -w '%{http_code}' -u neo4j:wrong-password -H 'Content-Type: application/json' \
    -d '{"statements":[]}' "$NEO4J_TX_COMMIT_URL")
[[ $code == 401 ]] && ok "auth enforced (401)" || bad "wrong password gave $code"

c='{"statements":[{"statement":"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"}]}'
r=$(q "$c") && noerr "$r" && r=$(q "$c") && noerr "$r" && ok "CREATE CONSTRAINT IF NOT EXISTS (twice)" || bad "constraint: $r"

m='{"statements":[{"statement":"UNWIND $rows AS row MERGE (a:Entity {id: row.src}) MERGE (b:Entity {id: row.dst}) MERGE (a)-[r:RELATED {kind: row.kind}]->(b) RETURN count(r) AS n","parameters":{"rows":[{"src":"a","dst":"b","kind":"x"},{"src":"b","dst":"c","kind":"y"},{"src":"a","dst":"b","kind":"x"}]}}]}'
r=$(q "$m") && noerr "$r" && r=$(q "$m") && noerr "$r" || bad "UNWIND MERGE: $r"
r=$(q '{"statements":[{"statement":"MATCH (n:Entity) WITH count(n) AS n MATCH ()-[r:RELATED]->() RETURN n, count(r)"}]}')
[[ $r == *'"row":[3,2]'* ]] && ok "UNWIND+MERGE is idempotent (3 nodes, 2 rels)" || bad "MERGE counts: $r"

r=$(q '{"statements":[{"statement":"CREATE (:Entity {id: \"a\"})"}]}')
[[ $r == *ConstraintValidationFailed* ]] && ok "uniqueness constraint enforced" || bad "constraint not enforced: $r"

"$S" stop >/dev/null 2>&1
"$S" status >/dev/null; [[ $? == 3 ]] && ok "stop" || bad "still running after stop"
"$S" stop >/dev/null 2>&1 && ok "stop is idempotent" || bad "second stop"

if url=$("$S" import --nodes="$ROOT/tests/neo4j/data/nodes.csv" \
    --relationships="$ROOT/tests/neo4j/data/relationships.csv" 2>/dev/null); then
    ok "neo4j-admin database import full + start: $url"
    eval "$("$S" env)"
    r=$(q '{"statements":[{"statement":"MATCH (p:Person)-[r]->(x) RETURN p.name, type(r), x.name, r.confidence ORDER BY type(r)"}]}')
    [[ $r == *'"row":["Marie Curie","BORN_IN","Warsaw",1.0]'* && $r == *'"WORKED_AT","University of Paris",0.9'* ]] &&
        ok "imported graph is queryable" || bad "imported graph: $r"
else
    bad "import"
fi

printf 'id:ID(E),:LABEL\nx,E\nx,E\n' >"$KGFORGE_NEO4J_STATE/dup.csv"
if err=$("$S" import --nodes="$KGFORGE_NEO4J_STATE/dup.csv" 2>&1); then
    bad "import of duplicate ids succeeded"
else
    [[ $err == *"Id 'x' is defined more than once in group 'E'"* ]] &&
        ok "import rejects duplicate ids with neo4j-admin's message" || bad "duplicate-id message: $err"
fi

echo "$pass passed, $fail failed"
((fail == 0))
