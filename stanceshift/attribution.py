"""Who holds a stance: country mentions, their roles in the sentence, and carry-over.

Mentions come from one Aho-Corasick pass over the document. A mention is a stance *holder* when it
acts in the sentence: a country name or capital that is not the object of a preposition or of a
verb such as "meet", a demonym followed by an agent noun ("Kazakh Foreign Ministry"), an actor
("Tokayev"), or an institution ("KCNA"). Reporters ("the US State Department reported that") and
the belligerents are not holders.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from typing import NamedTuple

from .codebook import Alias, Codebook, lower_same_length
from .dating import MONTHS, WEEKDAYS

# A name right after one of these words (and an optional "the") is a place, an object or a
# counterpart, not the actor: "in China", "met the Turkish", "between Russia and India".
_OBJECT_WORDS = ("in", "into", "to", "from", "with", "against", "at", "near", "across", "toward", "towards",
                 "via", "than", "over", "through", "on", "under", "around", "borders", "bordering", "inside",
                 "within", "neighbours", "neighbors", "meet", "met", "meeting", "visit", "visited", "visiting", "told",
                 "tell", "tells", "urged", "expect", "expects", "expected", "asked", "pressed", "pressured",
                 "persuaded", "convinced", "encouraged", "warned", "hosted", "hosting", "welcomed", "received",
                 "thanked", "involving", "about", "regarding", "unlike", "except", "excluding", "defend",
                 "defended", "defending", "protect", "protected", "protecting", "prompting", "prompted",
                 "forcing", "spurring", "spurred", "recognise", "recognises", "recognised", "recognising",
                 "recognize", "recognizes", "recognized", "recognizing")
_RELATION_NOUNS = ("relations", "relationship", "ties", "tension", "tensions", "talks", "trade", "partnership",
                   "cooperation", "rift", "friction", "dispute", "rapprochement", "alliance", "friendship", "contacts")
# Matched against the *reversed* text before the mention, so that the test is anchored at the
# mention (``match`` at position 0) instead of scanning the whole context for an end-anchored match.
_OBJECT_BEFORE_REVERSED = re.compile(
    r"(?:\s+eht)?\s+(?:" + "|".join(w[::-1] for w in sorted(_OBJECT_WORDS, key=len, reverse=True))
    + r"|dna\s+\w+\s+neewteb|eht\s+dna"
    # "borders neighbouring China"; at the start of a sentence or clause the adjective goes with the
    # subject: "Neighbouring Kyrgyzstan made no comment", "Meanwhile, neighbouring Uzbekistan abstained",
    # "Kazakhstan, like neighbouring Kyrgyzstan, abstained"
    + r"|gniru?obhgien(?!\s*(?:[,;:(\"“‘'«—–-]|$|ekil\b))"
    # "Belarus, not Kazakhstan, has backed the war"; "instead of China"; "with the exception of Qatar"
    + r"|ton\s*,|ton\s+tub\s*,|ton\s+dna|fo\s+daetsni|fo\s+noitpecxe"
    # "between Russia and China" is a place; "relations between Kazakhstan and Russia" are Kazakhstan's
    + r"|neewteb(?!(?:\s+\S+){0,4}?\s+(?:" + "|".join(w[::-1] for w in _RELATION_NOUNS) + r")\b))\b", re.IGNORECASE)
# "Indian media reported", not "India described the reports" (a determiner makes "reports" an object);
# "Chinese media noted", but not "Lukashenko noted that …", who speaks
_REPORTER_AFTER = re.compile(r"^[’']?s?\s*(?:(?!(?:the|these|those|such|an?|all|any|some)\s)\w+\s+){0,3}?"
                             r"(?:report(?:s|ed)?|(?<=media\s)(?:notes|noted)|(?<=press\s)(?:notes|noted)|according)\b", re.I)
_REBUTTAL_VERBS = r"\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|rebut\w*)"
_REBUTS = re.compile(_REBUTTAL_VERBS + r"\s", re.I)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# ", according to Hungary's foreign minister." closing the sentence: like a trailing "… officials said"
_TRAILING_ACCORDING = re.compile(r"[,”\"]\s*according\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_TO_SENTENCE_END = re.compile(r"[^,;]{0,80}\Z")
# "Riyadh rejected U.S. accusations that it had sided with Russia": the accuser is a source.
_REBUTTED_BEFORE = re.compile(_REBUTTAL_VERBS + r"\s+(?:the\s+)?$", re.I)
_ACCUSATION_AFTER = re.compile(r"^[’']?s?\s*(?:accusations?|allegations?|claims?|charges?|reports?|suggestions?)\b", re.I)
_INSTITUTION_IN = re.compile(r"\b(?:ministry|government|embassy|officials?|authorities|leadership|parliament)\s+in\s+$", re.I)
_POSSESSIVE = re.compile(r"^[’']s\b")
# "Analysts welcomed Kazakhstan's decision to stop shipments": what the state decided is its act, whoever
# welcomes it
_POSSESSED_ACT = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:decision|move|refusal|choice|stance|position|support|"
                            r"backing|purchases|abstention|vote|call|offer|proposal|plan|efforts?|willingness|"
                            r"commitment|pledge|statement|announcement|readiness|neutrality|compliance|reluctance|"
                            r"failure)\b")
_RELATION_OF_NAME = re.compile(r"^[’']s\s+(?:[\w-]+\s+){0,2}?(?:neighbou?rs?|allies|ally|partners?|rivals?|foes?|enemy|enemies|"
                               r"clients?|satellites?|protégés?)\s+(?-i:[A-Z])", re.I)
# People who speak against the state, not for it ("Hungary's opposition to sanctions" is the state's own)
# ("Belarus's exiled opposition"; but a verb before the noun makes it an object: "Tokayev voiced opposition")
_NON_STATE_AFTER = re.compile(r"^(?:[’']s)?\s+(?:(?!(?:[a-z]+(?:ed|es)|met|drew|saw|sees|has|had|have|is|was|are|were|told|"
                              r"tells|said|says)\s)"
                              r"[\w-]+\s+|(?:exiled|self-exiled|jailed|imprisoned|banned|armed|detained|persecuted|"
                              r"united)\s+)?(?:opposition(?!\s+to\b)|dissidents?|exiles?|émigrés?|activists?|"
                              r"protesters?|rebels?|critics?|opponents?|separatists?|insurgents?|volunteers?|"
                              r"mercenar\w+|diaspora)\b|"
                              # "Serbia's tabloids", "Serbian pro-government journalists" (right after the name:
                              # "Erdogan told journalists" is no one's press)
                              r"^(?:[’']s)?\s+(?:\w+-[\w-]+\s+|state\s+)?(?:tabloids|newspapers|bloggers|pundits|"
                              r"journalists|columnists|fans)\b", re.I)
_COMPOUND_MODIFIER = re.compile(r"^-(?:led|based|backed|made|style|friendly|brokered|born)\b", re.I)
# "Jordan Peterson", "China Daily", "Georgia Tech": a state's name run into a capitalised word that is no
# title, month or other name is part of another proper name
_CAPITALISED_NEXT = re.compile(r"^[ \t]+((?-i:[A-Z][a-z]+))\b(?![’'-])")
_MONTHS_AND_DAYS = frozenset((*MONTHS, *WEEKDAYS))


def _part_of_another_name(after: str, sentence: str, codebook: Codebook) -> bool:
    """Whether a state's name is the first word of another proper name ("Jordan Peterson praised
    Putin", "China Daily said"), not in a headline written in title case, nor before a title ("Turkey
    President Erdogan"), a month, a weekday or another name."""
    if not after[1:2].isupper():
        return False  # (most mentions: a cheap test before the pattern)
    nxt = _CAPITALISED_NEXT.match(after)
    if not nxt:
        return False
    word = nxt.group(1).lower()
    if word in _MONTHS_AND_DAYS or codebook.aliases.get(word) or codebook.agent_nouns.match(after):
        return False
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) < 0.6 * len(words)
_SPEAKER_AT = re.compile(r"\b(?:officials?|spokes\w+|representatives?|sources?|diplomats?|envoys?)\s+(?:at|from|of|in)\s+(?:the\s+)?$", re.I)
# "Chancellor Olaf Scholz", "Chinese leader Xi Jinping": a title in capitals or a lower-case office
# ("told U.S. President Joe Biden": an abbreviation's full stops are part of the title)
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*\s+|(?:leader|president|premier|chancellor|counterpart|"
                           r"(?:prime|foreign|defen[cs]e)\s+minister)\s+){1,4}$")
