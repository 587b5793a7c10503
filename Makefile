# Two commands on a fresh machine with python3: `make demo` and `make test`.
# The virtual environment is built once; a stamp file records each install, so repeated runs skip it
# until pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///veille.db

.PHONY: demo test eval

demo: $(VENV)/.installed
	$(BIN)/veille demo --db $(DB)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	bash scripts/eval.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed
