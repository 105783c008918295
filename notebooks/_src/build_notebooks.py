import nbformat as nbf
from pathlib import Path
NB = Path(__file__).resolve().parents[1]
COMMON = '''corpus: str = "seeds"  # folder of .txt files, or a .csv/.jsonl/.parquet table (relative to the project root)
output_dir: str = "outputs/default"  # where figures/ and tables/ are written (relative to the project root)
countries: list = []  # ISO 3166-1 alpha-3 codes of the holders to show, empty means all
date_from: str = ""  # first statement date to include (YYYY-MM-DD), empty means no limit
date_to: str = ""  # last statement date to include (YYYY-MM-DD), empty means no limit
figure_format: str = "png,svg"  # comma-separated figure formats: png, svg, pdf
text_column: str = "text"  # text column of a table corpus
statements_file: str = ""  # read statements from this .parquet/.csv instead of extracting them again
engine: str = "pandas"  # "pandas", or "dask" for a partitioned .parquet/.jsonl corpus
scheduler: str = ""  # dask scheduler address such as tcp://host:8786, empty for a LocalCluster'''
SETUP = '''from stanceshift.report import notebook_context, statements_for_report
from stanceshift.aggregates import filter_statements
from stanceshift.codebook import default_codebook
from stanceshift import figures
import pandas as pd
pd.set_option("display.max_colwidth", 200)

ctx = notebook_context(dict(corpus=corpus, output_dir=output_dir, countries=countries, date_from=date_from,
                            date_to=date_to, figure_format=figure_format{extra}),
                       corpus=corpus, output_dir=output_dir, figure_format=figure_format)
codebook = default_codebook()
ctx.parameters_table()'''

def nb(cells, name):
    n = nbf.v4.new_notebook()
    n.metadata = {"kernelspec": {"name": "stanceshift", "display_name": "Python (stanceshift)", "language": "python"},
                  "language_info": {"name": "python"}}
    out = []
    for kind, src, *tags in cells:
        c = nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src)
        if tags:
            c.metadata["tags"] = tags[0]
        out.append(c)
    n.cells = out
    nbf.write(n, NB / name)

def params(extra=""):
    return ("code", COMMON + (("\n" + extra) if extra else ""), ["parameters"])

def setup(extra_names=()):
    extra = "".join(f", {k}={k}" for k in extra_names)
    return ("code", SETUP.format(extra=extra))

nb([
 ("md", "# 01 · The corpus\n\nWhat was read, what was cleaned away as page furniture, and what was skipped (and why). Every input document is either in the documents table or in the skipped table."),
 params(),
 ("md", "**Effective parameters** of this run (paths resolve from the project root):"),
 setup(),
 ("code", "from stanceshift.corpus import load_corpus\nfrom stanceshift.sentences import sentences\nfrom stanceshift.attribution import find_mentions\n\ndocs, skipped = load_corpus(ctx.corpus, text_column=text_column, return_skipped=True)\nsents = sentences(docs)\nprint(f\"{len(docs)} documents loaded, {len(skipped)} skipped, {len(sents)} sentences, \"\n      f\"{docs['n_words'].sum():,} words after cleaning\")"),
 ("md", "## Documents\nTitle, outlet, publication date and its precision (approximate dates are marked *week*), and how many lines of furniture were removed."),
 ("code", "docs[['doc_id', 'title', 'outlet', 'published', 'date_precision', 'n_words', 'n_removed_lines']]"),
 ("md", "## Skipped documents\nEmpty, binary, duplicate or orphaned inputs land here with the reason; an empty table means nothing was lost."),
 ("code", "skipped"),
 ("md", "## What cleaning removed\nEach removed line with the furniture rule that matched it (rules live in `codebook/furniture.yaml`)."),
 ("code", "from stanceshift.cleaning import clean_text\nremoved = pd.DataFrame([(d, n, rule, line[:120]) for d, raw in zip(docs['doc_id'], docs['text_raw'])\n                        for n, rule, line in clean_text(raw).removed], columns=['doc_id', 'line', 'rule', 'text'])\nremoved.to_csv(ctx.tables_dir / 'removed_lines.csv', index=False)\nremoved"),
 ("md", "## Documents by outlet and month"),
 ("code", "import matplotlib.pyplot as plt\nby_month = docs.dropna(subset=['published']).assign(month=lambda d: d['published'].dt.to_period('M').astype(str))\ntable = by_month.groupby(['month', 'outlet']).size().unstack(fill_value=0)\nif table.empty:\n    fig = figures.empty_figure('No document has a publication date.')\nelse:\n    ax = table.plot.bar(stacked=True, figsize=(8, 3.5), colormap='Greys', edgecolor='black')\n    ax.set_ylabel('documents'); ax.set_xlabel('month of publication'); ax.set_title('Documents by outlet and month', loc='left')\n    ax.legend(fontsize=7, bbox_to_anchor=(1.01, 1), loc='upper left', frameon=False)\n    fig = ax.figure\nfigures.save_figure(fig, ctx.figures_dir, '01_documents_by_month', ctx.figure_formats)\nplt.show()"),
 ("md", "## Country mentions per document\nEvery mention of a state by name, demonym, capital, leader or institution (not yet a stance)."),
 ("code", "mentions = pd.DataFrame([(d, m.alias.country, m.alias.kind) for d, t in zip(docs['doc_id'], docs['text'])\n                         for m in find_mentions(t, codebook)], columns=['doc_id', 'country', 'kind'])\nmentions['country_name'] = mentions['country'].map(codebook.country_name)\ncounts = mentions.pivot_table(index='country_name', columns='doc_id', values='kind', aggfunc='count', fill_value=0)\ncounts.to_csv(ctx.tables_dir / 'country_mentions.csv')\ncounts"),
], "01_corpus.ipynb")

