"""Charts of stance toward Moscow, made to be read at a glance and printed in grey.

Conventions: the stance axis runs from "opposes Moscow (−2)" to "backs Moscow (+2)"; colours come
from a diverging palette centred on 0 and every stance also has its own marker shape, so a
grey-scale print still separates them; countries are named, not coded; event labels are staggered
so they do not collide. An empty selection draws a message in place of the chart.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .codebook import Codebook, default_codebook  # noqa: E402

STANCE_TICKS = {-2: "opposes Moscow (−2)", -1: "distances (−1)", 0: "neutral / mixed (0)",
                1: "leans toward (+1)", 2: "backs Moscow (+2)"}
STANCE_COLORS = {-2: "#2166ac", -1: "#67a9cf", 0: "#969696", 1: "#ef8a62", 2: "#b2182b"}
STANCE_MARKERS = {-2: "v", -1: "<", 0: "o", 1: ">", 2: "^"}
CMAP = "RdBu_r"


def empty_figure(message: str, figsize=(8, 2.2)) -> plt.Figure:
    """A figure that says why there is nothing to show."""
    fig, ax = plt.subplots(figsize=figsize)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, wrap=True)
    return fig


def save_figure(fig: plt.Figure, directory: str | Path, name: str, formats=("png", "svg")) -> list[Path]:
    """Write the figure in each format and close it; return the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = directory / f"{name}.{fmt}"
        fig.savefig(path, dpi=150, bbox_inches="tight")
        paths.append(path)
    return paths


def _stance_axis(ax, axis="y") -> None:
    ticks = list(STANCE_TICKS)
    if axis == "y":
        ax.set_yticks(ticks, [STANCE_TICKS[t] for t in ticks])
        ax.set_ylim(-2.6, 2.6)
        ax.axhline(0, color="#444444", lw=0.8, zorder=1)
    else:
        ax.set_xticks(ticks, [STANCE_TICKS[t].replace(" (", "\n(") for t in ticks])
        ax.set_xlim(-2.4, 2.4)
        ax.axvline(0, color="#444444", lw=0.8, zorder=1)


def _draw_events(ax, codebook: Codebook, events: list[str] | None, lo: pd.Timestamp, hi: pd.Timestamp,
                 label: bool = True) -> None:
    """Grey bands for events; labels in three staggered rows above the data, never clipped."""
    shown = [e for e in codebook.events if (not events or e.id in events)
             and pd.Timestamp(e.end) >= lo and pd.Timestamp(e.start) <= hi]
    width = max((hi - lo).days, 1)
    row_free_from: dict[int, float] = {}
    for e in sorted(shown, key=lambda e: e.start):
        x0, x1 = pd.Timestamp(e.start), pd.Timestamp(e.end) + pd.Timedelta(days=1)
        ax.axvspan(x0, x1, color="#d9d9d9", alpha=0.7, zorder=0, lw=0)
        if not label:
            continue
        frac = (x0 - lo).days / width
        text_frac = len(e.label) * 0.0075 + 0.01  # rough width of the label in axis fractions
        right_side = frac + text_frac > 1.0
        start_frac = frac - text_frac if right_side else frac
        row = next((r for r in range(3) if row_free_from.get(r, -1.0) <= start_frac), 0)
        row_free_from[row] = start_frac + text_frac
        ax.annotate(e.label, xy=(x0 if not right_side else x1, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3 + 11 * row), textcoords="offset points", fontsize=7.5, color="#252525",
                    ha="right" if right_side else "left", va="bottom", annotation_clip=False,
                    arrowprops=dict(arrowstyle="-", color="#969696", lw=0.6, shrinkA=0, shrinkB=0))


