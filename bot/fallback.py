"""What to say when the assistant does not understand: a two-stage fallback.

Stage 1 asks the user to rephrase and offers the two most likely meanings as buttons.
Stage 2 (the second miss in a row) offers the deskundigenteam, because guessing a
third time wastes the user's time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from bot.loader import load

FALLBACK_ACTION = "action_fallback"
STAGE_REPHRASE = "utter_fallback_herformuleer"
STAGE_HANDOFF = "utter_fallback_deskundigenteam"
ESCAPE = "vraag_stellen"  # "Iets anders": always offered, so never offered as a guess
# Offered when the classifier has no usable guesses.
DEFAULT_CHOICES = ("start_route", "start_werktoedeling")


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class FallbackReply:
    response: str
    buttons: list[Button] = field(default_factory=list)


def labels() -> dict[str, str]:
    return load("knoppen")


def consecutive_misses(first_actions_per_turn: Sequence[str | None]) -> int:
    """How many of the latest user turns, counting back, were answered by the fallback.

    `first_actions_per_turn` holds, oldest first, the first action the assistant ran
    after each user message (None while a turn has no answer yet).
    """
    count = 0
    for action in reversed(first_actions_per_turn):
        if action is None:
            continue
        if action != FALLBACK_ACTION:
            break
        count += 1
    return count


def best_guesses(ranked_intents: Iterable[str], limit: int = 2) -> list[str]:
    """The first `limit` intents from the ranking that have a button label."""
    known = labels()
    guesses = [name for name in ranked_intents if name in known and name != ESCAPE]
    unique = list(dict.fromkeys(guesses))
    return unique[:limit]


def fallback_reply(ranked_intents: Iterable[str], earlier_misses: int) -> FallbackReply:
    """Chooses the fallback stage and its buttons.

    `earlier_misses` counts fallbacks directly before this one.
    """
    if earlier_misses >= 1:
        return FallbackReply(
            STAGE_HANDOFF,
            [
                Button("Ja, graag", "/mens_spreken"),
                Button("Nee, ik probeer het opnieuw", f"/{ESCAPE}"),
            ],
        )
    guesses = best_guesses(ranked_intents) or list(DEFAULT_CHOICES)
    known = labels()
    buttons = [Button(known[name], f"/{name}") for name in guesses]
    buttons.append(Button("Iets anders", f"/{ESCAPE}"))
    return FallbackReply(STAGE_REPHRASE, buttons)
