"""Evaluates the werktoedeling rules in bot/kennis/werktoedeling.yml.

Input: what is known about the task, the setting, the worker and the indicators
(a `Situatie`). Output: an `Advies` with the verdict, the indicators that applied,
the conditions, the reasons with their sources, or, while facts are missing, the one
question that decides the next rule. No rule lives here; only how to read them.
Reading facts from free text is bot/lezer/werkgever.py.

The rules are read by bot/regels.py, shared with the route engine.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot import regels
from bot.bronnen import Bron, cite
from bot.loader import load

JA, NEE, WEET_NIET = "ja", "nee", "weet_niet"
VRAGEN = "vragen"                # a worker kind whose registration or training must be asked
INDICATOR_VRAAG = "indicator:"   # prefix of the questions about one indicator
SAFETY_INDICATOR = "onveilig_of_risicovol"


def rules() -> dict[str, Any]:
    return load("werktoedeling")


@dataclass
class Situatie:
    """What the conversation knows. Unknown facts are None."""

    taak: str | None = None        # id from the task catalogue
    taaksoort: str | None = None   # chosen directly when the task is not in the catalogue
    werkveld: str | None = None
    medewerker: str | None = None  # kind of worker (catalogue id)
    geregistreerd: str | None = None      # the worker's own SKJ/BIG registration: ja/nee/weet_niet
    opleiding: str | None = None          # in a training that leads to registration: ja/nee
    verantwoordelijke: str | None = None  # a registered colleague carries the responsibility
    tenzij_grond: str | None = None
    onderwerp: str | None = None   # a topic the sources leave open
    antwoorden: dict[str, str] = field(default_factory=dict)  # indicator id -> ja/nee/weet_niet
    signalen: list[str] = field(default_factory=list)         # signals that apply
    ontkend: list[str] = field(default_factory=list)          # signals the person denied


@dataclass
class Indicator:
    id: str
    naam: str
    antwoord: str                  # ja or weet_niet
    signalen: list[str]            # names of the signals that were recognised


@dataclass
class Advies:
    verdict: str | None
    kop: str = ""
    regel: str = ""
    waarom: str = ""
    indicatoren: list[Indicator] = field(default_factory=list)
    onzeker: bool = False          # an indicator was answered "weet ik niet"
    deskundigenteam: bool = False  # the deskundigenteam should look at this too
    voorwaarden: list[str] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    bronnen: list[Bron] = field(default_factory=list)
    volgende_vraag: str | None = None

    @property
    def klaar(self) -> bool:
        return self.verdict is not None

    def payload(self) -> dict[str, Any]:
        """The machine-readable result, as the widget and other systems receive it."""
        return {
            "type": "werktoedeling_advies",
            "verdict": self.verdict,
            "kop": self.kop,
            "regel": self.regel,
            "waarom": self.waarom,
            "indicatoren": [asdict(i) for i in self.indicatoren],
            "onzeker": self.onzeker,
            "deskundigenteam": self.deskundigenteam,
            "voorwaarden": self.voorwaarden,
            "notities": self.notities,
            "bronnen": [b.voor_lezer() for b in self.bronnen],
        }


# --- facts -----------------------------------------------------------------------

def entry(section: str, item_id: str | None) -> dict[str, Any] | None:
    return next((e for e in rules()[section] if e["id"] == item_id), None)


def indicator_answers(situatie: Situatie) -> dict[str, str]:
    """Each indicator question's answer; a signal that applies counts as "ja"."""
    signal_to_indicator = {k: v["indicator"] for k, v in rules()["signalen"].items()}
    answers = dict(situatie.antwoorden)
    for signaal in situatie.signalen:
        answers[signal_to_indicator[signaal]] = JA
    return answers


def _yes_no(answer: str | None) -> str | None:
    if answer is None:
        return None
    return NEE if answer == NEE else JA  # "weet ik niet" counts as applying


def _worker_fact(situatie: Situatie, fact: str) -> str | None:
    """The worker's registration or training: as stated, else what the worker kind implies.
    "weet ik niet" about registration counts as not registered (a stricter answer)."""
    stated = getattr(situatie, fact)
    if stated is not None:
        return NEE if stated == WEET_NIET else stated
    kind = entry("medewerkers", situatie.medewerker)
    if kind is None:
        return None
    default = kind.get(fact, NEE)
    return None if default == VRAGEN else default


