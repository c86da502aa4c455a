"""The job's command line."""
import argparse

SINGLE_FILE_FORMATS = ("graphml", "gexf", "cypher", "jsonld", "json")


def parse(argv):
    p = argparse.ArgumentParser(
        prog="kgforge_spark.py",
        description="Build kgforge's graph of articles on Apache Spark: extraction by "
                    "partition, merge by key, the graph written in parts.")
    p.add_argument("inputs", nargs="+",
                   help="JSONL files (*.jsonl, *.ndjson), text files (*.txt) or folders of "
                        "them, any path Spark reads (local, hdfs://, s3a://)")
    p.add_argument("-o", "--output", required=True,
                   help="Output folder (replaced as a whole when the job succeeds)")
    p.add_argument("--partitions", type=int, default=0,
                   help="Key ranges of the merge, and the least number of input slices "
                        "(default: Spark's default parallelism)")
    p.add_argument("--keep-going", action="store_true",
                   help="Skip malformed input lines, count them and report them at the end")
    p.add_argument("--explain", action="store_true",
                   help="Keep the rule or model behind each relation")
    p.add_argument("--single-file", default="",
                   help="Also write these single-file formats (comma-separated: "
                        + ", ".join(SINGLE_FILE_FORMATS) + ") with a final kgforge merge on "
                        "the driver: only when the graph fits one machine")
    p.add_argument("--ntriples", action="store_true",
                   help="Also write the graph as N-Triples parts (ntriples/triples/part-*, "
                        "with ntriples/dataset.nt: together, kgforge build --format ntriples)")
    p.add_argument("--archive-name", default="kgforge",
                   help="Name the kgforge archive was given with spark-submit --archives "
                        "ARCHIVE#NAME (default: kgforge)")
    p.add_argument("--kgforge-home", default="",
                   help="Use a kgforge installed at this path on every executor "
                        "(bin/kgforge, models/) instead of the archive")
    p.add_argument("--timings", default="",
                   help="Write the wall time of each phase and the record counts to this "
                        "local JSON file (bench/spark_scaling.py reads it)")
    p.add_argument("--spark-log-level", default="ERROR",
                   help="Spark's log level on the console (default: ERROR)")
    args = p.parse_args(argv)
    formats = [f for f in args.single_file.split(",") if f]
    for f in formats:
        if f not in SINGLE_FILE_FORMATS:
            p.error(f"--single-file: unknown format '{f}'; valid: "
                    + ", ".join(SINGLE_FILE_FORMATS))
    args.single_file = formats
    if args.partitions < 0:
        p.error("--partitions must be positive")
    return args
