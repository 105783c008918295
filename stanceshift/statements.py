"""Sentences -> stance statements: the table every chart is built from.

One row per (sentence, holder country) with the evidence that produced it: the quote and its
offsets, the actor, the matched cues, the event and the statement's own date. See the README's data
dictionary and docs/codebook.md for the rules.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from .attribution import (CONTRAST, Holder, Judged, dateline_place, describes_a_state, end_of_opening_quotation,
                          find_mentions, former_or_latter, has_plural_subject, holders_in_sentence,
                          introduces_unknown_person, judged_spans, names_the_meeting_pair, office_of_subject,
                          opens_subordinate_clause, refers_back, starts_with_pronoun)
from .codebook import STANCE_LABELS, Codebook, Event, default_codebook, lower_same_length
from .dating import DATE_INDEX, date_from_event, day_anaphor, resolve_date
from .events import (MAX_DISTANCE, anaphoric_kinds, at_a_place_named, choose_event, distance, event_by_date,
                     find_event_mentions, held_by, in_the_body_named, split_background_mentions,
                     without_generic_named_specifically, without_resolution_topics)
from .schema import STATEMENT_COLUMNS, validate_statements
from .sentences import split_sentences
from .stance import CueHit, combine, find_cues, is_question, own_act_past_others_negation

log = logging.getLogger(__name__)
_CONNECTIVE = re.compile(r"^[\"“‘']?(?:But|As a result|However|Yet|Still|And|So|Nevertheless|Even so|In response|Likewise|Similarly)\b")
# "Vietnam and Laos also voted no.": an additive particle early on repeats the previous sentence's act.
_ADDITIVE = re.compile(r"^(?:\S+\s+){0,5}?(?:also|too|likewise|similarly)\b", re.I)
_PERSONAL_PRONOUN_SUBJECT = re.compile(r"^[\"“‘'\s]*(?:he|she|they|it)\s+(?!and\b)", re.I)
METHOD = "rules-v1"
CARRY_WINDOW = 4  # sentences a pronoun or "the country" may look back
SCENE_WINDOW = 2  # sentences after one that names states and a date ("… met Putin on Friday") that take its date
INHERIT_WINDOW = 2  # sentences within which a statement by the same state shares its event
DOCUMENT_EVENT_SLACK = timedelta(days=1)  # a report filed the day after an event ends still covers it
ACTOR_WINDOW = 12  # sentences within which the same named person's statements share an event


class _Sentence(NamedTuple):
    idx: int
    para: int
    start: int
    end: int
    text: str
    heading: bool
    section: int


def extract_statements(docs: pd.DataFrame, codebook: Codebook | None = None, *,
                       include_parties: bool = False, engine: str = "pandas", **engine_options) -> pd.DataFrame:
    """Stance statements for every document in ``docs`` (a table from :func:`load_corpus`).

    ``include_parties=True`` also keeps Russia and Ukraine as holders. ``engine="dask"`` takes a
    dask DataFrame and returns one (see :mod:`stanceshift.scale`).
    """
    if engine == "dask":
        from .scale import extract_statements_dask

        return extract_statements_dask(docs, codebook, include_parties=include_parties, **engine_options)
    if engine != "pandas":
        raise ValueError(f"engine must be 'pandas' or 'dask', not {engine!r}")
    codebook = codebook or default_codebook()
    missing = [c for c in ("doc_id", "text", "published") if c not in docs.columns]
    if missing:
        raise ValueError(f"extract_statements: docs lacks the column(s) {missing} (see load_corpus for the "
                         f"documents table); it has {list(docs.columns)}")
    if "date_precision" not in docs.columns:  # a table built by hand: its publication dates are days
        docs = docs.assign(date_precision="day")
    rows: list[dict] = []
    for rec in docs[["doc_id", "text", "published", "date_precision"]].itertuples(index=False):
        published = None if pd.isna(rec.published) else pd.Timestamp(rec.published).date()
        text = rec.text if isinstance(rec.text, str) else ""
        rows.extend(statements_for_document(str(rec.doc_id), text, published, str(rec.date_precision or "unknown"),
                                            codebook, include_parties=include_parties))
    return statements_frame(rows)


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows as a typed, validated statements table (empty rows give an empty typed table)."""
    frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS))
    frame = frame.astype({k: v for k, v in STATEMENT_COLUMNS.items() if not v.startswith("datetime")})
    frame["date"] = pd.to_datetime(frame["date"]).astype(STATEMENT_COLUMNS["date"])
    return validate_statements(frame.reset_index(drop=True))


# "Apart from Belarus, no former Soviet state has backed the war"; "Everyone except Belarus condemned
# the referendums": the states set apart did the opposite of what the sentence says of the rest (not
# "Besides Belarus, Kazakhstan also abstained", which adds)
_EXCEPTED_FIRST = re.compile(r"^[\"“‘'\s]*(?:Apart\s+from|Other\s+than|Except(?:\s+for)?|Aside\s+from|With\s+the\s+"
                             r"exception\s+of|Unlike|In\s+contrast\s+to)\s+(?P<states>[^,;]{2,80}),\s+(?!(?:which|who|whose)\b)"
                             r"(?![^.;]*\b(?:also|too|as\s+well)\b)")
_EXCEPTED_FROM_ALL = re.compile(r"\b(?:[Ee]veryone|[Ee]verybody|[Ee]very\s+(?:country|state|member)|[Aa]ll\s+(?:the\s+|other\s+)?"
                                r"(?:[\w-]+\s+){0,2}?(?:countries|states|members|allies|neighbou?rs))\s+(?:except|but|save)"
                                r"(?:\s+for)?\s+(?P<states>[^,;]{2,80}?)(?=\s+(?:has|have|had|was|were|did|\w+ed)\b)")

# "Kazakhstan and Kyrgyzstan, but not Tajikistan, have complied": the state set against the subject
# did not do what the subject did, nor did one the subject is contrasted with by "unlike" or "in
# contrast to" ("Kazakhstan, unlike Belarus, has refused …", "Unlike Belarus, Kazakhstan …"); ", not X,"
# is a correction that names no holder ("North Korea, not China, has supplied shells")
# ("Armenia and not Azerbaijan criticised the CSTO": "and not" sets a state apart without commas)
_SET_AGAINST = re.compile(r"(?<=\w)(?:,\s+(?:but\s+not|unlike|in\s+contrast\s+to)\s+(?P<states>[^,;]{2,60}?),"
                          r"|\s+and\s+not\s+(?P<bare>(?-i:[A-Z])[^,;]{1,40}?))"
                          r"\s+(?=(?:\w+ly\s+|also\s+)?(?:has|have|had|was|were|is|are|did|does|do|will|would|\w+ed)\b)")


# "Unlike Belarus, which has backed the war, Kazakhstan …": the relative clause is the contrasted state's
_UNLIKE_WHICH = re.compile(r"^[\"“‘'\s]*Unlike\s+(?P<states>[^,;]{2,80}),\s+(?:which|who|whose)\s+(?P<clause>[^,;]{1,150}),\s+")


def _described_apart(s: _Sentence, mentions: list, codebook: Codebook,
                     include_parties: bool) -> tuple[list[Holder], tuple[int, int] | None]:
    """The states of "Unlike X, which …," with the span of their relative clause, whose cues are
    theirs alone (and none of the main clause's holders')."""
    m = _UNLIKE_WHICH.match(s.text) if "Unlike" in s.text else None
    if m is None:
        return [], None
    return _holders_named_in(s, mentions, m.span("states"), codebook, include_parties), m.span("clause")


def _excepted_states(s: _Sentence, mentions: list, codebook: Codebook, include_parties: bool) -> list[Holder]:
    """Holders for the states a sentence sets apart from all the others ("Apart from Belarus, …")."""
    set_against = (", but not " in s.text or " and not " in s.text or ", unlike " in s.text
                   or ", in contrast to " in s.text)
    if (not set_against and "xcept" not in s.text and "part from" not in s.text and "ther than" not in s.text
            and "side from" not in s.text and "Unlike" not in s.text and "In contrast to" not in s.text):
        return []
    m = (_EXCEPTED_FIRST.match(s.text) or _EXCEPTED_FROM_ALL.search(s.text)
         or (_SET_AGAINST.search(s.text) if set_against else None))
    if not m:
        return []
    span = m.span("states") if m.group("states") is not None else m.span("bare")
    return _holders_named_in(s, mentions, span, codebook, include_parties)


def _holders_named_in(s: _Sentence, mentions: list, span: tuple[int, int], codebook: Codebook,
                      include_parties: bool) -> list[Holder]:
    """One holder per state named in a span of the sentence (sentence offsets), in order."""
    lo, hi = span
    out, seen = [], set()
    for x in mentions:
        country = x.alias.country
        if lo <= x.start - s.start < hi and (include_parties or country not in codebook.parties) and country not in seen:
            seen.add(country)
            out.append(Holder(country, x.alias.actor if x.alias.kind == "actor" else "", x.alias.kind, x.start))
    return out


def _sentence_before(sents: list[_Sentence], s: _Sentence) -> str:
    """The text of the sentence before ``s`` ("" for the first)."""
    return sents[s.idx - 1].text if s.idx > 0 else ""


def _sentences_of(text: str) -> list[_Sentence]:
    spans = split_sentences(text)
    para_sizes: dict[int, int] = {}
    for para, _, _ in spans:
        para_sizes[para] = para_sizes.get(para, 0) + 1
    out, section = [], 0
    for i, (para, s, e) in enumerate(spans):
        t = text[s:e]
        heading = para_sizes[para] == 1 and len(t.split()) <= 14 and not t.rstrip().endswith(tuple(".!?\"”’'…:"))
        if heading:
            section += 1
        out.append(_Sentence(i, para, s, e, t, heading, section))
    return out


