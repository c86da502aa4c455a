#!/usr/bin/python3
"""Live proof of `kgforge push` against a real Neo4j 5 (ctest neo4j_live.push).

  check_push.py KGFORGE WORKDIR

1. samples/ and tests/data/adversarial.jsonl pushed (batch sizes 1000 and 2): exactly the
   graph of `--format json`, and exactly what the Cypher script loads (full dumps equal);
   pushing again changes nothing.
2. Two batches sharing entities pushed one after the other (either order) = the union.
3. Errors exit 2 with a message and never claim success: wrong password, unreachable
   port, missing database, a Neo4j error in one batch (a uniqueness constraint on
   Document.url, which the two adversarial documents share, makes the documents batch
   fail; the message names that batch).
"""
import os
import re
import socket
import sys

import live
from batches import write_batches


def push(kgforge, server, inputs, *extra, password=None, url=None, check_rc=True):
    env = dict(os.environ)
    env["KG_LIVE_PASSWORD"] = server.password if password is None else password
    return live.kgforge(kgforge, "push", *inputs, "--neo4j", url or server.url, "--user",
                        server.user, "--password-env", "KG_LIVE_PASSWORD", *extra,
                        check_rc=check_rc, env=env)


def expect_failure(result, pattern, what):
    output = result.stdout + result.stderr
    live.check(result.returncode == 2,
               f"{what}: exit {result.returncode}, want 2; output:\n{output}")
    live.check(re.search(pattern, result.stderr) is not None,
               f"{what}: stderr does not match /{pattern}/:\n{result.stderr}")
    live.check("pushed" not in output, f"{what}: claims success:\n{output}")
    print(f"ok: {what}: exit 2, {result.stderr.strip().splitlines()[-1]}")


def main():
    kgforge, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    server = live.Server()
    samples = [os.path.join(live.ROOT, "samples")]
    adversarial = [os.path.join(live.ROOT, "tests", "data", "adversarial.jsonl"),
                   "--from-extractions"]

    for name, inputs, extra in (("samples", samples, ()),
                                ("adversarial", adversarial, ()),
                                ("adversarial", adversarial, ("--batch-size", "2"))):
        graph_json = os.path.join(workdir, name + ".json")
        script = os.path.join(workdir, name + ".cypher")
        live.kgforge(kgforge, "build", *inputs, "--format", "json", "-o", graph_json, "-q")
        live.kgforge(kgforge, "build", *inputs, "--format", "cypher", "-o", script, "-q")
        expected = live.expected_from_graph_json(live.load_json(graph_json))
        server.wipe()
        result = push(kgforge, server, inputs, *extra)
        live.check(re.search(r"pushed \d+ entities", result.stderr) is not None,
                   f"{name}: no summary line: {result.stderr}")
        pushed = server.dump()
        live.require_same(pushed, expected, f"{name} {' '.join(extra)} (push vs graph JSON)")
        push(kgforge, server, inputs, *extra, "--quiet")
        live.require_same(server.dump(), pushed, f"{name} (pushed twice)")
        server.wipe()
        live.run_script(server, script)
        live.require_same(server.dump(), pushed, f"{name} (push vs cypher script)")
        print(f"ok: push {name} {' '.join(extra)}: {len(expected[0])} nodes, "
              f"{len(expected[1])} relationships equal to the graph JSON and to the Cypher "
              f"script's load; pushing twice changed nothing")

    batches = write_batches(workdir)
    server.wipe()
    push(kgforge, server, [batches["union"], "--from-extractions"])
    union = live.order_free(server.dump())
    union_json = os.path.join(workdir, "union.json")
    live.kgforge(kgforge, "build", batches["union"], "--from-extractions", "--format", "json",
                 "-o", union_json, "-q")
    live.require_same(union, live.order_free(live.expected_from_graph_json(
        live.load_json(union_json))), "pushed union vs union graph JSON")
    for order in (("batch1", "batch2"), ("batch2", "batch1")):
        server.wipe()
        for name in order:
            push(kgforge, server, [batches[name], "--from-extractions"], "--batch-size", "3")
        live.require_same(live.order_free(server.dump()), union,
                          f"push {order[0]} then {order[1]} vs the union pushed at once")
    print("ok: two pushed batches sharing entities (either order) = the union")

    # ---- errors ----
    server.wipe()
    expect_failure(push(kgforge, server, adversarial, password="not-the-password",
                        check_rc=False),
                   r"wrong user or password", "wrong password")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    expect_failure(push(kgforge, server, adversarial, url=f"http://127.0.0.1:{port}",
                        check_rc=False),
                   r"cannot reach Neo4j at http://127\.0\.0\.1:%d" % port, "unreachable server")
    expect_failure(push(kgforge, server, adversarial, "--database", "nosuchdb", check_rc=False),
                   r"no database 'nosuchdb'", "missing database")
    live.check(server.counts() == ({}, {}), "a failed push wrote data")

    server.run("CREATE CONSTRAINT live_test_url IF NOT EXISTS FOR (d:Document) "
               "REQUIRE d.url IS UNIQUE")
    try:
        result = push(kgforge, server, adversarial, "--batch-size", "1", check_rc=False)
        expect_failure(result, r"batch (\d+) of (\d+) \(documents 2-2\) failed: "
                               r"Neo\.ClientError\.Schema\.ConstraintValidationFailed",
                       "Neo4j error in one batch")
        failed, total = map(int, re.search(r"batch (\d+) of (\d+)", result.stderr).groups())
        live.check(f"the {failed - 1} batches before it are committed" in result.stderr,
                   "the message does not say what was committed")
        # Batches before it are committed (entities and the first document are there).
        labels, _ = server.counts()
        live.check(labels.get("Document") == 1 and labels.get("Entity", 0) > 0,
                   f"unexpected state after the failed batch: {labels}")
    finally:
        server.run("DROP CONSTRAINT live_test_url IF EXISTS")
    print(f"ok: the failing batch is named (batch {failed} of {total})")


if __name__ == "__main__":
    main()