# (also over "the": "China and the United Arab Emirates")
_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*[–—-]\s*)(?:the\s+)?$")
# "U.S. officials said China ...", "China ..., U.S. officials said": a source reporting another state's act.
_SAYS_AFTER = re.compile(r"^[’']?s?\s*(?:[\w.-]+\s+){0,3}?(?:said|says|say|told\s+\w+|claimed|claims|alleged|alleges|"
                         r"believes?|accused|reported|reports|warned|warns|suspects?|suspected|fears?|feared)\b", re.I)
# what a verb of saying may take that reports nothing: "have said little about the annexation"
_SAYS_NOTHING = re.compile(r"\s+(?:nothing|little|very\s+little|no\s+more|so\s+far\s+nothing)\b", re.I)
_NEW_CLAUSE_AND = re.compile(r",\s+and\s+")
# Only a short adjunct may follow the verb: ", and Kyrgyzstan said it would abstain" is a clause of its own.
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:(?:[^,;]{0,80}?\s)?(?:said|says|say|told\s+\w+|reported|reports|claimed|claims|alleged|wrote|added)\b"
    r"(?:\s+(?:on|in|at|last|this|late|early|earlier|later|today|yesterday)\b[^,;]{0,30})?"
    r"|according\s+to\s[^,;]{0,60})\s*[.!?”\"’']*\s*$", re.I)
# Clauses set against each other: "China and India abstained, while Serbia voted in favour".
# (also "but" with no comma before a new subject, a capitalised name: "Serbia condemned the invasion but
# Hungary blocked EU sanctions"; and "even as": "Kyrgyzstan stayed silent even as Kazakhstan called for talks")
CONTRAST = re.compile(r",?\s+(?:while|whereas|even\s+as)\s+|;\s*|,\s+but\s+(?!not\s)"
                      r"|\s+but\s+(?=(?:the\s+)?(?-i:[A-Z])[\w’'.-]+\s+(?:\w+ly\s+)?(?:[a-z]+ed|has|have|had|is|are|was|were|"
                      r"will|would|did|does|sent|kept|took|made|gave|held|left|met|sought|stood|said)\b)")
_DATELINE = re.compile(r"^(?:[A-Z][\w-]+(?:\s[A-Z][\w-]+)?,\s+){1,}[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s+[A-Z]")
# A wire dateline names where the story was filed, not who speaks: "SAMARKAND, Uzbekistan (Reuters) -",
# "BERLIN —", "MOSCOW, May 16 (Reuters) -".
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,2})*"
                            r"\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s")
_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*)")


def dateline_place(first_sentence: str) -> str:
    """The place a wire story was filed from, lower-cased ("samarkand" for "SAMARKAND, Uzbekistan
    (Reuters) -", "united nations" for "UNITED NATIONS (AP) —"); "" without a dateline."""
    if not _WIRE_DATELINE.match(first_sentence):
        return ""
    return _DATELINE_PLACE.match(first_sentence).group(1).lower()


CONTEXT = 100  # characters of context either side of a mention that the rules look at


def _context_before(sentence: str, start: int) -> str:
    """Up to CONTEXT characters before ``start``, cut at a space so that ``\\b`` still holds.

    Every rule on this context is anchored at its end ("... met with", "according to the"), and a
    regex anchored at the end still scans the whole string: a short context keeps it cheap.
    """
    if start <= CONTEXT:
        return sentence[:start]
    before = sentence[start - CONTEXT:start]
    space = before.find(" ")
    return before[space:] if space >= 0 else before


class Mention(NamedTuple):
    start: int
    end: int
    surface: str
    alias: Alias


class Holder(NamedTuple):
    country: str
    actor: str
    how: str  # name | demonym | capital | institution | actor | carry-over
    start: int = -1  # document offset of the mention that names the holder (-1 when carried over)


_WATERS_OF = ("Sea of ", "Gulf of ", "Bay of ")


# a wire service's tag glued to a headline ("EXCLUSIVE-India cuts …", "UPDATE 2-Turkey says …",
# "REFILE-UPDATE 1-…"): the name after it starts a word
_WIRE_TAG_BEFORE = re.compile(r"(?:^|[\s-])(?:EXCLUSIVE|UPDATE|REFILE|WRAPUP|ANALYSIS|FACTBOX|CORRECTED|INSIGHT|"
                              r"EXPLAINER|COLUMN|TIMELINE|RPT|BREAKINGVIEWS|FEATURE|INTERVIEW|POLL|BRIEF|"
                              r"SPECIAL\sREPORT|CORRECTION)(?:\s\d{1,2})?-\Z")


def find_mentions(text: str, codebook: Codebook, lowered: str | None = None) -> list[Mention]:
    """All alias matches in ``text``, longest first where they overlap, on word boundaries; a
    shared surname ("Kim") only after its actor's full name.

    ``lowered`` is ``lower_same_length(text)`` when the caller already has it.
    """
    if lowered is None:
        lowered = lower_same_length(text)
    hits = []
    n = len(text)
    for end_idx, (length, cap_offset, alias) in codebook.automaton.iter(lowered):
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            if not (text[start - 1] == "-" and _WIRE_TAG_BEFORE.search(text, max(0, start - 40), start)):
                continue
        if end < n and text[end].isalnum():
            # "BelarusianPresident": a lower-to-upper case change is a word boundary in glued text.
            if not (text[end - 1].islower() and text[end].isupper()):
                continue
        # A name is capitalised ("the Kremlin"; "china" and "turkey" in lower case are not states).
        if cap_offset >= 0 and not (text[start + cap_offset].isupper() or text[start + cap_offset].isdigit()):
            continue
        if alias.kind == "name" and (text.startswith(" Sea", end) or text.endswith(_WATERS_OF, 0, start)):
            continue  # "the Sea of Japan", "the South China Sea": a place, not the state
        hits.append((start, -length, alias))
    hits.sort()
    out: list[Mention] = []
    last_end = -1
    named: set[str] = set()  # actors named in full so far
    for start, neg_length, alias in hits:
        if start < last_end:
            continue
        if alias.kind == "not_state":
            last_end = start - neg_length  # "Latin American", "South America": no state, and not "American"
            continue
        if alias.kind == "actor":
            if alias.after_full_name and alias.actor not in named:
                continue  # "Kim" before "Kim Jong Un" is somebody else
            named.add(alias.actor)
        last_end = start - neg_length
        out.append(Mention(start, last_end, text[start:last_end], alias))
    return out


