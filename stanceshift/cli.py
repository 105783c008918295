"""Command line: ``python -m stanceshift extract CORPUS -o statements.csv`` and ``... render``."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def _extract(args) -> int:
    from .corpus import load_corpus
    from .statements import extract_statements

    out = Path(args.output)
    if args.engine == "dask":
        from .scale import run_dask_pipeline

        run_dask_pipeline(args.corpus, out, scheduler=args.scheduler, text_column=args.text_column)
        print(f"wrote partitioned statements to {out}")
        return 0
    docs, skipped = load_corpus(args.corpus, text_column=args.text_column, return_skipped=True)
    statements = extract_statements(docs)
    if out.suffix.lower() == ".parquet":
        statements.to_parquet(out, index=False)
    elif out.suffix.lower() == ".csv":
        statements.to_csv(out, index=False)
    else:
        print(f"error: -o must end in .csv or .parquet, not {out.name!r}", file=sys.stderr)
        return 2
    print(f"{len(docs)} documents ({len(skipped)} skipped) -> {len(statements)} statements in {out}")
    return 0


def _render(args) -> int:
    from .report import RenderError, render

    try:
        out = render(args.params, args.out)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"report: {out / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stanceshift", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract stance statements from a corpus")
    ex.add_argument("corpus", help="folder of .txt files, or a .csv/.jsonl/.parquet file (or a glob with --engine dask)")
    ex.add_argument("-o", "--output", required=True, help="statements.csv or statements.parquet (a folder with --engine dask)")
    ex.add_argument("--text-column", default="text")
    ex.add_argument("--engine", choices=["pandas", "dask"], default="pandas")
    ex.add_argument("--scheduler", default=None, help="dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)")
    ex.set_defaults(func=_extract)
    rd = sub.add_parser("render", help="render the notebooks into a report")
    rd.add_argument("--params", default="params/default.yaml", help="parameter file (YAML)")
    rd.add_argument("--out", default=None, help="output folder (default: outputs/<params name>)")
    rd.set_defaults(func=_render)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)
