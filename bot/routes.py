"""Route advice for side-entrants, returners and mbo/ad workers.

Profile -> phase, routes that fit (and why), jobs open now, concrete next steps and
sources; or, while the profile is incomplete, the next question. The rules are in
bot/kennis/routes.yml and are read by the shared rule reader (bot/regels.py).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from bot import herkenning, regels
from bot.bronnen import Bron, cite
from bot.loader import load

RECENT_YEARS = 5  # SKJ: a diploma older than 5 years often needs extra schooling
NEEDS_COMPLETION = {"kwalificerend", "verwant", "psy_ped_master"}
WORK_WORDS = r"(?:werk|werkt|werkte|werkzaam|baan|functie|gewerkt)"


def data() -> dict[str, Any]:
    return load("routes")


@dataclass
class Profiel:
    """What the conversation knows about the user. Unknown is None."""

    registratie: str | None = None        # geldig, verlopen, geen
    ambitie: str | None = None            # registratie, nu_starten
    diploma: str | None = None            # id from the diploma catalogue
    richting_gevraagd: bool = False       # asked for the field once; keep what we have
    afgerond: str | None = None           # ja, nee
    diploma_recent: str | None = None     # ja, nee
    werkt_in_jeugdzorg: str | None = None # ja, nee
    hbo_functie: str | None = None        # ja, nee
    werkervaring_jaren: int | None = None # for the summary only
    werk: str | None = None               # kind of work, for the summary only


@dataclass
class Route:
    id: str
    naam: str
    wat: str
    duur: str
    kosten: str


@dataclass
class RouteAdvies:
    fase: str | None
    fase_naam: str = ""
    fase_zin: str = ""
    regel: str = ""
    waarom: str = ""
    routes: list[Route] = field(default_factory=list)
    functies: list[str] = field(default_factory=list)
    stappen: list[str] = field(default_factory=list)
    deskundigenteam: bool = False
    bronnen: list[Bron] = field(default_factory=list)
    volgende_vraag: str | None = None

    @property
    def klaar(self) -> bool:
        return self.fase is not None

    def payload(self) -> dict[str, Any]:
        return {
            "type": "route_advies",
            "fase": self.fase,
            "fase_naam": self.fase_naam,
            "fase_zin": self.fase_zin,
            "regel": self.regel,
            "waarom": self.waarom,
            "routes": [asdict(r) for r in self.routes],
            "functies": self.functies,
            "stappen": self.stappen,
            "deskundigenteam": self.deskundigenteam,
            "bronnen": [asdict(b) for b in self.bronnen],
        }


def diploma(diploma_id: str | None) -> dict[str, Any] | None:
    return next((d for d in data()["diplomas"] if d["id"] == diploma_id), None)


def opleidingssoort(profiel: Profiel) -> str | None:
    entry = diploma(profiel.diploma)
    if entry is None:
        return None
    if entry.get("vraag_richting") and not profiel.richting_gevraagd:
        return None
    if entry["soort"] in NEEDS_COMPLETION:
        if profiel.afgerond is None:
            return None
        if profiel.afgerond == "nee":
            return "geen_kwalificerend"  # an unfinished programme gives no access
    return entry["soort"]


def facts(profiel: Profiel) -> dict[str, str | None]:
    return {
        "registratie": profiel.registratie,
        "ambitie": profiel.ambitie,
        "opleidingssoort": opleidingssoort(profiel),
        "diploma_recent": profiel.diploma_recent,
        "werkt_in_jeugdzorg": profiel.werkt_in_jeugdzorg,
        "hbo_functie": profiel.hbo_functie,
    }


def question_for(fact: str, profiel: Profiel) -> str:
    if fact != "opleidingssoort":
        return fact
    entry = diploma(profiel.diploma)
    if entry is None:
        return "diploma"
    if entry.get("vraag_richting") and not profiel.richting_gevraagd:
        return "richting"
    return "afgerond"


def advise(profiel: Profiel) -> RouteAdvies:
    rule, unknown = regels.decide(data()["regels"], facts(profiel))
    if rule is None:
        return RouteAdvies(fase=None, volgende_vraag=question_for(unknown, profiel))
    return _advice(rule)


def _advice(rule: dict[str, Any]) -> RouteAdvies:
    d = data()
    outcome = rule["dan"]
    fase = d["fasen"][outcome["fase"]]
    routes = {rid: d["routes"][rid] for rid in outcome["routes"]}
    extra_steps = list(rule.get("stappen", []))
    if outcome.get("deskundigenteam"):
        extra_steps.append(d["deskundigenteam_stap"])
    general_steps = d["algemene_stappen"]

    references = list(rule["bronnen"]) + fase["bronnen"]
    for route in routes.values():
        references += route["bronnen"]
    for item in [*extra_steps, *general_steps, *d["functies"]]:
        references += item["bronnen"]

    return RouteAdvies(
        fase=outcome["fase"],
        fase_naam=fase["naam"],
        fase_zin=fase["zin"],
        regel=rule["id"],
        waarom=rule["waarom"],
        routes=[
            Route(rid, r["naam"], r["wat"], r["duur"], r["kosten"]) for rid, r in routes.items()
        ],
        functies=[f["naam"] for f in d["functies"]],
        stappen=[
            *(s for r in routes.values() for s in r["stappen"]),
            *(s["tekst"] for s in extra_steps),
            *(s["tekst"] for s in general_steps),
        ],
        deskundigenteam=bool(outcome.get("deskundigenteam")),
        bronnen=cite(references),
    )


# --- reading free text -----------------------------------------------------------

def _words(section: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: list(words) for key, words in section.items()}


def recognise_diploma(text: str) -> str | None:
    """A named programme first ("hbo bedrijfskunde" is not just "hbo"), else a level."""
    entries = data()["diplomas"]
    specific = [e for e in entries if not e.get("alleen_niveau")]
    levels = [e for e in entries if e.get("alleen_niveau")]
    return herkenning.first(text, herkenning.catalogue(specific)) or herkenning.first(
        text, herkenning.catalogue(levels)
    )


def _work_sector(text: str) -> tuple[str | None, str | None]:
    """(sector word, "ja"/"nee" for youth care) for work the user says they do."""
    clean = herkenning.normalise(text)
    for found in re.finditer(rf"\b{WORK_WORDS}\b((?:\s+\S+){{1,6}})", clean):
        window = found.group(1)
        for answer, key in (("nee", "werk_buiten_jeugddomein"), ("ja", "werk_in_jeugddomein")):
            sector = herkenning.first(window, {w: [w] for w in data()[key]})
            if sector:
                return sector, answer
    return None, None


def _years_of_work(text: str) -> int | None:
    clean = herkenning.normalise(text)
    found = re.search(rf"\b{WORK_WORDS}\b(?:\s+\S+){{0,3}}?\s+(\d{{1,2}})\s+jaar", clean) or re.search(
        rf"(\d{{1,2}})\s+jaar\s+(?:\S+\s+){{0,3}}?{WORK_WORDS}", clean
    )
    return int(found.group(1)) if found else None


def _diploma_recent(text: str, today: datetime.date) -> str | None:
    phrase = herkenning.first(text, _words(data()["diploma_leeftijd"]))
    if phrase:
        return "ja" if phrase == "recent" else "nee"
    year = re.search(r"\b(19[6-9]\d|20[0-4]\d)\b", text)
    if year and int(year.group(1)) <= today.year:
        return "ja" if today.year - int(year.group(1)) <= RECENT_YEARS else "nee"
    return None


def resolve(fact: str, value: str) -> str | None:
    """A value from a button or an entity, as one of the known values (None if unknown)."""
    d = data()
    if fact == "diploma":
        ids = {e["id"] for e in d["diplomas"]}
        return value if value in ids else recognise_diploma(value)
    known = d[fact]  # registratie or ambitie: {value: words}
    return value if value in known else herkenning.first(value, _words(known))


def recognise(text: str, today: datetime.date | None = None) -> dict[str, Any]:
    """Profile facts stated in one message."""
    today = today or datetime.date.today()
    d = data()
    found: dict[str, Any] = {
        "registratie": herkenning.first(text, _words(d["registratie"])),
        "ambitie": herkenning.first(text, _words(d["ambitie"])),
        "diploma": recognise_diploma(text),
        "afgerond": herkenning.first(text, _words(d["afgerond"])),
        "diploma_recent": _diploma_recent(text, today),
        "werkervaring_jaren": _years_of_work(text),
    }
    sector, in_youth_care = _work_sector(text)
    if sector:
        found["werk"] = sector
        found["werkt_in_jeugdzorg"] = in_youth_care
        if in_youth_care == "nee":
            found["hbo_functie"] = "nee"  # work outside youth care is no hbo-function in it
    return {k: v for k, v in found.items() if v is not None}
