"""Shared helpers of the Spark tests (tests/spark): the corpus, runs of the real Spark job
(scripts/spark-submit, local mode) and of kgforge on one machine, and the records of both
in a form that compares exactly. Standard library only; run with /usr/bin/python3."""
import csv
import glob
import io
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUBMIT = os.path.join(ROOT, "scripts", "spark-submit")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def make_corpus(workdir, copies=520):
    corpus = os.path.join(workdir, "corpus")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "spark", "make_corpus.py"),
                        os.path.join(ROOT, "samples"), corpus, str(copies)], check=True)
    return corpus


def spark(build_dir, *arguments, master="local[2]", archive=None, check_status=True):
    """Runs the job; returns (exit status, its messages). spark-submit sends the driver's
    stderr to its stdout: both are read as one."""
    env = dict(os.environ, KGFORGE_SPARK_MASTER=master)
    if archive:
        env["KGFORGE_SPARK_ARCHIVE"] = archive
    result = subprocess.run([SUBMIT, *arguments], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, cwd=build_dir)
    result.stderr = result.stdout
    if check_status and result.returncode != 0:
        fail(f"spark job {' '.join(arguments)} failed ({result.returncode}):\n"
             f"{result.stderr[-4000:]}")
    return result.returncode, result.stderr


def kgforge(binary, *arguments, expect=(0,)):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if result.returncode not in expect:
        fail(f"kgforge {' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}")
    return result


def canonical(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def graph_records(graph_json):
    """The nodes, edges and documents of a graph JSON, each in a canonical text form (key
    order kept: it is the exporter's)."""
    with open(graph_json, encoding="utf-8") as f:
        graph = json.load(f)
    return {"entities": sorted(canonical(x) for x in graph["nodes"]),
            "relations": sorted(canonical(x) for x in graph["edges"]),
            "documents": sorted(canonical(x) for x in graph["documents"])}


def spark_jsonl(output):
    records = {}
    for name in ("entities", "relations", "documents"):
        values = []
        for part in sorted(glob.glob(os.path.join(output, "jsonl", name, "part-*"))):
            with open(part, encoding="utf-8") as f:
                values.extend(canonical(json.loads(line)) for line in f if line.strip())
        records[name] = sorted(values)
    return records


def csv_rows(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            rows.extend(tuple(r) for r in csv.reader(f))
    return rows


def single_csv(folder):
    """file stem -> (header, sorted rows) of a neo4j-csv export."""
    tables = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        rows = csv_rows([path])
        if len(rows) > 1:
            tables[os.path.basename(path)[:-4]] = (rows[0], sorted(rows[1:]))
    return tables


def spark_csv(output):
    tables = {}
    root = os.path.join(output, "neo4j-import")
    for folder in sorted(os.listdir(root)):
        if not os.path.isdir(os.path.join(root, folder)):
            continue
        header = csv_rows([os.path.join(root, folder, "header.csv")])
        rows = csv_rows(sorted(glob.glob(os.path.join(root, folder, "part-*"))))
        tables[folder] = (header[0], sorted(rows))
    return tables


def ntriples_lines(path):
    with open(path, "rb") as f:
        return sorted(line for line in f.read().split(b"\n") if line)


def spark_ntriples(output):
    lines = []
    for path in [os.path.join(output, "ntriples", "dataset.nt")] + sorted(
            glob.glob(os.path.join(output, "ntriples", "triples", "part-*"))):
        with open(path, "rb") as f:
            lines += [line for line in f.read().split(b"\n") if line]
    return sorted(lines)


def compare_with_single(output, graph_json, csv_folder, what):
    """The Spark output against kgforge build's graph JSON and neo4j-admin CSV."""
    want, got = graph_records(graph_json), spark_jsonl(output)
    for name in want:
        check(len(got[name]) == len(want[name]),
              f"{what}: {len(got[name])} {name} in the JSON Lines parts, "
              f"{len(want[name])} in kgforge build's graph JSON")
        for a, b in zip(got[name], want[name]):
            check(a == b, f"{what}: {name} differ:\n  spark: {a[:400]}\n  build: {b[:400]}")
    single, parts = single_csv(csv_folder), spark_csv(output)
    check(sorted(single) == sorted(parts),
          f"{what}: CSV files {sorted(parts)} vs kgforge build's {sorted(single)}")
    for stem, (header, rows) in single.items():
        check(parts[stem][0] == header, f"{what}: {stem} header {parts[stem][0]} vs {header}")
        check(parts[stem][1] == rows, f"{what}: {stem}: the part files' rows differ from "
                                      f"kgforge build's ({len(parts[stem][1])} vs {len(rows)})")
    return {name: len(values) for name, values in want.items()}
