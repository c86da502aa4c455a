#!/usr/bin/env python3
"""Writes adversarial.jsonl: extraction records whose strings stress every exporter's escaping
(quotes, backticks, <>&, backslashes, newlines, control characters, emoji, right-to-left text,
a 10,000-character name, empty strings). Run: tests/data/make_adversarial.py > tests/data/adversarial.jsonl
"""
import json

names = [
    ("PERSON", 'Ada "The Count" Lovelace'),
    ("ORGANIZATION", "Back`tick` & <Sons> Ltd"),
    ("ORGANIZATION", "C:\\path\\to\\Org \\u0041 not an escape"),
    ("PERSON", "Line one\nLine two\r\nLine three"),
    ("ORGANIZATION", "Ctrl\u0001\u0002\u0008\u000b\u000c\u001f\u007f chars"),
    ("LOCATION", "Tab\there"),
    ("PERSON", "Emoji 😀🚀 \U0001F1F5\U0001F1F0 person"),
    ("ORGANIZATION", "شركة الاتحاد العربية"),
    ("ORGANIZATION", "חברת \u202eRTL override\u202c"),
    ("LOCATION", "L" + "ong" * 3333 + "!"),
    ("ORGANIZATION", ""),
    ("COUNTRY", "Côte d'Ivoire"),
    ("PERSON", "O'Brien; DROP TABLE x; --"),
    ("ORGANIZATION", "Curly {braces} $dollar ${x} %25 #hash ?q=1"),
    ("LOCATION", "Zero\u200bwidth and \u2028 line sep \u2029 para sep"),
    ("PERSON", "]]> CDATA end & --> comment end"),
]

relation_types = ["ASSURED", "SIGNED_AGREEMENT_WITH", "TRADES_WITH", "AFFILIATED_WITH",
                  "PART_OF", "LOCATED_IN", "CRITICIZES", "SUPPORTS"]

docs = []
for d in range(2):
    entities = []
    for i, (etype, name) in enumerate(names):
        ent = {"id": f"e{i}", "name": name, "type": etype, "aliases": [name + " alias", ""],
               "mentions": i + 1}
        if etype == "COUNTRY":
            ent["external_ids"] = {"wikidata": "Q1008"}
        entities.append(ent)
    relations = []
    for i in range(len(names)):
        j = (i * 7 + 3 + d) % len(names)
        if i == j:
            continue
        relations.append({
            "subject": f"e{i}", "object": f"e{j}",
            "type": relation_types[(i + d) % len(relation_types)],
            "label": names[(i + 5) % len(names)][1][:200],
            "confidence": 0.5 + 0.03 * i,
            "attributes": {"amount": "$1\"000 <&>" if i % 3 == 0 else "", "role": "`role`\n" if i % 4 == 0 else "",
                           "negated": i % 5 == 0, "hypothetical": i % 6 == 0},
            "evidence": {"sentence": "Sentence with " + names[i][1][:300] + " and " + names[j][1][:300],
                         "start": 10 * i, "end": 10 * i + 50},
            "rule": "adversarial",
        })
    docs.append({"document": {"id": f"adversarial-{d} \"doc\" <&> `x`\n",
                              "title": names[(d * 3) % len(names)][1][:500],
                              "date": f"2024-0{d + 1}-15", "url": "https://example.org/a?b=1&c=\"2\""},
                 "entities": entities, "relations": relations})

for doc in docs:
    print(json.dumps(doc, ensure_ascii=False))
