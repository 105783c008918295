"""Score a sentence's stance toward Moscow from the codebook's cues, with negation and concession.

Each cue has a value on the -2..+2 scale and a value when negated. Negation counts adverbs just
before the cue ("would not recognize") and negating verbs earlier in the clause ("fell short of
supporting", "denied that ... is anti-Russia"); two negations cancel. A cue in a concessive clause
("Despite reaffirming ties, ...") is dropped when the main clause has a cue of its own; one in a
conditional clause ("If the West keeps arming Kyiv, ...") is always dropped. Cues of both
signs in one sentence ("spoke of its support for Moscow, but called for an end to the fighting")
score 0, as the codebook defines mixed statements.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .codebook import Codebook, Cue, lower_same_length
from .literals import PrefixHits, finditer_from

_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\s-\s")
# "refused to condemn Russia and (instead) called for talks": a coordinated verb ends a negation's scope.
# A new subject after ", and" ends it too: "refused to join sanctions, and Turkish exports have surged",
# "refused to join the sanctions, though it has closed the straits".
# (a past tense without "-ed" too: "refused to recognise the annexation, and said Washington would keep arming Kyiv")
_COORDINATION = re.compile(r",?\s+(?:and|but|while|whereas)\s+(?:(?:instead|also|then|later|rather|\w+ly)\s+)?"
                           r"(?=\w+(?:ed|s)\b|(?:said|told|made|sent|gave|took|met|held|kept|left|sought|brought|"
                           r"spoke|wrote|stood|put|set)\b)"
                           r"|,\s+(?:and|but|while|whereas|though|although|even\s+though)\s+"
                           r"(?=[A-Z]|(?:the|its|his|her|their|an?|it|he|she|they|we)\s)"
                           # "refused to join sanctions while supplying drones to Kyiv": what it does meanwhile
                           r"|,?\s+(?:while|whereas|even\s+as)\s+(?=\w+ing\b)"
                           # "refused to impose sanctions even as Montenegro joined them": a contrast with a
                           # subject and a finite verb of its own, also without a comma
                           r"|,?\s+(?:but|while|whereas|even\s+as)\s+(?=(?:the\s+)?(?-i:[A-Z])[\w’'.-]+(?:\s+(?-i:[A-Z])[\w’'.-]+)?"
                           r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|has|have|had|is|are|was|were|will|would|did|does)\b)"
                           # "India, which has refused to condemn Russia, said it was disturbed": the main verb
                           r"|,\s+(?:(?:has|have|had)\s+)?(?:said|says|told|added|stressed|insisted|noted|argued|"
                           r"declared)\b"
                           # "told Modi, who has avoided criticising Moscow, that China wanted talks": the object clause
                           r"|,\s+that\s"
                           # "refused to send ammunition to Ukraine, saying Brazil wants peace": its reason
                           # (a lookahead: a cue may open with the participle, "…, calling Russia a friend")
                           r"|,\s+(?=(?:saying|adding|arguing|insisting|noting|stressing|explaining|citing|calling|describing|"
                           r"labell?ing|branding|terming|praising|hailing|urging|warning|accusing|blaming)\b)"
                           # "refused to condemn the invasion, blamed NATO for the crisis and …": a verb of
                           # its own in a list of verb phrases (its object follows: "recognise the
                           # referendums, annexed territories …" is a list of objects)
                           r"|,\s+(?=\w+ed\s+(?:(?:the|a|an|its|his|her|their)\b|(?-i:[A-Z])))(?!\w+ed\s+by\b)")
# Quotation marks inside a phrase do not change it: 'expressed "strong support" for Putin' is
# matched as 'expressed  strong support  for Putin'. Apostrophes stay ("Russia's").
_QUOTES = '"“”„«»'


def _quotes_as_spaces(text: str) -> str:
    # str.translate looks up every character in Python; a replace per quote present is a C scan
    for quote in _QUOTES:
        if quote in text:
            text = text.replace(quote, " ")
    return text


# '"We will not," Tokayev said, "recognise these entities."': the attribution that splits a quote is
# blanked out (offsets kept), so the quote's two halves read as one clause
_SPLIT_QUOTE_ATTRIBUTION = re.compile(
    r",[\"”]\s+(?:[\w.’'-]+\s+){0,5}?(?:said|says|added|adds|stressed|insisted|declared|warned|noted|continued|"
    r"went\s+on|told\s+(?:[\w.’'-]+\s+){0,3}?[\w.’'-]+)\s*,\s*[\"“](?=\s*[a-z])"
    # (not where the second half opens a clause of its own: '"…," Vucic said, "because it would hurt …"')
    r"(?!\s*(?:because|and|but|as|since|while|which|who|so|or|if|when|although|though|unless)\b)")


def _join_split_quote(sentence: str, lowered: str) -> tuple[str, str]:
    spans = [m.span() for m in _SPLIT_QUOTE_ATTRIBUTION.finditer(sentence)]
    for lo, hi in spans:
        sentence = sentence[:lo] + " " * (hi - lo) + sentence[hi:]
        lowered = lowered[:lo] + " " * (hi - lo) + lowered[hi:]
    return sentence, lowered


class CueHit(NamedTuple):
    cue: Cue
    start: int
    end: int
    text: str
    negated: bool
    concessive: bool
    agents: tuple[int, int] | None = None  # a passive clause's cue: where its agents are named ("by ...")
    hedged: bool = False  # right after "could", "might" or "may": what a state might do

    @property
    def value(self) -> int:
        return self.cue.negated if self.negated else self.cue.value


def find_cues(sentence: str, codebook: Codebook, candidates: list[int] | None = None,
              lowered: str | None = None, passives: bool = True, before: str = "") -> list[CueHit]:
    """Every cue in the sentence with its negation and concession status.

    A cue inside a longer cue ("on Moscow's side" in "enter the war on Moscow's side") is dropped,
    so one phrase is scored once. ``candidates`` are the indices of the cues whose anchors occur in
    the sentence, and ``lowered`` is ``lower_same_length(sentence)`` (both computed here when not
    given). ``before`` is the sentence before, where a cue with ``only_near`` also looks for what its
    pronoun stands for.
    """
    if lowered is None:
        lowered = lower_same_length(sentence)
    if candidates is None:
        candidates = codebook.cue_index.candidates(lowered)
    if not candidates:
        return []
    if passives and " by " in lowered:
        passive_hits = _hits_in_passive_clauses(sentence, codebook)
        if passive_hits:
            return _with_passive_hits(find_cues(sentence, codebook, candidates, lowered, passives=False, before=before),
                                      passive_hits)
    quoted = sentence  # the cue's text in the evidence keeps its quotation marks
    if '," ' in sentence or ',” ' in sentence:
        sentence, lowered = _join_split_quote(sentence, lowered)
    sentence, lowered = _quotes_as_spaces(sentence), _quotes_as_spaces(lowered)
    literal = codebook.prefix_index.scan(lowered, frozenset(candidates))
    found = []
    for i in candidates:
        cue = codebook.cues[i]
        matches = [m for m in finditer_from(cue.pattern, sentence, literal.starts(("cue", i)))
                   if m.end() > m.start() and not (cue.unless_before and _void_by_context(sentence, m.start(), cue, i, literal))]
        # "agreed to boost cooperation" says nothing about Moscow unless it is named (checked only
        # after a match: the condition scans the whole sentence)
        if matches and cue.only_after is not None:
            matches = [m for m in matches
                       if cue.only_after.search(sentence, max(0, m.start() - LOOKBACK), m.start())]
        if matches and (cue.only_with is None or cue.only_with.search(sentence)):
            if cue.only_near is not None and not (cue.only_near.search(sentence) or cue.only_near.search(before)):
                continue
            found.extend((cue, m) for m in matches)
    if not found:
        return []
    found.sort(key=lambda cm: (cm[1].start(), -cm[1].end()))
    kept: list[tuple[Cue, re.Match]] = []
    max_end = -1
    for cue, m in found:
        if m.end() <= max_end:
            continue  # inside an earlier, longer cue
        kept.append((cue, m))
        max_end = m.end()
    refused = _request_refused(sentence)
    asked = _asked_whether(sentence) if "sked " in sentence else None
    kept = [(cue, m) for cue, m in kept
            if (asked[3] if asked and asked[0] <= m.start() < asked[1] else  # the act asked about, if answered
                not (_is_conditional(sentence, m.start(), codebook, literal)
                     or _moscow_disposed_to(sentence, m.start())
                     or (_describes_a_resolution(sentence, m.start(), codebook, literal)
                         and not (refused and refused[0] <= m.start() < refused[1]))))]
    spans = [(m.start(), m.end()) for _, m in kept]
    may_hedge = ("could" in lowered or "might" in lowered or "may " in sentence
                 or any(verb in lowered for verb in _WEIGHING))
    hits = [CueHit(cue, m.start(), m.end(), quoted[m.start():m.end()],
                   (_is_negated(sentence, m, codebook, literal, cue.negation_inside, quoted, spans)
                    != bool(refused and refused[0] <= m.start() < refused[1]))
                   != bool(asked and asked[0] <= m.start() < asked[1] and asked[2]),
                   _is_concessive(sentence, m.start(), codebook, literal),
                   hedged=may_hedge and _is_hedged(sentence, m.start(), codebook))
            for cue, m in kept]  # in order of start
    if any(word in lowered for word in _RULED_OUT_WORDS):
        hits = _ruled_out_by_predicate(sentence, hits)
    if any(word in lowered for word in _FALSE_WORDS):
        hits = _inside_reports_called_false(sentence, hits)
    return _drop_refusals_of_cued_acts(_denied_by_trailing_clause(sentence, hits), sentence)


# "The resolution was opposed by Belarus", "Drones were supplied to Russia by Iran": a passive with
# its agent. The patient is the last few words before the auxiliary, in its clause and after any
# "that" or reporting verb; a complement ("to Russia") may stand between the participle and "by".
_PASSIVE_WITH_AGENT = re.compile(
    # (or a participle set off by a comma: "The annexation, recognised only by North Korea, …")
    # (or a second participle joined by "and" or "but": "… was supported by Georgia and opposed by
    # Belarus", "… condemned by Turkey but welcomed by Belarus")
    r"(?:\b(?:is|are|was|were|be|been|being)\s+|(?<=,\s)(?=[a-z]+ed\s+(?:only\s+|also\s+|even\s+)?by\s)"
    r"|(?<=\sand\s)(?=[a-z]+ed\s+(?:only\s+|also\s+|even\s+)?by\s)|(?<=\sbut\s)(?=[a-z]+ed\s+(?:only\s+|also\s+|even\s+)?by\s))"
    r"(?P<adverbs>(?:[a-z]+ly\s+|not\s+|never\s+|also\s+|only\s+|already\s+)*)"
    r"(?P<verb>[a-z]+(?:\s+(?:down|up|off|out|forward|back|on|over))?)"
    r"(?P<complement>\s+(?:to|for|with|from|against|into|on)\s+[^,;:.()]{1,40}?)?"
    r"\s+(?:[a-z]+ly\s+|only\s+|also\s+|even\s+)?by\s+(?![a-z]+ing\b)")
_PATIENT_BOUNDARY = re.compile(r".*(?:[,;:()—–]|\b(?:that|which|who|whom|whether|said|says|say|told|reported|added|"
                               r"noted|and|but|while|whereas|after|before|when|because|since|as|although|though|"
                               r"despite|if|unless|once|until)\s)", re.I | re.S)
_PATIENT_WORDS = 8
# The list of agents after "by" ends at a clause: "by Belarus, North Korea and Syria, which ...",
# "by Kazakhstan but not by Tajikistan"; a list that names some of a number goes on ("by 143
# countries, including Turkey and Kazakhstan")
_AGENTS_END = re.compile(r"[;:()—–]|,\s+(?!(?:and|or|including|among\s+them|notably|such\s+as)\s)(?=[a-z])"
                         r"|\s+(?:but|while|whereas|and|or)\s+(?=[a-z])")
_NEGATORS = frozenset(("not", "never"))


def _hits_in_passive_clauses(sentence: str, codebook: Codebook) -> list[CueHit]:
    """Cues of a passive clause with an agent ("The request for troops was turned down by
    Kazakhstan"), read from its active paraphrase ("turned down the request for troops"). The
    evidence runs from the patient to "by", where the agent follows: the holder found there is the
    one who acted."""
    out = []
    previous = None  # the patient of the last passive clause: (start, words, agents' end)
    for m in _PASSIVE_WITH_AGENT.finditer(sentence):
        if sentence.endswith((" and ", " but "), 0, m.start()) and not m.group(0).startswith(("is", "are", "was", "were", "be")):
            # "supported by Georgia and opposed by Belarus": the second participle shares the patient,
            # right after the first clause's agents
            if previous is None or previous[2] != m.start() - len(" and "):  # (" but " is as long)
                continue
            patient_start, words = previous[0], previous[1]
        else:
            patient_to = m.start() - 2 if sentence.endswith(", ", 0, m.start()) else m.start()
            lo = max(0, patient_to - 80)
            boundary = _PATIENT_BOUNDARY.match(sentence, lo, patient_to)
            patient_from = boundary.end() if boundary else lo
            words = sentence[patient_from:patient_to].split()[-_PATIENT_WORDS:]
            if not words:
                continue
            patient_start = _nth_word_back(sentence, patient_from, patient_to, _PATIENT_WORDS)
            patient_start += len(sentence[patient_start:patient_to]) - len(sentence[patient_start:patient_to].lstrip())
        negators = [w for w in m.group("adverbs").split() if w in _NEGATORS]
        paraphrase = " ".join([*negators, m.group("verb"), *words]) + (m.group("complement") or "")
        end = m.end() - 1  # "by" ends the evidence; the agents follow it
        agents_end = _AGENTS_END.search(sentence, m.end())
        agents = (m.end(), agents_end.start() if agents_end else len(sentence))
        previous = (patient_start, words, agents[1])
        verb_end = len(" ".join([*negators, m.group("verb")]))
        for hit in find_cues(paraphrase, codebook, passives=False):
            if hit.start >= verb_end and not hit.negated:
                continue  # "India's abstention was criticised by Western diplomats": the patient's own act
            out.append(hit._replace(start=patient_start, end=end, text=sentence[patient_start:end], agents=agents,
                                    concessive=_is_concessive(sentence, patient_start, codebook, _UNSCANNED)))
    return [h for h in out if not _is_conditional(sentence, h.start, codebook, _UNSCANNED)]


_UNSCANNED = PrefixHits({}, frozenset())  # no prefix scan of the sentence: every check runs


def _with_passive_hits(own: list[CueHit], passive: list[CueHit]) -> list[CueHit]:
    """A cue inside a passive clause's evidence is its patient ("Military aid to Ukraine has been
    blocked by Hungary"), which the clause's own cue scores, as a longer cue outranks one inside it;
    a passive cue that only overlaps another is dropped."""
    passive = [p for p in passive
               if not any(p.start < o.end and o.start < p.end and not p.start <= o.start < o.end <= p.end for o in own)]
    own = [o for o in own if not any(p.start <= o.start and o.end <= p.end for p in passive)]
    return sorted(own + passive, key=lambda h: h.start)


def _void_by_context(sentence: str, start: int, cue: Cue, i: int, literal: PrefixHits) -> bool:
    lo = max(0, start - LOOKBACK)
    return literal.may_match(("unless", i), lo, start) and bool(cue.unless_before.search(sentence[lo:start]))


def _drop_refusals_of_cued_acts(hits: list[CueHit], sentence: str = "") -> list[CueHit]:
    """"refused to join Western sanctions": the refusal ("refused to join") overlaps a cue for the
    refused act ("join ... sanctions"), which its negating verb already negates. The act says what
    was refused, so the refusal is scored once, as that negation; so is a refusal whose object is
    the act's cue a few words on ("refused to join the Western condemnation of Russia")."""
    if len(hits) < 2:
        return hits
    return [h for i, h in enumerate(hits) if h.negated or not _overlaps_a_negated_later_cue(hits, i, sentence)]


# what may stand between a refusal and the cue it refuses: articles and modifiers, no clause break
_REFUSED_OBJECT_GAP = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}")


