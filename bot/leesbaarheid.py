"""B1 checks for every text the assistant shows: short sentences, and no abbreviation
a reader has not been told the meaning of.

B1 guidance (Rijksoverheid, Direct Duidelijk): sentences of about 15 words, at most ~20.
Abbreviations: each one is in `kennis/afkortingen.yml` with its meaning; one marked
`bekend` (hbo, mbo) may stand alone, any other must be explained in the same text, by its
full form, because a user can arrive at any answer first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.loader import load

MAX_WOORDEN_PER_ZIN = 22
MAX_GEMIDDELD = 15.0
# Where in the knowledge files the texts are that a user reads.
GEBRUIKERSTEKST = {"kop", "waarom", "wat", "stappen", "voorwaarden", "notities", "vraag",
                   "uitleg", "tekst", "zin", "fase_zin", "duur", "kosten"}
AFKORTING = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class Probleem:
    plek: str
    wat: str


def zinnen(tekst: str) -> list[str]:
    """Sentences; list items and lines count as their own sentence."""
    tekst = re.sub(r"https?://\S+|www\.\S+", "link", tekst)
    delen = re.split(r"(?<=[.!?:;])\s+|\n+", tekst)
    return [d for d in (re.sub(r"^\s*(?:[-•]|\d+\.)\s*", "", d).strip() for d in delen)
            if re.search(r"\w", d)]


def woorden(zin: str) -> int:
    return len(re.findall(r"[\w€][\w'’/-]*", zin))


def proza(tekst: str) -> str:
    """The text without its closing citations: a source's title is a name, not prose."""
    return re.split(r"^(?:Bron:|Bronnen:|Waar staat dit\?)", tekst, maxsplit=1, flags=re.M)[0]


def afkortingen_zonder_uitleg(tekst: str, lijst: dict) -> list[str]:
    missen = []
    tekst = proza(tekst)
    for afkorting in dict.fromkeys(AFKORTING.findall(tekst)):
        info = lijst.get(afkorting)
        if info is None:
            missen.append(f"{afkorting} staat niet in afkortingen.yml")
        elif not info.get("bekend") and info["betekenis"].lower() not in tekst.lower():
            missen.append(f"{afkorting} zonder uitleg ({info['betekenis']})")
    return missen


# Source terms above B1 (review 3, finding 28; issue 16 audit, items 55-59): in a text a user
# reads, each comes with plain words, one of the phrases given here, in the same text.
VAKTAAL: dict[str, tuple[str, ...]] = {
    r"aannemelijk": ("uitleggen en onderbouwen",),
    r"accredit": ("goedkeuren", "goedgekeurd", "keurt het goed"),
    r"verzilver": ("omzetten",),
    r"niet vrij toegankelijke": ("verwijzing of beschikking", "niet zelf kunt aanvragen"),
    r"casusregie": ("regie over",),
    r"\bhsao\b": ("hbo-diploma sociaal-agogisch",),
    r"\bvakbekwaam\b": ("kennis en vaardigheden",),  # not the names "vakbekwaamheidsbewijs", "EVC Vakbekwame ..."
    r"basisaantekening": ("aantekening van de beroepsvereniging",),
}


def vaktaal_zonder_uitleg(tekst: str) -> list[str]:
    """The source terms in a text without their plain words (citations left out)."""
    tekst = proza(tekst).lower()
    return [f"{term} zonder uitleg ({' / '.join(uitleg)})" for term, uitleg in VAKTAAL.items()
            if re.search(term, tekst) and not any(u in tekst for u in uitleg)]


def controleer(plek: str, tekst: str, lijst: dict | None) -> list[Probleem]:
    """Problems in one message; without a list (a fragment of a message) only sentence length."""
    problemen = [Probleem(plek, w) for w in afkortingen_zonder_uitleg(tekst, lijst or {})] if lijst else []
    lengtes = [woorden(z) for z in zinnen(tekst)]
    problemen += [Probleem(plek, f"zin van {n} woorden: {z[:60]}…")
                  for z, n in zip(zinnen(tekst), lengtes) if n > MAX_WOORDEN_PER_ZIN]
    if len(lengtes) >= 3 and sum(lengtes) / len(lengtes) > MAX_GEMIDDELD:
        problemen.append(Probleem(plek, f"gemiddeld {sum(lengtes) / len(lengtes):.1f} woorden per zin"))
    return problemen


def kennisteksten(data, plek: str = "", sleutel: str = ""):
    """(where, text) for every user-facing string in a knowledge file."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from kennisteksten(value, f"{plek}.{key}", str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from kennisteksten(value, f"{plek}[{i}]", sleutel)
    elif isinstance(data, str) and sleutel in GEBRUIKERSTEKST:
        yield plek, data


def afkortingenlijst() -> dict:
    return load("afkortingen")["afkortingen"]
