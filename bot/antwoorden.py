"""Turns the engines' advice into short Dutch text (B1): the verdict or phase first,
then why, then what to do, then the sources."""
from __future__ import annotations

from typing import Any

from bot import routes
from bot.routes import Profiel, RouteAdvies
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


# --- route advice ----------------------------------------------------------------

REGISTRATIE_TEKST = {"geldig": "je bent nu geregistreerd", "verlopen": "je was vroeger geregistreerd",
                     "geen": "je bent niet geregistreerd"}
AMBITIE_TEKST = {"registratie": "een registratie halen, of een baan waarvoor dat nodig is",
                 "nu_starten": "nu aan de slag, zonder registratie"}
JA_NEE = {"ja": "ja", "nee": "nee"}


def route_samenvatting(profiel: Profiel) -> str:
    """What the assistant understood, in short lines the user can check."""
    lines = ["Dit heb ik begrepen:"]
    if profiel.registratie:
        lines.append(f"- Registratie: {REGISTRATIE_TEKST[profiel.registratie]}.")
    if profiel.ambitie:
        lines.append(f"- Je wilt: {AMBITIE_TEKST[profiel.ambitie]}.")
    entry = routes.diploma(profiel.diploma)
    if entry:
        status = {"ja": ", afgerond", "nee": ", niet afgerond"}.get(profiel.afgerond or "", "")
        lines.append(f"- Opleiding: {entry['naam']}{status}.")
    if profiel.diploma_recent:
        lines.append("- Diploma: " + ("minder" if profiel.diploma_recent == "ja" else "meer")
                     + " dan 5 jaar geleden.")
    if profiel.werk or profiel.werkervaring_jaren:
        years = f"{profiel.werkervaring_jaren} jaar" if profiel.werkervaring_jaren else ""
        lines.append("- Werk: " + ", ".join(p for p in (years, profiel.werk) if p) + ".")
    if profiel.hbo_functie:
        lines.append(f"- Minstens een jaar op hbo-niveau in de jeugdzorg: {JA_NEE[profiel.hbo_functie]}.")
    lines.append("Klopt dit?")
    return "\n".join(lines)


def route_tekst(advies: RouteAdvies) -> str:
    parts = [
        f"Jouw fase: {advies.fase_naam}. {advies.fase_zin}",
        "",
        f"Waarom: {advies.waarom}",
        "",
        "Routes die bij jou passen:",
        *(f"- {r.naam}: {r.wat}" for r in advies.routes),
        "",
        "Functies waarin je nu al kunt werken, zonder registratie:",
        *(f"- {f}" for f in advies.functies),
        "",
        "Wat kun je deze week doen?",
        *(f"{i}. {s}" for i, s in enumerate(advies.stappen, start=1)),
        "",
        "Bronnen: " + "; ".join(b.kort() for b in advies.bronnen) + ".",
    ]
    return "\n".join(parts)


def route_kosten_duur(advies: RouteAdvies) -> str:
    return "\n".join(
        line for r in advies.routes
        for line in (f"{r.naam}:", f"- Duur: {r.duur}", f"- Kosten: {r.kosten}")
    )