def statements_for_document(doc_id: str, text: str, published: date | None, published_precision: str,
                            codebook: Codebook, include_parties: bool = False) -> list[dict]:
    """Statement rows (dicts in the statements schema) for one document's cleaned text."""
    if not text.strip():
        return []
    sents = _sentences_of(text)
    lowered = lower_same_length(text)
    mentions = find_mentions(text, codebook, lowered)
    starts, ends = [s.start for s in sents], [s.end for s in sents]
    cue_candidates = codebook.cue_index.candidates_by_span(lowered, starts, ends)
    events = _DocumentEvents(sents, starts, ends, published, published_precision, codebook, lowered)
    own_date_of = events.own_date
    rows: list[dict] = []
    antecedent: tuple[int, Holder, tuple[Holder, ...]] | None = None  # (sentence index, first holder, all)
    recent: list[tuple] = []  # (idx, country, event, date, precision, event source, actor, date from text)
    # the last sentence with statements, its cue ids and the hits of its last clause
    previous_cues: tuple[int, set[str], list[CueHit]] = (-2, set(), [])
    heard: set[str] = set()  # countries with a statement so far (the countries of ``recent``)
    met_moscow: set[int] = set()  # sentences naming states with Moscow ("Xi and Putin held talks")
    # the sentence that set the scene: index, paragraph, countries named there without a row
    scene: tuple[int, int, set[str]] = (-SCENE_WINDOW - 1, -1, set())

    mention_starts = [m.start for m in mentions]
    for s in sents:
        lo, hi = bisect_left(mention_starts, s.start), bisect_left(mention_starts, s.end)
        sent_mentions = [m for m in mentions[lo:hi] if m.end <= s.end]
        own_date, holders, parties, judged = None, [], [], []
        excepted: set[str] = set()  # states set apart from the rest, whose cues are turned around
        contrasted, contrast_clause = set(), None  # "Unlike Belarus, which has backed the war, …"
        pronoun_led = False  # a pronoun subject ("He said …") that may stand for the antecedent's speaker
        if sent_mentions:  # most sentences name no state: skip the costlier rules for them
            own_date = own_date_of(s.idx)
            on = own_date[0] if own_date else published
            judged = judged_spans(s.text, lowered[s.start:s.end])
            holders, parties = holders_in_sentence(s.text, s.start, sent_mentions, codebook, on, include_parties,
                                                   judged=judged)
            if holders and any(m.alias.country == "RUS" for m in sent_mentions):
                met_moscow.add(s.idx)
            set_apart = _excepted_states(s, sent_mentions, codebook, include_parties)
            if set_apart:
                named = {x.country for x in holders}
                holders = holders + [h for h in set_apart if h.country not in named]
                excepted = {h.country for h in set_apart} - named
            described, contrast_clause = _described_apart(s, sent_mentions, codebook, include_parties)
            if described:
                contrasted = {h.country for h in described}
                holders = [h for h in holders if h.country not in contrasted] + described
            pronoun_led = bool(holders and antecedent) and starts_with_pronoun(
                s.text, [m.start - s.start for m in sent_mentions])
        hits = None
        if holders and not is_question(s.text):
            hits = find_cues(s.text, codebook, cue_candidates[s.idx], lowered[s.start:s.end],
                             before=_sentence_before(sents, s))
            speaker = antecedent[1].country if pronoun_led and s.idx - antecedent[0] <= CARRY_WINDOW else None
            objects = (_objects_of_cues(s, holders, sent_mentions, hits, codebook, speaker)
                       | _subjects_of_trailing_clauses(s, holders, hits))
            if objects:  # "Cuba blamed the United States for the war": the United States holds nothing
                holders, parties = holders_in_sentence(s.text, s.start, sent_mentions, codebook, on,
                                                       include_parties, objects, judged)
        carried = False
        pair_end = 0  # the end of a subject that is the pair who met ("Both sides"), which is no cue
        if not holders and antecedent and s.idx - antecedent[0] <= CARRY_WINDOW and refers_back(s.text):
            # "Kazakhstan, Uzbekistan and Kyrgyzstan … None of them has …": a plural subject takes them
            # all; "none of them" or "the two countries" after a single state is somebody else
            plural = has_plural_subject(s.text)
            which, at, latter_at = former_or_latter(s.text) if len(antecedent[2]) > 1 else ("", -1, -1)
            pair_end = names_the_meeting_pair(s.text)
            if pair_end:
                # "Xi and Putin held talks … The two leaders signed …": the states that met Moscow
                holders = list(antecedent[2]) if any(s.idx - CARRY_WINDOW <= i < s.idx for i in met_moscow) else []
            elif which:  # "Kazakhstan and Kyrgyzstan reacted differently. The former condemned …"
                first, last = antecedent[2][0], antecedent[2][-1]
                holders = [(first if which == "former" else last)._replace(start=s.start + at)]
                if latter_at >= 0:  # "…, while the latter stayed silent": each is the subject of its clause
                    holders.append(last._replace(start=s.start + latter_at))
            elif plural and len(antecedent[2]) > 1:
                holders = list(antecedent[2])
            elif plural != "counted":
                # "Tokayev told Putin … The former Soviet republic has also sent aid": the state acts
                holders = [antecedent[1]._replace(actor="") if describes_a_state(s.text) else antecedent[1]]
                office = office_of_subject(s.text)
                if office:  # "Its president has also …": whoever held the office then, if known
                    person = codebook.office_holder(holders[0].country, codebook.titles.get(office, office),
                                                    (own_date_of(s.idx) or (published,))[0])
                    holders = [holders[0]._replace(actor=person.name if person else "")]
            if holders and not _party_leads(s, parties):
                carried = True
                own_date = own_date_of(s.idx)
            else:
                holders = []
        if hits is None:
            hits = (find_cues(s.text, codebook, cue_candidates[s.idx], lowered[s.start:s.end],
                              before=_sentence_before(sents, s))
                    if holders and not is_question(s.text) else [])
            if pair_end:
                hits = [x for x in hits if x.start >= pair_end]
        if holders and not hits and previous_cues[0] == s.idx - 1 and not is_question(s.text):
            # "Kazakhstan abstained. Its neighbour Kyrgyzstan did the same.": the act pointed back to
            hits = _pointing_back_to(s.text, previous_cues[2])
        elif holders and hits and previous_cues[0] == s.idx - 1 and ", wh" in s.text and not is_question(s.text):
            # "So did Serbia, which has refused to impose sanctions": the relative clause describes the
            # subject, whose own act is the one pointed back to (scored with the clause's, as on a subject)
            hits = _pointing_back_past_relative_clauses(s.text, hits, previous_cues[2]) or hits
        if holders and not hits and not is_question(s.text):
            # "Putin urged Kazakhstan to recognise the republics. Tokayev refused.": the act requested
            hits = _refusing_a_request(s.text, _sentence_before(sents, s), codebook)
        stance = combine(hits)
        if carried is False and holders and pronoun_led and antecedent[1].actor:
            # "He supported Putin's war, although Belarusian troops ...": the pronoun names the actor.
            holders = [h._replace(actor=antecedent[1].actor, how="carry-over") if h.country == antecedent[1].country
                       else h for h in holders]

        if stance is not None:
            # "Vietnam and Laos also voted no" after others voted: new holders doing the previous
            # sentence's act (the same cue); a holder heard before is more likely continuing its own.
            countries, cue_ids = {h.country for h in holders}, {x.cue.id for x in hits}
            joins_previous = (previous_cues[0] == s.idx - 1 and not cue_ids.isdisjoint(previous_cues[1])
                              and heard.isdisjoint(countries))
            event, event_source = _link_event(s, sents, events, own_date, published, codebook, joins_previous)
            by_clause = (_stances_respectively(s, holders, hits)
                         or _stances_by_clause(s, holders, hits, sent_mentions)
                         or _stances_by_relative_clause(s, holders, hits))
            passive = any(x.agents for x in hits)
            # "The Gulf state has since hosted talks": after the time of the sentences before
            later = "since" in s.text and bool(_SINCE_THEN.search(s.text))
            last_hits = hits
            lowered_sentence = lowered[s.start:s.end]
            may_prescribe = "should" in lowered_sentence or "must" in lowered_sentence or "ought" in lowered_sentence
            party_own_words = _party_speaks_of_itself(s, parties)
            # the time or reason clauses of a party or of a state that holds nothing here ("…, after a
            # U.S. delegation raised concerns")
            holding = {h.country for h in holders}
            others_clauses = _clauses_of_others(s, [m for m in sent_mentions if m.alias.country in codebook.parties
                                                    or m.alias.country not in holding])
            others = (_others_predicates(s, sent_mentions)
                      if any(c in lowered_sentence for c in _OTHERS_CONNECTORS)
                      and any(n in lowered_sentence for n in _SPEAK_FOR_NO_STATE + _UNNAMED_STATES)
                      else [])
            if any(body in s.text for body in _BODY_WORDS):
                others = others + _bodies_predicates(s, sent_mentions)
            for h in holders:
                if by_clause and by_clause[h] is None:
                    continue  # its clause states nothing: "Moldova, by contrast, aligned itself with the EU"
                h_stance, h_hits = by_clause[h] if by_clause else (stance, hits)
                if h.country in excepted:  # "Apart from Belarus, no former Soviet state has backed the war": Belarus has
                    h_hits = [x._replace(negated=not x.negated) for x in h_hits]
                    h_stance = combine(h_hits)
                if contrast_clause:
                    h_hits = [x for x in h_hits if (contrast_clause[0] <= x.start < contrast_clause[1])
                              == (h.country in contrasted)]
                    if not h_hits:
                        continue
                    h_stance = combine(h_hits)
                elif h.start >= 0 and any(x.negated for x in h_hits):
                    mention = next((m for m in sent_mentions if m.start == h.start), None)
                    if mention is not None:
                        lifted = own_act_past_others_negation(s.text, h_hits, h.start - s.start,
                                                              mention.end - s.start, codebook)
                        if lifted != h_hits:
                            h_hits, h_stance = lifted, combine(lifted)
                if any(x.hedged for x in h_hits) and not _speaks(s, h):
                    # "Analysts fear China could supply lethal aid": what others think it might do
                    h_hits = [x for x in h_hits if not x.hedged]
                    if not h_hits:
                        continue
                    h_stance = combine(h_hits)
                # the holder's own acts end where a party starts speaking of himself ("Putin told Modi he
                # wanted the fighting to end") or where others prescribe its acts ("China should push
                # Russia to end the war, Macron said")
                cut = party_own_words
                prescribed = _prescribed_from(s, h, sent_mentions) if may_prescribe else None
                if prescribed is not None and not _speaks(s, h):
                    cut = prescribed if cut is None else min(cut, prescribed)
                if cut is not None:
                    h_hits = [x for x in h_hits if x.start < cut]
                    if not h_hits:
                        continue
                    h_stance = combine(h_hits)
                # others' acts in the sentence: a party's clause after the holder ("Kazakhstan abstained,
                # while Russia voted against"), people who speak for no state ("…, and Western officials
                # have voiced concern"), and what a holder is praised or blamed for ("Blinken thanked
                # Kazakhstan for its aid to Ukraine" is Kazakhstan's act)
                rel = h.start - s.start if h.start >= 0 else -1
                if rel > 0 and (", wh" in s.text or ", that" in s.text):
                    on_a_thing = _relative_clause_on_a_thing(s.text, rel)
                    if on_a_thing and not any(m.alias.country == h.country
                                              and not on_a_thing[0] <= m.start - s.start < on_a_thing[1]
                                              for m in sent_mentions):
                        h_hits = [x for x in h_hits if on_a_thing[0] <= x.start < on_a_thing[1]]
                        if not h_hits:
                            continue
                        h_stance = combine(h_hits)
                if rel > 0 and " that " in s.text:
                    voiced = _voiced_of_the_holder(s, h, rel, h_hits, sent_mentions)
                    if voiced:
                        h_hits = [x for x in h_hits if x not in voiced]
                        if not h_hits:
                            continue
                        h_stance = combine(h_hits)
                others_acts = [(lo, hi) for lo, hi in others_clauses if rel < lo] + others
                if others_acts or judged:
                    h_hits = _judge_or_judged(s, h, _outside_spans(h_hits, others_acts), judged)
                    if not h_hits:
                        continue
                    h_stance = combine(h_hits)
                if passive and any(x.agents for x in h_hits):
                    h_hits = _as_agent_or_not(s, h, h_hits, sent_mentions)
                    if not h_hits:
                        continue  # "Kazakhstan abstained, and the resolution was opposed by Belarus": Belarus's act
                    h_stance = combine(h_hits)
                ev = _open_to(event, h.country, codebook)
                src, d, prec = event_source if ev else "", own_date[0] if own_date else None, own_date[1] if own_date else ""
                from_text = own_date is not None  # the date was written in the text, here or nearby
                if not ev and not later:
                    inherited = _inherit(recent, s.idx, h, carried)
                    if inherited and own_date and not _near_period(codebook.event(inherited[2]), own_date):
                        inherited = None  # "In 2014, China abstained …" after China's 2023 peace plan
                    if (inherited and own_date is None and inherited[3] is None and published
                            and distance(codebook.event(inherited[2]), published) > MAX_DISTANCE):
                        # an undated statement after an undated reaction to Russia's act of long before
                        # (a 2023 report: "Tokayev, who refused to recognise the annexation, …. Kazakh
                        # officials said …"): the reaction is background, not the occasion
                        inherited = None
                    if inherited:
                        ev, src = inherited[2], "inherited"
                        if d is None and inherited[3] is not None:
                            d, prec, from_text = inherited[3], inherited[4], inherited[7]
                if (d is None and not later and s.idx - SCENE_WINDOW <= scene[0] < s.idx and scene[1] == s.para
                        and h.country in scene[2]):
                    # "Erdogan spoke with Putin by phone on Sunday. The Turkish leader called for a
                    # ceasefire": the sentence before sets the scene, with its date
                    scene_date = own_date_of(scene[0])
                    if scene_date:
                        d, prec, from_text = scene_date[0], scene_date[1], True
                if not ev and d is not None and prec == "day":
                    ev, src = _open_to(event_by_date(d, codebook, h.country), h.country, codebook), "date"
                if not ev and d is None:
                    ev, src = _open_to(events.named_before(s.idx), h.country, codebook), "dateline"
                if ev and d is not None and prec in ("month", "year"):
                    # "Pashinyan, who chairs the bloc this year, did not mention Ukraine" at the
                    # summit: the event's day, when it falls in the month or year the text gives
                    on_event = _fallback_date(ev, published, codebook, s.text)
                    if on_event[1] in ("day", "week") and d <= on_event[0] <= _last_day((d, prec)):
                        d, prec = on_event
                if d is None:
                    nearby = None if later else _date_nearby(recent, s.idx, h, carried, ev)
                    d, prec = nearby or _fallback_date(ev, published, codebook, s.text)
                    from_text = nearby is not None
                rows.append(_row(doc_id, s, h, h_stance, h_hits, ev, d, prec, codebook))
                recent.append((s.idx, h.country, ev, None if prec == "published" else d, prec, src, h.actor, from_text))
                heard.add(h.country)
                last_hits = h_hits
            previous_cues = (s.idx, cue_ids, last_hits)
        if holders:  # (a state with a row here passes its date on by ``recent``)
            with_rows = set()
            for r in reversed(recent):
                if r[0] != s.idx:
                    break
                with_rows.add(r[1])
            unheard = {h.country for h in holders} - with_rows
            # "Xi and Modi met Putin on Friday. The Chinese leader pledged … The Indian prime minister
            # told Putin …": a sentence whose states all have rows leaves the scene set before it
            if unheard or s.para != scene[1] or s.idx - scene[0] >= SCENE_WINDOW:
                scene = (s.idx, s.para, unheard)
        # Update the antecedent for pronouns in the next sentences.
        if holders and not carried:
            antecedent = (s.idx, holders[0], tuple(holders))
        elif carried:
            pass  # "The country has avoided criticising Moscow": Moscow is no subject, the state stays
        elif (parties and parties[0].start - s.start < 60
              and not opens_subordinate_clause(s.text[:parties[0].start - s.start])):
            # "Lavrov said ...": the next "he" is a Russian official ("... came a day after Putin
            # announced" names him in a time clause, and the last holder stays)
            antecedent = None
        elif antecedent and introduces_unknown_person(s.text, [m.start - s.start for m in sent_mentions]):
            antecedent = None
    return rows