nb([
 ("md", "# 02 · Stance statements and their evidence\n\nOne row per (sentence, holder country): who signalled what stance toward Moscow and its war, when, around which event, and the quoted sentence it rests on. The `cues` column says why each row exists."),
 params(),
 ("md", "**Effective parameters** of this run:"),
 setup(),
 ("code", "statements = statements_for_report(ctx, statements_file, text_column, engine, scheduler)\nstatements.to_csv(ctx.tables_dir / 'statements.csv', index=False)\nstatements.to_parquet(ctx.tables_dir / 'statements.parquet', index=False)\nshown = filter_statements(statements, countries, date_from or None, date_to or None)\nprint(f'{len(statements)} statements extracted; {len(shown)} in this selection; written to tables/statements.csv and .parquet')"),
 ("md", "## Evidence table\nDate, country, actor, stance, event, the quote and its source. Filter it in JupyterLab with ordinary pandas, e.g. `shown[shown.country == 'KAZ']`."),
 ("code", "evidence = shown[['date', 'date_precision', 'country_name', 'actor', 'stance', 'stance_label', 'event', 'quote', 'cues', 'doc_id', 'sent_id']]\nevidence.sort_values(['date', 'country_name'])"),
 ("md", "## Statements per country and stance"),
 ("code", "if shown.empty:\n    print('No statements in this selection.')\nelse:\n    display(shown.pivot_table(index='country_name', columns='stance_label', values='quote', aggfunc='count', fill_value=0))"),
], "02_statements.ipynb")

