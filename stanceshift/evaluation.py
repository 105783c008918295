"""Agreement between extracted statements and hand-coded gold annotations.

A predicted row matches a gold row when both have the same document and holder country and one
quote contains the other (whitespace-normalised), so sentence-splitting differences do not count as
errors. Scores: holder precision/recall/F1, stance sign accuracy, macro-F1 over {-, 0, +}, mean
absolute stance error, and event accuracy, all on matched pairs except the holder scores.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .paths import SEEDS_DIR

GOLD_COLUMNS = ["doc_id", "quote", "country", "stance", "event"]


def load_annotations(path: str | Path | None = None) -> pd.DataFrame:
    """Read a gold file (doc_id, quote, country, stance, event[, note])."""
    path = Path(path) if path else SEEDS_DIR / "annotations.csv"
    gold = pd.read_csv(path, dtype={"doc_id": "string", "quote": "string", "country": "string", "event": "string"},
                       keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    gold["stance"] = gold["stance"].astype("int8")
    return gold


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _sign(v: int) -> str:
    return "-" if v < 0 else "+" if v > 0 else "0"


@dataclass
class Evaluation:
    scores: dict[str, float]
    pairs: pd.DataFrame
    misses: pd.DataFrame
    confusion: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __repr__(self) -> str:
        return "Evaluation(" + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                         for k, v in self.scores.items()) + ")"


def evaluate(pred: pd.DataFrame, gold: pd.DataFrame) -> Evaluation:
    """Score predicted statements against gold annotations; list every miss."""
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    pred_q = [_norm(q) for q in pred["quote"]]
    gold_q = [_norm(q) for q in gold["quote"]]
    used_pred: set[int] = set()
    pairs = []
    for gi, g in gold.iterrows():
        match = None
        for pi in pred.index[(pred["doc_id"] == g["doc_id"]) & (pred["country"] == g["country"])]:
            if pi in used_pred:
                continue
            if gold_q[gi] in pred_q[pi] or pred_q[pi] in gold_q[gi]:
                match = pi
                break
        if match is not None:
            used_pred.add(match)
            p = pred.loc[match]
            pairs.append({"doc_id": g["doc_id"], "country": g["country"], "quote": g["quote"],
                          "gold_stance": int(g["stance"]), "pred_stance": int(p["stance"]),
                          "gold_event": g["event"], "pred_event": p["event"], "cues": p["cues"]})
    pairs = pd.DataFrame(pairs, columns=["doc_id", "country", "quote", "gold_stance", "pred_stance",
                                         "gold_event", "pred_event", "cues"])
    tp = len(pairs)
    precision = tp / len(pred) if len(pred) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    gs = pairs["gold_stance"].map(_sign)
    ps = pairs["pred_stance"].map(_sign)
    scores = {
        "n_gold": len(gold), "n_pred": len(pred), "n_matched": tp,
        "holder_precision": precision, "holder_recall": recall, "holder_f1": f1,
        "stance_sign_accuracy": float((gs == ps).mean()) if tp else 0.0,
        "stance_macro_f1": _macro_f1(gs, ps),
        "stance_mae": float((pairs["gold_stance"] - pairs["pred_stance"]).abs().mean()) if tp else float("nan"),
        "event_accuracy": float((pairs["gold_event"] == pairs["pred_event"]).mean()) if tp else 0.0,
    }
    confusion = pd.crosstab(gs.rename("gold"), ps.rename("predicted")).reindex(
        index=["-", "0", "+"], columns=["-", "0", "+"], fill_value=0)
    misses = _misses(pred, gold, pairs, used_pred)
    return Evaluation(scores, pairs, misses, confusion)


def _macro_f1(gold: pd.Series, pred: pd.Series) -> float:
    if not len(gold):
        return 0.0
    f1s = []
    for label in ["-", "0", "+"]:
        tp = int(((gold == label) & (pred == label)).sum())
        fp = int(((gold != label) & (pred == label)).sum())
        fn = int(((gold == label) & (pred != label)).sum())
        if tp + fp + fn == 0:
            continue
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(np.mean(f1s))


def _misses(pred, gold, pairs, used_pred) -> pd.DataFrame:
    rows = []
    matched_keys = {(r.doc_id, r.country, r.quote) for r in pairs.itertuples()}
    for g in gold.itertuples():
        if (g.doc_id, g.country, g.quote) not in matched_keys:
            rows.append({"kind": "missed holder", "doc_id": g.doc_id, "country": g.country, "gold": int(g.stance),
                         "predicted": None, "gold_event": g.event, "pred_event": "", "quote": g.quote, "cues": ""})
    for pi in pred.index:
        if pi not in used_pred:
            p = pred.loc[pi]
            rows.append({"kind": "spurious holder", "doc_id": p["doc_id"], "country": p["country"], "gold": None,
                         "predicted": int(p["stance"]), "gold_event": "", "pred_event": p["event"],
                         "quote": p["quote"], "cues": p["cues"]})
    for r in pairs.itertuples():
        if _sign(r.gold_stance) != _sign(r.pred_stance):
            rows.append({"kind": "wrong stance", "doc_id": r.doc_id, "country": r.country, "gold": r.gold_stance,
                         "predicted": r.pred_stance, "gold_event": r.gold_event, "pred_event": r.pred_event,
                         "quote": r.quote, "cues": r.cues})
        if r.gold_event != r.pred_event:
            rows.append({"kind": "wrong event", "doc_id": r.doc_id, "country": r.country, "gold": r.gold_stance,
                         "predicted": r.pred_stance, "gold_event": r.gold_event, "pred_event": r.pred_event,
                         "quote": r.quote, "cues": r.cues})
    return pd.DataFrame(rows, columns=["kind", "doc_id", "country", "gold", "predicted", "gold_event",
                                       "pred_event", "quote", "cues"])
