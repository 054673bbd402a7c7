# ccin-corpus: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data
MIRROR_PORT ?= 8765
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help

help: ## List the targets with one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed ## Create .venv with every dependency (locked in uv.lock), ccin included

lock: | $(UV) ## Re-resolve uv.lock after editing pyproject.toml
	$(UV) lock --python $(PYTHON)

demo: install ## Run the real refresh against a local copy of the site (built from data/sample), publish data/corpus
	$(BIN)/ccin demo --out $(DATA)/corpus --work-dir $(DATA)/demo

refresh: install ## Nightly: fetch what is new on the Journal de Monaco into data/raw, rebuild data/corpus
	$(BIN)/ccin refresh --data-dir $(DATA) $(REFRESH_ARGS)

rebuild: install ## Rebuild data/corpus from the pages kept in data/raw, offline
	$(BIN)/ccin rebuild --data-dir $(DATA)

mirror: install ## Serve a local copy of the site (data/sample) on 127.0.0.1:8765 (MIRROR_PORT=…) until Ctrl-C
	$(BIN)/ccin mirror --port $(MIRROR_PORT) $(MIRROR_ARGS)

notebooks: install ## Execute the notebooks on data/corpus: executed .ipynb and PNG figures in notebooks/output/
	$(BIN)/ccin notebooks --corpus $(DATA)/corpus

site: install ## Build the reading room (a static site of data/corpus) in data/site; SITE_ARGS="--serve" previews it
	$(BIN)/ccin site --corpus $(DATA)/corpus --out $(DATA)/site $(SITE_ARGS)

test: install ## Run the whole test suite (rules, golden files, contract, model-backed tests)
	$(BIN)/pytest

lint: install ## ruff, mypy, vulture (dead code; false positives in vulture_whitelist.py)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/vulture

bench: install ## Measure the rebuild on 3,000 generated deliberations (BENCH_ARGS="--docs 20" for a small run); writes bench/latest.json
	$(BIN)/python -m pipeline.cli bench --profile 300 $(BENCH_ARGS)

quality: install ## Score the extractors on the annotated quality set (tests/quality): per table precision, recall, field accuracy; writes quality/latest.json
	$(BIN)/python -m pipeline.testbed.quality $(QUALITY_ARGS)

golden: install ## Rewrite the golden files from the current code (review the diff!)
	$(BIN)/pytest tests --update-golden

clean: ## Remove the virtual environments and caches (not the corpus)
	rm -rf .uv $(VENV) .pytest_cache .ruff_cache .mypy_cache

.PHONY: help install lock demo test lint bench quality golden clean refresh rebuild mirror notebooks site
