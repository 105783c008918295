"""The benchmark's own bookkeeping: the corpus it builds and the record of what it measured."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_pipeline.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_pipeline", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_source_digest_changes_when_a_package_or_codebook_file_changes(bench, tmp_path, monkeypatch):
    (tmp_path / "stanceshift").mkdir()
    (tmp_path / "codebook").mkdir()
    (tmp_path / "stanceshift" / "stance.py").write_text("A = 1\n")
    (tmp_path / "codebook" / "cues.yaml").write_text("cues: []\n")
    monkeypatch.setattr(bench, "PROJECT_ROOT", tmp_path)
    before = bench._source_digest()
    assert bench._source_digest() == before
    (tmp_path / "codebook" / "cues.yaml").write_text("cues: [x]\n")
    assert bench._source_digest() != before
    (tmp_path / "notes.txt").write_text("not imported by the runs")
    changed = bench._source_digest()
    (tmp_path / "notes2.txt").write_text("still not")
    assert bench._source_digest() == changed


def test_built_corpus_reaches_its_size_and_splits_the_same_rows_into_parts(bench, tmp_path):
    single, parts, n = bench.build_corpus(0.05, tmp_path, 3)
    rows = [json.loads(line) for line in single.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n and sum(len(r["text"].encode("utf-8")) for r in rows) >= 0.05e6
    split = [json.loads(line) for f in sorted(parts.glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in split) == sorted(r["doc_id"] for r in rows)
    assert len({r["doc_id"] for r in rows}) == n