def stance_timeline(statements: pd.DataFrame, country_name: str, *, codebook: Codebook | None = None,
                    events: list[str] | None = None, freq: str = "MS", ax=None, seed: int = 0,
                    label_events: bool = True, event_bands: bool = True):
    """One country's statements over time (jittered points) with a mean line per period.

    ``event_bands=False`` leaves the event bands to the caller, which may widen the axis afterwards.
    """
    codebook = codebook or default_codebook()
    data = statements[statements["country_name"] == country_name].dropna(subset=["date"])
    own_fig = ax is None
    if data.empty:
        return empty_figure(f"No statements for {country_name} in this selection.") if own_fig else ax.text(
            0.5, 0.5, f"No statements for {country_name}", transform=ax.transAxes, ha="center")
    if own_fig:
        fig, ax = plt.subplots(figsize=(10, 4.2))
    rng = np.random.default_rng(seed)
    dates = data["date"]
    span_days = max((dates.max() - dates.min()).days, 30)
    pad = pd.Timedelta(days=max(10, span_days * 0.06))
    lo, hi = dates.min() - pad, dates.max() + pad
    if event_bands:
        _draw_events(ax, codebook, events, lo, hi, label=label_events)
    jitter_x = pd.to_timedelta(rng.uniform(-1, 1, len(data)) * max(1.0, span_days * 0.006), unit="D")
    jitter_y = rng.uniform(-0.18, 0.18, len(data))
    for value in STANCE_TICKS:
        mask = (data["stance"] == value).to_numpy()
        if mask.any():
            ax.scatter(dates[mask] + jitter_x[mask], data["stance"][mask] + jitter_y[mask], s=36,
                       marker=STANCE_MARKERS[value], color=STANCE_COLORS[value], edgecolor="black", lw=0.4,
                       zorder=3, label=STANCE_TICKS[value])
    alias = {"MS": "M", "W": "W", "QS": "Q"}.get(freq, freq)
    # each period's mean is drawn at the mean date of its statements, so it sits among its points
    periods = data.groupby(data["date"].dt.to_period(alias)).agg(x=("date", "mean"), y=("stance", "mean"))
    if len(periods):
        ax.plot(periods["x"], periods["y"], color="black", lw=1.6, marker="s", ms=5, zorder=4, label="mean per period")
    ax.set_xlim(lo, hi)
    _stance_axis(ax)
    ax.set_xlabel("date of statement")
    ax.set_title(f"{country_name}: stance toward Moscow's war, per statement (n={len(data)})", loc="left",
                 pad=40 if label_events else 6)
    fig = ax.figure
    if own_fig:
        fig.autofmt_xdate()  # not in small multiples: it would hide the labels of all but the last row
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return fig


def small_multiples(statements: pd.DataFrame, *, min_statements: int = 1, codebook: Codebook | None = None,
                    events: list[str] | None = None, freq: str = "MS", ncols: int = 3):
    """A timeline panel per country with at least ``min_statements`` statements, shared axes."""
    codebook = codebook or default_codebook()
    data = statements.dropna(subset=["date"])
    counts = data.groupby("country_name").size()
    names = counts[counts >= min_statements].sort_values(ascending=False).index.tolist()
    if not names:
        return empty_figure(f"No country has at least {min_statements} dated statements in this selection.")
    nrows = int(np.ceil(len(names) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 3.0 * nrows), sharey=True, squeeze=False)
    lo, hi = data["date"].min() - pd.Timedelta(days=20), data["date"].max() + pd.Timedelta(days=20)
    for ax, name in zip(axes.flat, names):
        stance_timeline(data, name, codebook=codebook, events=events, freq=freq, ax=ax, label_events=False)
        ax.set_xlim(lo, hi)
        ax.set_title(f"{name} (n={int(counts[name])})", loc="left", fontsize=10)
        ax.set_xlabel("")
        ax.tick_params(axis="x", labelsize=7, rotation=30)
        ax.tick_params(axis="y", labelsize=7)
    for ax in list(axes.flat)[len(names):]:
        ax.axis("off")
    fig.suptitle("Stance toward Moscow by country (points: statements; black line: mean per period; grey bands: events)",
                 x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def shift_chart(shifts: pd.DataFrame):
    """Ranked change of each country's mean stance, earliest to latest period."""
    if shifts.empty:
        return empty_figure("No country has statements in two or more periods, so no shift can be measured.")
    data = shifts.sort_values("shift")
    fig, ax = plt.subplots(figsize=(8.5, 0.45 * len(data) + 1.6))
    y = np.arange(len(data))
    cmap = matplotlib.colormaps[CMAP]
    colors = [cmap((v + 4) / 8) for v in data["shift"]]
    ax.barh(y, data["shift"], color=colors, edgecolor="black", lw=0.5, hatch=None)
    for yi, row in zip(y, data.itertuples()):
        label = (f"{row.first_mean:+.1f} ({row.first_period:%b %Y}, n={row.n_first}) → "
                 f"{row.last_mean:+.1f} ({row.last_period:%b %Y}, n={row.n_last})")
        ax.text(0.02 if row.shift < 0 else -0.02, yi, label, va="center", ha="left" if row.shift < 0 else "right",
                fontsize=7.5, color="#252525")
    ax.set_yticks(y, data["country_name"])
    ax.axvline(0, color="black", lw=0.8)
    lim = max(1.0, float(data["shift"].abs().max()) * 1.15)
    ax.set_xlim(-lim, lim)
    ax.set_xlabel("change in mean stance (points on the −2…+2 scale)\n← toward opposing Moscow | toward backing Moscow →")
    ax.set_title("Shift in stance toward Moscow between each country's earliest and latest period", loc="left")
    fig.tight_layout()
    return fig


def event_heatmap(table: pd.DataFrame, codebook: Codebook | None = None):
    """Country × event mean stance with n in each cell."""
    codebook = codebook or default_codebook()
    if table.empty:
        return empty_figure("No statement in this selection is linked to an event.")
    order = [e.id for e in sorted(codebook.events, key=lambda e: e.start) if e.id in set(table["event"])]
    means = table.pivot(index="country_name", columns="event", values="mean_stance").reindex(columns=order)
    counts = table.pivot(index="country_name", columns="event", values="n").reindex(columns=order)
    fig, ax = plt.subplots(figsize=(1.3 * len(order) + 3.5, 0.5 * len(means) + 2.4))
    im = ax.imshow(means.to_numpy(dtype=float), cmap=CMAP, vmin=-2, vmax=2, aspect="auto")
    for i in range(means.shape[0]):
        for j in range(means.shape[1]):
            v, n = means.iat[i, j], counts.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{v:+.1f}\nn={int(n)}", ha="center", va="center", fontsize=7.5,
                        color="white" if abs(v) > 1.2 else "black")
    labels = {e.id: e.label for e in codebook.events}
    ax.set_xticks(range(len(order)), [labels[e] for e in order], rotation=30, ha="right", fontsize=9)
    ax.set_yticks(range(len(means)), means.index)
    cbar = fig.colorbar(im, ax=ax, ticks=list(STANCE_TICKS), shrink=0.8)
    cbar.ax.set_yticklabels(list(STANCE_TICKS.values()), fontsize=7)
    ax.set_title("Mean stance toward Moscow by country and event (blank: no statement)", loc="left")
    fig.tight_layout()
    return fig


