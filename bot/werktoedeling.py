"""Evaluates the werktoedeling rules in bot/kennis/werktoedeling.yml.

Input: what is known about the task, the setting, the worker and the indicators
(a `Situatie`). Output: an `Advies` with the verdict, the indicators that applied,
the conditions, the reasons with their sources, or, while facts are missing, the one
question that decides the next rule. No rule lives here; only how to read them.

The rules are read by bot/regels.py, shared with the route engine.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot import herkenning, regels
from bot.bronnen import Bron, cite
from bot.loader import load

JA, NEE, WEET_NIET = "ja", "nee", "weet_niet"
INDICATOR_VRAAG = "indicator:"  # prefix of the questions about one indicator


def rules() -> dict[str, Any]:
    return load("werktoedeling")


@dataclass
class Situatie:
    """What the conversation knows. Unknown facts are None."""

    taak: str | None = None        # id from the task catalogue
    taaksoort: str | None = None   # chosen directly when the task is not in the catalogue
    werkveld: str | None = None
    medewerker: str | None = None
    tenzij_grond: str | None = None
    onderwerp: str | None = None   # a topic the sources leave open
    antwoorden: dict[str, str] = field(default_factory=dict)  # indicator id -> ja/nee/weet_niet
    signalen: list[str] = field(default_factory=list)         # SKJ indicators seen in the text


@dataclass
class Indicator:
    id: str
    naam: str
    antwoord: str                  # ja or weet_niet
    signalen: list[str]            # names of the SKJ indicators that were recognised


@dataclass
class Advies:
    verdict: str | None
    kop: str = ""
    regel: str = ""
    waarom: str = ""
    indicatoren: list[Indicator] = field(default_factory=list)
    onzeker: bool = False          # an indicator was answered "weet ik niet"
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
            "voorwaarden": self.voorwaarden,
            "notities": self.notities,
            "bronnen": [asdict(b) for b in self.bronnen],
        }


# --- facts -----------------------------------------------------------------------

def _catalogue_entry(section: str, item_id: str | None) -> dict[str, Any] | None:
    return next((e for e in rules()[section] if e["id"] == item_id), None)


def indicator_answers(situatie: Situatie) -> dict[str, str]:
    """Each indicator's answer; a recognised signal counts as "ja"."""
    signal_to_indicator = {k: v["indicator"] for k, v in rules()["signalen"].items()}
    answers = dict(situatie.antwoorden)
    for signaal in situatie.signalen:
        answers[signal_to_indicator[signaal]] = JA
    return answers


def facts(situatie: Situatie) -> dict[str, str | None]:
    """The facts the rules speak about, derived from the situation (None = unknown)."""
    task = _catalogue_entry("taken", situatie.taak)
    answers = indicator_answers(situatie)
    indicator_ids = [i["id"] for i in rules()["indicatoren"]]
    if any(answers.get(i) in (JA, WEET_NIET) for i in indicator_ids):
        indicator = JA
    elif all(answers.get(i) == NEE for i in indicator_ids):
        indicator = NEE
    else:
        indicator = None
    return {
        "onderwerp": situatie.onderwerp or "geen",  # only recognised, never asked
        "taaksoort": task["soort"] if task else situatie.taaksoort,
        "werkveld": situatie.werkveld,
        "medewerker": situatie.medewerker,
        "indicator": indicator,
        "tenzij_grond": situatie.tenzij_grond,
    }


def question_for(fact: str, situatie: Situatie) -> str:
    """Which question settles `fact`: the fact itself, or for `indicator` the next one."""
    if fact == "taaksoort":
        return "taak"
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
            signalen=[signal_names[s] for s in situatie.signalen if s in i["omvat"]],
        )
        for i in data["indicatoren"]
        if answers.get(i["id"]) in (JA, WEET_NIET)
    ]
    uses_indicators = "indicator" in rule["als"]

    condition_sets = list(rule.get("voorwaarden", []))
    worker = _catalogue_entry("medewerkers", situatie.medewerker)
    if rule["dan"] != "deskundigenteam" and worker:
        condition_sets += [c for c in worker.get("voorwaarden", []) if c not in condition_sets]
    conditions = [c for key in condition_sets for c in data["voorwaarden"][key]]

    setting = _catalogue_entry("werkvelden", situatie.werkveld)
    notes = [setting["notitie"]] if setting and rule["dan"] != "deskundigenteam" else []

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
        kop=data["uitkomsten"][rule["dan"]]["kop"],
        regel=rule["id"],
        waarom=rule["waarom"],
        indicatoren=applied if uses_indicators else [],
        onzeker=uses_indicators and any(i.antwoord == WEET_NIET for i in applied),
        voorwaarden=[c["tekst"] for c in conditions],
        notities=notes,
        bronnen=cite(references),
    )


# --- reading free text -----------------------------------------------------------

CATALOGUES = {
    "taak": "taken", "medewerker": "medewerkers", "werkveld": "werkvelden",
    "tenzij_grond": "tenzij_gronden", "onderwerp": "onderwerpen",
}


def resolve(fact: str, value: str) -> str | None:
    """A value from a button or an entity, as a catalogue id (None if unknown)."""
    if fact == "taaksoort":
        return value if value in rules()["taaksoorten"] else None
    entries = rules()[CATALOGUES[fact]]
    if value in {e["id"] for e in entries}:
        return value
    return herkenning.first(value, herkenning.catalogue(entries))


def recognise(text: str) -> dict[str, Any]:
    """Facts stated in a message: task, worker, setting, tenzij ground, open topic,
    indicator signals, and indicators the user says do not apply ("geen geweld")."""
    data = rules()
    found: dict[str, Any] = {}
    for fact, section in CATALOGUES.items():
        deniable = fact == "tenzij_grond"  # "geen goede band" denies; "zonder SKJ" describes
        item = herkenning.first(text, herkenning.catalogue(data[section]), deniable)
        if item:
            found[fact] = item
    signal_words = {k: v["woorden"] for k, v in data["signalen"].items()}
    mentions = herkenning.find_all(text, signal_words)
    found["signalen"] = sorted({m.item for m in mentions if not m.negated})
    denied = {data["signalen"][m.item]["indicator"] for m in mentions if m.negated}
    found["ontkend"] = sorted(denied - {data["signalen"][s]["indicator"] for s in found["signalen"]})
    return found
