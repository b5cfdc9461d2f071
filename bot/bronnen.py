"""Sources: the registry in bot/kennis/bronnen.yml and how an answer cites them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from bot.loader import load


@dataclass(frozen=True)
class Bron:
    titel: str
    jaar: str          # a year, or "ongedateerd"
    plek: str          # where in the source, for the reviewer
    url: str | None = None

    def kort(self) -> str:
        """How an answer names the source: title and year."""
        jaar = "zonder datum" if self.jaar == "ongedateerd" else self.jaar
        return f"{self.titel} ({jaar})"


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
        )
        for key, plekken in places.items()
    ]
