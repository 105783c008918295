"""Archives beyond one process: the Dask engine, and chunked streaming for the pandas engine.

Dask: a partitioned Parquet or JSONL corpus (one file, a folder, or a glob) is read with
``dask.dataframe``; each partition is cleaned and its statements extracted independently (the
rules never look across documents), and the statements are written as partitioned Parquet. A
``dask.distributed`` client runs it: a LocalCluster by default, or an existing scheduler by address.

Streaming: :func:`stream_statements` reads a corpus chunk by chunk and appends each chunk's
statements to one Parquet or CSV file, so memory depends on the chunk size, not the corpus size.
"""
from __future__ import annotations

import contextlib
import glob as globmod
import logging
import os
import time
from pathlib import Path
from typing import Iterator

import pandas as pd

from .cleaning import FurnitureRules, default_furniture_rules
from .codebook import Codebook, default_codebook
from .corpus import (CorpusError, build_documents, folder_files, folder_metadata, has_text, jsonl_frames, log_skipped,
                     orphan_metadata_rows, read_txt_files, records_from_frame, skipped_frame)
from .statements import extract_statements, statements_frame

log = logging.getLogger(__name__)


def corpus_files(source: str | Path) -> list[str]:
    """The files of a corpus given as a file, a folder of .parquet/.jsonl files, or a glob."""
    text = str(source)
    if any(ch in text for ch in "*?["):
        files = sorted(globmod.glob(text))
    elif Path(text).is_dir():
        files = sorted(str(p) for p in Path(text).iterdir() if p.suffix.lower() in (".parquet", ".jsonl"))
    else:
        files = [text] if Path(text).exists() else []
    if not files:
        raise CorpusError(f"no .parquet or .jsonl corpus files found at {source}")
    suffixes = {Path(f).suffix.lower() for f in files}
    if len(suffixes) != 1 or not suffixes <= {".parquet", ".jsonl"}:
        raise CorpusError(f"{source}: the dask engine reads .parquet or .jsonl files of one kind, found {sorted(suffixes)}")
    return files


def _documents_meta() -> pd.DataFrame:
    return build_documents([])


ROW_BITS = 32  # a row's order in the corpus is (partition number << ROW_BITS) + its row in the partition


def _rows_with_text(frame: pd.DataFrame, text_column: str, id_column: str, columns) -> pd.DataFrame:
    """doc_id and corpus order of each row that holds a document, for finding duplicates."""
    if columns:
        frame = frame.rename(columns=columns)
    keep = [i for i, text in enumerate(frame[text_column].tolist()) if has_text(text)]
    return pd.DataFrame({"doc_id": pd.array(frame[id_column].astype(str).to_numpy()[keep], dtype="str"),
                         "row": pd.array(keep, dtype="int64")})


def _order_rows(frame: pd.DataFrame, text_column: str, id_column: str, columns, partition_info=None) -> pd.DataFrame:
    rows = _rows_with_text(frame, text_column, id_column, columns)
    number = partition_info["number"] if partition_info else 0
    return pd.DataFrame({"doc_id": rows["doc_id"], "order": rows["row"] + (number << ROW_BITS)})


IDS_PER_GROUP = 16  # partitions whose ids are counted together: all ids of a small corpus in one task