def holders_in_sentence(sentence: str, offset: int, mentions: list[Mention], codebook: Codebook,
                        on: date | None, include_parties: bool = False,
                        objects: frozenset[int] = frozenset(),
                        judged: list[Judged] | None = None) -> tuple[list[Holder], list[Mention]]:
    """Stance holders among the mentions inside one sentence, and the party mentions seen.

    ``offset`` is the sentence's start in the document; mention offsets are document offsets.
    ``objects`` are the starts of mentions known to be objects (of a cue: "blamed the United States").
    ``judged``: the sentence's ``judged_spans`` when the caller has them.
    """
    inside = [m for m in mentions if offset <= m.start and m.end <= offset + len(sentence)]
    holders: list[Holder] = []
    holder_countries: set[str] = set()
    ends: list[int] = []  # sentence-relative end of each holder's mention
    parties: list[Mention] = []
    excluded_prev = prev_party = False
    prev_country: str | None = None
    prev_end = None
    sources: dict[str, str] = {}  # country -> actor of a source excluded as a reporter
    fronted_source: Holder | None = None  # "According to Tokayev, the country will …": the source holds
    relatives = closed_relative_clauses(sentence) if ", wh" in sentence else ()
    appositives = (closed_appositives(sentence, {m.end - offset for m in inside})
                   if ", a" in sentence or ", the " in sentence or ", one of " in sentence else ())
    if judged is None:
        judged = judged_spans(sentence)
    dateline = _WIRE_DATELINE.match(sentence)
    if dateline:
        inside = [m for m in inside if m.start - offset >= dateline.end()]
    for m in inside:
        s, e = m.start - offset, m.end - offset
        # Bounded context keeps a run-on "sentence" of a megabyte linear.
        before, after = _context_before(sentence, s), sentence[e:e + CONTEXT]
        in_list = prev_end is not None and _in_same_list(sentence[prev_end:s], after)
        if in_list and prev_party and sentence[prev_end:s].rstrip().endswith("the"):
            in_list = False  # "statements by Putin and the Chinese leadership": not a list of holders
        holder = _reading_as_holder(m.alias, sentence, s, e, before, after, codebook, on)
        if holder is None or m.start in objects:
            excluded = True
        elif holder.country in holder_countries and _IN_PREPOSITIONAL_PHRASE.search(before):
            excluded = True  # "China's foreign ministry rejected criticism of Xi Jinping's visit": the ministry speaks
        elif holders and any(lo < s < hi for lo, hi in relatives):
            excluded = True  # "Mongolia, which borders both Russia and China, has abstained": the clause's own
        elif any(lo < s < hi for lo, hi in appositives):
            excluded = True  # "Kazakhstan, a close partner of China, abstained": what the phrase says of Kazakhstan
        elif in_list:
            excluded = excluded_prev
        elif (prev_end is not None and holder.country == prev_country and m.alias.kind == "actor"
              and _OWN_PERSON_AFTER_POSSESSIVE.match(sentence, prev_end, s)):
            excluded = excluded_prev  # "… and Kyrgyzstan's Japarov": the person of the state just named
        elif holders and opens_subordinate_clause(before):
            excluded = True  # "Pashinyan said the CSTO failed to respond when Azerbaijan attacked"
        elif "pressure" in after[:30] and _PRESSURE_AFTER.match(after):
            excluded = True  # "has resisted U.S. pressure to condemn Moscow": the state pressing, not acting
        elif "pressure" in before[-40:] and _PRESSURE_FROM_BEFORE.search(before[-40:]):
            excluded = True  # "under pressure from Washington to impose sanctions"
        elif _REACTION_AFTER.match(after) and _REACTION_VERB_BEFORE.search(before[-50:]):
            excluded = True  # "has drawn U.S. scrutiny": the state reacting to the act, not acting
        elif _affected_by_the_act(before) and not _RELATIVE_AFTER.match(after):
            excluded = True  # "Uzbekistan's compliance has reassured Washington": the state the act affects
        elif "by" in before[-8:] and _REQUESTER_BEFORE.search(before[-40:]):
            excluded = True  # "Mongolia was urged by Washington to impose sanctions": the act is not the asker's
        elif "by" in before[-8:] and _agent_of_participle(before) and (holders or _OPENING_PARTICIPLE.match(before)):
            # "will comply with sanctions imposed by the United States", "Kazakhstan, backed by China,",
            # "Urged by Washington, Mongolia imposed …"
            excluded = True
        elif (holders and _acted_on(before) and not _CHARGED_WITH_AFTER.match(after)
              and not _WHO_CLAUSE_AFTER.match(after)):
            excluded = True  # "a phrase Beijing uses to criticise the United States": what a holder acts on
        elif m.alias.kind in ("name", "capital") and _OPENING_IN.match(before) and (
                government := _GOVERNMENT_AFTER.match(after)):
            # "In Kyrgyzstan, the government warned citizens …": the place names whose government acts
            title = f"{sentence[s:e]}'s {government.group('noun')}"
            holder = holder._replace(actor=_titled_actor(m.alias, title, codebook, on))
            excluded = False
        else:
            closing_source = not holders and _closes_with_according(before, after)
            reporter = _is_reporter(before, after, closing_source)
            if reporter and holder.actor:  # "According to Kyrgyz President Sadyr Japarov, Bishkek will ..."
                sources.setdefault(holder.country, holder.actor)
            if reporter and fronted_source is None and s <= CONTEXT and _OPENING_ACCORDING.match(before):
                fronted_source = _fronted_source(sentence, holder._replace(start=m.start), e)
            # "Putin met Turkish President Tayyip Erdogan, who called for a ceasefire": the object of the
            # meeting is the subject of its relative clause
            excluded = reporter or (_is_object(m.alias, holder, before) and not _WHO_CLAUSE_AFTER.match(after)
                                    and not ("s" in after[:2] and _POSSESSED_ACT.match(after))
                                    and not _subject_of_next_clause(before, after)
                                    and not _subject_of_absolute_clause(before, after)
                                    and not closing_source
                                    and not _is_judged(judged, s, e))
            excluded = excluded or (m.alias.kind in ("name", "capital") and bool(_COMPOUND_MODIFIER.match(after)))
            excluded = excluded or (m.alias.kind == "name" and _part_of_another_name(after, sentence, codebook))
        prev_end, excluded_prev = e, excluded
        prev_country = holder.country if holder is not None else None
        prev_party = holder is not None and holder.country in codebook.parties
        if holder is None or excluded:
            continue
        if holder.country in codebook.parties and not include_parties:
            parties.append(m)
            continue
        if _NON_STATE_AFTER.match(after):
            continue  # "Belarusian opposition leader …", "Lukashenko's opponents": not the state
        holders.append(holder._replace(start=m.start))
        holder_countries.add(holder.country)
        ends.append(e)
    if len(holders) > 1 and sentence[:1] in _CONDITION_INITIALS:
        condition_end = _end_of_condition_with_own_subject(sentence, offset, holders)
        if condition_end:
            kept = [i for i, h in enumerate(holders) if h.start - offset >= condition_end]
            holders, ends = [holders[i] for i in kept], [ends[i] for i in kept]
            inside = [m for m in inside if m.start - offset >= condition_end]
    last_comma = sentence.rfind(",")
    after_last_comma = bool(holders) and last_comma >= 0 and holders[-1].start - offset > last_comma
    several = len({h.country for h in holders}) > 1
    # (searched once for both filters below; dropping holders never makes one state several)
    trailing = _TRAILING_ATTRIBUTION.search(sentence) if after_last_comma or several else None
    if after_last_comma:
        holders, ends = _without_sources_of_others_acts(offset, holders, ends, inside, codebook, trailing)
    if len({h.country for h in holders}) > 1:
        holders = _without_sources(sentence, offset, holders, ends, judged, trailing)
    if not holders and fronted_source is not None:
        holders = [fronted_source]
    if sources:  # a state's own source speaks for it
        holders = [h._replace(actor=sources[h.country]) if not h.actor and h.country in sources else h for h in holders]
    return _merge_by_country(holders), parties


# "Kyrgyzstan's Japarov", "Kazakhstan's President Tokayev": a person right after his state's possessive
_OWN_PERSON_AFTER_POSSESSIVE = re.compile(r"[’']s\s+(?:(?-i:[A-Z])[\w.-]*\s+|(?:president|leader|prime\s+minister|"
                                          r"foreign\s+minister|premier)\s+){0,3}$", re.I)
# A condition put first ("If Belarus enters the war, Kazakhstan would remain neutral"; "Should …",
# "Were … to", "Had …", "Unless …", "In case …") up to its comma: its subject holds no stance of the
# main clause's (and the condition's own cues are dropped as hypothetical, in stance.py)
_CONDITION_INITIALS = "ISWHUi"
_FRONTED_CONDITION = re.compile(r"(?:If|Unless|In\s+case|in\s+case|Should|Were|Had)\s+[^,;]{1,200}?,")


def _end_of_condition_with_own_subject(sentence: str, offset: int, holders: list[Holder]) -> int | None:
    """Where a fronted condition ends, when holders are named both inside it and after it."""
    condition = _FRONTED_CONDITION.match(sentence)
    if condition is None:
        return None
    inside = [h.start - offset < condition.end() for h in holders]
    return condition.end() if any(inside) and not all(inside) else None


# the comma that closes a clause between a subject and its verb: ", has abstained", ", said"
_MAIN_VERB_AFTER_COMMA = (r"(?=,\s+(?:(?:\w+ly|also|still|not)\s+)?"
                          r"(?:said|says|told|\w+ed|has|have|had|is|was|are|were|will|would|did|does|do|could|can|may"
                          r"|might|must|should)\b)")
