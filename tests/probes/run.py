"""Run the probe files through the extractor and write what each gives to tests/probes/out/.

Probes are made-up sentences and short articles (none from the seeds) that sessions wrote while
working on the rules. They are not tests: nothing here passes or fails. After a change to the rules,
`make probes` rewrites the outputs, and `git diff tests/probes/out` shows every row the change
moved, to be read and judged one by one (the wire cases in test_wire_sentences.py are the checked
subset).

A probe file holds one sentence per line, or articles separated by lines of "===", each of which may
open with "@YYYY-MM-DD" (the publication date; default 2022-10-05). Lines starting with "#" are
comments.
"""
from __future__ import annotations

import argparse
import logging
from datetime import date
from pathlib import Path

from stanceshift import extract_statements
from stanceshift.corpus import build_documents

PROBES = Path(__file__).resolve().parent
DEFAULT_PUBLISHED = date(2022, 10, 5)


def read_probe(path: Path) -> list[tuple[date, str]]:
    """(publication date, text) of each probe in the file."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    if any(line == "===" for line in lines):
        blocks = "\n".join(lines).split("\n===\n")
    else:
        blocks = [line for line in lines if line.strip() and not line.startswith("@")]
    probes = []
    for block in blocks:
        block = block.strip("\n")
        published = DEFAULT_PUBLISHED
        if block.startswith("@"):
            head, _, block = block.partition("\n")
            published = date.fromisoformat(head[1:].strip())
        if block.strip():
            probes.append((published, block))
    return probes


def describe(path: Path) -> str:
    """The rows each probe of the file gives, one line per row."""
    probes = read_probe(path)
    records = [{"doc_id": f"p{i:03d}", "title": "", "text_raw": text, "published": published,
                "source": "probe", "url": ""} for i, (published, text) in enumerate(probes)]
    statements = extract_statements(build_documents(records))
    out = []
    for i, (published, text) in enumerate(probes):
        rows = statements[statements.doc_id == f"p{i:03d}"]
        out.append(f"## [{published}] {text.strip()[:300]}")
        for r in rows.itertuples():
            quote = f" | {r.quote[:90]}" if len(text) > len(r.quote) + 40 else ""
            out.append(f"   {r.country} {r.stance:+d} actor={r.actor!r} ev={r.event} "
                       f"{r.date.date()}/{r.date_precision} cues={r.cues}{quote}")
        if rows.empty:
            out.append("   (none)")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="probe files (default: all in tests/probes)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    (PROBES / "out").mkdir(exist_ok=True)
    for path in args.files or sorted(PROBES.glob("*.txt")):
        (PROBES / "out" / f"{path.stem}.out").write_text(describe(path), encoding="utf-8")


if __name__ == "__main__":
    main()
