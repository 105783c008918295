"""The speed-ups in matching must not change what is matched: each fast path is checked against
the plain formulation it replaces, on generated text."""

import re

from hypothesis import example, given, settings, strategies as st

from stanceshift.attribution import _OBJECT_BEFORE_REVERSED, _OBJECT_WORDS, _RELATION_NOUNS
from stanceshift.codebook import AnchorIndex, default_codebook, lower_same_length
from stanceshift.literals import PrefixIndex, finditer_from, literal_prefixes
from stanceshift.stance import _nth_word_back

# The end-anchored regexes that the reversed match replaces.
OBJECT_BEFORE_FORWARD = re.compile(
    r"\b(?:" + "|".join(_OBJECT_WORDS) + r"|between\s+\w+\s+and|and\s+the)\s+(?:the\s+)?$", re.IGNORECASE)
BETWEEN_FORWARD = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
RELATION_BETWEEN_FORWARD = re.compile(r"\b(?:" + "|".join(_RELATION_NOUNS) + r")\s+(?:\S+\s+){0,4}between\s+(?:the\s+)?$",
                                      re.IGNORECASE)
PIECES = ["in", "into", "the", "The", "and", "between", "Russia", "met", "Meeting", "neighbours", "said", "xin",
          "(in", "on-to", " ", "  ", "\n", ",", "\u00a0", "relations", "Ties", "interrelations", "(talks"]


def object_before_forward(before: str) -> bool:
    return bool(OBJECT_BEFORE_FORWARD.search(before)
                or (BETWEEN_FORWARD.search(before) and not RELATION_BETWEEN_FORWARD.search(before)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_reversed_object_match_equals_the_forward_regex(pieces):
    before = "".join(pieces)
    assert bool(_OBJECT_BEFORE_REVERSED.match(before[::-1])) == object_before_forward(before)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \n\u00a0,", max_size=30), st.integers(0, 30), st.integers(0, 30), st.integers(1, 5))
def test_nth_word_back_equals_counting_all_words(text, a, b, n):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    words = list(re.finditer(r"\S+", text[:hi]))
    words = [w for w in words if w.start() >= lo]
    expected = words[-n].start() if len(words) >= n else lo
    assert _nth_word_back(text, lo, hi, n) == expected


def test_word_start_anchors_skip_the_middle_of_words():
    index = AnchorIndex([("end",), ("war",)], word_start=True)
    assert index.candidates("a weekend toward the end") == [0]
    assert AnchorIndex([("end",)]).candidates("a weekend") == [0]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["They called for an end to the war.", "Sanctions hurt.", "We SUPPORT Moscow!",
                                 "Talks in İstanbul ended", "", "weekend", "\n\n"]), max_size=8))
def test_candidates_by_span_equal_candidates_of_each_span(parts):
    codebook = default_codebook()
    text = " ".join(parts)
    starts, ends, pos = [], [], 0
    for p in parts:
        starts.append(pos)
        ends.append(pos + len(p))
        pos += len(p) + 1
    lowered = lower_same_length(text)
    by_span = codebook.cue_index.candidates_by_span(lowered, starts, ends)
    for k, (s, e) in enumerate(zip(starts, ends)):
        assert by_span[k] == codebook.cue_index.candidates(lowered[s:e])


# Words that start (or nearly start) the codebook's cue and context patterns, glued with the
# characters that make word boundaries and case folding tricky.
LITERAL_PIECES = ["support", "Backing", "not", "n't", "n’t", "if", "IF", "in case", "despite", "refused to", "vote",
                  "resolution that", "Russia", "the Kremlin", "Moscow's", "Ukraine", "weapons to", "condemned",
                  "the invasion", "sanctions", "ſupport", "İf", "ıf", "_not", "x", "s", " ", "  ", ",", ";", "-",
                  "\n", "“", "é"]
