# perhepolku: two commands, `make run` and `make test`, each sets everything up itself.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 4
INSTANCE ?= instance
export PERHEPOLKU_INSTANCE := $(abspath $(INSTANCE))

# PERHEPOLKU_DATA: one data folder or several, separated by ':' (e.g. graph/data/curated:imported)
DATA_DIRS := $(subst :, ,$(PERHEPOLKU_DATA))
BUILD_INPUTS := $(wildcard ontology/*.ttl ontology/profiles/* graph/data/curated/*.ttl graph/data/sources/* queries/*.rq queries/*/*.rq graph/*.py graph/*/*.py graph/*/*/*.py search_index/*.py) \
                $(foreach d,$(DATA_DIRS),$(wildcard $(d)/*.ttl))

.PHONY: run test lint build bytecode voikko browser screenshots serve-prod bench bench-load clean

$(BIN)/.installed: pyproject.toml | voikko
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(INSTANCE)/current/manifest.json: $(BIN)/.installed $(BUILD_INPUTS)
	$(BIN)/perhepolku build $(foreach d,$(DATA_DIRS),--data $(d))

build: $(INSTANCE)/current/manifest.json bytecode

# the project's own modules compiled once (an editable install has none, and PYTHONDONTWRITEBYTECODE
# keeps Python from caching them): a server then starts without compiling 90 modules (0.4-0.6 s)
bytecode: $(BIN)/.installed
	$(BIN)/python -m compileall -q api graph search_index bench >/dev/null

run: build
	$(BIN)/perhepolku serve --host $(HOST) --port $(PORT)

serve-prod: build
	$(BIN)/gunicorn -c python:api.gunicorn_conf --workers $(WORKERS) --threads 4 --bind $(HOST):$(PORT) 'api:create_app()'

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# the native Finnish analyser (Debian's libvoikko1 and voikko-fi), installed here when missing (as root);
# without it search falls back to pyvoikko: the same terms, but 220 MB more per server and a slower start
voikko:
	@{ [ -e /usr/lib/voikko/5/mor-standard/mor.vfst ] && ls /usr/lib/*/libvoikko.so.1 >/dev/null 2>&1; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && apt-get install -y -qq libvoikko1 voikko-fi >/dev/null; } || \
	  echo "libvoikko is not installed: search uses pyvoikko (apt-get install libvoikko1 voikko-fi)"

# the browser tests drive Debian's chromium through Playwright; installed here when missing (as root)
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
	  echo "chromium is not installed: the browser tests will be skipped (apt-get install chromium)"

test: build lint browser
	$(BIN)/python -m pytest -q

screenshots: build browser
	$(BIN)/python -m tests.api.web.screenshots docs/screenshots

bench: build
	$(BIN)/python -m bench

bench-load: build
	$(BIN)/python -m bench.load

clean:
	rm -rf $(INSTANCE) $(VENV)
