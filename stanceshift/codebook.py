"""The codebook: countries, actors, events and stance cues, read from editable data files.

A :class:`Codebook` is an immutable value passed explicitly to the functions that need it; there
is no module-level mutable state (PETRARCH's dictionaries were globals, which made two codebooks in
one process impossible). Build one with :func:`load_codebook`.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

import ahocorasick
import pycountry
import yaml

from .literals import PrefixIndex
from .paths import CODEBOOK_DIR
from .schema import STANCE_LABELS


@dataclass(frozen=True)
class Alias:
    """One surface form and what it refers to."""

    text: str
    country: str
    kind: str  # name | demonym | capital | institution | actor | not_state (a region: "Latin American")
    actor: str = ""
    role: str = ""
    # a surname many people share ("Kim"): it names the actor only after the full name in a document
    after_full_name: bool = False


@dataclass(frozen=True)
class Actor:
    name: str
    country: str
    role: str
    start: date | None
    end: date | None
    aliases: tuple[str, ...]

    def in_office(self, on: date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    kind: str
    start: date
    end: date
    cues: re.Pattern | None
    label: str = ""
    anchors: tuple[str, ...] = ()
    by_russia: bool = False  # Russia's own act: "its own mobilisation", "Belarus's mobilisation" are not it
    places: tuple[str, ...] = ()  # where it happened, as a wire dateline names it (lower case)
    # the states that could take part (a Security Council vote: its fifteen members that year);
    # empty: any state
    voters: frozenset[str] = frozenset()
    # the states whose undated statements the event's dates alone may link (one state's own act: China's
    # position paper); empty: any state
    dated_for: frozenset[str] = frozenset()

    def open_to(self, country: str) -> bool:
        """Whether the state could take part in the event ("Eritrea voted against" is not a
        Security Council vote: Eritrea had no seat)."""
        return not self.voters or country in self.voters


@dataclass(frozen=True)
class Cue:
    id: str
    category: str
    value: int
    negated: int
    pattern: re.Pattern
    unless_before: re.Pattern | None = None
    anchors: tuple[str, ...] = ()
    only_with: re.Pattern | None = None  # the cue counts only in a sentence where this matches
    # the cue counts only where this matches the sentence or the one before it: what a pronoun or
    # "the two countries" stands for ("would not recognise them" after the referendums were named)
    only_near: re.Pattern | None = None
    # the cue counts only where this matches the text that ends right where the cue starts (within
    # stance.LOOKBACK characters): who does the thanking in "Zelensky thanked Turkey for its support,
    # and Putin thanked Iran for its help" is the one before each "for its"
    only_after: re.Pattern | None = None
    # False: a "not" inside the match is the cue's own wording ("sanctions do not work"), so it
    # does not negate the cue; True: a gap may hold a negation ("troops will not fight")
    negation_inside: bool = True


def lower_same_length(text: str) -> str:
    """``text.lower()``, except that characters whose lower case is longer (e.g. "İ") stay as they
    are, so offsets into the result are offsets into ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class AnchorIndex:
    """Which patterns are worth trying on a text: those with an anchor in it, or with no anchors.

    One Aho-Corasick pass over the lower-cased text replaces dozens of regex scans; a pattern's
    anchors are literal fragments one of which every match contains (see cues.yaml). With
    ``word_start=True`` an anchor counts only at the start of a word, so "end" is not found in
    "weekend" (cues.yaml anchors are written that way).
    """

    def __init__(self, anchor_lists: list[tuple[str, ...]], word_start: bool = False):
        self.always = [i for i, a in enumerate(anchor_lists) if not a]
        self.word_start = word_start
        self.automaton = ahocorasick.Automaton()
        owners: dict[str, list[int]] = {}
        for i, anchors in enumerate(anchor_lists):
            for a in anchors:
                owners.setdefault(a.lower(), []).append(i)
        for key, ids in owners.items():
            self.automaton.add_word(key, (len(key), tuple(ids)))
        if owners:
            self.automaton.make_automaton()
        self.has_words = bool(owners)

    def candidates(self, lowered_text: str) -> list[int]:
        """Indices of the patterns worth trying on the whole lower-cased text."""
        return self.candidates_by_span(lowered_text, [0], [len(lowered_text)])[0]

    def candidates_by_span(self, lowered_text: str, starts: list[int], ends: list[int]) -> list[list[int]]:
        """Candidates for each span of one text (e.g. its sentences, sorted by start), in one pass."""
        always = self.always  # already in index order
        found: dict[int, set[int]] = {}
        if self.has_words:
            word_start = self.word_start
            for end_idx, (length, ids) in self.automaton.iter(lowered_text):
                pos = end_idx - length + 1
                if word_start and pos > 0 and lowered_text[pos - 1].isalnum():
                    continue
                k = bisect_right(starts, pos) - 1
                if k >= 0 and pos < ends[k]:
                    if k in found:
                        found[k].update(ids)
                    else:
                        found[k] = set(always).union(ids)
        out = [always] * len(starts)  # spans without an anchor share one list; callers only read
        for k, ids in found.items():
            out[k] = sorted(ids)
        return out