def _open_to(event_id: str, country: str, codebook: Codebook) -> str:
    """The event, or "" when the state could not take part in it: "Eritrea voted against the
    resolution" is no Security Council vote, whatever vote is nearest in time."""
    return event_id if not event_id or codebook.event(event_id).open_to(country) else ""


OBJECT_WORDS_INTO_CUE = 3  # a state this many words into a cue's phrase is what the cue is about


def _objects_of_cues(s: _Sentence, holders: list[Holder], mentions: list, hits: list[CueHit],
                     codebook: Codebook, speaker: str | None = None) -> frozenset[int]:
    """Starts of the holders' mentions that a cue's phrase takes as its object or names as its
    target, at most a few words after the phrase begins and with no comma between, when another
    state is named before the phrase or the sentence's pronoun subject (``speaker``, the country of
    its antecedent) is another state's: "Cuba blamed the United States", "Cuba accused the United
    States of provoking", "India said the United States was fanning the flames", "He said Washington
    should stop adding fuel to the fire" (but "Relations between Kazakhstan and Russia have cooled"
    are Kazakhstan's)."""
    out = set()
    ends = {m.start: m.end - s.start for m in mentions}
    for h in holders:
        rel = h.start - s.start
        for x in hits:
            # "Lula said the United States and Europe were prolonging the war": a state listed right
            # before the target that opens the phrase is a target too
            if rel < x.start and h.start in ends and _LISTED_INTO.match(s.text, ends[h.start], x.start):
                rel_in = x.start
            else:
                rel_in = rel
            if x.start <= rel_in < x.end and ((speaker is not None and speaker != h.country) or any(
                    m.alias.country != h.country and m.alias.country not in codebook.parties
                    and m.start - s.start < x.start for m in mentions)):
                between = s.text[x.start:rel_in]
                if "," not in between and len(between.split()) <= OBJECT_WORDS_INTO_CUE:
                    out.add(h.start)
    return frozenset(out)


_LISTED_INTO = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?$")


# Opens an adverbial clause or phrase whose subject is not the main clause's: "after", "for fear of".
# ("as" is left out: "condemned as illegal by Kenya", "as well as"; and "while", "whereas": "…, while
# China and India did not" is the contrasted states' own elliptical act.)
_TRAILING_CLAUSE_OPENER = re.compile(
    r"\b(?:after|before|when|whenever|because|since|until|once|following|amid|amidst"
    r"|for\s+fear\s+of|in\s+response\s+to|in\s+retaliation\s+for|under\s+(?:\w+\s+)?pressure\s+from"
    r"|at\s+the\s+(?:request|urging|behest)\s+of)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:–—()\"“”]")


def _subjects_of_trailing_clauses(s: _Sentence, holders: list[Holder], hits: list[CueHit]) -> frozenset[int]:
    """Starts of the holders' mentions inside an adverbial clause that follows every cue: "Indian
    refiners cut purchases of Russian oil after Washington sanctioned Rosneft", "banks stopped
    accepting payments for fear of US secondary sanctions". The state in such a clause does not do
    the cue's act. A comma between the opener and the mention ends the clause ("The war must end
    before winter, Kazakhstan said" is Kazakhstan's)."""
    if not hits:
        return frozenset()
    last_end = max(x.end for x in hits)
    out = set()
    for h in holders:
        rel = h.start - s.start
        if rel < last_end:
            continue
        openers = list(_TRAILING_CLAUSE_OPENER.finditer(s.text, last_end, rel))
        if openers and not _CLAUSE_END.search(s.text, openers[-1].end(), rel):
            out.add(h.start)
    return frozenset(out)


# "The Kremlin ally", "Moscow's closest partner": a party named as what another state is allied to
_PARTY_AS_MODIFIER_OF_ALLY = re.compile(r"(?:[’']s)?(?:-backed|-allied|-friendly)?\s+(?:(?:closest|close|key|staunch|"
                                        r"staunchest|loyal|loyalest|main|strategic|traditional|longtime|"
                                        r"long-time|old|oldest|only|last)\s+)?(?:ally|allies|partner|partners|"
                                        r"friend|friends|client|satellite)\b", re.I)


