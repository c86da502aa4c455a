#!/usr/bin/python3
"""`--stdin-format` and the distributed merge as users meet them (ctest cli.streams):

  check_streams_and_records.py KGFORGE ROOT

- extract/build with --stdin-format jsonl read documents one a line: one extraction line
  per document, in input order; with --stdin-name/--stdin-id/--stdin-first-line the result is
  byte-identical to reading the file itself (or a slice of it); errors name <stdin>:LINE;
  --keep-going skips, counts and reports malformed lines (exit 3);
- --stdin-format text-jsonl reads whole text articles as the text reader does;
- extract --by-key | merge-records in key ranges gives the records of kgforge build's graph
  JSON; merge-records --format json of all fragments is byte-identical to kgforge build.
"""
import json
import os
import subprocess
import sys
import tempfile
import zlib

kgforge, root = sys.argv[1], sys.argv[2]
failures = 0


def fail(message):
    global failures
    failures += 1
    print(f"FAIL: {message}", file=sys.stderr)


def run(*args, stdin=b"", expect=0):
    result = subprocess.run([kgforge, *args], input=stdin, capture_output=True)
    if result.returncode != expect:
        fail(f"kgforge {' '.join(args)}: exit {result.returncode}, expected {expect}: "
             f"{result.stderr.decode()[:500]}")
    return result


news = os.path.join(root, "samples", "news.jsonl")
with open(news, "rb") as f:
    news_bytes = f.read()
work = tempfile.mkdtemp()

# One line out per document in, in input order; the same bytes as reading the file.
by_file = run("extract", news, "-q", "-j", "2").stdout
by_stdin = run("extract", "-", "--stdin-format", "jsonl", "--stdin-name", news, "--stdin-id",
               "news.jsonl", "-q", "-j", "2", stdin=news_bytes).stdout
if by_file != by_stdin:
    fail("extract --stdin-format jsonl differs from extract of the file itself")
ids = [json.loads(line)["document"]["id"] for line in by_stdin.splitlines()]
want = [json.loads(line)["id"] for line in news_bytes.splitlines() if line.strip()]
if ids != want:
    fail(f"documents out of order or lost: {ids} vs {want}")
plain = run("extract", "-", "--stdin-format", "jsonl", "-q", stdin=news_bytes).stdout
sources = [json.loads(line)["document"]["source"] for line in plain.splitlines()]
if sources != [f"<stdin>:{i + 1}" for i in range(len(want))]:
    fail(f"sources of stdin documents: {sources}")

# A slice of the file, numbered as in the file.
lines = news_bytes.splitlines(keepends=True)
tail = b"".join(lines[2:])
sliced = run("extract", "-", "--stdin-format", "jsonl", "--stdin-name", news, "--stdin-id",
             "news.jsonl", "--stdin-first-line", "3", "-q", stdin=tail).stdout
if sliced.splitlines() != by_file.splitlines()[2:]:
    fail("--stdin-first-line 3 does not give lines 3.. of the file")

# build too.
graph_file = run("build", news, "--format", "json", "-q").stdout
graph_stdin = run("build", "-", "--stdin-format", "jsonl", "--stdin-name", news, "--stdin-id",
                  "news.jsonl", "--format", "json", "-q", stdin=news_bytes).stdout
if graph_file != graph_stdin:
    fail("build --stdin-format jsonl differs from build of the file")

# Errors name <stdin>:LINE; --keep-going skips, counts and reports.
bad = lines[0] + b'{"id": "x", "text": 5}\n' + b"not json\n" + lines[1]
result = run("extract", "-", "--stdin-format", "jsonl", stdin=bad, expect=2)
if b"<stdin>:2: text: must be a string" not in result.stderr:
    fail(f"error does not name <stdin>:2: {result.stderr.decode()}")
result = run("extract", "-", "--stdin-format", "jsonl", "--keep-going", stdin=bad, expect=3)
err = result.stderr.decode()
if ("skipped: <stdin>:2" not in err or "skipped: <stdin>:3" not in err
        or "2 malformed records skipped" not in err or len(result.stdout.splitlines()) != 2):
    fail(f"--keep-going: {err} / {len(result.stdout.splitlines())} lines out")

# Text articles as JSON lines: the same as reading the files.
articles = os.path.join(root, "samples", "articles")
records = b""
for name in sorted(os.listdir(articles)):
    with open(os.path.join(articles, name), encoding="utf-8") as f:
        records += json.dumps({"id": name, "source": os.path.join(articles, name),
                               "text": f.read()}).encode() + b"\n"
