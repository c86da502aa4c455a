#!/usr/bin/python3
"""The Spark job's neo4j-admin parts load into the real Neo4j (ctest spark.neo4j_import):

  check_neo4j_import.py KGFORGE WORKDIR

WORKDIR is spark.equality's: its out-3 (the Spark output with 3 key ranges) and single/
(kgforge build of the same corpus). Each folder's import.sh runs the test server's real
`neo4j-admin database import full` (scripts/neo4j-test-server import): the one with a
header file and part files per label and type, the other with the single-machine CSV. The
two databases hold the same node counts per label, relationship counts per type and every
property of every node and relationship.
"""
import os
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "neo4j_live"))
import live  # noqa: E402
import spark_test as t  # noqa: E402


def import_folder(folder, admin):
    env = dict(os.environ, NEO4J_ADMIN=admin)
    result = subprocess.run([os.path.join(folder, "import.sh")], env=env, capture_output=True,
                            text=True)
    t.check(result.returncode == 0,
            f"{folder}/import.sh failed ({result.returncode}):\n{result.stderr[-3000:]}")
    server = live.Server(live.connection_info())  # restarted, on new ports
    return server.counts(), server.dump()


def main():
    _, workdir = sys.argv[1:3]
    spark_csv = os.path.join(workdir, "out-3", "neo4j-import")
    single_csv = os.path.join(workdir, "single", "neo4j-import")
    for folder in (spark_csv, single_csv):
        t.check(os.path.isfile(os.path.join(folder, "import.sh")),
                f"{folder}/import.sh missing: run spark.equality first")
    admin = os.path.join(workdir, "neo4j-admin")
    with open(admin, "w") as f:
        f.write('#!/bin/sh\n[ "$1 $2 $3 $4" = "database import full neo4j" ] || '
                '{ echo "unexpected neo4j-admin call: $*" >&2; exit 2; }\nshift 4\n'
                f'exec "{live.SERVER}" import "$@"\n')
    os.chmod(admin, os.stat(admin).st_mode | stat.S_IEXEC)

    spark_counts, spark_dump = import_folder(spark_csv, admin)
    single_counts, single_dump = import_folder(single_csv, admin)
    t.check(spark_counts == single_counts,
            f"counts differ: spark {spark_counts} vs single machine {single_counts}")
    live.require_same(spark_dump, single_dump, "neo4j-admin import of the Spark parts vs the "
                                               "single-machine CSV")
    labels, types = spark_counts
    print(f"ok: neo4j-admin database import full of the Spark parts: "
          f"{sum(n for l, n in labels.items() if l != 'Entity')} nodes "
          f"({', '.join(f'{l} {n}' for l, n in sorted(labels.items()))}), "
          f"{sum(types.values())} relationships of {len(types)} types, every property equal "
          f"to the single-machine CSV's import")


if __name__ == "__main__":
    main()
