#!/usr/bin/python3
"""Spark equals one machine (ctest spark.equality):

  check_equality.py KGFORGE BUILD_DIR WORKDIR

The test corpus (samples/ and copies of it made here: 2,000+ documents in two JSONL files
and a folder of text files, a few ids repeated) through the real Spark job on local[2] with
1, 3 and 8 key ranges gives exactly `kgforge build` of the same folder: every entity,
relation and document record of the JSON Lines parts equals the graph JSON's, every
neo4j-admin part file's rows (and header) those of the single-machine CSV; with --ntriples
(3 key ranges) the N-Triples parts plus ntriples/dataset.nt hold exactly the lines of kgforge
build --format ntriples (N-Triples has no blank nodes here, so equal lines are equal graphs); with
--single-file, graph.json and graph.graphml are byte-identical to kgforge build's.
WORKDIR/out-3 is kept for spark.neo4j_import.
"""
import filecmp
import os
import shutil
import sys
import time

import spark_test as t


def main():
    kgforge, build_dir, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    corpus = t.make_corpus(workdir)
    single = os.path.join(workdir, "single")
    shutil.rmtree(single, ignore_errors=True)
    t.kgforge(kgforge, "build", corpus, "--format", "all", "-o", single, "-q")
    graph_json = os.path.join(single, "graph.json")
    csv_folder = os.path.join(single, "neo4j-import")
    single_nt = os.path.join(workdir, "single.nt")
    t.kgforge(kgforge, "build", corpus, "--format", "ntriples", "-o", single_nt, "-q")
    for partitions in (1, 3, 8):
        output = os.path.join(workdir, f"out-{partitions}")
        extra = ["--single-file", "json,graphml"] if partitions == 8 else []
        if partitions == 3:
            extra = ["--ntriples"]
        started = time.time()
        _, stderr = t.spark(build_dir, corpus, "-o", output, "--partitions", str(partitions),
                            *extra)
        t.check("Traceback" not in stderr, f"{partitions} partitions: a traceback:\n{stderr}")
        counts = t.compare_with_single(output, graph_json, csv_folder,
                                       f"{partitions} key ranges")
        print(f"ok: {partitions} key ranges: {counts['documents']} documents, "
              f"{counts['entities']} entities, {counts['relations']} relations equal to "
              f"kgforge build, JSON Lines and neo4j-admin CSV parts "
              f"({time.time() - started:.0f} s)")
        if partitions == 3:
            t.check(t.spark_ntriples(output) == t.ntriples_lines(single_nt),
                    "the N-Triples parts and ntriples/dataset.nt are not the lines of "
                    "kgforge build --format ntriples")
            print(f"ok: {partitions} key ranges: the N-Triples parts hold exactly kgforge "
                  "build's triples")
        for name in ("graph.json", "graph.graphml") if partitions == 8 else ():
            t.check(filecmp.cmp(os.path.join(output, name), os.path.join(single, name),
                                shallow=False),
                    f"{name} of the final merge differs from kgforge build's")
            print(f"ok: --single-file {name} is byte-identical to kgforge build's")


if __name__ == "__main__":
    main()
