"""Benchmark: does extraction stay linear on a run-on "sentence" (text with no full stop)?

Scraped archives hold pages whose text never ends a sentence: a megabyte of list items, tickers or
transcripts. A rule that compares every cue with every holder of its sentence is quadratic there.
This script repeats a few made-up clauses, each built to exercise one family of rules (clauses
joined by "and", holders set aside by ", not", questions answered, an international body's
clause, colons, quotations), into one sentence at a base length and at four times that length, and
reports the median time of each (over --repeats runs) and their ratio: about 4 when the time grows
linearly, 16 when it grows with the square. Results go to bench/results/runon_<timestamp>.json.

    .venv/bin/python bench/bench_runon.py --chars 150000 --repeats 3
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from stanceshift import extract_statements
from stanceshift.paths import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "bench" / "results"
CLAUSES = {
    "votes and sanctions": "Kazakhstan voted for the resolution on sanctions against Russia and said that ",
    "questions, lists, ', not'": "Asked whether China would send weapons, Wang Yi said no and Kazakhstan, not Belarus, ",
    "bodies and ', and' clauses": "India abstained as the UN condemned the war, and Xi expressed concern, and ",
    "colons and quotations": "We are with Russia, they said: Laos and Cambodia split: ",
}


def time_extraction(text: str, repeats: int) -> float:
    docs = pd.DataFrame({"doc_id": ["runon"], "text": [text], "published": [pd.Timestamp("2022-10-05")],
                         "date_precision": ["day"]})
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        extract_statements(docs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=150_000, help="length of the shorter run-on sentence")
    parser.add_argument("--repeats", type=int, default=3, help="runs per length (the median is reported)")
    args = parser.parse_args()
    time_extraction("Kazakhstan abstained.", 1)  # load the codebook once
    results = []
    for name, clause in CLAUSES.items():
        n = max(1, args.chars // len(clause))
        short, long = time_extraction(clause * n, args.repeats), time_extraction(clause * 4 * n, args.repeats)
        results.append({"clauses": name, "chars": len(clause) * n, "seconds": round(short, 3),
                        "chars_x4": len(clause) * 4 * n, "seconds_x4": round(long, 3),
                        "ratio": round(long / short, 2)})
        print(f"{name:28s} {len(clause) * n / 1e6:5.2f} MB {short:6.2f} s   x4: {long:6.2f} s   ratio {long / short:5.2f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"runon_{time.strftime('%Y%m%d_%H%M%S')}.json"
    out.write_text(json.dumps({"python": sys.version.split()[0], "machine": platform.machine(),
                               "repeats": args.repeats, "results": results}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
