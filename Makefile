# Beleidsposities: the interface for people and pipelines. `make help` lists the targets.
SHELL := /bin/bash
# The Python of the virtual environments: PYTHON=<command> (3.11 or newer; make passes it to the script in the
# environment), else the newest python3.X on PATH (scripts/find_python.sh says what is missing when there is none).
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Debian packages the tests need (Chromium for the browser tests, nginx for the hosting tests, Java and npm for the
# HTML checker).
TEST_SYSTEM_PACKAGES := /usr/bin/chromium /usr/sbin/nginx /usr/bin/java /usr/bin/npm
# The Nu Html Checker (tests/test_html_checker.py), pinned in package-lock.json, installed into node_modules/.
VNU_JAR ?= node_modules/vnu-jar/build/dist/vnu.jar
SITE_DIR ?= site
PUBLIC_SITE_DIR ?= site-public
REMOTE ?= origin
ALIAS ?=
PYTEST_ARGS ?=
# The gate of `make publish` and `make publish-public` runs every test except the publishing tests themselves.
GATE_PYTEST_ARGS ?= -m "not publishing"
# GATE_TESTS=0: the gate skips lint and the test suite (a pipeline's test job ran them on the same commit); `make check`
# still runs, and so do the leak tests in the gate of `make publish-public`. A manual publish keeps the whole gate.
GATE_TESTS ?= 1
# The leak tests (marker `leak`): nothing withheld reaches any file of the public build (tests/test_woo.py, the
# adversarial corpus's `withheld` cases, tests/test_diwoo.py). The public gate runs them even with GATE_TESTS=0.
LEAK_PYTEST_ARGS ?= -m leak
# Builds take their dates from git, not from the clock, so two builds of one commit are identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build build-public check nota import corpus bench test lint screenshots publish publish-public \
	clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	test -x $(BIN)/python || { python="$$(scripts/find_python.sh)" && "$$python" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

/usr/bin/chromium:
	@echo "Installing Debian's Chromium for the browser tests (needs root)"
	scripts/apt_install.sh chromium

/usr/bin/java:
	@echo "Installing Debian's Java for the HTML checker (needs root)"
	scripts/apt_install.sh default-jre-headless

/usr/bin/npm:
	@echo "Installing Debian's npm for the HTML checker (needs root)"
	scripts/apt_install.sh npm

# --ignore-scripts: the package's install script would download a Java of its own; Debian's runs the jar.
$(VNU_JAR): package.json package-lock.json | /usr/bin/npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

PROPERDOCS_VENV := .venv-properdocs

$(PROPERDOCS_VENV)/bin/properdocs: requirements-properdocs.txt requirements.txt
	test -x $(PROPERDOCS_VENV)/bin/python || { python="$$(scripts/find_python.sh)" && "$$python" -m venv $(PROPERDOCS_VENV); }
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# A taken port, or a PORT that is no number, stops `make serve` with a message (scripts/port_free.py; the port reaches
# it through the environment, never parsed by the shell); a port taken just after that check makes mkdocs fail once,
# not restart in a loop.
serve: export SERVE_PORT := $(PORT)
serve: $(BIN)/mkdocs ## Serve on http://127.0.0.1:8000 (another port: PORT=8001); rebuilds what a save affects, restarts when macros/*.py change
	@$(BIN)/python scripts/port_free.py "$$SERVE_PORT"
	$(BIN)/watchmedo auto-restart --directory=macros --patterns='**/*.py' --recursive --signal SIGTERM \
		--no-restart-on-command-exit -- $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

check: $(BIN)/mkdocs ## Check data and pages without building (the same checks as the build)
	$(BIN)/python -m macros.adapter.cli check

nota: $(BIN)/mkdocs ## Create a new note from the skeleton: make nota REF=<referentie>
	@test -n "$(REF)" || { echo "Geef de referentie mee: make nota REF=<referentie>" >&2; exit 2; }
	$(BIN)/python -m macros.adapter.cli nota "$(REF)"

# The memo's file name reaches the import as written: never expanded by make ($(value)), passed to the shell in
# the environment and quoted there, so a name with $, ", ; or spaces is that file.
override BESTAND := $(value BESTAND)
export BESTAND
import: $(BIN)/mkdocs ## Make a note from a memo (.docx or text): make import BESTAND=<file> [OPNIEUW=1 to update it]
	@test -n "$$BESTAND" || { echo "Geef de memo mee: make import BESTAND=<bestand>" >&2; exit 2; }
	$(BIN)/python -m macros.adapter.cli import "$$BESTAND" $(if $(filter 1 ja,$(OPNIEUW)),--opnieuw)

# BUILD_CACHE=<folder>: start from the previous build kept there and render only the pages whose inputs changed
# (macros/adapter/rebuilds.py); the site is the same as a clean build's. A pipeline keeps the folder between runs.
BUILD_CACHE ?=
cached = $(if $(BUILD_CACHE),BELEID_BUILD_CACHE='$(abspath $(BUILD_CACHE))/$(1)',) \
	$(BIN)/mkdocs build --strict $(if $(BUILD_CACHE),--dirty)

build: $(BIN)/mkdocs ## Build the site strictly into site/ (or SITE_DIR); BUILD_CACHE=<folder> reuses unchanged pages
	$(call cached,intern) --site-dir $(SITE_DIR)

# The public (Woo) site's build settings: `make build-public`, `make publish-public`, `make nginx-conf-public`.
PUBLIC_BUILD_ENV := BELEID_OPENBAAR=1 BELEID_COPYRIGHT='Directoraat-Generaal Migratie'

build-public: $(BIN)/mkdocs ## Build the public (Woo) site strictly into site-public/ (or PUBLIC_SITE_DIR): nothing not public
	$(PUBLIC_BUILD_ENV) $(call cached,openbaar) --site-dir $(PUBLIC_SITE_DIR)

corpus: N ?= 1000
corpus: DIR ?= /tmp/beleid-corpus
corpus: $(BIN)/mkdocs ## Write a generated site with N notes into DIR (make corpus N=1000 DIR=/tmp/corpus)
	$(BIN)/python scripts/corpus.py --notes $(N) --out $(DIR) $(if $(FORCE),--force)

bench: $(VENV)/.test-installed /usr/bin/chromium ## Build 1,000 and 5,000 generated notes and print the scale figures
	$(BIN)/python scripts/bench.py

lint: $(VENV)/.test-installed ## Lint the Python code with ruff
	$(BIN)/ruff check macros tests scripts

test: $(VENV)/.test-installed $(TEST_SYSTEM_PACKAGES) $(PROPERDOCS_VENV)/bin/properdocs $(VNU_JAR) ## Install what the tests need and run lint and tests
	$(BIN)/ruff check macros tests scripts
	$(BIN)/python -m pytest $(PYTEST_ARGS)

screenshots: $(VENV)/.test-installed /usr/bin/chromium ## Refresh the README screenshots from the built site
	SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_browser.py -k screenshots -q

# The gate of both publishing targets: `make check`; then, for the public site, the leak tests ($(1): pytest's
# arguments), which run even with GATE_TESTS=0 (a leak on the public site is an incident; they take seconds); then lint
# and the tests ($(GATE_PYTEST_ARGS)) unless GATE_TESTS=0. The tests never get the site's URL (SITE_URL): they serve
# the site at its root.
define publish_gate
	$(MAKE) check
	$(if $(1),env -u SITE_URL $(BIN)/python -m pytest -v $(1))
	$(if $(filter 0,$(GATE_TESTS)),@echo "$(gate_skipped)",env -u SITE_URL $(MAKE) test PYTEST_ARGS='$(GATE_PYTEST_ARGS)')
endef
gate_skipped := GATE_TESTS=0: lint en testsuite overgeslagen (de testjob van de pipeline draaide ze op deze commit)
# What the gate needs: with GATE_TESTS=0, not the system packages of the suite (Chromium, nginx, Java, npm).
GATE_NEEDS = $(VENV)/.test-installed $(if $(filter 0,$(GATE_TESTS)),,$(TEST_SYSTEM_PACKAGES))
publish_options = --version "$(VERSION)" --alias "$(ALIAS)" $(if $(BUILD_CACHE),--build-cache '$(abspath $(BUILD_CACHE))')
# The internal and the public site never share a pages branch: each publishing target refuses it, either way round.
branches_apart = @test "$(PUBLIC_REMOTE) $(PUBLIC_BRANCH)" != "$(REMOTE) $(PAGES_BRANCH)" || { echo "De interne en \
	de openbare site krijgen elk een eigen pages-branch: PAGES_BRANCH en PUBLIC_BRANCH zijn beide $(PAGES_BRANCH) \
	(op $(REMOTE))" >&2; exit 2; }
need_version = @test -n "$(VERSION)" || { echo "Geef de versie mee: make $@ VERSION=2026-05 [ALIAS=actueel]" >&2; exit 2; }

# The intranet URL (with its sub-path) goes only to the publishing build: the gate's tests serve the site at its root.
publish: $(GATE_NEEDS) ## Publish: make publish VERSION=2026-05 [ALIAS=actueel] [REMOTE=origin] [GATE_TESTS=0]
	$(need_version)
	$(branches_apart)
	$(call publish_gate,)
	SITE_URL='$(INTRANET_URL)' PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python scripts/publish.py $(publish_options) \
		--remote "$(REMOTE)" --branch "$(PAGES_BRANCH)"

# The public (Woo) site on a pages branch of its own (PUBLIC_BRANCH, on PUBLIC_REMOTE), never the internal one; built
# for PUBLIC_URL, which, like INTRANET_URL, only the publishing build gets; the gate runs the leak tests, always.
publish-public: $(GATE_NEEDS) ## Publish the public site: make publish-public VERSION=2026-05 [ALIAS=actueel] [GATE_TESTS=0]
	$(need_version)
	$(branches_apart)
	$(call publish_gate,$(LEAK_PYTEST_ARGS))
	$(PUBLIC_BUILD_ENV) SITE_URL='$(PUBLIC_URL)' PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python scripts/publish.py \
		--public $(publish_options) --remote "$(PUBLIC_REMOTE)" --branch "$(PUBLIC_BRANCH)"

clean: ## Remove the built site and caches
	rm -rf site $(PUBLIC_SITE_DIR) .pytest_cache

# --- Hosting on the intranet: nginx serves a checkout of the pages branch under SUBPATH (deploy/) ---
# The sub-path is set here and nowhere else. The published site must be built with SITE_URL=$(INTRANET_URL):
# the alias's URL, which Material's instant navigation (sitemap.xml) and the 404 pages' absolute links need.
SUBPATH ?= /beleidsposities/
NGINX_ALIAS ?= actueel
NGINX_SERVER_NAME ?= beleidsposities.intranet
NGINX_ROOT ?= /srv/beleidsposities
NGINX_LISTEN ?= 80
NGINX_CONF ?= deploy/nginx.conf
# More built HTML whose inline scripts the CSP must allow, e.g. the pages-branch checkout with older versions.
NGINX_SITES ?=
INTRANET_URL ?= http://$(NGINX_SERVER_NAME)$(SUBPATH)$(NGINX_ALIAS)/
PAGES_BRANCH ?= gh-pages
# --- The public (Woo) site: its own pages branch, host and config (deploy/nginx-public.conf), the same sub-path ---
PUBLIC_BRANCH ?= woo-pages
PUBLIC_REMOTE ?= $(REMOTE)
PUBLIC_SERVER_NAME ?= beleidsposities.openbaar.example
PUBLIC_ROOT ?= /srv/beleidsposities-openbaar
PUBLIC_NGINX_CONF ?= deploy/nginx-public.conf
# More built public HTML whose inline scripts the public CSP must allow (the public branch's checkout).
PUBLIC_NGINX_SITES ?=
PUBLIC_URL ?= https://$(PUBLIC_SERVER_NAME)$(SUBPATH)$(NGINX_ALIAS)/
.PHONY: nginx-conf nginx-conf-public

/usr/sbin/nginx:
	@echo "Installing Debian's nginx for the hosting tests (needs root)"
	scripts/apt_install.sh nginx

# $(1): the build's settings, $(2): its URL, $(3): the config file, $(4): the server name, $(5): the root on the host,
# $(6): more built HTML. The CSP's script hashes come from a fresh build of that very site.
define nginx_conf
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(1) SITE_URL='$(2)' $(BIN)/mkdocs build --strict --quiet --site-dir "$$tmp/site" && \
	$(BIN)/python scripts/render_nginx_conf.py --out '$(3)' --subpath '$(SUBPATH)' --alias '$(NGINX_ALIAS)' \
		--root '$(5)' --server-name '$(4)' --listen '$(NGINX_LISTEN)' \
		--site "$$tmp/site" $(foreach site,$(6),--site '$(site)') && \
	echo "Wrote $(3) for $(2)"
endef

nginx-conf: $(BIN)/mkdocs ## Write deploy/nginx.conf for SUBPATH (CSP script hashes from a fresh build)
	$(call nginx_conf,,$(INTRANET_URL),$(NGINX_CONF),$(NGINX_SERVER_NAME),$(NGINX_ROOT),$(NGINX_SITES))

nginx-conf-public: $(BIN)/mkdocs ## Write deploy/nginx-public.conf for the public site (hashes from a public build)
	$(call nginx_conf,$(PUBLIC_BUILD_ENV),$(PUBLIC_URL),$(PUBLIC_NGINX_CONF),$(PUBLIC_SERVER_NAME),$(PUBLIC_ROOT),$(PUBLIC_NGINX_SITES))