def _overlaps_a_negated_later_cue(hits: list[CueHit], i: int, sentence: str = "") -> bool:
    end = hits[i].end
    for later in hits[i + 1:i + 8]:  # hits are in order of start; overlaps are near, and a run-on sentence stays linear
        if later.start >= end and not (later.negated and sentence and hits[i].cue.id == "refuse_help"
                                       and _REFUSED_OBJECT_GAP.fullmatch(sentence, end, later.start)):
            return False
        if later.negated:
            return True
    return False


LOOKBACK = 300  # characters a cue's context reaches back; keeps run-on sentences linear


# "None of the five leaders publicly endorsed the annexation": a negative subject negates its verb
# however many words it has
_NEGATIVE_SUBJECT = re.compile(r"[\"“‘'\s]*(?:none|neither)\s+of\s+(?:the\s+|them\b|these\b|those\b|its\s+|their\s+)?"
                               r"(?:[\w’'-]+\s+){0,3}?(?:[\w’'-]+)(?=\s)|[\"“‘'\s]*(?:no|neither)\s+(?:[\w’'-]+\s+){0,3}?"
                               r"(?:country|state|nation|government|leader|member|capital|one|ally|allies|neighbou?r)s?\b"
                               # "Neither Kazakhstan nor Uzbekistan has ever openly criticised Moscow"
                               r"|[\"“‘'\s]*neither\s+(?!of\b)[^,;]{1,60}?\s+nor\s+(?:the\s+)?[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]*)*",
                               re.I)