# ", which borders both Russia and China, has": a relative clause closed by its comma and the main verb
_CLOSED_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\s[^,;]{1,200}?" + _MAIN_VERB_AFTER_COMMA)
# ", a neighbour of both Russia and China, abstained": a noun phrase in apposition, closed the same way
_CLOSED_APPOSITIVE = re.compile(r",\s+(?:an?|the|one\s+of|another)\s[^,;]{1,150}?" + _MAIN_VERB_AFTER_COMMA)


def closed_relative_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the relative clauses that sit between a subject and its verb (from the relative
    pronoun to the comma that closes the clause): "Mongolia, which borders both Russia and China,
    has abstained". A state named inside one is what the clause says about the subject, not a
    subject of the sentence."""
    return [(m.start() + 1, m.end()) for m in _CLOSED_RELATIVE_CLAUSE.finditer(sentence)]


def closed_appositives(sentence: str, mention_ends: set[int]) -> list[tuple[int, int]]:
    """Spans of the noun phrases set off by commas right after a mention and before the main verb:
    "Mongolia, a neighbour of both Russia and China, abstained". A state named inside one describes
    the mention before it; it is not a subject of the sentence. (``mention_ends``: sentence offsets
    where mentions end.)"""
    return [(m.start() + 1, m.end()) for m in _CLOSED_APPOSITIVE.finditer(sentence) if m.start() in mention_ends]


def _without_sources_of_others_acts(offset: int, holders: list[Holder], ends: list[int], mentions: list[Mention],
                                   codebook: Codebook, trailing: re.Match | None) -> tuple[list[Holder], list[int]]:
    """Drop a state named only in a trailing attribution when the clause it reports names another
    state, holder or not: "Iranian factories are making drones for Russia, U.S. officials say" is
    no act of the United States. ("Sanctions do not work, Hungarian officials say" stays Hungary's.)
    ``trailing``: the sentence's trailing attribution, if any."""
    if trailing is None:
        return holders, ends
    cut = trailing.start()
    named = {m.alias.country for m in mentions if m.start - offset < cut and m.alias.country not in codebook.parties}
    kept = [(h, e) for h, e in zip(holders, ends) if h.start - offset < cut or not named - {h.country}]
    return [h for h, _ in kept], [e for _, e in kept]


def _without_sources(sentence: str, offset: int, holders: list[Holder], ends: list[int],
                     judged: list[Judged] = (), trailing: re.Match | None = None) -> list[Holder]:
    """Drop a state that only reports another state's act: "U.S. officials said China supplied ...",
    "China supplied ..., U.S. officials said". A speaker of the same state stays ("Tokayev said
    Kazakhstan would not ..." is Kazakhstan's statement either way). ``trailing``: the sentence's
    trailing attribution (``_TRAILING_ATTRIBUTION``), if any."""
    keep = []
    starts = [o.start - offset for o in holders]  # (in order of start)
    # the next holder of another state after each one: a run-on "sentence" of one state stays linear
    next_other = [len(holders)] * len(holders)
    for i in range(len(holders) - 2, -1, -1):
        next_other[i] = i + 1 if holders[i + 1].country != holders[i].country else next_other[i + 1]
    seen: set[str] = set()  # the states of the holders so far
    for i, (h, e) in enumerate(zip(holders, ends)):
        says = _SAYS_AFTER.match(sentence[e:e + CONTEXT])
        if says and any(e <= j.verb < e + says.end() for j in judged):
            says = None  # "Pashinyan accused Azerbaijan of aggression and criticised …": only the charge is not his
        # the reported state comes after the verb ("Kyrgyzstan and Uzbekistan have said nothing" is a list)
        # (in the same clause: "Kazakhstan said it would comply, while Uzbekistan did the same" is two statements)
        # ("Uzbekistan has said little about it, and Kyrgyzstan …": saying nothing reports nothing)
        # A break before the first other state after the verb comes before every later one too.
        reports_next = False
        if says and not _SAYS_NOTHING.match(sentence, e + says.end()):
            k = bisect_left(starts, e + says.end(), i + 1)
            if k < len(holders) and holders[k].country == h.country:
                k = next_other[k]
            reports_next = k < len(holders) and not (
                CONTRAST.search(sentence, e + says.end(), starts[k])
                or _NEW_CLAUSE_AND.search(sentence, e + says.end(), starts[k]))
        others_before = len(seen) - (h.country in seen) > 0
        seen.add(h.country)
        in_trailing_source = trailing and others_before and h.start - offset >= trailing.start()
        if not (reports_next or in_trailing_source):
            keep.append(h)
    return keep


def _in_same_list(glue: str, after: str) -> bool:
    """"Armenia, Kazakhstan and Tajikistan": a bare comma joins list items only when the list goes on
    (", Beijing absolutely needs" after "involving Taiwan" starts a new clause)."""
    if _LIST_GLUE.match(glue) is None:
        return False
    if re.search(r"\b(?:and|or)\b|[–—-]", glue):
        return True
    return bool(re.match(r"^[’']?s?\s*(?:,|and\b|or\b|[–—-])", after))


def _reading_as_holder(alias: Alias, sentence: str, s: int, e: int, before: str, after: str,
                       codebook: Codebook, on: date | None) -> Holder | None:
    if alias.kind == "actor":
        staff = _STAFF_OF_PERSON.match(after) if "s" in after[:2] else None
        if staff:  # "Erdogan's spokesman Ibrahim Kalin said": the spokesman speaks, for the same state
            return Holder(alias.country, f"{alias.actor}'s {staff.group('role')}", "actor")
        return Holder(alias.country, alias.actor, "actor")
    if alias.kind == "institution":
        return Holder(alias.country, alias.actor, "institution")
    if alias.kind == "demonym":
        agent = codebook.agent_nouns.match(after)
        if not agent:
            if codebook.flow_nouns.match(after) or (_PEOPLE_AS_SUBJECT.match(after) and _THE_BEFORE.search(before)):
                return Holder(alias.country, "", "demonym")  # "The Chinese have stepped up purchases"
            return None
        # "Chinese and Indian officials": China's are the Chinese officials
        phrase, coordinated = _OTHER_DEMONYM.subn("", agent.group(0), count=1)
        if coordinated or _DEMONYM_AND_BEFORE.search(before[-30:]):  # "the Kazakh and Uzbek governments": one each
            phrase = _ONE_EACH.sub(lambda m: m.group(1) + ("y" if m.group(2) == "ies" else ""), phrase)
        if phrase.strip().lower() == "counterpart":
            # "Lavrov met his Kazakh counterpart": the Kazakh holder of Lavrov's office
            role = _role_of_last_person(before, codebook)
            person = codebook.office_holder(alias.country, role, on) if role else None
            if person:
                return Holder(alias.country, person.name, "demonym")
        return Holder(alias.country, _titled_actor(alias, sentence[s:e] + phrase, codebook, on,
                                                   after[agent.end():]), "demonym")
    if alias.kind == "capital":
        institution = _INSTITUTION_IN.search(before)
        if institution:
            head = institution.group(0).split()[0].capitalize()
            return Holder(alias.country, f"{head} in {sentence[s:e]}", "capital")
        dateline = _DATELINE.match(sentence)
        if dateline and s < dateline.end():
            return None
        if re.match(r"^\s+[A-Z]", after) and not _POSSESSIVE.match(after):
            return None  # "the Berlin China think tank": a modifier
        return Holder(alias.country, "", "capital")
    # a country name; "Kazakhstan's Foreign Ministry" names an agent, "Japan's neighbour Mongolia"
    # another state
    if _POSSESSIVE.match(after):
        if _RELATION_OF_NAME.match(after):
            return None
        agent = codebook.agent_nouns.match(after[2:])
        if agent:
            return Holder(alias.country, _titled_actor(alias, sentence[s:e] + "'s" + agent.group(0), codebook, on,
                                                       after[2 + agent.end():]), "name")
    return Holder(alias.country, "", "name")


def _role_of_last_person(before: str, codebook: Codebook) -> str:
    """The office of the last person named before "his … counterpart" ("Lavrov met his Kazakh
    counterpart": foreign minister); empty when none is named."""
    words = re.findall(r"[\w’'.-]+", before)[-12:]
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            if end - size < 0:
                continue
            readings = codebook.aliases.get(" ".join(words[end - size:end]).lower(), ())
            roles = {a.role for a in readings if a.kind == "actor" and a.role}
            if len(roles) == 1:
                return roles.pop()
    return ""


_OTHER_DEMONYM = re.compile(r"^\s+(?:and|or)\s+(?-i:[A-Z])[\w-]*(?=\s)")
_DEMONYM_AND_BEFORE = re.compile(r"(?-i:[A-Z])[\w-]*\s+(?:and|or)\s+$")
_ONE_EACH = re.compile(r"\b(government|leader|president|prime minister|premier|foreign minister|ministr|delegation|"
                       r"parliament|ambassador|envoy)(s|ies)$", re.I)
_STAFF_OF_PERSON = re.compile(r"^[’']s\s+(?:(?:chief|senior|top|foreign[\s-]policy|press|diplomatic|special|personal)\s+)*"
                              r"(?P<role>spokes(?:man|woman|person)|advis[eo]r|aide|envoy|press\s+secretary|"
                              r"chief\s+of\s+staff|office|representative)\b", re.I)
# "The Chinese have …", "the Indians say …": a demonym standing for the nation, as the subject of a verb
_PEOPLE_AS_SUBJECT = re.compile(r"\s+(?:(?:also|still|too|now)\s+)?(?:have|has|had|are|were|will|would|did|do|does|"
                                r"say|said|says|insist|insisted|argue|argued|want|wanted|refuse|refused)\b")
_THE_BEFORE = re.compile(r"(?:^|\s)[Tt]he\s+$")
_POSSESSIVE_S = re.compile(r"^['’]s\b")  # not lstrip("'s"), which eats the "s" of "supreme leader"
_IN_OFFICE_ADJECTIVE = re.compile(r"^(?:new|current|sitting|incumbent|newly[ -]elected)\s+")


def _titled_actor(alias: Alias, span: str, codebook: Codebook, on: date | None, after: str = "") -> str:
    """"Turkish President" -> the president in office on the date; else the span itself, with the
    name that follows it ("Peruvian Prime Minister Alberto Otarola", not in actors.yaml)."""
    title = _POSSESSIVE_S.sub("", span[len(alias.text):]).strip()
    # "Argentina's new president": the office holder on the date ("former" names someone else)
    role = codebook.titles.get(_IN_OFFICE_ADJECTIVE.sub("", title.lower()))
    if role:
        holder = codebook.office_holder(alias.country, role, on)
        if holder:
            return holder.name
    name = _NAME_AFTER_TITLE.match(after) or _NAME_IN_APPOSITION.match(after)
    if name and not _NOT_A_NAME.match(name.group(1)):
        words = name.group(1).split()
        while len(words) > 1 and _NOT_A_NAME.fullmatch(words[-1]):  # "… Otarola Said"
            words.pop()
        span += " " + " ".join(words)
    return re.sub(r"\s+", " ", span).strip()


# one to four capitalised words right after a title ("Andres Manuel Lopez Obrador"): the person's name
# (initials first: "S. Jaishankar"; on the same line)
_NAME_AFTER_TITLE = re.compile(r"[ \t]+((?:(?-i:[A-Z])\.[ \t]*)*(?-i:[A-Z][\w’'-]+)(?:[ \t]+(?-i:[A-Z][\w’'-]+)){0,3})"
                               r"(?![\w’'-])")
# the same name set off by commas: "Egypt's prime minister, Mostafa Madbouly, said" (two to four
# capitalised words closed by a comma: not a list, "Egypt's prime minister, Jordan's king and …")
_NAME_IN_APPOSITION = re.compile(r",[ \t]+((?-i:[A-Z][\w’'-]+)(?:[ \t]+(?-i:[A-Z][\w’'-]+)){1,3})(?=,)")
# capitalised words that start the next phrase, not a name ("… Ministry On Monday said")
_NOT_A_NAME = re.compile(r"(?:On|In|At|The|This|That|It|He|She|They|We|Last|Earlier|Later|Also|But|And|"
                         r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Said|Says|Told)\b")


# "abstained, along with China and India": a co-subject, not an object of "with"
# ("Kazakhstan, along with Kyrgyzstan, …", "Kazakhstan together with Kyrgyzstan", "Along with China, India
# abstained": a co-subject after a comma, a name or at the start; not "its largest trading partner along
# with China", a complement)
_ALONG_WITH = re.compile(r"(?:^\W*|,\s*|(?-i:[A-Z])[\w.’'-]*\s+)(?:along|together)\s+with\s+(?:the\s+)?$", re.I)
# "a phrase Beijing uses to criticise the United States", "failing to stop Azerbaijan's offensive": a
# state that a holder criticises, blames or stops is acted on (see _acted_on)
_ACTING_ON = ("criticis", "criticiz", "blam", "accus", "condemn", "rebuk", "prais", "attack", "denounc",
              "anger", "irk", "upset", "annoy", "irritat", "frustrat", "alarm", "dismay")
_ACTING_ON_WORDS = frozenset(("stop", "halt", "prevent", "repel", "deter", "counter"))


# The agent of a participle that modifies a noun (no "was" or "were" before it: that is a passive
# clause, whose agent acts)
_PARTICIPLE_BY_BEFORE = re.compile(
    r"(?:\b(?P<aux>is|are|was|were|be|been|being)\s+)?(?:[a-z]+ly\s+|not\s+|also\s+|only\s+)*"
    r"\b[a-z]+ed\s+(?:only\s+|also\s+|even\s+|[a-z]+ly\s+)?by\s+(?:the\s+)?$", re.I)
# (also a demonym with its title: "met the Kazakh foreign minister, who said …")
_WHO_CLAUSE_AFTER = re.compile(r"^(?:[’']s)?(?:\s+[A-Z][\w’'-]+){0,3}(?:\s+(?:[a-z-]+\s+){0,2}?(?:president|minister|leader|"
                               r"counterpart|premier|chancellor|envoy|ambassador|diplomat|spokesman|spokeswoman|"
                               r"spokesperson|official))?\s*,\s+who\s")
_REQUESTER_BEFORE = re.compile(r"\b(?:asked|urged|pressed|pressured|invited|encouraged|lobbied|called\s+on)\s+by\s+"
                               r"(?:the\s+)?$", re.I)
_PRESSURE_AFTER = re.compile(r"^(?:[’']s)?(?:\s+(?:and|or)\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*){0,2}\s+"
                             r"(?:(?:diplomatic|economic|political|military|heavy|intense|strong|growing|"
                             r"mounting|renewed|increasing)\s+)?pressure\b", re.I)
# "Kyrgyzstan's trade with Russia has drawn U.S. scrutiny": a state whose reaction an act draws
_REACTION_AFTER = re.compile(r"^(?:[’']s)?\s+(?:criticism|scrutiny|concerns?|anger|ire|rebukes?|condemnation|sanctions|"
                             r"warnings?|protests?|objections?|complaints?|displeasure|irritation|alarm|outrage|"
                             r"threats?)\b", re.I)  # ("U.S. pressure" is _PRESSURE_AFTER's, checked first)
# (or defied: "bought Su-35 fighters from Russia despite U.S. warnings")
_REACTION_VERB_BEFORE = re.compile(r"\b(?:drew|draws?|drawn|drawing|attract\w*|prompt\w*|trigger\w*|spark\w*|provok\w*|"
                                   r"earn\w*|incur\w*|brought|bring\w*|despite|in\s+spite\s+of|defy\w*|defied|"
                                   r"ignor\w+|in\s+defiance\s+of)\s+(?:(?:the|a|an|sharp|strong|fresh|new|"
                                   r"growing|some|much|heavy|angry|swift|rare|repeated)\s+){0,2}$", re.I)
# the object of a verb of feeling is the state an act affects, not one acting ("has reassured Washington",
# "angered Beijing", "surprising New Delhi"): the word right before the name (or before its "the")
_AFFECT_VERBS = frozenset(
    stem + ending
    for stem, endings in (("reassur", ("e", "es", "ed", "ing")), ("pleas", ("ed", "ing")), ("anger", ("s", "ed", "ing")),
                          ("irritat", ("es", "ed", "ing")), ("annoy", ("s", "ed", "ing")), ("upset", ("", "s", "ting")),
                          ("alarm", ("s", "ed", "ing")), ("worr", ("ies", "ied", "ying")),
                          ("frustrat", ("es", "ed", "ing")), ("disappoint", ("s", "ed", "ing")),
                          ("satisf", ("ies", "ied", "ying")), ("surpris", ("es", "ed", "ing")),
                          ("delight", ("s", "ed", "ing")), ("embarrass", ("es", "ed", "ing")),
                          ("infuriat", ("es", "ed", "ing")), ("enrag", ("es", "ed", "ing")),
                          ("unsettl", ("es", "ed", "ing")), ("rattl", ("es", "ed", "ing")), ("dismay", ("s", "ed", "ing")))
    for ending in endings)


def _affected_by_the_act(before: str) -> bool:
    words = before[-40:].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in _AFFECT_VERBS


_RELATIVE_AFTER = re.compile(r"^(?:\s+[A-Z][\w’'-]+){0,3}\s*,\s+(?:who|which)\s")
_PRESSURE_FROM_BEFORE = re.compile(r"\bpressure\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$", re.I)
# "criticism of (Chinese President) Xi Jinping's visit": a name inside a prepositional phrase
_IN_PREPOSITIONAL_PHRASE = re.compile(r"\b(?:of|about|over|on|for|against|with|to|at|into|toward|towards)\s+"
                                      r"(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,4}$", re.I)
_OPENING_IN = re.compile(r"^\W*In\s+(?:the\s+)?$")
_GOVERNMENT_AFTER = re.compile(r"^\s*,\s+(?:the\s+)?(?P<noun>government|authorities|officials|(?:foreign|interior|"
                               r"defen[cs]e)\s+ministry|president|prime\s+minister|parliament|cabinet|leadership|"
                               r"security\s+council)\b", re.I)
_OPENING_PARTICIPLE = re.compile(r"^\W*[A-Z][a-z]+ed\s+(?:only\s+|also\s+|even\s+|[a-z]+ly\s+)?by\s+(?:the\s+)?$")


def _agent_of_participle(before: str) -> bool:
    m = _PARTICIPLE_BY_BEFORE.search(before[-80:])
    return bool(m) and m.group("aux") is None and not _COORDINATED_PASSIVE_BEFORE.search(before[-200:])


# "The resolution was supported by Georgia and opposed by Belarus", "… condemned by Turkey but
# recognised by Syria": the second participle shares the first one's "was", so its agent acts too
_COORDINATED_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+by\s+[^,;.]{1,80}?\s+(?:and|but)\s+[a-z]+ed\s+"
    r"(?:only\s+|also\s+|even\s+)?by\s+(?:the\s+)?$", re.I)


