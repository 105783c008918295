# Two commands matter: `make report` and `make test`. Everything else is set-up they share.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KERNEL := stanceshift
STAMP := $(VENV)/.installed
PARAMS ?= params/default.yaml
OUT ?=

.PHONY: report test lab bench bench-report bench-runon clean venv kernel probes

venv: $(STAMP)

# Rebuilt only when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (stanceshift)" >/dev/null
	touch $(STAMP)

kernel: $(STAMP)

report: $(STAMP)
	$(BIN)/python -m stanceshift render --params $(PARAMS) $(if $(OUT),--out $(OUT),)

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

bench: $(STAMP)  ## long: builds 2, 20 and 200 MB corpora
	$(BIN)/python bench/bench_pipeline.py

# After changing a rule: rewrite the probes' outputs, then read `git diff tests/probes/out`.
probes: $(STAMP)
	$(BIN)/python tests/probes/run.py

clean:
	rm -rf outputs/* .pytest_cache

bench-report: $(STAMP)
	$(BIN)/python bench/bench_report.py

bench-runon: $(STAMP)  ## a minute: extraction time on run-on sentences of 1x and 4x the length
	$(BIN)/python bench/bench_runon.py
