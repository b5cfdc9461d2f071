"""Turns the engines' advice into short Dutch text (B1): verdict first, then why,
then the conditions, then the sources."""
from __future__ import annotations

from typing import Any

from bot.werktoedeling import WEET_NIET, Advies


def _bronnen(advies: Advies) -> str:
    return "Bronnen: " + "; ".join(b.kort() for b in advies.bronnen) + "."


def _indicatoren(advies: Advies) -> list[str]:
    lines = []
    for indicator in advies.indicatoren:
        if indicator.antwoord == WEET_NIET:
            lines.append(
                f"Je wist niet zeker of er sprake is van {indicator.naam}. "
                "Dan ga ik ervan uit dat dit speelt. Twijfel je? Overleg met het deskundigenteam."
            )
        elif indicator.signalen:
            lines.append(f"Dit speelt: {indicator.naam} ({', '.join(indicator.signalen)}).")
        else:
            lines.append(f"Dit speelt: {indicator.naam}.")
    return lines


def werktoedeling_tekst(advies: Advies) -> str:
    parts = [advies.kop, "", f"Waarom: {advies.waarom}", *_indicatoren(advies)]
    if advies.voorwaarden:
        parts += ["", "Voorwaarden:", *(f"- {v}" for v in advies.voorwaarden)]
    parts += [f"Let op: {n}" for n in advies.notities]
    parts += ["", _bronnen(advies)]
    return "\n".join(parts)


def werktoedeling_waarom(advies: Advies, norm: list[dict[str, Any]]) -> str:
    """The longer explanation behind "Waarom?": the norm, the rule, where it is written."""
    parts = [
        "De norm van de verantwoorde werktoedeling heeft drie delen:",
        *(f"{deel['deel']}. {deel['tekst']}" for deel in norm),
        "",
        f"Voor jouw taak geldt: {advies.waarom}",
        *_indicatoren(advies),
        "",
        "Waar staat dit?",
        *(f"- {b.kort()}: {b.plek}" + (f" ({b.url})" if b.url else "") for b in advies.bronnen),
    ]
    return "\n".join(parts)
