"""Benchmark: wall time to render the whole default report (all notebooks, HTML, figures).

Runs `render()` --repeats times into a temporary folder and reports the median, beside a baseline
measured in the same run (executing an empty notebook through papermill, i.e. kernel start-up and
notebook I/O), so the figure can be read as a ratio on a busy machine.

    .venv/bin/python bench/bench_report.py --repeats 3
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
import papermill as pm

from stanceshift.paths import PROJECT_ROOT
from stanceshift.report import _kernel_name, render

RESULTS = PROJECT_ROOT / "bench" / "results"


def empty_notebook_run(tmp: Path) -> float:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1")]
    src = tmp / "empty.ipynb"
    nbformat.write(nb, src)
    t0 = time.perf_counter()
    pm.execute_notebook(str(src), str(tmp / "empty_out.ipynb"), kernel_name=_kernel_name(), progress_bar=False)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--params", default="params/default.yaml")
    args = parser.parse_args()
    renders, baselines = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeats):
            baselines.append(empty_notebook_run(Path(tmp)))
            t0 = time.perf_counter()
            render(args.params, Path(tmp) / f"report{i}", progress=lambda *_: None)
            renders.append(time.perf_counter() - t0)
    result = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "params": args.params,
              "render_seconds_median": statistics.median(renders), "render_seconds_all": renders,
              "empty_notebook_seconds_median": statistics.median(baselines),
              "ratio_render_to_one_empty_notebook": statistics.median(renders) / statistics.median(baselines)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"report_{time.strftime('%Y%m%d_%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
