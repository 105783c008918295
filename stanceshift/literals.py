"""Skip regex calls that cannot match, from the literal text every match of a pattern starts with.

The cue and context patterns of the codebook are case-insensitive regexes that begin with a word
alternation (``\\b(?:support\\w*|back\\w*)``). Python's ``re`` has no fast scan for such a start,
so a search tries the whole pattern at every character. :func:`literal_prefixes` reads a
pattern's parse tree and returns the literal strings one of which every match starts with;
:class:`PrefixIndex` finds all of them in a sentence with one Aho-Corasick pass. A pattern is then
tried only where one of its prefixes occurs: ``match`` at those positions, or ``search`` from the
first one. The result is the same as searching everywhere, which tests check on random text; a
pattern whose start is not literal (``\\s+and``) is simply always searched.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Hashable
from re import _constants as sre  # the parse tree's opcodes; stable across CPython 3.11-3.13
from re import _parser as sre_parse

import ahocorasick

MAX_PREFIX = 12  # characters of a prefix worth knowing; longer ones filter no better
MAX_PREFIXES = 96  # beyond this many alternatives the pattern is searched without a filter (one
# Aho-Corasick pass finds them all, so the bound only keeps a pattern of countless short starts out)
_SMALL_CLASS = 4  # a character class of at most this many literal characters is expanded ("n[’']t")
# Characters that a case-insensitive regex matches as an ASCII letter but that str.lower() does not
# turn into one (dotted and dotless i, long s): in a sentence with one, nothing is skipped.
_FOLD_OUTLIERS = re.compile("[İıſ]")


def literal_prefixes(pattern: re.Pattern) -> tuple[tuple[str, bool], ...] | None:
    """(lower-cased literal, must start a word) pairs, one of which every match of ``pattern``
    starts with; None when the start of a match is not a known literal."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private parser: any surprise only turns the filter off
        return None
    found = _top_level(list(tree), False)
    if not found:
        return None
    found = _without_covered(found)
    if len(found) > MAX_PREFIXES:
        return None
    return tuple(sorted(found))


