"""Resolve a statement's own date from its sentence, relative to the publication date.

Returns the date and the precision reached (day | week | month | year). Expressions introduced by
"since" are background ("relations deteriorated since ... February 2022") and are not the date of
the statement.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from .codebook import AnchorIndex

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"])}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_PATTERNS = [
    ("month_day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2}))?")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?")),
    ("weekday", re.compile(r"\b(?:[Oo]n\s+|[Ll]ast\s+|[Tt]his\s+past\s+)?"
                           r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today(?![’']s\s+(?:world|era|age|times?|realities|reality|circumstances|conditions))|last\s+week|this\s+week|earlier\s+this\s+week|last\s+month|this\s+month|earlier\s+this\s+month|last\s+year|this\s+year|earlier\s+in\s+the\s+year"
                            r"|(?:at|over)\s+the\s+weekend|(?:last|this|past)\s+weekend)\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                       r"(?P<unit>day|week|month)s?\s+ago\b", re.I)),
    # "in October", "in early October", "in mid-October", "at the end of October"
    # (or "mid-October", "Early October" standing alone: "Mid-October saw Serbia refuse ...")
    ("month_year", re.compile(r"\b(?:(?i:in|during|since|by|from)\s+(?:(?i:early|mid|late)[\s-]+)?"
                              r"|(?i:in\s+the\s+(?:middle|first\s+half|second\s+half)\s+of"
                              r"|at\s+the\s+(?:end|start|beginning)\s+of)\s+|(?i:mid)-|(?:Early|Late)\s+)"
                              + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d{2}))?\b")),
    ("year", re.compile(r"\b(?i:in|during)\s+(?P<year>(?:19|20)\d{2})\b")),
    # "2022-10-12" (ISO) and "24.02.2023" (day first, as in most of the world); "10/12/2022" is left
    # alone: month first or day first cannot be told apart
    ("numeric", re.compile(r"(?<![\w./-])(?:(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
                           r"|(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2}))(?![\w/-]|\.\d)")),
    # "last spring", "this summer", "in the autumn of 2022", "in winter 2023": the season's year
    ("season", re.compile(r"\b(?:(?P<which>last|this|past)\s+|(?i:in|during)\s+(?:the\s+)?(?:(?:early|late)\s+)?)"
                          r"(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?", re.I)),
]
# Literal fragments, one of which every match of each pattern contains (lower case): one
# Aho-Corasick pass tells which patterns are worth trying on a sentence.
_MONTH_ANCHORS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERN_ANCHORS = {"month_day": _MONTH_ANCHORS, "day_month": _MONTH_ANCHORS, "weekday": ("day",),
                    "relative": ("day", "week", "month", "year"), "ago": (" ago",), "month_year": _MONTH_ANCHORS,
                    "year": ("19", "20"), "numeric": ("19", "20"),
                    "season": ("spring", "summer", "autumn", "fall", "winter")}
DATE_INDEX = AnchorIndex([_PATTERN_ANCHORS[kind] for kind, _ in _PATTERNS])
_BACKGROUND = re.compile(r"\bsince\b[^,;.]{0,60}$", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
# A day named by the day of the statement before it: "The previous day, Wang Yi had called ...",
# "Two days later, Laos called ...", "A week earlier, ..." (not "two days before the vote": the
# event's own offset is ``date_from_event``'s)
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_NOT_AN_OBJECT = r"(?!\s+(?:the|its|his|her|their|a|an)\b)"
_DAY_ANAPHOR = re.compile(r"\b(?:(?P<before>the\s+(?:previous|preceding)\s+day"
                          r"|the\s+day\s+before(?!\s+(?:yesterday|the|its|his|her|their|a|an)\b)"
                          rf"|(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?)\s+(?:earlier|before{_NOT_AN_OBJECT}))"
                          r"|(?P<after>the\s+(?:next|following)\s+day"
                          rf"|(?P<count_after>{_COUNT})"
                          r"\s+(?P<unit_after>days?|weeks?)\s+later"
                          r"|the\s+day\s+after(?!\s+(?:tomorrow|the|its|his|her|their|a|an)\b)))\b", re.I)


def day_anaphor(sentence: str) -> tuple[int, str] | None:
    """Days before (negative) or after the previous statement's day, and the precision that gives
    (``day``, or ``week`` for a count of weeks), for a sentence dated that way; else None."""
    if "day" not in sentence and "week" not in sentence:
        return None
    m = _DAY_ANAPHOR.search(sentence)
    if not m or _BACKGROUND.search(sentence[max(0, m.start() - 72): m.start()]):
        return None
    count, unit = (m.group("count"), m.group("unit")) if m.group("before") else (m.group("count_after"),
                                                                                m.group("unit_after"))
    n = 1 if count is None else int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
    days = 7 * n if unit and unit.lower().startswith("week") else n
    precision = "week" if unit and unit.lower().startswith("week") else "day"
    return (-days if m.group("before") else days), precision


def _month_number(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS.get(t) or MONTH_ABBR[t]


def _infer_year(month: int, day: int | None, published: date) -> int:
    """A date without a year is the most recent such date not far after publication."""
    candidate = date(published.year, month, day or 1)
    return published.year - 1 if candidate > published + timedelta(days=7) else published.year


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?"
                       r"\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s*")


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]{1,150},")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|stated|declared|added|stressed|wrote|tweeted)\s+"
                            r"(?:\w+\s+)?$", re.I)


def resolve_date(sentence: str, published: date | None, published_precision: str = "day",
                 candidates: list[int] | None = None) -> tuple[date, str] | None:
    """The first date expression in ``sentence`` that is not background, resolved; or None.

    ``candidates``: indices of the patterns whose anchors occur in the sentence (see DATE_INDEX),
    when the caller has scanned the whole document already.
    """
    if candidates is None:
        candidates = DATE_INDEX.candidates(sentence.lower())
    found = []
    for kind, pattern in (_PATTERNS[i] for i in candidates):
        for m in pattern.finditer(sentence):
            # Bounded look-back: "since" plus at most 60 characters, and one more for its \b.
            if _BACKGROUND.search(sentence[max(0, m.start() - 72): m.start()]) or m.group(0).lower().startswith("since"):
                continue
            found.append((m.start(), kind, m))
    if found and ", wh" in sentence:
        # A date inside a relative clause set off by commas dates what the clause says of the
        # subject, not the sentence's act: "Laos, which abstained in March, voted against in April";
        # "The UAE, which abstained on a Security Council draft last week, voted in favour" is undated.
        relatives = [r.span() for r in _RELATIVE_CLAUSE.finditer(sentence)]
        found = [t for t in found if not any(lo < t[0] < hi for lo, hi in relatives)]
    if len(found) > 1:
        # "ANKARA, Sept 22 (Reuters) - Erdogan said on Wednesday ...": the dateline dates the
        # dispatch, so a date in the sentence itself goes first; and of those, the date of the
        # speech ("..., announced on Friday, the ministry said on Monday") before other dates.
        dateline = _DATELINE.match(sentence)
        cut = dateline.end() if dateline else 0
        found.sort(key=lambda t: (t[0] < cut, not _SPEECH_BEFORE.search(sentence, max(0, t[0] - 30), t[0]), t[0]))
    else:
        found.sort(key=lambda t: t[0])
    for _, kind, m in found:
        resolved = _resolve(kind, m, published, published_precision)
        if resolved:
            return resolved
    return None


def _resolve(kind: str, m: re.Match, published: date | None, pub_precision: str) -> tuple[date, str] | None:
    approx = pub_precision not in ("day",)
    g = m.groupdict()
    try:
        if kind in ("month_day", "day_month"):
            month, day = _month_number(g["month"]), int(g["day"])
            if g.get("year"):
                return date(int(g["year"]), month, day), "day"
            if published is None:
                return None
            return date(_infer_year(month, day, published), month, day), "day"
        if kind == "month_year":
            month = _month_number(g["month"])
            if g.get("year"):
                return date(int(g["year"]), month, 1), "month"
            # "by May" may be the verb; "in May" and "at the end of May" are the month
            if published is None or (g["month"].lower().startswith("may")
                                     and not m.group(0).lower().startswith(("in ", "at the ", "mid", "early", "late"))):
                return None
            return date(_infer_year(month, None, published), month, 1), "month"
        if kind == "numeric":
            if g["iso_year"]:
                return date(int(g["iso_year"]), int(g["iso_month"]), int(g["iso_day"])), "day"
            return date(int(g["year"]), int(g["month"]), int(g["day"])), "day"
        if kind == "year":
            return date(int(g["year"]), 1, 1), "year"
        if kind == "season":
            return _season_year(g["season"].lower(), g.get("year"), g.get("which"), published)
    except ValueError:
        return None
    if published is None:
        return None
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if m.group(0).lower().startswith("last"):
            back = back or 7
        return published - timedelta(days=back), "week" if approx else "day"
    if kind == "ago":
        count = _NUMBER_WORDS.get(g["count"].lower()) or int(g["count"])
        unit = g["unit"].lower()
        if unit == "day":
            return published - timedelta(days=count), "week" if approx else "day"
        if unit == "week":
            return published - timedelta(weeks=count), "week"
        month_index = published.year * 12 + published.month - 1 - count
        return date(month_index // 12, month_index % 12 + 1, 1), "month"
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel.endswith("weekend"):  # the weekend just gone (or under way)
        back = (published.weekday() - 5) % 7
        return published - timedelta(days=back), "week"
    if rel == "yesterday":
        return published - timedelta(days=1), "week" if approx else "day"
    if rel == "today":
        return published, "week" if approx else "day"
    if rel == "last week":
        return published - timedelta(days=7), "week"
    if rel in ("this week", "earlier this week"):
        return published, "week"
    if rel in ("this month", "earlier this month"):
        return published.replace(day=1), "month"
    if rel == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if rel in ("this year", "earlier in the year"):
        return published.replace(month=1, day=1), "year"
    if rel == "last year":
        return date(published.year - 1, 1, 1), "year"
    return None


# The months a season begins and ends in (northern seasons; winter runs into the next year)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season_year(season: str, year: str | None, which: str | None, published: date | None) -> tuple[date, str] | None:
    """The year of "last spring", "this summer", "in the autumn of 2022" (a season is no day, week
    or month, so the year is the precision reached; the winter that ends in a year counts in it)."""
    if year:
        return date(int(year), 1, 1), "year"
    if published is None:
        return None
    season_year = published.year
    first, last = _SEASONS[season]
    if (which or "").lower() in ("last", "past"):
        if date(season_year, last, 28) >= published:
            season_year -= 1  # not over yet: "last spring" in March is the spring before
    elif which is None and date(season_year, first, 1) > published:
        season_year -= 1  # "in the spring", written in February: the spring before
    return date(season_year, 1, 1), "year"


_CLAUSE_END = re.compile(r"[,;:(—–]")
# A statement timed by the event it is linked to: "two days after the vote" (not "two days later")
_OFFSET_FROM_EVENT = re.compile(r"\b(?:(?P<count>an?|the|one|two|three|four|five|six|\d)\s+(?P<unit>day|week)(?P<plural>s)?\s+"
                                r"(?P<dir>after|before)|(?P<eve>on\s+the\s+eve)\s+of)\s+(?:the\s+|this\s+|last\s+)?"
                                r"(?!(?:it|this|that|then)\b)[\w“\"‘']", re.I)


def date_from_event(sentence: str, start: date, end: date,
                    names_event: Sequence[re.Pattern]) -> tuple[date, str] | None:
    """The date of a statement timed by the event it is linked to ("A day after the General
    Assembly vote", "two weeks before the summit", "on the eve of the SCO summit"), from the event's
    first and last day. The words after the offset must name the event (one of ``names_event``
    matches in them: "two days after the referendums, … abstained in the vote" times nothing by the
    vote). None when the sentence gives no such offset."""
    if "after" not in sentence and "before" not in sentence and "eve" not in sentence:
        return None
    m = _OFFSET_FROM_EVENT.search(sentence)
    if m is None:
        return None
    named = _CLAUSE_END.split(sentence[m.end() - 1:m.end() + 80], 1)[0]  # the phrase, up to its comma
    if not any(p.search(named) for p in names_event):
        return None
    if m.group("count") and m.group("count").lower() == "the":
        if m.group("plural"):
            return None  # "in the days before the vote": how many is not said
        count = 1  # "The day after the mobilisation was announced"
    else:
        count = 1 if m.group("eve") else _NUMBER_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    weeks = (m.group("unit") or "").lower() == "week"
    days = timedelta(days=count * (7 if weeks else 1))
    on = end + days if (m.group("dir") or "").lower() == "after" else start - days
    return on, "week" if weeks else "day"