def _party_leads(s: _Sentence, parties: list) -> bool:
    """Whether a Russian or Ukrainian mention opens the sentence ("Lavrov said", "The president of
    Russia said"), so that its pronoun or description is theirs, not the last holder's. A party
    later in the clause is an object ("The country has avoided criticising Moscow"), and so is one
    after a personal pronoun, which is the subject itself ("He did not mention Ukraine"). In a
    sentence that opens with a quotation, a party inside it is what the speaker talks about
    ('"Russia is our strategic partner," he said'); one right after it speaks ('"…," said Peskov').
    """
    if not parties:
        return False
    lead_from = 0
    quote_end = end_of_opening_quotation(s.text)
    if quote_end is not None:
        parties = [p for p in parties if p.start - s.start > quote_end]
        if not parties:
            return False
        lead_from = quote_end + 1
    rel = parties[0].start - s.start
    if rel - lead_from >= 40:
        return False
    before = s.text[lead_from:rel]
    if _PARTY_AS_MODIFIER_OF_ALLY.match(s.text, parties[0].end - s.start):
        return False  # "The Kremlin ally was one of four countries to do so": the ally, a state
    return (len(before.split()) <= 4 and not _PERSONAL_PRONOUN_SUBJECT.match(before)
            and not _PREPOSITION_BEFORE.search(before)  # "Kyrgyz citizens fighting for Russia …, it said"
            and not _AUXILIARY_OR_PARTICIPLE_BEFORE.search(before))  # "Neither country has condemned Moscow"


# "Putin told Modi he understood …", "Lavrov said he had studied …": the party speaks of itself
# (past a relative clause or an apposition on the speaker: "Putin, who has been shunned by the West,
# told Modi he …", "Lavrov, the Russian foreign minister, said he …")
_SAYS_THEN_HE = re.compile(r"(?:\s*,\s+(?:who|whose)\s[^,;]{1,150},|\s*,\s+the\s+(?:Russian|Kremlin|Ukrainian)\s+[a-z]+"
                           # "Putin, speaking at a meeting with Modi on the sidelines …, said he …"
                           r"(?:\s+[a-z]+)?,|\s*,\s+(?:speaking|writing|addressing|meeting|talking|standing|sitting)\s[^,;]{1,150},)?"
                           r"\s+(?:\w+ly\s+)?(?:told|tells|said|says|assured|promised|informed|reminded|replied|replies|responded|responds|"
                           r"answered|answers|conceded|concedes|admitted|admits|insisted|insists|stressed|stresses)\b"
                           r"(?:\s+(?!that\b|he\b|she\b)[\w’'.-]+){0,5}?\s+(?:that\s+)?(?:he|she)\s+(?!and\b)",
                           re.IGNORECASE)
# but what he understood or acknowledged of others is theirs, "Putin said he understood India's
# concerns" (India voiced them), up to his own next verb: "… and wanted the conflict to end"
_KNOWING = re.compile(r"(?:\w+ly\s+)?(?:understood|understands|knew|knows|acknowledged|acknowledges|realised|realized|"
                      r"recognised|recognized|noted|(?:was|is)\s+aware)\b", re.IGNORECASE)
_HIS_NEXT_VERB = re.compile(r"[^,;:]*?(?=,?\s+(?:and|but)\s+(?:(?:he|she)\s+)?(?:also\s+)?(?:\w+ed|wants|hopes|"
                            r"said|says|told|was|is|would|will|had|has|could|can)\b)")


def _party_speaks_of_itself(s: _Sentence, parties: list) -> int | None:
    """Where a Russian or Ukrainian speaker who opens the sentence starts speaking of himself ("Putin
    told Modi he …"): what follows is the party's, not the act of a state named in it."""
    if not parties or not _party_leads(s, parties):
        return None
    m = _SAYS_THEN_HE.match(s.text, parties[0].end - s.start)
    if m is None:
        return None
    knowing = _KNOWING.match(s.text, m.end())
    if knowing is None:
        return m.end()
    own = _HIS_NEXT_VERB.match(s.text, knowing.end())
    return own.end() if own else None


_AUXILIARY_OR_PARTICIPLE_BEFORE = re.compile(r"\b(?:has|have|had|is|are|was|were|did|does|do|will|would|can|could)\b"
                                             r"|\b\w{3,}ed\s+$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|with|to|from|against|in|into|on|at|by|about|toward|towards|than)\s+"
                                 r"(?:the\s+)?$", re.I)


# A clause that only points back at the other clause's act: "..., while China and India did not".
_ELLIPSIS_NEGATED = re.compile(r"\b(?:did|do|does|has|have|had|would|will|could|can|is|are|was|were)(?:\s+not|n[’']t)"
                               r"(?:\s+(?:do\s+so|done\s+so|do\s+the\s+same|follow\s+suit|yet|so\s+far))?(?:,?\s+(?:either|too|as\s+well))?\W*$"
                               r"|\bcannot\W*$|\brefused\s+to(?:\s+do\s+so)?\W*$"
                               # "Uzbekistan has also refused.", "Tajikistan declined, too."
                               r"|\b(?:refused|refuses|declined|declines)(?:,?\s+(?:too|as\s+well))?\W*$", re.I)
_ELLIPSIS_SAME = re.compile(r"\b(?:did|do|does|said|has\s+done|have\s+done)\s+(?:the\s+same|likewise|so\s+too)\b"
                            # "So did Kyrgyzstan.", "Mirziyoyev echoed that call."
                            r"|^\W*(?:and\s+)?so\s+(?:did|does|has|have|had|would|will)\b"
                            r"|\b(?:echo(?:ed|es|ing)?|repeated|reiterated|joined|seconded|endorsed)\s+(?:that|this|the|his|her|their)"
                            r"\s+(?:same\s+)?(?:call|appeal|demand|position|stance|view)\W*$"
                            # "The Kremlin ally was one of only four countries to do so"
                            r"|\b(?:one\s+of\s+(?:only\s+|just\s+|the\s+|a\s+handful\s+of\s+|a\s+few\s+)?|the\s+(?:first|only|last|second|third)\s+)"
                            r"(?:[\w-]+\s+){0,3}?to\s+do\s+(?:so|the\s+same)\b"
                            r"|\bfollow(?:s|ed|ing)?\s+suit\b|\b(?:did|does|has|have|would|will)\s+(?:so\s+)?(?:too|as\s+well)\W*$", re.I)


# A contrast or time clause put first ends at its comma ("After Azerbaijan attacked, Pashinyan …").
_FRONTED_CONTRAST = re.compile(r"^[\"“‘']?\s*(?:While|Whereas|After|When|Before|Once|Until|Following|Amid|Even\s+as|"
                               r"Although|Though|Even\s+though)\s[^,;]{1,200},\s*")


_RESPECTIVELY = re.compile(r",?\s+respectively\b", re.I)


def _stances_respectively(s: _Sentence, holders: list[Holder], hits: list[CueHit]) -> dict | None:
    """"Kazakhstan and Uzbekistan abstained and voted in favour, respectively": as many acts as states,
    all after them, pair off in order. None where the counts differ (or no "respectively")."""
    if "respectively" not in s.text or len(holders) < 2 or len(hits) != len(holders):
        return None
    if not _RESPECTIVELY.search(s.text) or any(not s.start <= h.start < s.end for h in holders):
        return None
    ordered_hits = sorted(hits, key=lambda x: x.start)
    ordered_holders = sorted(holders, key=lambda h: h.start)
    if ordered_hits[0].start <= ordered_holders[-1].start - s.start:
        return None
    return {h: (combine([x]), [x]) for h, x in zip(ordered_holders, ordered_hits)}


def _stances_by_clause(s: _Sentence, holders: list[Holder], hits: list[CueHit], mentions: list = ()) -> dict | None:
    """"China and India abstained, while Serbia voted in favour": when the holders stand in
    different clauses joined by a contrast (while, whereas, but, a semicolon), each holder is scored
    on its own clause's cues. A clause without cues that only points back ("..., while China and
    India did not"; "..., while Uzbekistan did the same") takes the other clause's cues, negated or
    as they are; any other clause without cues gives its holders no row (value None). Clauses
    joined by ", and" are split the same way when each holder's clause states its own act
    ("Belarus voted against, and Armenia abstained"), as a list with a serial comma does not
    ("Belarus, Kazakhstan, and Armenia voted against"). A holder named again as the subject of a
    later clause also has that clause ("India and China abstained, but New Delhi later voiced
    concern": the concern is India's alone). None: score the whole sentence for every holder."""
    if len(holders) < 2 or not hits or any(not s.start <= h.start < s.end for h in holders):
        return None  # (a holder carried over from an earlier sentence stands in no clause here)
    cuts = [m.end() for m in CONTRAST.finditer(s.text)]
    if ":" in s.text:  # "Laos and Cambodia split: Cambodia backed the text while Laos abstained"
        cuts = sorted({*cuts, *(m.end() for m in _COLON_CLAUSE.finditer(s.text))})
    fronted = _FRONTED_CONTRAST.match(s.text)
    if fronted:  # "While Belarus backed the invasion, Kazakhstan called for talks"
        cuts = sorted({fronted.end(), *cuts})
    if ", " in s.text:  # "China abstained, Belarus voted against, and Kazakhstan did not vote"
        cuts = sorted({*cuts, *_comma_clause_cuts(s, holders, hits)})
    if " and " in s.text:
        with_and = sorted({*cuts, *_and_clause_cuts(s.text, hits, [h.start - s.start for h in holders])})
        out = _scored_by_clauses(s, holders, hits, with_and, mentions) if len(with_and) > len(cuts) else None
        if out and all(v is not None or _acts_in_own_clause(s, h, with_and) for h, v in out.items()):
            return out
    return _scored_by_clauses(s, holders, hits, cuts, mentions) if cuts else None


_AND_CLAUSE = re.compile(r",?\s+and\s+")
# a colon before a capital opens a clause of its own
_COLON_CLAUSE = re.compile(r":\s+(?=(?:the\s+|The\s+)?(?-i:[A-Z]))")
# the finite verb right after a clause's subject: a past form or an auxiliary ("Armenia stayed away",
# "Armenia has said nothing"), not "likewise" or "too", which point back
_FINITE_VERB_AFTER_SUBJECT = re.compile(r"(?:[’']s\s+\w+\s+)?\s+(?:\w+ly\s+)?(?:[a-z]+ed|has|have|had|is|are|was|were|"
                                        r"will|would|did|does|sent|kept|took|made|gave|held|left|met|sought|stood|said)\b")