def _acted_on(before: str) -> bool:
    """Whether the word right before a mention (past a "the" or "a") criticises, blames or stops it. Only
    asked once the sentence has a holder: "Moscow criticised Astana for refusing …" is Astana's
    stance, as Moscow holds none, and "accused China of supplying" is checked by the caller."""
    if before.rstrip().endswith(","):
        return False  # "After Azerbaijan attacked, Pashinyan …": the comma ends the clause of the verb
    words = _words_before(before, 1)
    return bool(words) and (words[-1] in _ACTING_ON_WORDS or words[-1].startswith(_ACTING_ON))


# "The United States accused China of supplying weapons to Russia": what it is charged with is its act
_CHARGED_WITH_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:for|of)\s", re.I)
# "Exports from Kyrgyzstan to Russia rose": the state the goods leave is the one trading
_GOODS_FROM = re.compile(r"\b(?:exports|re-exports|shipments|deliveries|sales|supplies)\s+(?:of\s+[\w-]+\s+)?"
                         r"from\s+(?:the\s+)?$", re.I)


# "abstained, to the frustration of Washington": the state whose feelings are named is not acting
_EXPERIENCER_OF = re.compile(r"\b(?:frustration|dismay|annoyance|irritation|anger|chagrin|displeasure|delight|"
                             r"satisfaction|surprise|alarm|relief|disappointment|consternation)\s+of\s+(?:the\s+)?$", re.I)


