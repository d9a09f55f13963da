# The two commands of the README work on a fresh clone with only python3 installed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck schema-check schemas docs locales pytest test-long bench fuzz corpus import-corpus clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: validate the MiKi4all register and write its Excel and JSON exports to out/
demo: $(STAMP)
	$(PY) -m ropa validate registers/miki4all || test $$? -eq 1
	$(PY) -m ropa export registers/miki4all --format json -o out/miki4all.json
	$(PY) -m ropa export registers/miki4all --format xlsx --lang nl -o out/miki4all.xlsx
	$(PY) -m ropa export registers/miki4all --format xlsx --lang en -o out/miki4all.en.xlsx

## test: lint, type check, schema drift check and the whole test suite
test: lint typecheck schema-check pytest

lint: $(STAMP)
	$(PY) -m ruff check ropa tests benchmarks
	$(PY) -m ruff format --check ropa tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy

schema-check: $(STAMP)
	$(PY) -m ropa schema --check

AXE := tests/publishing/browser/node_modules/axe-core/axe.min.js

# axe-core (the accessibility check of the published site) from the npm registry, pinned by its lock file;
# without npm the accessibility test is skipped with a message.
$(AXE): tests/publishing/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/publishing/browser --no-audit --no-fund --loglevel=error >/dev/null \
	    || echo "axe-core could not be installed from npm; the accessibility test will be skipped"; \
	else echo "npm is not installed; the accessibility test will be skipped"; fi

pytest: $(STAMP)
	@$(MAKE) --no-print-directory $(AXE) || true
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(PY) -m pytest -q

## test-long: the property tests with many more examples
test-long: $(STAMP)
	HYPOTHESIS_PROFILE=long $(PY) -m pytest -q

## schemas/docs: regenerate the committed artefacts
schemas: $(STAMP)
	$(PY) -m ropa schema --write

## locales: compile the translation catalogues (ropa/locales/*.toml → *.json, read faster)
locales: $(STAMP)
	$(PY) -m ropa.i18n_compile

docs: $(STAMP)
	$(PY) -m ropa.rules.docs docs/rules
	$(PY) -m ropa.changes.docs docs/changes
	$(PY) -m ropa._fielddocs docs/register-fields.md
	$(PY) -m ropa._apidocs docs/reference/api.md

## bench: the benchmark suite (BENCH_ARGS="--full" adds 100,000 activities)
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]' || echo "fideslang unavailable: peer row skipped"
	$(PY) benchmarks/run.py $(BENCH_ARGS)

## corpus: score ropa against the precision corpus (tests/corpus/) and write the tables into docs/accuracy.md
corpus: $(STAMP)
	$(PY) -m tests.corpus.score --write docs/accuracy.md --label "$$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo working-tree) $$(git rev-parse --short HEAD 2>/dev/null)"

## import-corpus: import the foreign registers of tests/import_corpus/ and print the fidelity table
import-corpus: $(STAMP)
	$(PY) -m tests.import_corpus.fidelity

## fuzz: five minutes of mutation fuzzing of the loader (atheris when installed)
fuzz: $(STAMP)
	$(PY) tests/fuzz/fuzz_loader.py --mutate --seconds 300

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