def _split_out(npartitions: int) -> int:
    """Hash groups for counting ids: one for a small corpus (no shuffle), more as it grows, so that
    no task holds the ids of millions of documents."""
    return max(1, npartitions // IDS_PER_GROUP)


def first_of_duplicates(raw, text_column: str = "text", id_column: str = "doc_id", columns=None) -> dict[str, int]:
    """doc_id -> corpus order of its first row, for every doc_id that more than one row holds.

    One pass over the raw table that keeps only ids, aggregated across partitions by hash, so the
    de-duplication the pandas engine does in one process holds across a cluster: the first row of
    a doc_id (in file, then row order) is kept, as :func:`load_corpus` keeps it.
    """
    meta = pd.DataFrame({"doc_id": pd.Series(dtype="str"), "order": pd.Series(dtype="int64")})
    orders = raw.map_partitions(_order_rows, text_column, id_column, columns, meta=meta)
    counted = orders.groupby("doc_id")["order"].agg(["min", "count"], split_out=_split_out(raw.npartitions),
                                                     shuffle_method="tasks")
    repeated = counted[counted["count"] > 1]["min"].compute()
    return {str(k): int(v) for k, v in repeated.items()}


def _without_later_duplicates(frame: pd.DataFrame, source: str, text_column: str, id_column: str, columns,
                              first_seen: dict[str, int] | None, number: int) -> tuple[pd.DataFrame, list[dict]]:
    """The partition without rows whose doc_id an earlier row holds, and those rows as skips."""
    if not first_seen:
        return frame, []
    rows = _rows_with_text(frame, text_column, id_column, columns)
    drop: list[int] = []
    skipped: list[dict] = []
    for doc_id, row in zip(rows["doc_id"].tolist(), rows["row"].tolist()):
        first = first_seen.get(doc_id)
        if first is not None and first != (number << ROW_BITS) + row:
            drop.append(row)
            skipped.append({"doc_id": doc_id, "source_path": source, "line": None,
                            "reason": f"duplicate doc_id (first seen in partition {first >> ROW_BITS}, "
                                      f"row {first & ((1 << ROW_BITS) - 1)})"})
    if not drop:
        return frame, []
    dropped = set(drop)
    return frame.iloc[[i for i in range(len(frame)) if i not in dropped]], skipped


def _documents_partition(frame: pd.DataFrame, source: str, text_column: str, id_column: str,
                         columns, rules: FurnitureRules, log_skips: bool, first_seen: dict[str, int] | None,
                         partition_info=None) -> pd.DataFrame:
    number = partition_info["number"] if partition_info else 0
    frame, duplicates = _without_later_duplicates(frame, source, text_column, id_column, columns, first_seen, number)
    records, skipped = records_from_frame(frame, source, None, text_column=text_column, id_column=id_column,
                                          columns=columns)
    if log_skips:  # otherwise the skipped table is returned and reported by the caller
        log_skipped(skipped_frame(skipped + duplicates), source)
    return build_documents(records, rules)


def _skipped_partition(frame: pd.DataFrame, source: str, text_column: str, id_column: str, columns,
                       first_seen: dict[str, int] | None, partition_info=None) -> pd.DataFrame:
    number = partition_info["number"] if partition_info else 0
    frame, duplicates = _without_later_duplicates(frame, source, text_column, id_column, columns, first_seen, number)
    _, skipped = records_from_frame(frame, source, None, text_column=text_column, id_column=id_column, columns=columns)
    return skipped_frame(skipped + duplicates)


MAX_BLOCK = 32_000_000  # bytes of JSONL per partition at most: bounds a worker's memory
MIN_BLOCK = 1_000_000
# Several tasks per worker: the last task to finish sets the wall time, so smaller tasks leave a
# shorter tail. At 20 MB, 16 partitions on 2 workers ran 8-10 % faster than 6 uneven ones.
TARGET_PARTITIONS = 16
BLOCK_MARGIN = 0.02


def jsonl_blocksize(files: list[str]) -> int:
    """Bytes per partition for JSONL files: about TARGET_PARTITIONS partitions in all, between
    MIN_BLOCK and MAX_BLOCK, so one 20 MB file is not one partition that a single worker reads.

    Dask cuts a file into ``size // blocksize`` equal parts, so a file a few bytes short of k
    blocks is read as k - 1: four 5.3 MB files at a quarter of 21 MB each gave 1, 1, 2 and 2
    partitions. The block is made 2 % smaller than the target to keep such files at k parts.
    """
    total = sum(os.path.getsize(f) for f in files)
    target = min(MAX_BLOCK, max(MIN_BLOCK, total / TARGET_PARTITIONS))
    return int(target * (1 - BLOCK_MARGIN))


def read_raw_dask(source, blocksize: str | int | None = None):
    """The raw corpus table as a dask DataFrame (``blocksize`` for JSONL; default: see
    :func:`jsonl_blocksize`)."""
    import dask.dataframe as dd

    files = corpus_files(source)
    if files[0].lower().endswith(".parquet"):
        return dd.read_parquet(files)
    return dd.read_json(files, lines=True, blocksize=blocksize or jsonl_blocksize(files), dtype=False)


def load_corpus_dask(source, *, text_column: str = "text", id_column: str = "doc_id", columns=None,
                     furniture: FurnitureRules | None = None, blocksize: str | int | None = None,
                     return_skipped: bool = False, deduplicate: bool = True):
    """A lazily partitioned documents table (the same schema as :func:`load_corpus`).

    ``deduplicate`` keeps only the first row of each doc_id across all partitions, as the pandas
    engine does; finding the repeated ids reads the corpus once before the lazy table is returned
    (on the active Dask client). Pass False for a corpus known to have unique ids.
    """
    import dask

    raw = read_raw_dask(source, blocksize)
    renamed = set((columns or {}).values()) | set(raw.columns)
    has_ids = id_column in renamed
    if not has_ids:
        log.warning("%s has no %r column: doc_ids are made per partition and may repeat", source, id_column)
    if text_column not in renamed:
        raise CorpusError(f"{source}: no text column {text_column!r} (columns: {list(raw.columns)})")
    rules = furniture or default_furniture_rules()
    first_seen = None
    if deduplicate and has_ids:
        repeated = first_of_duplicates(raw, text_column, id_column, columns)
        if repeated:
            first_seen = dask.delayed(repeated, pure=True)  # one copy in the graph, not one per task
    docs = raw.map_partitions(_documents_partition, str(source), text_column, id_column, columns, rules,
                              not return_skipped, first_seen, meta=_documents_meta())
    if not return_skipped:
        return docs
    skipped = raw.map_partitions(_skipped_partition, str(source), text_column, id_column, columns, first_seen,
                                 meta=skipped_frame([]))
    return docs, skipped


def _statements_partition(docs: pd.DataFrame, codebook: Codebook, include_parties: bool) -> pd.DataFrame:
    return extract_statements(docs, codebook, include_parties=include_parties)


def extract_statements_dask(docs, codebook: Codebook | None = None, *, include_parties: bool = False):
    """Statements per partition of a dask documents table; returns a lazy dask DataFrame."""
    codebook = codebook or default_codebook()
    return docs.map_partitions(_statements_partition, codebook, include_parties, meta=statements_frame([]))


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, n_workers: int = 2, threads_per_worker: int = 1,
                memory_limit: str | None = "auto"):
    """A distributed client: to ``scheduler`` (e.g. "tcp://host:8786") or to a new LocalCluster."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    # The workers' statistical profiler samples every thread's stack every 10 ms while holding the
    # GIL; on pure-Python tasks it cost about a tenth of the extraction time, so it is off for the
    # clusters we start (a cluster given by address keeps its own settings).
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker, processes=True,
                         dashboard_address=":0", memory_limit=memory_limit) as cluster, Client(cluster) as client:
        yield client


def run_dask_pipeline(source, out: str | Path, *, scheduler: str | None = None, n_workers: int = 2,
                      text_column: str = "text", codebook: Codebook | None = None, deduplicate: bool = True) -> dict:
    """Corpus -> statements written as partitioned Parquet under ``out/statements``; skipped rows
    (empty text, repeated doc_ids) under ``out/skipped.csv``. Returns counts and the wall time."""
    import dask

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with dask_client(scheduler, n_workers):
        docs, skipped = load_corpus_dask(source, text_column=text_column, return_skipped=True, deduplicate=deduplicate)
        statements = extract_statements_dask(docs, codebook)
        write = statements.to_parquet(str(out / "statements"), write_index=False, compute=False)
        n_docs = docs.map_partitions(len).sum()
        _, skipped_table, n = dask.compute(write, skipped, n_docs)
    skipped_table.to_csv(out / "skipped.csv", index=False)
    log_skipped(skipped_table, source)
    return {"documents": int(n), "skipped": int(len(skipped_table)),
            "seconds": time.perf_counter() - started, "statements_path": str(out / "statements")}


def iter_corpus_chunks(source, chunk_size: int = 1000, *, text_column: str = "text", id_column: str = "doc_id",
                       columns=None) -> Iterator[tuple[list[dict], list[dict]]]:
    """Raw records and skipped rows of a corpus, ``chunk_size`` documents at a time."""
    path = Path(source)
    if path.is_dir():
        meta_path, meta = folder_metadata(path, None)
        files = folder_files(path)
        orphans = orphan_metadata_rows(files, meta, meta_path)  # reported once, with the first chunk
        for i in range(0, max(len(files), 1), chunk_size):
            records, skipped = read_txt_files(files[i:i + chunk_size], meta, meta_path)
            yield records, (orphans if i == 0 else []) + skipped
        return
    suffix = path.suffix.lower()
    if suffix == ".csv":
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=chunk_size):
            yield records_from_frame(chunk, str(path), 2, text_column=text_column, id_column=id_column, columns=columns)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        start = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
            frame = batch.to_pandas()
            frame.index = range(start, start + len(frame))
            start += len(frame)
            yield records_from_frame(frame, str(path), 1, text_column=text_column, id_column=id_column, columns=columns)
    elif suffix == ".jsonl":
        yield from _jsonl_chunks(path, chunk_size, text_column, id_column, columns)
    else:
        raise CorpusError(f"{path}: not a folder or a .csv/.jsonl/.parquet file")


def _jsonl_chunks(path: Path, chunk_size: int, text_column, id_column, columns):
    for frame, skipped in jsonl_frames(path, chunk_size):
        records, more = records_from_frame(frame, str(path), 1, text_column=text_column, id_column=id_column,
                                           columns=columns) if len(frame) else ([], [])
        yield records, skipped + more


def stream_statements(source, output: str | Path, *, chunk_size: int = 1000, text_column: str = "text",
                      id_column: str = "doc_id", columns=None, codebook: Codebook | None = None) -> dict:
    """Extract statements chunk by chunk and append them to one .parquet or .csv file.

    Memory stays flat in the number of chunks; duplicate doc_ids are still caught across chunks
    (only the set of ids seen is kept). Returns counts and the skipped table.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    output = Path(output)
    codebook = codebook or default_codebook()
    rules = default_furniture_rules()
    seen: set[str] = set()
    writer = None
    n_docs = n_statements = 0
    all_skipped: list[pd.DataFrame] = []
    header = True
    try:
        for records, skipped in iter_corpus_chunks(source, chunk_size, text_column=text_column, id_column=id_column,
                                                   columns=columns):
            fresh = []
            for rec in records:
                if rec["doc_id"] in seen:
                    skipped.append({"doc_id": rec["doc_id"], "source_path": rec.get("source_path", ""),
                                    "line": None, "reason": "duplicate doc_id"})
                else:
                    fresh.append(rec)
            docs, skipped_table = build_documents(fresh, rules), skipped_frame(skipped)
            seen.update(docs["doc_id"].tolist())
            statements = extract_statements(docs, codebook)
            n_docs += len(docs)
            n_statements += len(statements)
            if len(skipped_table):
                all_skipped.append(skipped_table)
            if output.suffix.lower() == ".parquet":
                table = pa.Table.from_pandas(statements, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(output, table.schema)
                writer.write_table(table.cast(writer.schema))
            else:
                statements.to_csv(output, mode="w" if header else "a", header=header, index=False)
                header = False
    finally:
        if writer is not None:
            writer.close()
    if writer is None and output.suffix.lower() == ".parquet":
        statements_frame([]).to_parquet(output, index=False)
    skipped_all = pd.concat(all_skipped, ignore_index=True) if all_skipped else skipped_frame([])
    log_skipped(skipped_all, source)
    return {"documents": n_docs, "statements": n_statements, "skipped": skipped_all}
