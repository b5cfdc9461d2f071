# Wegwijzer Jeugdzorg. `make run` sets everything up and starts the assistant;
# `make test` runs every test. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
MODEL := models/wegwijzer.tar.gz
RASA_INPUTS := config.yml $(shell find domain data -name '*.yml') $(wildcard extensions/*.py)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: help install train validate run shell test clean browser inbox-gebruiker widget eval audit-tool bench nginx scenarios

help:
	@echo "make run    zet alles klaar en start de assistent"
	@echo "make shell  chat in de terminal"
	@echo "make test   alle tests"
	@echo "make bench  snelheid en geheugen, tegenover kale Rasa (resultaat in var/bench)"
	@echo "make eval   NLU-evaluatie: kruisvalidatie en held-out set (rapport in var/eval)"
	@echo "make scenarios  speel de blinde scenario's (werkgevers en zij-instromers) door de assistent (rapport in var/scenarios)"
	@echo "make train  train het model (alleen als data of config veranderd zijn)"
	@echo "make inbox-gebruiker NAAM=...  maak een account voor de inbox van het deskundigenteam"
	@echo "make clean  verwijder model, virtuele omgeving en lokale data"

# Installs only when pyproject.toml changed since the last install.
$(BIN)/.installed: pyproject.toml
	@py=$$(scripts/find-python.sh) || exit 1; \
	if [ ! -x $(BIN)/python ]; then echo "Virtuele omgeving maken met $$py"; $$py -m venv $(VENV); fi
	$(BIN)/pip install --upgrade pip 'setuptools>=70.3,<70.4'  # Rasa 3.6.21 pins setuptools (and packaging<21)
	$(BIN)/pip install --progress-bar on -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

# Trains only when training data, domain, config or the custom NLU component changed.
$(MODEL): $(BIN)/.installed $(RASA_INPUTS)
	$(BIN)/rasa train --domain domain --data data --config config.yml \
	  --out models --fixed-model-name wegwijzer
	@touch $@

train: $(MODEL)

validate: install
	$(BIN)/rasa data validate --domain domain --data data --config config.yml

run: $(MODEL) widget
	@$(BIN)/python -m devtools.stack run

shell: $(MODEL)
	@$(BIN)/python -m devtools.stack shell

# The web widget (widget/): npm ci only when package-lock.json changed, the esbuild
# build only when a source changed. Output in widget/dist (not committed).
WIDGET_SOURCES := $(wildcard widget/src/*) widget/build.mjs
WIDGET_STAMP := widget/node_modules/.installed

$(WIDGET_STAMP): widget/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Node.js (20 of nieuwer) en npm ontbreken: die zijn nodig om de web-widget te bouwen." >&2; \
	  echo "Installeer ze, bijvoorbeeld met 'apt-get install nodejs npm' of via https://nodejs.org." >&2; exit 1; }
	cd widget && npm ci --no-audit --no-fund
	@touch $@

widget/dist/wegwijzer.js: $(WIDGET_STAMP) $(WIDGET_SOURCES)
	cd widget && node build.mjs

widget: widget/dist/wegwijzer.js

browser:
	@scripts/ensure-chromium.sh

# The scale test puts nginx (Debian's) in front of two Rasa instances; it and the outage test
# (tests/e2e/test_storing.py) start Redis servers of their own (Debian's redis-server).
nginx:
	@scripts/ensure-nginx.sh

inbox-gebruiker: install
	@test -n "$(NAAM)" || (echo "Gebruik: make inbox-gebruiker NAAM=voornaam" && exit 2)
	$(BIN)/python -m inbox.gebruikers nieuw $(NAAM)

test: validate train browser nginx widget audit-tool
	$(BIN)/python -m pytest
	$(BIN)/rasa test core --model $(MODEL) --stories tests/stories \
	  --fail-on-prediction-errors --out var/results/core

clean:
	rm -rf models $(VENV) var .pytest_cache

# NLU evaluation: 5-fold cross-validation on data/nlu (trains five times, ~35 min on 2 cores)
# and the held-out files tests/nlu/heldout.yml (test set, with the targets) and
# ontwikkelset.yml; then issue 17's blind set (tests/nlu/blind: confusion plot, the worst 20
# confusions, crisis both ways). Reports in var/eval/ (rapport.md, blind.md). `make test`
# checks the targets on the model it trains; this adds the cross-validation.
eval: $(MODEL)
	$(BIN)/python -m devtools.nlu_eval --cv; status=$$?; $(BIN)/python -m devtools.nlu_blind; exit $$status

# The blind scenarios of tests/scenarios (both halves) played through the running assistant
# as a person would; report per half in var/scenarios/. `make test` runs the test half.
scenarios: $(MODEL)
	$(BIN)/python -m devtools.scenarios

# pip-audit in its own venv: its dependencies conflict with Rasa 3.6's pins.
.venv-audit/bin/pip-audit:
	python3 -m venv .venv-audit
	.venv-audit/bin/pip install --quiet 'pip-audit==2.10.1'

audit-tool: .venv-audit/bin/pip-audit

# Benchmark (not a test): both flows, FAQ and handoff at 1/4/16/32 users through REST,
# against a bare Rasa baseline; trains both models. Results in var/bench/.
bench: install
	$(BIN)/python -m devtools.bench
