"""UN General Assembly votes on Ukraine beside the text-derived stance.

The reference table (``reference/unga_ukraine_votes.csv``, provenance in ``reference/README.md``)
holds each member state's recorded vote on ES-11/1 to ES-11/6. Votes map onto the stance scale:
no = +2 (sides with Moscow), abstain and non-voting = 0, yes = −2.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .codebook import Codebook, default_codebook
from .paths import REFERENCE_DIR

VOTE_STANCE = {"no": 2, "abstain": 0, "absent": 0, "yes": -2}
RESOLUTION_EVENTS = {"ES-11/1": "unga_es11_1_2022", "ES-11/2": "unga_es11_2_2022", "ES-11/3": "unga_es11_3_2022",
                     "ES-11/4": "unga_es11_4_2022", "ES-11/5": "unga_es11_5_2022", "ES-11/6": "unga_es11_6_2022"}


def load_votes(path: str | Path | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """The votes as a tidy table: resolution, event, date, country (ISO3), country_name, vote, vote_stance."""
    codebook = codebook or default_codebook()
    path = Path(path) if path else REFERENCE_DIR / "unga_ukraine_votes.csv"
    raw = pd.read_csv(path, dtype="string", keep_default_na=False)
    missing = {"resolution", "date", "country", "iso3", "vote"} - set(raw.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    bad = ~raw["vote"].isin(list(VOTE_STANCE))
    if bad.any():
        first = int(bad.idxmax())
        raise ValueError(f"{path}:{first + 2}: unknown vote {raw.loc[first, 'vote']!r}; expected {list(VOTE_STANCE)}")
    unknown = ~raw["resolution"].isin(list(RESOLUTION_EVENTS))
    if unknown.any():
        first = int(unknown.idxmax())
        raise ValueError(f"{path}:{first + 2}: resolution {raw.loc[first, 'resolution']!r} has no event in the catalogue")
    out = pd.DataFrame({
        "resolution": raw["resolution"],
        "event": raw["resolution"].map(RESOLUTION_EVENTS).astype("string"),
        "date": pd.to_datetime(raw["date"]).astype("datetime64[us]"),
        "country": raw["iso3"],
        "country_name": raw["iso3"].map(codebook.country_name).astype("string"),
        "vote": raw["vote"],
        "vote_stance": raw["vote"].map(VOTE_STANCE).astype("int8"),
    })
    return out


def vote_counts(votes: pd.DataFrame) -> pd.DataFrame:
    """yes / no / abstain / absent per resolution (to check against the published totals)."""
    return (votes.pivot_table(index="resolution", columns="vote", values="country", aggfunc="count", fill_value=0)
            .reindex(columns=["yes", "no", "abstain", "absent"], fill_value=0))


def words_near_votes(statements: pd.DataFrame, votes: pd.DataFrame, window_days: int = 60) -> pd.DataFrame:
    """For each country and resolution: its vote and the mean text stance within ``window_days``."""
    rows = []
    dated = statements.dropna(subset=["date"])
    for (res, when), group in votes.groupby(["resolution", "date"]):
        near = dated[(dated["date"] - when).abs() <= pd.Timedelta(days=window_days)]
        stats = near.groupby("country")["stance"].agg(["mean", "count"])
        for v in group.itertuples():
            if v.country in stats.index:
                rows.append({"country": v.country, "country_name": v.country_name, "resolution": res, "date": when,
                             "vote": v.vote, "vote_stance": int(v.vote_stance),
                             "text_stance": float(stats.loc[v.country, "mean"]), "n": int(stats.loc[v.country, "count"])})
    cols = ["country", "country_name", "resolution", "date", "vote", "vote_stance", "text_stance", "n"]
    return pd.DataFrame(rows, columns=cols)


def divergences(paired: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """Pairs where words and vote differ by at least ``threshold`` points, with a plain-words reading."""
    out = paired.assign(gap=paired["text_stance"] - paired["vote_stance"])
    out = out[out["gap"].abs() >= threshold].copy()
    out["reading"] = [
        ("speaks more against Moscow than it votes" if g < 0 else "speaks more for Moscow than it votes")
        for g in out["gap"]]
    return out.sort_values("gap").reset_index(drop=True)


def agreement(paired: pd.DataFrame) -> dict:
    """Spearman rank correlation between text stance near a vote and the vote, with its n."""
    n = len(paired)
    if n < 3 or paired["vote_stance"].nunique() < 2 or paired["text_stance"].nunique() < 2:
        return {"spearman": float("nan"), "n": n, "note": "too few pairs, or no variation, for a rank correlation"}
    # Spearman = Pearson on average ranks (no scipy needed)
    rho = paired["text_stance"].rank().corr(paired["vote_stance"].astype(float).rank())
    return {"spearman": float(rho), "n": n, "note": ""}
