"""Finding the input files on any Hadoop file system and turning them into partitions of
documents with the names, ids and line numbers `kgforge build` gives them on one machine:
folders are read recursively (*.txt, *.jsonl) in path order, a JSONL line keeps its file
and line number, a text file is one article whose id is its path inside the folder."""
import posixpath
from dataclasses import dataclass

TEXT = "text"
JSONL = "jsonl"


class InputError(Exception):
    pass


@dataclass(frozen=True)
class InputFile:
    index: int        # position in input order (the first of two equal document ids wins)
    uri: str          # as Hadoop names it (file:/..., hdfs://..., s3a://...)
    display: str      # as kgforge names it in messages and document sources
    document_id: str  # text: the document id; JSONL: the base of ids of lines without one
    kind: str


def _kind(name):
    lower = name.lower()
    return JSONL if lower.endswith(".jsonl") or lower.endswith(".ndjson") else TEXT


def _wanted_in_folder(name):
    lower = name.lower()
    return lower.endswith(".txt") or lower.endswith(".jsonl")


def list_inputs(sc, arguments):
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    files = []
    for argument in arguments:
        path = jvm.org.apache.hadoop.fs.Path(argument)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            raise InputError(f"{argument}: no such file or folder")
        qualified = fs.makeQualified(path)
        if fs.getFileStatus(path).isDirectory():
            root = qualified.toString().rstrip("/") + "/"
            found = []
            entries = fs.listFiles(path, True)
            while entries.hasNext():
                status = entries.next()
                uri = status.getPath().toString()
                if not status.isFile() or not _wanted_in_folder(status.getPath().getName()):
                    continue
                if not uri.startswith(root):
                    raise InputError(f"{argument}: cannot place {uri} inside the folder")
                found.append((uri[len(root):], uri))
            # std::filesystem::path orders by component, as kgforge's folder reader does.
            found.sort(key=lambda item: item[0].split("/"))
            for relative, uri in found:
                files.append(InputFile(len(files), uri, posixpath.join(argument, relative),
                                       relative, _kind(relative)))
        else:
            files.append(InputFile(len(files), qualified.toString(), argument,
                                   posixpath.basename(argument.rstrip("/")), _kind(argument)))
    return files


def document_partitions(sc, files, slices, extract_jsonl, extract_text):
    """An RDD of keyed fragments: every JSONL file in at least `slices` partitions (each a
    run of consecutive lines of one file, piped to one kgforge process that is told the
    file's name and the number of its first line), the text files together in at least
    `slices` partitions."""
    parts = []
    jsonl = [f for f in files if f.kind == JSONL]
    if jsonl:
        per_file = [sc.textFile(f.uri, minPartitions=slices) for f in jsonl]
        lines = per_file[0] if len(per_file) == 1 else sc.union(per_file)
        # One job counts the lines of every partition (a union keeps its parents'
        # partitions in order), so each partition knows its first line number.
        counts = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
        owners, i = [], 0
        for f, rdd in zip(jsonl, per_file):
            first = 1
            for _ in range(rdd.getNumPartitions()):
                owners.append((f, first))
                first += counts[i]
                i += 1
        parts.append(lines.mapPartitionsWithIndex(extract_jsonl(owners)))
    texts = [f for f in files if f.kind == TEXT]
    if texts:
        by_uri = {f.uri: f for f in texts}
        contents = sc.binaryFiles(",".join(f.uri for f in texts), minPartitions=slices)
        parts.append(contents.mapPartitions(extract_text(by_uri)))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)


def total_bytes(sc, files):
    conf = sc._jsc.hadoopConfiguration()
    total = 0
    for f in files:
        path = sc._jvm.org.apache.hadoop.fs.Path(f.uri)
        total += path.getFileSystem(conf).getFileStatus(path).getLen()
    return total
