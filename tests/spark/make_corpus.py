#!/usr/bin/python3
"""Writes the Spark tests' corpus: the sample articles of samples/ and copies of them, made
at test time (no dataset text in the repository), with other countries, people and dates,
so the graph has many keys and relations with evidence from many documents.

  make_corpus.py SAMPLES_DIR OUT_DIR [COPIES]

OUT_DIR gets news-a.jsonl and news-b.jsonl (the JSONL articles and the text articles as
JSONL, COPIES of each; news-b repeats a few ids of news-a with other text: the first in input
order is kept, as on one machine) and articles/ (text files with a date header).
"""
import datetime
import json
import os
import sys

COUNTRIES = ["France", "Germany", "India", "Canada", "Mexico", "Egypt", "Nigeria", "Chile",
             "Peru", "Spain", "Italy", "Poland", "Turkey", "Vietnam", "Indonesia", "Brazil",
             "Argentina", "Japan", "Kenya", "Norway", "Ghana", "Morocco", "Sweden", "Qatar"]
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "ze", "po", "ri"]


def surname(k):
    a, b, c = SYLLABLES[k % 12], SYLLABLES[(k // 12) % 12], SYLLABLES[(k // 144) % 12]
    return (a + b + c).capitalize()


def vary(text, k):
    # Countries first (two per article rotate independently), then people's surnames.
    swaps = [("South Korea", COUNTRIES[(k * 7 + 3) % len(COUNTRIES)]),
             ("Japan", COUNTRIES[(k * 5) % len(COUNTRIES)]),
             ("Ghana", COUNTRIES[(k * 11 + 1) % len(COUNTRIES)]),
             ("Kenya", COUNTRIES[(k * 3 + 2) % len(COUNTRIES)]),
             ("Norway", COUNTRIES[(k * 13 + 5) % len(COUNTRIES)]),
             ("Argentina", COUNTRIES[(k * 17 + 4) % len(COUNTRIES)]),
             ("Saito", surname(k % 300)), ("Chirchir", surname(k % 170 + 7)),
             ("Milei", surname(k % 90 + 31)), ("Adam", surname(k % 120 + 11))]
    for old, new in swaps:
        if old != new:
            text = text.replace(old, new)
    return text


def templates(samples):
    docs = []
    with open(os.path.join(samples, "news.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append((d.get("title", ""), d["text"]))
    folder = os.path.join(samples, "articles")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        first = lines[0]
        if first.startswith("date "):
            title = first.split(" ", 2)[2]
            body = "\n".join(lines[1:]).lstrip("\n")
        else:
            title, body = first, "\n".join(lines[2:])
        docs.append((title, body))
    return docs


def main():
    samples, out = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 520
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    base = datetime.date(2023, 1, 1)
    docs = templates(samples)
    halves = {"a": [], "b": []}
    for k in range(copies):
        for t, (title, text) in enumerate(docs):
            n = k * len(docs) + t
            date = (base + datetime.timedelta(days=(n * 37) % 700)).isoformat()
            record = {"id": f"copy-{k:04d}-{t}", "title": vary(title, k), "date": date,
                      "url": f"https://example.org/copies/{k}/{t}", "text": vary(text, k)}
            halves["a" if k % 2 == 0 else "b"].append(record)
    # A few ids again, with other text: kgforge keeps the first in input order (news-a).
    for k in range(0, 20, 2):
        again = dict(halves["a"][k], text=vary(docs[1][1], k + 1), date="2025-01-01")
        halves["b"].append(again)
    for half, records in halves.items():
        with open(os.path.join(out, f"news-{half}.jsonl"), "w", encoding="utf-8") as f:
            for i, record in enumerate(records):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                if i % 97 == 0:
                    f.write("\n")  # blank lines are skipped and still counted as lines
    for k in range(24):
        title, text = docs[k % len(docs)]
        date = (base + datetime.timedelta(days=k * 29)).isoformat()
        with open(os.path.join(out, "articles", f"article-{k:02d}.txt"), "w",
                  encoding="utf-8") as f:
            f.write(f"date {date} {vary(title, k + 1000)}\n\n{vary(text, k + 1000)}\n")
    total = sum(len(r) for r in halves.values()) + 24
    print(f"make_corpus: {total} documents in {out}")


if __name__ == "__main__":
    main()