def _negative_subject_start(sentence: str, start: int, window_from: int, clause_from: int = 0) -> int:
    """Where a negative subject ("None of them", "No Central Asian leader") starts when it opens the
    sentence, or the clause of the cue at ``start`` ("Apart from Belarus, no former Soviet state has
    …"), and its clause runs on to the cue; ``window_from`` otherwise."""
    for at in (0, clause_from) if clause_from else (0,):
        if sentence[at:at + 12].lstrip("\"“‘' ")[:2].lower() not in ("no", "ne"):
            continue
        subject = _NEGATIVE_SUBJECT.match(sentence, at)
        if subject and subject.end() <= start and not _CLAUSE_BREAK.search(sentence, subject.end(), start):
            return at
    return window_from


def _clause_start(sentence: str, pos: int) -> int:
    last = max(0, pos - LOOKBACK)
    for m in _CLAUSE_BREAK.finditer(sentence, last, pos):
        last = m.end()
    return last


def _nth_word_back(sentence: str, lo: int, hi: int, n: int) -> int:
    """Start of the n-th word before ``hi`` within sentence[lo:hi]; ``lo`` when there are fewer.

    Matches the reversed span from its start, so only the last n words are looked at.
    """
    m = re.match(r"(?:\s*\S+(?!\S)){%d}" % n, sentence[lo:hi][::-1])
    return hi - m.end() if m else lo


