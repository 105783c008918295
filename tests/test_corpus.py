import json
import logging

import pandas as pd
import pytest

from stanceshift.corpus import DOCUMENT_COLUMNS, CorpusError, load_corpus
from stanceshift.paths import SEEDS_DIR, PROJECT_ROOT


def test_seeds_are_byte_identical_to_shared():
    shared = PROJECT_ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("no ../shared/seeds beside this checkout")
    for p in shared.glob("*.txt"):
        assert (SEEDS_DIR / p.name).read_bytes() == p.read_bytes()


def test_seed_corpus_loads_with_documented_dtypes(seed_docs):
    assert len(seed_docs) == 5
    assert list(seed_docs.columns) == list(DOCUMENT_COLUMNS)
    for col, dtype in DOCUMENT_COLUMNS.items():
        assert str(seed_docs[col].dtype) == dtype, col
    row = seed_docs.set_index("doc_id").loc["004_7861cfeeae8c6126"]
    assert row["outlet"] == "Newsweek" and row["published"] == pd.Timestamp("2023-09-29")
    assert row["n_words"] == len(row["text"].split())


def test_document_without_metadata_keeps_text_and_title_falls_back(tmp_path, caplog):
    (tmp_path / "metadata.csv").write_text("doc_id,title,outlet,published,date_precision,url,note\nother,T,O,2022-01-01,day,,\n")
    (tmp_path / "a.txt").write_text("Kazakhstan says no\n\nBody sentence here.")
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(tmp_path, return_skipped=True)
    assert docs.loc[0, "title"] == "Kazakhstan says no"
    assert "no row in" in caplog.text
    assert skipped["reason"].tolist() == ["metadata row without a file"]
    assert skipped.loc[0, "line"] == 2


def test_bad_files_are_skipped_with_reasons(tmp_path, caplog):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 in Minsk.")
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(tmp_path, return_skipped=True)
    assert docs["doc_id"].tolist() == ["bad"]
    assert "\ufffd" in docs.loc[0, "text"]
    assert "bad.txt: invalid UTF-8 at byte offset 3" in caplog.text
    reasons = dict(zip(skipped["doc_id"], skipped["reason"]))
    assert reasons["empty"] == "empty file"
    assert reasons["binary"].startswith("binary file")
    assert docs.attrs["n_skipped"] == 2


def test_csv_duplicates_empty_text_and_bad_dates(tmp_path, caplog):
    path = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "a", "b"], "body": ["Text one.", "Text two.", ""],
                  "published": ["not a date", "2022-01-01", "2022-01-01"]}).to_csv(path, index=False)
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(path, columns={"body": "text"}, return_skipped=True)
    assert docs["doc_id"].tolist() == ["a"] and pd.isna(docs.loc[0, "published"])
    assert "c.csv:2: unparseable date 'not a date'" in caplog.text
    assert sorted(skipped["reason"].str.split(" ").str[0]) == ["duplicate", "empty"]
    assert skipped.set_index("reason").filter(like="empty", axis=0)["line"].iloc[0] == 4


def test_jsonl_and_parquet_tables(tmp_path):
    jl = tmp_path / "c.jsonl"
    jl.write_text(json.dumps({"doc_id": "x", "text": "Minsk said yes."}) + "\n{broken\n")
    docs, skipped = load_corpus(jl, return_skipped=True)
    assert docs["doc_id"].tolist() == ["x"]
    assert skipped.loc[0, "line"] == 2 and "invalid JSON" in skipped.loc[0, "reason"]
    pq = tmp_path / "c.parquet"
    pd.DataFrame({"doc_id": ["p"], "content": ["Astana agreed."]}).to_parquet(pq)
    assert load_corpus(pq, text_column="content")["text"].tolist() == ["Astana agreed."]


def test_missing_text_column_and_missing_path_name_the_problem(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a"], "body": ["x"]}).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"c.csv: no text column 'text'"):
        load_corpus(path)
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")
