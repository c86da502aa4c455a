"""Test inputs for the additive-load checks: two batches of extraction records that share
entities, derived from tests/data/adversarial.jsonl (documents A0, A1):

  batch1 = A0, A1
  batch2 = A0' (a copy of A0 with a new id, a later date, other labels, amounts and
           confidences, and an extra alias), A1 (overlap: loaded twice, must not double)
  union  = A0, A1, A0'

so that loading batch1 then batch2 must give: every A0 relation with weight 2 (evidence
added), mention counts summed over three documents, A1's evidence not duplicated.
"""
import copy
import json
import os

from live import ROOT


def write_batches(folder):
    with open(os.path.join(ROOT, "tests", "data", "adversarial.jsonl"), encoding="utf-8") as f:
        a0, a1 = [json.loads(line) for line in f if line.strip()]
    b0 = copy.deepcopy(a0)
    b0["document"]["id"] = "adversarial-0b ;\n// \"batch two\""
    b0["document"]["date"] = "2024-03-01"
    b0["document"]["title"] = "Second batch; same entities"
    for n, r in enumerate(b0["relations"]):
        r["confidence"] = 0.25 + 0.05 * n
        r["label"] = ["agreed", "promised", r["label"]][n % 3]
        attributes = r.setdefault("attributes", {})
        if n % 2:
            attributes["amount"] = f"${n} million"
        else:
            attributes.pop("amount", None)
        attributes["negated"] = False
        attributes["hypothetical"] = n % 4 == 0
    b0["entities"][0]["aliases"] = list(b0["entities"][0].get("aliases", [])) + ["Extra; alias"]
    paths = {}
    for name, records in (("batch1", [a0, a1]), ("batch2", [b0, a1]), ("union", [a0, a1, b0])):
        paths[name] = os.path.join(folder, name + ".jsonl")
        with open(paths[name], "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return paths
