"""The Dask engine equals the pandas engine; streaming keeps memory flat; aggregates run on Dask."""
import json
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from stanceshift.aggregates import by_country_event, by_country_period
from stanceshift.corpus import load_corpus
from stanceshift import scale
from stanceshift.paths import SEEDS_DIR
from stanceshift.scale import (BLOCK_MARGIN, MAX_BLOCK, MIN_BLOCK, TARGET_PARTITIONS, read_raw_dask, dask_client, extract_statements_dask, jsonl_blocksize,
                               load_corpus_dask, run_dask_pipeline, stream_statements)
from stanceshift.statements import extract_statements

SUBSTITUTES = ["Kazakhstan", "Mongolia", "Serbia", "Vietnam", "Brazil", "Indonesia"]


def synthetic_rows(n: int, seed: int = 0) -> list[dict]:
    """Seed articles with shuffled paragraphs and substituted countries, plus one empty row."""
    import random

    rng = random.Random(seed)
    seeds = load_corpus(SEEDS_DIR)
    rows = []
    for i in range(n):
        r = seeds.iloc[i % len(seeds)]
        paras = r["text"].split("\n\n")
        rng.shuffle(paras)
        text = "\n\n".join(paras).replace("Kazakhstan", rng.choice(SUBSTITUTES))
        rows.append({"doc_id": f"d{i}", "text": text, "published": str(r["published"].date()), "title": f"t{i}"})
    rows.append({"doc_id": "empty", "text": " ", "published": "2022-01-01"})
    return rows


