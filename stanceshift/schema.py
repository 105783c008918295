"""Schemas of the tables the pipeline hands on, checked in code (the README documents them)."""
from __future__ import annotations

import pandas as pd

STATEMENT_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "sent_id": "int32",
    "start": "int64",
    "end": "int64",
    "quote": "string",
    "country": "string",
    "country_name": "string",
    "actor": "string",
    "stance": "int8",
    "stance_label": "string",
    "cues": "string",
    "event": "string",
    "date": "datetime64[us]",
    "date_precision": "string",
    "method": "string",
}
STANCE_LABELS = {-2: "opposes", -1: "distances", 0: "neutral", 1: "leans toward", 2: "backs"}
DATE_PRECISIONS = {"day", "week", "month", "year", "published", "unknown"}


class SchemaError(ValueError):
    """A table does not match its documented schema."""


def validate_statements(frame: pd.DataFrame) -> pd.DataFrame:
    """Check columns, dtypes and value rules of a statements table; return it unchanged."""
    missing = [c for c in STATEMENT_COLUMNS if c not in frame.columns]
    if missing:
        raise SchemaError(f"statements table lacks columns {missing}")
    for col, dtype in STATEMENT_COLUMNS.items():
        if str(frame[col].dtype) != dtype:
            raise SchemaError(f"statements column {col!r} has dtype {frame[col].dtype}, expected {dtype}")
    if len(frame):
        bad = ~frame["stance"].between(-2, 2)
        if bad.any():
            raise SchemaError(f"stance outside -2..2 in rows {list(frame.index[bad])[:10]}")
        labels = frame["stance"].map(STANCE_LABELS)
        if (labels != frame["stance_label"]).any():
            raise SchemaError("stance_label does not match stance")
        if (frame["start"] > frame["end"]).any():
            raise SchemaError("start after end")
        if not frame["country"].str.fullmatch(r"[A-Z]{3}").all():
            raise SchemaError("country must be an ISO 3166-1 alpha-3 code")
        bad_prec = ~frame["date_precision"].isin(DATE_PRECISIONS)
        if bad_prec.any():
            raise SchemaError(f"unknown date_precision values {set(frame.loc[bad_prec, 'date_precision'])}")
    return frame