def _is_negated(sentence: str, m: re.Match, codebook: Codebook, literal: PrefixHits, inside: bool = True,
                quoted: str | None = None, cue_spans: Sequence[tuple[int, int]] = ()) -> bool:
    start = m.start()
    crossing = _COORDINATION.search(sentence, start + 1, m.end()) if "," in sentence[start:m.end()] else None
    if crossing:
        # "refused to join the sanctions, saying they would hurt the economy": a cue that runs past the
        # coordination is stated there, beyond the scope of what negates the words before it
        return bool(inside and codebook.negation_adverbs.search(sentence, crossing.end(), m.end()))
    if "that " in sentence[start:m.end()] or "which " in sentence[start:m.end()]:
        relative = _RELATIVE_AFTER_CUE_HEAD.match(sentence, start, m.end())
        if relative:
            # "would not join sanctions that hurt its own people": what negates the noun's verb leaves
            # the relative clause that the cue reads asserted
            return bool(inside and codebook.negation_adverbs.search(sentence, relative.end(), m.end()))
    count = 0
    # Adverbs: within N words before the cue, inside its clause, or inside a cue with a gap
    # (``inside``: False where the cue's own wording holds the negator).
    clause_from = _clause_start(sentence, start)
    window_from = _nth_word_back(sentence, clause_from, start, codebook.negation_window_words)
    if window_from > 0:
        window_from = _negative_subject_start(sentence, start, window_from, clause_from)
    adverbs = codebook.negation_adverbs
    positions = ([n.start() for n in adverbs.finditer(sentence, window_from, start)]
                 if literal.may_match("negation_adverbs", window_from, start) else [])
    if inside and literal.may_match("negation_adverbs", start + 1, m.end()):
        inner = sentence[start:m.end()]
        if not adverbs.match(inner) and len(inner.split()) > 3:
            positions += [start + n.start() for n in adverbs.finditer(inner, 1)
                          if not (quoted and _in_quoted_modifier(quoted, start, start + n.start(), m.end()))]
    if positions and "not " in sentence:
        # "Armenia and not Azerbaijan criticised the CSTO": the "not" sets a state apart, it does not
        # negate the subject's act (statements.py scores the state set apart)
        positions = [p for p in positions if not (sentence.endswith(("and ", "but "), 0, p)
                                                  and _NOT_BEFORE_A_NAME.match(sentence, p, start))]
    if not positions:
        positions = _negators_over_disjunction(sentence, start, codebook, literal)
    if not positions and sentence.endswith(" in ", 0, start):
        # "has not joined Western nations in condemning Russia": what the holder did not join others in
        joining = _NEGATED_JOINING.search(sentence, max(0, start - 90), start)
        if joining and not _CLAUSE_BREAK.search(sentence, joining.end("negator"), start):
            positions = [joining.start("negator")]
    if positions:
        # "said the era is not of war and urged talks": a coordinated verb is outside the adverb's scope.
        coordinations = _COORDINATION.finditer(sentence, positions[0], min(len(sentence), start + 40))
        scope_from = max((c.end() for c in coordinations if c.end() <= start), default=0)
        scope_from = max(scope_from, _end_of_relative_clause_around(sentence, positions[0], start))
        positions = [p for p in positions if p >= scope_from]
        if positions and " but " in sentence[positions[-1]:start]:
            # "India was not neutral but on the side of peace": "not X but Y" affirms Y
            positions = [p for p in positions if not _BUT_AFTER_NEGATOR.search(sentence, p, start)]
    if not positions and sentence.endswith(", ", 0, start):
        # "Armenia did not, in the end, vote against the resolution": a negator before a parenthetical
        # (after the scope check: the comma before "joined the sanctions" in "has not, so far, joined
        # the sanctions" closes the aside, not a verb phrase)
        aside = _NEGATOR_BEFORE_ASIDE.search(sentence, max(0, start - 60), start)
        if aside:
            positions = [aside.start()]
    if positions:
        count += 1
        # "criticized other members for not providing support": the criticism cancels the negation.
        lo = max(0, positions[0] - LOOKBACK)
        if literal.may_match("negation_cancelling", lo, positions[0]) and \
                codebook.negation_cancelling.search(sentence[lo: positions[0]]):
            count += 1
    if _GERUND_START.match(sentence, start):
        if codebook.negation_before_gerund.search(sentence, max(0, start - 30), start):
            count += 1  # "opposes arming Kyiv": the verb right before the cue negates it
    elif "ather than" in sentence and _RATHER_THAN_BEFORE.search(sentence, max(0, start - 20), start):
        count += 1  # "opted to abstain rather than vote against Russia": the act passed over
    if sentence.endswith("less ", 0, start) and (start == 5 or not sentence[start - 6].isalnum()):
        count += 1  # "has become less dependent on Russian arms": less of it is a move away from it
    # Negating verbs: earlier in the sentence, not across a semicolon or a coordinated verb phrase
    # ("fell short of supporting Russia and called for talks": the call is not negated).
    look_from = max(0, sentence.rfind(";", 0, start) + 1, start - 70)
    if not literal.may_match("negation_verbs", look_from, start):
        return count % 2 == 1
    for coord in _COORDINATION.finditer(sentence, look_from, min(len(sentence), start + 40)):
        if coord.end() <= start:
            look_from = coord.end()
    verb = codebook.negation_verbs.search(sentence, look_from, start)
    if verb and "," in sentence[verb.end():start]:
        closed = _end_of_relative_clause_around(sentence, verb.start(), start)
        if closed:  # "China, which has refused to condemn Russia, abstained"
            verb = codebook.negation_verbs.search(sentence, closed, start)
    if verb and not any(verb.start() <= p < verb.end() for p in positions) \
            and not _past_a_negated_noun_phrase(sentence, verb, start, cue_spans):
        count += 1
        # "refused to rule out buying more Russian oil", "failed to stop goods reaching Russia": a
        # negating verb whose complement is another one cancels it
        chained = verb
        while chained and (chained := _NEXT_NEGATING_VERB.match(sentence, chained.end(), start)):
            chained = codebook.negation_verbs.match(sentence, chained.end(), start)
            count += chained is not None
    return count % 2 == 1