@pytest.fixture(scope="module")
def split_corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("dask_corpus")
    rows = synthetic_rows(45)
    (base / "parts").mkdir()
    for k in range(3):
        (base / "parts" / f"part{k}.jsonl").write_text("\n".join(json.dumps(x) for x in rows[k::3]), encoding="utf-8")
    (base / "all.jsonl").write_text("\n".join(json.dumps(x) for x in rows), encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def pandas_statements(split_corpus):
    """The pandas engine's statements for the whole corpus: what every Dask result is compared with."""
    return extract_statements(load_corpus(split_corpus / "all.jsonl"))


def assert_same_rows(got: pd.DataFrame, want: pd.DataFrame) -> None:
    key = ["doc_id", "sent_id", "country"]
    pd.testing.assert_frame_equal(got.sort_values(key).reset_index(drop=True), want.sort_values(key).reset_index(drop=True))


@pytest.fixture(scope="module")
def client():
    with dask_client(n_workers=2) as c:
        yield c


def test_dask_engine_equals_pandas_engine_row_for_row(split_corpus, client, pandas_statements):
    got = extract_statements_dask(load_corpus_dask(split_corpus / "parts")).compute()
    assert len(pandas_statements) > 100
    assert_same_rows(got, pandas_statements)


def test_one_jsonl_file_in_several_partitions_equals_the_pandas_engine(split_corpus, client, pandas_statements):
    ddocs = load_corpus_dask(split_corpus / "all.jsonl", blocksize=40_000)
    assert ddocs.npartitions >= 3
    assert_same_rows(extract_statements_dask(ddocs).compute(), pandas_statements)


@pytest.mark.parametrize("total_mb, expected_block", [(0.1, MIN_BLOCK), (20, 20e6 / TARGET_PARTITIONS), (4000, MAX_BLOCK)])
def test_jsonl_blocksize_aims_at_several_partitions_of_bounded_size(tmp_path, total_mb, expected_block):
    files = []
    for k in range(4):
        path = tmp_path / f"p{k}.jsonl"
        with open(path, "wb") as fh:
            fh.truncate(int(total_mb * 1e6 / 4))  # sparse: only the size matters
        files.append(str(path))
    assert jsonl_blocksize(files) == int(expected_block * (1 - BLOCK_MARGIN))


def _jsonl_of_size(path: Path, size: int) -> None:
    line = '{"doc_id": "d", "text": "%s"}\n'
    with open(path, "w") as fh:
        while size > 2000:
            size -= fh.write(line % ("word " * 190))
        fh.write(line % ("x" * (size - len(line % ""))))


def test_files_of_nearly_equal_size_split_into_equal_numbers_of_partitions(tmp_path):
    # sizes of the benchmark's 20 MB corpus: at a block of exactly a quarter of a file, the two
    # files a few bytes short of it were read whole, as 6 partitions in all
    sizes = [5_285_639, 5_280_766, 5_282_417, 5_283_686]
    for k, size in enumerate(sizes):
        _jsonl_of_size(tmp_path / f"p{k}.jsonl", size)
    assert [(tmp_path / f"p{k}.jsonl").stat().st_size for k in range(4)] == sizes
    assert read_raw_dask(tmp_path).npartitions == TARGET_PARTITIONS


def test_load_corpus_engine_option_gives_dask_frame(split_corpus, client):
    ddocs = load_corpus(split_corpus / "parts", engine="dask")
    assert ddocs.npartitions >= 3 and int(ddocs.map_partitions(len).sum().compute()) == 45


def test_aggregates_run_on_dask_output_without_collecting_statements(split_corpus, client, pandas_statements):
    dst = extract_statements_dask(load_corpus_dask(split_corpus / "parts"))
    pst = pandas_statements
    pd.testing.assert_frame_equal(by_country_period(dst), by_country_period(pst), check_dtype=False)
    pd.testing.assert_frame_equal(by_country_event(dst), by_country_event(pst), check_dtype=False)


def test_pipeline_writes_partitioned_parquet_and_counts_skips(split_corpus, tmp_path, pandas_statements):
    summary = run_dask_pipeline(split_corpus / "parts", tmp_path / "out", n_workers=2)
    assert summary["documents"] == 45 and summary["skipped"] == 1
    written = pd.read_parquet(tmp_path / "out" / "statements")
    assert len(written) == len(pandas_statements)
    assert pd.read_csv(tmp_path / "out" / "skipped.csv")["reason"].tolist() == ["empty text"]


def _peak_bytes(path, output) -> int:
    tracemalloc.start()
    stream_statements(path, output, chunk_size=40)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_streaming_memory_does_not_grow_with_the_number_of_chunks(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text("\n".join(json.dumps(x) for x in synthetic_rows(80)), encoding="utf-8")
    large.write_text("\n".join(json.dumps(x) for x in synthetic_rows(480)), encoding="utf-8")
    peak_small = _peak_bytes(small, tmp_path / "s.parquet")
    peak_large = _peak_bytes(large, tmp_path / "l.parquet")
    # six times the chunks; memory set by the chunk, not the corpus
    assert peak_large < 1.5 * peak_small, (peak_small, peak_large)
    assert len(pd.read_parquet(tmp_path / "l.parquet")) > 5 * len(pd.read_parquet(tmp_path / "s.parquet")) * 0.9


def test_streaming_equals_one_shot_extraction(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in synthetic_rows(30)), encoding="utf-8")
    summary = stream_statements(path, tmp_path / "s.csv", chunk_size=7)
    streamed = pd.read_csv(tmp_path / "s.csv", keep_default_na=False)
    one_shot = extract_statements(load_corpus(path))
    assert summary["statements"] == len(one_shot) == len(streamed)
    assert summary["skipped"]["reason"].tolist() == ["empty text"]


def test_streaming_a_folder_reports_each_skip_once(tmp_path):
    import shutil

    shutil.copytree(SEEDS_DIR, tmp_path / "c")
    (tmp_path / "c" / "empty.txt").write_text(" ", encoding="utf-8")
    with open(tmp_path / "c" / "metadata.csv", "a", encoding="utf-8") as fh:
        fh.write("ghost,Ghost,Nowhere,2022-01-01,day,,\n")
    summary = stream_statements(tmp_path / "c", tmp_path / "s.csv", chunk_size=2)
    assert summary["documents"] == 5
    assert summary["statements"] == len(extract_statements(load_corpus(SEEDS_DIR)))
    assert sorted(summary["skipped"]["reason"]) == ["empty file", "metadata row without a file"]


@pytest.mark.parametrize("ids_per_group", [16, 1], ids=["ids counted in one task", "ids hash-shuffled"])
def test_repeated_doc_ids_are_dropped_across_partitions_as_the_pandas_engine_drops_them(tmp_path, client, monkeypatch,
                                                                                        ids_per_group):
    monkeypatch.setattr(scale, "IDS_PER_GROUP", ids_per_group)
    rows = synthetic_rows(12, seed=3)
    # d1 again in another file, d2 twice in one file, and "empty" first without text then with it
    repeats = [dict(rows[1], text=rows[7]["text"]), dict(rows[2], title="again"), dict(rows[-1], text=rows[4]["text"])]
    ordered = rows + repeats
    (tmp_path / "all.jsonl").write_text("\n".join(json.dumps(x) for x in ordered), encoding="utf-8")
    (tmp_path / "parts").mkdir()
    for k, chunk in enumerate([ordered[:6], ordered[6:14], ordered[14:]]):
        (tmp_path / "parts" / f"part{k}.jsonl").write_text("\n".join(json.dumps(x) for x in chunk), encoding="utf-8")
    want_docs, want_skipped = load_corpus(tmp_path / "all.jsonl", return_skipped=True)
    assert sorted(want_skipped["reason"].str.split(" ").str[0]) == ["duplicate", "duplicate", "empty"]
    docs, skipped = load_corpus_dask(tmp_path / "parts", return_skipped=True)
    got_docs = docs.compute()
    assert sorted(got_docs["doc_id"]) == sorted(want_docs["doc_id"])
    pd.testing.assert_series_equal(got_docs.set_index("doc_id")["text"].sort_index(),
                                   want_docs.set_index("doc_id")["text"].sort_index())
    got_skipped = skipped.compute()
    assert sorted(got_skipped["doc_id"]) == sorted(want_skipped["doc_id"]) == ["d1", "d2", "empty"]
    assert got_skipped.set_index("doc_id").loc["d1", "reason"] == "duplicate doc_id (first seen in partition 0, row 1)"
    assert_same_rows(extract_statements_dask(docs).compute(), extract_statements(want_docs))
    undeduplicated = load_corpus_dask(tmp_path / "parts", deduplicate=False).compute()
    assert len(undeduplicated) == len(want_docs) + 2
