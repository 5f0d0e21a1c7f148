# malinews — two commands on a fresh machine: `make crawl` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install crawl test lint bench demo clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

crawl: install
	$(BIN)/malinews crawl --db malinews.db

test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

demo: install
	$(BIN)/malinews demo

bench: install
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) build *.egg-info
