"""Read a corpus (folder of .txt, or a .csv / .jsonl / .parquet table) into a documents table.

Every input document ends up either in the documents table or in the skipped table with a reason;
problems that do not cost a document (bad bytes, a bad date, a missing metadata row) are logged.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .cleaning import FurnitureRules, clean_text, default_furniture_rules

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = {
    "doc_id": "string",
    "title": "string",
    "outlet": "string",
    "published": "datetime64[us]",
    "date_precision": "string",
    "url": "string",
    "text": "string",
    "text_raw": "string",
    "n_chars": "int64",
    "n_words": "int64",
    "source_path": "string",
    "offset_map": "string",
    "n_removed_lines": "int64",
}
SKIPPED_COLUMNS = {"doc_id": "string", "source_path": "string", "line": "Int64", "reason": "string"}
METADATA_FIELDS = ("title", "outlet", "published", "date_precision", "url")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
TABLE_SUFFIXES = {".csv", ".jsonl", ".parquet"}
NUL = bytes(1)


class CorpusError(ValueError):
    """The corpus cannot be read at all (missing path, missing column, unknown format)."""


def load_corpus(
    source: str | Path,
    *,
    text_column: str = "text",
    id_column: str = "doc_id",
    columns: dict[str, str] | None = None,
    metadata: str | Path | None = None,
    furniture: FurnitureRules | None = None,
    return_skipped: bool = False,
    engine: str = "pandas",
    **engine_options,
):
    """Load a corpus into a documents DataFrame (see the README's data dictionary).

    ``source`` is a folder of ``.txt`` files (an optional ``metadata.csv`` beside them is joined on
    doc_id = file stem) or a ``.csv`` / ``.jsonl`` / ``.parquet`` file with a text column.
    ``columns`` renames table columns onto ours, e.g. ``{"body": "text", "headline": "title"}``.
    With ``return_skipped=True`` returns ``(documents, skipped)``. ``engine="dask"`` returns a
    lazily partitioned dask DataFrame instead (see :mod:`stanceshift.scale`).
    """
    if engine == "dask":
        from .scale import load_corpus_dask

        return load_corpus_dask(source, text_column=text_column, id_column=id_column,
                                columns=columns, furniture=furniture, **engine_options)
    if engine != "pandas":
        raise ValueError(f"engine must be 'pandas' or 'dask', not {engine!r}")
    path = Path(source).expanduser()
    if not path.exists():
        raise CorpusError(f"corpus path does not exist: {path}")
    rules = furniture or default_furniture_rules()
    if path.is_dir():
        records, skipped = _read_folder(path, metadata)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        records, skipped = _read_table(path, text_column=text_column, id_column=id_column, columns=columns)
    else:
        raise CorpusError(f"{path}: not a folder or a .csv/.jsonl/.parquet file")
    records, skipped = _drop_duplicates(records, skipped)
    docs = build_documents(records, rules)
    skipped_table = skipped_frame(skipped)
    log_skipped(skipped_table, path)
    docs.attrs["n_skipped"] = int(len(skipped_table))
    return (docs, skipped_table) if return_skipped else docs


def log_skipped(skipped: pd.DataFrame, source) -> None:
    """One warning that counts and names every skipped document."""
    if len(skipped):
        log.warning("%d document(s) skipped while loading %s: %s", len(skipped), source,
                    "; ".join(f"{r.source_path}:{'' if pd.isna(r.line) else r.line} {r.reason}"
                              for r in skipped.itertuples()))


def build_documents(records: Iterable[dict], rules: FurnitureRules | None = None) -> pd.DataFrame:
    """Clean raw records (doc_id, text_raw, metadata) into a typed documents table."""
    rules = rules or default_furniture_rules()
    columns: dict[str, list] = {col: [] for col in DOCUMENT_COLUMNS}
    for rec in records:
        cleaned = clean_text(rec["text_raw"], rules)
        text = cleaned.text
        values = {
            "doc_id": rec["doc_id"],
            "title": rec.get("title") or _first_line(text),
            "outlet": rec.get("outlet") or "",
            "published": rec.get("published"),
            "date_precision": rec.get("date_precision") or ("unknown" if rec.get("published") is None else "day"),
            "url": rec.get("url") or "",
            "text": text,
            "text_raw": rec["text_raw"],
            "n_chars": len(text),
            "n_words": len(text.split()),
            "source_path": rec.get("source_path", ""),
            "offset_map": cleaned.offset_map_json(),
            "n_removed_lines": len(cleaned.removed),
        }
        for col, value in values.items():
            columns[col].append(value)
    return _typed_columns(columns, DOCUMENT_COLUMNS)


def _typed_columns(columns: dict[str, list], schema: dict[str, str]) -> pd.DataFrame:
    """Columns of Python values to a typed frame, one column at a time (each list is released as it
    is converted, so a large corpus is not held twice)."""
    n = len(next(iter(columns.values()))) if columns else 0
    out = {}
    for col, dtype in schema.items():
        values = columns.pop(col)
        if dtype.startswith("datetime"):
            out[col] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(dtype).array
        elif dtype == "string":
            out[col] = pd.array(["" if v is None else v for v in values], dtype="string")
        else:
            out[col] = pd.array(values, dtype=dtype) if values else pd.array([], dtype=dtype)
        del values
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0].strip()
    return line[:200]


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("%s: invalid UTF-8 at byte offset %d; decoded with replacement characters",
                    path, exc.start)
        return data.decode("utf-8", errors="replace")


def _read_folder(folder: Path, metadata: str | Path | None) -> tuple[list[dict], list[dict]]:
    meta_path, meta = folder_metadata(folder, metadata)
    files = folder_files(folder)
    records, skipped = read_txt_files(files, meta, meta_path)
    return records, skipped + orphan_metadata_rows(files, meta, meta_path)


def folder_files(folder: Path) -> list[Path]:
    """The corpus files of a folder, in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")


def folder_metadata(folder: Path, metadata: str | Path | None) -> tuple[Path, dict[str, dict]]:
    """The metadata sidecar's path and its rows by doc_id (empty when there is none)."""
    meta_path = Path(metadata) if metadata else folder / "metadata.csv"
    return meta_path, (_read_metadata(meta_path) if meta_path.exists() else {})


def read_txt_files(files: list[Path], meta: dict[str, dict], meta_path: Path) -> tuple[list[dict], list[dict]]:
    """Raw records of .txt files joined with their metadata rows, and the files that were skipped."""
    records, skipped = [], []
    for p in files:
        data = p.read_bytes()
        if not data.strip():
            skipped.append({"doc_id": p.stem, "source_path": str(p), "line": None, "reason": "empty file"})
            continue
        if NUL in data:
            skipped.append({"doc_id": p.stem, "source_path": str(p), "line": None,
                            "reason": f"binary file (NUL byte at offset {data.index(NUL)})"})
            continue
        rec = {"doc_id": p.stem, "text_raw": _decode(p, data), "source_path": str(p)}
        if p.stem in meta:
            rec.update({k: v for k, v in meta[p.stem].items() if k != "_line"})
        elif meta:
            log.warning("%s: no row in %s; title falls back to the first line", p, meta_path)
        records.append(rec)
    return records, skipped


def orphan_metadata_rows(files: list[Path], meta: dict[str, dict], meta_path: Path) -> list[dict]:
    """Skipped rows for metadata that names no file."""
    stems = {p.stem for p in files}
    return [{"doc_id": doc_id, "source_path": str(meta_path), "line": row["_line"],
             "reason": "metadata row without a file"} for doc_id, row in meta.items() if doc_id not in stems]


def _read_metadata(path: Path) -> dict[str, dict]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "doc_id" not in frame.columns:
        raise CorpusError(f"{path}: metadata has no 'doc_id' column (columns: {list(frame.columns)})")
    out: dict[str, dict] = {}
    for i, row in enumerate(frame.to_dict("records")):
        line = i + 2
        rec = {k: row.get(k) or None for k in METADATA_FIELDS}
        rec["_line"] = line
        rec.update(_parse_published(row.get("published"), row.get("date_precision"), f"{path}:{line}"))
        if row["doc_id"] in out:
            log.warning("%s:%d: duplicate doc_id %r in metadata; the first row is kept", path, line, row["doc_id"])
            continue
        out[row["doc_id"]] = rec
    return out


def _parse_published(value, precision, where: str) -> dict:
    if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
        return {"published": None, "date_precision": "unknown"}
    ts = pd.to_datetime(str(value).strip(), errors="coerce", format="mixed")
    if pd.isna(ts):
        log.warning("%s: unparseable date %r; published set to NaT", where, value)
        return {"published": None, "date_precision": "unknown"}
    if getattr(ts, "tzinfo", None) is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    precision = (precision or "day").strip().lower()
    if precision not in DATE_PRECISIONS:
        log.warning("%s: unknown date_precision %r; using 'day'", where, precision)
        precision = "day"
    return {"published": ts.normalize(), "date_precision": precision}


def _read_table(path: Path, *, text_column: str, id_column: str,
                columns: dict[str, str] | None) -> tuple[list[dict], list[dict]]:
    frame, line_offset, skipped = _read_table_frame(path)
    records, more = records_from_frame(frame, str(path), line_offset, text_column=text_column,
                                       id_column=id_column, columns=columns)
    return records, skipped + more


def records_from_frame(frame: pd.DataFrame, source: str, line_offset: int | None, *, text_column: str = "text",
                       id_column: str = "doc_id", columns: dict[str, str] | None = None) -> tuple[list[dict], list[dict]]:
    """Raw records and skipped rows from one table (or one chunk or partition of it).

    ``line_offset`` turns the frame's index into file line numbers; None when they are unknown.
    """
    if columns:
        frame = frame.rename(columns=columns)
    if text_column not in frame.columns:
        raise CorpusError(f"{source}: no text column {text_column!r} (columns: {list(frame.columns)}); "
                          "pass text_column= or columns={{...: 'text'}}")
    records, skipped = [], []
    ids = frame[id_column].astype(str).tolist() if id_column in frame.columns else None
    for i, row in enumerate(frame.to_dict("records")):
        line = int(frame.index[i]) + line_offset if line_offset is not None else None
        doc_id = ids[i] if ids else f"{Path(source).stem}-{line if line is not None else i}"
        where = f"{source}:{line}" if line is not None else f"{source} (doc_id {doc_id})"
        text = row.get(text_column)
        if not has_text(text):
            skipped.append({"doc_id": doc_id, "source_path": source, "line": line, "reason": "empty text"})
            continue
        rec = {"doc_id": doc_id, "text_raw": str(text), "source_path": where}
        for k in ("title", "outlet", "url"):
            v = row.get(k)
            rec[k] = None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
        rec.update(_parse_published(row.get("published"), row.get("date_precision"), where))
        records.append(rec)
    return records, skipped


def has_text(value) -> bool:
    """Whether a text cell holds a document (None, NaN and blank text do not)."""
    return not (value is None or (isinstance(value, float) and np.isnan(value)) or not str(value).strip())


def _read_table_frame(path: Path) -> tuple[pd.DataFrame, int, list[dict]]:
    """The table, the offset from its index to a line number, and rows that could not be read."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False), 2, []
    if suffix == ".parquet":
        return pd.read_parquet(path), 1, []
    frame, skipped = next(jsonl_frames(path))
    return frame, 1, skipped


def jsonl_frames(path: Path, chunk_size: int | None = None):
    """The objects of a JSONL file as DataFrames of ``chunk_size`` rows (all in one when None),
    indexed by line number - 1, each with the bad lines met since the previous one."""
    rows, index, skipped = [], [], []
    for n, obj, bad in iter_jsonl(path):
        if bad:
            skipped.append(bad)
        else:
            rows.append(obj)
            index.append(n - 1)
        if chunk_size and len(rows) >= chunk_size:
            yield pd.DataFrame(rows, index=index), skipped
            rows, index, skipped = [], [], []
    if rows or skipped or not chunk_size:
        yield pd.DataFrame(rows, index=index), skipped


def iter_jsonl(path: Path):
    """(line number, object, None) for each JSON object line, or (line, None, skipped row) for a bad one."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(_decode(Path(f"{path}:{n}"), raw))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield n, None, {"doc_id": f"{path.stem}-{n}", "source_path": str(path), "line": n,
                                "reason": f"invalid JSON line: {exc}"}
                continue
            yield n, obj, None


def _drop_duplicates(records: list[dict], skipped: list[dict]) -> tuple[list[dict], list[dict]]:
    seen: dict[str, str] = {}
    kept = []
    for rec in records:
        if rec["doc_id"] in seen:
            skipped.append({"doc_id": rec["doc_id"], "source_path": rec.get("source_path", ""), "line": None,
                            "reason": f"duplicate doc_id (first seen at {seen[rec['doc_id']]})"})
            continue
        seen[rec["doc_id"]] = rec.get("source_path", "")
        kept.append(rec)
    return kept, skipped


def skipped_frame(skipped: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(skipped, columns=list(SKIPPED_COLUMNS))
    return frame.astype(SKIPPED_COLUMNS)
