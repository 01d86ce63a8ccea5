# Two commands for a fresh machine: `make demo` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint setup clean samples bench screenshots

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	@echo "Setting up $(VENV) (first run only; log in $(VENV)/install.log)"
	-$(BIN)/pip install --quiet --upgrade pip > $(VENV)/install.log 2>&1
	$(BIN)/pip install -e '.[test]' -c constraints.txt >> $(VENV)/install.log 2>&1 || (tail -40 $(VENV)/install.log; exit 1)
	$(BIN)/python -m compileall -q catalog tui plugins > /dev/null
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/catalog import sample_archive --db demo.db --manifest sample_archive/captions.csv
	$(BIN)/catalog stats --db demo.db
	$(BIN)/catalog search bakhmut --db demo.db

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The README's Datasette screenshots, from the imported sample archive (needs Debian's chromium).
screenshots: $(STAMP)
	CATALOG_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py

samples: $(STAMP)
	$(BIN)/python sample_archive/make_samples.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .hypothesis
