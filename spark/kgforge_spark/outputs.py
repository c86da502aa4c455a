"""The output folder, on any Hadoop file system: the merged records written in parts by
Spark, renamed into neo4j-import/<file>/, jsonl/<kind>/ and ntriples/triples/, a header.csv beside each
neo4j-admin part folder and an import.sh naming them; the whole folder replaced at once."""
import uuid

NEO4J = "neo4j-import"

IMPORT_SCRIPT_HEAD = """#!/bin/sh
# Bulk import of this folder (kgforge on Spark: a header and part files per label and
# type) into a new Neo4j 5 database with neo4j-admin. Usage: ./import.sh [DATABASE] [more
# neo4j-admin options]. DATABASE defaults to neo4j; stop it first, or add
# --overwrite-destination=true. Set NEO4J_ADMIN if neo4j-admin is not on PATH.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
database=${1:-neo4j}
[ $# -gt 0 ] && shift
exec "${NEO4J_ADMIN:-neo4j-admin}" database import full "$database" \\
"""
IMPORT_SCRIPT_TAIL = """  --multiline-fields=true \\
  --array-delimiter=U+001F \\
  --delimiter=, \\
  --quote='"' \\
  "$@"
"""


class Folder:
    def __init__(self, sc, uri):
        jvm = sc._jvm
        self.jvm = jvm
        self.root = jvm.org.apache.hadoop.fs.Path(uri)
        self.fs = self.root.getFileSystem(sc._jsc.hadoopConfiguration())
        self.local = self.fs.getUri().getScheme() == "file"

    def path(self, *parts):
        return self.jvm.org.apache.hadoop.fs.Path("/".join([self.root.toString(), *parts]))

    def temporary(self):
        name = self.root.getName() + ".tmp-" + uuid.uuid4().hex[:12]
        return self.jvm.org.apache.hadoop.fs.Path(self.root.getParent(), name).toString()

    def write_text(self, path, text, executable=False):
        stream = self.fs.create(path, True)
        stream.write(bytearray(text.encode("utf-8")))
        stream.close()
        if executable:
            permission = self.jvm.org.apache.hadoop.fs.permission.FsPermission
            self.fs.setPermission(path, permission.createImmutable(0o755))

    def list_names(self, path):
        return sorted(status.getPath().getName() for status in self.fs.listStatus(path))


def arrange(sc, temporary_uri, headers):
    """Turns Spark's sink=<name>/ folders into the published layout; returns the CSV part
    folders per kind for import.sh."""
    folder = Folder(sc, temporary_uri)
    parts = folder.path("_parts")
    entity_dirs, other_node_dirs, relation_dirs = [], [], []
    if folder.fs.exists(parts):
        for name in folder.list_names(parts):
            if not name.startswith("sink="):
                continue
            sink = name[len("sink="):]
            group, _, file = sink.partition(".")
            target_parent = folder.path(group)
            folder.fs.mkdirs(target_parent)
            target = folder.path(group, file)
            if not folder.fs.rename(folder.path("_parts", name), target):
                raise RuntimeError(f"cannot rename {name} to {target.toString()}")
            if folder.local:  # Hadoop's checksum files are of no use to neo4j-admin
                for entry in folder.list_names(target):
                    if entry.endswith(".crc"):
                        folder.fs.delete(folder.path(group, file, entry), False)
            if group == NEO4J:
                folder.write_text(folder.path(group, file, "header.csv"), headers[sink] + "\n")
                if file.startswith("entities_"):
                    entity_dirs.append(file)
                elif file == "documents":
                    other_node_dirs.append(file)
                else:
                    relation_dirs.append(file)
        folder.fs.delete(parts, True)
    folder.fs.mkdirs(folder.path(NEO4J))
    script = [IMPORT_SCRIPT_HEAD]
    for d in entity_dirs + other_node_dirs:
        script.append(f'  --nodes="$here/{d}/header.csv,$here/{d}/part-.*" \\\n')
    for d in sorted(relation_dirs, key=lambda d: (d != "mentions", d)):
        script.append(f'  --relationships="$here/{d}/header.csv,$here/{d}/part-.*" \\\n')
    script.append(IMPORT_SCRIPT_TAIL)
    folder.write_text(folder.path(NEO4J, "import.sh"), "".join(script), executable=True)


def publish(sc, temporary_uri, final_uri):
    """Moves the finished folder into place; a previous output is replaced only now."""
    final = Folder(sc, final_uri)
    temporary = Folder(sc, temporary_uri).root
    old = None
    if final.fs.exists(final.root):
        old = final.jvm.org.apache.hadoop.fs.Path(final.temporary() + ".old")
        if not final.fs.rename(final.root, old):
            raise RuntimeError(f"cannot move the previous {final_uri} aside")
    if not final.fs.rename(temporary, final.root):
        raise RuntimeError(f"cannot rename {temporary_uri} to {final_uri}")
    if old is not None:
        final.fs.delete(old, True)


def discard(sc, temporary_uri):
    folder = Folder(sc, temporary_uri)
    if folder.fs.exists(folder.root):
        folder.fs.delete(folder.root, True)
