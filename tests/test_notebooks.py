"""Every notebook executes under papermill on the seeds and on a small synthetic corpus; the report's
files exist, tables have their documented columns, and article text stays inert in the HTML."""
import json
import re

import pandas as pd
import papermill as pm
import pytest

from stanceshift.paths import NOTEBOOKS_DIR
from stanceshift.report import render
from stanceshift.schema import STATEMENT_COLUMNS

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
PARAM_LINE = re.compile(r"^(\w+): (\w+) = (.+?)  # .+$")


def test_there_are_six_notebooks():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05", "06"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_in_git_has_no_outputs_and_a_documented_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "stanceshift"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    lines = "".join(tagged[0]["source"]).splitlines()
    assert lines and all(PARAM_LINE.match(line) for line in lines), lines
    declared = pm.inspect_notebook(str(path))
    assert all(p["help"] for p in declared.values())
    assert {"corpus", "output_dir"} <= set(declared)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds_report")
    return render("params/default.yaml", out, progress=lambda *_: None)


@pytest.fixture(scope="module")
def synthetic_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("synthetic")
    corpus = base / "corpus.jsonl"
    docs = [
        {"doc_id": "s1", "published": "2022-09-10", "title": "<script>alert(1)</script>",
         "text": "Kazakhstan called for peace talks. <script>alert(1)</script> Minsk said it backs Moscow's war."},
        {"doc_id": "s2", "published": "2022-10-05", "title": "t2",
         "text": 'Astana said it would not recognize the annexation. <img src=x onerror="alert(2)"> Kazakhstan voiced concerns.'},
        {"doc_id": "s3", "published": "2022-09-25", "text": "Indian Prime Minister Narendra Modi called for an end to the war."},
    ]
    corpus.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    params = base / "params.yaml"
    params.write_text(f"corpus: {corpus}\ncountries: []\nmin_statements: 1\nfigure_format: png\n"
                      "events: [sco_summit_2022, mobilisation_2022]\n", encoding="utf-8")
    return render(params, base / "out", progress=lambda *_: None)


@pytest.mark.parametrize("fixture", ["seeds_report", "synthetic_report"])
def test_report_files(fixture, request):
    out = request.getfixturevalue(fixture)
    for nb in NOTEBOOKS:
        assert (out / nb.name).stat().st_size > 0
        html = (out / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert "notebook_context(" not in html, "code cells must be hidden"
    pngs = list((out / "figures").glob("*.png"))
    assert len(pngs) >= 5 and all(p.stat().st_size > 5000 for p in pngs)
    statements = pd.read_csv(out / "tables" / "statements.csv")
    assert list(statements.columns) == list(STATEMENT_COLUMNS)
    assert len(statements) > 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Parameters used" in index and "01_corpus.html" in index


def test_article_markup_is_inert_in_every_html_output(synthetic_report):
    for html_file in synthetic_report.glob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html, html_file.name
        assert '<img src=x onerror="alert(2)">' not in html, html_file.name
    corpus_html = (synthetic_report / "01_corpus.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in corpus_html


def test_failing_notebook_names_notebook_and_cell(tmp_path):
    from stanceshift.report import RenderError

    with pytest.raises(RenderError, match=r"01_corpus.ipynb failed in cell \d+ .*does not exist"):
        render(None, tmp_path / "out", notebooks=["01_corpus"], extra={"corpus": str(tmp_path / "missing")},
               progress=lambda *_: None)
    assert (tmp_path / "out" / "01_corpus.ipynb").exists()


def test_empty_selection_gives_messages_not_errors(tmp_path):
    out = render(None, tmp_path / "empty", notebooks=["03_by_country", "04_by_event", "06_words_and_votes"],
                 extra={"countries": ["NIC"], "figure_format": "png"}, progress=lambda *_: None)
    html = (out / "03_by_country.html").read_text(encoding="utf-8")
    assert "No statements match this selection" in html
    assert (out / "figures" / "04_country_event_heatmap.png").stat().st_size > 0