if run("extract", "-", "--stdin-format", "text-jsonl", "-q", stdin=records).stdout != \
        run("extract", articles, "-q").stdout:
    fail("--stdin-format text-jsonl differs from reading the text files")
run("extract", "-", "--stdin-format", "text-jsonl", stdin=b'{"text": "x"}\n', expect=2)

# The distributed merge: fragments of the samples in key ranges.
samples = os.path.join(root, "samples")
single = os.path.join(work, "single.json")
run("build", samples, "--format", "json", "-o", single, "-q")
fragments = run("extract", samples, "--by-key", "-q").stdout.splitlines()
merged = os.path.join(work, "merged.json")
frag_file = os.path.join(work, "fragments")
with open(frag_file, "wb") as f:
    f.write(b"\n".join(fragments) + b"\n")
run("merge-records", frag_file, "--format", "json", "-o", merged, "-q")
with open(single, "rb") as a, open(merged, "rb") as b:
    if a.read() != b.read():
        fail("merge-records --format json of all fragments differs from kgforge build")
with open(single, encoding="utf-8") as f:
    graph = json.load(f)
for ranges in (1, 4):
    parts = [[] for _ in range(ranges)]
    for line in fragments:
        if line[:1] == b"X":
            for p in parts:
                p.append(line)
        else:
            parts[zlib.crc32(line[:line.index(b"\t", 2)]) % ranges].append(line)
    got = {"jsonl/entities": [], "jsonl/relations": [], "jsonl/documents": []}
    for p in parts:
        out = run("merge-records", "-", stdin=b"\n".join(p) + b"\n").stdout
        for record in out.split(b"\0"):
            if record:
                sink, row = record.split(b"\t", 1)
                if sink.decode() in got:
                    got[sink.decode()].append(json.loads(row))
    for sink, key in (("jsonl/entities", "nodes"), ("jsonl/relations", "edges"),
                      ("jsonl/documents", "documents")):
        canon = lambda xs: sorted(json.dumps(x, sort_keys=True) for x in xs)  # noqa: E731
        if canon(got[sink]) != canon(graph[key]):
            fail(f"{ranges} key ranges: {sink} differs from the graph JSON's {key}")
# N-Triples rows of 3 key ranges plus the dataset's lines: the lines of --format ntriples.
single_nt = os.path.join(work, "single.nt")
run("build", samples, "--format", "ntriples", "-o", single_nt, "-q")
with open(single_nt, "rb") as f:
    want_nt = sorted(line for line in f.read().split(b"\n") if line)
got_nt, counts = [], {"jsonl/entities": 0, "jsonl/relations": 0, "jsonl/documents": 0}
parts = [[] for _ in range(3)]
for line in fragments:
    if line[:1] == b"X":
        for p in parts:
            p.append(line)
    else:
        parts[zlib.crc32(line[:line.index(b"\t", 2)]) % 3].append(line)
for p in parts:
    out = run("merge-records", "-", "--ntriples", stdin=b"\n".join(p) + b"\n").stdout
    for record in out.split(b"\0"):
        if record:
            sink, row = record.split(b"\t", 1)
            if sink == b"ntriples/triples":
                got_nt += row.split(b"\n")
            elif sink.decode() in counts:
                counts[sink.decode()] += 1
spec = ",".join(str(counts[k]) for k in ("jsonl/entities", "jsonl/relations", "jsonl/documents"))
got_nt += [line for line in run("merge-records", "--ntriples-dataset", spec).stdout.split(b"\n")
           if line]
if sorted(got_nt) != want_nt:
    fail(f"merge-records --ntriples rows of 3 key ranges + --ntriples-dataset {spec} are not "
         f"the lines of --format ntriples ({len(got_nt)} vs {len(want_nt)})")
result = run("merge-records", "--ntriples-dataset", "12,x,3", expect=2)
if b"'x' is not a count of relations" not in result.stderr:
    fail(f"a bad --ntriples-dataset is not explained: {result.stderr.decode()}")

result = run("merge-records", "-", stdin=b"D\tonly-two-fields\n", expect=2)
if b"<stdin>:1" not in result.stderr:
    fail(f"a malformed fragment is not named: {result.stderr.decode()}")

if failures:
    sys.exit(1)
print("ok: --stdin-format jsonl/text-jsonl streams, names <stdin>:LINE, --keep-going counts; "
      "extract --by-key | merge-records equals kgforge build (JSON records and N-Triples)")
