"""Reads an employer's message into werktoedeling facts: the opening or an answer.

What the catalogues in bot/kennis/werktoedeling.yml name (task, setting, kind of worker,
signals, tenzij grounds, open topics), plus who is who: "een geregistreerde collega is
verantwoordelijk" says something about the colleague, not about the worker who would do
the task, and "de gedragswetenschapper stelt het plan vast" is not the worker's task.

The question that is pending decides how a short reply is read: "nee" to "Staat de
medewerker in het register?" is about registration, "nee" to an indicator question is
about that indicator. A denial of one signal ("er is geen geweld") denies only that signal.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from bot import werktoedeling as wt
from bot.lezer import antwoord
from bot.lezer.catalogus import Catalogus, Vondst, catalogus, forms, from_entries, is_dutch_word
from bot.lezer.tekst import BREAK, FILLER, NEGATIONS, PAST, normalise

INDICATOR_IDS = [i["id"] for i in wt.rules()["indicatoren"]]
# Words for the colleague who carries the responsibility (not the worker asked about).
COLLEAGUE = ["collega", "collega's", "werkbegeleider", "praktijkbegeleider", "praktijkopleider",
             "gedragswetenschapper", "gw", "gw'er", "jeugdbeschermer", "casusregisseur", "regiehouder",
             "regievoerder", "behandelaar", "hoofdbehandelaar", "teamleider", "leidinggevende", "supervisor",
             "begeleider van", "haar begeleider", "zijn begeleider", "skj'er", "hbo collega", "hbo'er", "jeugdhulpverlener",
             "orthopedagoog", "psycholoog", "mentor", "coordinator", "manager", "tandempartner", "tandem",
             "jb", "jb'er", "jr", "jr'er", "gezinsvoogd", "jeugdreclasseerder"]
REGISTERED = ["geregistreerd", "geregistreerde", "skj", "skj geregistreerd", "big", "big geregistreerd",
              "registratie", "in het register", "ingeschreven", "skj registratie", "skj'er", "big registratie",
              "staat in het register", "staat ingeschreven"]
RESPONSIBLE = ["verantwoordelijk", "verantwoordelijke", "verantwoordelijkheid", "eindverantwoordelijk",
               "heeft besloten", "besloten", "besluit", "beslist", "stelt het vast", "stelt vast",
               "regie", "supervisie", "toezicht", "stelt het plan vast", "stelt plan vast", "plan vaststellen",
               "de leiding", "aanspreekpunt", "casusregie", "werkbegeleiding", "begeleidt haar", "begeleidt hem",
               "tandem", "samen met", "meekijkt", "kijkt mee", "aangestuurd", "aansturing",
               "ondertekent", "tekent", "tekent het"]
# The colleague's own decisions (a subset of RESPONSIBLE): "de jeugdbeschermer beslist", "de gw
# stelt het vast", "de jeugdbeschermer ondertekent het" (issue 16 audit).
DECIDING = ["heeft besloten", "besloten", "besluit", "beslist", "stelt het vast", "stelt vast", "stelt het plan vast",
            "ondertekent", "tekent", "heeft vastgesteld", "vastgesteld", "heeft het plan vastgesteld"]
UNDER = ["onder verantwoordelijkheid", "onder de verantwoordelijkheid", "onder toezicht", "onder supervisie",
         "onder begeleiding", "onder regie", "in tandem", "in een tandem", "samen met een geregistreerde",
         "samen met een hbo", "onder de vlag van", "werkbegeleider", "praktijkbegeleider"]
# Training that leads to registration, or not (for the question about training).
# "Duaal" or "deeltijd" alone does not say hbo or wo: an mbo can be duaal too (review 3, finding 11).
# Only programmes the sources name as leading to registration (README routes); "hbo", "master" or
# "traineeship" alone can be hbo bedrijfskunde or an mbo course (review 4 of issue 16, finding 5).
# "Sociaal werk" or "sw" alone can be mbo Sociaal Werk (publieke-bronnen B.5): only with "hbo" or
# "deeltijd" (an hbo form) does it lead to registration; else the question is asked (review 7, finding 2).
TRAINING_YES = ["social work", "hbo sociaal werk", "hbo sw", "deeltijd sociaal werk", "deeltijd sw", "pedagogiek", "sph", "mwd", "toegepaste psychologie",
                "orthopedagogiek", "master jeugdzorg", "master psychologie", "master pedagogiek", "evc",
                "traject naar registratie", "registratietraject", "45 ec", "aanvullende scholing", "praktijkprogramma",
                "opleiding tot jeugdbeschermer", "opleiding tot jeugdzorgwerker", "richting skj", "richting registratie",
                "naar registratie", "traineeship richting skj"]
# Words just before a training that say someone is doing it now ("doet deeltijd sw").
STUDYING = {"volgt", "doet", "studeert", "deeltijd", "duaal", "duale", "bezig", "student", "studente", "opleiding"}
TRAINING_NO = ["mbo", "bbl", "mbo 4", "mbo niveau", "roc", "geen opleiding", "niet in opleiding", "volgt niks",
               "volgt niets", "doet geen opleiding"]
NO_INDICATORS = ["geen indicatoren", "geen van de indicatoren", "geen van alle", "geen van die", "niets daarvan",
                 "niks daarvan", "geen van deze", "speelt allemaal niet", "speelt niks", "speelt niets"]
WRITING = ["schrijven", "uitschrijven", "uitwerken", "opstellen", "voorbereiden", "concept", "typen", "uittypen",
           "opschrijven", "eerste versie", "opzet"]
WORKING_AS = ["werkt als", "werkzaam als", "functie van", "functie als", "aangenomen als", "in dienst als",
              "nu als", "werkt nu als", "ingezet als"]
TRAINED_AS = ["opgeleid als", "opleiding tot", "opleiding als", "van huis uit", "oorspronkelijk", "van origine",
              "vroeger", "afgestudeerd als", "gediplomeerd"]
# "hbo sph student", "social work stagiaire": the programme someone studies, not their role.
TRAINED_AFTER = {"afgerond", "gestudeerd", "diploma", "opleiding", "afgestudeerd", "gediplomeerd", "achtergrond",
                 "student", "studente", "stagiair", "stagiaire", "stagaire"}
# Registered people in general ("de gemeente wil alleen geregistreerden"), not the worker asked about.
PEOPLE_IN_GENERAL = ["geregistreerden", "professionals", "medewerkers", "mensen", "krachten", "hulpverleners",
                     "collega's", "skj'ers"]
# A clause that asks whether registration is needed ("moet die geregistreerd zijn?"), or speaks of
# registration as a goal ("traineeship richting skj", "wil haar registratie halen"), says nothing
# about whether the worker is registered now: then the assistant asks (issue 16: never inferred).
REQUIREMENT = {"moet", "moeten", "moest", "nodig", "verplicht", "vereist", "hoeft", "hoeven", "eis", "eisen",
               "noodzakelijk", "vereiste", "verplichting"}
TOWARDS = {"richting", "naar", "tot", "voor", "traject", "wordt", "worden", "straks", "later", "binnenkort"}
GOAL = {"halen", "behalen", "aanvragen", "aangevraagd", "krijgen", "aanvraag"}
# The same for a plan, wish, ability or process before the registration in its clause ("gaat zich
# registreren", "wil geregistreerd worden", "kan zich inschrijven", "laat zich registreren", "is
# bezig met registreren"), a question how ("hoe registreert ze zich") and a condition ("als ze
# geregistreerd is"): none says the worker is registered now (issue 16 audit).
INTENT = {"gaat", "gaan", "ga", "wil", "wilt", "willen", "wilde", "wou", "kan", "kun", "kunt", "kunnen",
          "zal", "zullen", "zou", "zouden", "laat", "laten", "liet", "probeert", "proberen", "hoopt", "hopen",
          "bezig", "plan", "plannen", "overweegt", "begint", "beginnen", "start", "starten"}
HOW = {"hoe", "hoezo", "waar"}
SUBJECTS = {"ze", "zij", "hij", "die", "de", "het", "een", "onze", "ons", "mijn", "iemand", "je", "jij", "u", "we", "wij"}
EVERYONE = {"iedereen", "alle", "allemaal", "niemand", "elke", "iedere"}
CONDITION = {"als", "indien", "mits", "zodra", "wanneer", "tenzij"}
# Registering as an act, not the state of being registered ("registreert zich", "schrijft zich in"):
# a statement only in the perfect ("heeft zich laten registreren").
ACT = {"registreren", "registreer", "registreert", "inschrijven", "inschrijft", "schrijft", "schrijf",
       "schrijven", "aanmelden", "meldt", "meld"}
PERFECT = {"heeft", "hebben", "heb", "had", "hadden"}
WRITES = {"schrijft", "schrijf", "schrijven", "meldt", "meld"}  # also "writes", "reports": only with "zich"
# Words that say the help cannot be given without this worker's skill (a tenzij ground, README).
ESSENTIAL = ["kan niet zonder", "niet zonder", "essentieel", "noodzakelijk", "onmisbaar",
             "anders niet", "alleen zij", "alleen hij", "specifieke vaardigheden", "specifieke expertise"]
OTHER_REGISTERS = ["nip", "nvo", "kinder en jeugdpsycholoog", "k&j", "basisaantekening"]
QUESTION_VERBS = {"moet", "moeten", "mag", "mogen", "kan", "kunnen", "is", "zijn", "hoeft", "hoeven"}
# A clause that starts with one of these has no subject of its own: it goes on about the last one.
CONTINUING_VERBS = {"is", "heeft", "staat", "was", "zit", "werkt", "draagt", "blijft"}
# "haar begeleider is een spv'er, big-geregistreerd verpleegkundige maar niet in het skj": a
# description after a comma, or "maar niet ...", is about the same person (batch 7, development half)
APPOSITION_STARTS = {"big", "skj", "geregistreerd", "geregistreerde", "niet", "wel", "ook"}
# Words that make a relationship one not worth keeping (review 4 of issue 16, finding 1).
BAD = {"slecht", "slechte", "moeizaam", "moeizame", "verstoord", "verstoorde", "stroef", "stroeve", "gespannen",
       "lastig", "lastige", "onveilig", "onveilige", "matig", "matige", "geen"}
# A registration said to have lapsed (one said in the past: tekst.PAST).
LAPSED = {"verlopen", "vervallen", "uitgeschreven"}
# The family, as the subject of a clause: what they speak is not the worker's skill.
FAMILY = {"ouders", "ouder", "moeder", "vader", "gezin", "familie", "kind", "kinderen", "jongere", "pleegouders"}
# Registers that are neither SKJ nor BIG: "in het register vaktherapie" is no registration here.
SKJ = {"skj", "skj'er", "kwaliteitsregister"}
PARAMEDICUS = "vaktherapeut_paramedicus"
# Groups, not this young person or family: a bond with them is a trait of the worker.
PEOPLE_IN_GENERAL = {"pubers", "jongeren", "kinderen", "gezinnen", "iedereen", "mensen", "clienten", "cliënten",
                     "doelgroep", "tieners", "makkelijk", "snel", "altijd"}
# Workplaces with rules of their own, and the words that name a jeugdhulpaanbieder as an
# organisation (not a kind of care such as "thuisbegeleiding" that any workplace gives).
OWN_RULES = {"wijkteam", "jeugdbescherming", "veilig_thuis"}
ORGANISATION_WORDS = {"jeugdhulp", "jeugdzorg", "jeugdhulpaanbieder", "jeugdzorgaanbieder", "zorgaanbieder", "aanbieder",
                      "jeugdhulporganisatie", "jeugdzorginstelling", "instelling"}
# Where someone knows a family from outside the help: no helping relationship to keep (R17d names
# "de bestaande relatie van een jongere met een niet-geregistreerde hulpverlener"; review 11 of
# issue 16, finding 3: "ze kent het gezin van de kerk").
PRIVATE = {"kerk", "moskee", "buurt", "straat", "wijk", "sportclub", "voetbal", "voetbalclub", "club", "vereniging",
           "prive", "privé", "vriendin", "vriend", "vrienden", "buren", "buurvrouw", "buurman", "sport",
           "vroeger", "kinderopvang", "oppas", "familielid", "nicht", "neef", "tante", "oom"}
NOT_SKJ_OR_BIG = {"vaktherapie", "vaktherapeuten", "nip", "nvo", "registerplein"}
# A registration asked for and not yet given: "zit in de aanvraag", "is aangevraagd"
APPLIED = {"aanvraag", "aangevraagd", "aanvragen"}

# A sentence that starts with one of these refers back to the one before: "Onze gemeente heeft
# nieuwe inkoopvoorwaarden. Daarin staat dat ..."; "De gemeente is onze opdrachtgever. Die wil ...".
REFERS_BACK = {"daarin", "daarbij", "daar", "hierin", "hierbij", "die", "dat", "dit", "deze", "zij", "ze"}
# Words that start a subordinate clause when a subject follows ("... werken als hij al jaren
# ervaring heeft"): for topics, such a clause is a clause of its own.
SUBORDINATE = {"als", "omdat", "nadat", "sinds", "terwijl", "hoewel", "zodat", "doordat", "wanneer", "zodra"}


@dataclass
class Lezing:
    """Facts read from one message (slot values by fact name), and which were only guessed."""

    feiten: dict[str, Any] = field(default_factory=dict)
    antwoorden: dict[str, str] = field(default_factory=dict)  # indicator id -> ja/nee/weet_niet
    signalen: list[str] = field(default_factory=list)
    ontkend: list[str] = field(default_factory=list)
    geraden: set[str] = field(default_factory=set)
    bevestigd: bool | None = None

    def __bool__(self) -> bool:
        return bool(self.feiten or self.antwoorden or self.signalen or self.ontkend
                    or self.bevestigd is not None)


@functools.lru_cache(maxsize=1)
def _catalogues() -> dict[str, Catalogus]:
    data = wt.rules()
    return {
        "taak": from_entries(data["taken"]),
        "medewerker": from_entries(data["medewerkers"]),
        "werkveld": from_entries(data["werkvelden"]),
        "werkveld_antwoord": catalogus({w["id"]: w["als_antwoord"] for w in data["werkvelden"] if w.get("als_antwoord")}),
        "tenzij_grond": from_entries(data["tenzij_gronden"]),
        "geen_grond": catalogus({"anders": data["geen_tenzij_grond"]["woorden"]}),
        "signalen": catalogus({k: v["woorden"] for k, v in data["signalen"].items()}),
        "colleague": catalogus({"collega": COLLEAGUE}),
        "registered": catalogus({"geregistreerd": REGISTERED}),
        "responsible": catalogus({"verantwoordelijk": RESPONSIBLE}),
        "deciding": catalogus({"beslist": DECIDING}),
        "under": catalogus({"onder": UNDER}),
        "training": catalogus({"ja": TRAINING_YES, "nee": TRAINING_NO}),
        "no_indicators": catalogus({"nee": NO_INDICATORS}),
        "other_registers": catalogus({"ander": OTHER_REGISTERS}),
        "writing": catalogus({"schrijven": WRITING}),
        # The document a writing task is about, for "..., mag zij het opstellen?" (werktoedeling.yml, `document`)
        "document": catalogus({t["id"]: t["document"] for t in data["taken"] if t.get("document")}),
        "essential": catalogus({"essentieel": ESSENTIAL}),
        "big_beroep": catalogus({k: v for k, v in data["big_beroepen"].items() if k != "bronnen"}),
    }


def _clauses(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of the clauses of a message: at punctuation, "maar", "terwijl", "want", and at
    "en"/"die" where a new subject starts ("zij schrijft het en de gw stelt het vast")."""
    starts = [0]
    subjects = {"de", "het", "een", "zij", "hij", "ze", "onze", "mijn", "haar", "zijn", "wij", "we", "ik"}
    for i, token in enumerate(tokens):
        if token in (BREAK, "maar", "terwijl", "want", "omdat"):
            starts.append(i + 1)
        elif token == "of" and i + 1 < len(tokens) and tokens[i + 1] in QUESTION_VERBS:
            starts.append(i + 1)  # "mag onze mbo'er dit oppakken of moet het een skj'er zijn"
        elif token == "en" and i + 1 < len(tokens) and tokens[i + 1] in subjects:
            starts.append(i + 1)
        elif token in ("als", "nadat", "waarna", "voordat") and i + 1 < len(tokens) \
                and tokens[i + 1] in ("de", "het", "een", "onze", "mijn"):
            # "... het plan schrijven als de orthopedagoog het vaststelt" (batch 10); not "als ze
            # geregistreerd is", a condition about the same worker
            starts.append(i + 1)
        elif token == "die":
            starts.append(i)  # "een collega die geregistreerd is": the clause keeps its noun
    ends = starts[1:] + [len(tokens)]
    return [(s, e) for s, e in zip(starts, ends) if s < e]