_GERUND_START = re.compile(r"\w+ing\b")
# a cue that opens with a noun and its relative clause ("sanctions that hurt"); not a verb and its
# that-clause ("insisted that Crimea belongs to Ukraine", "says that", "so that")
_RELATIVE_AFTER_CUE_HEAD = re.compile(
    r"(?!\w+(?:ed|ing)\b|(?:sa(?:y|ys)|thinks?|believes?|insists?|argues?|warns?|claims?|stresses?|notes?|hopes?"
    r"|knows?|agrees?|admits?|states?|tells?|suggests?|reiterates?|declares?|maintains?|feels?|fears?|expects?"
    r"|so|such|now|clear|sure)\b)[\w’'-]+,?\s+(?:that|which)\b", re.I)
# what may stand between a negating verb and the next one it governs ("refused to rule out", "denied
# having failed to"): spaces, "to", "be", "have" or "having", and an adverb
_NEXT_NEGATING_VERB = re.compile(r"\s*(?:(?:to|be|have|having|been|even|ever|\w+ly)\s+){0,3}")
_NOT_BEFORE_A_NAME = re.compile(r"not\s+(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3}\s+$")
_NEGATOR_BEFORE_ASIDE = re.compile(r"\b(?:not|never|n[’']t|no\s+longer)\s*,\s*[^,;]{1,40},\s*$", re.I)
# "refusal to", "failure to", "reluctance to", "unwillingness to": a negation that heads a noun phrase
_NEGATING_NOUN = re.compile(r"(?:refusal|failure|reluctance|unwillingness)\b", re.I)
# "refusal to recognise the republics or send troops": the next act is joined to the first
_JOINED_ACT = re.compile(r"\W*(?:or|nor|and)\s+(?:[\w’'-]+\s+){0,2}$", re.I)


# ", which has refused to condemn Russia, " before a verb: a relative clause closed by its comma
_CLOSED_RELATIVE = re.compile(r",\s+(?:which|who)\s[^,;]{1,120}?,\s+(?=(?:\w+ly\s+)?\w+(?:ed|s)\b)")


def _end_of_relative_clause_around(sentence: str, negator: int, cue: int) -> int:
    """End of a closed relative clause that holds the negator and ends before the cue, else 0:
    the main verb after it is outside the negation's scope."""
    if sentence.find("wh", max(0, negator - 120), negator) < 0:
        return 0
    for m in _CLOSED_RELATIVE.finditer(sentence, max(0, negator - 120), min(len(sentence), cue + 40)):
        if m.start() < negator < m.end() <= cue:
            return m.end()
    return 0


def _past_a_negated_noun_phrase(sentence: str, verb: re.Match, start: int,
                                cue_spans: Sequence[tuple[int, int]]) -> bool:
    """'Kazakhstan's refusal to recognise the republics irritated the Kremlin': a negating noun
    negates the act it names (the first cue after it), not the verb the noun phrase is subject of.
    A later cue joined to that act by "or", "nor" or "and" stays in its scope."""
    if not _NEGATING_NOUN.match(sentence, verb.start()):
        return False
    between = [end for s, end in cue_spans if s >= verb.end() and end <= start]
    return bool(between) and _JOINED_ACT.fullmatch(sentence, between[-1], start) is None