# the person spoken to, met or thanked: "Tokayev assured German Chancellor Olaf Scholz that his country …"
_PERSON_OBJECT_VERBS = (r"meet|met|meeting|told|tell|tells|telling|urged|assured|informed|reminded|promised|briefed|"
                        r"asked|pressed|warned|thanked|congratulated|phoned|invited|hosted|received|welcomed|"
                        r"expel(?:s|led|ling)?|summon(?:s|ed|ing)?|arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?")
_PERSON_AS_OBJECT_BEFORE = re.compile(r"\b(?:" + _PERSON_OBJECT_VERBS + r"|with|to|and|alongside|beside|next\s+to)\s+$",
                                      re.I)
# (after a verb, also past "the": "expelled the French ambassador"; not after "and the", a list)
_PERSON_AS_OBJECT_OF_VERB = re.compile(r"\b(?:" + _PERSON_OBJECT_VERBS + r")\s+the\s+$", re.I)


# ", and Chinese leader Xi Jinping expressed …": after a comma and "and", a name with its own verb
_COMMA_AND = re.compile(r",\s+and\s+(?:the\s+)?$")
_OWN_VERB_AFTER = re.compile(r"(?:[’']s)?(?:\s+(?-i:[A-Z])[\w’'.-]*|\s+[a-z]+(?=\s+(?-i:[A-Z])))*?\s+(?:\w+ly\s+)?"
                             r"(?:[a-z]+ed|has|have|had|is|was|were|will|would|said|says|told|sent|met|held|gave|took)\b")


def _subject_of_next_clause(before: str, after: str) -> bool:
    """"Modi told Putin that …, and Xi expressed concern": not a second object of "told" but the
    subject of a clause of its own."""
    return bool(_COMMA_AND.search(before[-12:]) and _OWN_VERB_AFTER.match(after))


_CONTRASTED_PERSON_BEFORE = re.compile(r"\b(?:unlike|except|excluding)\s+(?:(?-i:[A-Z])[\w’'.-]*\s+){0,4}$", re.I)


def _person_as_object(before: str) -> bool:
    """Whether the text before a person's name or title makes the person an object: "told ",
    "alongside ", "summoned the "."""
    return bool(_PERSON_AS_OBJECT_BEFORE.search(before)
                or (before[-4:] == "the " and _PERSON_AS_OBJECT_OF_VERB.search(before[-40:])))

# "Blinken thanked Kazakhstan for its aid to Ukraine", "criticised China over its support": what the
# object is praised or blamed for is the object's act, not the judge's
_JUDGING_STEMS = ("prais", "thank", "gratitude", "grateful", "commend", "laud", "hail", "applaud", "congratulat", "credit",
                  "critici", "blam",
                  "accus", "condemn", "rebuk", "denounc", "fault", "chid", "scold", "reprimand", "censur", "slam",
                  "lambast", "sanction", "punish", "penalis", "penaliz")
# (in the passive, "Kazakhstan was praised by Washington for its compliance", the judge follows "by";
# one is accused "of" anything, praised or blamed "for" or "over" its own doing)
_JUDGED_FOR = re.compile(
    r"\b(?P<passive>(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?)?(?:(?P<accuse>accus)|"
    + "|".join(stem for stem in _JUDGING_STEMS if stem != "accus") + r")\w*\s+(?(passive)by\s+)"
    r"(?P<object>[\w.’'-]+(?:\s+[\w.’'-]+){0,5}?)\s+"
    r"(?P<why>(?(accuse)of\s+\w+|(?:for|over)\s+(?:its|their|his|her|what|\w+ing)))\b", re.I)
# (also a coordinated verb: "accused Azerbaijan of aggression and criticised the CSTO")
_JUDGED_CLAUSE_END = re.compile(r"[;:–—]|,\s+(?:and|but|while|whereas|although|though|which|who|saying|adding|as)\b"
                                r"|\s+(?:and|but)\s+(?:(?:also|then|later|\w+ly)\s+)?(?=\w+ed\b|said\b)"
                                # "thanked Russia for its help while calling for a ceasefire": the judge's
                                r"|\s+(?:while|whereas|even\s+as)\s+(?=\w+ing\b)")


class Judged(NamedTuple):
    verb: int  # where the judging verb starts
    object: int  # where its object starts (in the passive: its agent, the judge)
    why: int  # where what the judged is judged for starts ("for its aid …")
    end: int  # and where that ends: the end of the clause
    passive: bool  # the judged is the subject before the verb, the judge the agent after "by"