# a comma (and an "and") right before a clause's subject
_COMMA_BEFORE_SUBJECT = re.compile(r",\s+(?:and\s+)?(?:(?:later|also|then|however|instead|meanwhile|\w+ly)\s+){0,2}"
                                   r"(?:the\s+)?\Z")
_SAYING_VERB = re.compile(r"\s*(?:\w+ly\s+)?(?:said|says|told|added|noted|stated|claimed|argued|insisted|"
                          r"stressed|explained|reported|wrote|asked)\b")


def _opens_own_clause(text: str, rel: int) -> bool:
    """Whether the name at ``rel`` is the subject of a finite verb right after it, not one of saying
    ("Belarus voted against", not "Belarus, Kazakhstan and …" nor "…, India said")."""
    name = _CAPITALISED_RUN.match(text, rel)
    if not name:
        return False
    end = rel + len(name.group(0).rstrip())
    return bool(_FINITE_VERB_AFTER_SUBJECT.match(text, end)) and not _SAYING_VERB.match(text, end)


_CAPITALISED_RUN = re.compile(r"(?:(?-i:[A-Z])[\w’'-]*\s?)+")


def _comma_clause_cuts(s: _Sentence, holders: list[Holder], hits: list[CueHit]) -> list[int]:
    """Where a comma opens a clause with a holder of its own: the name after the comma is the subject
    of a finite verb, and the text before it holds a cue or a holder that is the subject of its own
    verb ("China abstained, Belarus voted against, and Kazakhstan did not vote at all"; "India signed
    the deal, and Japan imposed sanctions"; not "Unlike Belarus, Kazakhstan refused …")."""
    starts = sorted({h.start - s.start for h in holders if s.start <= h.start < s.end})
    cuts: list[int] = []
    for i, rel in enumerate(starts):
        if rel < 2 or not _COMMA_BEFORE_SUBJECT.search(s.text, max(0, rel - 40), rel):
            continue
        if not _opens_own_clause(s.text, rel):
            continue
        comma = s.text.rfind(",", 0, rel)
        since = cuts[-1] if cuts else 0
        if any(since <= x.start < comma for x in hits) or any(
                since <= earlier < comma and _opens_own_clause(s.text, earlier) for earlier in starts[:i]):
            cuts.append(rel)
    return cuts


def _acts_in_own_clause(s: _Sentence, h: Holder, cuts: list[int]) -> bool:
    """"Georgia and Moldova condemned the referendums, and Armenia stayed away from the vote": a
    holder that opens a clause after ", and" with a verb of its own states what that clause says,
    not the other clause's cue; a clause without a cue gives it no row."""
    rel = h.start - s.start
    clause = bisect_right(cuts, rel)
    if clause == 0:
        return False
    opening = _BEFORE_CLAUSE_SUBJECT.match(s.text, cuts[clause - 1])
    if opening.end() != rel:
        return False
    name = _CAPITALISED_RUN.match(s.text, rel)
    return bool(name and _FINITE_VERB_AFTER_SUBJECT.match(s.text, rel + len(name.group(0).rstrip())))


def _and_clause_cuts(sentence: str, hits: list[CueHit], holder_starts: list[int]) -> list[int]:
    """Where an "and" may join two clauses: after a cue with no holder between it and the "and"
    ("Belarus voted against and India abstained"; not "Belarus and Syria voted against", nor
    "countries neutral about the war, such as Brazil and India, expressed …"). Linear in the
    sentence: a run-on "sentence" may hold thousands of cues and "and"s."""
    cuts, last = [], 0
    by_end = sorted((x.end, x.start) for x in hits)
    holders = sorted(holder_starts)
    j, latest_end = 0, -1  # the last end of a cue since the last cut that ends before this "and"
    for m in _AND_CLAUSE.finditer(sentence):
        while j < len(by_end) and by_end[j][0] <= m.start():
            if by_end[j][1] >= last:
                latest_end = max(latest_end, by_end[j][0])
            j += 1
        if latest_end < 0:
            continue
        k = bisect_left(holders, latest_end)
        if not (k < len(holders) and holders[k] < m.start()):
            cuts.append(m.end())
            last, latest_end = m.end(), -1
    return cuts


def _outside_spans(hits: list[CueHit], spans: list[tuple[int, int]]) -> list[CueHit]:
    """The hits that start in none of the spans (sorted once: many hits and spans stay linear)."""
    if not spans:
        return list(hits)
    spans = sorted(spans)
    los = [lo for lo, _ in spans]
    reach, furthest = [], -1  # the furthest end of the spans up to each one
    for _, hi in spans:
        furthest = max(furthest, hi)
        reach.append(furthest)
    out = []
    for x in hits:
        k = bisect_right(los, x.start)
        if not (k and reach[k - 1] > x.start):
            out.append(x)
    return out


# what may stand between a clause's start and its subject: "but New Delhi later …", "while the Kremlin …"
_BEFORE_CLAUSE_SUBJECT = re.compile(r"\s*(?:(?:later|also|then|however|instead|meanwhile|\w+ly)\s+){0,2}(?:the\s+)?")


def _scored_by_clauses(s: _Sentence, holders: list[Holder], hits: list[CueHit], cuts: list[int],
                       mentions: list = ()) -> dict | None:
    """Each holder's stance from the cues of its clauses (clauses end at ``cuts``): the clause it is
    first named in, and any later clause that opens with it as subject. None when all holders
    share the same clauses."""
    bounds = [0, *cuts, len(s.text)]
    clauses_of_holder = {}
    for h in holders:
        clauses = {bisect_right(cuts, h.start - s.start)}
        for m in mentions:
            rel = m.start - s.start
            clause = bisect_right(cuts, rel)
            if (m.alias.country == h.country and clause not in clauses
                    and _BEFORE_CLAUSE_SUBJECT.fullmatch(s.text, bounds[clause], rel)):
                clauses.add(clause)
        clauses_of_holder[h] = frozenset(clauses)
    if len(set(clauses_of_holder.values())) < 2:
        return None
    out = {}
    for h, clauses in clauses_of_holder.items():
        own = [x for x in hits if bisect_right(cuts, x.start) in clauses]
        if not own:
            first = min(clauses)
            own = _pointed_back(s.text[bounds[first]:bounds[first + 1]], hits)
        out[h] = (combine(own), own) if own else None
    return out


