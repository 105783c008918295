"""Split cleaned document text into sentences whose offsets always slice the text exactly.

Our own rules, not a library segmenter: news scraped from the web breaks sentences over paragraph
breaks ("S.\\n\\nJaishankar"), glues words ("UN,which", "unconditional.It") and leaves headings
without a final stop, and the offsets must hold to the character. See ``tests/test_sentences.py``.
"""
from __future__ import annotations

import re
from typing import Iterator

import numpy as np
import pandas as pd

SENTENCE_COLUMNS = {
    "doc_id": "string",
    "sent_id": "int32",
    "para_id": "int32",
    "start": "int64",
    "end": "int64",
    "text": "string",
}

# Abbreviations after which a period does not end a sentence when a capitalised word follows.
NON_TERMINAL_ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u mr mrs ms dr prof st gen lt col maj capt sgt sen rep gov pres amb adm
    jan feb mar apr jun jul aug sep sept oct nov dec vs v etc e.g i.e approx dept est
    inc corp ltd co jr sr rev hon""".split()
)
# Abbreviations only before a number ("No. 10", "Fig. 3"): "seven states voted no. Egypt abstained."
# ends a sentence.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig"})

_PARAGRAPH_BREAK = re.compile(r"\n+")
# A candidate sentence end, in one scan per paragraph: terminal punctuation, optional closing
# quotes/brackets, then space and a capital, digit or opening quote; or a sentence glued to the next
# by bad extraction ("unconditional.It"). The pattern starts with the punctuation so the regex
# engine skips ahead to candidate characters instead of trying a look-behind at every position.
_ANY_BOUNDARY = re.compile(
    r"[.!?…](?:(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])"
    r"|[.!?…]*[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-ÞА-Я]))")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’»)\]]*$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
# Initials inside a paragraph: "ambassador T.S. Tirumurti" (not across a paragraph break, where
# "the U.S." may well end the paragraph)
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){1,3}$")
_CONTINUATION_END = re.compile(r"[,;:–—-]$|\b(a|an|the|of|and|or|to|in|on|for|with|by|that)$", re.I)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans split at newlines, re-joined where a sentence runs over the break."""
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _runs_over_break(text[merged[-1][0]:merged[-1][1]], text[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


TAIL = 40  # characters before a candidate boundary that the rules look at


def _runs_over_break(prev: str, nxt: str) -> bool:
    prev = prev[-TAIL:].rstrip()
    first = nxt.lstrip()[:1]
    if not prev or not first:
        return False
    if _INITIAL.search(prev):  # "Minister S." + "Jaishankar calls for ..."
        return True
    if prev.endswith(tuple(".!?…\"”’'»")):
        return False
    # "published a" + "report" + "saying that ...": the next piece starts in lower case.
    return first.islower() or bool(_CONTINUATION_END.search(prev))


def _is_real_boundary(text: str, end: int, para_start: int) -> bool:
    """Whether the punctuation run ending at ``end`` closes a sentence."""
    head = text[max(para_start, end - TAIL):end]
    m = _WORD_BEFORE.search(head)
    if not m:
        return True
    word = m.group(1).rstrip(".").lower()
    if word in NON_TERMINAL_ABBREVIATIONS:
        return False
    if word in NUMBER_ABBREVIATIONS:  # "No. 10", "resolution No. ES-11/1": a number follows
        following = text[end:end + 20].split(maxsplit=1)
        return not (following and any(c.isdigit() for c in following[0]))
    if _INITIALS.search(head.rstrip("\"'”’»)]")):  # initials: "S. Jaishankar", "T.S. Tirumurti"
        return False
    return True


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    seg = text[start:end]
    cuts = [m.end() for m in _ANY_BOUNDARY.finditer(seg) if _is_real_boundary(seg, m.end(), 0)]
    pos = 0
    for cut in sorted(set(cuts)):
        s, e = _trim(seg, pos, cut)
        if e > s:
            yield start + s, start + e
        pos = cut
    s, e = _trim(seg, pos, len(seg))
    if e > s:
        yield start + s, start + e


def _trim(seg: str, s: int, e: int) -> tuple[int, int]:
    while s < e and seg[s].isspace():
        s += 1
    while e > s and seg[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Return ``(para_id, start, end)`` for each sentence of one cleaned text."""
    out = []
    for para_id, (ps, pe) in enumerate(_paragraph_spans(text)):
        out.extend((para_id, s, e) for s, e in _split_paragraph(text, ps, pe))
    return out


BATCH_DOCUMENTS = 2000  # documents turned into Python strings at a time: bounds the copies in memory


def sentences(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every document: doc_id, sent_id, para_id, start, end, text.

    ``text == docs.text[start:end]`` holds for every row.
    """
    parts = [_sentences_batch(docs.iloc[i:i + BATCH_DOCUMENTS]) for i in range(0, len(docs), BATCH_DOCUMENTS)]
    if not parts:
        return _sentences_batch(docs.iloc[:0])
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _sentences_batch(docs: pd.DataFrame) -> pd.DataFrame:
    doc_ids, sent_ids, para_ids, starts, ends, texts = [], [], [], [], [], []
    for doc_id, text in zip(docs["doc_id"].tolist(), docs["text"].tolist()):
        text = text if isinstance(text, str) else ""
        for i, (para, s, e) in enumerate(split_sentences(text)):
            doc_ids.append(doc_id)
            sent_ids.append(i)
            para_ids.append(para)
            starts.append(s)
            ends.append(e)
            texts.append(text[s:e])
    return pd.DataFrame(
        {
            "doc_id": pd.array(doc_ids, dtype="string"),
            "sent_id": np.asarray(sent_ids, dtype="int32"),
            "para_id": np.asarray(para_ids, dtype="int32"),
            "start": np.asarray(starts, dtype="int64"),
            "end": np.asarray(ends, dtype="int64"),
            "text": pd.array(texts, dtype="string"),
        }
    )