@dataclass(frozen=True)
class Codebook:
    """Everything the extractor knows, as data. See ``codebook/*.yaml`` and docs/codebook.md."""

    country_names: dict[str, str]
    parties: frozenset[str]
    aliases: dict[str, tuple[Alias, ...]]  # lower-cased surface -> readings
    actors: tuple[Actor, ...]
    titles: dict[str, str]
    leading_office: dict[str, str]  # country -> the role "the Indian leader" stands for (default: president)
    agent_nouns: re.Pattern
    events: tuple[Event, ...]
    generic_event_cues: dict[str, re.Pattern]
    event_anaphora: dict[str, re.Pattern]
    cues: tuple[Cue, ...]
    negation_adverbs: re.Pattern
    negation_window_words: int
    negation_verbs: re.Pattern
    negation_cancelling: re.Pattern
    negation_before_gerund: re.Pattern
    flow_nouns: re.Pattern
    concessive: re.Pattern
    conditional: re.Pattern
    hedge: re.Pattern
    resolution_content: re.Pattern
    demonym_pattern: re.Pattern
    source_dir: str = ""
    fingerprint: str = ""  # sha256 of the codebook files: identifies the rules a table was made with
    automaton: ahocorasick.Automaton = field(default=None, repr=False, compare=False)
    cue_index: AnchorIndex = field(default=None, repr=False, compare=False)
    event_index: AnchorIndex = field(default=None, repr=False, compare=False)
    generic_event_index: AnchorIndex = field(default=None, repr=False, compare=False)
    prefix_index: PrefixIndex = field(default=None, repr=False, compare=False)

    def __dask_tokenize__(self):
        # The automatons cannot be hashed deterministically; the files they come from can.
        return ("stanceshift.Codebook", self.fingerprint)

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)

    def event(self, event_id: str) -> Event | None:
        return self._events_by_id.get(event_id)

    # Derived lookups, built on first use (a frozen dataclass still has a __dict__ to cache them in).
    @cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in reversed(self.events)}  # the first event of an id wins, as before

    @cached_property
    def generic_event_kinds(self) -> tuple[tuple[str, re.Pattern, tuple[str, ...], bool], ...]:
        """(kind, cue pattern, ids of the catalogue's events of that kind, whether all are Russia's
        own acts) for each generic cue, in the order of ``generic_event_index``."""
        out = []
        for kind, pattern in self.generic_event_cues.items():
            of_kind = [e for e in self.events if e.kind == kind]
            by_russia = bool(of_kind) and all(e.by_russia for e in of_kind)
            out.append((kind, pattern, tuple(e.id for e in of_kind), by_russia))
        return tuple(out)

    @cached_property
    def event_anaphora_pattern(self) -> re.Pattern:
        """Any of the anaphora: one scan tells whether a paragraph needs the per-kind ones."""
        if not self.event_anaphora:
            return re.compile(r"(?!)")
        return re.compile("|".join(f"(?:{p.pattern})" for p in self.event_anaphora.values()), re.IGNORECASE)

    def office_holder(self, country: str, role: str, on: date | None) -> Actor | None:
        """The person holding ``role`` for ``country`` on a date (None when unknown)."""
        hits = [a for a in self.actors if a.country == country and a.role == role and a.in_office(on)]
        if not hits and role == "leader":  # "the Chinese leader" is its president, "the Indian leader" its PM
            leading = self.leading_office.get(country, "president")
            hits = [a for a in self.actors if a.country == country and a.role == leading and a.in_office(on)]
        return hits[0] if len(hits) == 1 else None


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _agent_noun_pattern(countries: dict) -> re.Pattern:
    """"Kazakh Foreign Ministry", "Kazakhstan's new president", "Chinese and Indian governments": up to
    three capitalised words or listed lower-case modifiers before an agent noun (not "Slovakia's
    Robert Fico halted military aid")."""
    word = r"(?-i:[A-Z])[\w-]*|" + _alternation(countries.get("agent_modifiers"))
    return _compile(rf"^\s*(?:(?:{word})\s+){{0,3}}?(?:{_alternation(countries.get('agent_nouns'))})s?\b",
                    "countries.yaml agent_nouns")


