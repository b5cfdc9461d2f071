"""Route advice for side-entrants, returners and mbo/ad workers.

Profile -> phase, routes that fit (and why), jobs open now, concrete next steps and
sources; or, while the profile is incomplete, the next question. The rules are in
bot/kennis/routes.yml and are read by the shared rule reader (bot/regels.py). Reading a
profile from free text is bot/lezer/zij_instromer.py.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot import regels
from bot.bronnen import Bron, cite
from bot.loader import load

RECENT_YEARS = 5  # SKJ: a diploma older than 5 years often needs extra schooling
NEEDS_COMPLETION = {"kwalificerend", "verwant", "psy_ped_master"}


def data() -> dict[str, Any]:
    return load("routes")


@dataclass
class Profiel:
    """What the conversation knows about the user. Unknown is None."""

    registratie: str | None = None        # geldig, big (BIG, profession not known yet), verlopen, geen
    big_beroep: str | None = None         # with registratie big: art3, ander, weet_niet
    ambitie: str | None = None            # registratie, nu_starten
    diploma: str | None = None            # id from the diploma catalogue
    richting_gevraagd: bool = False       # asked for the field once; keep what we have
    afgerond: str | None = None           # ja, nee
    diploma_recent: str | None = None     # ja, nee
    werkt_in_jeugdzorg: str | None = None # ja, nee
    hbo_functie: str | None = None        # ja, nee, weet_niet
    werkervaring_maanden: float | None = None  # for the summary only
    werk: str | None = None               # kind of work, for the summary only
    diploma_tekst: str | None = None      # a diploma the catalogue does not know, as typed
    beroep: str | None = None             # vaktherapeut, paramedicus, verpleegkundige, big_zorgberoep; never asked
    werkt_als: str | None = None          # for a vaktherapeut or paramedicus: eigen_vak, jgp, weet_niet
    ander_register: str | None = None     # a register that is not SKJ or BIG: registerplein, nip_nvo, ...


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
    opmerkingen: list[str] = field(default_factory=list)  # from `aanvullingen`, beside the rule
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
            "opmerkingen": self.opmerkingen,
            "routes": [asdict(r) for r in self.routes],
            "functies": self.functies,
            "stappen": self.stappen,
            "deskundigenteam": self.deskundigenteam,
            "bronnen": [b.voor_lezer() for b in self.bronnen],
        }


def diploma(diploma_id: str | None) -> dict[str, Any] | None:
    return next((d for d in data()["diplomas"] if d["id"] == diploma_id), None)


def opleidingssoort(profiel: Profiel) -> str | None:
    entry = diploma(profiel.diploma)
    if entry is None:
        return None
    if entry.get("vraag_richting"):
        if not profiel.richting_gevraagd:
            return None
        if entry.get("alleen_niveau"):
            return "onduidelijk"  # "hbo", then a direction the list does not know
    if entry["soort"] in NEEDS_COMPLETION:
        if profiel.afgerond is None:
            return None
        if profiel.afgerond == "nee":
            return "geen_kwalificerend"  # an unfinished programme gives no access
    return entry["soort"]


def diploma_niveau(profiel: Profiel) -> str | None:
    """The level of the diploma ("geen" for a programme not finished); None when not asked yet."""
    entry = diploma(profiel.diploma)
    if entry is None:
        return None
    return "geen" if profiel.afgerond == "nee" else entry["niveau"]


def big_beroep(profiel: Profiel) -> str | None:
    """The BIG profession: as answered, or a nurse who says she is in the BIG register (a
    verpleegkundige is one of the four professions of Besluit Jeugdwet art. 1.1)."""
    if profiel.big_beroep is None and profiel.registratie == "big" and profiel.beroep in ("verpleegkundige", "big_zorgberoep"):
        return "art3"
    return profiel.big_beroep


def facts(profiel: Profiel) -> dict[str, str | None]:
    return {
        "registratie": profiel.registratie,
        "big_beroep": big_beroep(profiel),
        "beroep": profiel.beroep or "geen",  # read from what someone says, never asked
        "werkt_als": profiel.werkt_als,
        "ander_register": profiel.ander_register,
        "diploma": profiel.diploma,  # only additions use it (a diploma the sources leave open)
        "ambitie": profiel.ambitie,
        "diploma_niveau": diploma_niveau(profiel),
        "opleidingssoort": opleidingssoort(profiel),
        "diploma_recent": profiel.diploma_recent,
        "werkt_in_jeugdzorg": profiel.werkt_in_jeugdzorg,
        "hbo_functie": "nee" if profiel.hbo_functie == "weet_niet" else profiel.hbo_functie,
    }


def question_for(fact: str, profiel: Profiel) -> str:
    if fact == "diploma_niveau":
        return "diploma"
    if fact != "opleidingssoort":
        return fact
    entry = diploma(profiel.diploma)
    if entry is None:
        return "diploma"
    if entry.get("vraag_richting") and not profiel.richting_gevraagd:
        return "richting"
    return "afgerond"


def advise(profiel: Profiel) -> RouteAdvies:
    known = facts(profiel)
    rule, unknown = regels.decide(data()["regels"], known)
    if rule is None:
        return RouteAdvies(fase=None, volgende_vraag=question_for(unknown, profiel))
    additions = [a for a in data().get("aanvullingen", []) if regels.match(a, known)[0]]
    return _advice(rule, additions)


def _advice(rule: dict[str, Any], additions: list[dict[str, Any]] = ()) -> RouteAdvies:
    d = data()
    outcome = rule["dan"]
    fase = d["fasen"][outcome["fase"]]
    routes = {rid: d["routes"][rid] for rid in outcome["routes"]}
    extra_steps = list(rule.get("stappen", []))
    team = bool(outcome.get("deskundigenteam")) or any(a.get("deskundigenteam") for a in additions)
    if team:
        extra_steps.append(d["deskundigenteam_stap"])
    # A rule may leave out what its phase usually gives (a vaktherapeut in his own field needs no
    # list of jobs without registration, and no SKJ plan).
    general_steps = d["algemene_stappen"] if outcome.get("met_algemene_stappen", fase.get("met_algemene_stappen", True)) else []
    jobs = d["functies"] if outcome.get("met_functies", fase.get("met_functies", True)) else []

    references = list(rule["bronnen"]) + [ref for a in additions for ref in a["bronnen"]] + fase["bronnen"]
    for route in routes.values():
        references += route["bronnen"]
    for item in [*extra_steps, *general_steps, *jobs]:
        references += item["bronnen"]

    return RouteAdvies(
        fase=outcome["fase"],
        fase_naam=fase["naam"],
        fase_zin=fase["zin"],
        regel=rule["id"],
        waarom=rule["waarom"],
        opmerkingen=[a["tekst"] for a in additions],
        routes=[
            Route(rid, r["naam"], r["wat"], r["duur"], r["kosten"]) for rid, r in routes.items()
        ],
        functies=[f["naam"] for f in jobs],
        stappen=[
            *(s for r in routes.values() for s in r["stappen"]),
            *(s["tekst"] for s in extra_steps),
            *(s["tekst"] for s in general_steps),
        ],
        deskundigenteam=team,
        bronnen=cite(references),
    )


# The routes someone asks about before they have an advice of their own ("wat kost een EVC?").
OVERZICHT = ("direct_registreren", "aanvullende_scholing_45ec", "evc", "praktijkprogramma",
             "deeltijd_duaal_opleiding")


def overzicht() -> tuple[list[Route], list[Bron]]:
    """Cost and duration of the main routes, as far as the sources know them, with sources."""
    catalogue = data()["routes"]
    chosen = {rid: catalogue[rid] for rid in OVERZICHT}
    return ([Route(rid, r["naam"], r["wat"], r["duur"], r["kosten"]) for rid, r in chosen.items()],
            cite(ref for r in chosen.values() for ref in r["bronnen"]))