_BUT_AFTER_NEGATOR = re.compile(r"\s+but\s+(?!also\b)", re.I)
_RATHER_THAN_BEFORE = re.compile(r"\brather\s+than\s+(?:to\s+)?$", re.I)


def _in_quoted_modifier(quoted: str, lo: int, pos: int, hi: int) -> bool:
    """'reaffirmed their "no limits" partnership': whether ``pos`` is inside a quotation that opens
    after the cue's start ``lo`` and closes before its end ``hi``, a quoted label that negates nothing
    (a quotation running to the cue's end is the speaker's words: 'was "not an ally of Russia"')."""
    present = [q for q in _QUOTES if q in quoted]
    if (sum(quoted.count(q, lo, pos) for q in present) % 2 == 1
            and any(q in quoted[pos:hi] for q in present)):
        return True
    # Headlines quote with single marks ("vow 'no limits' partnership"), which are also apostrophes:
    # only a mark after a space, closed by one before a space, counts.
    return any(q.start() < pos < q.end() for q in _SINGLE_QUOTED.finditer(quoted, lo, hi))


_SINGLE_QUOTED = re.compile(r"(?<![\w'’‘])['‘][^\W'’‘][^'’‘]*?['’](?![\w'’‘])")


# "or" and up to two words right before a cue: "... or impose sanctions", "..., or even recognise"
_OR_BEFORE = re.compile(r"(?:,\s*)?\bor\s+(?:[\w’'-]+\s+){0,2}$")
DISJUNCTION_WINDOW_WORDS = 10  # words before "or" in which a negator still reaches the cue after it


# a negated verb of joining others, and whom it joined, right before the act it joined them in
_NEGATED_JOINING = re.compile(r"\b(?P<negator>not|never|n[’']t|no\s+longer)\s+(?:\w+ly\s+|yet\s+)?"
                              r"(?:join|follow|side|stand|align|line\w*\s+up|fall\w*\s+in\s+line)\w*\s+"
                              r"(?:(?:with|behind|alongside)\s+)?(?:[\w’'.-]+\s+){1,6}?in\s+$", re.I)


def own_act_past_others_negation(sentence: str, hits: list[CueHit], mention_start: int, mention_end: int,
                                 codebook: Codebook) -> list[CueHit]:
    """A state named as the possessor of a negated act ("Western officials dismissed Beijing's peace
    plan") or among those the subject did not join in it ("India has not joined the US in condemning
    Russia"): the negation is the subject's; the named state's own act stands. Offsets are the
    sentence's; the hits are returned with those negations lifted."""
    lifted = []
    for x in hits:
        if x.negated and x.start > mention_end and (_possessor_of(sentence, x.start, mention_start, mention_end, codebook)
                                                    or _joined_in(sentence, x.start, mention_start)):
            x = x._replace(negated=False)
        lifted.append(x)
    return lifted


_POSSESSIVE_BEFORE_CUE = re.compile(r"(?:[’']s|(?<=s)[’'])\s+(?:[\w-]+\s+){0,2}$")


def _possessor_of(sentence: str, cue_start: int, mention_start: int, mention_end: int, codebook: Codebook) -> bool:
    if not _POSSESSIVE_BEFORE_CUE.match(sentence, mention_end, cue_start):
        return False
    gap = sentence[mention_end:cue_start]
    if codebook.negation_adverbs.search(gap) or codebook.negation_verbs.search(gap) or _NEGATING_NOUN.search(gap):
        return False  # "Beijing's refusal to condemn": the possessor's own negation
    before = sentence[max(0, mention_start - 60):mention_start]
    return bool(codebook.negation_verbs.search(before) or codebook.negation_adverbs.search(before))


def _joined_in(sentence: str, cue_start: int, mention_start: int) -> bool:
    if not sentence.endswith(" in ", 0, cue_start):
        return False
    joining = _NEGATED_JOINING.search(sentence, max(0, cue_start - 90), cue_start)
    return bool(joining) and joining.end("negator") < mention_start


def _negators_over_disjunction(sentence: str, start: int, codebook: Codebook, literal: PrefixHits) -> list[int]:
    """"would not send troops to Ukraine or recognise the republics": a negation's scope runs over
    "or" to the act after it. Positions of the negation adverbs before the "or", in its clause."""
    lo = max(0, start - 40)
    if sentence.find("or", lo, start) < 0:  # most cues have none before them: skip the regex
        return []
    disjunction = _OR_BEFORE.search(sentence, lo, start)
    if not disjunction:
        return []
    hi = disjunction.start()
    lo = _nth_word_back(sentence, _clause_start(sentence, hi), hi, DISJUNCTION_WINDOW_WORDS)
    if not literal.may_match("negation_adverbs", lo, hi):
        return []
    return [n.start() for n in codebook.negation_adverbs.finditer(sentence, lo, hi)]


def _comma_clause_start(sentence: str, start: int) -> int:
    """Start of the stretch before ``start`` that no comma interrupts (at most LOOKBACK back)."""
    return max(sentence.rfind(",", max(0, start - LOOKBACK), start) + 1, start - LOOKBACK, 0)


HEDGE_REACH = 60  # characters before a cue where "could", "might" or "may" and its adverbs stand
_WEIGHING = ("considering", "weighing", "mulling", "contemplating")  # "is considering supplying …" (see cues.yaml hedge)


def _is_hedged(sentence: str, start: int, codebook: Codebook) -> bool:
    return bool(codebook.hedge.search(sentence, max(0, start - HEDGE_REACH), start))


