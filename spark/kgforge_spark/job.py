"""The Spark job: map (documents piped through `kgforge extract --by-key`), merge by key
(fragments shuffled by entity id / relation key / document id, each key range merged by
`kgforge merge-records`), write in parts (neo4j-admin CSV, JSON Lines and, behind
--ntriples, N-Triples), and, behind --single-file, the single-file formats from a final merge
on the driver."""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

from . import inputs, outputs, tasks
from .options import parse

EXIT_INPUT = 2
EXIT_SKIPPED = 3


_session = []


class JobError(Exception):
    """A clear message for the user (bad input, a kgforge error on an executor)."""


def fail(message):
    # spark-submit hands the driver's stderr to its stdout: both carry the one message.
    print(f"kgforge-spark: error: {message}", file=sys.stderr, flush=True)
    if _session:
        _session[0].stop()  # the Python workers end quietly, not with a broken pipe
    sys.exit(EXIT_INPUT)


def task_error(error):
    """The kgforge message inside Spark's exception text (which repeats the Python
    traceback of the task), or None."""
    found = re.search(re.escape(tasks.MARK_BEGIN) + r"(.*?)" + re.escape(tasks.MARK_END),
                      str(error), re.S)
    return found.group(1) if found else None


def quiet_logs(spark, level):
    spark.sparkContext.setLogLevel(level)
    # A failing task is logged by the executor and the task scheduler with its full
    # traceback, once per attempt; the driver prints the one message that matters.
    jvm = spark.sparkContext._jvm
    configurator = jvm.org.apache.logging.log4j.core.config.Configurator
    off = jvm.org.apache.logging.log4j.Level.OFF
    for logger in ("org.apache.spark.executor.Executor",
                   "org.apache.spark.scheduler.TaskSetManager",
                   "org.apache.spark.api.python.PythonRunner"):
        if level.upper() in ("ERROR", "FATAL", "OFF"):
            configurator.setLevel(logger, off)


def ship_package(sc):
    """The executors import this package: send it as a zip (no --py-files needed)."""
    here = os.path.dirname(os.path.abspath(__file__))
    folder = tempfile.mkdtemp(prefix="kgforge-spark-py-")
    atexit.register(shutil.rmtree, folder, True)
    archive = shutil.make_archive(os.path.join(folder, "kgforge_spark"), "zip",
                                  os.path.dirname(here), "kgforge_spark")
    sc.addPyFile(archive)


def document_order(files):
    """(display -> input index) to rank two documents with the same id as kgforge build
    does: the first in input order (file, then line) is kept."""
    return {f.display: f.index for f in files}


def duplicates(fragments, order):
    """Document ids seen more than once -> the source kept. One pass over the document
    fragments (cached) and a shuffle of their ids only."""
    def rank(line):
        _, _, doc, source, _ = line.split(b"\t", 4)
        source = json.loads(b'"' + source + b'"')
        name, _, number = source.rpartition(":")
        if name in order and number.isdigit():
            return doc, ((order[name], int(number)), source, 1)
        return doc, ((order.get(source, -1), 0), source, 1)

    def keep_first(a, b):
        first = a if a[0] <= b[0] else b
        return first[0], first[1], a[2] + b[2]

    def ranked(kv):
        if kv[0] is tasks.ERROR_KEY:  # a map task's input error: comes back with the rest
            return tasks.ERROR_KEY, ((-1, 0), kv[1].decode("utf-8", "replace"), 2)
        return rank(kv[1])

    documents = fragments.filter(lambda kv: kv[0] is tasks.ERROR_KEY or kv[1][:1] == b"D")
    seen = documents.map(ranked).reduceByKey(keep_first).filter(lambda kv: kv[1][2] > 1)
    winners = dict((doc, source) for doc, (_, source, _) in seen.collect())
    if tasks.ERROR_KEY in winners:
        raise JobError(winners[tasks.ERROR_KEY])
    return winners


def drop_duplicates(fragments, winners):
    if not winners:
        return fragments

    def first_copy(kv):
        if isinstance(kv[0], int):
            return True
        _, _, doc, source, _ = kv[1].split(b"\t", 4)
        kept = winners.get(doc)
        return kept is None or kept == json.loads(b'"' + source + b'"')
    return fragments.filter(first_copy)


def single_file_formats(sc, fragments, runtime, formats, output_uri):
    """The final merge of the whole graph on the driver (it must fit one machine)."""
    local = tempfile.mkdtemp(prefix="kgforge-spark-final-")
    try:
        path = os.path.join(local, "fragments")
        seen_schemes = set()
        with open(path, "wb") as f:
            for key, line in fragments.toLocalIterator():
                if isinstance(key, int):  # one copy per key range: once is enough here
                    if line in seen_schemes:
                        continue
                    seen_schemes.add(line)
                f.write(line + b"\n")
        names = {"graphml": "graph.graphml", "gexf": "graph.gexf", "cypher": "graph.cypher",
                 "jsonld": "graph.jsonld", "json": "graph.json"}
        target = outputs.Folder(sc, output_uri)
        for fmt in formats:
            out = os.path.join(local, names[fmt])
            result = subprocess.run(runtime.command("merge-records", path, "--format", fmt,
                                                    "-o", out, "-q"),
                                    env=runtime.environment(), capture_output=True, text=True)
            if result.returncode != 0:
                raise JobError(tasks.first_error(result.stderr,
                                                 f"final kgforge merge ({fmt}) failed"))
            target.fs.copyFromLocalFile(True, True, target.jvm.org.apache.hadoop.fs.Path(
                "file://" + out), target.path(names[fmt]))
    finally:
        shutil.rmtree(local, ignore_errors=True)


