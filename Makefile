# Two commands on a fresh machine with python3: `make demo` and `make test` (the suite in one process per
# core, pytest-xdist, a test file per process); `make serve` to browse.
# The virtual environment is built once; a stamp file records each install, so repeated runs skip it
# until pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///veille.db
HOST ?= 127.0.0.1
PORT ?= 8000
# The file behind a SQLite URL, to build the demo store when it is missing (empty for other databases).
DB_FILE := $(patsubst sqlite:///%,%,$(filter sqlite:///%,$(DB)))
CHROMIUM := /usr/bin/chromium
# Test processes: the cores this process may use (nproc), at most 4, since each loads the French model
# (about 0.7 GB); a container may report the host's cores.
TEST_PROCESSES ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

.PHONY: demo serve test eval browser

demo: $(VENV)/.installed
	$(BIN)/veille demo --db $(DB)
	@echo "Browse it: make serve, then open http://$(HOST):$(PORT)/"

serve: $(VENV)/.installed-serve
	@if [ -n "$(DB_FILE)" ] && [ ! -e "$(DB_FILE)" ]; then $(BIN)/veille demo --db $(DB); fi
	@echo "Open http://$(HOST):$(PORT)/ (API docs at http://$(HOST):$(PORT)/docs); Ctrl+C stops the server."
	$(BIN)/veille serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev browser
	$(BIN)/python -m pytest -q -n $(TEST_PROCESSES) --dist loadfile

eval: $(VENV)/.installed
	bash scripts/eval.sh

# The browser tests drive Debian's Chromium through Playwright for Python (pip, in .[dev]); Playwright's own
# browser download cannot run here. As root, install the Debian package when it is missing; otherwise
# say so, and those tests skip.
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "No $(CHROMIUM) and not root: the browser tests will skip (sudo apt-get install chromium)" >&2; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-serve: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[serve]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-serve