def facts(situatie: Situatie) -> dict[str, str | None]:
    """The facts the rules speak about, derived from the situation (None = unknown)."""
    task = entry("taken", situatie.taak)
    answers = indicator_answers(situatie)
    indicator_ids = [i["id"] for i in rules()["indicatoren"]]
    if any(answers.get(i) in (JA, WEET_NIET) for i in indicator_ids):
        indicator = JA
    elif all(answers.get(i) == NEE for i in indicator_ids):
        indicator = NEE
    else:
        indicator = None
    verantwoordelijke = situatie.verantwoordelijke
    return {
        "onderwerp": situatie.onderwerp or "geen",  # only recognised, never asked
        "taak": situatie.taak or (None if situatie.taaksoort is None else "anders"),
        "taaksoort": task["soort"] if task else situatie.taaksoort,
        "werkveld": situatie.werkveld,
        "medewerker": situatie.medewerker,
        "geregistreerd": _worker_fact(situatie, "geregistreerd"),
        "opleiding": _worker_fact(situatie, "opleiding"),
        "verantwoordelijke": NEE if verantwoordelijke == WEET_NIET else verantwoordelijke,
        "indicator": indicator,
        "veiligheid": _yes_no(answers.get(SAFETY_INDICATOR)),
        "tenzij_grond": situatie.tenzij_grond,
    }


def question_for(fact: str, situatie: Situatie) -> str:
    """Which question settles `fact`: the fact itself, or for `indicator` the next one."""
    if fact == "taaksoort":
        return "taak"
    if fact == "veiligheid":
        return INDICATOR_VRAAG + SAFETY_INDICATOR
    if fact == "indicator":
        answers = indicator_answers(situatie)
        open_ids = [i["id"] for i in rules()["indicatoren"] if i["id"] not in answers]
        return INDICATOR_VRAAG + open_ids[0]
    return fact


# --- rules -----------------------------------------------------------------------

def evaluate(situatie: Situatie) -> Advies:
    rule, unknown = regels.decide(rules()["regels"], facts(situatie))
    if rule is None:
        return Advies(verdict=None, volgende_vraag=question_for(unknown, situatie))
    return _advice(rule, situatie)


def _advice(rule: dict[str, Any], situatie: Situatie) -> Advies:
    data = rules()
    answers = indicator_answers(situatie)
    signal_names = {k: v["naam"] for k, v in data["signalen"].items()}
    applied = [
        Indicator(
            id=i["id"],
            naam=i["naam"],
            antwoord=answers[i["id"]],
            signalen=[signal_names[s] for s in situatie.signalen if s in i["omvat"] and s != i["id"]],
        )
        for i in data["indicatoren"]
        if answers.get(i["id"]) in (JA, WEET_NIET)
    ]
    uses_indicators = "indicator" in rule["als"]
    # An indicator answered "weet ik niet" offers the team with any verdict (README), also when
    # the task alone decided it.
    uncertain = any(i.antwoord == WEET_NIET for i in applied)

    condition_sets = list(rule.get("voorwaarden", []))
    if rule["dan"] != "deskundigenteam" and facts(situatie)["opleiding"] == JA:
        condition_sets += [c for c in ("stagiair",) if c not in condition_sets]
    conditions = [c for key in condition_sets for c in data["voorwaarden"][key]]

    setting = entry("werkvelden", situatie.werkveld)
    notes = [setting["notitie"]] if setting and rule["dan"] != "deskundigenteam" else []
    safety = data["veiligheidsnotitie"]
    if set(situatie.signalen) & set(safety["signalen"]):
        notes.insert(0, safety["tekst"])  # a child in danger named with the task: 112 and Veilig Thuis too

    references = list(rule["bronnen"])
    if uses_indicators:
        for indicator in data["indicatoren"]:
            if any(i.id == indicator["id"] for i in applied):
                references += indicator["bronnen"]
    for condition in conditions:
        references += condition["bronnen"]
    if notes:
        references += setting["bronnen"]

    return Advies(
        verdict=rule["dan"],
        kop=rule.get("kop") or data["uitkomsten"][rule["dan"]]["kop"],  # a rule may say it its own way
        regel=rule["id"],
        waarom=rule["waarom"],
        indicatoren=applied if uses_indicators else [i for i in applied if i.antwoord == WEET_NIET],
        onzeker=uncertain,
        deskundigenteam=rule["dan"] == "deskundigenteam" or bool(rule.get("deskundigenteam")) or uncertain,
        voorwaarden=[c["tekst"] for c in conditions],
        notities=notes,
        bronnen=cite(references),
    )
