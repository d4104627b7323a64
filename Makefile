# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Stamps make a second run fast when nothing changed.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

SOURCES := $(shell find docs calculator sitebuild templates overrides talen -type f -not -path '*/__pycache__/*' 2>/dev/null) mkdocs.yml build_site.py python_stdlib.txt python_stdlib_lijst.txt

.PHONY: serve test build check bench lighthouse browser clean

serve: build
	$(PY) build_site.py serve --no-build

# Two worker processes, a module on one of them (its module fixtures made once); `-n 0` runs them
# one after the other: `make test PYTEST_ARGS='-n 0'`.
PYTEST_ARGS ?= -n 2

test: build browser
	$(PY) -m pytest $(PYTEST_ARGS)

build: site/.built

check: $(VENV)/.installed node_modules/.installed
	$(PY) build_site.py check

# The page-weight record benchmarks/budget.json is written here only (a test run writes it to
# .pytest_cache/, so `make test` never changes a tracked file).
bench: build browser lighthouse
	BUDGET_VERSLAG=benchmarks/budget.json $(PY) -m pytest -q -p no:cacheprovider tests/e2e/test_budget.py
	$(PY) -m benchmarks

# Lighthouse for `make bench` only: its own pinned folder, so `npm ci` for `make test` stays small.
lighthouse: benchmarks/lighthouse/node_modules/.installed

benchmarks/lighthouse/node_modules/.installed: benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

site/.built: $(VENV)/.installed node_modules/.installed $(SOURCES)
	$(PY) build_site.py build
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser for the e2e tests: Debian's chromium (Playwright cannot download its own here), and
# its headless shell, which the tests use when it is there (half the CPU time; tests/conftest.py).
browser:
	@if [ -x /usr/lib/chromium/chromium-headless-shell ] || [ -n "$$CHROMIUM" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Chromium (headless shell) ontbreekt: installeren met apt-get ..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell \
			>/dev/null) || [ -x /usr/bin/chromium ]; \
	elif [ -x /usr/bin/chromium ]; then \
		echo "Chromium gevonden (sneller met 'sudo apt-get install chromium-headless-shell')."; \
	elif $(PY) -c "import sys; from playwright.sync_api import sync_playwright as s; p=s().start(); sys.exit(0 if __import__('os').path.exists(p.chromium.executable_path) else 1)" 2>/dev/null; then \
		echo "Chromium van Playwright gevonden."; \
	else \
		echo "Geen browser gevonden. Installeer Chromium: 'sudo apt-get install chromium chromium-headless-shell'"; \
		echo "of Playwrights eigen browser: '$(PY) -m playwright install chromium',"; \
		echo "of zet CHROMIUM=/pad/naar/chromium."; exit 1; \
	fi

clean:
	rm -rf site $(VENV) node_modules benchmarks/lighthouse/node_modules .pytest_cache .hypothesis