def judged_spans(sentence: str, lowered: str | None = None) -> list[Judged]:
    """The objects that a verb praises or blames for something, and what for: "Blinken thanked
    Kazakhstan for its aid to Ukraine", "Scholz praised the Central Asian country for its neutral stance".
    ``lowered``: the sentence in lower case, when the caller has it."""
    low = sentence.lower() if lowered is None else lowered
    if not any(stem in low for stem in _JUDGING_STEMS):
        return []  # (most sentences: substring tests are far cheaper than the pattern)
    out = []
    for m in _JUDGED_FOR.finditer(sentence):
        end = _JUDGED_CLAUSE_END.search(sentence, m.end())
        out.append(Judged(m.start(), m.start("object"), m.start("why"), end.start() if end else len(sentence),
                          m.group("passive") is not None))
    return out


def _is_judged(judged: list[Judged], s: int, e: int) -> bool:
    return any(j.object <= s and e <= j.why and not j.passive for j in judged)


# ", with Belarus, North Korea and Syria voting against": "with" opens an absolute clause whose
# subject is the state (not "trade with China growing", which has no comma before "with")
_ABSOLUTE_WITH_BEFORE = re.compile(r"(?:^|[,;(]\s*|[,;(]\s*(?:and|but)\s+)[Ww]ith\s+(?:the\s+)?$")
_ABSOLUTE_PARTICIPLE_AFTER = re.compile(
    # the rest of a list of states ("…, North Korea and Syria"), an adverb, "among those", the participle
    r"^(?:[’']s)?(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?"
    r"(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*)*)*"
    r"\s+(?:(?:also|all|both|alone|again|only|\w+ly)\s+)?"
    r"(?:(?:among\s+(?:those|the\s+(?:\w+\s+)?(?:countries|states|nations))\s+)?"
    r"(?!(?:during|including|regarding|concerning|following|according|nothing|something)\b)[a-z]+ing\b"
    # or a group of voters it was among: ", with Eritrea among the five no votes"
    r"|among\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:abstentions|abstainers|(?:no|yes)\s+votes|votes\s+against"
    r"|opponents|supporters|co-?sponsors|sponsors)\b)")


def _subject_of_absolute_clause(before: str, after: str) -> bool:
    return "ith" in before[-12:] and bool(_ABSOLUTE_WITH_BEFORE.search(before[-30:])) and bool(
        _ABSOLUTE_PARTICIPLE_AFTER.match(after))


def _is_object(alias: Alias, holder: Holder, before: str) -> bool:
    if "of" in before[-10:] and _EXPERIENCER_OF.search(before[-40:]):
        return True
    if "with" in before[-10:] and _ALONG_WITH.search(before[-30:]):
        return False
    if "from" in before[-12:] and _GOODS_FROM.search(before[-40:]):
        return False
    if alias.kind in ("actor", "institution"):
        # "to meet German Chancellor Olaf Scholz": look past the title to the verb.
        bare = _TITLE_BEFORE.sub("", before)
        # "Speaking alongside Chancellor Olaf Scholz, Tokayev said": a person beside the speaker;
        # "Unlike Tokayev, Lukashenko …": a person set against the subject (a capital, so not in ``bare``)
        return _person_as_object(bare) or bool(_CONTRASTED_PERSON_BEFORE.search(before[-40:]))
    if alias.kind == "demonym" and holder.actor and _person_as_object(before):
        return True  # "Speaking alongside German Chancellor Olaf Scholz"
    if alias.kind == "capital" and holder.actor:
        return False  # "the Foreign Ministry in Ankara"
    if alias.kind == "demonym" and _SPEAKER_AT.search(before):
        return False  # "an official at the North Korean Defense Ministry"
    return bool(_OBJECT_BEFORE_REVERSED.match(before[::-1]))


# A state named right after one of these is the subject of a time or reason clause, not of the
# sentence, once the sentence already has a holder; contrast words ("while") are clauses of their own.
_SUBORDINATORS = frozenset(("when", "after", "before", "because", "since", "until", "once", "as"))


def _words_before(before: str, n: int) -> list[str]:
    """The last ``n`` words of the text before a mention, lower-cased, without quotation marks and
    commas, and past a final "the", "a" or "an" ("after the Kremlin", "to criticise the United States",
    "after a U.S. delegation")."""
    words = [w.strip("“\"‘'(,") for w in before.lower().split()[-(n + 1):]]
    if words and words[-1] in ("the", "a", "an"):
        words = words[:-1]
    return words[-n:]


_CONTRASTS = frozenset(("while", "whereas"))


def opens_subordinate_clause(before: str, contrast: bool = False) -> bool:
    """Whether the text right before a mention opens a time or reason clause ("when", "after the");
    with ``contrast``, also a contrast clause ("while", "whereas")."""
    words = _words_before(before, 2)
    if not words or not (words[-1] in _SUBORDINATORS or (contrast and words[-1] in _CONTRASTS)):
        return False
    if words[-1] == "as" and len(words) > 1 and words[-2] == "even":
        return contrast  # "stayed silent even as Kazakhstan called for talks": a contrast, like "while"
    # "such as Brazil and India", "as well as Kazakhstan": a list, not a clause
    return not (words[-1] == "as" and len(words) > 1 and words[-2] in ("such", "well"))


# "According to the Kazakh foreign ministry, the country will …": a source put first, then a subject
# that can only stand for the source's state
_OPENING_ACCORDING = re.compile(r"^\W*according\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_SUBJECT_FOR_SOURCE = re.compile(
    r"[^,;]{0,40}?,\s+(?:it|he|she|the\s+(?:country|government|ministry|state|nation|republic|authorities|"
    r"administration|president|leader)|its\s+(?:government|authorities|leadership))\s", re.I)


def _fronted_source(sentence: str, holder: Holder, end: int) -> Holder | None:
    """The source of a sentence that opens with "According to …," (the caller checks the opening)
    when the clause after it has a pronoun or a definite description for its subject ("According to
    Tokayev, the country will comply with the sanctions"): the source's state holds the stance."""
    # A named source only ("According to U.S. officials, the country is helping Russia" is about a
    # state named before)
    return holder if holder.actor and _SUBJECT_FOR_SOURCE.match(sentence, end) else None


def _closes_with_according(before: str, after: str) -> bool:
    """"Sanctions are a mistake, according to Hungary's foreign minister.": a source that closes the
    sentence. It is the speaker when the sentence has no holder before it; otherwise it reports
    ("…, said an official at the Defence Ministry, according to KCNA"; "Iran is supplying drones,
    according to British intelligence")."""
    return "ccording" in before[-60:].lower() and bool(_TRAILING_ACCORDING.search(before)) and bool(
        _TO_SENTENCE_END.match(after))


def _is_reporter(before: str, after: str, closing_source_speaks: bool = False) -> bool:
    """``closing_source_speaks``: the mention is a closing source (``_closes_with_according``) in a
    sentence with no holder before it, so it speaks rather than reports."""
    reported = _REPORTER_AFTER.match(after)
    if reported and _REBUTS.search(reported.group()):
        return False  # "denied reports that it was helping Russia" is its own (negated) stance
    according = ("ccording" in before.lower() and _ACCORDING_BEFORE.search(before)
                 and not closing_source_speaks)
    return bool(reported or according
                or (_ACCUSATION_AFTER.match(after) and _REBUTTED_BEFORE.search(before)))


def _merge_by_country(holders: list[Holder]) -> list[Holder]:
    """One holder per country, keeping the most specific actor."""
    rank = {"actor": 0, "institution": 1, "demonym": 2, "capital": 3, "name": 4}
    best: dict[str, Holder] = {}
    for h in holders:
        cur = best.get(h.country)
        if cur is None or (rank[h.how] < rank[cur.how] and h.actor) or (not cur.actor and h.actor):
            best[h.country] = h
    return list(best.values())


