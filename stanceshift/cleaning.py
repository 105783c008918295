"""Remove page furniture (promos, captions, link lists, scripts, bios) from article text.

Cleaning works on whole lines so that every character of the cleaned text is a character of
the raw text: the result carries an offset map of ``(text_start, raw_start, length)`` segments.
The rules are data (``codebook/furniture.yaml``) so researchers can add their outlets' boilerplate.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .paths import CODEBOOK_DIR

TERMINAL_PUNCT = tuple('.!?…"”’\'»)')
CREDIT_TAIL = 80  # an image credit closes its line: only the line's tail is searched
LINE_TAIL = 120  # a line rule not anchored at ^ must be anchored at $: only this tail is searched
_CODE_MARKERS = ("{", "}", ";", "$.", "window.", "document.")  # a line without any is not script


def _may_be_code(s: str) -> bool:
    return any(marker in s for marker in _CODE_MARKERS)


def _may_end_in_credit(s: str) -> bool:
    # A credit ends its line with a name ("Getty Images", "AP") or a closing bracket, never with
    # sentence punctuation: that settles most lines of reporting without a regex.
    return s[-1:].isalnum() or s[-1:] in ")/-"


def _credit(s: str, rules: "FurnitureRules"):
    return rules.credit_suffix.search(s[-CREDIT_TAIL:]) if _may_end_in_credit(s) else None


@dataclass(frozen=True)
class FurnitureRules:
    """Compiled furniture patterns; build with :func:`load_furniture_rules`."""

    line: dict[str, re.Pattern]
    block_header: dict[str, re.Pattern]
    tail_header: dict[str, re.Pattern]
    span: dict[str, tuple[re.Pattern, re.Pattern, int]]
    credit_suffix: re.Pattern
    author_bio: list[re.Pattern]
    javascript: list[re.Pattern]
    # Prefilters: the rules merged so that a line of reporting costs a few regex calls, not dozens.
    any_start: re.Pattern | None = None  # every rule anchored at ^ (lines, headers, bios): one match
    any_line_other: re.Pattern | None = None


def load_furniture_rules(path: str | Path | None = None) -> FurnitureRules:
    """Read furniture rules from YAML (default: ``codebook/furniture.yaml``)."""
    path = Path(path) if path else CODEBOOK_DIR / "furniture.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def compile_all(d: dict[str, str]) -> dict[str, re.Pattern]:
        out = {}
        for name, pattern in (d or {}).items():
            try:
                out[name] = re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"{path}: furniture rule {name!r} is not a valid regex: {exc}") from exc
        return out

    spans = {
        name: (re.compile(s["start"], re.I), re.compile(s["end"], re.I), int(s.get("max_lines", 6)))
        for name, s in (raw.get("span") or {}).items()
    }
    line = compile_all(raw.get("line"))
    block = compile_all(raw.get("block_header"))
    tail = compile_all(raw.get("tail_header"))
    bio = [re.compile(p) for p in raw.get("author_bio", [])]
    js = [re.compile(p) for p in raw.get("javascript", [])]

    def union(patterns, flags=0):
        patterns = [p.pattern for p in patterns]
        return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None

    return FurnitureRules(
        line=line, block_header=block, tail_header=tail, span=spans,
        credit_suffix=re.compile(raw["credit_suffix"], re.IGNORECASE),
        author_bio=bio, javascript=js,
        any_start=re.compile("|".join(
            [f"(?i:{p.pattern})" for p in list(line.values()) + list(block.values()) + list(tail.values())
             + [st for st, _, _ in spans.values()] if p.pattern.startswith("^")] + [f"(?:{p.pattern})" for p in bio])),
        any_line_other=union([p for p in line.values() if not p.pattern.startswith("^")], re.IGNORECASE),
    )


@dataclass
class CleanResult:
    """Cleaned text, the offset map back into the raw text, and why each removed line went."""

    text: str
    segments: list[tuple[int, int, int]]
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # (line_no, rule, line)

    def to_raw(self, pos: int) -> int:
        """Map an offset in the cleaned text to its offset in the raw text."""
        for t0, r0, n in self.segments:
            if t0 <= pos < t0 + n:
                return r0 + (pos - t0)
        if self.segments and pos == len(self.text):
            t0, r0, n = self.segments[-1]
            return r0 + n
        raise IndexError(f"offset {pos} is outside the cleaned text of length {len(self.text)}")

    def offset_map_json(self) -> str:
        return json.dumps(self.segments, separators=(",", ":"))


def _split_lines(raw: str) -> list[tuple[int, str]]:
    """Lines with their start offsets; the newline is not part of the line."""
    out, pos = [], 0
    for line in raw.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_headline_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and (s.startswith("- ") or not s.endswith(TERMINAL_PUNCT))


def _is_title_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) <= 12 and not s.endswith(TERMINAL_PUNCT)


def _mark_furniture(lines: list[str], rules: FurnitureRules) -> dict[int, str]:
    """Return {line index: rule name} for every line that is furniture."""
    marks: dict[int, str] = {}
    stripped = [ln.strip() for ln in lines]
    nonblank = [i for i, s in enumerate(stripped) if s]
    title = stripped[nonblank[0]] if nonblank else ""

    def prev_nonblank(i: int) -> int | None:
        # A caption sits right above its credit: an already-removed line in between ends the search,
        # and the document's first line (its title) is never a caption.
        j = i - 1
        while j >= 0 and not stripped[j]:
            j -= 1
        if j < 0 or j in marks or j == nonblank[0]:
            return None
        return j

    i = 0
    while i < len(lines):
        s = stripped[i]
        if not s:
            i += 1
            continue
        if not _maybe_furniture(s, rules, i, nonblank, title):
            i += 1
            continue
        tail = next((n for n, p in rules.tail_header.items() if p.match(s)), None)
        if tail:
            for j in range(i, len(lines)):
                if stripped[j]:
                    marks[j] = tail
            break
        span = next((n for n, (st, _, _) in rules.span.items() if st.search(s)), None)
        if span:
            _, end, max_lines = rules.span[span]
            for j in range(i, min(len(lines), i + max_lines + 1)):
                if stripped[j]:
                    marks[j] = span
                if end.search(stripped[j]):
                    i = j
                    break
            i += 1
            continue
        block = next((n for n, p in rules.block_header.items() if p.match(s)), None)
        if block:
            marks[i] = block
            j = i + 1
            while j < len(lines) and (not stripped[j] or _is_headline_like(stripped[j])):
                if stripped[j]:
                    marks[j] = block
                j += 1
            i = j
            continue
        rule = next((n for n, p in rules.line.items() if p.search(s)), None)
        if rule is None and any(p.search(s) for p in rules.javascript):
            rule = "javascript"
        if rule is None and any(p.search(s) for p in rules.author_bio):
            rule = "author_bio"
        if rule is None and i != nonblank[0] and s == title:
            rule = "repeated_headline"
        credit = _credit(s, rules)
        if rule is None and s != title and s.endswith(title) and credit:
            rule = "caption_credit"
        if rule is None and credit and len(s) < 600 and _looks_like_caption(s):
            rule = "caption_credit"
        if rule:
            marks[i] = rule
            if rule.startswith(("photo_credit", "caption_credit")):
                _mark_caption_before(i, stripped, marks, prev_nonblank)
        i += 1
    return marks


def _maybe_furniture(s: str, rules: FurnitureRules, i: int, nonblank: list[int], title: str) -> bool:
    """A cheap test that rules a line out before the rule-by-rule checks name the rule."""
    return ((rules.any_start is not None and rules.any_start.match(s) is not None)
            or (rules.any_line_other is not None and rules.any_line_other.search(s[-LINE_TAIL:]) is not None)
            or _credit(s, rules) is not None
            or (_may_be_code(s) and any(p.search(s) for p in rules.javascript))
            or (i != nonblank[0] and s == title))


def _looks_like_caption(s: str) -> bool:
    # A caption that ends in a credit has no sentence-final punctuation after the credit.
    return not s.endswith(TERMINAL_PUNCT[:4])


def _mark_caption_before(i: int, stripped: list[str], marks: dict[int, str], prev_nonblank) -> None:
    """A photo credit closes a caption: a title line, optionally followed by one caption sentence."""
    j = prev_nonblank(i)
    if j is None:
        return
    if _is_title_like(stripped[j]):
        marks[j] = "caption"
        return
    k = prev_nonblank(j)
    is_one_sentence = len(stripped[j]) <= 250 and stripped[j].count(". ") == 0
    if k is not None and is_one_sentence and _is_title_like(stripped[k]):
        marks[j] = "caption"
        marks[k] = "caption"


def clean_text(raw: str, rules: FurnitureRules | None = None) -> CleanResult:
    """Drop furniture lines and collapse the blank lines they leave; keep an offset map."""
    rules = rules or default_furniture_rules()
    lines = _split_lines(raw)
    marks = _mark_furniture([ln for _, ln in lines], rules)
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    removed: list[tuple[int, str, str]] = []
    pos = 0
    pending_blank: tuple[int, int] | None = None  # raw offset of a newline kept as paragraph break
    have_text = False
    for idx, (start, line) in enumerate(lines):
        if idx in marks:
            removed.append((idx + 1, marks[idx], line))
            continue
        body = line.rstrip()
        if not body.strip():
            if have_text and pending_blank is None:
                pending_blank = (start - 1, 1)
            continue
        lead = len(body) - len(body.lstrip())
        if have_text:
            # A newline in the raw text separates paragraphs; a blank line marks a stronger break.
            nl_raw = start - 1
            sep = "\n\n" if pending_blank is not None else "\n"
            seg_raw = pending_blank[0] if pending_blank is not None else nl_raw
            for ch_off, ch in enumerate(sep):
                segments.append((pos, seg_raw if ch_off == 0 else nl_raw, 1))
                pieces.append(ch)
                pos += 1
        segments.append((pos, start + lead, len(body) - lead))
        pieces.append(body[lead:])
        pos += len(body) - lead
        have_text = True
        pending_blank = None
    return CleanResult(text="".join(pieces), segments=_merge_segments(segments), removed=removed)


def _merge_segments(segments: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    merged: list[list[int]] = []
    for t0, r0, n in segments:
        if merged and merged[-1][0] + merged[-1][2] == t0 and merged[-1][1] + merged[-1][2] == r0:
            merged[-1][2] += n
        else:
            merged.append([t0, r0, n])
    return [tuple(m) for m in merged]


_DEFAULT_RULES: list[FurnitureRules] = []


def default_furniture_rules() -> FurnitureRules:
    """The rules in ``codebook/furniture.yaml``, read once per process (read-only, never mutated)."""
    if not _DEFAULT_RULES:
        _DEFAULT_RULES.append(load_furniture_rules())
    return _DEFAULT_RULES[0]