# "Should Belarus send troops, …", "Were Kazakhstan to join the sanctions, …": a condition by inversion
_INVERTED_CONDITION = re.compile(r"(?:Should|Were|Had)\s+(?:(?:the\s+)?[A-Z]|(?:it|they|he|she|we)\b)")


def _is_conditional(sentence: str, start: int, codebook: Codebook, literal: PrefixHits) -> bool:
    lo = _comma_clause_start(sentence, start)
    if lo == 0 and sentence[:1] in "SWH" and _INVERTED_CONDITION.match(sentence):
        return True
    return literal.may_match("conditional", lo, start) and bool(codebook.conditional.search(sentence, lo, start))


# "Kazakhstan was asked to join the sanctions but refused": the act asked for, refused
_REQUEST_VERBS = ("asked", "urged", "pressed", "pressured", "invited", "encouraged", "lobbied", "called on")
_ASKED_BUT_REFUSED = re.compile(
    r"(?:\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:"
    + "|".join(v.replace(" ", r"\s+") for v in _REQUEST_VERBS)
    + r")\s+(?:by\s+[^,;.]{1,40}?\s+)?to\s+(?P<act>[^.;]{1,100}?),?\s+but\s+"
    # "Russia asked Kazakhstan to recognise the republics, but Tokayev refused": the active voice, with
    # the one asked named again as the subject of the refusal
    r"|\b(?:" + "|".join(v.replace(" ", r"\s+") for v in _REQUEST_VERBS)
    + r")\s+(?:(?-i:[A-Z])[\w’'.-]*\s+){1,3}to\s+(?P<act_active>[^.;]{1,100}?),?\s+but\s+"
    r"(?:(?:the\s+)?(?-i:[A-Z])[\w’'.-]*\s+){1,3})"
    r"(?:has\s+|had\s+|have\s+)?(?:so\s+far\s+)?(?:refused|declined|rejected|resisted|balked)\b"
    r"(?!\s+to\s+(?!do\s+so\b))", re.I)


# "Asked whether China would send weapons to Russia, Wang Yi said Beijing had never done so";
# '"No," Tokayev replied when asked whether Kazakhstan would recognise the republics'
_ASKED_FIRST = re.compile(r"^[\"“‘'\s]*Asked\s+(?:whether|if)\s+(?P<q>[^,;]{5,200}?),\s+(?P<a>[^;]{1,200})")
_ASKED_AFTER = re.compile(r"(?P<a>^.{1,200}?)\s+(?:when|after\s+being|on\s+being)\s+asked\s+(?:whether|if)\s+"
                          r"(?P<q>[^,;]{5,200})")
# an answer that says no or yes to the act itself, not any "not" ("said China was not a party to the conflict")
_NEGATIVE_ANSWER = re.compile(
    r"^[\W]*no\b|\b(?:said|replied|answered)\s+(?:with\s+a\s+)?(?:firm\s+)?no\b|\b(?:never|not)\s+(?:done|do|did)\s+so\b"
    r"|\b(?:would|will|could|did|does|do|has|had|was|is|were)\s*(?:not|n[’']t)\s*(?:do\s+so|done\s+so)?\W*$"
    r"|\brul(?:ed|es|ing)\s+(?:it\s+|this\s+|that\s+)?out\b|\bden(?:y|ies|ied)\s+(?:it|this|that|any\s+such)\b", re.I)
_YES_ANSWER = re.compile(r"^[\W]*yes\b|\b(?:said|replied|answered)\s+yes\b|\b(?:would|will|did|has|had)\s+(?:do|done|did)\s+so\b"
                         r"|\b(?:would|will|did|has|had)\W*$|\b(?:agreed|confirmed|certainly|of\s+course)\b", re.I)


def _asked_whether(sentence: str) -> tuple[int, int, bool, bool] | None:
    """Where the act asked about stands, whether the answer is no, and whether it answers at all:
    the act is stated by a yes or a no (negated), and left out when the answer says neither
    ("said New Delhi preferred dialogue")."""
    m = _ASKED_FIRST.match(sentence) or _ASKED_AFTER.match(sentence)
    if not m:
        return None
    negative = bool(_NEGATIVE_ANSWER.search(m.group("a")))
    return m.start("q"), m.end("q"), negative, negative or bool(_YES_ANSWER.search(m.group("a")))


def _request_refused(sentence: str) -> tuple[int, int] | None:
    """Where the refused act of a request is in the sentence, if a request is refused in it."""
    if " but " not in sentence or not any(verb in sentence for verb in _REQUEST_VERBS):
        return None  # most sentences: skip the regex
    m = _ASKED_BUT_REFUSED.search(sentence)
    if m is None:
        return None
    return m.span("act") if m.group("act") is not None else m.span("act_active")


# "passed a resolution calling for …": what the holder's own resolution says is the holder's act
_AUTHORED_BEFORE = re.compile(r"\b(?:pass(?:es|ed|ing)?|adopt(?:s|ed|ing)?|approv(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|"
                              r"draft(?:s|ed|ing)?|(?:co-?)?sponsor(?:s|ed|ing)?|tabl(?:e|es|ed|ing)|put\s+forward|"
                              r"submit(?:s|ted|ting)?)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?$", re.I)


def _describes_a_resolution(sentence: str, start: int, codebook: Codebook, literal: PrefixHits) -> bool:
    lo = max(0, start - 80)
    if not literal.may_match("resolution_content", lo, start):
        return False
    m = codebook.resolution_content.search(sentence, lo, start)
    return bool(m) and not _AUTHORED_BEFORE.search(sentence, max(0, m.start() - 50), m.start())


