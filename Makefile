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

.PHONY: serve build check test lint install install-test clean help

help:
	@echo "make serve   build the casebook and serve it on http://$(HOST)"
	@echo "make test    install what the tests need and run them all"
	@echo "make build   build the site into site/ (strict: any warning fails)"
	@echo "make check   check every case study against the content model"
	@echo "make lint    type-check the package (mypy --strict)"

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

lint: install-test
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
