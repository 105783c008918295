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