def _in(vondst: Vondst, span: tuple[int, int]) -> bool:
    return span[0] <= vondst.start < span[1]


def _colleague_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Clauses that speak about the registered colleague who is responsible."""
    cat = _catalogues()
    # "onze psycholoog is geregistreerd": the first worker named is the worker, not a colleague,
    # unless another worker is named as "onze ..." ("de jeugdbeschermer heeft besloten ...,
    # mag onze ondersteuner ...")
    # "onder verantwoordelijkheid van de gedragswetenschapper": the one after it is the colleague
    under = cat["under"].outermost(text)
    workers = [w for w in cat["medewerker"].outermost(text)
               if tokens[w.start] not in ("collega", "collega's")
               and (w.start == 0 or tokens[w.start - 1] not in ("geregistreerde", "skj", "big"))
               and not _after_under(w, under, tokens)]
    ours = [w for w in workers if w.start > 0 and tokens[w.start - 1] in ("onze", "ons", "mijn")]
    # "de jeugdbeschermer beslist over het verzoekschrift, mag de ondersteuner het opstellen?": one
    # who decides, signs or establishes is the colleague when another worker is named
    doing = [w for w in workers if not _decides(w, text, tokens)]
    first_worker = ours[0] if ours else (doing[0] if doing else (workers[0] if workers else None))
    # "staat in het big als gz-psycholoog" names the worker's profession, "namens de jeugdbeschermer"
    # on whose behalf: neither is the colleague who is responsible
    colleague = [c for c in cat["colleague"].find_all(text)
                 if not (first_worker and first_worker.start <= c.start < first_worker.end)
                 and not {"als", "namens"} & set(tokens[max(0, c.start - 2):c.start])]
    marks = cat["registered"].find_all(text) + cat["responsible"].find_all(text)
    spans, previous_names_colleague = [], False
    for span in _clauses(tokens):
        names_colleague = any(_in(c, span) for c in colleague)
        # "die" starts a clause about the word before it: "een collega die geregistreerd is";
        # a clause that starts with a verb, or a word in brackets, goes on about the same person
        # ("haar werkbegeleider heeft 20 jaar ervaring, maar is mbo en niet geregistreerd";
        # "haar begeleider (skj) stelt het vast")
        subject_before = span[0] > 0 and (
            (tokens[span[0]] == "die" and any(c.end == span[0] for c in colleague))
            or ((tokens[span[0]] in CONTINUING_VERBS or tokens[span[0]] in APPOSITION_STARTS
                 or span[1] - span[0] <= 2) and previous_names_colleague))
        requirement = bool(set(tokens[span[0]:span[1]]) & REQUIREMENT)  # "of moet het een skj'er zijn"
        if (subject_before or names_colleague) and any(_in(m, span) for m in marks) and not requirement:
            # "een zij-instromer onder de verantwoordelijkheid van een collega": who stands before
            # "onder" is the worker; the colleague's part starts there
            start = next((u.start for u in under if _in(u, span)
                          and any(_in(c, span) and c.start >= u.end for c in colleague)), span[0])
            spans.append((start, span[1]))
        previous_names_colleague = names_colleague or subject_before
    return spans


def _decides(worker: Vondst, text: str, tokens: list[str]) -> bool:
    """"de orthopedagoog leest het en stelt het vast": a worker who decides, signs or establishes
    in the same clause."""
    return any(_in(d, c) and d.start >= worker.end and _in(worker, c)
               for d in _catalogues()["deciding"].find_all(text) for c in _clauses(tokens))


def read(text: str, pending: str | None = None, medewerker: str | None = None) -> Lezing:
    """The facts one message states. `pending` is the question that was asked (a slot
    name without the "wt_" prefix, such as "geregistreerd" or "onveilig_of_risicovol");
    `medewerker` the kind of worker known from earlier messages, if any."""
    lezing = Lezing()
    if not text.strip():
        return lezing
    cat = _catalogues()
    tokens = normalise(text).split()
    colleague_spans = _colleague_spans(text, tokens)

    def about_colleague(vondst: Vondst) -> bool:
        return any(_in(vondst, span) for span in colleague_spans)

    _read_catalogue_facts(text, tokens, pending, lezing, about_colleague)
    planned, stated = _read_roles(text, lezing, colleague_spans, about_colleague)
    if pending == "verantwoordelijke" and "geregistreerd" in lezing.feiten:
        # "ja, de jb van het gezin is skj", "de teamleider, maar die is niet geregistreerd": the
        # answer to "is er een geregistreerde collega?" is about that colleague, never about the
        # worker (issue 15: read as the worker's registration)
        registered = lezing.feiten.pop("geregistreerd")
        lezing.geraden.discard("geregistreerd")
        if registered in (wt.JA, wt.NEE) and not {"zelf", "zijzelf", "hijzelf"} & set(tokens):
            lezing.feiten.setdefault("verantwoordelijke", registered)
    _read_signals(text, lezing)
    _read_topic(text, tokens, lezing)
    _read_reply(text, pending, lezing, planned)
    if lezing.feiten.get("geregistreerd") == wt.JA:
        lezing.feiten["geregistreerd"] = _registered_now(tokens)
    _read_big(text, tokens, pending, lezing, stated, medewerker)
    return lezing


def _read_catalogue_facts(text: str, tokens: list[str], pending: str | None, lezing: Lezing,
                          about_colleague) -> None:
    cat = _catalogues()
    under = cat["under"].outermost(text)  # "onder begeleiding" is no task
    tasks = [_administrative(t, tokens) for t in cat["taak"].outermost(text)
             if not any(u.start <= t.start < u.end for u in under)]
    # "onze stagiaire gaat samen met een collega ...": "onze" names the worker, even in the colleague's clause
    # "mijn partner (geen opleiding in de zorg)" names no trainee: a denied worker is no worker
    workers = [v for v in cat["medewerker"].outermost(text) if not v.negated
               and (not about_colleague(v) or (v.start > 0 and tokens[v.start - 1] in ("onze", "ons", "mijn")))]
    # "onze orthopedagoog heeft het plan al vastgesteld": what another named worker decides or
    # establishes is theirs, not the task asked about (batch 7, development half)
    deciders = [c for c in _clauses(tokens) for w in workers[1:] if _in(w, c) and _decides(w, text, tokens)]
    own_tasks = _by_likelihood([v for v in tasks if not about_colleague(v) and not _denied(v, tokens)
                                and not any(_in(v, c) for c in deciders)],
                               workers, cat["werkveld"].outermost(text), tokens)
    if pending == "werkveld":
        pass  # the task was asked first; "ambulant en dagbehandeling" describes the workplace (batch 6)
    elif own_tasks:
        _take(lezing, "taak", _first_that_goes_before(own_tasks, tokens))
    elif cat["writing"].first(text):
        # "de gw stelt het plan vast, zij schrijft het uit"; "de jeugdbeschermer beslist over het
        # verzoekschrift, mag de ondersteuner het opstellen?": the worker writes that document
        if any(v.item == "plan_vaststellen" for v in tasks):
            lezing.feiten["taak"] = "plan_schrijven"
        else:
            document = next((v for v in cat["taak"].find_all(text) if v.exact
                             and (wt.entry("taken", v.item) or {}).get("soort") == "ondersteunend"),
                            cat["document"].first(text))
            if document:
                _take(lezing, "taak", document)
    if pending:
        # In an answer, one who decides is the colleague: "ze schrijft het concept, en de
        # orthopedagoog stelt het vast" (batch 6, development half)
        workers = [w for w in workers if not _decides(w, text, tokens)]
    if workers:
        _take(lezing, "medewerker", _working_role(workers, tokens, _asked_words(text, tokens)))
    # A setting only by its words in order: "thuis is het veilig" is no Veilig Thuis (batch 3);
    # and not one that is denied: "ze werkt niet bij veilig thuis maar ..." (review 8, finding 18)
    # Of two workplaces, the one with its own rules goes before a general care word: "thuisbegeleiding
    # doen in het wijkteam" is the wijkteam (review 11 of issue 16, finding 17: read as a jeugdhulpaanbieder).
    settings = [v for v in cat["werkveld"].find_all(text) if v.exact and not v.negated
                and (v.item != "veilig_thuis" or _veilig_thuis_as_workplace(v, tokens, pending))]
    own_rules = any(v.item in OWN_RULES for v in settings)
    # (the gemeente that buys the care is not the workplace: "jeugdhulpaanbieder, de gemeente
    # koopt bij ons in"; nor the wijkteam a jeugdhulpaanbieder works with, named as one)
    setting = min(settings, key=lambda v: (own_rules and v.item == "jeugdhulp"
                                           and not set(tokens[v.start:v.end]) & ORGANISATION_WORDS, v.start),
                  default=None)
    if setting is None and pending == "werkveld":
        setting = cat["werkveld_antwoord"].first(text)  # "jr": an answer, not "2 jr" in a sentence
    if setting is None and pending == "werkveld":
        # as the answer, other forms and typos count too: "ambulante jeugzorg" (batch 10)
        setting = next((v for v in cat["werkveld"].find_all(text)
                        if not v.negated and v.item != "veilig_thuis"), None)
    if setting:
        _take(lezing, "werkveld", setting)
    essential = _essential(text, tokens)
    # "zonder gebarentaal kun je niet werken" names the skill as essential, it does not deny it
    # the first ground said of the worker: "de jongeren vertrouwen haar, ze kent dit gezin al jaren"
    grounds = sorted((g for g in cat["tenzij_grond"].outermost(text) if essential or not g.negated),
                     key=lambda g: g.start)
    ground = next((g for g in grounds if _grond_about_worker(g, tokens)), None)
    if ground and pending == "tenzij_grond" and _plain_no(text, tokens):
        # "nee, de relatie is niet bijzonder": the answer is no; a ground read against it would
        # make the verdict more permissive than the person said (review 8, finding 19)
        ground = None
    if ground and ground.item == "specifieke_vaardigheden" and not essential:
        # "spreekt turks" says a skill, not that the help cannot be given without it (README):
        # outside the ground question it is not a ground; as its answer it is shown with a "?"
        # in the summary, for the person to confirm (second review, issue 16).
        if pending == "tenzij_grond":
            lezing.feiten["tenzij_grond"] = ground.item
            lezing.geraden.add("tenzij_grond")
        ground = None
    if ground:
        _take(lezing, "tenzij_grond", ground)
    elif pending == "tenzij_grond" and (cat["geen_grond"].first(text, skip_negated=True) or any(
            g.item == "bestaande_relatie" and set(tokens[slice(*_clause_of(g, tokens))]) & PRIVATE for g in grounds)):
        # a trait the sources do not name as a ground, or knowing the family privately
        lezing.feiten["tenzij_grond"] = "anders"


ADMINISTRATIVE = {"administratief", "administratieve"}
MODALS = {"wil", "gaat", "kan", "mag", "moet", "zal", "gaan", "willen", "kunnen", "mogen", "ook", "graag"}


def _administrative(task: Vondst, tokens: list[str]) -> Vondst:
    """"ons team administratief (wil) ondersteunen": the word before the verb makes direct help
    administrative work (batch 10, development half: read as help in the family)."""
    if (wt.entry("taken", task.item) or {}).get("soort") != "direct":
        return task
    i = task.start - 1
    while i >= 0 and tokens[i] in MODALS:
        i -= 1
    if i >= 0 and tokens[i] in ADMINISTRATIVE:
        return dataclasses.replace(task, item="administratieve_ondersteuning", start=i)
    return task


def _plain_no(text: str, tokens: list[str]) -> bool:
    """A reply that opens with a sure "nee" and turns nowhere ("nee, maar ze kent hem al jaren"
    turns: the ground after "maar" counts)."""
    reply = antwoord.read(text)
    return bool(reply and reply.waarde == wt.NEE and reply.zeker and not {"maar", "wel"} & set(tokens))


def _grond_about_worker(ground: Vondst, tokens: list[str]) -> bool:
    """Whether a tenzij ground is said of the worker. "een slechte band", "de relatie tussen de
    ouders" is no relationship worth keeping; "de ouders spreken de taal niet goed" says what the
    family speaks, not the worker (review 5 of issue 16, finding 2)."""
    start, end = _clause_of(ground, tokens)
    clause = tokens[start:end]
    if ground.item == "bestaande_relatie":
        # "ze heeft altijd snel een goede band met pubers": a trait, not a relationship with this
        # young person or family (review 9 of issue 16, finding 6)
        return not (set(clause) & BAD or "tussen" in clause or set(clause) & PEOPLE_IN_GENERAL
                    or set(clause) & PRIVATE)
    return not set(tokens[max(start, ground.start - 3):ground.start]) & FAMILY


def _essential(text: str, tokens: list[str]) -> bool:
    """Whether the message says the help cannot be given without it: an ESSENTIAL phrase, or
    "zonder ..." followed by "niet" in the same sentence ("zonder haar bereiken we het gezin niet")."""
    if _catalogues()["essential"].first(text):
        return True
    for sentence in " ".join(tokens).split(BREAK):
        words = sentence.split()
        if "zonder" in words and "niet" in words[words.index("zonder") + 1:]:
            return True
    return False


def _first_that_goes_before(tasks: list[Vondst], tokens: list[str]) -> Vondst:
    """The task asked about: the first, unless the message also names a task that goes before
    it (`gaat_voor` in the task catalogue): signing or deciding on a verzoekschrift is what the
    sources leave open, wherever it stands next to writing it (kennisbank §6.11; issue 16 audit).
    "tekenen" alone can be drawing: it goes before nothing."""
    kinds = {v.item: (wt.entry("taken", v.item) or {}).get("soort") for v in tasks}
    for vondst in tasks:
        before = set((wt.entry("taken", vondst.item) or {}).get("gaat_voor", []))
        named = [t for t in tokens[vondst.start:vondst.end] if t not in FILLER]
        if before and named not in (["tekenen"], ["tekent"], ["teken"]) \
                and any(kinds[other.item] in before for other in tasks if other is not vondst):
            return vondst
    return tasks[0]


def _by_likelihood(tasks: list[Vondst], workers: list[Vondst], settings: list[Vondst],
                   tokens: list[str]) -> list[Vondst]:
    """The task asked about first: one named in the same clause as the worker ("nieuwe aanmelding
    binnen, mag onze mbo'er dit gezin oppakken?"), and a word that also names the workplace
    ("wij hebben een gezinshuis") only when no other task is named."""
    clauses = _clauses(tokens)

    def clause_of(vondst: Vondst) -> tuple[int, int] | None:
        return next((c for c in clauses if _in(vondst, c)), None)
    worker_clauses = {clause_of(w) for w in workers}

    def rank(vondst: Vondst) -> tuple[int, int]:
        is_setting = any(v.start < s.end and s.start < v.end for v in [vondst] for s in settings)
        return (int(is_setting), int(clause_of(vondst) not in worker_clauses))
    return sorted(tasks, key=rank)  # stable: the order of mention stays within a rank


def _asked_words(text: str, tokens: list[str]) -> set[int]:
    """Indexes of the words that stand in a sentence ending in a question mark."""
    asked, at = set(), 0
    for sentence in re.findall(r"[^.!?]*[.!?]*", text):
        words = normalise(sentence).split()
        if "?" in sentence:
            asked.update(range(at, at + len(words)))
        at += len(words)
    return asked if at == len(tokens) else set()  # sentences did not add up: no preference


def _denied(vondst: Vondst, tokens: list[str]) -> bool:
    """A task denied right before it ("groepsleider, geen therapie") is not the task; a negation
    of something else is not ("zonder skj een plan vaststellen")."""
    i = vondst.start - 1
    while i >= 0 and tokens[i] in FILLER:
        i -= 1
    return i >= 0 and tokens[i] in NEGATIONS


def _take(lezing: Lezing, fact: str, vondst: Vondst) -> None:
    lezing.feiten[fact] = vondst.item
    if not vondst.zeker:
        lezing.geraden.add(fact)


def _working_role(workers: list[Vondst], tokens: list[str], asked: set[int]) -> Vondst:
    """The role someone works in, not the one they were trained for: in "opgeleid als beeldend
    therapeut, werkt als gezinsbegeleider" the worker is a gezinsbegeleider (README rule 2).
    Else the one the question is about: "een vaktherapeut hoeft niet in skj. geldt dat ook
    voor een ervaringsdeskundige?" asks about the ervaringsdeskundige."""
    def before(vondst: Vondst) -> str:
        return " ".join(tokens[max(0, vondst.start - 3):vondst.start])
    def trained(vondst: Vondst) -> bool:  # "opgeleid als pmt'er", "hbo pmt afgerond"
        return any(w in before(vondst) for w in TRAINED_AS) or bool(
            set(tokens[vondst.end:vondst.end + 2]) & TRAINED_AFTER)
    # "niet geregistreerd" is a state, not a role: "onze zij-instromer ... ze is nog niet
    # geregistreerd" is about the zij-instromer (batch 3; the registration is read apart)
    workers = [v for v in workers if v.item != "niet_geregistreerd"] or workers
    working = [v for v in workers if any(w in before(v) for w in WORKING_AS)]
    if working:
        return working[0]
    not_trained = [v for v in workers if not trained(v)] or workers
    in_question = [v for v in not_trained if v.start in asked]
    if in_question and len({v.item for v in not_trained}) > 1:
        return in_question[0]
    return not_trained[0]


def _read_roles(text: str, lezing: Lezing, colleague_spans, about_colleague) -> tuple[bool, list[Vondst]]:
    """Who is registered, and whether a registered colleague carries the responsibility.
    Returns whether the worker's registration is named only as a plan ("ze gaat zich
    registreren": the answer to the registration question is then "not (yet)"), and the
    mentions that state the worker's registration ("hij staat in het big")."""
    cat = _catalogues()
    under = cat["under"].outermost(text)
    tokens = normalise(text).split()
    registered = cat["registered"].find_all(text)

    def names_registration(span: tuple[int, int]) -> bool:
        return any(span[0] <= v.start < span[1] for v in registered) or bool(
            set(tokens[span[0]:span[1]]) & {"skj'er", "skj'ers", "gw", "gw'er", "gedragswetenschapper", "jeugdbeschermer"})
    # "Een geregistreerde collega draagt de verantwoordelijkheid" only when the message says the
    # colleague is registered (or names a role that must be): "de teamleider is verantwoordelijk",
    # "samen met een collega" leave it open, so it is asked (review 4 of issue 16, finding 6).
    for vondst in under:
        if vondst.negated:
            lezing.feiten["verantwoordelijke"] = wt.NEE
        elif names_registration(_clause_of(vondst, tokens)):
            lezing.feiten["verantwoordelijke"] = wt.JA
    for span in colleague_spans:
        negated = any(v.negated for v in registered + cat["responsible"].find_all(text)
                      if span[0] <= v.start < span[1])
        if negated:  # "haar werkbegeleider is mbo en niet geregistreerd": no registered colleague
            lezing.feiten["verantwoordelijke"] = wt.NEE
        elif names_registration(span):
            lezing.feiten.setdefault("verantwoordelijke", wt.JA)
    if any(not v.negated and "big" in tokens[max(0, v.start - 1):v.end + 1]
           for span in colleague_spans for v in registered if span[0] <= v.start < span[1]):
        # "big-geregistreerd verpleegkundige maar niet in het skj": BIG counts (Besluit Jeugdwet
        # art. 1.1; batch 7, development half)
        lezing.feiten["verantwoordelijke"] = wt.JA
    planned, stated = False, []
    for vondst in cat["registered"].outermost(text):
        if about_colleague(vondst) or vondst.item != "geregistreerd" or _about_people_in_general(vondst, tokens) \
                or _after_under(vondst, under, tokens):
            continue
        span = _clause_of(vondst, tokens)
        if set(tokens[span[0]:span[1]]) & (APPLIED | {"afwachting", "wacht"}):
            # "nog in afwachting van haar registratie", "registratie aangevraagd": not registered yet
            # (read as registered, a verdict more permissive than the norm); shown with a "?"
            lezing.feiten.setdefault("geregistreerd", wt.NEE)
            lezing.geraden.add("geregistreerd")
            continue
        if _not_a_statement(vondst, tokens):
            if vondst.negated and _only_a_condition(vondst, tokens):
                # "kan dat als ze niet geregistreerd is?": her state, asked as a condition; read as
                # "no" (the stricter reading, shown in the summary to correct) (batch 6, development half)
                lezing.feiten.setdefault("geregistreerd", wt.NEE)
                continue
            planned = planned or (_as_plan(vondst, tokens) and "?" not in text)
            continue
        lezing.feiten.setdefault("geregistreerd", wt.NEE if vondst.negated else wt.JA)
        if not vondst.negated:
            stated.append(vondst)
    if colleague_spans and "geregistreerd" not in lezing.feiten and _worker_not(text):
        lezing.feiten["geregistreerd"] = wt.NEE  # "een geregistreerde collega is verantwoordelijk, zij zelf niet"
    if lezing.feiten.get("medewerker") in ("niet_geregistreerd",):
        lezing.feiten["geregistreerd"] = wt.NEE
    if cat["other_registers"].first(text) and lezing.feiten.get("geregistreerd") != wt.JA:
        lezing.feiten.setdefault("onderwerp", "gedragswetenschapper_registratie")  # NIP/NVO: §6.25
    training = next((v for v in cat["training"].outermost(text) if not about_colleague(v)), None)
    if training and lezing.feiten.get("medewerker") in ("stagiair_of_zij_instromer", "nieuwe_medewerker", "student",
                                                      "mbo_leerling"):
        lezing.feiten["opleiding"] = training.item if not training.negated else wt.NEE
    elif training and training.item == wt.JA and not training.negated and _studying(training, tokens):
        # "werkt als ambulant hulpverlener en doet deeltijd sw": studying towards registration,
        # said of any worker; a diploma alone ("hbo'er") is not a training (issue 15, wg-e-006)
        lezing.feiten["opleiding"] = wt.JA
    return planned and "geregistreerd" not in lezing.feiten, stated


def _read_big(text: str, tokens: list[str], pending: str | None, lezing: Lezing, stated: list[Vondst],
              known_worker: str | None) -> None:
    """Only a BIG registration as arts, verpleegkundige, gezondheidszorgpsycholoog or
    psychotherapeut makes the worker registered (`big_beroepen` in the rules; Besluit Jeugdwet art.
    1.1). BIG with another profession, or said of a paramedicus or vaktherapeut, is no
    registration: "nee", shown with a "?" (issue 16 audit). BIG without a profession is read as
    the question asks it (the four professions), with a "?" to confirm; so is a bare "ja" from a
    paramedicus or vaktherapeut, who has none of the four professions. SKJ counts as it is."""
    if lezing.feiten.get("geregistreerd") != wt.JA:
        return
    registers = [i for i, t in enumerate(tokens) if t in ("skj", "big")]
    if registers and all(_register_denied(tokens, i) for i in registers):
        # "skj nee big nee. register vaktherapie ja": the "ja" is another register (batch 3)
        lezing.feiten["geregistreerd"] = wt.NEE
        return
    worker = lezing.feiten.get("medewerker") or known_worker
    if not stated and (set(tokens) & NOT_SKJ_OR_BIG or _catalogues()["other_registers"].first(text)):
        # "ja, in het register vaktherapie", "ja, ze heeft een nip registratie": another register
        lezing.feiten["geregistreerd"] = wt.NEE
        lezing.geraden.add("geregistreerd")
        return
    named = {t for v in stated for t in tokens[v.start:v.end]}
    if named & SKJ:
        return
    if "big" not in named:
        if worker == PARAMEDICUS and not stated:
            lezing.geraden.add("geregistreerd")
        return
    profession = _catalogues()["big_beroep"].first(text, skip_negated=True)
    if profession and profession.item == "telt":
        return
    if profession and profession.item == "gedragswetenschapper":
        # the orthopedagoog-generalist: NJI names it with BIG, Besluit Jeugdwet art. 1.1 does not (§6.25)
        del lezing.feiten["geregistreerd"]
        lezing.feiten.setdefault("onderwerp", "gedragswetenschapper_registratie")
        return
    if (profession and profession.item == "ander") or worker == PARAMEDICUS:
        lezing.feiten["geregistreerd"] = wt.NEE
    lezing.geraden.add("geregistreerd")


def _registered_now(tokens: list[str]) -> str:
    """A registration said in the past is no registration now: "ze was vroeger geregistreerd",
    "stond in het skj register maar dat is verlopen" (nee); "heeft ooit in het register gestaan,
    maar of dat nog zo is, geen idee" (weet ik niet). Batch 3: a lapsed registration was read as
    registered, a more permissive answer."""
    joined = " ".join(tokens).replace("was al ", "is al ")  # "ze was al geregistreerd toen ze kwam"
    words = joined.split()
    register_at = [i for i, w in enumerate(words) if w in ("geregistreerd", "register", "ingeschreven", "skj", "big")]
    past_near = any(set(words[max(0, i - 4):i + 2]) & PAST for i in register_at)
    if not (set(words) & LAPSED or past_near):
        return wt.JA
    unsure = re.search(r"\b(of dat nog|of het nog|of ze nog|of hij nog|weet (ik )?niet of|geen idee of)\b", joined) \
        or (re.search(r"\bnog zo\b", joined) and re.search(r"\b(geen idee|weet (ik )?niet|weet niet)\b", joined))
    return wt.WEET_NIET if unsure else wt.NEE


def _register_denied(tokens: list[str], i: int) -> bool:
    """"skj nee", "big niet", "geen skj", "zonder big"."""
    return (i + 1 < len(tokens) and tokens[i + 1] in ("nee", "niet", "geen")) or (
        i > 0 and tokens[i - 1] in ("geen", "niet", "nee", "zonder"))


def _after_under(vondst: Vondst, under: list[Vondst], tokens: list[str]) -> bool:
    """"onder verantwoordelijkheid van een geregistreerde": the registered one is the colleague."""
    return any(u.end <= vondst.start and all(t in ("van", "een", "de", "het", "skj", "big")
                                             for t in tokens[u.end:vondst.start]) for u in under)


def _read_signals(text: str, lezing: Lezing) -> None:
    cat = _catalogues()
    signal_data = wt.rules()["signalen"]
    # "niet bij veilig thuis" names the organisation, not an unsafe home (review 8, finding 18)
    organisation = [v for v in cat["werkveld"].find_all(text) if v.item == "veilig_thuis" and v.exact]
    for vondst in cat["signalen"].outermost(text):
        if any(v.start < vondst.end and vondst.start < v.end for v in organisation):
            continue
        target = lezing.ontkend if vondst.negated else lezing.signalen
        if vondst.item not in target:
            target.append(vondst.item)
        if not vondst.zeker:
            lezing.geraden.add(signal_data[vondst.item]["indicator"])
    lezing.ontkend = [s for s in lezing.ontkend if s not in lezing.signalen]
    if cat["no_indicators"].first(text, skip_negated=False):
        lezing.antwoorden.update({i: wt.NEE for i in INDICATOR_IDS})


def _read_topic(text: str, tokens: list[str], lezing: Lezing) -> None:
    """An open topic: words of every group of one of its patterns (`alle_van`) within one part
    of the message (`binnen`: zinsdeel, bijzin or bericht; see bot/kennis/werktoedeling.yml).
    A compound counts by its last part ("jarenlang" is "jaren lang")."""
    words = _split_compounds(tokens, _topic_vocabulary())
    parts = {
        "zinsdeel": _split(words, lambda w: w == BREAK),
        "bijzin": _topic_clauses(text, words),
        "bericht": [words],
    }
    for topic in wt.rules()["onderwerpen"]:
        for pattern in _patterns(topic):
            for part in parts[pattern.get("binnen", "zinsdeel")]:
                sentence = " ".join(part)
                if all(catalogus({"x": group}).first(sentence) for group in pattern["alle_van"]):
                    lezing.feiten["onderwerp"] = topic["id"]
                    return


def _patterns(topic: dict[str, Any]) -> list[dict[str, Any]]:
    if "patronen" in topic:
        return topic["patronen"]
    return [{"alle_van": topic["alle_van"], "binnen": "bericht" if topic.get("heel_bericht") else "zinsdeel"}]


# Words of the topic patterns that end many an ordinary word ("bijzonder", "eentje"): never
# the last part of a compound.
FUNCTION_WORDS = {"zonder", "alleen", "eentje", "haar", "zijn", "niet", "naar", "voor", "over"}


@functools.lru_cache(maxsize=1)
def _topic_vocabulary() -> tuple[str, ...]:
    """Every word of the topic patterns, longest first."""
    words = {word for topic in wt.rules()["onderwerpen"] for pattern in _patterns(topic)
             for group in pattern["alle_van"] for phrase in group for word in normalise(phrase).split()}
    return tuple(sorted(words - FUNCTION_WORDS, key=lambda w: (-len(w), w)))


def _split_compounds(tokens: list[str], vocabulary: tuple[str, ...]) -> list[str]:
    """"jarenlang" -> "jaren lang", "inkoopeisen" -> "inkoop eisen": a word that ends in a topic
    word of four letters or more, after a Dutch word of three letters or more (with a linking s)."""
    out: list[str] = []
    for token in tokens:
        head = None
        if token not in vocabulary and len(token) >= 7:
            for word in vocabulary:
                rest = token[:-len(word)]
                if len(word) >= 4 and token.endswith(word) and len(rest) >= 3 and (
                        _is_word(rest) or (rest.endswith("s") and _is_word(rest[:-1]))):
                    head = word
                    break
        out += [token[:-len(head)], head] if head else [token]
    return out


def _is_word(word: str) -> bool:
    return any(is_dutch_word(form) for form in forms(word))


def _topic_clauses(text: str, words: list[str]) -> list[list[str]]:
    """The clauses of the message, also cut at a subordinate clause with its own subject; the first
    clause of a sentence that refers back ("Daarin staat ...", "Die wil ...") goes with the clause
    before it."""
    spans = []
    for start, end in _clauses(words):
        cuts = [start] + [i for i in range(start + 1, end - 1)
                          if words[i] in SUBORDINATE and words[i + 1] in SUBJECTS]
        spans += list(zip(cuts, cuts[1:] + [end]))
    starts = _sentence_starts(text, words)
    clauses: list[list[str]] = []
    for i, (start, end) in enumerate(spans):
        first = next((w for w in words[start:end] if w != BREAK), "")
        refers_back = i > 0 and start in starts and first in REFERS_BACK
        clauses.append((words[spans[i - 1][0]:spans[i - 1][1]] if refers_back else []) + words[start:end])
    return clauses


def _sentence_starts(text: str, words: list[str]) -> set[int]:
    """Indexes of the words that start a sentence (after . ! ? or a new line, not a comma)."""
    starts, position, at = set(), 0, 0
    for end in [m.end() for m in re.finditer(r"[.!?\n]+", text)] + [len(text)]:
        starts.add(position)
        position += len(_split_compounds(normalise(text[at:end]).split(), _topic_vocabulary()))
        at = end
    return starts if position == len(words) else {0}  # the pieces did not add up: one sentence


def _split(words: list[str], is_break) -> list[list[str]]:
    parts, current = [], []
    for word in words:
        if is_break(word):
            parts.append(current)
            current = []
        else:
            current.append(word)
    return [p for p in parts + [current] if p]


def _read_reply(text: str, pending: str | None, lezing: Lezing, planned: bool = False) -> None:
    """A short reply read as the answer to the question that was asked. `planned`: the reply
    names the worker's registration only as a plan ("ja, ze gaat zich registreren")."""
    if pending is None:
        return
    reply = antwoord.read(text)
    cat = _catalogues()
    if pending in ("bevestigd", "wijzig"):
        if reply and not lezing.feiten and not lezing.signalen and not lezing.ontkend:
            lezing.bevestigd = reply.waarde == wt.JA
        elif reply and reply.waarde == wt.NEE:
            lezing.bevestigd = False
        return
    if pending in INDICATOR_IDS:
        own = [s for s in lezing.signalen if wt.rules()["signalen"][s]["indicator"] == pending]
        if own:
            lezing.antwoorden[pending] = wt.JA
        elif reply and (reply.waarde != wt.NEE or _leads_with_no(text) or not lezing.ontkend):
            lezing.antwoorden[pending] = reply.waarde
            if not reply.zeker:
                lezing.geraden.add(pending)
        return
    if pending == "geregistreerd":
        if planned and (not reply or reply.waarde == wt.JA):
            # "ze gaat zich registreren" to "Staat de medewerker in het register?": not now. Read
            # from the plan, so shown with a "?" for the person to confirm (issue 16 audit).
            lezing.feiten["geregistreerd"] = wt.NEE
            lezing.geraden.add("geregistreerd")
            return
        if reply:
            lezing.feiten["geregistreerd"] = reply.waarde
        elif "geregistreerd" not in lezing.feiten and set(normalise(text).split()) & (APPLIED | NOT_SKJ_OR_BIG):
            # "zit in de aanvraag", "alleen registerplein": not (yet) in SKJ or BIG; shown with a "?"
            lezing.feiten["geregistreerd"] = wt.NEE
            lezing.geraden.add("geregistreerd")
        if cat["other_registers"].first(text) and lezing.feiten.get("geregistreerd") != wt.JA:
            lezing.feiten["onderwerp"] = "gedragswetenschapper_registratie"
    elif pending == "opleiding":
        training = cat["training"].first(text)
        if training:
            lezing.feiten["opleiding"] = wt.NEE if training.negated else training.item
        elif reply:
            lezing.feiten["opleiding"] = reply.waarde
    elif pending == "verantwoordelijke" and reply:
        lezing.feiten["verantwoordelijke"] = reply.waarde
    elif pending == "tenzij_grond" and reply and reply.waarde in (wt.NEE, wt.WEET_NIET):
        lezing.feiten.setdefault("tenzij_grond", "geen")
    if reply and not reply.zeker and pending in lezing.feiten:
        lezing.geraden.add(pending)


def _about_people_in_general(vondst: Vondst, tokens: list[str]) -> bool:
    """"Alleen geregistreerden" or "geregistreerde professionals" (plural) is a requirement about
    people in general, not a fact about the worker; so is "dat iedereen skj heeft"."""
    words = tokens[vondst.start:vondst.end + 1]
    span = _clause_of(vondst, tokens)
    return any(word in PEOPLE_IN_GENERAL for word in words) or bool(set(tokens[span[0]:vondst.start]) & EVERYONE)


def _not_a_statement(vondst: Vondst, tokens: list[str]) -> bool:
    """Registration named as a requirement, a goal, a question or a condition, not as the
    worker's state: a requirement word in its clause or just before it, or `_as_plan`,
    `_as_question`."""
    span = _clause_of(vondst, tokens)
    before = set(tokens[max(0, vondst.start - 3):vondst.start])
    return bool((set(tokens[span[0]:span[1]]) | before) & REQUIREMENT) \
        or tokens[max(0, vondst.start - 1)] in OTHER_REGISTERS \
        or bool(set(tokens[vondst.end:vondst.end + 1]) & NOT_SKJ_OR_BIG) \
        or _other_register_only(span, tokens) \
        or _as_plan(vondst, tokens) or _as_question(vondst, tokens)  # "nip registratie", "in het register vaktherapie"


def _other_register_only(span: tuple[int, int], tokens: list[str]) -> bool:
    """"geregistreerd als sociaal werker bij registerplein": a register that is neither SKJ nor BIG
    named in the same clause, and SKJ and BIG not (review 4 of issue 16, finding 4)."""
    words = set(tokens[span[0]:span[1]])
    return bool(words & NOT_SKJ_OR_BIG) and not words & {"skj", "big"}


def _clause_of(vondst: Vondst, tokens: list[str]) -> tuple[int, int]:
    return next((s for s in _clauses(tokens) if _in(vondst, s)), (0, len(tokens)))


def _described(vondst: Vondst, tokens: list[str]) -> bool:
    """"een geregistreerde psycholoog": a registered person named before a noun is described."""
    last = tokens[vondst.end - 1]
    return last.startswith("ge") and last.endswith("e") and vondst.end < len(tokens) and tokens[vondst.end] != BREAK


def _as_plan(vondst: Vondst, tokens: list[str]) -> bool:
    """Registration as a goal, a plan, a wish, an ability or a process: "traineeship richting skj",
    "wil haar registratie halen", "gaat zich registreren", "laat zich registreren", "schrijft zich
    in bij skj", "is bezig met registreren". The perfect ("heeft zich laten registreren") is done."""
    before = set(tokens[max(0, vondst.start - 3):vondst.start])
    after = set(tokens[vondst.end:vondst.end + 2])
    if before & TOWARDS or after & GOAL:
        return True
    if _described(vondst, tokens):
        return False  # "kan onze geregistreerde psycholoog ..."
    span = _clause_of(vondst, tokens)
    earlier = tokens[span[0]:vondst.start]
    done = bool(set(earlier) & PERFECT)
    intent = set(earlier) & INTENT
    if done:
        intent -= {"laat", "laten", "liet"}
    acting = any(word in ACT for word in tokens[vondst.start:vondst.end]) or any(
        word in ACT and (word not in WRITES or earlier[i + 1:i + 2] in (["zich"], ["haar"], ["hem"]))
        for i, word in enumerate(earlier))  # "schrijft zich in bij skj", not "schrijft rapporten"
    return bool(intent) or (acting and not done)


def _as_question(vondst: Vondst, tokens: list[str]) -> bool:
    """"hoe registreert een psycholoog zich", "als ze geregistreerd is": a question how, or a
    condition, before the registration in its clause."""
    if _described(vondst, tokens):
        return False
    span = _clause_of(vondst, tokens)
    earlier = tokens[span[0]:vondst.start]
    return bool(set(earlier) & HOW) or any(
        (word in CONDITION and i + 1 < len(earlier))  # not "werkt als geregistreerde"
        or (word == "of" and i + 1 < len(earlier) and earlier[i + 1] in SUBJECTS)  # "vraagt of ze ...", not "skj of big"
        for i, word in enumerate(earlier))


def _only_a_condition(vondst: Vondst, tokens: list[str]) -> bool:
    """"als ze niet geregistreerd is": a condition word before it in its clause, and no requirement,
    plan or question how in the condition ("als ze niet geregistreerd hoeft te zijn" is a requirement)."""
    span = _clause_of(vondst, tokens)
    starts = [i for i in range(span[0], vondst.start) if tokens[i] in CONDITION]
    if not starts:
        return False
    condition = set(tokens[starts[-1] + 1:span[1]])  # "kan dat als ze ...": the "kan" is the question's
    return not condition & (REQUIREMENT | HOW | INTENT)


# Veilig Thuis as the family's report, not the workplace: "er ligt een melding bij VT".
REPORTED = {"melding", "meldingen", "gemeld", "melden", "meldt", "aangemeld", "bekend", "doorverwezen",
            "overgedragen", "zorgmelding", "signaal", "onderzoek", "adviesvraag"}
AT_PLACE = {"bij", "van", "voor", "naar", "werkt", "werken", "werkzaam", "binnen"}
# "we hebben veilig thuis gebeld", "vt is ingeschakeld": contact with Veilig Thuis, not the workplace
CONTACTED = {"gebeld", "bellen", "belt", "ingeschakeld", "inschakelen", "geraadpleegd", "raadplegen",
             "betrokken", "gemeld", "melden", "ingelicht"}


def _veilig_thuis_as_workplace(vondst: Vondst, tokens: list[str], pending: str | None) -> bool:
    """"bij Veilig Thuis", "het gaat om veilig thuis": the workplace. Not the family's report ("er ligt
    een melding bij VT"), and in an answer about safety ("geen crisis, veilig thuis") only with a
    word that places someone there (batch 6, development half)."""
    before = tokens[max(0, vondst.start - 3):vondst.start]
    if set(before) & REPORTED or set(tokens[vondst.end:vondst.end + 3]) & CONTACTED:
        return False
    if pending not in {i["id"] for i in wt.rules()["indicatoren"]}:
        return True
    return bool(before[-1:] and before[-1] in AT_PLACE) or tokens[vondst.start] == "bij" \
        or bool(set(tokens[vondst.end:vondst.end + 1]) & {"medewerker", "medewerkers", "collega", "team"})


def _studying(training: Vondst, tokens: list[str]) -> bool:
    return bool(set(tokens[max(0, training.start - 3):training.start]) & STUDYING)


def _worker_not(text: str) -> bool:
    """A short clause that says the worker is not ("zij zelf niet", "hij nog niet")."""
    for clause in normalise(text).split(BREAK):
        words = clause.split()
        if 1 < len(words) <= 4 and words[0] in ("zij", "hij", "ze", "zijzelf", "hijzelf", "zelf", "diegene") \
                and "niet" in words:
            return True
    return False


def _leads_with_no(text: str) -> bool:
    """Whether a reply starts with a bare "nee" ("nee, geen geweld"): then it answers the whole
    question as asked, not only the one signal it names."""
    first = normalise(text).split()[:1]
    return bool(first) and first[0] in ("nee", "neen", "nope", "nah", "neuh", "no", "welnee")