# "Tokayev said Russia was committed to peace talks", "Erdogan said Putin was sincere in wanting peace":
# what Moscow is said to be disposed to is its own act, not the speaker's (the cue right after is void)
_DISPOSITIONS = ("committed", "sincere", "serious", "interested", "keen", "eager", "genuine", "ready", "willing",
                 "prepared", "open")
_MOSCOW_DISPOSED = re.compile(
    r"\b(?:Putin|Russia|Moscow|Kremlin|Lavrov|Peskov)\s+(?:(?:was|is|were|are|remained|remains|seemed|seems|"
    r"appeared|appears|(?:has|had|have|would|will)\s+be(?:en)?)\s+)(?:(?:\w+ly|still|also|now|not)\s+)?"
    r"(?:" + "|".join(_DISPOSITIONS) + r")\s+(?:(?:to|in|about|for|on)\s+)?$")


def _moscow_disposed_to(sentence: str, start: int) -> bool:
    lo = max(0, start - 80)
    window = sentence[lo:start]
    if not any(word in window for word in _DISPOSITIONS):
        return False  # most cues: a substring test is far cheaper than the pattern
    return bool(_MOSCOW_DISPOSED.search(sentence, lo, start))


def is_question(sentence: str) -> bool:
    """"Would Kazakhstan recognise the annexation?": a question states no stance."""
    return sentence.rstrip(" \t\n\"'”’»)").endswith("?")


def _is_concessive(sentence: str, start: int, codebook: Codebook, literal: PrefixHits) -> bool:
    # "Despite reaffirming ties months after the start of the war, Putin ...": the clause runs from
    # the concessive word to the next comma.
    lo = _comma_clause_start(sentence, start)
    return literal.may_match("concessive", lo, start) and bool(codebook.concessive.search(sentence, lo, start))


# ", which China denies", ", a charge Tehran has repeatedly rejected": the state the sentence reports
# on denies what the sentence says it did. Moscow's denials are not the holder's.
_TRAILING_DENIAL = re.compile(
    r",\s*(?:which|a\s+(?:claim|charge|accusation|allegation|report|suggestion)s?\s+(?:that\s+)?)\s*"
    r"(?!(?:the\s+)?(?:Kremlin|Moscow|Russia|Putin|Peskov|Lavrov)\b)(?:[\w.’'-]+\s+){1,4}?"
    r"(?:(?:has|have|had)\s+)?(?:(?:repeatedly|strongly|consistently|flatly|always|firmly)\s+)?"
    r"(?:den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:e|es|ed)|refut(?:e|es|ed))\b[^,;]{0,30}$", re.I)
DENIAL_TAIL = 160  # characters at the sentence's end where a trailing denial is looked for


# "Recognition of the referendums is out of the question": the predicate negates the act its subject names
_RULED_OUT_WORDS = ("question", "table", "agenda", "unthinkable", "ruled out")
_RULED_OUT_AFTER = re.compile(r"\s+(?:is|was|are|were|would\s+be|will\s+be|remains?|remained)\s+(?:\w+ly\s+|also\s+|still\s+)?"
                              r"(?:out\s+of\s+the\s+question|off\s+the\s+table|not\s+on\s+the\s+(?:agenda|table)|"
                              r"unthinkable|ruled\s+out)\b", re.I)


def _ruled_out_by_predicate(sentence: str, hits: list[CueHit]) -> list[CueHit]:
    return [h._replace(negated=not h.negated) if _RULED_OUT_AFTER.match(sentence, h.end) else h for h in hits]


# "Kyrgyz officials said reports that Bishkek was helping Russia evade sanctions were false": what
# the reports say is denied
_FALSE_WORDS = ("false", "untrue", "baseless", "unfounded", "groundless", "fabricat", "fake", "lies", "nonsense",
                "incorrect", "inaccurate", "misleading", "wrong")
_REPORT_CALLED_FALSE = re.compile(
    r"\b(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|assertions?)\s+(?:that|of)\s+"
    r"(?P<body>[^;]{1,200}?)\s+(?:were|are|was|is|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+|all\s+)?"
    r"(?:false|untrue|baseless|unfounded|groundless|fabricated|fake|lies|nonsense|wrong|incorrect|inaccurate|"
    r"misleading)\b", re.I)


def _inside_reports_called_false(sentence: str, hits: list[CueHit]) -> list[CueHit]:
    spans = [m.span("body") for m in _REPORT_CALLED_FALSE.finditer(sentence)]
    if not spans:
        return hits
    return [h._replace(negated=not h.negated) if any(lo <= h.start and h.end <= hi for lo, hi in spans) else h
            for h in hits]


def _denied_by_trailing_clause(sentence: str, hits: list[CueHit]) -> list[CueHit]:
    """Cues before a trailing denial are negated: "Western officials said Beijing was considering
    supplying lethal aid to Moscow, which China denies" is China's denial (-1)."""
    if not hits:
        return hits
    lo = max(max(h.end for h in hits), len(sentence) - DENIAL_TAIL)
    tail = sentence[lo:]
    if not any(verb in tail for verb in ("den", "reject", "disput", "refut")):  # most sentences: skip the regex
        return hits
    denial = _TRAILING_DENIAL.search(sentence, lo)
    if denial is None:
        return hits
    return [h._replace(negated=not h.negated) if h.end <= denial.start() else h for h in hits]


def combine(hits: list[CueHit]) -> int | None:
    """The sentence's stance from its cues; None when there is no cue."""
    if not hits:
        return None
    main = [h for h in hits if not h.concessive] or hits
    values = [h.value for h in main]
    signs = {v > 0 for v in values if v != 0}
    if len(signs) > 1:
        return 0
    nonzero = [v for v in values if v != 0]
    if not nonzero:
        return 0
    return max(nonzero, key=abs)