def _without_covered(prefixes: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """The prefixes less those a shorter one already finds ("vote" finds "votes" and "vote,"; one
    that need not start a word finds one that must), so that optional endings do not push a pattern
    past MAX_PREFIXES."""
    kept: list[tuple[str, bool]] = []
    for text, word_start in sorted(prefixes, key=lambda p: (len(p[0]), p[1])):  # a free-standing one first
        if not any(text.startswith(k) and (word_start or not k_start) for k, k_start in kept):
            kept.append((text, word_start))
    return set(kept)


def _top_level(items: list, boundary: bool) -> set[tuple[str, bool]] | None:
    """Prefixes of a sequence, tracking whether a ``\\b`` comes right before the first literal."""
    if not items:
        return None
    op, av = items[0]
    if op is sre.AT:
        return _top_level(items[1:], boundary or av is sre.AT_BOUNDARY)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _top_level(items[1:], boundary)
    if op is sre.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alternative in av[1]:
            sub = _top_level(list(alternative) + items[1:], boundary)
            if sub is None:
                return None
            out |= sub
        return out
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _top_level(list(av[3]) + items[1:], boundary)
    strings = _literal_starts(items, MAX_PREFIX)
    if strings is None or "" in strings:
        return None
    return {(s, boundary and (s[0].isalnum() or s[0] == "_")) for s in strings}


def _literal_starts(items: list, budget: int) -> set[str] | None:
    """The literal strings (up to ``budget`` characters) a match of ``items`` can start with; ""
    stands for "no literal known here". None when there are too many."""
    if budget <= 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: the literal comes after
        return _literal_starts(rest, budget)
    if op is sre.LITERAL:
        char = _lower_literal(av)
        if char is None:
            return {""}
        return _prepend({char}, _literal_starts(rest, budget - 1))
    if op is sre.IN:
        chars = _small_class(av)
        if chars is None:
            return {""}
        return _prepend(chars, _literal_starts(rest, budget - 1))
    if op is sre.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            sub = _literal_starts(list(alternative) + rest, budget)
            if sub is None:
                return None
            out |= sub
        out = _shortest(out)
        return out if len(out) <= MAX_PREFIXES else None
    if op is sre.SUBPATTERN:
        if av[1] or av[2]:  # inline flags change how letters match
            return {""}
        return _literal_starts(list(av[3]) + rest, budget)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        # Only the first repetition is certain to come first, so nothing after it is appended.
        first = _literal_starts(list(body), budget)
        if first is None:
            return None
        if low >= 1:
            return first
        after = _literal_starts(rest, budget)
        if after is None:
            return None
        out = _shortest(first | after)
        return out if len(out) <= MAX_PREFIXES else None
    return {""}


def _prepend(heads: set[str], tails: set[str] | None) -> set[str] | None:
    if tails is None:
        return None
    out = _shortest({h + t for h in heads for t in tails})
    return out if len(out) <= MAX_PREFIXES else None


def _shortest(strings: set[str]) -> set[str]:
    """The strings less those that start with another one ("vote" stands for "votes" and "vote,";
    "", an unknown rest, for everything after the same head)."""
    return {text for text, _ in _without_covered({(text, False) for text in strings})}


def _lower_literal(code: int) -> str | None:
    char = chr(code)
    lower = char.lower()
    # Non-ASCII letters have case-insensitive partners that lower() does not give ("ǅ", "ϐ").
    if len(lower) != 1 or (not char.isascii() and char.upper() != lower):
        return None
    return lower


def _small_class(items: list) -> set[str] | None:
    if len(items) > _SMALL_CLASS or any(op is not sre.LITERAL for op, _ in items):
        return None
    chars = {_lower_literal(code) for _, code in items}
    return None if None in chars else chars


class PrefixHits:
    """Where the prefixes of each pattern occur in one lower-cased sentence."""

    __slots__ = ("_positions", "_filtered", "_group_of", "_groups")

    def __init__(self, positions: dict[Hashable, list[int]], filtered: frozenset | set,
                 group_of: dict | None = None, groups: Collection | None = None):
        self._positions = positions
        self._filtered = filtered
        self._group_of = group_of or {}
        self._groups = groups

    def _was_scanned(self, key: Hashable) -> bool:
        if key not in self._filtered:
            return False
        if self._groups is None:
            return True
        group = self._group_of.get(key)
        return group is None or group in self._groups

    def starts(self, key: Hashable) -> list[int] | None:
        """Sorted positions where a match of ``key`` may start; None: anywhere."""
        if not self._was_scanned(key):
            return None
        return self._positions.get(key, [])

    def may_match(self, key: Hashable, lo: int, hi: int) -> bool:
        """Whether a match of ``key`` may start in sentence[lo:hi]."""
        if not self._was_scanned(key):
            return True
        found = self._positions.get(key)
        if not found:
            return False
        i = bisect_left(found, lo)
        return i < len(found) and found[i] < hi


class PrefixIndex:
    """The literal prefixes of many patterns in one automaton.

    ``patterns`` maps a key to a pattern and whether a ``\\b`` before a prefix is to be checked:
    pass False for patterns searched on a slice of the sentence (a slice's first character is
    at a word boundary even where the sentence's is not). ``group_of`` puts keys in groups (a
    cue's pattern and its context) so that a scan can skip the groups not asked for.
    """

    def __init__(self, patterns: dict[Hashable, tuple[re.Pattern, bool]], group_of: dict | None = None):
        self.group_of = dict(group_of or {})
        owners: dict[str, tuple[list, list]] = {}
        filtered = set()
        for key, (pattern, check_boundary) in patterns.items():
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                continue
            filtered.add(key)
            for text, word_start in prefixes:
                at_word, anywhere = owners.setdefault(text, ([], []))
                (at_word if word_start and check_boundary else anywhere).append((key, self.group_of.get(key)))
        self.filtered = frozenset(filtered)
        self.automaton = ahocorasick.Automaton()
        for text, (at_word, anywhere) in owners.items():
            self.automaton.add_word(text, (len(text), tuple(at_word), tuple(anywhere)))
        self._empty = not owners
        if owners:
            self.automaton.make_automaton()

    def scan(self, lowered: str, groups: Collection | None = None) -> PrefixHits:
        """Positions of every prefix in a lower-cased sentence (see ``lower_same_length``).

        With ``groups``, the keys of other groups are not looked for (a cue whose anchors are not
        in the sentence is never tried, and the prefixes of some, "the", are everywhere); the
        hits then answer "anywhere" for them, which is always safe.
        """
        if self._empty or _FOLD_OUTLIERS.search(lowered):
            return PrefixHits({}, frozenset())
        positions: dict[Hashable, list[int]] = {}
        for end, (length, at_word, anywhere) in self.automaton.iter(lowered):
            start = end - length + 1
            for key, group in anywhere:
                if group is None or groups is None or group in groups:
                    _add(positions, key, start)
            if at_word and (start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] == "_")):
                for key, group in at_word:
                    if group is None or groups is None or group in groups:
                        _add(positions, key, start)
        for key, found in positions.items():
            if len(found) > 1:  # the automaton reports by end, and a key's prefixes differ in length
                positions[key] = sorted(set(found))
        return PrefixHits(positions, self.filtered, self.group_of, groups)


def _add(positions: dict, key: Hashable, start: int) -> None:
    found = positions.get(key)
    if found is None:
        positions[key] = [start]
    elif found[-1] != start:
        found.append(start)


def finditer_from(pattern: re.Pattern, sentence: str, starts: list[int] | None):
    """``pattern.finditer(sentence)``, trying only ``starts`` (None: everywhere) when few."""
    if starts is None:
        return pattern.finditer(sentence)
    if not starts:
        return iter(())
    if len(starts) > 3:
        return pattern.finditer(sentence, starts[0])  # no match starts before the first prefix
    return _matches_at(pattern, sentence, starts)


def _matches_at(pattern: re.Pattern, sentence: str, starts: list[int]):
    last_end = 0
    for pos in starts:
        if pos < last_end:
            continue  # inside the previous match, as finditer would skip it
        m = pattern.match(sentence, pos)
        if m is None:
            continue
        if m.end() == m.start():
            # finditer would retry here for a non-empty match: let it do the rest
            yield from pattern.finditer(sentence, pos)
            return
        yield m
        last_end = m.end()
