"""The speed-ups in matching must not change what is matched: each fast path is checked against
the plain formulation it replaces, on generated text."""

import re

from hypothesis import given, settings, strategies as st

from stanceshift.attribution import _OBJECT_BEFORE_REVERSED, _OBJECT_WORDS
from stanceshift.codebook import AnchorIndex, default_codebook, lower_same_length
from stanceshift.stance import _nth_word_back

# The end-anchored regex that the reversed match replaces.
OBJECT_BEFORE_FORWARD = re.compile(
    r"\b(?:" + "|".join(_OBJECT_WORDS) + r"|between\s+\w+\s+and|and\s+the)\s+(?:the\s+)?$", re.IGNORECASE)
PIECES = ["in", "into", "the", "The", "and", "between", "Russia", "met", "Meeting", "neighbours", "said", "xin",
          "(in", "on-to", " ", "  ", "\n", ",", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_reversed_object_match_equals_the_forward_regex(pieces):
    before = "".join(pieces)
    assert bool(_OBJECT_BEFORE_REVERSED.match(before[::-1])) == bool(OBJECT_BEFORE_FORWARD.search(before))


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