nb([
 ("md", "# 03 · Stance over time, by country\n\nEach point is one statement, coloured and shaped by its stance and jittered so overlapping statements show; the black line is the mean per period. Grey bands mark the events of the catalogue. Watch for countries whose points move down (toward opposing Moscow) after September 2022."),
 params('freq: str = "MS"  # period for the mean line: "MS" month, "W" week, "QS" quarter\nmin_statements: int = 2  # a country needs this many statements for its own panel\nevents: list = []  # event ids to draw as bands, empty means all'),
 ("md", "**Effective parameters** of this run:"),
 setup(("freq", "min_statements", "events")),
 ("code", "import matplotlib.pyplot as plt\nfrom stanceshift.aggregates import by_country_period, shift_by_country\nstatements = filter_statements(statements_for_report(ctx, statements_file, text_column, engine, scheduler), countries, date_from or None, date_to or None)\nper_period = by_country_period(statements, freq) if len(statements) else pd.DataFrame()\nper_period.to_csv(ctx.tables_dir / 'stance_by_country_period.csv', index=False)\nper_period"),
 ("md", "## Every country with enough statements\nSmall multiples share the stance axis, so levels compare across panels."),
 ("code", "fig = figures.small_multiples(statements, min_statements=min_statements, codebook=codebook, events=events or None, freq=freq)\nfigures.save_figure(fig, ctx.figures_dir, '03_small_multiples', ctx.figure_formats)\nplt.show()"),
 ("md", "## The country with the most statements, in detail"),
 ("code", "top = statements['country_name'].value_counts().index[0] if len(statements) else 'the selection'\nfig = figures.stance_timeline(statements, top, codebook=codebook, events=events or None, freq=freq)\nfigures.save_figure(fig, ctx.figures_dir, '03_timeline_top_country', ctx.figure_formats)\nplt.show()"),
 ("md", "## Who moved, and how far\nChange of each country's mean stance between its earliest and latest period with statements (with the n behind each end)."),
 ("code", "shifts = shift_by_country(statements, freq, min_statements) if len(statements) else shift_by_country(statements.iloc[:0], freq)\nshifts.to_csv(ctx.tables_dir / 'shift_by_country.csv', index=False)\nfig = figures.shift_chart(shifts)\nfigures.save_figure(fig, ctx.figures_dir, '03_shift_by_country', ctx.figure_formats)\nplt.show()\nshifts"),
], "03_by_country.ipynb")

nb([
 ("md", "# 04 · Stance around events\n\nA country × event table of mean stance, then for each selected event a before/after comparison per country, with the quotes behind each side."),
 params('events: list = ["sco_summit_2022", "unga77_2022", "mobilisation_2022"]  # events for the before/after comparison\nwindow_days: int = 30  # days before and after an event that count'),
 ("md", "**Effective parameters** of this run:"),
 setup(("events", "window_days")),
 ("code", "import matplotlib.pyplot as plt\nfrom stanceshift.aggregates import by_country_event, before_after\nstatements = filter_statements(statements_for_report(ctx, statements_file, text_column, engine, scheduler), countries, date_from or None, date_to or None)\ntable = by_country_event(statements) if len(statements) else pd.DataFrame(columns=['country', 'country_name', 'event', 'n', 'mean_stance'])\ntable.to_csv(ctx.tables_dir / 'stance_by_country_event.csv', index=False)\nfig = figures.event_heatmap(table, codebook)\nfigures.save_figure(fig, ctx.figures_dir, '04_country_event_heatmap', ctx.figure_formats)\nplt.show()"),
 ("md", "## Before and after each selected event\n○ is the mean in the window before the event, ◆ the mean from its start to the end of the window after; the label gives the change and the n on each side. Below each chart are the quotes behind it."),
 ("code", "for event_id in events:\n    event = codebook.event(event_id)\n    if event is None:\n        print(f'Unknown event {event_id!r}: see codebook/events.yaml'); continue\n    ba = before_after(statements, event_id, window_days, codebook)\n    ba.to_csv(ctx.tables_dir / f'04_before_after_{event_id}.csv', index=False)\n    fig = figures.dumbbell(ba, event.name, window_days)\n    figures.save_figure(fig, ctx.figures_dir, f'04_before_after_{event_id}', ctx.figure_formats)\n    plt.show()\n    start, end = pd.Timestamp(event.start), pd.Timestamp(event.end)\n    near = statements[(statements['date'] >= start - pd.Timedelta(days=window_days)) & (statements['date'] <= end + pd.Timedelta(days=window_days))]\n    near = near.assign(side=['before' if d < start else 'after' for d in near['date']])\n    display(near[['side', 'date', 'country_name', 'actor', 'stance', 'quote', 'doc_id']].sort_values(['country_name', 'side', 'date']))"),
], "04_by_event.ipynb")

