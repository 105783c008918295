"""Statements -> aggregates for the charts: by country and period, by country and event, shifts,
and before/after an event. Every function takes a pandas or a dask DataFrame of statements; with
dask only the grouped sums and counts are brought into this process, never the statements.
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd

from .codebook import Codebook, default_codebook


def _collect(frame):
    """Compute a dask result; pass pandas through."""
    return frame.compute() if hasattr(frame, "compute") and not isinstance(frame, pd.DataFrame) else frame


def filter_statements(statements: pd.DataFrame, countries: list[str] | None = None,
                      date_from: str | None = None, date_to: str | None = None,
                      events: list[str] | None = None) -> pd.DataFrame:
    """Keep the statements of the given countries (ISO3), dates and events; empty filters keep all."""
    out = statements
    if countries:
        out = out[out["country"].isin([c.upper() for c in countries])]
    if date_from:
        out = out[out["date"] >= pd.Timestamp(date_from)]
    if date_to:
        out = out[out["date"] <= pd.Timestamp(date_to)]
    if events:
        out = out[out["event"].isin(events)]
    return out


def by_country_period(statements, freq: str = "MS") -> pd.DataFrame:
    """Mean stance and n per country and period (freq "MS" month, "W" week, "QS" quarter)."""
    s = statements.assign(period=_period_column(statements["date"], freq))
    grouped = s.groupby(["country", "country_name", "period"])["stance"].agg(["sum", "count"])
    out = _collect(grouped).reset_index()
    out["mean_stance"] = out["sum"] / out["count"]
    return out.rename(columns={"count": "n"}).drop(columns="sum").sort_values(["country", "period"]).reset_index(drop=True)


def _period_column(dates, freq: str):
    """Period start of each date, for a pandas or a dask Series."""
    alias = _period_alias(freq)

    def start(series: pd.Series) -> pd.Series:
        return series.dt.to_period(alias).dt.start_time.astype("datetime64[us]")

    if isinstance(dates, pd.Series):
        return start(dates)
    return dates.map_partitions(start, meta=("date", "datetime64[us]"))


def _period_alias(freq: str) -> str:
    return {"MS": "M", "ME": "M", "M": "M", "W": "W", "QS": "Q", "QE": "Q", "Q": "Q", "YS": "Y", "Y": "Y", "D": "D"}.get(freq, freq)


def by_country_event(statements) -> pd.DataFrame:
    """Mean stance and n per country and linked event (statements without an event left out)."""
    s = statements[statements["event"] != ""]
    grouped = s.groupby(["country", "country_name", "event"])["stance"].agg(["sum", "count"])
    out = _collect(grouped).reset_index()
    out["mean_stance"] = out["sum"] / out["count"]
    return out.rename(columns={"count": "n"}).drop(columns="sum").sort_values(["country", "event"]).reset_index(drop=True)


def shift_by_country(statements, freq: str = "MS", min_statements: int = 1) -> pd.DataFrame:
    """Each country's change in mean stance between its earliest and latest period with data."""
    per = by_country_period(statements, freq)
    per = per[per["n"] >= 1]
    rows = []
    for (iso, name), g in per.groupby(["country", "country_name"]):
        g = g.sort_values("period")
        if g["n"].sum() < min_statements or len(g) < 2:
            continue
        first, last = g.iloc[0], g.iloc[-1]
        rows.append({"country": iso, "country_name": name, "first_period": first["period"],
                     "last_period": last["period"], "first_mean": first["mean_stance"], "last_mean": last["mean_stance"],
                     "n_first": int(first["n"]), "n_last": int(last["n"]), "shift": last["mean_stance"] - first["mean_stance"]})
    cols = ["country", "country_name", "first_period", "last_period", "first_mean", "last_mean", "n_first", "n_last", "shift"]
    return pd.DataFrame(rows, columns=cols).sort_values("shift").reset_index(drop=True)


def before_after(statements: pd.DataFrame, event_id: str, window_days: int = 30,
                 codebook: Codebook | None = None, dated_only: bool = False) -> pd.DataFrame:
    """Per country: mean stance in the window before the event's start and after its end.

    ``dated_only=True`` leaves out statements dated only by their article's publication date
    (precision "published"): such a statement may predate the article, so near an event it may fall
    on the wrong side.
    """
    codebook = codebook or default_codebook()
    event = codebook.event(event_id)
    if event is None:
        raise ValueError(f"unknown event {event_id!r}; known: {[e.id for e in codebook.events]}")
    start, end = pd.Timestamp(event.start), pd.Timestamp(event.end)
    w = timedelta(days=window_days)
    s = _collect(statements)
    if dated_only:
        s = s[s["date_precision"] != "published"]
    before = s[(s["date"] >= start - w) & (s["date"] < start)]
    after = s[(s["date"] > end) & (s["date"] <= end + w)]
    during = s[(s["date"] >= start) & (s["date"] <= end)]
    after = pd.concat([during, after])  # statements at the event count as its outcome
    def summary(part: pd.DataFrame, side: str) -> pd.DataFrame:
        g = part.groupby(["country", "country_name"])["stance"].agg(["mean", "count"])
        return g.rename(columns={"mean": f"mean_{side}", "count": f"n_{side}"})
    out = summary(before, "before").join(summary(after, "after"), how="outer").reset_index()
    out[["n_before", "n_after"]] = out[["n_before", "n_after"]].fillna(0).astype("int64")
    out["change"] = out["mean_after"] - out["mean_before"]
    out.insert(0, "event", event_id)
    return out.sort_values(["change", "country"], na_position="last").reset_index(drop=True)
