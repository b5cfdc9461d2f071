"""Recognises catalogue items (tasks, workers, diplomas, ...) in what a user typed.

Every catalogue in bot/kennis/ lists the words people use for an item (`woorden`).
This module finds them in free text: whole words only, case- and accent-insensitive.
When several items of one catalogue match, the one mentioned first wins (the subject
of "Mag een ondersteuner taken van de jeugdbeschermer overnemen?" is the ondersteuner),
and at the same place the longest phrase wins ("niet geregistreerd" over "geregistreerd").
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping

NEGATIONS = {"geen", "niet", "zonder", "nooit", "geeneens"}
NEGATION_WINDOW = 4  # words before a phrase that can negate it


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation (except ' and -) as spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w'\-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Match:
    item: str
    start: int
    length: int
    negated: bool


@functools.lru_cache(maxsize=None)
def _pattern(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'\-]){re.escape(normalise(phrase))}(?![\w'\-])")


def _negated(text: str, start: int) -> bool:
    before = text[:start].split()[-NEGATION_WINDOW:]
    return any(word in NEGATIONS for word in before)


def find_all(text: str, words_by_item: Mapping[str, Iterable[str]]) -> list[Match]:
    """Every mention of every item, in the order they appear."""
    clean = normalise(text)
    matches = []
    for item, words in words_by_item.items():
        for phrase in words:
            for found in _pattern(phrase).finditer(clean):
                matches.append(
                    Match(item, found.start(), found.end() - found.start(),
                          _negated(clean, found.start()))
                )
    return sorted(matches, key=lambda m: (m.start, -m.length))


def first(
    text: str, words_by_item: Mapping[str, Iterable[str]], skip_negated: bool = False
) -> str | None:
    """The item mentioned first (longest phrase at the same place).

    With `skip_negated`, a mention after "geen", "niet", "zonder" ... does not count
    (for facts that can be denied, such as "geen goede band"; not for names of tasks
    or workers, where "zonder SKJ" is part of the description).

    A shorter phrase inside a longer match ("geregistreerd" inside "niet geregistreerd")
    does not count as a separate mention.
    """
    covered_until = -1
    for match in find_all(text, words_by_item):
        if match.start < covered_until:
            continue
        covered_until = match.start + match.length
        if not (skip_negated and match.negated):
            return match.item
    return None


def catalogue(entries: Iterable[Mapping]) -> dict[str, list[str]]:
    """{id: woorden} for a catalogue given as a list of entries with `id` and `woorden`."""
    return {entry["id"]: list(entry.get("woorden", [])) for entry in entries}