nb([
 ("md", "# 05 · Validation against the hand-coded seeds\n\nAgreement between the extractor and `seeds/annotations.csv`, coded by the codebook before any rule was tuned. Targets: holder F1 ≥ 0.90, stance macro-F1 ≥ 0.80, event accuracy ≥ 0.85. The rules are also judged on articles they have never seen, so these scores are an upper bound."),
 params('annotations: str = "seeds/annotations.csv"  # gold annotations (doc_id, quote, country, stance, event)'),
 ("md", "**Effective parameters** of this run:"),
 setup(("annotations",)),
 ("code", "from stanceshift.evaluation import evaluate, load_annotations\nfrom stanceshift.paths import resolve_project_path\nstatements = statements_for_report(ctx, statements_file, text_column, engine, scheduler)\ngold = load_annotations(resolve_project_path(annotations))\nresult = evaluate(statements, gold)\nscores = pd.Series(result.scores, name='score').to_frame()\nscores.to_csv(ctx.tables_dir / 'validation_scores.csv')\nscores"),
 ("md", "## Confusion of stance sign (gold rows × predicted columns)"),
 ("code", "result.confusion"),
 ("md", "## Every miss, with its sentence\nMissed holders, spurious holders, wrong stance signs and wrong events."),
 ("code", "result.misses.to_csv(ctx.tables_dir / 'validation_misses.csv', index=False)\nresult.misses"),
], "05_validation.ipynb")

nb([
 ("md", "# 06 · What they said and how they voted\n\nEach country's text-derived stance beside its recorded votes on the six UN General Assembly resolutions on Ukraine (ES-11/1 to ES-11/6; source and provenance in `reference/README.md`). Votes map onto the same scale: *no* = +2 (with Moscow), *abstain* / non-voting = 0, *yes* = −2.\n\n**What this can and cannot show.** A vote is one act on one day; a statement is a sentence in a news story. The seed corpus is tiny, so most countries have few statements near any vote. An abstention is not neutrality in every context: for some states it is the strongest signal of distance from Moscow they can afford, for others a shield for continued ties."),
 params('window_days: int = 60  # statements within this many days of a vote are compared with it\ncountries_for_charts: list = ["KAZ", "BLR", "IND", "CHN", "TUR"]  # countries drawn with their votes, empty means those with statements\ndivergence_threshold: float = 1.0  # points between text stance and vote that count as a divergence'),
 ("md", "**Effective parameters** of this run:"),
 setup(("window_days", "countries_for_charts", "divergence_threshold")),
 ("code", "import matplotlib.pyplot as plt\nfrom stanceshift.votes import load_votes, vote_counts, words_near_votes, divergences, agreement\nvotes = load_votes(codebook=codebook)\nstatements = filter_statements(statements_for_report(ctx, statements_file, text_column, engine, scheduler), countries, date_from or None, date_to or None)\nif countries:\n    votes = votes[votes['country'].isin(countries)]\nvote_counts(votes)"),
 ("md", "## Words and votes on one axis, per country"),
 ("code", "chart_countries = [c for c in (countries_for_charts or sorted(statements['country'].unique())) if not countries or c in countries] or list(countries)\nfor iso in chart_countries:\n    name = codebook.country_name(iso)\n    fig = figures.words_and_votes(statements, votes, name, codebook)\n    figures.save_figure(fig, ctx.figures_dir, f'06_words_and_votes_{iso}', ctx.figure_formats)\n    plt.show()"),
 ("md", "## Where words and votes diverge\nCountry–resolution pairs whose mean text stance within the window differs from the vote by at least the threshold."),
 ("code", "paired = words_near_votes(statements, votes, window_days)\npaired.to_csv(ctx.tables_dir / 'words_near_votes.csv', index=False)\ndiv = divergences(paired, divergence_threshold)\ndiv.to_csv(ctx.tables_dir / 'words_votes_divergences.csv', index=False)\ndiv if len(div) else print('No country–vote pair diverges by the threshold in this selection.')"),
 ("md", "## Agreement between text stance near a vote and the vote\nSpearman rank correlation over all country–resolution pairs with statements in the window, with its n."),
 ("code", "pd.Series(agreement(paired)).to_frame('value')"),
], "06_words_and_votes.ipynb")
print("ok")
