"""Link a statement to an event of the catalogue.

Order: a cue in the sentence, then in its paragraph, then in its section heading, then an anaphor
("the summit") for the last event of that kind named earlier, then the statement's own textual
date inside an event's window. A cue is void when a different year follows it ("annexed in 2014"),
a non-Russian demonym precedes it ("Belarusian covert mobilisation"), or "since ..." / "months after
..." makes it background. Among candidate events the statement's date picks the nearest.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from .codebook import Codebook, Event
from .dating import MONTH_ABBR, MONTHS, WEEKDAYS

_YEAR_AFTER = re.compile(r"^\W{0,3}(?:\w+\W+){0,2}?(?:in\s+)?((?:19|20)\d{2})\b")
# "since the referendums" (not the adverb: "have since echoed Moscow's claims about the referendums",
# "Since then, …")
_BACKGROUND_BEFORE = re.compile(r"(?:\bsince\b(?<!have\ssince)(?<!has\ssince)(?<!had\ssince)(?!\s+then\b)(?:\s+\S+){0,3}|\b(?:months|weeks|years|days)\s+(?:after|before|since))\s+(?:the\s+)?(?:\S+\s+){0,2}$", re.I)
# "a mobilisation of its own", "its own mobilisation": another state's, not Russia's.
_ITS_OWN_AFTER = re.compile(r"\s+of\s+(?:its|their)\s+own\b", re.I)
_ITS_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+)?$", re.I)
MAX_DISTANCE = timedelta(days=60)


class EventMention(NamedTuple):
    event_ids: tuple[str, ...]
    kind: str
    start: int
    end: int
    generic: bool = False  # a cue of a kind ("abstained"), standing for any event of it


def find_event_mentions(text: str, codebook: Codebook, candidates: list[int] | None = None,
                        generic_candidates: list[int] | None = None) -> list[EventMention]:
    """Event cues in a piece of text, after the year, demonym and background checks.

    ``candidates`` and ``generic_candidates`` (indices into the codebook's events and generic cues)
    are the ones whose anchors occur in the text; computed here when not given.
    """
    if candidates is None or generic_candidates is None:
        lowered = text.lower()
        candidates = codebook.event_index.candidates(lowered)
        generic_candidates = codebook.generic_event_index.candidates(lowered)
    out = []
    for i in candidates:
        event = codebook.events[i]
        if event.cues is None:
            continue
        for m in event.cues.finditer(text):
            if (_is_void(text, m, event.start.year, codebook, event.by_russia)
                    or _held_elsewhere(text, m, event, codebook)):
                continue
            out.append(EventMention((event.id,), event.kind, m.start(), m.end()))
    generic = codebook.generic_event_kinds
    for i in generic_candidates:
        kind, pattern, ids, by_russia = generic[i]
        for m in pattern.finditer(text):
            if _is_void(text, m, None, codebook, by_russia) or (kind == "vote" and _is_a_voting_record(text, m)):
                continue
            out.append(EventMention(ids, kind, m.start(), m.end(), generic=True))
    return sorted(out, key=lambda e: e.start)


# "has abstained on UN resolutions condemning Moscow", "voted against every resolution": a record of
# several votes, not one of them
_VOTING_RECORD = re.compile(r"\b(?:resolutions|votes)\b|\b(?:every|each|all|any|several|multiple|successive|"
                            r"repeated|previous|past)\s+(?:[\w.-]+\s+){0,3}?(?:resolution|vote)s?\b|\brepeatedly\b", re.I)


def _is_a_voting_record(text: str, m: re.Match) -> bool:
    """Whether a generic vote cue ("abstained", "UN resolutions") speaks of several votes, within
    its sentence part (up to a semicolon or full stop): then no single vote is meant, and the
    statement is linked by its date if at all."""
    lo = max(text.rfind(".", max(0, m.start() - 40), m.start()),
             text.rfind(";", max(0, m.start() - 40), m.start())) + 1
    ends = [e for e in (text.find(".", m.end(), m.end() + 60), text.find(";", m.end(), m.end() + 60)) if e >= 0]
    hi = min(ends) if ends else min(len(text), m.end() + 60)
    return bool(_VOTING_RECORD.search(text, max(lo, m.start() - 40), hi))


# "the G20 in Rio", "the SCO summit in Astana": a place named right after the cue
_PLACE_AFTER = re.compile(r"(?:\s+(?:summit|meeting|gathering|forum|talks))?\s+(?:in|at)\s+"
                          r"((?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2})")
_MONTHS_AND_DAYS = frozenset((*MONTHS, *MONTH_ABBR, *WEEKDAYS))


def _held_elsewhere(text: str, m: re.Match, event: Event, codebook: Codebook) -> bool:
    """Whether the cue names a meeting of the event's kind held somewhere else: "the G20 in Rio" is
    not the Bali summit, "the CSTO summit in Yerevan" not the Moscow one. Only a place the event
    lists can confirm it; a state's name ("the SCO summit in Uzbekistan") neither confirms nor
    rules out, so it keeps the cue, as does a month ("the summit in September")."""
    if not event.places:
        return False
    place = _PLACE_AFTER.match(text, m.end())
    if not place:
        return False
    name = place.group(1).rstrip(".").lower()
    name = name[:-2] if name.endswith(("'s", "’s")) else name
    if name.split()[0] in _MONTHS_AND_DAYS or any(name.startswith(p) for p in event.places):
        return False
    return not any(a.kind == "name" for a in codebook.aliases.get(name, ()))


def _is_void(text: str, m: re.Match, event_year: int | None, codebook: Codebook, by_russia: bool = False) -> bool:
    year = _YEAR_AFTER.match(text[m.end():m.end() + 25])
    if year and event_year is not None and int(year.group(1)) != event_year:
        return True
    before = text[max(0, m.start() - 60):m.start()]
    # "Belarusian covert mobilisation" is not Russia's mobilisation; but in "Chinese President Xi
    # left Moscow" or "Chinese leader Xi …" the demonym goes with the title, not with the event
    last_two = before.split()[-2:]
    demonym = codebook.demonym_pattern.search(" ".join(last_two))
    if (demonym and not demonym.group(0).lower().startswith("russia")
            and not (len(last_two) == 2 and demonym.end() <= len(last_two[0])
                     and (last_two[1][:1].isupper() or last_two[1].lower() in codebook.titles))):
        return True
    if by_russia and (_ITS_OWN_AFTER.match(text, m.end()) or _ITS_OWN_BEFORE.search(before)
                      or _foreign_possessive_before(before, codebook)):
        return True
    background = _BACKGROUND_BEFORE.search(before)
    # "Days after the mobilisation was announced, Kazakhstan said …": a reaction to Russia's act
    # within days is linked to it (not a summit or a vote a few days before, which is over)
    return bool(background) and not (by_russia and _DAYS_AFTER.match(background.group(0)))


_DAYS_AFTER = re.compile(r"days\s+after\b", re.I)


def _foreign_possessive_before(before: str, codebook: Codebook) -> bool:
    """"Belarus's (covert) mobilisation": whether one of the last two words before the cue is the
    possessive of a state other than Russia (a name of up to three words)."""
    words = before.split()[-5:]
    for j in (len(words) - 1, len(words) - 2):
        if j < 0 or not words[j].endswith(("'s", "’s")):
            continue
        tail = words[j][:-2]
        for k in range(max(0, j - 2), j + 1):
            readings = codebook.aliases.get(" ".join(words[k:j] + [tail]).lower(), ())
            if any(r.kind in ("name", "capital") and r.country != "RUS" for r in readings):
                return True
    return False


# ", which hosted the SCO summit in Samarkand this month,": a clause describing the subject;
# "…, a month after Xi met Putin in Samarkand": a time clause that dates the act
_BACKGROUND_CLAUSE = re.compile(r",\s+(?:which|who)\s[^,;]*,"
                                r"|,\s+(?i:(?:(?:just|only|barely|some)\s+)?(?:(?:a|an|one|two|three|four|five|six|several|"
                                r"a\s+few|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|since)"
                                r"|(?:shortly|soon|just|right|immediately)\s+(?:after|before))\s[^,;]*(?:,|$)")


def split_background_mentions(text: str, mentions: list[EventMention]) -> tuple[list[EventMention], list[EventMention]]:
    """(the mentions that can be the sentence's event, the background ones). "Uzbekistan, which
    hosted the SCO summit this month, has not commented on the referendums": an event named in a
    clause that describes the subject, or in a time clause that dates the act ("…, a month after
    Xi met Putin in Samarkand"), is background when the sentence names another outside it."""
    clauses = [(m.start(), m.end()) for m in _BACKGROUND_CLAUSE.finditer(text)]
    if not clauses:
        return mentions, []
    inside = [any(a <= e.start < b for a, b in clauses) for e in mentions]
    if all(inside):
        return mentions, []
    return ([e for e, i in zip(mentions, inside) if not i], [e for e, i in zip(mentions, inside) if i])


def without_generic_named_specifically(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions less a generic one ("voted against") whose events include one the sentence
    names ("… Russia's suspension from the Human Rights Council"): the name says which vote it was."""
    named = {eid for m in mentions if not m.generic for eid in m.event_ids}
    if not named or all(not m.generic for m in mentions):
        return mentions
    return [m for m in mentions if not (m.generic and named.intersection(m.event_ids))]


# "abstained on a Security Council resolution condemning the referendums", "the UN vote on the
# annexations": what the resolution or vote was about is its topic; the sentence's event is the vote
_RESOLUTION_TOPIC_BEFORE = re.compile(
    r"\b(?:resolutions?|drafts?|motions?|texts?|(?<!sham\s)(?<!mock\s)votes?)\s+(?:that\s+|which\s+)?"
    r"(?:condemn\w*|deplor\w*|denounc\w*|"
    r"declar\w*|reject\w*|call\w*\s+for|demand\w*|on|over|about|against|concerning|regarding)\s+[^.;,]{0,50}$", re.I)


def without_resolution_topics(text: str, mentions: list[EventMention]) -> list[EventMention]:
    """The mentions less those of events that a vote's resolution is about, when a vote is named."""
    if all(m.kind != "vote" for m in mentions) or all(m.kind == "vote" for m in mentions):
        return mentions
    return [m for m in mentions
            if m.kind == "vote" or not _RESOLUTION_TOPIC_BEFORE.search(text, max(0, m.start - 90), m.start)]


_ASSEMBLY = re.compile(r"\b(?:General\s+Assembly|UNGA)\b", re.I)
_COUNCIL = re.compile(r"\bSecurity\s+Council\b|\bUNSC\b", re.I)


def in_the_body_named(text: str, mentions: list[EventMention], codebook: Codebook) -> list[EventMention]:
    """"Last spring, China abstained in the General Assembly": a generic vote cue stands for the
    votes of the body the sentence names, the Assembly's (open to all) or the Security Council's
    (events with ``voters``), when it names only one of them."""
    if not any(m.generic for m in mentions) or "ssembly" not in text and "ouncil" not in text and "UN" not in text:
        return mentions
    if ", " in text:  # a body named in a clause that describes the subject is not where it voted:
        # "The UAE, which abstained on a Security Council draft last week, voted in favour"
        text = _BACKGROUND_CLAUSE.sub(lambda c: " " * len(c.group(0)), text)
    assembly, council = bool(_ASSEMBLY.search(text)), bool(_COUNCIL.search(text))
    if assembly == council:
        return mentions
    out = []
    for m in mentions:
        if m.generic:
            ids = tuple(eid for eid in m.event_ids if bool(codebook.event(eid).voters) == council)
            if not ids:
                continue
            m = m._replace(event_ids=ids)
        out.append(m)
    return out


def at_a_place_named(text: str, mentions: list[EventMention], codebook: Codebook) -> list[EventMention]:
    """"Armenia snubs CSTO summit in Minsk": where one cue names several events of a kind (the CSTO
    summits of Moscow, Yerevan and Minsk), the events held where the sentence says ("in Minsk"), if
    any of them; mentions of one event only are kept as they are."""
    specific = {eid for m in mentions if not m.generic for eid in m.event_ids}
    if len(specific) < 2 or " in " not in text:
        return mentions
    lowered = text.lower()
    placed = {eid for eid in specific
              if any(re.search(r"\bin\s+(?:the\s+)?" + re.escape(place) + r"\b", lowered)
                     for place in codebook.event(eid).places)}
    if not placed or placed == specific:
        return mentions
    kinds = {codebook.event(eid).kind for eid in placed}
    return [m for m in mentions if m.generic or set(m.event_ids) & placed
            or codebook.event(m.event_ids[0]).kind not in kinds]


# "will attend the CSTO summit", "ahead of the summit": a sentence that looks forward may name an
# event still to come
_LOOKS_AHEAD = re.compile(r"\b(?:will|would|shall|(?:is|are)\s+(?:(?:\w+ly|also|still)\s+)?(?:due|set|expected|scheduled|"
                          r"likely|unlikely|poised|going)\s+to|plans?\s+to|intends?\s+to|ahead\s+of|upcoming|"
                          r"forthcoming|next|coming|before|eve)\b", re.I)


def held_by(text: str, mentions: list[EventMention], not_after: date | None,
            codebook: Codebook) -> list[EventMention]:
    """One cue naming several events of a kind ("the CSTO summit": Moscow 2022, Yerevan 2022, Minsk
    2023) names one already held by ``not_after``, the last day the statement's date stands for,
    unless the sentence looks forward or none was held yet: "Tokayev criticised Russia at the CSTO
    summit", in an article of October 2022, is May's summit in Moscow, not November's in Yerevan."""
    if not_after is None or len(mentions) < 2:
        return mentions
    same_words: dict[tuple[int, int], list[EventMention]] = {}
    for m in mentions:
        if not m.generic:
            same_words.setdefault((m.start, m.end), []).append(m)
    ambiguous = [group for group in same_words.values() if len(group) > 1]
    if not ambiguous or _LOOKS_AHEAD.search(text):
        return mentions
    dropped = set()
    for group in ambiguous:
        later = [m for m in group if codebook.event(m.event_ids[0]).start > not_after]
        if len(later) < len(group):
            dropped.update(id(m) for m in later)
    return [m for m in mentions if id(m) not in dropped]


def choose_event(mentions: list[EventMention], on: date | None, codebook: Codebook,
                 max_distance: timedelta | None = MAX_DISTANCE, not_after: date | None = None,
                 until: date | None = None) -> str:
    """The event the mentions point to, the one nearest the statement's date (or the period from
    ``on`` to ``until`` it stands for) when several do.

    A generic cue ("the vote") does not point to an event that begins after ``not_after``, the
    last day the statement's date can stand for: an article of September 23 that says countries
    "abstained in the vote" means an earlier vote.
    """
    candidates = list(dict.fromkeys(eid for m in mentions for eid in m.event_ids
                                    if not m.generic or not_after is None
                                    or codebook.event(eid).start <= not_after))
    if not candidates:
        return ""
    specific = [eid for m in mentions if not m.generic for eid in m.event_ids]
    if on is None:
        return specific[0] if specific else (candidates[0] if len(candidates) == 1 else "")
    if max_distance is None and specific:
        candidates = specific
    # (within a period, a named event before a generic cue's, then the nearest to the period's start)
    scored = sorted(((distance(codebook.event(eid), on, until), 0 if eid in specific else 1,
                      distance(codebook.event(eid), on), eid) for eid in candidates))
    best = scored[0]
    return best[3] if max_distance is None or best[0] <= max_distance else ""


def distance(event: Event, on: date, until: date | None = None) -> timedelta:
    """How far the event is from a day, or from the period ``on`` … ``until`` a date of month or
    year precision stands for ("last year": any day of it)."""
    until = on if until is None or until < on else until
    if event.start <= until and on <= event.end:
        return timedelta(0)
    return min(abs(event.start - until), abs(on - event.end))


def event_by_date(on: date, codebook: Codebook, country: str | None = None) -> str:
    """The narrowest event whose window contains the date ("" when none); for ``country``, only
    events whose ``dated_for`` states include it, when they name any ("Uzbekistan said on 24 February
    2023 that it supports Ukraine's sovereignty" is not China's position paper of that day)."""
    inside = [e for e in codebook.events if e.start <= on <= e.end
              and (country is None or not e.dated_for or country in e.dated_for)]
    if not inside:
        return ""
    return min(inside, key=lambda e: (e.end - e.start, e.start)).id


def anaphoric_kinds(text: str, codebook: Codebook) -> list[str]:
    """Kinds of events referred to by a definite description ("the summit") in the text."""
    if not codebook.event_anaphora_pattern.search(text):  # one pass; most paragraphs have none
        return []
    return [kind for kind, pattern in codebook.event_anaphora.items() if pattern.search(text)]
