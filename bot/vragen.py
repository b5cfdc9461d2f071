"""Questions and small talk the NLU has no label for, recognised by their words.

The words live in bot/kennis/vragen.yml; a domain expert adds a question there, with its answer
in domain/faq.yml. The catalogue reader (bot/lezer/catalogus.py) finds the words, also in
another form or with a typo.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from bot.lezer.catalogus import Catalogus, catalogus

DATA = Path(__file__).parent / "kennis" / "vragen.yml"


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _questions() -> list[tuple[str, list[Catalogus]]]:
    return [(q["antwoord"], [catalogus({"x": group}) for group in q["alle_van"]]) for q in _data()["vragen"]]


@functools.lru_cache(maxsize=1)
def _chat() -> list[tuple[str, Catalogus, Catalogus | None]]:
    return [(p["antwoord"], catalogus({"x": p["woorden"]}), catalogus({"x": p["niet_met"]}) if p.get("niet_met") else None)
            for p in _data()["praatjes"]]


def answer_for(text: str) -> str | None:
    """The response for a question recognised by its words, or None."""
    for answer, groups in _questions():
        if all(group.first(text) for group in groups):
            return answer
    return None


def small_talk(text: str) -> str | None:
    """The response for small talk ("hoe gaat het", "je snapt me niet"), or None. A `niet_met`
    phrase, word for word, makes it a real question ("hoe gaat het met de registratie?")."""
    for answer, words, not_with in _chat():
        if words.first(text) and not (not_with and any(v.exact for v in not_with.find_all(text))):
            return answer
    return None


def recognised(text: str) -> str | None:
    """A question recognised by its words, else small talk, else None."""
    return answer_for(text) or small_talk(text)


def answers() -> set[str]:
    data = _data()
    return {q["antwoord"] for q in data["vragen"]} | {p["antwoord"] for p in data["praatjes"]}
