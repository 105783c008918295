"""Loading the codebook's data files: a mistake in them is named by file and entry."""

import shutil

import pytest

from stanceshift.codebook import load_codebook
from stanceshift.paths import PROJECT_ROOT


def test_an_unknown_voter_code_names_the_file_and_the_event(tmp_path):
    folder = tmp_path / "codebook"
    shutil.copytree(PROJECT_ROOT / "codebook", folder)
    events = folder / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("voters: [CHN,", "voters: [XXX, CHN,", 1),
                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"events\.yaml: event 'unsc_draft_invasion_2022': voters \['XXX'\]"):
        load_codebook(folder)


def test_a_security_council_vote_is_open_to_its_members_only():
    codebook = load_codebook(PROJECT_ROOT / "codebook")
    council = codebook.event("unsc_draft_invasion_2022")
    assert council.open_to("IND") and council.open_to("ARE") and not council.open_to("VNM")
    assert codebook.event("unga_es11_1_2022").open_to("VNM")


def test_a_cue_with_only_after_counts_where_its_condition_ends_right_before_it(tmp_path):
    import yaml

    from stanceshift.stance import find_cues

    folder = tmp_path / "codebook"
    shutil.copytree(PROJECT_ROOT / "codebook", folder)
    cues_file = folder / "cues.yaml"
    doc = yaml.safe_load(cues_file.read_text(encoding="utf-8"))
    doc["cues"].append({"id": "researchers_toast", "anchors": ["toast"], "category": "leans", "value": 1,
                        "negated": -1, "only_after": r"\b{R}\s+raised\s+", "pattern": r"a\s+toast\b"})
    cues_file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    codebook = load_codebook(folder)

    def toasts(sentence: str) -> list[str]:
        return [hit.text for hit in find_cues(sentence, codebook) if hit.cue.id == "researchers_toast"]

    assert toasts("Putin raised a toast to Lukashenko.") == ["a toast"]
    assert toasts("Macron raised a toast, and Putin raised a glass.") == []
    assert toasts("Macron raised a toast to Putin.") == []