_PRONOUN_SUBJECT = re.compile(
    r"^[\"“‘'\s]*(?:(?:however|but|and|also|meanwhile|moreover|later|then|so|still|yet|earlier|now|"
    r"on\s+(?:his|her|its|their)\s+part|in\s+(?:addition|turn)|(?:earlier\s+)?(?:this|last)\s+(?:week|month|year)|"
    r"on\s+\w+day|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{4})?|on\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
    # a fronted place or occasion set off by a comma: "At the United Nations last week, it abstained"
    r"(?:at|in|during|after|before|speaking\s+(?:at|in|to|on|after))\s+[^,;.:“”\"]{1,60},|"
    # "A year after the invasion, the country …", "Two days later, it …"
    r"(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|later|"
    r"earlier|on|into)\b[^,;.:“”\"]{0,60},),?\s+)*"
    r"(?:(?:he|she|they)\b|it\b(?!\s+(?:is|was|has\s+been|seems|would\s+be|will\s+be)\b)|"
    # "the former Soviet republic", "the South Asian country": up to three modifiers before the noun,
    # but not "the two countries", "the other state", "the state of emergency"
    r"the\s+(?!(?:two|three|both|other|neighbou?ring|western|rival|host)\b)(?:[\w-]+\s+){0,3}?"
    r"(?:(?P<state>country|nation|state|republic|kingdom|government)|ministry|president|leader|minister|premier|"
    r"strongman|ally)\b(?!\s+of\b)|"
    # "Moscow's closest ally has also …": the state allied to Moscow, named before
    r"(?:Moscow|Russia|the\s+Kremlin|Putin)[’']s\s+(?:[\w-]+\s+){0,2}?(?:ally|partner)\b|"
    r"(?:his|her|its|their)\s+(?:government|country|administration|(?:foreign\s+)?ministry|office|spokes(?:man|woman|person))\b|"
    # "Its leader has also called for dialogue" after a sentence on the state
    r"(?:its|their)\s+(?P<office>leader|president|prime\s+minister|premier|foreign\s+minister|ambassador|envoy|"
    r"delegation|parliament)\b)",
    re.IGNORECASE,
)
# A subject that stands for several states: "They", or counted: "None of them", "All three", "The two
# countries"
_PLURAL_SUBJECT = re.compile(
    r"^[\"“‘'\s]*(?:(?:however|but|and|also|meanwhile|moreover|so|still|yet|now),?\s+)*"
    r"(?:(?P<they>they)\b|(?:none|all|each|both|neither|either|most|some|two|three)\s+of\s+(?:them|these|those|the\s+\w+)\b"
    r"|(?:both|all\s+(?:three|four|five|six))\b|the\s+(?:two|three|four|five|six)\s+(?:[\w-]+\s+)?"
    r"(?:countries|states|nations|republics|governments|capitals)\b"
    # "Neither country has condemned …", "Neither has …" (not "Neither side": the warring parties)
    r"|(?:neither|each)\s+(?:country|state|nation|republic|government|capital|leader|president|minister)\b"
    r"|(?:neither|each)(?=\s+(?:has|have|had|is|was|will|would|did|does|could|can|(?-i:[a-z]+ed)|sent|made|gave|took|"
    r"kept|held|met|said|went|came|spoke|voted|backed|signed)\b))", re.I)
# "Kazakhstan and Kyrgyzstan reacted differently. The former condemned …": the first or the last of the
# states before (a verb must follow: "The former Soviet republic" is a description)
_FORMER_OR_LATTER = re.compile(
    r"^[\"“‘'\s]*(?:(?:however|but|and|meanwhile|so|still|yet|now),?\s+)*the\s+(?P<which>former|latter)"
    r"(?=,?\s+(?:has|have|had|is|was|were|will|would|did|does|could|can|also|however|then|\w+ly|\w+ed)\b)", re.I)
# "Xi and Putin held talks. The two leaders …": the pair who met, the state's leader among them
_MEETING_PAIR = re.compile(
    r"^[\"“‘'\s]*(?:(?:however|but|and|also|meanwhile|later|then|earlier),?\s+)*"
    r"(?:the\s+two\s+(?:leaders|presidents|sides|heads\s+of\s+state|delegations|(?:foreign\s+|defen[cs]e\s+)?ministers)"
    r"|both\s+(?:sides|leaders|presidents)|the\s+(?:leaders|presidents|sides))\b", re.I)
_PRONOUN_SPEAKER = re.compile(r"[,”\"’']\s*(?:he|she|it|they)\s+(?:said|says|added|told|stressed|noted|stated|argued|insisted|warned)\b", re.I)
_OPENS_WITH_QUOTE = re.compile(r"^\s*[\"“‘]")
_UNKNOWN_PERSON = re.compile(r"^(?:[A-Z][a-z]+\s){1,2}[A-Z][a-z]+(?:,|\s+(?:said|says|told|added|wrote))")


def refers_back(sentence: str) -> bool:
    """Whether the sentence's subject is a pronoun, a definite description or an open quotation."""
    return bool(_PRONOUN_SUBJECT.match(sentence) or _PRONOUN_SPEAKER.search(sentence)
                or _OPENS_WITH_QUOTE.match(sentence) or _PLURAL_SUBJECT.match(sentence)
                or _FORMER_OR_LATTER.match(sentence) or _MEETING_PAIR.match(sentence))


def names_the_meeting_pair(sentence: str) -> int:
    """Where the sentence's subject ends when it is the pair who met ("The two leaders", "Both
    sides"), which stands for the states named with Moscow in the sentence that set the meeting; 0
    when it is not."""
    m = _MEETING_PAIR.match(sentence)
    return m.end() if m else 0


_THE_LATTER_LATER = re.compile(r",?\s+(?:while|whereas|but|and)\s+the\s+latter\b", re.I)


def former_or_latter(sentence: str) -> tuple[str, int, int]:
    """("former" or "latter", where it stands, where "… while the latter" stands or -1) for a sentence
    whose subject is "The former" or "The latter"; ("", -1, -1) otherwise."""
    m = _FORMER_OR_LATTER.match(sentence)
    if not m:
        return "", -1, -1
    which = m.group("which").lower()
    latter = _THE_LATTER_LATER.search(sentence, m.end()) if which == "former" else None
    return which, m.start("which"), latter.end() - len("latter") if latter else -1


# The mark that closes a quotation opened with each mark; a ’ before a letter is an apostrophe
_CLOSING_QUOTE = {'"': re.compile('"'), "“": re.compile('[”"]'), "‘": re.compile(r"’(?![^\W\d_])")}


def describes_a_state(sentence: str) -> bool:
    """Whether the sentence's subject describes a state ("The former Soviet republic has also …"),
    which stands for the state, not for the person who spoke for it before."""
    m = _PRONOUN_SUBJECT.match(sentence)
    return bool(m and m.group("state"))


def office_of_subject(sentence: str) -> str:
    """The office a possessive subject names ("Its president has also …": "president"), else ""."""
    m = _PRONOUN_SUBJECT.match(sentence)
    return re.sub(r"\s+", " ", m.group("office").lower()) if m and m.group("office") else ""


def end_of_opening_quotation(sentence: str) -> int | None:
    """Offset of the mark closing the quotation the sentence opens with (the sentence's length when
    the quotation runs on past it); None when the sentence does not open with a quotation."""
    m = _OPENS_WITH_QUOTE.match(sentence)
    if not m:
        return None
    closing = _CLOSING_QUOTE[sentence[m.end() - 1]].search(sentence, m.end())
    return closing.start() if closing else len(sentence)


def has_plural_subject(sentence: str) -> str:
    """"they" or "counted" ("None of them", "The two countries") for a sentence that opens with a
    subject standing for several states; "" otherwise."""
    m = _PLURAL_SUBJECT.match(sentence)
    if not m:
        return ""
    return "they" if m.group("they") else "counted"


def introduces_unknown_person(sentence: str, mention_starts: list[int]) -> bool:
    """"Timothy Ash, an economist ..., said": a new speaker who does not speak for a state.

    ``mention_starts`` are the sentence-relative starts of the codebook mentions in the sentence.
    """
    m = _UNKNOWN_PERSON.match(sentence)
    return bool(m) and not any(start <= m.end() for start in mention_starts)


def starts_with_pronoun(sentence: str, mention_starts: list[int] = ()) -> bool:
    """Whether the sentence's grammatical subject is a pronoun or a definite description that names
    no state itself ("The Turkish president" is a mention, not a pronoun); ``mention_starts`` are
    the sentence-relative starts of the codebook mentions in the sentence."""
    m = _PRONOUN_SUBJECT.match(sentence)
    return bool(m) and not any(start < m.end() for start in mention_starts)
