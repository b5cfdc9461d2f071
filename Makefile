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

.PHONY: help install train validate run shell test clean browser inbox-gebruiker

help:
	@echo "make run    zet alles klaar en start de assistent"
	@echo "make shell  chat in de terminal"
	@echo "make test   alle tests"
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

run: $(MODEL)
	@$(BIN)/python -m devtools.stack run

shell: $(MODEL)
	@$(BIN)/python -m devtools.stack shell

browser:
	@scripts/ensure-chromium.sh

inbox-gebruiker: install
	@test -n "$(NAAM)" || (echo "Gebruik: make inbox-gebruiker NAAM=voornaam" && exit 2)
	$(BIN)/python -m inbox.gebruikers nieuw $(NAAM)

test: validate train browser
	$(BIN)/python -m pytest
	$(BIN)/rasa test core --model $(MODEL) --stories tests/stories \
	  --fail-on-prediction-errors --out var/results/core

clean:
	rm -rf models $(VENV) var .pytest_cache
