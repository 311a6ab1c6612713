# Two commands for a fresh clone (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out

.PHONY: install run test lint clean

# A virtual environment with the package (editable) and the test tools, rebuilt when
# pyproject.toml changes. Everything comes from the package index; nothing at run time.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job: every release in corpus/ -> out/corpus.jsonl, then a schema check of the output.
run: install
	$(BIN)/ptpipe run corpus/releases -o $(OUT)/corpus.jsonl
	$(BIN)/ptpipe validate $(OUT)/corpus.jsonl

test: install
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/ruff format --check pipeline tests benchmarks

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache *.egg-info
