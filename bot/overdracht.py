"""What the deskundigenteam receives: a short, redacted summary of the question.

Built from what the conversation collected, the engine's (partial) advice and the
user's own words. Personal data of third parties is redacted (bot.privacy).
"""
from __future__ import annotations

import os
from typing import Any, Iterable

from bot.privacy import redact

MAX_WORDS_PER_MESSAGE = 60
EXCERPT_MESSAGES = 12


def reactietijd() -> str:
    """How soon the team answers, as the programme configures it; never guessed."""
    configured = os.environ.get("DESKUNDIGENTEAM_REACTIETIJD")
    if configured:
        return f"Het deskundigenteam neemt {configured} contact met je op."
    return "Het deskundigenteam neemt zo snel mogelijk contact met je op."


def _short(text: str) -> str:
    words = redact(text).split()
    return " ".join(words[:MAX_WORDS_PER_MESSAGE]) + (" …" if len(words) > MAX_WORDS_PER_MESSAGE else "")


def samenvatting(
    soort: str,
    feiten: dict[str, Any],
    advies_kop: str | None,
    eigen_woorden: Iterable[str],
    aanvulling: str | None = None,
) -> str:
    """The question as the team reads it (Dutch, redacted)."""
    titel = {"werktoedeling": "Vraag over werktoedeling", "route": "Vraag over een route naar de jeugdzorg"}
    lines = [titel.get(soort, "Vraag aan het deskundigenteam")]
    known = {k: v for k, v in feiten.items() if v not in (None, "", [], False)}
    if known:
        lines.append("Wat de gebruiker vertelde: " + "; ".join(f"{k}: {v}" for k, v in known.items()) + ".")
    if advies_kop:
        lines.append(f"Advies van de assistent: {advies_kop}")
    words = [_short(w) for w in eigen_woorden if w and not w.startswith("/")]
    if words:
        lines.append("In eigen woorden: " + " | ".join(words[-3:]))
    if aanvulling:
        lines.append(f"Aanvulling: {_short(aanvulling)}")
    return "\n".join(lines)


def gesprek_fragment(messages: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """The last messages of the conversation, redacted, as {wie, tekst}."""
    fragment = [
        {"wie": wie, "tekst": _short(tekst)}
        for wie, tekst in messages
        if tekst and not tekst.startswith("/")
    ]
    return fragment[-EXCERPT_MESSAGES:]
