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
def _catalogues() -> tuple[list[tuple[str, list[Catalogus]]], list[tuple[str, Catalogus, Catalogus]]]:
    data = _data()
    questions = [(q["antwoord"], [catalogus({"x": group}) for group in q["alle_van"]]) for q in data["vragen"]]
    chat = [(p["antwoord"], catalogus({"x": p["woorden"]}), catalogus({"x": p.get("niet_met") or ["-"]}))
            for p in data["praatjes"]]
    return questions, chat


def answer_for(text: str) -> str | None:
    """The response for a question recognised by its words, or None."""
    for answer, groups in _catalogues()[0]:
        if all(group.first(text) for group in groups):
            return answer
    return None


def small_talk(text: str) -> str | None:
    """The response for small talk ("hoe gaat het", "je snapt me niet"), or None."""
    for answer, words, not_with in _catalogues()[1]:
        if words.first(text) and not any(v.exact for v in not_with.find_all(text)):  # word for word
            return answer
    return None


def recognised(text: str) -> str | None:
    """A question recognised by its words, else small talk, else None."""
    return answer_for(text) or small_talk(text)


def answers() -> set[str]:
    data = _data()
    return {q["antwoord"] for q in data["vragen"]} | {p["antwoord"] for p in data["praatjes"]}