_literal_text = st.lists(st.sampled_from(LITERAL_PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_literal_text)
@example("They ſupport Russia.")  # long s: matched as "s" case-insensitively, lower() keeps it
@example("İt backs the Kremlin")
def test_prefix_filtered_cue_matches_equal_a_full_scan(sentence):
    codebook = default_codebook()
    literal = codebook.prefix_index.scan(lower_same_length(sentence))
    for i, cue in enumerate(codebook.cues):
        fast = [(m.start(), m.end()) for m in finditer_from(cue.pattern, sentence, literal.starts(("cue", i)))]
        assert fast == [(m.start(), m.end()) for m in cue.pattern.finditer(sentence)], cue.id


@settings(max_examples=300, deadline=None)
@given(_literal_text, st.integers(0, 80), st.integers(0, 80))
@example("ıf Russia", 0, 9)  # dotless i
def test_prefix_filter_never_rules_out_a_context_match(sentence, a, b):
    codebook = default_codebook()
    literal = codebook.prefix_index.scan(lower_same_length(sentence))
    lo, hi = sorted((min(a, len(sentence)), min(b, len(sentence))))
    for key in ("negation_adverbs", "negation_verbs", "concessive", "conditional", "resolution_content"):
        if getattr(codebook, key).search(sentence, lo, hi):
            assert literal.may_match(key, lo, hi), key
    if codebook.negation_cancelling.search(sentence[lo:hi]):
        assert literal.may_match("negation_cancelling", lo, hi)


@settings(max_examples=200, deadline=None)
@given(_literal_text, st.sets(st.integers(0, 80), max_size=6))
def test_a_scan_for_some_cues_answers_as_a_full_scan_for_them_and_anywhere_for_the_rest(sentence, groups):
    codebook = default_codebook()
    lowered = lower_same_length(sentence)
    full, some = codebook.prefix_index.scan(lowered), codebook.prefix_index.scan(lowered, frozenset(groups))
    for i in range(len(codebook.cues)):
        for key in (("cue", i), ("unless", i)):
            assert some.starts(key) == (full.starts(key) if i in groups else None), key
    for key in ("negation_adverbs", "negation_verbs", "concessive", "conditional", "resolution_content"):
        assert some.starts(key) == full.starts(key), key


def test_a_scan_for_no_cues_still_finds_the_context_words():
    codebook = default_codebook()
    hits = codebook.prefix_index.scan("they did not support russia", frozenset())
    assert hits.starts(("cue", 0)) is None  # not looked for: may match anywhere
    assert hits.starts("negation_adverbs") == [9]


def test_literal_prefixes_of_typical_patterns():
    assert literal_prefixes(re.compile(r"\b(?:support\w*|back\w*)\s+Russia", re.I)) == (("back", True), ("support", True))
    # a common start factored out by the parser; "can" finds "cannot" and "can't" too
    assert set(literal_prefixes(re.compile(r"\b(?:cannot|can\s+not|can[’']t)\b", re.I))) == {("can", True)}
    assert set(literal_prefixes(re.compile(r"\b(?:cannot|won[’']t)\b", re.I))) == {
        ("cannot", True), ("won’t", True), ("won't", True)}
    # an optional word: either it or what follows starts the match; no \b, no word-start check
    assert literal_prefixes(re.compile(r"(?:the\s+)?Kremlin", re.I)) == (("kremlin", False), ("the", False))
    # lookbehinds are zero-width
    assert literal_prefixes(re.compile(r"(?<!even )\bif\b", re.I)) == (("if", True),)
    # optional endings add no prefixes: a pattern with many of them stays filtered ("vote" finds
    # "votes" and "vote,"), but a prefix that must start a word does not stand for one that need not
    many = "|".join(f"w{i:02d}" for i in range(60))
    assert len(literal_prefixes(re.compile(rf"\b(?:{many})s?(?:,\s*(?:this|again))?\s", re.I))) == 60
    assert set(literal_prefixes(re.compile(r"\bvote|xvote", re.I))) == {("vote", True), ("xvote", False)}
    assert set(literal_prefixes(re.compile(r"vote|\bvotes", re.I))) == {("vote", False)}
    # starts that are not literal turn the filter off
    assert literal_prefixes(re.compile(r"\s+and\b")) is None
    assert literal_prefixes(re.compile(r"\b\w+ly\b")) is None
    assert literal_prefixes(re.compile(r"(?i:abc)")) is None


def test_scan_turns_the_filter_off_for_case_fold_outliers():
    index = PrefixIndex({"k": (re.compile(r"\bif\b", re.I), True)})
    assert index.scan("what if").starts("k") == [5]
    assert index.scan("nothing here").starts("k") == []
    # "İF" matches \bif\b case-insensitively although its lower case is not "if"
    assert re.search(r"\bif\b", "İF", re.I) and index.scan(lower_same_length("İF")).starts("k") is None


def test_every_pattern_of_the_default_codebook_keeps_its_literal_filter():
    # A pattern whose start is no known literal, or that has more than MAX_PREFIXES of them, is
    # searched before every cue without a filter: correct, but it has twice cost 10-16 % of the
    # extraction time unnoticed (an optional start, then too many optional endings).
    cb = default_codebook()
    patterns = {f"cue {c.id}": c.pattern for c in cb.cues}
    patterns.update({f"unless_before of {c.id}": c.unless_before for c in cb.cues if c.unless_before})
    patterns.update({name: getattr(cb, name) for name in ("negation_adverbs", "negation_verbs", "negation_cancelling",
                                                          "concessive", "conditional", "resolution_content")})
    unfiltered = [name for name, pattern in patterns.items() if literal_prefixes(pattern) is None]
    assert unfiltered == []
