"""Render the notebooks into a report: executed notebooks, HTML without code, figures, tables, index.

Also the helpers a notebook's first cells use (``notebook_context``) so the notebooks stay thin.
"""
from __future__ import annotations

import html
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .paths import NOTEBOOKS_DIR, OUTPUTS_DIR, resolve_project_path

KERNEL_NAME = "stanceshift"


class RenderError(RuntimeError):
    """A notebook failed; the message names the notebook and the cell."""


@dataclass
class NotebookContext:
    """Resolved paths and parameters of one notebook run."""

    corpus: Path
    output_dir: Path
    figures_dir: Path
    tables_dir: Path
    figure_formats: tuple[str, ...]
    parameters: dict

    def parameters_table(self) -> pd.DataFrame:
        return pd.DataFrame({"parameter": list(self.parameters), "value": [repr(v) for v in self.parameters.values()]})


def notebook_context(parameters: dict, *, corpus: str, output_dir: str, figure_format: str = "png") -> NotebookContext:
    """Resolve a notebook's path parameters against the project root and create its output folders."""
    out = resolve_project_path(output_dir)
    formats = tuple(f.strip() for f in figure_format.split(",") if f.strip()) or ("png",)
    unknown = set(formats) - {"png", "svg", "pdf"}
    if unknown:
        raise ValueError(f"parameter figure_format: unknown format(s) {sorted(unknown)}; use png, svg or pdf")
    ctx = NotebookContext(resolve_project_path(corpus), out, out / "figures", out / "tables", formats, dict(parameters))
    ctx.figures_dir.mkdir(parents=True, exist_ok=True)
    ctx.tables_dir.mkdir(parents=True, exist_ok=True)
    return ctx


def load_params(path: str | Path | None) -> dict:
    """Read a parameter file (YAML mapping of notebook parameters)."""
    if path is None:
        return {}
    p = resolve_project_path(path)
    if not p.exists():
        raise FileNotFoundError(f"parameter file not found: {p}")
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{p}: a parameter file must be a mapping of name: value")
    return data


def _kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL_NAME if KERNEL_NAME in KernelSpecManager().find_kernel_specs() else "python3"


def render(params_path: str | Path | None = None, out: str | Path | None = None,
           notebooks: list[str] | None = None, extra: dict | None = None, progress=print) -> Path:
    """Execute every notebook with the parameters, export HTML without code, write an index."""
    import papermill as pm

    params = load_params(params_path)
    params.update(extra or {})
    name = params.pop("report_name", None) or (Path(params_path).stem if params_path else "default")
    out_dir = resolve_project_path(out) if out else OUTPUTS_DIR / name
    out_dir.mkdir(parents=True, exist_ok=True)
    params.setdefault("output_dir", str(out_dir))
    paths = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if notebooks:
        paths = [p for p in paths if p.stem in notebooks or p.name in notebooks]
    kernel = _kernel_name()
    done = []
    for i, nb in enumerate(paths, start=1):
        declared = pm.inspect_notebook(str(nb))
        mine = {k: v for k, v in params.items() if k in declared}
        if progress is print:
            progress(f"[{i}/{len(paths)}] {nb.name} ...", flush=True)
        else:
            progress(nb.name)
        started = time.perf_counter()
        target = out_dir / nb.name
        try:
            pm.execute_notebook(str(nb), str(target), parameters=mine, kernel_name=kernel, cwd=str(NOTEBOOKS_DIR),
                                progress_bar=False, log_output=False)
        except pm.PapermillExecutionError as exc:
            raise RenderError(f"{nb.name} failed in cell {exc.exec_count} ({exc.ename}: {exc.evalue}); "
                              f"the partial notebook is {target}") from exc
        _export_html(target, out_dir / f"{nb.stem}.html")
        done.append((nb.stem, time.perf_counter() - started))
        if progress is print:
            progress(f"      done in {done[-1][1]:.1f} s", flush=True)
    all_declared = set().union(*(set(pm.inspect_notebook(str(p))) for p in paths)) if paths else set()
    ignored = sorted(set(params) - all_declared)
    _write_index(out_dir, params, done, ignored, params_path)
    return out_dir


def _export_html(notebook: Path, target: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(str(notebook), as_version=4))
    target.write_text(body, encoding="utf-8")


def _write_index(out_dir: Path, params: dict, done, ignored, params_path) -> None:
    e = html.escape
    rows = "".join(f"<tr><td>{e(str(k))}</td><td><code>{e(json.dumps(v, default=str))}</code></td></tr>"
                   for k, v in sorted(params.items()))
    nbs = "".join(f'<li><a href="{e(stem)}.html">{e(stem)}</a> (<a href="{e(stem)}.ipynb">notebook</a>, {secs:.1f} s)</li>'
                  for stem, secs in done)
    figs = "".join(f'<li><a href="figures/{e(p.name)}">{e(p.name)}</a></li>'
                   for p in sorted((out_dir / "figures").glob("*")) if p.is_file())
    tables = "".join(f'<li><a href="tables/{e(p.name)}">{e(p.name)}</a></li>'
                     for p in sorted((out_dir / "tables").glob("*")) if p.is_file())
    warn = f"<p><strong>Ignored parameters</strong> (no notebook declares them): {e(', '.join(ignored))}</p>" if ignored else ""
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>stanceshift report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}td{{padding:.2em .8em;border-bottom:1px solid #ddd}}</style>
</head><body><h1>stanceshift report</h1>
<p>How Russia's allies and partners shifted their stance toward its war in Ukraine, from news text.
Parameter file: <code>{e(str(params_path or '(defaults)'))}</code>; rendered {e(time.strftime('%Y-%m-%d %H:%M'))}.</p>
<h2>Notebooks</h2><ul>{nbs}</ul><h2>Parameters used</h2><table>{rows}</table>{warn}
<h2>Figures</h2><ul>{figs}</ul><h2>Tables</h2><ul>{tables}</ul></body></html>"""
    (out_dir / "index.html").write_text(page, encoding="utf-8")


def statements_for_report(ctx: NotebookContext, statements_file: str = "", text_column: str = "text",
                          engine: str = "pandas", scheduler: str = ""):
    """Statements for a notebook: read from ``statements_file`` when given, else extracted from the
    corpus with the pandas engine or, for a partitioned .parquet/.jsonl corpus, the dask engine."""
    from .corpus import load_corpus
    from .statements import extract_statements

    if statements_file:
        path = resolve_project_path(statements_file)
        if not path.exists():
            raise FileNotFoundError(f"parameter statements_file: {path} does not exist")
        frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, parse_dates=["date"], keep_default_na=False)
        return frame
    if engine == "dask":
        from .scale import dask_client, extract_statements_dask, load_corpus_dask

        with dask_client(scheduler or None):
            return extract_statements_dask(load_corpus_dask(ctx.corpus, text_column=text_column)).compute()
    if engine != "pandas":
        raise ValueError(f"parameter engine must be 'pandas' or 'dask', not {engine!r}")
    docs = load_corpus(ctx.corpus, text_column=text_column)
    return extract_statements(docs)
