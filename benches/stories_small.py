#!/usr/bin/env python3
"""Story grouping in small folders: B-cubed F1 over many random handfuls of the ECB+ dev
articles, as a person points dossier at a folder of 3 to 20 reports.

A corpus of a few articles gives document frequencies that say little: a word in two of three
reports looks rare. This draws folders two ways, with a fixed seed:
  - `mixed`: articles drawn at random from the whole set (mostly unrelated events);
  - `paired`: articles drawn from one ECB+ topic, which holds two look-alike events.
and scores each folder's `stories --json` against the gold events of its articles.

usage: cargo build --release --examples && python3 benches/stories_small.py [ROUNDS]
(knobs reach the grouping through the STORIES_* variables of examples/stories_eval.rs)
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict

EVAL = "../shared/eval/stories"
BIN = "target/release/examples/stories_eval"


def b3(gold, pred):
    """B-cubed precision, recall, F1 of `pred` (lists of ids) against `gold` (id -> event)."""
    of = {}
    for n, group in enumerate(pred):
        for a in group:
            of.setdefault(a, n)
    for a in gold:
        of.setdefault(a, ("alone", a))
    p = r = 0.0
    for a in gold:
        same_pred = [b for b in gold if of[b] == of[a]]
        same_gold = [b for b in gold if gold[b] == gold[a]]
        both = sum(1 for b in same_pred if gold[b] == gold[a])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    records = {}
    with open(f"{EVAL}/ecbplus_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            records[rec["id"]] = line
    gold = {a["id"]: a for a in json.load(open(f"{EVAL}/ecbplus_dev.gold.json"))["articles"]}
    by_topic = defaultdict(list)
    for a in gold.values():
        by_topic[a["topic"]].append(a["id"])
    rng = random.Random(7)
    results = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("mixed", "paired"):
            for size in (3, 6, 12, 20):
                for _ in range(rounds):
                    if kind == "mixed":
                        ids = rng.sample(sorted(records), size)
                    else:
                        topic = rng.choice([t for t in by_topic if len(by_topic[t]) >= size])
                        ids = rng.sample(by_topic[topic], size)
                    path = os.path.join(tmp, "folder.jsonl")
                    with open(path, "w", encoding="utf-8") as out:
                        out.writelines(records[i] for i in ids)
                    run = subprocess.run([BIN, path], capture_output=True, text=True, check=True)
                    pred = [s["articles"] for s in json.loads(run.stdout)]
                    results[(kind, size)].append(b3({i: gold[i]["cluster"] for i in ids}, pred))
    for (kind, size), rows in sorted(results.items()):
        n = len(rows)
        p, r, f = (sum(x[k] for x in rows) / n for k in range(3))
        print(f"{kind:6} {size:3} articles x{n}: B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")
    allf = [x[2] for rows in results.values() for x in rows]
    print(f"mean B3 F1 {sum(allf) / len(allf):.3f}")


if __name__ == "__main__":
    main()
