import pandas as pd

from stanceshift.votes import agreement, divergences, load_votes, vote_counts, words_near_votes

PUBLISHED = {"ES-11/1": (141, 5, 35, 12), "ES-11/2": (140, 5, 38, 10), "ES-11/3": (93, 24, 58, 18),
             "ES-11/4": (143, 5, 35, 10), "ES-11/5": (94, 14, 73, 12), "ES-11/6": (141, 7, 32, 13)}


def test_counts_equal_published_totals():
    counts = vote_counts(load_votes())
    for res, totals in PUBLISHED.items():
        assert tuple(counts.loc[res, ["yes", "no", "abstain", "absent"]]) == totals


def test_votes_map_to_stance_and_events():
    v = load_votes()
    blr = v[(v["country"] == "BLR") & (v["resolution"] == "ES-11/1")].iloc[0]
    assert blr["vote"] == "no" and blr["vote_stance"] == 2 and blr["event"] == "unga_es11_1_2022"
    assert set(v["vote_stance"]) == {-2, 0, 2}


def test_words_near_votes_divergence_and_agreement():
    votes = load_votes()
    st = pd.DataFrame({"country": ["KAZ", "BLR", "IND"], "stance": [-2, 2, -1],
                       "date": pd.to_datetime(["2022-03-05", "2022-03-01", "2022-03-03"])})
    paired = words_near_votes(st, votes[votes["resolution"] == "ES-11/1"], window_days=10)
    assert set(paired["country"]) == {"KAZ", "BLR", "IND"}
    div = divergences(paired, 1.0)
    assert div.set_index("country").loc["KAZ", "reading"] == "speaks more against Moscow than it votes"
    assert agreement(paired)["n"] == 3


def test_before_after_can_leave_out_statements_dated_by_publication():
    from stanceshift.aggregates import before_after
    from stanceshift.codebook import default_codebook

    codebook = default_codebook()
    event = codebook.event("mobilisation_2022")
    day = pd.Timestamp(event.start)
    statements = pd.DataFrame({
        "country": ["KAZ", "KAZ", "KAZ"], "country_name": ["Kazakhstan"] * 3, "stance": [1, -1, 2],
        "date": [day - pd.Timedelta(days=3), day + pd.Timedelta(days=2), day + pd.Timedelta(days=1)],
        "date_precision": ["day", "day", "published"]})
    every = before_after(statements, "mobilisation_2022", 10, codebook)
    dated = before_after(statements, "mobilisation_2022", 10, codebook, dated_only=True)
    assert every.loc[0, "n_after"] == 2 and every.loc[0, "mean_after"] == 0.5
    assert dated.loc[0, "n_after"] == 1 and dated.loc[0, "mean_after"] == -1


def test_words_and_votes_bands_and_labels_only_the_events_its_statements_are_linked_to():
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.patches import Rectangle
    from stanceshift import figures
    st = pd.DataFrame({"country": ["KAZ", "KAZ"], "country_name": ["Kazakhstan", "Kazakhstan"],
                       "stance": [-1, -2], "event": ["sco_summit_2022", ""],
                       "date": pd.to_datetime(["2022-09-16", "2022-10-01"])})
    fig = figures.words_and_votes(st, load_votes(), "Kazakhstan")
    ax = fig.axes[0]
    bands = [p for p in ax.patches if isinstance(p, Rectangle)]
    labels = [t.get_text() for t in ax.texts]
    assert len(bands) == 1  # the SCO summit only, not every catalogue event in the window
    assert "SCO summit" in labels
    matplotlib.pyplot.close(fig)
