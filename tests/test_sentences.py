from hypothesis import given, settings, strategies as st
import pandas as pd

from stanceshift.sentences import sentences, split_sentences


def _texts(text):
    return [text[s:e] for _, s, e in split_sentences(text)]


def test_offsets_slice_the_document_text(seed_docs):
    sents = sentences(seed_docs)
    texts = dict(zip(seed_docs["doc_id"], seed_docs["text"]))
    assert all(texts[r.doc_id][r.start:r.end] == r.text for r in sents.itertuples())
    assert str(sents["sent_id"].dtype) == "int32"


def test_initial_split_over_paragraph_break_is_joined():
    out = _texts('Indian External Affairs Minister S.\n\nJaishankar calls for "objective" investigations.')
    assert len(out) == 1 and out[0].endswith("investigations.")


def test_us_abbreviation_does_not_end_a_sentence():
    out = _texts("According to Newsweek,U.S. President Biden has had a campaign. Then it ended.")
    assert out == ["According to Newsweek,U.S. President Biden has had a campaign.", "Then it ended."]


def test_no_is_an_abbreviation_only_before_a_number():
    assert _texts("Seven states voted no. Egypt abstained.") == ["Seven states voted no.", "Egypt abstained."]
    assert _texts("Resolution No. ES-11/1 passed. He lives at No. 10 Downing Street.") == [
        "Resolution No. ES-11/1 passed.", "He lives at No. 10 Downing Street."]


def test_dotted_initials_do_not_end_a_sentence():
    assert _texts("He met ambassador T.S. Tirumurti. Then he left.") == ["He met ambassador T.S. Tirumurti.", "Then he left."]


def test_glued_words_stay_inside_one_sentence():
    out = _texts("BelarusianPresident Lukashenko said his troops would not mobilize. In a recent interviewfor PBS, "
                 "India and China at the UN,which haveexpressed concerns.")
    assert len(out) == 2 and "interviewfor PBS" in out[1]


def test_glued_sentence_end_is_split():
    assert _texts("support is not unconditional.It is impossible.") == ["support is not unconditional.", "It is impossible."]


def test_quotation_closing_quote_stays_with_its_sentence():
    out = _texts('"Wow, huge move. He lost Armenia," he said in a post. She agreed.')
    assert out == ['"Wow, huge move.', 'He lost Armenia," he said in a post.', "She agreed."]
    assert _texts("saying ‘we never left.’ while also confirming it.") == ["saying ‘we never left.’ while also confirming it."]


def test_heading_without_final_stop_is_its_own_sentence():
    assert _texts("Even Belarus\n\nAfter the mobilization, Minsk said no.") == ["Even Belarus", "After the mobilization, Minsk said no."]


def test_sentence_broken_over_lines_in_lower_case_is_joined():
    out = _texts("Newsweek published a\n\nreport\n\nsaying that allies distance themselves.")
    assert len(out) == 1


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(text):
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    for r in sentences(docs).itertuples():
        assert text[r.start:r.end] == r.text and r.text.strip() == r.text and r.text
