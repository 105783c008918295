import pandas as pd

from stanceshift.cli import main
from stanceshift.schema import STATEMENT_COLUMNS


def test_extract_writes_csv_and_parquet(tmp_path, capsys):
    assert main(["extract", "seeds", "-o", str(tmp_path / "s.csv")]) == 0
    assert main(["extract", "seeds", "-o", str(tmp_path / "s.parquet")]) == 0
    csv = pd.read_csv(tmp_path / "s.csv")
    pq = pd.read_parquet(tmp_path / "s.parquet")
    assert list(csv.columns) == list(STATEMENT_COLUMNS) and len(csv) == len(pq) > 50
    assert "5 documents (0 skipped)" in capsys.readouterr().out


def test_extract_rejects_unknown_output_suffix(tmp_path, capsys):
    assert main(["extract", "seeds", "-o", str(tmp_path / "s.txt")]) == 2
    assert "must end in .csv or .parquet" in capsys.readouterr().err


def test_extract_with_dask_engine_writes_partitioned_parquet(tmp_path, capsys):
    import json

    corpus = tmp_path / "parts"
    corpus.mkdir()
    rows = [{"doc_id": f"d{i}", "text": "Kazakhstan called for peace talks. Minsk backs Moscow's war.",
             "published": "2022-09-28"} for i in range(6)]
    for k in range(2):
        (corpus / f"p{k}.jsonl").write_text("\n".join(json.dumps(r) for r in rows[k::2]), encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out"), "--engine", "dask"]) == 0
    written = pd.read_parquet(tmp_path / "out" / "statements")
    assert sorted(set(written["country"])) == ["BLR", "KAZ"] and len(written) == 12
