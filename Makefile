# Beleidsposities: the interface for people and pipelines. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build check nota corpus test lint screenshots clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

/usr/bin/chromium:
	@echo "Installing Debian's Chromium for the browser tests (needs root)"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(VENV)/.test-installed: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(BIN)/mkdocs ## Serve on http://127.0.0.1:8000; rebuilds on every change, restarts when macros/*.py change
	$(BIN)/watchmedo auto-restart --directory=macros --patterns='**/*.py' --recursive --signal SIGTERM -- \
		$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

check: $(BIN)/mkdocs ## Check data and pages without building (the same checks as the build)
	$(BIN)/python -m macros.cli check

nota: $(BIN)/mkdocs ## Create a new note from the skeleton: make nota REF=<referentie>
	@test -n "$(REF)" || { echo "Geef de referentie mee: make nota REF=<referentie>" >&2; exit 2; }
	$(BIN)/python -m macros.cli nota "$(REF)"

build: $(BIN)/mkdocs ## Build the site strictly into site/
	$(BIN)/mkdocs build --strict --site-dir site

corpus: N ?= 1000
corpus: DIR ?= /tmp/beleid-corpus
corpus: $(BIN)/mkdocs ## Write a generated site with N notes into DIR (make corpus N=1000 DIR=/tmp/corpus)
	$(BIN)/python scripts/corpus.py --notes $(N) --out $(DIR) $(if $(FORCE),--force)

lint: $(VENV)/.test-installed ## Lint the Python code with ruff
	$(BIN)/ruff check macros tests

test: $(VENV)/.test-installed /usr/bin/chromium ## Install what the tests need and run lint and tests
	$(BIN)/ruff check macros tests
	$(BIN)/python -m pytest

screenshots: $(VENV)/.test-installed /usr/bin/chromium ## Refresh the README screenshots from the built site
	SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_browser.py -k screenshots -q

clean: ## Remove the built site and caches
	rm -rf site .pytest_cache