def dataset_ntriples(sc, runtime, totals, output_uri):
    """ntriples/dataset.nt: the dataset resource with the whole graph's counts (the key
    ranges write everything else)."""
    counts = ",".join(str(totals.get(f"jsonl.{kind}", 0))
                      for kind in ("entities", "relations", "documents"))
    local = tempfile.mkdtemp(prefix="kgforge-spark-dataset-")
    try:
        out = os.path.join(local, "dataset.nt")
        result = subprocess.run(runtime.command("merge-records", "--ntriples-dataset", counts,
                                                "-o", out, "-q"),
                                env=runtime.environment(), capture_output=True, text=True)
        if result.returncode != 0:
            raise JobError(tasks.first_error(result.stderr, "kgforge merge-records "
                                             "--ntriples-dataset failed"))
        target = outputs.Folder(sc, output_uri)
        target.fs.mkdirs(target.path("ntriples"))
        target.fs.copyFromLocalFile(True, True, target.jvm.org.apache.hadoop.fs.Path(
            "file://" + out), target.path("ntriples", "dataset.nt"))
    finally:
        shutil.rmtree(local, ignore_errors=True)


def sink_totals(sink_counts):
    totals = {}
    for counts in sink_counts.values():
        for sink, n in counts.items():
            totals[sink] = totals.get(sink, 0) + n
    return totals


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    clock = [("start", time.time())]
    spark = SparkSession.builder.appName("kgforge").getOrCreate()
    _session.append(spark)
    sc = spark.sparkContext
    quiet_logs(spark, args.spark_log_level)
    ship_package(sc)
    partitions = args.partitions or sc.defaultParallelism
    runtime = tasks.Runtime(args.archive_name, args.kgforge_home, args.explain)

    # A missing binary, library or model: one message, before any work.
    probes = max(sc.defaultParallelism, 1)
    problems = sc.parallelize(range(probes), probes).mapPartitions(
        tasks.preflight(runtime)).collect()
    problems = sorted({p for p in problems if p})
    if problems:
        fail(problems[0])
    clock.append(("session and preflight", time.time()))

    try:
        files = inputs.list_inputs(sc, args.inputs)
    except inputs.InputError as error:
        fail(str(error))

    skipped = sc.accumulator(set(), tasks.SetParam())
    sink_counts = sc.accumulator({}, tasks.DictParam())
    headers = sc.accumulator({}, tasks.DictParam())
    fragments = inputs.document_partitions(
        sc, files, partitions,
        tasks.extract_jsonl(runtime, partitions, args.keep_going, skipped),
        tasks.extract_text(runtime, partitions, args.keep_going, skipped))
    fragments = fragments.persist(StorageLevel.MEMORY_AND_DISK)

    temporary = outputs.Folder(sc, args.output).temporary()
    try:
        clock.append(("input listing and line numbers", time.time()))
        winners = duplicates(fragments, document_order(files))
        clock.append(("extraction (map)", time.time()))
        unique = drop_duplicates(fragments, winners)
        merged = unique.partitionBy(partitions, tasks.partition_of(partitions)) \
            .mapPartitionsWithIndex(tasks.merge(runtime, sink_counts, headers, args.ntriples))
        schema = StructType([StructField("sink", StringType(), False),
                             StructField("seq", LongType(), False),
                             StructField("value", StringType(), False)])
        spark.createDataFrame(merged, schema).sortWithinPartitions("sink", "seq") \
            .select("sink", "value").write.partitionBy("sink").text(temporary + "/_parts")
        clock.append(("shuffle, merge by key, write parts", time.time()))
        outputs.arrange(sc, temporary, headers.value)
        if args.ntriples:
            dataset_ntriples(sc, runtime, sink_totals(sink_counts.value), temporary)
        if args.single_file:
            single_file_formats(sc, unique, runtime, args.single_file, temporary)
        outputs.publish(sc, temporary, args.output)
        clock.append(("headers, import.sh, publish", time.time()))
    except JobError as error:
        outputs.discard(sc, temporary)
        fail(str(error))
    except Exception as error:  # noqa: B902 - Spark wraps task errors in Py4J errors
        outputs.discard(sc, temporary)
        message = task_error(error)
        if message is None:
            raise
        fail(message)

    totals = sink_totals(sink_counts.value)
    lost = sorted(skipped.value)
    for line in lost:
        print(f"kgforge-spark: skipped: {line}", file=sys.stderr)
    print(f"kgforge-spark: {totals.get('jsonl.documents', 0)} documents, "
          f"{totals.get('jsonl.entities', 0)} entities, "
          f"{totals.get('jsonl.relations', 0)} relations -> {args.output} "
          f"({partitions} key ranges"
          + (f"; {len(winners)} repeated document ids kept once" if winners else "")
          + (f"; {len(lost)} malformed records skipped (--keep-going)" if lost else "")
          + ")", file=sys.stderr)
    if args.timings:
        phases = {name: round(t - clock[i][1], 3) for i, (name, t) in enumerate(clock[1:])}
        with open(args.timings, "w", encoding="utf-8") as f:
            json.dump({"phases": phases, "totals": totals,
                       "input_bytes": inputs.total_bytes(sc, files),
                       "cores": sc.defaultParallelism}, f, indent=1)
    spark.stop()
    return EXIT_SKIPPED if lost else 0
