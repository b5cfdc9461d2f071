"""Sources: the registry in bot/kennis/bronnen.yml and how an answer cites them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from bot.leesbaarheid import AFKORTING, afkortingenlijst, vaktaal_zonder_uitleg, woorden
from bot.loader import load


@dataclass(frozen=True)
class Bron:
    titel: str
    jaar: str          # a year, "ongedateerd", or "geen" for our own list (not a dated source)
    plek: str          # where in the source, as the rule data says it: for maintainers only
    url: str | None = None
    plaats: str = ""   # where in the source, as a user may read it (see `leesbare_plek`)

    def kort(self) -> str:
        """How an answer names the source: title and year."""
        if self.jaar == "geen":
            return self.titel
        jaar = "zonder datum" if self.jaar == "ongedateerd" else self.jaar
        return f"{self.titel} ({jaar})"

    def voor_lezer(self) -> dict[str, Any]:
        """The source as a user may see it (the widget's advice cards): title, year, a short
        readable place and the link. The raw `plek` stays out (issue 16 audit, items 52-53)."""
        return {"titel": self.titel, "jaar": "" if self.jaar == "geen" else self.jaar,
                "plaats": self.plaats, "url": self.url}


# The knowledge base's own references, which a reader cannot look up (issue 16 audit, 52-53):
INTERNE_VERWIJZING = re.compile(
    r"\[[^\]]*\]"                                   # line keys: [003 L1239-1241], [000 L80-84]
    # the magazine's numbered recommendations with their sub-points: R14, R22-R23, R17d-e, R17a en R17e
    r"|\bR\d+[a-z]?(?:\s*-\s*(?:R\d+[a-z]?|[a-z])\b)?(?:\s*(?:en|,)\s*R\d+[a-z]?(?:\s*-\s*(?:R\d+[a-z]?|[a-z])\b)?)*"
    # sections of our own knowledge files: §6.11 en §6.13, §6.2-6.3, publieke-bronnen B.11
    r"|§\s*\d+(?:\.\d+)?(?:\s*-\s*\d+(?:\.\d+)?)?(?:\s*(?:en|,)\s*§\s*\d+(?:\.\d+)?)*"
    r"|\b(?:publieke-bronnen|kennisbank)\b(?:\s+[A-Z](?:\.\d+)*\b)?"
)
# A place is where in the source, not what the source promises: "deskundigenteam, kosteloos"
# said "free" to everyone, while the sources say it only of organisations (audit, item 46).
BELOFTE = re.compile(r",?\s*\b(?:kosteloos|gratis)\b", re.IGNORECASE)
MAX_WOORDEN_DEEL = 6     # one place ("vier indicatoren, vraag 1", "onderdeel 2", "indicator 3: onveilige omgeving")
MAX_WOORDEN_PLAATS = 12  # all places of one source together


def _deel(tekst: str) -> str:
    tekst = BELOFTE.sub("", INTERNE_VERWIJZING.sub("", tekst))
    tekst = re.sub(r"\s{2,}", " ", tekst).strip(" ,:;")
    if not tekst or woorden(tekst) > MAX_WOORDEN_DEEL:
        return ""  # a maintainer's note on what the source says there, not a place
    if vaktaal_zonder_uitleg(tekst) or set(AFKORTING.findall(tekst)) - set(afkortingenlijst()):
        return ""  # a source term or an abbreviation the place cannot explain ("BAPD")
    return tekst


def leesbare_plek(plek: str) -> str:
    """Where in a source, in a few words a user can read: without the knowledge base's line
    keys, the magazine's recommendation numbers and our own section numbers; a note longer
    than a place (what the source says there) is left out. Empty when nothing is left."""
    delen: list[str] = []
    for deel in dict.fromkeys(_deel(d) for d in plek.split(";")):
        if deel and woorden("; ".join([*delen, deel])) <= MAX_WOORDEN_PLAATS:
            delen.append(deel)
    return "; ".join(delen)


def registry() -> dict[str, dict]:
    return load("bronnen")


def cite(references: Iterable[Mapping[str, str]]) -> list[Bron]:
    """One `Bron` per source, in first-mention order, with all places it was cited."""
    places: dict[str, list[str]] = {}
    for reference in references:
        places.setdefault(reference["bron"], [])
        plek = str(reference.get("plek", ""))
        if plek and plek not in places[reference["bron"]]:
            places[reference["bron"]].append(plek)
    sources = registry()
    return [
        Bron(
            titel=sources[key]["titel"],
            jaar=str(sources[key]["jaar"]),
            plek="; ".join(plekken),
            url=sources[key].get("url"),
            plaats=leesbare_plek("; ".join(plekken)) if sources[key].get("plek_tonen", True) else "",
        )
        for key, plekken in places.items()
    ]
