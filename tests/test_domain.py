"""Consistency of the domain: every response is reachable, every button label real."""
import re
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.loader import load

ROOT = Path(__file__).parent.parent
# Responses Rasa itself utters: action_restart says utter_restart.
SAID_BY_RASA = {"utter_restart"}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain")


def sources_mentioning(name: str) -> bool:
    files = [*ROOT.glob("data/**/*.yml"), *ROOT.glob("actions/*.py"), *ROOT.glob("bot/**/*.py")]
    return any(re.search(rf"\b{re.escape(name)}\b", f.read_text(encoding="utf-8")) for f in files)


def test_every_response_is_used(domain):
    form_questions = {f"utter_ask_{s.name}" for s in domain.slots}
    unused = [
        name for name in domain.responses
        if name not in SAID_BY_RASA
        and name not in form_questions  # a form asks for slot X with utter_ask_X
        and not name.startswith("utter_faq/")  # uttered through the faq rule
        and not sources_mentioning(name)
    ]
    assert unused == []


def test_every_button_label_is_a_known_intent_or_answer(domain):
    for key in load("knoppen"):
        if key.startswith("faq/"):
            assert f"utter_{key}" in domain.responses, key
        else:
            assert key in domain.intents, key


def test_crisis_message_gives_both_numbers(domain):
    [variant] = domain.responses["utter_crisis"]
    assert "112" in variant["text"] and "0800-2000" in variant["text"]


def test_every_faq_answer_names_its_source(domain):
    faq = {k: v for k, v in domain.responses.items() if k.startswith("utter_faq/")}
    assert faq
    for name, variants in faq.items():
        for variant in variants:
            assert "Bron:" in variant["text"], name


def test_every_faq_answer_has_registered_sources(domain):
    from bot.bronnen import registry

    sources = load("faq")
    answers = {k.removeprefix("utter_faq/") for k in domain.responses if k.startswith("utter_faq/")}
    assert answers == set(sources), "every answer needs an entry in bot/kennis/faq.yml"
    for answer, keys in sources.items():
        assert keys and set(keys) <= set(registry()), answer