# "…, who has avoided criticising Moscow, that China …": a relative clause on a named holder, and its end
# (also with a title after a demonym or possessive: "met the Kazakh foreign minister, who said …")
_WHO_CLAUSE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*(?:[’']s)?(?:\s+(?:[a-z-]+\s+){0,2}?(?:president|"
                         r"minister|leader|counterpart|premier|chancellor|envoy|ambassador|diplomat|spokes(?:man|woman|"
                         r"person)|officials?|government))?\s*,\s+(?=(?:who|which)\s)")
_VERB_BEFORE = re.compile(r"\b(?!(?:the|and|for|with|from|into|after|before|during|since|its|his|her|their|our)\b)"
                          r"[a-z]{3,}\b")
_LIST_ITEM_AFTER = re.compile(r"(?:^|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:\s*,)?\s+(?:and|or|as\s+well\s+as)\s+$")
# "Pakistan, which kept buying Russian oil, said …": closed by the main verb, it is on the subject
_SUBJECT_RELATIVE = re.compile(r"(?:who|which)\s[^,;]{1,200}?,\s+(?:(?:\w+ly|also|has|have|had)\s+)?"
                               r"(?:said|says|told|\w+ed)\b")
_RELATIVE_CLAUSE_END = re.compile(r",\s+(?:that|and|but|said|says|told|while|whereas)\b|;")


def _stances_by_relative_clause(s: _Sentence, holders: list[Holder], hits: list[CueHit]) -> dict | None:
    """"Xi met Lukashenko, who has backed the war": the cues of a relative clause on a holder named
    after a verb are that holder's alone, and the other holders' cues are the rest (a relative
    clause on the subject describes it, and the subject's cues include it).
    Value None: the holder's part states nothing. None: score the whole sentence for every holder."""
    if len(holders) < 2 or not hits or ", wh" not in s.text:
        return None
    spans = {}
    for h in holders:
        rel = h.start - s.start
        who = _WHO_CLAUSE.match(s.text, rel) if 0 <= rel < len(s.text) else None
        if not who or not _VERB_BEFORE.search(s.text, 0, rel) or _LIST_ITEM_AFTER.search(s.text, 0, rel):
            continue  # on a subject ("Indian Prime Minister Narendra Modi, who …") or a list ("China and India, which")
        if not _SUBJECT_RELATIVE.match(s.text, who.end()):
            end = _RELATIVE_CLAUSE_END.search(s.text, who.end())
            spans[h] = (who.end(), end.start() if end else len(s.text))
    if not spans:
        return None
    out = {}
    for h in holders:
        if h in spans:
            lo, hi = spans[h]
            own = [x for x in hits if lo <= x.start < hi]
        else:
            own = [x for x in hits if not any(lo <= x.start < hi for lo, hi in spans.values())]
        out[h] = (combine(own), own) if own else None
    return out


# "The declaration, which India helped draft, said …": a relative clause on a thing (a common noun,
# not a state's description) that names the state within its first few words
_WHICH_ON_A_THING = re.compile(r"(?<![A-Z])\b(?!(?:country|state|nation|government|republic|ally|partner|neighbou?r|"
                               r"regime|leadership|administration|bloc)\b)[a-z][\w-]{2,},\s+(?:which|that)\s+"
                               r"(?:[\w’'-]+\s+){0,3}?$")


def _relative_clause_on_a_thing(sentence: str, rel: int) -> tuple[int, int] | None:
    """The span of the relative clause on a thing that names the holder at ``rel``, to its closing
    comma: the holder's acts are the clause's, not what the thing says or does ("The statement,
    which Kazakhstan did not sign, condemned the annexation" is not Kazakhstan's condemnation),
    unless the sentence names the state outside the clause too (the caller checks)."""
    opening = _WHICH_ON_A_THING.search(sentence, max(0, rel - 60), rel)
    if opening is None:
        return None
    closing = sentence.find(",", rel)
    return opening.end(), closing if closing >= 0 else len(sentence)


_THAT_THEN_SUBJECT = re.compile(r"\s*,?\s+that\s+(?:the\s+)?$")


def _voiced_of_the_holder(s: _Sentence, h: Holder, rel: int, hits: list[CueHit], mentions: list) -> list[CueHit]:
    """The cues that someone else voices about the holder, who is the subject of their that-clause
    ("Western officials have voiced concern that Kazakhstan is re-exporting sanctioned goods"): not
    the holder's, unless the holder is named before them, as their subject."""
    voiced = [x for x in hits if x.end <= rel and _THAT_THEN_SUBJECT.match(s.text, x.end, rel)]
    if voiced and any(m.alias.country == h.country and m.start - s.start < voiced[0].start for m in mentions):
        return []
    return voiced


# "Beijing said it could …", "Turkey has offered to …": the state named, then its verb of saying
_NAME_THEN_SAYS = re.compile(r"[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?"
                             r"(?:said|says|told|announced|stated|declared|insisted|offered|pledged|promised|"
                             r"signall?ed|hinted|indicated|suggested|warned|added)\b")


# "China should push Russia …", "Serbia's government must impose sanctions …": the holder named as the
# subject of a modal of obligation
_OBLIGATION_AFTER_NAME = re.compile(r"(?:['’]s\s+(?:government|leaders?|leadership|authorities)\b)?\s+"
                                    r"(?:(?:also|now|still|too|instead|first)\s+|\w+ly\s+)?"
                                    r"(?:should|must|ought\s+to)\b", re.IGNORECASE)


def _prescribed_from(s: _Sentence, h: Holder, mentions: list) -> int | None:
    """Where the acts another speaker prescribes for the holder begin (an offset in the sentence),
    when the holder's mention is the subject of "should", "must" or "ought to"; else None."""
    for m in mentions:
        if m.start == h.start:
            after = _OBLIGATION_AFTER_NAME.match(s.text, m.end - s.start)
            return after.end() if after else None
    return None


# A time, reason or contrast clause whose subject is a party: "…, while Russia voted against", "…
# when Moscow vetoed the resolution"
_CLAUSE_OF_OTHERS_END = re.compile(r"[,;:–—]")


def _clauses_of_others(s: _Sentence, other_mentions: list) -> list[tuple[int, int]]:
    """Spans of the clauses that a Russian or Ukrainian subject, or a state that holds nothing in the
    sentence, opens after "when", "after", "while" … (from the subject to the next comma): the cues
    there are the subject's acts, not those of a holder named before the clause."""
    out = []
    for p in other_mentions:
        rel = p.start - s.start
        if opens_subordinate_clause(s.text[max(0, rel - 30):rel], contrast=True):
            end = _CLAUSE_OF_OTHERS_END.search(s.text, p.end - s.start)
            out.append((rel, end.start() if end else len(s.text)))
    return out


# A clause of its own whose subject is people who speak for no state, or states left unnamed: "…, and
# Western officials have voiced concern that …", "; critics say …", "… even as its neighbours voiced concern"
_SPEAK_FOR_NO_STATE = ("official", "analyst", "critic", "diplomat", "lawmaker", "observer", "expert", "economist",
                       "commentator", "activist", "rights group")
_UNNAMED_STATES = ("neighbo", "allies", "partners", "other")  # (literal words that gate the regex, like the above)
_OTHERS_CONNECTORS = ("and ", ";", "while ", "whereas ", "even as ")
_OTHERS_CLAUSE = re.compile(
    r"(?:,\s+(?:and|but|while|whereas)\s+|;\s+(?:(?:and|but)\s+)?|\s+(?:even\s+as|even\s+while|while|whereas)\s+)"
    r"(?:(?:some\s+|many\s+|other\s+|the\s+)?(?:(?-i:[A-Z])[\w-]+\s+)?(?:human\s+)?(?:"
    + "|".join(n.replace(" ", r"\s+") for n in _SPEAK_FOR_NO_STATE)
    + r")s|(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:neighbou?rs|allies|partners)|(?:(?:many|most|some)\s+)?other\s+"
    r"(?:countries|states|nations|governments)|others)\s+(?P<predicate>[^,;]*?)(?=\s+that\b|[,;]|$)", re.I)


def _others_predicates(s: _Sentence, mentions: list) -> list[tuple[int, int]]:
    """Spans of what people who speak for no state do in a clause of their own ("…, and Western
    officials have voiced concern"), up to the clause they report or the first state named in it:
    the cues there are theirs, not the holders'. A state named in the subject ("…, and Turkish
    officials said") makes the clause that state's."""
    out = []
    for m in _OTHERS_CLAUSE.finditer(s.text):
        at = [x.start - s.start for x in mentions if m.start() <= x.start - s.start < m.end()]
        if any(rel < m.start("predicate") for rel in at):
            continue
        end = min([m.end(), *at])
        saying = _SAYING.search(s.text, m.start("predicate"), end)  # "critics say it is helping Russia": reported
        out.append((m.start("predicate"), saying.end() if saying else end))
    return out


# International bodies that act in a clause of their own ("India abstained as the UN condemned the
# annexation"): the clause's cues are the body's, not the holder's. (Literal words that gate the regex.)
_BODY_WORDS = ("UN ", "U.N.", "United Nations", "Assembly", "assembly", "Council", "council", "NATO", "EU ",
               "European Union", "G7", "G20", "the West", "Western")
_BODY_CLAUSE = re.compile(
    r"(?:^|,\s+(?:and|but)\s+|\s+(?:as|while|whereas|when|after|before|because|since)\s+)"
    r"(?:[Tt]he\s+)?(?:UN|U\.N\.|United\s+Nations|(?:UN\s+|U\.N\.\s+)?General\s+Assembly|assembly|"
    r"(?:UN\s+|U\.N\.\s+)?Security\s+Council|council|NATO|EU|European\s+Union|G7|G20|West|Western\s+"
    r"(?:countries|nations|governments|powers|allies))\s+(?P<predicate>(?:\w+ly\s+)?(?!said\b|says\b|(?:sanctions|members|"
    r"countries|states|leaders|officials|ministers|diplomats|forces|troops|allies|partners|envoys|ambassadors)\b)"
    r"(?:[a-z]+ed|[a-z]+s(?!\s+(?:have|has|had|are|were|was|is|will|would|could|can|may|might|of|packages?)\b))\b[^,;]*)")


def _bodies_predicates(s: _Sentence, mentions: list) -> list[tuple[int, int]]:
    """Spans of what an international body does in a clause of its own ("India abstains again as UN
    condemns Russian annexation"; "…, and the General Assembly voted to condemn …"), up to the first
    state named there ("The EU praised Kazakhstan for its compliance with sanctions" is Kazakhstan's
    compliance)."""
    out = []
    starts = [x.start - s.start for x in mentions]  # (mentions are in order of start)
    for m in _BODY_CLAUSE.finditer(s.text):
        lo, hi = m.start("predicate"), m.end("predicate")
        k = bisect_left(starts, lo)
        out.append((lo, min(hi, starts[k]) if k < len(starts) else hi))
    return out


_SAYING = re.compile(r"\b(?:say|says|said|believe[sd]?|suspect(?:s|ed)?|fear(?:s|ed)?|warn(?:s|ed)?|argue[sd]?|"
                     r"claim(?:s|ed)?|note[sd]?|think|thinks|thought)\b")


def _judge_or_judged(s: _Sentence, h: Holder, hits: list[CueHit], judged: list[Judged]) -> list[CueHit]:
    """What a holder is praised or blamed for ("Blinken thanked Kazakhstan for its aid to Ukraine",
    "Kazakhstan was praised by Washington for its compliance") is its own act, and all that the
    clause says of it; the judge does not take that act ("Scholz praised the Central Asian country
    for its neutral stance")."""
    rel = h.start - s.start
    if h.start < 0:
        return hits
    for j in judged:
        if (j.object <= rel < j.why) != j.passive and (not j.passive or rel < j.verb):
            return [x for x in hits if j.why <= x.start < j.end]  # the judged
    for j in judged:
        if (j.object <= rel < j.why) if j.passive else rel < j.verb:
            hits = [x for x in hits if not j.why <= x.start < j.end]  # the judge
    return hits


def _speaks(s: _Sentence, h: Holder) -> bool:
    """Whether the holder speaks in the sentence: by its own official or institution, or with a verb
    of saying right after its name."""
    rel = h.start - s.start
    return bool(h.actor) or (0 <= rel < len(s.text) and bool(_NAME_THEN_SAYS.match(s.text, rel)))


def _as_agent_or_not(s: _Sentence, h: Holder, hits: list[CueHit], mentions: list) -> list[CueHit]:
    """A passive clause's cues ("The resolution was opposed by Belarus and Syria") belong to its
    agents, with the cues after them ("…, which also recognised the annexation"); the sentence's
    other cues belong to everyone else. The holder is an agent when any of its state's mentions is
    there ("welcomed by Kazakhstan, where Tokayev said …"); one carried over from an earlier
    sentence is none."""
    at = [m.start - s.start for m in mentions if m.alias.country == h.country] if h.start >= 0 else []
    passive = [x for x in hits if x.agents and any(x.agents[0] <= rel < x.agents[1] for rel in at)]
    if not passive:
        return [x for x in hits if x.agents is None]
    agents_from = min(x.agents[0] for x in passive)  # cues after the agents are theirs too
    return sorted(passive + [x for x in hits if x.agents is None and x.start >= agents_from], key=lambda x: x.start)


def _pointing_back_to(sentence: str, hits: list[CueHit]) -> list[CueHit]:
    """The previous sentence's cues for a sentence that only points back at them ("Kyrgyzstan did
    the same", "Tajikistan did not"), placed on the words that point back, so that the cues column
    shows both ("did the same [= abstained]")."""
    found = _pointer_back(sentence) if hits else None
    if found is None:
        return []
    pointer, negated = found
    words = pointer.group(0).strip(" \t.,;:!?")
    return [x._replace(start=pointer.start(), end=pointer.end(), text=f"{words} [= {_first_cue_text(x.text)}]",
                       negated=_negated_by_pointer(x, negated, pointer), agents=None) for x in hits]


_RELATIVE_CLAUSE_SPAN = re.compile(r",\s+(?:which|who)\b[^,;]*")

_REQUEST_WORDS = ("asked", "asks", "urged", "urges", "pressed", "presses", "pressured", "pushed", "wanted", "wants",
                  "expect", "called on", "calls on", "invited", "encouraged", "lobbied")
# "Moscow wants Kazakhstan to recognise …", "Kazakhstan was asked by Moscow to …": the act requested
_REQUEST_TO_ACT = re.compile(
    r"\b(?:asked|asks|urged|urges|pressed|presses|pressured|pressures|pushed|pushes|wanted|wants|expects|expected|"
    r"called\s+on|calls\s+on|invited|encouraged|lobbied)\s+(?:by\s+[^,;.]{1,40}?\s+)?"
    r"(?:(?:(?-i:[A-Z])[\w’'.-]*|its|their|the|his|her)\s+){0,4}to\s+(?P<act>[^.;]{1,120})", re.I)


def _refusing_a_request(sentence: str, before: str, codebook: Codebook) -> list[CueHit]:
    """The act the sentence before requests, turned around, for a sentence that only refuses
    ("Putin urged Kazakhstan to recognise the republics. Tokayev did not.", "Kazakhstan was asked to
    join the sanctions. It refused."); none otherwise."""
    if not before or not any(word in before for word in _REQUEST_WORDS) or _pointer_back(sentence) is None:
        return []
    request = _REQUEST_TO_ACT.search(before)
    if request is None:
        return []
    act = find_cues(request.group("act"), codebook, passives=False)
    return _pointing_back_to(sentence, [x for x in act if not x.negated]) if act else []


def _pointing_back_past_relative_clauses(sentence: str, hits: list[CueHit], previous: list[CueHit]) -> list[CueHit]:
    """The act pointed back to, with the sentence's own cues, when all of these sit in relative clauses
    and the rest of the sentence only points back ("So did Serbia, which has refused to impose
    sanctions on Moscow"); else none."""
    spans = [m.span() for m in _RELATIVE_CLAUSE_SPAN.finditer(sentence)]
    if not spans or not all(any(lo <= x.start < hi for lo, hi in spans) for x in hits):
        return []
    main = list(sentence)
    for lo, hi in spans:
        main[lo:hi] = " " * (hi - lo)
    pointed = _pointing_back_to("".join(main), previous)
    return sorted(pointed + hits, key=lambda x: x.start) if pointed else []


def _first_cue_text(text: str) -> str:
    """"abstained" of "did the same [= abstained]": the cue a chain of pointers goes back to."""
    return text[text.index(" [= ") + 4:-1] if text.endswith("]") and " [= " in text else text


def _pointer_back(clause: str) -> tuple[re.Match, bool] | None:
    """The words by which a clause only points back at another's act, and whether they negate it
    ("did not", "refused to") or repeat it ("did the same", "followed suit"); None when it does not."""
    negated = _ELLIPSIS_NEGATED.search(clause)
    if negated:
        return negated, True
    same = _ELLIPSIS_SAME.search(clause)
    return (same, False) if same else None


# "Uzbekistan has also refused", "India has not either": a negating pointer that repeats a refusal
_REPEATED_REFUSAL = re.compile(r"\b(?:refus|declin)|\b(?:also|too|either|neither|nor|as\s+well)\b", re.I)


_NEGATOR_BEFORE_REFUSAL = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?(?=(?:refus|declin)\w*\b)", re.I)


def _negated_by_pointer(hit: CueHit, negating: bool, pointer: re.Match) -> bool:
    """Whether the act pointed back at is negated for the new holder: a refusal, or a negation said
    to be shared ("also", "either"), refuses the act itself, whatever the first holder did ("Kazakhstan
    refused to recognise the referendums. Uzbekistan has also refused."); a bare "did not" turns the
    first holder's act around ("Kazakhstan abstained. Uzbekistan did not.")."""
    if not negating:
        return hit.negated
    if _NEGATOR_BEFORE_REFUSAL.search(pointer.string, max(0, pointer.start() - 20), pointer.start() + 8):
        return False  # "Montenegro has not refused to do so": the act itself
    if _REPEATED_REFUSAL.search(pointer.string, max(0, pointer.start() - 12), min(len(pointer.string), pointer.end() + 12)):
        return True
    return not hit.negated


def _pointed_back(clause: str, hits: list[CueHit]) -> list[CueHit]:
    """The other clauses' cues for an elliptical clause (negated for "did not"), else none."""
    found = _pointer_back(clause)
    if found is None:
        return []
    pointer, negating = found
    return [h._replace(negated=_negated_by_pointer(h, negating, pointer)) for h in hits]


class _DocumentEvents:
    """Per-sentence facts of one document, each computed on first use because only sentences near a
    statement are ever asked about: the event a sentence names itself (resolved with its own date),
    its own date, and the event anaphora of its paragraph. The anchor scans behind them run once
    per document."""

    LOOKBACK = 200  # sentences an anaphor ("the summit") may reach back

    def __init__(self, sents: list[_Sentence], starts: list[int], ends: list[int], published,
                 published_precision: str, codebook: Codebook, lowered: str):
        self.sents, self.published, self.precision, self.codebook = sents, published, published_precision, codebook
        self.candidates = codebook.event_index.candidates_by_span(lowered, starts, ends)
        self.generic_candidates = codebook.generic_event_index.candidates_by_span(lowered, starts, ends)
        self.date_candidates = DATE_INDEX.candidates_by_span(lowered, starts, ends)
        self._own: dict[int, str] = {}
        self._dates: dict[int, tuple | None] = {}
        self._anaphora: dict[int, list[str]] = {}
        self._background: dict[int, list] = {}  # event mentions in relative clauses, left out of own()
        self._named_upto, self._named_last = 0, ""  # see named_before
        self.dateline = dateline_place(sents[0].text) if sents else ""

    def own_date(self, idx: int) -> tuple | None:
        """The sentence's own date and its precision (None when it gives none)."""
        if idx not in self._dates:
            text = self.sents[idx].text
            found = resolve_date(text, self.published, self.precision, self.date_candidates[idx])
            offset = day_anaphor(text) if found is None else None
            if offset:  # "The previous day, ...": a day from the date of one of the two sentences before
                earlier = next((d for d in map(self.own_date, range(idx - 1, max(-1, idx - 3), -1)) if d), None)
                if earlier and earlier[1] == "day":
                    found = (earlier[0] + timedelta(days=offset[0]), offset[1])
            self._dates[idx] = found
        return self._dates[idx]

    def named_before(self, idx: int) -> str:
        """For a report filed from where an event took place, while it was under way (give or take
        a day), and naming it before sentence ``idx``: that event ("SAMARKAND, Uzbekistan (Reuters)
        - … the Shanghai Cooperation Organisation summit …"). An analysis published during the
        referendums that mentions them once does not make every later statement theirs.
        Statements come in sentence order, so the scan moves forward once per document."""
        if self.published is None or not self.dateline:
            return ""
        while self._named_upto < idx:
            i = self._named_upto
            if self.candidates[i] or self.generic_candidates[i]:
                found = self.own(i)
                event = self.codebook.event(found) if found else None
                if (event and self.dateline in event.places
                        and distance(event, self.published) <= DOCUMENT_EVENT_SLACK):
                    self._named_last = event.id
            self._named_upto += 1
        return self._named_last

    def own(self, idx: int) -> str:
        if idx not in self._own:
            self._own[idx] = self._resolve(self.sents[idx])
        return self._own[idx]

    def _resolve(self, t: _Sentence) -> str:
        if not self.candidates[t.idx] and not self.generic_candidates[t.idx]:
            return ""
        mentions = find_event_mentions(t.text, self.codebook, self.candidates[t.idx], self.generic_candidates[t.idx])
        if not mentions:
            return ""
        if len(mentions) > 1:
            mentions, background = split_background_mentions(t.text, mentions)
            if background:
                self._background[t.idx] = background
            mentions = without_resolution_topics(t.text, without_generic_named_specifically(mentions))
            mentions = at_a_place_named(t.text, mentions, self.codebook)
        mentions = in_the_body_named(t.text, mentions, self.codebook)
        if not mentions:
            return ""
        own_date = self.own_date(t.idx)
        specific_only = own_date is None and all(not m.generic for m in mentions)
        not_after = _last_day(own_date) if own_date else self.published
        return choose_event(held_by(t.text, mentions, not_after, self.codebook),
                            own_date[0] if own_date else self.published, self.codebook,
                            max_distance=None if specific_only else MAX_DISTANCE, not_after=not_after,
                            until=_last_day(own_date) if own_date else None)

    def anaphora_in_paragraph(self, s: _Sentence) -> list[str]:
        """Kinds of events a definite description in s's paragraph refers to ("the summit")."""
        if s.para not in self._anaphora:
            para_text = " ".join(self.sents[i].text for i in _same_paragraph(self.sents, s))
            self._anaphora[s.para] = anaphoric_kinds(para_text, self.codebook)
        return self._anaphora[s.para]

    def anaphora_in_sentence(self, s: _Sentence) -> list[str]:
        """Kinds of events a definite description in s itself refers to."""
        return anaphoric_kinds(s.text, self.codebook) if self.anaphora_in_paragraph(s) else []

    def of_kind_on_a_recent_date(self, kind: str, s: _Sentence, sents: list[_Sentence]) -> str:
        """"The General Assembly on Wednesday condemned … The resolution was opposed by …": with no
        event of the kind named before, the event of that kind on the day an earlier sentence of the
        paragraph gives."""
        for i in range(s.idx - 1, max(-1, s.idx - 1 - self.LOOKBACK), -1):
            if sents[i].para != s.para:
                break
            found = self.own_date(i)
            if found and found[1] == "day":
                of_kind = [e for e in self.codebook.events if e.kind == kind and e.start <= found[0] <= e.end]
                return min(of_kind, key=lambda e: e.end - e.start).id if of_kind else ""
        return ""

    def last_of_kind(self, kind: str, before: int) -> str:
        for i in range(before - 1, max(-1, before - 1 - self.LOOKBACK), -1):
            ev = self.own(i)
            if ev and self.codebook.event(ev).kind == kind:
                return ev
            # named there but not that sentence's event ("Uzbekistan, which hosted the SCO summit, …")
            named = [m.event_ids[0] for m in self._background.get(i, ()) if m.kind == kind and not m.generic]
            if named:
                return named[-1]
        return ""


def _nearest_event(event_ids: list[str], on: date | None, codebook: Codebook, until: date | None = None) -> str:
    """Among events named nearby, the one closest to the statement's date (or to the period from
    ``on`` to ``until`` it stands for), within MAX_DISTANCE."""
    if not event_ids:
        return ""
    if on is None:
        return event_ids[-1]
    best = min(event_ids, key=lambda eid: distance(codebook.event(eid), on, until))
    return best if distance(codebook.event(best), on, until) <= MAX_DISTANCE else ""


def _link_event(s: _Sentence, sents: list[_Sentence], events: _DocumentEvents, own_date, published,
                codebook: Codebook, joins_previous: bool = False) -> tuple[str, str]:
    """The event of a statement and where it was found. ``joins_previous``: whether the sentence
    before gave statements with one of this sentence's cues, by states not heard before in the
    document (an additive "also" then repeats that act)."""
    on = own_date[0] if own_date else published
    # "last year": any day of it (the period's last day bounds the distance to an event)
    until = _last_day(own_date) if own_date else None
    if own_date and own_date[1] in ("month", "year") and published and on <= published <= _last_day(own_date):
        on, until = published, None  # "this year", "this month": the period under way, nearest the report's day
    if events.own(s.idx):
        return events.own(s.idx), "sentence"
    # "At the summit, Xi had pledged …": a definite description in the sentence itself names its
    # event more closely than another event named elsewhere in the paragraph
    for kind in events.anaphora_in_sentence(s):
        chosen = events.last_of_kind(kind, s.idx) or events.of_kind_on_a_recent_date(kind, s, sents)
        if chosen:
            return chosen, "anaphora"
    chosen = _nearest_event([e for e in (events.own(i) for i in _same_paragraph(sents, s)) if e], on, codebook, until)
    if chosen:
        # "MOSCOW - Xi left Moscow … Xi told Putin that China stood on the side of peace. Beijing has
        # presented a 12-point position paper …": an undated statement in a report filed from an
        # event under way belongs to that event, not to an earlier one the paragraph recalls
        under_way = events.named_before(s.idx) if own_date is None and published is not None else ""
        if under_way and under_way != chosen and distance(codebook.event(chosen), published) > DOCUMENT_EVENT_SLACK:
            return under_way, "dateline"
        return chosen, "paragraph"
    # "But even some countries ...", "As a result, ...", "X also voted no": a discourse connective, or
    # an additive particle after a statement, continues the previous sentence and so its event.
    continues = _CONNECTIVE.match(s.text) or (joins_previous and _ADDITIVE.match(s.text))
    if s.idx > 0 and continues and events.own(s.idx - 1):
        chosen = _nearest_event([events.own(s.idx - 1)], on, codebook, until)
        if chosen:
            return chosen, "previous sentence"
    chosen = _nearest_event([e for e in (events.own(i) for i in _section_headings(sents, s)) if e], on, codebook,
                            until)
    if chosen:
        return chosen, "heading"
    for kind in events.anaphora_in_paragraph(s):
        chosen = events.last_of_kind(kind, s.idx)
        if chosen:
            return chosen, "anaphora"
    return "", ""


def _same_paragraph(sents: list[_Sentence], s: _Sentence) -> list[int]:
    """Indices of the sentences in s's paragraph (sentences are in order, so scan outwards)."""
    lo = s.idx
    while lo > 0 and sents[lo - 1].para == s.para:
        lo -= 1
    hi = s.idx
    while hi + 1 < len(sents) and sents[hi + 1].para == s.para:
        hi += 1
    return list(range(lo, hi + 1))


def _section_headings(sents: list[_Sentence], s: _Sentence) -> list[int]:
    """The heading that opens s's section, if any."""
    i = s.idx - 1
    while i >= 0 and sents[i].section == s.section:
        if sents[i].heading:
            return [i]
        i -= 1
    return []


def _inherit(recent, idx: int, holder: Holder, carried: bool):
    """The latest statement by the same state nearby (or by the same person in the document)
    whose event was found in the text itself."""
    for item in reversed(recent):
        gap = idx - item[0]
        if gap > ACTOR_WINDOW:
            break
        if item[1] == holder.country and not item[2] and item[7] and item[3] is not None:
            return None  # a nearer statement of the state dated in the text and linked to no event
        if item[1] != holder.country or not item[2] or item[5] == "inherited":
            continue
        same_person = bool(holder.actor) and holder.actor == item[6]
        if gap <= (CARRY_WINDOW if carried else INHERIT_WINDOW) or same_person:
            return item
    return None


_SINCE_THEN = re.compile(r"\b(?:has|have|had)\s+since\b|\bsince\s+then\b", re.I)


def _date_nearby(recent, idx: int, holder: Holder, carried: bool, event: str) -> tuple[date, str] | None:
    """"Kazakhstan said on Tuesday it would not recognise the results. It also said ...": a
    statement without a date of its own shares the textual date of the same state's statement about
    the same event (or none) one or two sentences earlier (four when carried over by a pronoun)."""
    window = CARRY_WINDOW if carried else INHERIT_WINDOW
    for item in reversed(recent):
        if idx - item[0] > window:
            break
        if item[1] == holder.country and item[7] and item[2] == event:
            return item[3], item[4]
    return None


def _near_period(event: Event, own_date: tuple[date, str]) -> bool:
    """Whether an event falls within MAX_DISTANCE of the period a resolved date stands for."""
    return event.end >= own_date[0] - MAX_DISTANCE and event.start <= _last_day(own_date) + MAX_DISTANCE


def _last_day(own_date: tuple[date, str]) -> date:
    """The last day a resolved date of the given precision can stand for ("in April": April 30)."""
    day, precision = own_date
    if precision == "week":
        return day + timedelta(days=6)
    if precision == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return day.replace(month=12, day=31)
    return day


def _fallback_date(event_id: str, published: date | None, codebook: Codebook,
                   sentence: str = "") -> tuple[date | None, str]:
    """An undated statement takes its summit's or vote's date, else the publication date. A reaction
    to Russia's own act (the mobilisation, the annexation) comes after it, on a day the text does
    not give, so it keeps the publication date, unless the sentence times it by the act ("right
    after the start of the special operation", "following Putin's mobilisation announcement"): then
    the act's start, to the week."""
    event = codebook.event(event_id) if event_id else None
    if event is None or (event.end - event.start) > timedelta(days=7) or (published and event.start > published):
        # ("will meet Putin at the SCO summit" a week before it: said before)
        return _timed_by_another_event(sentence, published, codebook, event) or (published, "published")
    names_event = [p for p in (event.cues, codebook.generic_event_cues.get(event.kind)) if p is not None]
    timed = date_from_event(sentence, event.start, event.end, names_event)
    if timed and (published is None or timed[0] <= published):
        return timed  # "A day after the General Assembly vote", "on the eve of the SCO summit"
    if event.by_russia:
        if _TIMED_BY_RUSSIAS_ACT.search(sentence):
            return event.start, "week"
        return _timed_by_another_event(sentence, published, codebook, event) or (published, "published")
    return event.start, "day" if event.start == event.end else "week"


def _timed_by_another_event(sentence: str, published: date | None, codebook: Codebook,
                            linked: Event | None) -> tuple[date, str] | None:
    """The date an offset from a named event gives ("Kazakhstan, two days before the General Assembly
    vote, said it would not recognise the annexation": 10 October 2022), when the statement is linked
    to another event (not one of its kind: "on the eve of the CSTO summit" in October means the
    coming one, not May's) or none. Of the events the phrase may name, the latest that began by the
    publication date, within MAX_DISTANCE of it (a report of October that says "a week after
    the General Assembly vote" means no vote of April)."""
    if published is None or ("after" not in sentence and "before" not in sentence and "eve" not in sentence):
        return None
    best = None
    for event in codebook.events:
        if (event.start > published or (event.end - event.start) > timedelta(days=7)
                or published - event.end > MAX_DISTANCE or (linked and event.kind == linked.kind)):
            continue
        names_event = [p for p in (event.cues, codebook.generic_event_cues.get(event.kind)) if p is not None]
        timed = date_from_event(sentence, event.start, event.end, names_event)
        if timed and timed[0] <= published and (best is None or event.start > best[0]):
            best = (event.start, timed)
    return best[1] if best else None


_TIMED_BY_RUSSIAS_ACT = re.compile(
    r"\b(?:after|following|before|in\s+the\s+wake\s+of|in\s+response\s+to)\s+(?:the\s+)?(?:start|launch|"
    r"outbreak|beginning|announcement)?(?:\s+of\s+(?:the\s+)?)?[\"“‘']?(?:[\w’'-]+\s+){0,3}?[\"“‘']?"
    r"(?:mobili[sz]ation|invasion|war|special\s+(?:military\s+)?operation|referend\w+|annexation)", re.I)


def _cue_texts(hits: list[CueHit]) -> str:
    """The cues column: each matched phrase once, marked where negated, and where it stands in a
    concessive clause that the main clause outweighs (it does not count: "Despite reaffirming ties,
    …")."""
    outweighed = not all(x.concessive for x in hits)
    return ";".join(dict.fromkeys(f"{x.text}{' [negated]' if x.negated else ''}"
                                  f"{' [concessive]' if x.concessive and outweighed else ''}" for x in hits))


def _row(doc_id: str, s: _Sentence, h: Holder, stance: int, hits, event: str, on: date | None,
         precision: str, codebook: Codebook) -> dict:
    return {
        "doc_id": doc_id,
        "sent_id": s.idx,
        "start": s.start,
        "end": s.end,
        "quote": s.text,
        "country": h.country,
        "country_name": codebook.country_name(h.country),
        "actor": h.actor,
        "stance": int(stance),
        "stance_label": STANCE_LABELS[int(stance)],
        "cues": _cue_texts(hits),
        "event": event,
        "date": on,  # a datetime.date or None; statements_frame makes the column datetime64
        "date_precision": precision if on else "unknown",
        "method": METHOD,
    }