def _alternation(words: list[str] | None) -> str:
    """Literal words as one regex alternation, longest first; one that never matches when there are none."""
    return "|".join(re.escape(w) for w in sorted(words or [], key=len, reverse=True)) or "(?!)"


def _compile(pattern: str, where: str, flags=re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{where}: invalid regular expression {pattern!r}: {exc}") from exc


# libyaml's loader where PyYAML was built with it (the same safe subset of YAML): the codebook's
# files parse in about 0.015 s instead of 0.12 s, paid by every process and Dask worker
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        raise FileNotFoundError(f"codebook file missing: {path}")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc


def _voters(codes: list | None, where: str, known: dict[str, str], field: str = "voters") -> frozenset[str]:
    unknown = [c for c in codes or [] if c not in known]
    if unknown:
        raise ValueError(f"{where}: {field} {unknown} are not ISO 3166-1 alpha-3 codes")
    return frozenset(codes or [])


def _world_country_names() -> dict[str, list[str]]:
    """Every ISO 3166 country with the names pycountry knows (comma-inverted names left out)."""
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [getattr(c, attr, None) for attr in ("common_name", "name", "official_name")]
        usable = [n for n in dict.fromkeys(names) if n and "," not in n]
        # "Korea, Republic of": keep the name as the display name, but do not match it as an alias.
        out[c.alpha_3] = usable or [c.name]
    return out


def load_codebook(directory: str | Path | None = None) -> Codebook:
    """Read ``countries.yaml``, ``actors.yaml``, ``events.yaml`` and ``cues.yaml`` from a folder."""
    folder = Path(directory) if directory else CODEBOOK_DIR
    countries = _read_yaml(folder / "countries.yaml")
    actors_doc = _read_yaml(folder / "actors.yaml")
    events_doc = _read_yaml(folder / "events.yaml")
    cues_doc = _read_yaml(folder / "cues.yaml")

    readings: dict[str, list[Alias]] = {}
    names: dict[str, str] = {}

    def add(text: str, alias: Alias) -> None:
        key = text.strip().lower()
        if key and alias not in readings.setdefault(key, []):
            readings[key].append(alias)

    for iso3, world_names in _world_country_names().items():
        names[iso3] = world_names[0]
        for n in world_names:
            if "," not in n:
                add(n, Alias(n, iso3, "name"))
    demonyms: list[str] = []
    for iso3, spec in (countries.get("countries") or {}).items():
        if iso3 not in names:
            raise ValueError(f"{folder / 'countries.yaml'}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
        spec = spec or {}
        if spec.get("names"):
            names[iso3] = spec["names"][0]
        for kind, key in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals"),
                          ("institution", "institutions")):
            for text in spec.get(key) or []:
                add(text, Alias(text, iso3, kind, actor=text if kind == "institution" else ""))
                if kind == "demonym":
                    demonyms.append(text)
    for text in countries.get("not_states") or []:
        add(text, Alias(text, "", "not_state"))
    actors = []
    for i, a in enumerate(actors_doc.get("actors") or []):
        where = f"{folder / 'actors.yaml'}: actor #{i + 1}"
        for req in ("name", "country", "role"):
            if not a.get(req):
                raise ValueError(f"{where}: missing {req!r}")
        actor = Actor(a["name"], a["country"], a["role"], _as_date(a.get("start")), _as_date(a.get("end")),
                      tuple(a.get("aliases") or [a["name"]]))
        actors.append(actor)
        for text in actor.aliases:
            add(text, Alias(text, actor.country, "actor", actor=actor.name, role=actor.role))
        for text in a.get("after_full_name") or []:
            add(text, Alias(text, actor.country, "actor", actor=actor.name, role=actor.role, after_full_name=True))

    events = []
    for e in events_doc.get("events") or []:
        where = f"{folder / 'events.yaml'}: event {e.get('id')!r}"
        cue = "|".join(f"(?:{c})" for c in e.get("cues") or [])
        events.append(Event(e["id"], e["name"], e.get("kind", ""), _as_date(e["start"]), _as_date(e["end"]),
                            _compile(cue, where) if cue else None, e.get("label") or e["name"],
                            tuple(str(a).lower() for a in e.get("anchors") or []), bool(e.get("by_russia", False)),
                            tuple(str(p).lower() for p in e.get("places") or []),
                            _voters(e.get("voters"), where, names),
                            _voters(e.get("dated_for"), where, names, "dated_for")))
    generic = {g["kind"]: _compile("|".join(f"(?:{c})" for c in g["cues"]), f"events.yaml generic {g['kind']}")
               for g in events_doc.get("generic") or []}
    anaphora = {kind: _compile(r"\b(?:" + "|".join(v) + r")\b", f"events.yaml anaphora {kind}")
                for kind, v in (events_doc.get("anaphora") or {}).items()}

    refs = dict(cues_doc.get("refs") or {})

    def expand(pattern: str) -> str:
        for key, value in refs.items():
            pattern = pattern.replace("{" + key + "}", value)
        return pattern

    for key in refs:  # a ref may use the refs defined before it ({WITH_R} uses {R})
        refs[key] = expand(refs[key])

    cues = []
    for c in cues_doc.get("cues") or []:
        where = f"{folder / 'cues.yaml'}: cue {c.get('id')!r}"
        value = int(c["value"])
        if value not in STANCE_LABELS:
            raise ValueError(f"{where}: value must be -2..2, not {value}")
        negated = int(c["negated"]) if c.get("negated") is not None else (-1 if value > 0 else 1 if value < 0 else 0)
        cues.append(Cue(c["id"], c.get("category", ""), value, negated, _compile(expand(c["pattern"]), where),
                        _compile(c["unless_before"], where) if c.get("unless_before") else None,
                        tuple(str(a).lower() for a in c.get("anchors") or []),
                        _compile(expand(c["only_with"]), where) if c.get("only_with") else None,
                        negation_inside=bool(c.get("negation_inside", True)),
                        only_near=_compile(expand(c["only_near"]), where) if c.get("only_near") else None,
                        only_after=(_compile(rf"(?:{expand(c['only_after'])})\Z", where)
                                    if c.get("only_after") else None)))
    neg = cues_doc.get("negation") or {}
    codebook = Codebook(
        country_names=names,
        parties=frozenset(countries.get("parties") or []),
        aliases={k: tuple(v) for k, v in readings.items()},
        actors=tuple(actors),
        titles=dict(actors_doc.get("titles") or {}),
        leading_office=dict(actors_doc.get("leading_office") or {}),
        agent_nouns=_agent_noun_pattern(countries),
        flow_nouns=_compile(rf"^\s+(?:{_alternation(countries.get('flow_nouns'))})\b", "countries.yaml flow_nouns"),
        events=tuple(events),
        generic_event_cues=generic,
        event_anaphora=anaphora,
        cues=tuple(cues),
        negation_adverbs=_compile(neg["adverbs"], "cues.yaml negation.adverbs"),
        negation_window_words=int(neg.get("adverb_window_words", 4)),
        negation_verbs=_compile(neg["verbs"], "cues.yaml negation.verbs"),
        negation_cancelling=_compile(neg["cancelling"], "cues.yaml negation.cancelling"),
        negation_before_gerund=_compile(neg.get("before_gerund", r"(?!)"), "cues.yaml negation.before_gerund"),
        concessive=_compile(cues_doc["concessive"], "cues.yaml concessive"),
        conditional=_compile(cues_doc.get("conditional", r"(?!)"), "cues.yaml conditional"),
        hedge=_compile(cues_doc.get("hedge", r"(?!)"), "cues.yaml hedge"),
        # two end-anchored checks of the same kind, one search: "void a cue right after this"
        resolution_content=_compile(r"(?:" + cues_doc.get("resolution_content", r"(?!)") + r")|(?:"
                                    + cues_doc.get("others_acts", r"(?!)") + r")|(?:"
                                    + cues_doc.get("past_habit", r"(?!)") + r")",
                                    "cues.yaml resolution_content / others_acts / past_habit"),
        demonym_pattern=_compile(r"\b(?:" + "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
                                 + r")\b", "demonyms", flags=0),
        source_dir=str(folder),
        fingerprint=hashlib.sha256(b"".join((folder / n).read_bytes() for n in
                                             ("countries.yaml", "actors.yaml", "events.yaml", "cues.yaml"))).hexdigest(),
        automaton=_build_automaton(readings),
        cue_index=AnchorIndex([c.anchors for c in cues], word_start=True),
        event_index=AnchorIndex([e.anchors for e in events]),
        generic_event_index=AnchorIndex([tuple(str(a).lower() for a in g.get("anchors") or [])
                                         for g in events_doc.get("generic") or []]),
    )
    return replace(codebook, prefix_index=_prefix_index(codebook))


def _prefix_index(codebook: Codebook) -> PrefixIndex:
    """The literal prefixes of the cue patterns and of the context patterns checked around a cue.

    The flag says whether a ``\\b`` before a prefix may be checked on the sentence: not for the
    patterns that stance.py searches on a slice of the sentence.
    """
    patterns: dict = {("cue", i): (c.pattern, True) for i, c in enumerate(codebook.cues)}
    patterns.update({("unless", i): (c.unless_before, False) for i, c in enumerate(codebook.cues) if c.unless_before})
    patterns.update({"negation_adverbs": (codebook.negation_adverbs, True),
                     "negation_verbs": (codebook.negation_verbs, True),
                     "negation_cancelling": (codebook.negation_cancelling, False),
                     "concessive": (codebook.concessive, True),
                     "conditional": (codebook.conditional, True),
                     "resolution_content": (codebook.resolution_content, True)})
    return PrefixIndex(patterns, group_of={key: key[1] for key in patterns if isinstance(key, tuple)})


def _build_automaton(readings: dict[str, list[Alias]]) -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every alias, so a document is scanned once.

    Each key stores its length, the offset of its first capitalised letter (after a leading "the";
    -1 when none) and its preferred reading, so the per-match work is a few comparisons.
    """
    auto = ahocorasick.Automaton()
    for key, alias_readings in readings.items():
        auto.add_word(key, (len(key), _capital_offset(key), _preferred_reading(alias_readings)))
    auto.make_automaton()
    return auto


def _capital_offset(key: str) -> int:
    offset = 0
    for word in key.split(" "):
        if word and word != "the":
            return offset
        offset += len(word) + 1
    return -1


def _preferred_reading(readings) -> Alias:
    """The reading an ambiguous surface form gets: a person before an institution before a state."""
    order = {"actor": 0, "institution": 1, "name": 2, "demonym": 3, "capital": 4}
    return sorted(readings, key=lambda a: order.get(a.kind, 9))[0]


_DEFAULT: list[Codebook] = []


def default_codebook() -> Codebook:
    """The project's codebook, read once per process; Codebook is immutable so sharing is safe."""
    if not _DEFAULT:
        _DEFAULT.append(load_codebook())
    return _DEFAULT[0]
