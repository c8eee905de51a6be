# Beleidsposities: the interface for people and pipelines. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test lint clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(BIN)/mkdocs ## Serve the site on http://127.0.0.1:8000 and rebuild on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs ## Build the site strictly into site/
	$(BIN)/mkdocs build --strict --site-dir site

lint: $(VENV)/.test-installed ## Lint the Python code with ruff
	$(BIN)/ruff check macros tests

test: $(VENV)/.test-installed ## Install what the tests need and run lint and tests
	$(BIN)/ruff check macros tests
	$(BIN)/python -m pytest

clean: ## Remove the built site and caches
	rm -rf site .pytest_cache