def dumbbell(table: pd.DataFrame, event_name: str, window_days: int):
    """Before/after mean stance per country around one event, with the change and n."""
    data = table.dropna(subset=["mean_before", "mean_after"], how="all")
    if data.empty:
        return empty_figure(f"No statements within {window_days} days of {event_name} in this selection.")
    data = data.sort_values("change", na_position="first")
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(data) + 1.8))
    y = np.arange(len(data))
    for yi, r in zip(y, data.itertuples()):
        if pd.notna(r.mean_before) and pd.notna(r.mean_after):
            ax.plot([r.mean_before, r.mean_after], [yi, yi], color="#737373", lw=2, zorder=1)
        if pd.notna(r.mean_before):
            ax.scatter(r.mean_before, yi, s=60, marker="o", facecolor="white", edgecolor="black", zorder=2,
                       label="before" if yi == 0 else None)
        if pd.notna(r.mean_after):
            ax.scatter(r.mean_after, yi, s=60, marker="D", color="black", zorder=3, label="after" if yi == 0 else None)
        change = "" if pd.isna(r.change) else f"Δ {r.change:+.1f}  "
        ax.text(2.45, yi, f"{change}n={r.n_before}→{r.n_after}", va="center", fontsize=8)
    ax.set_yticks(y, data["country_name"])
    _stance_axis(ax, axis="x")
    ax.set_xlim(-2.4, 3.6)
    ax.set_title(f"Before (○) and after (◆) {event_name}: mean stance within {window_days} days", loc="left")
    fig.tight_layout()
    return fig


def words_and_votes(statements: pd.DataFrame, votes: pd.DataFrame, country_name: str, codebook: Codebook | None = None):
    """A country's text stance over time with its UN General Assembly votes as large markers."""
    codebook = codebook or default_codebook()
    v = votes[votes["country_name"] == country_name]
    s = statements[statements["country_name"] == country_name]
    if s.empty and v.empty:
        return empty_figure(f"No statements and no votes for {country_name}.")
    fig, ax = plt.subplots(figsize=(10, 4))
    if not s.empty:
        stance_timeline(statements, country_name, codebook=codebook, ax=ax, event_bands=False)
    dates = pd.concat([s["date"], v["date"]]).dropna()
    lo, hi = dates.min() - pd.Timedelta(days=30), dates.max() + pd.Timedelta(days=30)
    # only the events this country's statements are linked to: a band per catalogue event (24) said nothing
    linked = sorted(set(s["event"].dropna()) - {""})
    if linked:
        _draw_events(ax, codebook, linked, lo, hi, label=True)
    for i, r in enumerate(v.sort_values("date").itertuples()):
        ax.scatter(r.date, r.vote_stance, s=160, marker="*", color="gold", edgecolor="black", lw=0.8, zorder=6)
        # staggered so votes weeks apart (ES-11/1, /2, /3) do not print over each other
        ax.annotate(f"{r.resolution.replace('ES-11/', '')}: {r.vote}", (r.date, r.vote_stance),
                    xytext=(0, -16 - 10 * (i % 3)) if r.vote_stance > 0 else (0, 9 + 10 * (i % 3)),
                    textcoords="offset points", ha="center", fontsize=7, annotation_clip=False)
    ax.scatter([], [], s=160, marker="*", color="gold", edgecolor="black", label="UN General Assembly vote")
    ax.set_xlim(lo, hi)
    _stance_axis(ax)
    ax.set_title(f"{country_name}: what it said (points) and how it voted (stars: ES-11 resolution number and vote)",
                 loc="left", pad=40 if linked else 6)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return fig
